#pragma once
/// \file
/// scipy.optimize.root and fsolve: a zero of a vector function of as many
/// unknowns (hybr; the quasi-Newton methods broyden1, broyden2, anderson), or
/// a least-squares zero (lm).

#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <scilearn/optimize/functions.hpp>
#include <string>

namespace scilearn::optimize {

/// The method (SciPy's `method` of root).
enum class RootMethod {
  hybr,  ///< Powell's hybrid dogleg method with Broyden updates, MINPACK's hybrd / hybrj (SciPy's default)
  lm,    ///< Levenberg-Marquardt on ||fun(x)||^2, MINPACK's lmdif / lmder (as SciPy's root(method='lm'))
  broyden1,  ///< Broyden's first ("good") method on the inverse Jacobian, with a line search (SciPy's nonlin_solve)
  broyden2,  ///< Broyden's second ("bad") method on the inverse Jacobian, with a line search
  anderson,  ///< extended Anderson mixing over the last M steps (Eyert 1996), with a line search
};

/// The line search of the quasi-Newton methods (SciPy's `line_search`
/// option), on phi(s) = ||fun(x + s dx)||^2.
enum class NonlinLineSearch {
  armijo,  ///< backtracking with quadratic / cubic interpolation, steps down to 0.01 (SciPy's default)
  wolfe,   ///< Moré-Thuente (MINPACK-2 dcsrch) with phi' by forward differences, steps in [0.01, 50]
  none,    ///< the full step x + dx
};

/// How broyden1 / broyden2 keep the rank of their inverse-Jacobian update
/// below max_rank (SciPy's `reduction_method`).
enum class BroydenReduction {
  restart,  ///< drop every update (SciPy's default)
  simple,   ///< drop the oldest update
  svd,      ///< keep the to_retain most significant SVD components (van der Rotten 2003)
};

/// The options of broyden1, broyden2 and anderson, with the names of SciPy's
/// root options (`fatol`, `ftol`, `xatol`, `xtol`, `maxiter`, `nit`,
/// `line_search`, `tol_norm`) and of its `jac_options` (`alpha`,
/// `reduction_method`, `max_rank`, `M`, `w0`). The solver stops with success
/// when, in tol_norm (default the max norm),
///   |F| <= fatol and |F| <= ftol |F(x0)| and |dx| <= xatol and |dx| <= xtol |x|,
/// dx being the last step as the Jacobian approximation proposed it (before
/// the line search); the infinite defaults switch a test off, so by default
/// |F|_max <= fatol decides. Before the first step the step tests fail (as in
/// SciPy), so at least one iteration is made unless F(x0) is exactly 0.
struct NonlinOptions {
  /// Absolute tolerance on the residual: SciPy's default eps^(1/3) ~ 6.06e-6.
  double fatol = std::pow(std::numeric_limits<double>::epsilon(), 1.0 / 3.0);
  double ftol = std::numeric_limits<double>::infinity();   ///< relative tolerance on the residual
  double xatol = std::numeric_limits<double>::infinity();  ///< absolute tolerance on the step
  double xtol = std::numeric_limits<double>::infinity();   ///< relative tolerance on the step
  int maxiter = 0;  ///< iteration limit; 0: 100 (n + 1)
  /// SciPy's `nit`: when > 0, make exactly nit iterations and report status 2
  /// (SciPy's backward-compatible mode; the tolerances are then not used).
  int nit = 0;
  NonlinLineSearch line_search = NonlinLineSearch::armijo;
  std::function<double(const Vector&)> tol_norm{};                  ///< empty: the max norm
  std::function<void(const Vector& x, const Vector& f)> callback{};  ///< after every iteration
  /// The initial Jacobian is -1/alpha I; empty: 0.5 max(||x0||, 1) / ||F(x0)|| (1 if F(x0) = 0).
  std::optional<double> alpha{};
  BroydenReduction reduction_method = BroydenReduction::restart;  ///< broyden1 / broyden2
  int max_rank = 0;    ///< broyden1 / broyden2: the update's rank limit (>= 2); 0: no limit
  int to_retain = -1;  ///< svd reduction: components kept; -1: max_rank - 3 (SciPy's p - 2 with p = max_rank - 1)
  int M = 5;           ///< anderson: previous steps kept (0: a plain fixed-point step -alpha F)
  double w0 = 0.01;    ///< anderson: regularization of the normal equations (>= 0)
};

/// Options of root, with SciPy's names and defaults (those of the two MINPACK drivers).
struct RootOptions {
  RootMethod method = RootMethod::hybr;
  /// The Jacobian (n x n); empty: MINPACK's forward differences.
  JacobianFunction jac{};
  double xtol = 1.49012e-08;  ///< stop when the relative change of x is at most xtol
  double ftol = 1.49012e-08;  ///< lm: relative reduction of the sum of squares
  double gtol = 0.0;          ///< lm: cosine between f and the Jacobian's columns
  int maxfev = 0;             ///< evaluation limit; 0: 200 (n + 1), 100 (n + 1) with jac
  double epsfcn = 0.0;        ///< forward-difference step sqrt(max(epsfcn, eps)) |x_j|
  double factor = 100.0;      ///< initial step bound: factor |diag x|
  Vector diag{};              ///< variable scaling (positive); empty: from the Jacobian's column norms
  /// broyden1, broyden2, anderson: their options (the MINPACK fields above
  /// are not used by them; jac is ignored with a warning, as SciPy does).
  NonlinOptions nonlin{};
};

/// SciPy's OptimizeResult of root.
struct RootResult {
  Vector x{};
  Vector fun{};       ///< fun(x)
  bool success = false;
  /// MINPACK's info (hybr: 1 converged, 2 maxfev, 3 xtol too small, 4-5 no
  /// progress; lm: as leastsq). broyden1 / broyden2 / anderson: 1 converged,
  /// 2 iteration limit, 3 the Jacobian approximation gave a zero step (where
  /// SciPy raises ValueError).
  int status = 0;
  std::string message{};
  int nfev = 0;       ///< evaluations of fun, finite-difference ones included
  int njev = 0;       ///< evaluations of jac
  std::string method{};
  /// broyden1 / broyden2 / anderson: SciPy's nit, the number of convergence
  /// checks (iterations + 1 on convergence, maxiter at the limit); 0 for hybr and lm.
  int nit = 0;
};

/// Finds x with fun(x) = 0 from x0.
/// Requires: x0 non-empty and finite; fun returns as many values as x0 has
/// (hybr; at least as many for lm), the same count every call; jac (if
/// given) of that shape; xtol, ftol, gtol >= 0; maxfev >= 0; factor > 0;
/// diag empty or positive with n entries; for broyden1 / broyden2 / anderson
/// (options.nonlin): tolerances >= 0 (NaN not allowed), maxiter >= 0, nit >=
/// 0, alpha (if given) finite and non-zero, max_rank 0 or >= 2, to_retain >=
/// -1, M >= 0, w0 >= 0.
/// Ensures: success (status 1, or 1-4 for lm) or a status and message saying
/// why not; x is the best point found (hybr, lm) or the last iterate
/// (broyden1 / broyden2 / anderson, as SciPy returns it). A quasi-Newton run
/// that does not converge returns success false, never throws.
/// Throws: ValueError on bad input; whatever fun or jac throws.
/// Complexity: O(n^2) per step between Jacobians (Broyden updates of the QR
/// factors), O(n^3) per Jacobian (hybr). broyden1 / broyden2: O(k n) per
/// step with k updates stored, O(n^2) once k passes n (the update is then
/// kept as a dense matrix, as SciPy does); anderson: O(M n + M^3) per step.
[[nodiscard]] RootResult root(const VectorFunction& fun, const Vector& x0, const RootOptions& options = {});

/// scipy.optimize.fsolve: root with method hybr, returning x (check the
/// result of root() when convergence matters: fsolve, like SciPy's, warns
/// instead of failing).
[[nodiscard]] Vector fsolve(const VectorFunction& fun, const Vector& x0, const RootOptions& options = {});

}  // namespace scilearn::optimize
