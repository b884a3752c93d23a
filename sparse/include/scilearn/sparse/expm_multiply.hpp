#pragma once
/// \file
/// The action of the matrix exponential, exp(A) B, without forming exp(A)
/// (scipy.sparse.linalg.expm_multiply): Al-Mohy & Higham, "Computing the
/// action of the matrix exponential", SIAM J. Sci. Comput. 33 (2011),
/// Algorithm 3.2: a truncated Taylor series in s steps of degree m chosen
/// from norm estimates of powers of A, after shifting A by trace(A) / n.
///
///     Vector u = sparse::expm_multiply(dt * laplacian, u0);   // one step of the heat equation
///     // u(t) at t = 0, 0.1, ..., 1 (SciPy's start / stop / num): row k is u(t_k)
///     Matrix path = sparse::expm_multiply(laplacian, u0, {.start = 0, .stop = 1, .num = 11});

#include <optional>
#include <scilearn/core/types.hpp>
#include <scilearn/sparse/types.hpp>
#include <type_traits>
#include <vector>

namespace scilearn::sparse {

/// Options of expm_multiply.
struct ExpmMultiplyOptions {
  std::optional<double> traceA{};  ///< trace(A) when the caller knows it; else summed from A's diagonal
  bool check_finite = true;        ///< reject NaN / Inf in A and B
};

/// The time points t_k of expm_multiply's grid: numpy.linspace(start, stop,
/// num, endpoint), as SciPy's expm_multiply(A, B, start, stop, num, endpoint).
struct ExpmMultiplyGrid {
  double start = 0.0;     ///< the first time point
  double stop = 1.0;      ///< the last one, or (endpoint false) the one after the last
  int num = 50;           ///< number of time points, >= 2
  bool endpoint = true;   ///< whether stop is a time point
};

namespace detail {
/// exp(t_k A) B for every time point of the grid.
std::vector<Matrix> expm_multiply(const CsrMatrix& A, const Eigen::Ref<const Matrix>& B,
                                  const ExpmMultiplyGrid& grid, const ExpmMultiplyOptions& options);
/// The same for CSC storage.
std::vector<Matrix> expm_multiply(const CscMatrix& A, const Eigen::Ref<const Matrix>& B,
                                  const ExpmMultiplyGrid& grid, const ExpmMultiplyOptions& options);
/// exp(A) B (defined in src/expm_multiply.cpp).
Matrix expm_multiply(const CsrMatrix& A, const Eigen::Ref<const Matrix>& B, const ExpmMultiplyOptions& options);
/// The same for CSC storage.
Matrix expm_multiply(const CscMatrix& A, const Eigen::Ref<const Matrix>& B, const ExpmMultiplyOptions& options);
}  // namespace detail

/// exp(A) B for square sparse A (CsrMatrix or CscMatrix) and B a vector (the
/// result is then a Vector) or an n x k matrix, to double precision (the
/// series stops when its terms fall below 2^-53 of the sum, as SciPy).
/// Throws: ValueError for a non-square A, a B of the wrong size, NaN / Inf
///         (with check_finite), a non-finite traceA.
/// Complexity: m s products of A with B, m s about ||A||_1 plus a few; with
///         large ||A||_1, also a few norm estimates of powers of A (onenormest).
template <class SparseA, class Derived>
requires(std::is_same_v<SparseA, CscMatrix> || std::is_same_v<SparseA, CsrMatrix>)
    [[nodiscard]] auto expm_multiply(const SparseA& A, const Eigen::MatrixBase<Derived>& B,
                                     const ExpmMultiplyOptions& options = {}) {
  if constexpr (Derived::ColsAtCompileTime == 1) {
    return Vector(detail::expm_multiply(A, B, options).col(0));
  } else {
    return detail::expm_multiply(A, B, options);
  }
}

/// exp(t_k A) B at the num time points of `grid` (SciPy's expm_multiply
/// with start, stop, num, endpoint): for a vector B a num x n matrix whose
/// row k is exp(t_k A) B (SciPy's (num, n) array), for an n x k matrix B a
/// vector of num matrices (SciPy's (num, n, k)). Each point is as accurate
/// as a direct call: exp(t_0 A) B first, then steps of exp(h A), h the grid
/// spacing, with one choice of Taylor degree and step count for |h|.
/// stop < start (negative steps) is allowed.
/// Throws: as expm_multiply, and ValueError for num < 2 or a non-finite
///         start or stop.
/// Complexity: about the work of expm_multiply over |stop - start| ||A||_1
///         (plus |start| ||A||_1 for the first point), at least m* products
///         per point.
template <class SparseA, class Derived>
requires(std::is_same_v<SparseA, CscMatrix> || std::is_same_v<SparseA, CsrMatrix>)
    [[nodiscard]] auto expm_multiply(const SparseA& A, const Eigen::MatrixBase<Derived>& B,
                                     const ExpmMultiplyGrid& grid, const ExpmMultiplyOptions& options = {}) {
  std::vector<Matrix> points = detail::expm_multiply(A, B, grid, options);
  if constexpr (Derived::ColsAtCompileTime == 1) {
    Matrix rows(static_cast<Index>(points.size()), A.rows());
    if (A.rows() == 0) return rows;  // no storage: row(k) of it would offset a null pointer
    for (std::size_t k = 0; k < points.size(); ++k) rows.row(static_cast<Index>(k)) = points[k].col(0).transpose();
    return rows;
  } else {
    return points;
  }
}

}  // namespace scilearn::sparse
