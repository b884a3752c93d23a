#pragma once
/// \file
/// SuperLU's sparse LU factorization (Demmel et al. 1999; Li 2005), as SciPy
/// exposes it: `splu`, returning the factorization object SciPy calls `SuperLU`.
///
///     const sparse::SuperLU lu = sparse::splu(a);                  // Pr A Pc = L U
///     Vector x = lu.solve(b);                                       // A x = b
///     Vector y = lu.solve(b, sparse::Trans::T);                     // A^T y = b
///
/// The library is SciPy's own engine (Debian's libsuperlu), called the way
/// SciPy calls it (dgstrf after sp_preorder, no equilibration), so L, U,
/// perm_r and perm_c mean what they mean in SciPy. spsolve and factorized use
/// UMFPACK instead, which is faster on large problems. (SciPy's spilu is
/// SuperLU's ILUTP, but Debian's build of it ends the process on some singular
/// inputs, which SciPy's patched copy does not: our spilu is in
/// preconditioners.hpp.)

#include <memory>
#include <scilearn/core/types.hpp>
#include <scilearn/sparse/linear_operator.hpp>
#include <scilearn/sparse/types.hpp>
#include <type_traits>
#include <vector>

namespace scilearn::sparse {

/// The fill-reducing column ordering (SciPy's `permc_spec`).
enum class ColumnOrdering {
  natural,        ///< "NATURAL": none
  mmd_ata,        ///< "MMD_ATA": minimum degree on A^T A
  mmd_at_plus_a,  ///< "MMD_AT_PLUS_A": minimum degree on A^T + A
  colamd,         ///< "COLAMD": approximate minimum degree column ordering (SciPy's default)
};

/// Options of splu (SciPy's keyword arguments and defaults).
struct SpluOptions {
  ColumnOrdering permc_spec = ColumnOrdering::colamd;  ///< column ordering
  double diag_pivot_thresh = 1.0;  ///< in [0, 1]: 1 partial pivoting, smaller prefers the diagonal
  bool check_finite = true;        ///< reject NaN / Inf in A (and in b)
};

/// Which system solve() solves (SciPy's `trans`: 'N' or 'T').
enum class Trans {
  N,  ///< A x = b
  T,  ///< A^T x = b
};

/// An LU factorization Pr A Pc = L U with L unit lower triangular and U upper
/// triangular, both n x n CSC (SciPy's SuperLU object).
/// Copies share the factors; solve() is const and safe to call concurrently.
class SuperLU {
 public:
  /// Solves A x = b (or A^T x = b) with the factors. b is a vector (x is then
  /// a Vector) or an n x k matrix.
  /// Throws: ValueError for a b of the wrong size or (with check_finite) NaN / Inf.
  /// Complexity: O(nnz(L) + nnz(U)) per column.
  template <class Derived>
  [[nodiscard]] auto solve(const Eigen::MatrixBase<Derived>& b, Trans trans = Trans::N) const {
    if constexpr (Derived::ColsAtCompileTime == 1) {
      return Vector(solve_matrix(b, trans).col(0));
    } else {
      return solve_matrix(b, trans);
    }
  }
  /// solve() as an operator A^-1, with A^-T as its rmatvec (SciPy:
  /// `LinearOperator(A.shape, lu.solve)`).
  [[nodiscard]] LinearOperator as_operator() const;
  /// L, unit lower triangular (its unit diagonal stored).
  [[nodiscard]] CscMatrix L() const;
  /// U, upper triangular.
  [[nodiscard]] CscMatrix U() const;
  /// Row permutation: row i of A is row perm_r[i] of Pr A.
  [[nodiscard]] const std::vector<Index>& perm_r() const noexcept;
  /// Column permutation: column i of A is column perm_c[i] of A Pc.
  [[nodiscard]] const std::vector<Index>& perm_c() const noexcept;
  /// n, the order of A.
  [[nodiscard]] Index rows() const noexcept;
  /// nnz(L) + nnz(U), as SciPy's `nnz` (the unit diagonal of L is counted, as SciPy's L.nnz does).
  [[nodiscard]] Index nnz() const noexcept;

  /// \cond INTERNAL
  struct Impl;
  explicit SuperLU(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  /// \endcond

 private:
  [[nodiscard]] Matrix solve_matrix(const Eigen::Ref<const Matrix>& B, Trans trans) const;
  std::shared_ptr<const Impl> impl_;
};

/// The LU factorization of square A with SuperLU (scipy.sparse.linalg.splu).
/// Throws: ValueError for a non-square A, NaN / Inf (with check_finite), a
///         diag_pivot_thresh outside [0, 1]; LinAlgError when A is exactly
///         singular (structurally, found by a bipartite matching before
///         SuperLU runs, or a zero pivot; SciPy raises RuntimeError); BackendError
///         when SuperLU's factorization runs out of memory. Memory exhausted
///         inside SuperLU's column ordering or its solve's workspace ends the
///         process (Debian's SuperLU aborts there; SciPy's patched copy
///         raises): mmd_ata forms A^T A's pattern, which one dense row makes n^2.
/// Complexity: fill-dependent; about n^1.5 for 2-D grid problems.
[[nodiscard]] SuperLU splu(const CscMatrix& A, const SpluOptions& options = {});
/// The same for CSR storage (converted to CSC, as SciPy does).
[[nodiscard]] SuperLU splu(const CsrMatrix& A, const SpluOptions& options = {});

}  // namespace scilearn::sparse
