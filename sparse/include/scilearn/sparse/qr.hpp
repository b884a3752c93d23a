#pragma once
/// \file
/// Sparse QR factorization and direct least squares with SuiteSparseQR
/// (Davis 2011, "Algorithm 915: SuiteSparseQR"), a multifrontal rank-revealing
/// QR: what SciPy users reach through the sparseqr / scikit-sparse packages,
/// and MATLAB users as `[Q, R, E] = qr(A)` and `A \ b`.
///
///     Vector x = sparse::qr_solve(a, b);          // min ||A x - b|| (m >= n), min-norm A x = b (m < n)
///     sparse::SparseQR f = sparse::qr(a);          // A(:, E) = Q R, rank f.rank
///
/// SuiteSparse stays behind this interface (its headers are not included here).

#include <scilearn/core/types.hpp>
#include <scilearn/sparse/types.hpp>
#include <type_traits>
#include <vector>

namespace scilearn::sparse {

/// The fill-reducing column ordering of SuiteSparseQR.
enum class QrOrdering {
  automatic,  ///< SuiteSparseQR's default (COLAMD, or METIS for some matrices)
  natural,    ///< none
  colamd,     ///< COLAMD on A
  amd,        ///< AMD on A^T A
  metis,      ///< METIS on A^T A
  best,       ///< try COLAMD, AMD and METIS; keep the least fill
};

/// Options of qr and qr_solve.
struct QrOptions {
  QrOrdering ordering = QrOrdering::automatic;  ///< column ordering
  /// Columns whose remaining 2-norm is at most tol are taken as zero (the rank
  /// decision). Negative: SuiteSparseQR's default, 20 (m + n) eps max_j ||A_j||.
  double tol = -1.0;
  bool check_finite = true;  ///< reject NaN / Inf in A and b
};

namespace detail {
/// X = A \ B (defined in src/qr.cpp).
Matrix qr_solve(const CscMatrix& A, const Eigen::Ref<const Matrix>& B, const QrOptions& options);
}  // namespace detail

/// Solves A x = b in the least-squares sense: for m >= n the basic solution
/// minimizing ||A x - b|| (n - rank entries zero when A is rank deficient);
/// for m < n the minimum-norm solution of the (full row rank) system, via the
/// QR factorization of A^T. b is a vector or an m x k matrix.
/// Throws: ValueError for a b with the wrong number of rows, NaN / Inf (with
///         check_finite); BackendError for SuiteSparseQR failures (out of memory).
/// Complexity: one multifrontal QR factorization (fill-dependent) and, per
///         column of b, an application of Q^T and a triangular solve.
template <class Derived>
[[nodiscard]] auto qr_solve(const CscMatrix& A, const Eigen::MatrixBase<Derived>& b, const QrOptions& options = {}) {
  if constexpr (Derived::ColsAtCompileTime == 1) {
    return Vector(detail::qr_solve(A, b, options).col(0));
  } else {
    return detail::qr_solve(A, b, options);
  }
}

/// The factors of A(:, E) = Q R.
struct SparseQR {
  CscMatrix Q;              ///< m x e, orthonormal columns
  CscMatrix R;              ///< e x n, upper trapezoidal; rows past rank are zero
  std::vector<Index> E;     ///< column permutation: column k of A E is column E[k] of A
  Index rank = 0;           ///< SuiteSparseQR's rank estimate (from tol)
};

/// The sparse QR factorization A(:, E) = Q R with Q explicit and sparse.
/// `economy` (the default) gives e = max(min(m, n), rank) columns of Q and rows
/// of R; otherwise Q is m x m. Q can be much denser than R: prefer qr_solve for
/// least squares.
/// Throws: ValueError for NaN / Inf (with check_finite); BackendError for
///         SuiteSparseQR failures.
[[nodiscard]] SparseQR qr(const CscMatrix& A, const QrOptions& options = {}, bool economy = true);

}  // namespace scilearn::sparse
