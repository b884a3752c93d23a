#pragma once
// The test matrices of tests/reference/sparse_krylov.py, built the same way
// on both sides from exactly representable entries (so SciPy and we iterate on
// bitwise the same system; only the right-hand sides' and least-squares
// matrices' random values travel as fixtures).

#include <scilearn/sparse/types.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace scilearn::testing {

using sparse::CsrMatrix;
using sparse::Triplet;

/// The space-separated numbers of a manifest cell.
inline std::vector<double> numbers(const std::string& text) {
  std::istringstream in(text);
  std::vector<double> out;
  for (double v; in >> v;) out.push_back(v);
  return out;
}

/// The 5-point stencil on an nx x nx grid (unknown k = i nx + j) with the
/// given centre and west / east / south / north coefficients.
inline CsrMatrix five_point(int nx, double centre, double west, double east, double south, double north) {
  std::vector<Triplet> t;
  for (int i = 0; i < nx; ++i) {
    for (int j = 0; j < nx; ++j) {
      const int k = i * nx + j;
      t.emplace_back(k, k, centre);
      if (j > 0) t.emplace_back(k, k - 1, west);
      if (j + 1 < nx) t.emplace_back(k, k + 1, east);
      if (i > 0) t.emplace_back(k, k - nx, south);
      if (i + 1 < nx) t.emplace_back(k, k + nx, north);
    }
  }
  CsrMatrix a(nx * nx, nx * nx);
  a.setFromTriplets(t.begin(), t.end());
  return a;
}

/// 2-D Poisson, 5-point (SPD, eigenvalues in (0, 8)).
inline CsrMatrix poisson2d(int nx) { return five_point(nx, 4, -1, -1, -1, -1); }

/// Upwinded convection-diffusion: nonsymmetric, diagonally dominant.
inline CsrMatrix convection_diffusion(int nx) { return five_point(nx, 4, -1.3, -0.7, -1.2, -0.8); }

/// D A D with A = poisson2d and d_k = 1 + k mod 7: SPD, badly scaled (Jacobi fixes the scaling).
inline CsrMatrix scaled_poisson(int nx) {
  CsrMatrix a = poisson2d(nx);
  for (int r = 0; r < a.outerSize(); ++r) {
    for (CsrMatrix::InnerIterator it(a, r); it; ++it) it.valueRef() *= (1 + r % 7) * (1 + it.col() % 7);
  }
  return a;
}

/// poisson2d(nx) - 2.1 I: symmetric indefinite, no eigenvalue near 0.
inline CsrMatrix indefinite_poisson(int nx) { return five_point(nx, 1.9, -1, -1, -1, -1); }

/// poisson2d(nx) - 2 I: singular when 3 divides nx + 1 (cos(pi / 3) = 1/2), e.g. nx = 20.
inline CsrMatrix singular_poisson(int nx) { return five_point(nx, 2, -1, -1, -1, -1); }

/// A five-point stencil with opposite-sign couplings along rows: complex
/// eigenvalues (tests/reference/sparse_eigen.py's "rotating").
inline CsrMatrix rotating_five_point(int nx) { return five_point(nx, 4, -1.3, 0.7, -1.2, -0.8); }

/// The Laplacian D - W of the nx x nx grid graph with unit weights: symmetric,
/// positive semi-definite, singular (the constant vector is its null space).
inline CsrMatrix grid_laplacian(int nx) {
  CsrMatrix a = five_point(nx, 0, -1, -1, -1, -1);
  for (int r = 0; r < a.outerSize(); ++r) {
    double degree = 0;
    for (CsrMatrix::InnerIterator it(a, r); it; ++it) degree -= it.value();
    a.coeffRef(r, r) = degree;
  }
  return a;
}

/// The m x n matrix with A(i, j) = ((7 i + 13 j) mod 11) - 5 where (i + 3 j)
/// mod 5 == 0 and 0 elsewhere (the sparse_eigen.py svds matrix).
inline CsrMatrix rectangular(int m, int n) {
  std::vector<Triplet> t;
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < n; ++j) {
      if ((i + 3 * j) % 5 == 0 && (7 * i + 13 * j) % 11 != 5) t.emplace_back(i, j, (7 * i + 13 * j) % 11 - 5.0);
    }
  }
  CsrMatrix a(m, n);
  a.setFromTriplets(t.begin(), t.end());
  return a;
}

/// The right-hand side b_k = 1 + k mod 5.
inline Vector rhs(Index n) {
  Vector b(n);
  for (Index k = 0; k < n; ++k) b(k) = 1.0 + static_cast<double>(k % 5);
  return b;
}

}  // namespace scilearn::testing
