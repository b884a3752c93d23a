#pragma once
/// \file
/// Triangular sparse solves (scipy.sparse.linalg.spsolve_triangular).
///
///     Vector x = sparse::spsolve_triangular(l, b);                      // L x = b, L lower
///     Matrix X = sparse::spsolve_triangular(u, B, {.lower = false});    // U X = B

#include <scilearn/core/types.hpp>
#include <scilearn/sparse/types.hpp>
#include <type_traits>

namespace scilearn::sparse {

/// Options of spsolve_triangular (SciPy's keyword arguments and defaults).
struct TriangularOptions {
  bool lower = true;           ///< A is lower (true) or upper triangular
  bool unit_diagonal = false;  ///< take A's diagonal as ones; its stored diagonal is not read
  bool check_finite = true;    ///< reject NaN / Inf in A and b
};

namespace detail {
/// X = A^-1 B for triangular A (defined in src/spsolve_triangular.cpp).
Matrix spsolve_triangular(const CsrMatrix& A, const Eigen::Ref<const Matrix>& B, const TriangularOptions& options);
/// The same for CSC storage.
Matrix spsolve_triangular(const CscMatrix& A, const Eigen::Ref<const Matrix>& B, const TriangularOptions& options);
}  // namespace detail

/// Solves A x = b for a square triangular sparse A (CSR or CSC) by forward or
/// back substitution; b is a vector (x is then a Vector) or an n x k matrix.
/// Throws: ValueError for a non-square A, a b of the wrong size, NaN / Inf
///         (with check_finite); LinAlgError when A is singular (a zero or
///         missing diagonal entry, without unit_diagonal) or has a non-zero
///         entry in the other triangle (not triangular), as SciPy.
/// Complexity: O(nnz(A)) per column of b.
template <class SparseA, class Derived>
requires(std::is_same_v<SparseA, CscMatrix> || std::is_same_v<SparseA, CsrMatrix>)
    [[nodiscard]] auto spsolve_triangular(const SparseA& A, const Eigen::MatrixBase<Derived>& b,
                                          const TriangularOptions& options = {}) {
  if constexpr (Derived::ColsAtCompileTime == 1) {
    return Vector(detail::spsolve_triangular(A, b, options).col(0));
  } else {
    return detail::spsolve_triangular(A, b, options);
  }
}

}  // namespace scilearn::sparse
