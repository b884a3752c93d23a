#pragma once
// What banded_test.cpp, toeplitz_test.cpp and special_matrices_test.cpp
// share: the manifest of tests/data/linalg/banded/ (tests/reference/
// linalg_banded.py) and dense matrices rebuilt from band storage.

#include <string>
#include <vector>

#include "linalg_testing.hpp"

namespace scilearn::testing {

inline const std::string kBandedDir = "linalg/banded";

// One row of tests/data/linalg/banded/cases.csv.
struct BandedCase {
  std::string name;
  char dtype;
  Index l;
  Index u;
  bool lower;
  Index error_order;
  double cond;
};

inline std::vector<BandedCase> read_banded_cases(const std::string& kind) {
  std::vector<BandedCase> cases;
  for (const auto& f : read_manifest(kBandedDir + "/cases.csv")) {
    BOOST_TEST_REQUIRE(f.size() == 8u);
    if (f[1] == kind) {
      cases.push_back({f[0], f[2][0], std::stoi(f[3]), std::stoi(f[4]), f[5] == "1", std::stoi(f[6]), std::stod(f[7])});
    }
  }
  BOOST_TEST_REQUIRE(!cases.empty(), "no cases of kind " << kind);
  return cases;
}

template <class S>
MatrixT<S> load_banded(const std::string& name) {
  return load_fixture<S>(kBandedDir, name);
}

/// Runs solve(b) with a vector b when SciPy got a 1-D <name>_b (a vector type
/// in, a vector out), else with the matrix; returns x as a matrix.
template <class S, class Solve>
MatrixT<S> solve_as_scipy(const std::string& name, const MatrixT<S>& b, Solve&& solve) {
  if (is_vector_fixture(kBandedDir, name + "_b")) {
    const VectorT<S> bv = b.col(0);
    const VectorT<S> xv = solve(bv);
    return xv;
  }
  return solve(b);
}

/// The dense n x n matrix that band storage ab with l sub- and u
/// super-diagonals holds: a(i, j) = ab(u + i - j, j) inside the band.
template <class S>
MatrixT<S> dense_from_band(const MatrixT<S>& ab, Index l, Index u) {
  const Index n = ab.cols();
  MatrixT<S> a = MatrixT<S>::Zero(n, n);
  for (Index j = 0; j < n; ++j)
    for (Index i = std::max<Index>(0, j - u); i < std::min(n, j + l + 1); ++i) a(i, j) = ab(u + i - j, j);
  return a;
}

/// The Hermitian matrix that the upper or lower form ab (kd + 1 rows) holds;
/// the diagonal's imaginary part is ignored, as LAPACK does.
template <class S>
MatrixT<S> dense_from_hermitian_band(const MatrixT<S>& ab, bool lower) {
  const Index kd = ab.rows() - 1;
  const MatrixT<S> half = lower ? dense_from_band<S>(ab, kd, 0) : dense_from_band<S>(ab, 0, kd);
  MatrixT<S> a = half + half.adjoint();
  for (Index i = 0; i < a.rows(); ++i) a(i, i) = S(Eigen::numext::real(half(i, i)));
  return a;
}

/// The relative 1-norm distance of x from SciPy's x_ref: ||x - x_ref||_1 / ||x_ref||_1.
template <class S>
double rel_error(const MatrixT<S>& x, const MatrixT<S>& x_ref) {
  return norm1<S>(x - x_ref) / norm1<S>(x_ref);
}

}  // namespace scilearn::testing
