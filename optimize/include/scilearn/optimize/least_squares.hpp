#pragma once
/// \file
/// scipy.optimize.least_squares: minimizes 0.5 sum f_i(x)^2 for a vector
/// function f of n variables (m >= n residuals).

#include <optional>
#include <scilearn/optimize/functions.hpp>
#include <scilearn/optimize/minimize.hpp>
#include <string>

namespace scilearn::optimize {

/// The algorithm (SciPy's `method`).
enum class LeastSquaresMethod {
  trf,     ///< Trust Region Reflective (Branch, Coleman and Li 1999), exact subproblems by SVD; bounds
  lm,      ///< Levenberg-Marquardt as MINPACK's lmder (Moré 1978); no bounds
  dogbox,  ///< dogleg in a rectangular trust region (Voglis and Lagaris 2004); bounds; for small problems
};

/// The loss rho applied to each squared residual (SciPy's `loss`): the cost
/// is 0.5 f_scale^2 sum rho((f_i / f_scale)^2). All but `linear` damp the
/// outliers' influence (trf only).
enum class Loss {
  linear,   ///< rho(z) = z: ordinary least squares
  soft_l1,  ///< rho(z) = 2 ((1 + z)^0.5 - 1): a smooth l1
  huber,    ///< rho(z) = z for z <= 1, 2 z^0.5 - 1 beyond
  cauchy,   ///< rho(z) = ln(1 + z)
  arctan,   ///< rho(z) = arctan(z): bounds each residual's cost
};

/// Options of least_squares, with SciPy's names and defaults.
struct LeastSquaresOptions {
  LeastSquaresMethod method = LeastSquaresMethod::trf;
  /// The Jacobian (m x n); empty: forward differences with SciPy's relative
  /// step sqrt(eps) max(1, |x|) (approx_derivative, 2-point).
  JacobianFunction jac{};
  /// The Jacobian's sparsity pattern (m x n; nonzero: may be nonzero) for
  /// finite differences (ignored with `jac`; not with lm): columns that share
  /// no row are perturbed together, one evaluation per group instead of one
  /// per variable. The subproblems are still solved exactly on the (dense)
  /// Jacobian, where SciPy switches to its iterative lsmr solver.
  SparseMatrix jac_sparsity{};
  /// lb <= x <= ub (trf and dogbox; 1 or n entries each, lb < ub, x0 inside).
  std::optional<Bounds> bounds{};
  Loss loss = Loss::linear;
  double f_scale = 1.0;  ///< the residual size at which the loss leaves its quadratic part
  double ftol = 1e-8;    ///< stop when the relative reduction of the cost (actual and predicted) is <= ftol
  double xtol = 1e-8;    ///< stop when the trust region shrinks below xtol times the scaled |x|
  double gtol = 1e-8;    ///< stop when the largest cosine between f and a column of J is <= gtol
  /// Characteristic scale of each variable (one entry for all); empty: the
  /// method's SciPy default, 1 (trf) or 'jac' (lm).
  Vector x_scale{};
  /// SciPy's x_scale='jac': scales from the inverse norms of the Jacobian's
  /// columns, updated as they grow.
  bool x_scale_jac = false;
  int max_nfev = 0;  ///< evaluation limit; 0: 100 n
};

/// SciPy's OptimizeResult of least_squares.
struct LeastSquaresResult {
  Vector x{};
  double cost = 0;            ///< 0.5 ||f(x)||^2, or the robust cost under `loss`
  Vector fun{};               ///< f(x), unscaled by the loss
  Matrix jac{};               ///< J(x) (under a robust loss: rescaled by it, as SciPy returns it)
  Vector grad{};              ///< the cost's gradient, J(x)' f(x) for the linear loss
  double optimality = 0;      ///< ||grad||_inf
  IndexVector active_mask{};  ///< -1 / 1 for variables at their lower / upper bound (within xtol), else 0
  int nfev = 0;               ///< evaluations of f (finite-difference ones included)
  int njev = 0;               ///< evaluations of jac (0 with finite differences)
  int status = 0;             ///< SciPy's: 0 max_nfev reached, 1 gtol, 2 ftol, 3 xtol, 4 ftol and xtol
  std::string message{};
  bool success = false;  ///< status > 0
};

/// Minimizes 0.5 ||fun(x)||^2 from x0.
/// Requires: x0 non-empty, finite and inside the bounds; fun returns m >= n values, the
/// same m every call; jac (if given) m x n; tolerances >= 0, not all three
/// below machine epsilon (SciPy's rule); x_scale positive, 1 or n entries;
/// max_nfev >= 0.
/// Ensures: status 1-4 when a tolerance test was met, 0 when max_nfev was reached.
/// Throws: ValueError on bad input; whatever fun or jac throws.
/// Complexity: per iteration an SVD (trf, and dogbox's least-squares Newton
/// step) or a pivoted QR (lm) of the m x n Jacobian, O(m n^2), plus O(n^2)
/// per trust-region subproblem step.
[[nodiscard]] LeastSquaresResult least_squares(const VectorFunction& fun, const Vector& x0,
                                               const LeastSquaresOptions& options = {});

}  // namespace scilearn::optimize
