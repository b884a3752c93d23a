#pragma once
/// \file
/// LinearOperator: a matrix known only by what it does to a vector
/// (scipy.sparse.linalg.LinearOperator), the input of every Krylov solver.
///
///     // matrix-free: y = A x for the 1-D Laplacian, never stored
///     sparse::LinearOperator a(n, n, [n](const sparse::VectorView& x, sparse::VectorRef y) {
///       for (Index i = 0; i < n; ++i) y(i) = 2 * x(i) - (i > 0 ? x(i - 1) : 0) - (i + 1 < n ? x(i + 1) : 0);
///     });
///     auto r = sparse::cg(a, b);
///     auto r2 = sparse::cg(csr, b);      // a CsrMatrix converts implicitly (borrowed)

#include <functional>
#include <memory>
#include <scilearn/core/types.hpp>
#include <scilearn/sparse/types.hpp>

namespace scilearn::sparse {

/// A linear map from R^cols to R^rows given by y = A x (matvec) and,
/// optionally, y = A^T x (rmatvec).
///
/// Built from callables, or from a CSR / CSC / dense matrix. From an lvalue
/// matrix the operator *borrows* it (as SciPy's aslinearoperator keeps a
/// reference): the matrix must outlive the operator and its copies. From an
/// rvalue (a temporary or std::move) the operator owns the matrix. Copies of an
/// operator share what it holds; copying is cheap.
///
/// Thread safety: matvec / rmatvec are const and safe to call concurrently when
/// the callables are.
class LinearOperator {
 public:
  /// y = A x: x has cols() entries, y has rows() entries (already sized).
  using MatVec = std::function<void(const VectorView& x, VectorRef y)>;

  /// Matrix-free operator of shape rows x cols.
  /// Requires: rows, cols >= 0; matvec callable. rmatvec may be empty (then
  /// rmatvec() throws, and solvers that need A^T (lsqr, lsmr) reject it).
  /// Throws: ValueError for a negative size or an empty matvec.
  LinearOperator(Index rows, Index cols, MatVec matvec, MatVec rmatvec = {});

  /// Borrows a CSR matrix (it must outlive the operator). Implicit, so a
  /// solver takes a matrix where it takes an operator.
  LinearOperator(const CsrMatrix& a);  // NOLINT(google-explicit-constructor)
  /// Owns the CSR matrix.
  LinearOperator(CsrMatrix&& a);  // NOLINT(google-explicit-constructor)
  /// Borrows a CSC matrix (it must outlive the operator).
  LinearOperator(const CscMatrix& a);  // NOLINT(google-explicit-constructor)
  /// Owns the CSC matrix.
  LinearOperator(CscMatrix&& a);  // NOLINT(google-explicit-constructor)
  /// Borrows a CSR matrix with 64-bit indices (it must outlive the operator).
  LinearOperator(const CsrMatrix64& a);  // NOLINT(google-explicit-constructor)
  /// Owns the CSR matrix with 64-bit indices.
  LinearOperator(CsrMatrix64&& a);  // NOLINT(google-explicit-constructor)
  /// Borrows a CSC matrix with 64-bit indices (it must outlive the operator).
  LinearOperator(const CscMatrix64& a);  // NOLINT(google-explicit-constructor)
  /// Owns the CSC matrix with 64-bit indices.
  LinearOperator(CscMatrix64&& a);  // NOLINT(google-explicit-constructor)
  /// Borrows a dense matrix (it must outlive the operator).
  LinearOperator(const Matrix& a);  // NOLINT(google-explicit-constructor)
  /// Owns the dense matrix.
  LinearOperator(Matrix&& a);  // NOLINT(google-explicit-constructor)

  /// Number of rows (size of A x).
  [[nodiscard]] Index rows() const noexcept { return rows_; }
  /// Number of columns (size of x).
  [[nodiscard]] Index cols() const noexcept { return cols_; }
  /// True when A^T x is available.
  [[nodiscard]] bool has_rmatvec() const noexcept { return static_cast<bool>(rmatvec_); }

  /// A x. Throws: ValueError unless x has cols() entries. Complexity: one product.
  [[nodiscard]] Vector matvec(const VectorView& x) const;
  /// A^T x. Throws: ValueError unless x has rows() entries, or if the operator
  /// has no rmatvec.
  [[nodiscard]] Vector rmatvec(const VectorView& x) const;
  /// y = A x into y, unchecked (sizes must be right): what the solvers call.
  void apply(const VectorView& x, VectorRef y) const { matvec_(x, y); }
  /// y = A^T x into y, unchecked; requires has_rmatvec().
  void apply_transpose(const VectorView& x, VectorRef y) const { rmatvec_(x, y); }
  /// The transpose A^T as an operator (matvec and rmatvec swapped).
  /// Throws: ValueError if the operator has no rmatvec.
  [[nodiscard]] LinearOperator transpose() const;

 private:
  Index rows_;
  Index cols_;
  MatVec matvec_;
  MatVec rmatvec_;
};

/// The identity of size n as an operator (SciPy's IdentityOperator).
[[nodiscard]] LinearOperator identity_operator(Index n);

}  // namespace scilearn::sparse
