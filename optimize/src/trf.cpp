#include "trf.hpp"

#include <cmath>
#include <limits>
#include <optional>
#include <scilearn/linalg/svd.hpp>

namespace scilearn::optimize::detail {
namespace {
constexpr double kEps = std::numeric_limits<double>::epsilon();
}  // namespace

// The step p minimizing ||J p + f|| subject to ||p|| <= delta, from the SVD
// J = U diag(s) V' (uf = U'f): the Gauss-Newton step if it fits, otherwise
// p(alpha) = -V diag(s / (s^2 + alpha)) uf with ||p(alpha)|| = delta found by
// safeguarded Newton steps on phi(alpha) = ||p(alpha)|| - delta within 1 %
// (at most 10), then scaled onto the boundary (SciPy's solve_lsq_trust_region).
TrustRegionStep solve_trust_region(Index n, Index m, const Vector& uf, const Vector& s, const Matrix& v, double delta,
                                   std::optional<double> initial_alpha) {
  const Vector suf = s.cwiseProduct(uf);
  const bool full_rank = m >= n && s(s.size() - 1) > kEps * static_cast<double>(m) * s(0);
  if (full_rank) {
    Vector p = -(v * uf.cwiseQuotient(s));
    if (p.norm() <= delta) return {p, 0.0};
  }
  const auto phi_and_derivative = [&](double alpha) {
    const Vector denom = s.array().square() + alpha;
    const double p_norm = suf.cwiseQuotient(denom).norm();
    const double phi = p_norm - delta;
    const double phi_prime = -(suf.array().square() / denom.array().cube()).sum() / p_norm;
    return std::pair{phi, phi_prime};
  };
  double alpha_upper = suf.norm() / delta;
  double alpha_lower = 0;
  if (full_rank) {
    const auto [phi, phi_prime] = phi_and_derivative(0.0);
    alpha_lower = -phi / phi_prime;
  }
  const auto safeguarded = [&] { return std::max(0.001 * alpha_upper, std::sqrt(alpha_lower * alpha_upper)); };
  double alpha = !initial_alpha || (!full_rank && *initial_alpha == 0) ? safeguarded() : *initial_alpha;
  for (int it = 0; it < 10; ++it) {
    if (alpha < alpha_lower || alpha > alpha_upper) alpha = safeguarded();
    const auto [phi, phi_prime] = phi_and_derivative(alpha);
    if (phi < 0) alpha_upper = alpha;
    const double ratio = phi / phi_prime;
    alpha_lower = std::max(alpha_lower, alpha - ratio);
    alpha -= (phi + delta) * ratio / delta;
    if (std::abs(phi) < 0.01 * delta) break;
  }
  Vector p = -(v * suf.cwiseQuotient(Vector(s.array().square() + alpha)));
  p *= delta / p.norm();  // exactly on the boundary, so that it never lies outside
  return {p, alpha};
}

// SciPy's check_termination: 2 ftol, 3 xtol, 4 both, nullopt neither.
std::optional<int> termination(double reduction, double cost, double step_norm, double x_norm, double ratio,
                               double ftol, double xtol) {
  const bool f_ok = reduction < ftol * cost && ratio > 0.25;
  const bool x_ok = step_norm < xtol * (xtol + x_norm);
  if (f_ok && x_ok) return 4;
  if (f_ok) return 2;
  if (x_ok) return 3;
  return std::nullopt;
}

std::pair<double, double> update_trust_radius(double delta, double actual_reduction, double predicted_reduction,
                                              double step_norm, bool bound_hit) {
  double ratio;
  if (predicted_reduction > 0) {
    ratio = actual_reduction / predicted_reduction;
  } else {
    ratio = predicted_reduction == actual_reduction && actual_reduction == 0 ? 1.0 : 0.0;
  }
  if (ratio < 0.25) return {0.25 * step_norm, ratio};
  if (ratio > 0.75 && bound_hit) return {2.0 * delta, ratio};
  return {delta, ratio};
}

double RobustLoss::cost(const Vector& f) const {
  if (loss == Loss::linear) return 0.5 * f.squaredNorm();
  Vector r0, r1, r2;
  rho(f, r0, r1, r2);
  return 0.5 * r0.sum();
}

void RobustLoss::rho(const Vector& f, Vector& r0, Vector& r1, Vector& r2) const {
  const Vector z = (f / f_scale).array().square();
  r0.resize(z.size());
  r1.resize(z.size());
  r2.resize(z.size());
  for (Index i = 0; i < z.size(); ++i) {
    const double zi = z(i);
    switch (loss) {
      case Loss::linear: r0(i) = zi, r1(i) = 1, r2(i) = 0; break;
      case Loss::soft_l1: {
        const double t = 1 + zi;
        r0(i) = 2 * (std::sqrt(t) - 1), r1(i) = 1 / std::sqrt(t), r2(i) = -0.5 * std::pow(t, -1.5);
        break;
      }
      case Loss::huber:
        if (zi <= 1) {
          r0(i) = zi, r1(i) = 1, r2(i) = 0;
        } else {
          r0(i) = 2 * std::sqrt(zi) - 1, r1(i) = 1 / std::sqrt(zi), r2(i) = -0.5 * std::pow(zi, -1.5);
        }
        break;
      case Loss::cauchy: {
        const double t = 1 + zi;
        r0(i) = std::log1p(zi), r1(i) = 1 / t, r2(i) = -1 / (t * t);
        break;
      }
      case Loss::arctan: {
        const double t = 1 + zi * zi;
        r0(i) = std::atan(zi), r1(i) = 1 / t, r2(i) = -2 * zi / (t * t);
        break;
      }
    }
  }
  r0 *= f_scale * f_scale;
  r2 /= f_scale * f_scale;
}

namespace {

// SciPy's scale_for_robust_loss_function: the Gauss-Newton model of the
// robust cost uses J and f rescaled row by row by sqrt(rho' + 2 rho'' f^2)
// (kept above eps) and rho' / that (Triggs et al. 2000, "Bundle adjustment").
void scale_for_loss(const RobustLoss& loss, Matrix& j, Vector& f, double& cost) {
  if (loss.loss == Loss::linear) {
    cost = 0.5 * f.squaredNorm();
    return;
  }
  Vector r0, r1, r2;
  loss.rho(f, r0, r1, r2);
  cost = 0.5 * r0.sum();
  Vector j_scale = r1.array() + 2 * r2.array() * f.array().square();
  j_scale = (j_scale.array() < kEps).select(kEps, j_scale).cwiseSqrt();
  f = f.cwiseProduct(r1).cwiseQuotient(j_scale);
  j = j_scale.asDiagonal() * j;
}

}  // namespace

TrfIterate::TrfIterate(const VectorFunction& fun, const JacobianFunction& jac_, const Vector& x0,
                       const Vector& x_scale, const RobustLoss& loss_)
    : jac(jac_), loss(loss_), x(x0), f_true(fun(x0)), f(f_true), j(jac_(x0)), cost(0), jac_scale(x_scale.size() == 0) {
  scale_for_loss(loss, j, f, cost);
  g = j.transpose() * f;
  scale_inv = jac_scale ? Vector(j.colwise().norm().transpose()) : Vector(x_scale.cwiseInverse());
  if (jac_scale) scale_inv = (scale_inv.array() == 0).select(1.0, scale_inv);
  scale = scale_inv.cwiseInverse();
}

void TrfIterate::accept(const Vector& x_new, const Vector& f_new, double cost_new) {
  x = x_new;
  f_true = f_new;
  f = f_new;
  j = jac(x);
  ++njev;
  scale_for_loss(loss, j, f, cost);
  cost = cost_new;
  g = j.transpose() * f;
  if (jac_scale) {
    scale_inv = scale_inv.cwiseMax(Vector(j.colwise().norm().transpose()));
    scale = scale_inv.cwiseInverse();
  }
}

std::optional<int> TrfIterate::iterate(const VectorFunction& fun, const Propose& propose, double& delta, double& alpha,
                                       int max_nfev, double ftol, double xtol) {
  std::optional<int> status;
  double actual_reduction = -1;
  Vector x_new, f_new;
  double cost_new = cost;
  while (actual_reduction <= 0 && nfev < max_nfev) {
    const Trial trial = propose(delta, alpha);
    x_new = trial.x_new;
    f_new = fun(x_new);
    ++nfev;
    if (!f_new.allFinite()) {
      delta = 0.25 * trial.step_h_norm;
      continue;
    }
    cost_new = cost_of(f_new);
    actual_reduction = cost - cost_new;
    const auto [delta_new, ratio] = update_trust_radius(delta, actual_reduction, trial.predicted_reduction,
                                                        trial.step_h_norm, trial.step_h_norm > 0.95 * delta);
    status = termination(actual_reduction, cost, trial.step.norm(), x.norm(), ratio, ftol, xtol);
    if (status) break;
    alpha *= delta / delta_new;
    delta = delta_new;
  }
  if (actual_reduction > 0) accept(x_new, f_new, cost_new);
  return status;
}

TrfOutcome TrfIterate::finish(double g_norm, std::optional<int> status, IndexVector active_mask) const {
  return {x, f_true, j, g, cost, g_norm, nfev, njev, status.value_or(0), std::move(active_mask)};
}

TrfOutcome trf_no_bounds(const VectorFunction& fun, const JacobianFunction& jac, const Vector& x0, double ftol,
                         double xtol, double gtol, int max_nfev, const Vector& x_scale, const RobustLoss& loss) {
  const Index n = x0.size();
  TrfIterate it(fun, jac, x0, x_scale, loss);
  const Index m = it.f.size();
  double delta = x0.cwiseProduct(it.scale_inv).norm();
  if (delta == 0) delta = 1.0;
  double alpha = 0;
  std::optional<int> status;
  double g_norm = 0;
  for (;;) {
    g_norm = it.g.cwiseAbs().maxCoeff();
    if (g_norm < gtol) status = 1;
    if (status || it.nfev == max_nfev) break;
    const Matrix j_h = it.j * it.scale.asDiagonal();
    const Vector g_h = it.scale.cwiseProduct(it.g);
    const auto svd = linalg::svd(j_h, {.full_matrices = false, .check_finite = false});
    const Matrix v = svd.vh.transpose();
    const Vector uf = svd.u.transpose() * it.f;
    const TrfIterate::Propose propose = [&](double radius, double& lm) -> TrfIterate::Trial {
      const TrustRegionStep step = solve_trust_region(n, m, uf, svd.s, v, radius, lm);
      lm = step.alpha;
      const Vector js = j_h * step.p;
      const Vector dx = it.scale.cwiseProduct(step.p);
      return {it.x + dx, dx, step.p.norm(), -(0.5 * js.squaredNorm() + step.p.dot(g_h))};
    };
    status = it.iterate(fun, propose, delta, alpha, max_nfev, ftol, xtol);
  }
  return it.finish(g_norm, status, IndexVector::Zero(n));
}

}  // namespace scilearn::optimize::detail
