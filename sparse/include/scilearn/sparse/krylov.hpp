#pragma once
/// \file
/// Krylov solvers for square systems A x = b (scipy.sparse.linalg.cg,
/// bicgstab, gmres, minres), with SciPy 1.17's stopping rules, defaults and
/// `info` codes.
///
///     sparse::CsrMatrix a = ...;                       // SPD
///     auto r = sparse::cg(a, b, {.rtol = 1e-8, .M = sparse::jacobi(a)});
///     if (r.info != 0) { /* r.x is the last iterate; r.message says why */ }
///
/// A is a LinearOperator; a CsrMatrix, CscMatrix or Matrix converts to one
/// implicitly (borrowed for the call). The preconditioner M approximates A^-1,
/// as in SciPy.
///
/// Result codes (KrylovResult::info), as SciPy's:
///   0   converged: ||b - A x|| <= max(atol, rtol ||b||) (minres: its own test, below);
///   > 0 the iteration limit was reached without convergence; info = maxiter;
///   < 0 breakdown: the method cannot continue (x is the last iterate).
/// A zero b gives x = 0 and info 0 at once (SciPy returns b).
///
/// Throws (for all solvers): ValueError if A is not square, b or x0 has the wrong
/// size or a NaN / Inf, M's shape differs from A's, rtol or atol is negative or
/// not finite, maxiter is negative.
/// Never throws for numerical trouble: a non-finite residual (an operator that
/// produced NaN) ends the iteration with a breakdown code.

#include <functional>
#include <optional>
#include <scilearn/core/types.hpp>
#include <scilearn/sparse/linear_operator.hpp>
#include <string>

namespace scilearn::sparse {

/// Called with the current iterate x_k after each iteration (SciPy's `callback(xk)`).
using IterateCallback = std::function<void(const Vector& xk)>;

/// What cg, bicgstab and gmres return (SciPy's `(x, info)`), plus the
/// iteration count and a sentence for the log.
struct KrylovResult {
  Vector x;             ///< the solution, or the last iterate when info != 0
  int info = 0;         ///< 0 converged, > 0 iteration limit (= maxiter), < 0 breakdown
  int nit = 0;          ///< iterations done (gmres: inner Arnoldi steps, over all restarts)
  std::string message;  ///< how it ended, in words
  /// True when info == 0.
  [[nodiscard]] bool success() const noexcept { return info == 0; }
};

/// Options of cg and bicgstab (SciPy's keyword arguments and defaults).
struct KrylovOptions {
  Vector x0{};                        ///< starting guess; empty: zeros
  double rtol = 1e-5;                 ///< relative tolerance on ||b - A x|| / ||b||
  double atol = 0.0;                  ///< absolute tolerance; the test is ||r|| < max(atol, rtol ||b||)
  int maxiter = 0;                    ///< iteration limit; 0: 10 n
  std::optional<LinearOperator> M{};  ///< preconditioner approximating A^-1; none: identity
  IterateCallback callback{};         ///< called with x_k after each iteration
};

/// Conjugate gradients (Hestenes & Stiefel 1952; preconditioned as in Barrett
/// et al., "Templates", 1994) for symmetric positive definite A (and M).
/// Stops when ||r_k|| < max(atol, rtol ||b||), r_k the recursively updated residual.
/// Breakdown (info -10): p^T A p is zero or not finite (A or M singular or not
/// SPD in a way CG cannot pass; SciPy would continue with NaN).
/// Complexity: per iteration one matvec, one M application, O(n) vector work.
[[nodiscard]] KrylovResult cg(const LinearOperator& A, const VectorView& b, const KrylovOptions& options = {});

/// BiConjugate Gradient Stabilized (van der Vorst 1992) for general square A.
/// Same stopping test as cg; right preconditioning as SciPy's.
/// Breakdowns: info -10 when |rho| = |r~^T r| < eps^2, info -11 when |omega| <
/// eps^2 or r~^T v = 0 (SciPy's codes and thresholds).
/// Complexity: per iteration two matvecs, two M applications.
[[nodiscard]] KrylovResult bicgstab(const LinearOperator& A, const VectorView& b, const KrylovOptions& options = {});

/// What gmres's callback receives (SciPy's `callback_type`).
enum class GmresCallbackType {
  x,        ///< `callback(x)` once per restart cycle, with the current iterate
  pr_norm,  ///< `pr_norm_callback(||preconditioned residual|| / ||b||)` after every inner iteration
  legacy    ///< as pr_norm, and `maxiter` then counts inner iterations (SciPy's
            ///< old semantics; its default when a callback is given without a type)
};

/// Options of gmres (SciPy's keyword arguments and defaults).
struct GmresOptions {
  Vector x0{};                        ///< starting guess; empty: zeros
  double rtol = 1e-5;                 ///< relative tolerance on ||b - A x|| / ||b||
  double atol = 0.0;                  ///< absolute tolerance; the test is ||r|| <= max(atol, rtol ||b||)
  int restart = 20;                   ///< Krylov subspace size between restarts (capped at n); must be >= 1
  int maxiter = 0;                    ///< limit on restart cycles; 0: 10 n
  std::optional<LinearOperator> M{};  ///< left preconditioner approximating A^-1; none: identity
  GmresCallbackType callback_type = GmresCallbackType::x;  ///< which callback is called
  IterateCallback callback{};                              ///< for callback_type x
  std::function<void(double)> pr_norm_callback{};          ///< for callback_type pr_norm / legacy
};

/// Restarted GMRES (Saad & Schultz 1986) with modified Gram-Schmidt and Givens
/// rotations, left-preconditioned, with SciPy's inner tolerance control (gh-8400):
/// the inner Arnoldi loop stops on the preconditioned residual estimate against an
/// adaptive target, each cycle ends with the true residual ||b - A x||, and the
/// method converges when that is <= max(atol, rtol ||b||).
/// info = maxiter without convergence, also when the Krylov space became
/// invariant (an "exact" solution) that fails the outer test, as SciPy.
/// Breakdown (info -10): M maps a non-zero residual to zero, or the residual is
/// not finite.
/// Throws: ValueError for restart < 1, besides the common checks.
/// Complexity: per inner iteration one matvec, one M application and
/// O(restart n) orthogonalization; O(restart n) memory.
[[nodiscard]] KrylovResult gmres(const LinearOperator& A, const VectorView& b, const GmresOptions& options = {});

/// Options of minres (SciPy's keyword arguments and defaults; minres has no atol).
struct MinresOptions {
  Vector x0{};                        ///< starting guess; empty: zeros
  double shift = 0.0;                 ///< solves (A - shift I) x = b
  double rtol = 1e-5;                 ///< relative tolerance of the stopping tests below
  int maxiter = 0;                    ///< iteration limit; 0: 5 n
  std::optional<LinearOperator> M{};  ///< symmetric positive definite preconditioner; none: identity
  IterateCallback callback{};         ///< called with x_k after each iteration
  bool check = false;                 ///< test that A and M look symmetric before iterating (ValueError if not)
};

/// MINRES (Paige & Saunders 1975) for symmetric, possibly indefinite A, as
/// SciPy's port of Paige & Saunders's code: stops when ||r|| / (||A|| ||x||) <=
/// rtol or ||A r|| / (||A|| ||r||) <= rtol (estimates from the Lanczos process;
/// with M these are M^-1-norms), or on the machine-precision tests (x converged
/// to an eigenvector, cond(A) >= 0.1 / eps, ||A|| ||x|| eps >= beta1): all of these
/// give info 0, as SciPy; the iteration limit gives info = maxiter.
/// Throws: ValueError when M is indefinite (r^T M r < 0) or the Lanczos process
/// shows A is not symmetric (as SciPy), besides the common checks.
/// Complexity: per iteration one matvec, one M application, O(n) vector work.
[[nodiscard]] KrylovResult minres(const LinearOperator& A, const VectorView& b, const MinresOptions& options = {});

}  // namespace scilearn::sparse
