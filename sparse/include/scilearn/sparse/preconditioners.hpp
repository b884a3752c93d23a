#pragma once
/// \file
/// Preconditioners for the Krylov solvers, as LinearOperators M that
/// approximate A^-1 (SciPy's `M` argument).

#include <scilearn/sparse/linear_operator.hpp>
#include <scilearn/sparse/types.hpp>

namespace scilearn::sparse {

/// The Jacobi (diagonal) preconditioner M x = x ./ diag(A).
/// SciPy has no helper; its users write
/// `LinearOperator(A.shape, matvec=lambda x: x / A.diagonal())`.
/// Requires: A square with every diagonal entry finite and non-zero.
/// Throws: ValueError for a non-square A, or naming the first zero / non-finite
///         diagonal entry. The operator owns a copy of the inverted diagonal.
/// Complexity: O(nnz) to build, O(n) per application.
[[nodiscard]] LinearOperator jacobi(const CsrMatrix& a);
/// The same for CSC storage.
[[nodiscard]] LinearOperator jacobi(const CscMatrix& a);

}  // namespace scilearn::sparse
