#pragma once
// The Trust Region Reflective method of least_squares without bounds, as
// SciPy's trf_no_bounds runs it (Branch, Coleman and Li 1999; with no bounds
// it is a trust-region Gauss-Newton method): each step solves the trust-
// region subproblem exactly through the SVD of the scaled Jacobian (Moré's
// iteration for the Levenberg-Marquardt parameter, Moré 1978 / Nocedal and
// Wright 2006, Alg. 4.3).

#include <functional>
#include <optional>
#include <scilearn/optimize/least_squares.hpp>
#include <utility>

namespace scilearn::optimize::detail {

struct TrfOutcome {
  Vector x, f;
  Matrix jac;
  Vector grad;
  double cost = 0, optimality = 0;
  int nfev = 0, njev = 0, status = 0;
  IndexVector active_mask;  // -1 at a lower bound, 1 at an upper one, 0 free
};

/// The trust-region subproblem min ||J p + f||, ||p|| <= delta, from the SVD
/// J = U diag(s) V' (uf = U'f; m: J's rows before any augmentation).
struct TrustRegionStep {
  Vector p;
  double alpha;  // the Levenberg-Marquardt parameter found
};
TrustRegionStep solve_trust_region(Index n, Index m, const Vector& uf, const Vector& s, const Matrix& v, double delta,
                                   std::optional<double> initial_alpha);

/// SciPy's update_tr_radius: (new delta, ratio of actual to predicted reduction).
std::pair<double, double> update_trust_radius(double delta, double actual_reduction, double predicted_reduction,
                                              double step_norm, bool bound_hit);

/// SciPy's check_termination: 2 ftol, 3 xtol, 4 both, nullopt neither.
std::optional<int> termination(double reduction, double cost, double step_norm, double x_norm, double ratio,
                               double ftol, double xtol);

/// -1 / 1 where x is within rtol max(1, |bound|) of its lower / upper bound
/// (rtol = 0: on or beyond it), 0 elsewhere.
IndexVector find_active_constraints(const Vector& x, const Vector& lb, const Vector& ub, double rtol);

/// x moved strictly inside the bounds where it is on (or, rtol > 0, near)
/// one: by rtol max(1, |bound|), or to the next float when rtol = 0.
Vector make_strictly_feasible(const Vector& x, const Vector& lb, const Vector& ub, double rtol);

/// A robust loss with its scale (SciPy's construct_loss_function): rho and
/// its first two derivatives at z = (f / f_scale)^2, scaled back.
struct RobustLoss {
  Loss loss = Loss::linear;
  double f_scale = 1.0;
  /// 0.5 f_scale^2 sum rho(z).
  double cost(const Vector& f) const;
  /// rho (times f_scale^2), rho' and rho'' (over f_scale^2) at each residual.
  void rho(const Vector& f, Vector& r0, Vector& r1, Vector& r2) const;
};

/// The current point of a trf run: x, f, J, the cost, the gradient J'f and
/// the variable scales (x_scale given, or 'jac': J's column norms inverted,
/// never allowed to grow back), with the evaluation counts.
struct TrfIterate {
  TrfIterate(const VectorFunction& fun, const JacobianFunction& jac, const Vector& x0, const Vector& x_scale,
             const RobustLoss& loss);
  /// Moves to an accepted step: f there, a new Jacobian, gradient and scales.
  void accept(const Vector& x_new, const Vector& f_new, double cost_new);
  TrfOutcome finish(double g_norm, std::optional<int> status, IndexVector active_mask) const;
  /// The cost at residuals f (under the loss).
  double cost_of(const Vector& f_new) const { return loss.cost(f_new); }

  /// A step proposed inside the trust region: where it lands, the step in
  /// the original and (its norm) in the scaled variables, and the reduction
  /// the quadratic model predicts.
  struct Trial {
    Vector x_new, step;
    double step_h_norm, predicted_reduction;
  };
  using Propose = std::function<Trial(double delta, double& alpha)>;
  /// One trf iteration: proposes steps, shrinking or growing delta as
  /// SciPy's update_tr_radius does (a quarter of the step after a non-finite
  /// f), until one reduces the cost or max_nfev is spent, and accepts it.
  /// Returns the termination test met, if any.
  std::optional<int> iterate(const VectorFunction& fun, const Propose& propose, double& delta, double& alpha,
                             int max_nfev, double ftol, double xtol);

  const JacobianFunction& jac;
  const RobustLoss& loss;
  Vector x, f_true;  // f_true: the residuals; f and j below: rescaled by the loss
  Vector f;
  Matrix j;
  double cost;
  Vector g, scale, scale_inv;
  bool jac_scale;
  int nfev = 1, njev = 1;
};

/// fun and jac as least_squares resolved them (jac: the user's or finite
/// differences); x_scale empty means 'jac' scaling. max_nfev > 0.
TrfOutcome trf_no_bounds(const VectorFunction& fun, const JacobianFunction& jac, const Vector& x0, double ftol,
                         double xtol, double gtol, int max_nfev, const Vector& x_scale, const RobustLoss& loss);

/// The same with lb < ub (some finite); x0 strictly inside them.
TrfOutcome trf_bounds(const VectorFunction& fun, const JacobianFunction& jac, const Vector& x0, const Vector& lb,
                      const Vector& ub, double ftol, double xtol, double gtol, int max_nfev, const Vector& x_scale,
                      const RobustLoss& loss);

/// dogbox (optimize/src/dogbox.cpp): the same inputs; x0 inside the bounds
/// (on one is fine); infinite bounds allowed.
TrfOutcome dogbox(const VectorFunction& fun, const JacobianFunction& jac, const Vector& x0, const Vector& lb,
                  const Vector& ub, double ftol, double xtol, double gtol, int max_nfev, const Vector& x_scale,
                  const RobustLoss& loss);

}  // namespace scilearn::optimize::detail
