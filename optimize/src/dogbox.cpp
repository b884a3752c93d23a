// least_squares(method = dogbox): Powell's dogleg in a rectangular trust
// region intersected with the bounds (Voglis and Lagaris 2004, "A
// rectangular trust region dogleg approach for unconstrained and bound
// constrained nonlinear optimization"), as SciPy's dogbox runs it: variables
// at a bound whose gradient points outward are held fixed, the Newton step of
// the free ones is a least-squares solution, and the dogleg runs from the
// Cauchy point to it.
#include <cmath>
#include <scilearn/linalg/lstsq.hpp>

#include "box_steps.hpp"
#include "trf.hpp"

namespace scilearn::optimize::detail {

namespace {

struct DoglegStep {
  Vector step;
  IndexVector bound_hits;  // -1 / 1 where the step ends on a lower / upper bound of the box
  bool tr_hit = false;     // whether it ends on the trust region's boundary
};

// The dogleg in the box max(lb - x, -tr) <= s <= min(ub - x, tr) for the
// model whose Cauchy step along -g has the quadratic a t^2 + b t.
DoglegStep dogleg_step(const Vector& x, const Vector& newton_step, const Vector& g, const Quadratic1d& q,
                       const Vector& tr_bounds, const Vector& lb, const Vector& ub) {
  const Index n = x.size();
  const Vector lb_centered = lb - x, ub_centered = ub - x;
  const Vector lb_total = lb_centered.cwiseMax(-tr_bounds), ub_total = ub_centered.cwiseMin(tr_bounds);
  DoglegStep out{newton_step, IndexVector::Zero(n), false};
  if (in_bounds(newton_step, lb_total, ub_total)) return out;
  const double to_bounds = step_size_to_bound(Vector::Zero(n), -g, lb_total, ub_total).first;
  const Vector cauchy_step = -minimize_quadratic_1d(q, 0, to_bounds).first * g;
  const Vector step_diff = newton_step - cauchy_step;
  const auto [step_size, hits] = step_size_to_bound(cauchy_step, step_diff, lb_total, ub_total);
  for (Index i = 0; i < n; ++i) {
    if (hits(i) < 0 && lb_total(i) == lb_centered(i)) out.bound_hits(i) = -1;
    if (hits(i) > 0 && ub_total(i) == ub_centered(i)) out.bound_hits(i) = 1;
    if ((hits(i) < 0 && lb_total(i) == -tr_bounds(i)) || (hits(i) > 0 && ub_total(i) == tr_bounds(i))) {
      out.tr_hit = true;
    }
  }
  out.step = cauchy_step + step_size * step_diff;
  return out;
}

template <class T>
T take(const T& v, const std::vector<Index>& idx) {
  T out(static_cast<Index>(idx.size()));
  for (std::size_t k = 0; k < idx.size(); ++k) out(static_cast<Index>(k)) = v(idx[k]);
  return out;
}

}  // namespace

TrfOutcome dogbox(const VectorFunction& fun, const JacobianFunction& jac, const Vector& x0, const Vector& lb,
                  const Vector& ub, double ftol, double xtol, double gtol, int max_nfev, const Vector& x_scale,
                  const RobustLoss& loss) {
  const Index n = x0.size();
  TrfIterate it(fun, jac, x0, x_scale, loss);
  double delta = x0.cwiseProduct(it.scale_inv).cwiseAbs().maxCoeff();
  if (delta == 0) delta = 1.0;
  IndexVector on_bound = IndexVector::Zero(n);
  for (Index i = 0; i < n; ++i) on_bound(i) = x0(i) == lb(i) ? -1 : (x0(i) == ub(i) ? 1 : 0);
  std::optional<int> status;
  double g_norm = 0;
  Vector g_full = it.g;
  for (;;) {
    // Variables on a bound that the gradient pushes against stay there.
    std::vector<Index> free;
    g_full = it.g;
    Vector g = it.g;
    for (Index i = 0; i < n; ++i) {
      if (static_cast<double>(on_bound(i)) * g(i) < 0) {
        g(i) = 0;
      } else {
        free.push_back(i);
      }
    }
    g_norm = g.cwiseAbs().maxCoeff();
    if (g_norm < gtol) status = 1;
    if (status || it.nfev == max_nfev) break;
    const Vector x_free = take(it.x, free), lb_free = take(lb, free), ub_free = take(ub, free);
    const Vector scale_free = take(it.scale, free), g_free = take(g, free);
    Matrix j_free(it.j.rows(), static_cast<Index>(free.size()));
    for (std::size_t k = 0; k < free.size(); ++k) j_free.col(static_cast<Index>(k)) = it.j.col(free[k]);
    const Vector newton_step =
        linalg::lstsq(j_free, Vector(-it.f), {.cond = -1.0, .check_finite = false}).x;  // rcond = -1: machine precision
    const Quadratic1d q = quadratic_1d(j_free, g_free, -g_free, Vector(), std::nullopt);
    double actual_reduction = -1, cost_new = it.cost;
    Vector x_new, f_new;
    IndexVector on_bound_free;
    while (actual_reduction <= 0 && it.nfev < max_nfev) {
      const DoglegStep d = dogleg_step(x_free, newton_step, g_free, q, delta * scale_free, lb_free, ub_free);
      Vector step = Vector::Zero(n);
      for (std::size_t k = 0; k < free.size(); ++k) step(free[k]) = d.step(static_cast<Index>(k));
      const double predicted_reduction = -evaluate_quadratic(j_free, g_free, d.step, Vector());
      x_new = (it.x + step).cwiseMax(lb).cwiseMin(ub);
      f_new = fun(x_new);
      ++it.nfev;
      const double step_h_norm = step.cwiseProduct(it.scale_inv).cwiseAbs().maxCoeff();
      if (!f_new.allFinite()) {
        delta = 0.25 * step_h_norm;
        continue;
      }
      cost_new = it.cost_of(f_new);
      actual_reduction = it.cost - cost_new;
      double ratio = 0;
      std::tie(delta, ratio) = update_trust_radius(delta, actual_reduction, predicted_reduction, step_h_norm, d.tr_hit);
      status = termination(actual_reduction, it.cost, step.norm(), it.x.norm(), ratio, ftol, xtol);
      on_bound_free = d.bound_hits;
      if (status) break;
    }
    if (actual_reduction > 0) {
      for (std::size_t k = 0; k < free.size(); ++k) on_bound(free[k]) = on_bound_free(static_cast<Index>(k));
      for (Index i = 0; i < n; ++i) {  // exactly on the bounds the step reached
        if (on_bound(i) == -1) x_new(i) = lb(i);
        if (on_bound(i) == 1) x_new(i) = ub(i);
      }
      it.accept(x_new, f_new, cost_new);
    }
  }
  TrfOutcome out = it.finish(g_norm, status, on_bound);
  out.grad = g_full;
  return out;
}

}  // namespace scilearn::optimize::detail
