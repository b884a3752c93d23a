#pragma once
/// \file
/// A few extreme eigenpairs of a large symmetric (generalized) eigenproblem
/// A x = lambda B x by LOBPCG, the locally optimal block preconditioned
/// conjugate gradient method (Knyazev, SIAM J. Sci. Comput. 23(2), 2001),
/// as scipy.sparse.linalg.lobpcg.
///
///     // the 4 smallest eigenpairs of a 2-D Laplacian, from a random start
///     Generator rng(7);
///     Matrix x0 = rng.standard_normal(a.rows(), 4);
///     auto r = sparse::lobpcg(a, x0, {.maxiter = 200, .largest = false});
///     // r.eigenvalues ascending; r.eigenvectors.col(i) belongs to r.eigenvalues(i)
///
/// Each iteration applies A (and B, M) to a block of at most k vectors and
/// solves a dense 3k x 3k Rayleigh-Ritz problem, so LOBPCG suits k much
/// smaller than n, where a good preconditioner M (an approximation of A^-1)
/// makes it converge in few iterations. Unlike ARPACK (eigsh) it needs no
/// factorization of A for the smallest eigenvalues, and it takes a mass
/// matrix B and constraints Y directly.
///
/// Semantics are SciPy 1.17's: the iteration stops when every residual norm
/// ||A x_i - lambda_i B x_i||_2 (from the running updates of A X and B X)
/// is at most tol, or after maxiter + 1 Rayleigh-Ritz steps; the block that
/// met tol, else the one with the smallest mean residual norm seen, goes
/// through a final Rayleigh-Ritz step with recomputed products, which makes
/// it B-orthonormal to working accuracy; `converged` and `residual_norms`
/// are those of the returned pairs, recomputed, and can exceed tol slightly
/// even when the iteration met it (the message then says so). When
/// n - sizeY < 5 k the problem is solved by a dense symmetric eigensolver
/// instead (A and B applied to the identity; no history), with a
/// UserWarning, as SciPy does.
///
/// Differences from SciPy:
///   - non-convergence is reported by `converged` == false and a UserWarning
///     through the warning handler (SciPy only warns);
///   - the dense path with constraints Y throws ValueError (SciPy raises
///     NotImplementedError);
///   - a pair whose residual norm rises above tol again (the Rayleigh-Ritz
///     steps rotate converged vectors with the others, freely within a
///     cluster) rejoins the iteration; SciPy keeps it out once it met tol,
///     and can stop with residual norms above tol;
///   - a restart forced by a residual jump (restart_control) drops the
///     search directions for one iteration only (SciPy's flag, once set,
///     drops them for the rest of the run);
///   - when the iteration meets tol, that block is returned even if an
///     earlier one had a smaller mean residual norm;
///   - columns count as linearly dependent when a Cholesky pivot of their
///     Gram matrix is at most 16 eps of its diagonal entry (SciPy: only when
///     Cholesky fails, which lets near-dependent columns through to blow up
///     rounding errors): X or Y so is a ValueError, R so ends the run,
///     P so drops P for an iteration;
///   - a negative tol is a ValueError (SciPy takes the default), the final
///     Rayleigh-Ritz step's failure a LinAlgError (SciPy: ValueError), and
///     an empty A a ValueError.
///
/// Throws: ValueError for an empty or non-square A, X without columns or not with n
/// rows, Y not with n rows or with n or more columns, B or M not n x n, a
/// negative or non-finite tol, a negative maxiter or restart_control, X, Y
/// or a matrix A with NaN / Inf, an operator (A, B or M) that returns NaN /
/// Inf, linearly dependent columns of Y (or B not positive definite on
/// them), or initial X with linearly dependent columns after the
/// constraints; LinAlgError when B is not positive definite in the dense
/// path or the final Rayleigh-Ritz step. User callables that throw
/// propagate their exception.
///
/// Thread safety: reentrant; the operators are called from the calling
/// thread only.

#include <optional>
#include <scilearn/core/types.hpp>
#include <scilearn/sparse/linear_operator.hpp>
#include <scilearn/sparse/types.hpp>
#include <string>
#include <vector>

namespace scilearn::sparse {

/// Options of lobpcg (SciPy's keyword arguments and defaults).
struct LobpcgOptions {
  std::optional<LinearOperator> B{};  ///< mass matrix, symmetric positive definite (A x = lambda B x); none: identity
  std::optional<LinearOperator> M{};  ///< preconditioner, symmetric positive definite, ideally close to A^-1; none: identity
  Matrix Y{};                         ///< n x sizeY constraints: iterate B-orthogonally to its columns; empty: none
  double tol = 0.0;                   ///< residual-norm tolerance of every pair; 0: n sqrt(eps)
  int maxiter = 20;                   ///< iteration limit
  bool largest = true;                ///< the k largest eigenvalues, else the k smallest
  int restart_control = 20;           ///< restart when the mean residual norm exceeds 2^restart_control times the smallest seen
  bool return_history = false;        ///< record the eigenvalues and residual norms of every iteration
};

/// What lobpcg returns: SciPy's (lambda, v) and histories, plus how the run went.
struct LobpcgResult {
  Vector eigenvalues;         ///< k values: descending when largest, ascending otherwise (SciPy's order)
  Matrix eigenvectors;        ///< n x k, B-orthonormal; column i belongs to eigenvalues(i)
  Vector residual_norms;      ///< ||A x_i - lambda_i B x_i||_2 of the returned pairs
  int iterations = 0;         ///< SciPy's iteration number at exit: the loop ran iterations + 1 times at most
  int best_iteration = 0;     ///< the iteration whose block was returned (iterations + 1: the block after the last step)
  bool converged = false;     ///< every returned residual norm is at most tol
  bool dense = false;         ///< n - sizeY < 5 k: solved by the dense eigensolver
  double tol = 0.0;           ///< the tolerance applied
  /// With return_history: the eigenvalues at the start of iterations 0 ..
  /// best_iteration, then the returned ones (SciPy's lambdaHistory).
  std::vector<Vector> eigenvalue_history;
  /// With return_history: the residual norms, entry for entry as eigenvalue_history.
  std::vector<Vector> residual_norm_history;
  std::string message;        ///< how it ended, in words
};

/// k = X.cols() eigenpairs of the symmetric n x n A (with options.B: of the
/// pencil (A, B)), the largest or smallest, by LOBPCG started from the
/// columns of X (scipy.sparse.linalg.lobpcg). Only A's action is used; a
/// non-symmetric A gives meaningless results, as in SciPy.
/// X: n x k initial approximations with independent columns (random ones
/// work when nothing better is known). The operator is applied column by
/// column; the matrix overloads below apply it to the whole block at once.
/// Complexity: per iteration at most k applications of A, B and M each
/// (2k of A and B on a forced restart), O(n k^2) dense work and an O(k^3)
/// eigenproblem of order 3k.
[[nodiscard]] LobpcgResult lobpcg(const LinearOperator& A, const Eigen::Ref<const Matrix>& X,
                                  const LobpcgOptions& options = {});
/// The same for a CSR matrix (block products).
[[nodiscard]] LobpcgResult lobpcg(const CsrMatrix& A, const Eigen::Ref<const Matrix>& X,
                                  const LobpcgOptions& options = {});
/// The same for a CSC matrix (block products).
[[nodiscard]] LobpcgResult lobpcg(const CscMatrix& A, const Eigen::Ref<const Matrix>& X,
                                  const LobpcgOptions& options = {});
/// The same for a dense matrix (block products).
[[nodiscard]] LobpcgResult lobpcg(const Matrix& A, const Eigen::Ref<const Matrix>& X,
                                  const LobpcgOptions& options = {});

}  // namespace scilearn::sparse
