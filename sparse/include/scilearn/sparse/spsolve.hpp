#pragma once
/// \file
/// Direct sparse solves (scipy.sparse.linalg.spsolve): UMFPACK's
/// multifrontal LU for general square A, CHOLMOD's Cholesky when the caller
/// says A is symmetric positive definite. SuiteSparse stays behind this
/// interface (its headers are not included here).
///
///     Vector x = sparse::spsolve(a, b);                                    // LU (UMFPACK)
///     Vector y = sparse::spsolve(spd, b, {.assume_a = sparse::AssumeA::pos});  // Cholesky (CHOLMOD)
///
/// SciPy's spsolve uses SuperLU (or UMFPACK with scikit-umfpack) and returns
/// NaN with a warning for an exactly singular matrix; we throw LinAlgError.

#include <scilearn/core/types.hpp>
#include <scilearn/sparse/types.hpp>
#include <type_traits>

namespace scilearn::sparse {

/// What spsolve may assume about A (the spellings of scipy.linalg.solve's `assume_a`).
enum class AssumeA {
  gen,  ///< general square: LU with partial pivoting and a fill-reducing ordering (UMFPACK)
  pos,  ///< symmetric positive definite: Cholesky with AMD / METIS ordering (CHOLMOD);
        ///< only the upper triangle is read, as scipy.linalg.solve with lower=False
};

/// Options of spsolve.
struct SpsolveOptions {
  AssumeA assume_a = AssumeA::gen;  ///< which factorization
  bool check_finite = true;         ///< reject NaN / Inf in A's stored values and in b
};

namespace detail {
/// X = A^-1 B; what spsolve calls (defined in src/spsolve.cpp).
Matrix spsolve(const CscMatrix& A, const Eigen::Ref<const Matrix>& B, const SpsolveOptions& options);
/// The same for CSR storage.
Matrix spsolve(const CsrMatrix& A, const Eigen::Ref<const Matrix>& B, const SpsolveOptions& options);
}  // namespace detail

/// Solves A x = b for square sparse A (CscMatrix or CsrMatrix). b is a vector
/// (x is then a Vector) or an n x k matrix of right-hand sides (x is a Matrix,
/// from one factorization).
/// Requires: A square (n x n, n >= 0), b with n rows.
/// Ensures:  x with A x = b up to the factorization's backward error.
/// Throws:   ValueError for a non-square A, a b of the wrong size, NaN / Inf (with
///           check_finite); LinAlgError when A is structurally or numerically
///           singular (gen) or not positive definite (pos); BackendError
///           (keeping SuiteSparse's status) for anything else SuiteSparse reports,
///           e.g. out of memory.
/// Complexity: one sparse factorization (fill-dependent; about n^1.5 for 2-D
///           grid problems) and two triangular solves per column of b.
/// A CSR matrix is factorized as the CSC matrix of A^T, without a copy, and
/// solved transposed.
template <class SparseA, class Derived>
requires(std::is_same_v<SparseA, CscMatrix> || std::is_same_v<SparseA, CsrMatrix>)
    [[nodiscard]] auto spsolve(const SparseA& A, const Eigen::MatrixBase<Derived>& b,
                               const SpsolveOptions& options = {}) {
  if constexpr (Derived::ColsAtCompileTime == 1) {
    return Vector(detail::spsolve(A, b, options).col(0));
  } else {
    return detail::spsolve(A, b, options);
  }
}

}  // namespace scilearn::sparse
