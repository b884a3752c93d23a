#pragma once
/// \file
/// Preconditioners for the Krylov solvers, as LinearOperators M that
/// approximate A^-1 (SciPy's `M` argument).

#include <memory>
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

/// Options of spilu (SciPy's keyword arguments and defaults).
struct SpiluOptions {
  double drop_tol = 1e-4;   ///< drop entries below drop_tol times their row's 2-norm; 0 keeps all (bounded by fill)
  double fill_factor = 10;  ///< keep about fill_factor nnz(A) / n entries per row of L and of U (rounded up)
};

/// An incomplete LU factorization L U ~ P A P^T (the object spilu returns):
/// apply it with solve() or use it as the preconditioner M of a Krylov solver.
/// Copies share the factors; solve is const and thread-safe.
class IncompleteLU {
 public:
  /// x ~ A^-1 b. Throws: ValueError for a b of the wrong size. Complexity: O(nnz(L + U)).
  [[nodiscard]] Vector solve(const VectorView& b) const;
  /// The preconditioner M ~ A^-1 as an operator (SciPy: `LinearOperator(A.shape, ilu.solve)`).
  [[nodiscard]] LinearOperator as_operator() const;
  /// n, the order of A.
  [[nodiscard]] Index rows() const noexcept { return n_; }
  /// \cond INTERNAL
  struct Impl;
  IncompleteLU(std::shared_ptr<const Impl> impl, Index n) : impl_(std::move(impl)), n_(n) {}
  /// \endcond

 private:
  std::shared_ptr<const Impl> impl_;
  Index n_;
};

/// Incomplete LU with threshold dropping (scipy.sparse.linalg.spilu's role),
/// by Eigen's IncompleteLUT: Saad's ILUT, a dual dropping rule (drop_tol and a
/// per-row fill budget) after an AMD ordering of the symmetrized pattern,
/// without pivoting. SciPy's spilu is SuperLU's ILUTP, which pivots: on
/// diagonally dominant or definite matrices the two precondition about equally
/// well (tests/sparse/superlu_test.cpp counts GMRES iterations against
/// SciPy's); on indefinite matrices with small diagonal entries ILUT can be
/// much weaker (540 GMRES iterations against SciPy's 2 on 2-D Poisson - 2.1 I).
/// Requires: A square, finite; drop_tol >= 0, fill_factor >= 1.
/// Throws: ValueError for bad A or options; LinAlgError when A has an empty row
///         (no incomplete factorization exists) or, with drop_tol = 0, a zero
///         pivot (ILUT replaces one by sqrt(drop_tol) times its row's norm).
/// Complexity: about O(n fill^2) for fill = fill_factor nnz(A) / n entries per row.
[[nodiscard]] IncompleteLU spilu(const CscMatrix& A, const SpiluOptions& options = {});
/// The same for CSR storage.
[[nodiscard]] IncompleteLU spilu(const CsrMatrix& A, const SpiluOptions& options = {});

}  // namespace scilearn::sparse
