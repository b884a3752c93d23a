// The Trust Region Reflective method with bounds, as SciPy's trf_bounds runs
// it (Branch, Coleman and Li 1999, "A subspace, interior, and conjugate
// gradient method for large-scale bound-constrained minimization problems",
// SIAM J. Sci. Comput. 21(1)): Coleman and Li's scaling makes the bounds part
// of the trust region; each step is the best of the trust-region step cut at
// the first bound, its reflection there, and the scaled steepest-descent step,
// all kept strictly inside the box.

#include <cmath>
#include <limits>
#include <optional>
#include <scilearn/linalg/svd.hpp>

#include "box_steps.hpp"
#include "trf.hpp"

namespace scilearn::optimize::detail {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// The two t with ||x + t s|| = delta (x inside the trust region).
std::pair<double, double> intersect_trust_region(const Vector& x, const Vector& s, double delta) {
  const double a = s.squaredNorm();
  const double b = x.dot(s);
  const double c = x.squaredNorm() - delta * delta;
  const double d = std::sqrt(b * b - a * c);
  const double q = -(b + std::copysign(d, b));
  const double t1 = q / a, t2 = c / q;
  return t1 < t2 ? std::pair{t1, t2} : std::pair{t2, t1};
}

struct Step {
  Vector step, step_h;
  double predicted_reduction;
};

// SciPy's select_step.
Step select_step(const Vector& x, const Matrix& j_h, const Vector& diag_h, const Vector& g_h, Vector p, Vector p_h,
                 const Vector& d, double delta, const Vector& lb, const Vector& ub, double theta) {
  if (in_bounds(x + p, lb, ub)) return {p, p_h, -evaluate_quadratic(j_h, g_h, p_h, diag_h)};
  const auto [p_stride, hits] = step_size_to_bound(x, p, lb, ub);
  Vector r_h = p_h;
  for (Index i = 0; i < r_h.size(); ++i) {
    if (hits(i) != 0) r_h(i) = -r_h(i);
  }
  Vector r = d.cwiseProduct(r_h);
  p *= p_stride;
  p_h *= p_stride;
  const Vector x_on_bound = x + p;
  const double to_tr = intersect_trust_region(p_h, r_h, delta).second;
  const double to_bound = step_size_to_bound(x_on_bound, r, lb, ub).first;
  double r_stride = std::min(to_bound, to_tr);
  double r_stride_l = 0, r_stride_u = -1;
  if (r_stride > 0) {
    r_stride_l = (1 - theta) * p_stride / r_stride;
    r_stride_u = r_stride == to_bound ? theta * to_bound : to_tr;
  }
  double r_value = kInf;
  if (r_stride_l <= r_stride_u) {
    const auto [t, value] = minimize_quadratic_1d(quadratic_1d(j_h, g_h, r_h, diag_h, p_h), r_stride_l, r_stride_u);
    r_value = value;
    r_h = r_h * t + p_h;
    r = r_h.cwiseProduct(d);
  }
  p *= theta;
  p_h *= theta;
  const double p_value = evaluate_quadratic(j_h, g_h, p_h, diag_h);
  Vector ag_h = -g_h;
  Vector ag = d.cwiseProduct(ag_h);
  const double ag_to_tr = delta / ag_h.norm();
  const double ag_to_bound = step_size_to_bound(x, ag, lb, ub).first;
  const double ag_limit = ag_to_bound < ag_to_tr ? theta * ag_to_bound : ag_to_tr;
  const auto [ag_stride, ag_value] = minimize_quadratic_1d(quadratic_1d(j_h, g_h, ag_h, diag_h, std::nullopt), 0, ag_limit);
  ag_h *= ag_stride;
  ag *= ag_stride;
  if (p_value < r_value && p_value < ag_value) return {p, p_h, -p_value};
  if (r_value < p_value && r_value < ag_value) return {r, r_h, -r_value};
  return {ag, ag_h, -ag_value};
}

}  // namespace

Vector make_strictly_feasible(const Vector& x, const Vector& lb, const Vector& ub, double rstep) {
  Vector out = x;
  const IndexVector active = find_active_constraints(x, lb, ub, rstep);
  for (Index i = 0; i < x.size(); ++i) {
    if (active(i) == -1) {
      out(i) = rstep == 0 ? std::nextafter(lb(i), ub(i)) : lb(i) + rstep * std::max(1.0, std::abs(lb(i)));
    } else if (active(i) == 1) {
      out(i) = rstep == 0 ? std::nextafter(ub(i), lb(i)) : ub(i) - rstep * std::max(1.0, std::abs(ub(i)));
    }
    if (out(i) < lb(i) || out(i) > ub(i)) out(i) = 0.5 * (lb(i) + ub(i));
  }
  return out;
}

IndexVector find_active_constraints(const Vector& x, const Vector& lb, const Vector& ub, double rtol) {
  IndexVector active = IndexVector::Zero(x.size());
  for (Index i = 0; i < x.size(); ++i) {
    if (rtol == 0) {
      if (x(i) <= lb(i)) active(i) = -1;
      if (x(i) >= ub(i)) active(i) = 1;
      continue;
    }
    const double lower_dist = x(i) - lb(i), upper_dist = ub(i) - x(i);
    const double lower_threshold = rtol * std::max(1.0, std::abs(lb(i)));
    const double upper_threshold = rtol * std::max(1.0, std::abs(ub(i)));
    if (std::isfinite(lb(i)) && lower_dist <= std::min(upper_dist, lower_threshold)) active(i) = -1;
    if (std::isfinite(ub(i)) && upper_dist <= std::min(lower_dist, upper_threshold)) active(i) = 1;
  }
  return active;
}

TrfOutcome trf_bounds(const VectorFunction& fun, const JacobianFunction& jac, const Vector& x0, const Vector& lb,
                      const Vector& ub, double ftol, double xtol, double gtol, int max_nfev, const Vector& x_scale,
                      const RobustLoss& loss) {
  const Index n = x0.size();
  TrfIterate it(fun, jac, x0, x_scale, loss);
  const Index m = it.f.size();
  Vector v, dv;
  cl_scaling(it.x, it.g, lb, ub, v, dv);
  for (Index i = 0; i < n; ++i) {
    if (dv(i) != 0) v(i) *= it.scale_inv(i);
  }
  double delta = (x0.cwiseProduct(it.scale_inv).array() / v.array().sqrt()).matrix().norm();
  if (delta == 0) delta = 1.0;
  double alpha = 0, g_norm = 0;
  std::optional<int> status;
  Matrix augmented(m + n, n);
  Vector f_augmented = Vector::Zero(m + n);
  for (;;) {
    cl_scaling(it.x, it.g, lb, ub, v, dv);
    g_norm = it.g.cwiseProduct(v).cwiseAbs().maxCoeff();
    if (g_norm < gtol) status = 1;
    if (status || it.nfev == max_nfev) break;
    // "Hat" variables: x_scale first, then Coleman and Li's scaling.
    for (Index i = 0; i < n; ++i) {
      if (dv(i) != 0) v(i) *= it.scale_inv(i);
    }
    const Vector d = v.cwiseSqrt().cwiseProduct(it.scale);
    const Vector diag_h = it.g.cwiseProduct(dv).cwiseProduct(it.scale);
    const Vector g_h = d.cwiseProduct(it.g);
    f_augmented.head(m) = it.f;
    augmented.topRows(m) = it.j * d.asDiagonal();
    augmented.bottomRows(n) = diag_h.cwiseSqrt().asDiagonal();
    const Matrix j_h = augmented.topRows(m);
    const auto svd = linalg::svd(augmented, {.full_matrices = false, .check_finite = false});
    const Matrix vmat = svd.vh.transpose();
    const Vector uf = svd.u.transpose() * f_augmented;
    const double theta = std::max(0.995, 1 - g_norm);
    const TrfIterate::Propose propose = [&](double radius, double& lm) -> TrfIterate::Trial {
      const TrustRegionStep tr = solve_trust_region(n, m, uf, svd.s, vmat, radius, lm);
      lm = tr.alpha;
      const Vector p = d.cwiseProduct(tr.p);
      const Step step = select_step(it.x, j_h, diag_h, g_h, p, tr.p, d, radius, lb, ub, theta);
      return {make_strictly_feasible(it.x + step.step, lb, ub, 0.0), step.step, step.step_h.norm(),
              step.predicted_reduction};
    };
    status = it.iterate(fun, propose, delta, alpha, max_nfev, ftol, xtol);
  }
  return it.finish(g_norm, status, find_active_constraints(it.x, lb, ub, xtol));
}

}  // namespace scilearn::optimize::detail
