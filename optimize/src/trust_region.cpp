// minimize(method = trust_ncg / trust_exact): the trust-region iteration of
// SciPy's _minimize_trust_region and Steihaug's subproblem solver.
#include "trust_region.hpp"

#include <cmath>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>

namespace scilearn::optimize::detail {

QuadraticModel::QuadraticModel(Vector x, TrustRegionFunctions& functions, bool eager_hessian)
    : x_(std::move(x)), functions_(&functions) {
  if (eager_hessian) hess();
}

double QuadraticModel::fun() {
  if (!f_) {
    functions_->touch(x_);
    f_ = functions_->objective.fun(x_);
  }
  return *f_;
}

const Vector& QuadraticModel::jac() {
  if (!g_) {
    functions_->touch(x_);
    g_ = functions_->objective.grad(x_);
  }
  return *g_;
}

double QuadraticModel::jac_mag() {
  if (!g_mag_) g_mag_ = jac().norm();
  return *g_mag_;
}

const Matrix& QuadraticModel::hess() {
  if (h_) return *h_;
  TrustRegionFunctions& fns = *functions_;
  const bool cached = fns.hessian_x.size() > 0 && fns.hessian_x == x_ && fns.last_x == x_;
  if (!cached) {
    fns.touch(x_);
    Matrix h = fns.options.hess(x_);
    ++fns.nhev;
    if (h.rows() != x_.size() || h.cols() != x_.size()) {
      throw ValueError(cat("minimize: hess returned ", h.rows(), " x ", h.cols(), ", expected ", x_.size(), " x ",
                           x_.size()));
    }
    fns.hessian = std::move(h);
    fns.hessian_x = x_;
  }
  h_ = fns.hessian;
  return *h_;
}

Vector QuadraticModel::hessp(const Vector& p) {
  if (functions_->options.hess) return hess() * p;
  Vector hp = functions_->options.hessp(x_, p);
  ++functions_->nhev;
  if (hp.size() != p.size()) {
    throw ValueError(cat("minimize: hessp returned ", hp.size(), " values, expected ", p.size()));
  }
  return hp;
}

double QuadraticModel::operator()(const Vector& p) { return fun() + jac().dot(p) + 0.5 * p.dot(hessp(p)); }

std::pair<double, double> boundary_intersections(const Vector& z, const Vector& d, double radius) {
  // a t^2 + b t + c = 0, solved without cancellation.
  const double a = d.dot(d), b = 2 * z.dot(d), c = z.dot(z) - radius * radius;
  const double aux = b + std::copysign(std::sqrt(b * b - 4 * a * c), b);
  const double ta = -aux / (2 * a), tb = -2 * c / aux;
  return {std::min(ta, tb), std::max(ta, tb)};
}

TrustRegionStep solve_steihaug(QuadraticModel& m, double radius) {
  const double g_mag = m.jac_mag();
  const Index n = m.x().size();
  const double tolerance = std::min(0.5, std::sqrt(g_mag)) * g_mag;
  if (g_mag < tolerance) return {Vector::Zero(n), false};
  Vector z = Vector::Zero(n);
  Vector r = m.jac();
  Vector d = -r;
  while (true) {
    const Vector bd = m.hessp(d);
    const double dbd = d.dot(bd);
    if (dbd <= 0) {  // negative curvature: go to the boundary, the lower end of the model
      const auto [ta, tb] = boundary_intersections(z, d, radius);
      const Vector pa = z + ta * d, pb = z + tb * d;
      return {m(pa) < m(pb) ? pa : pb, true};
    }
    const double r_squared = r.squaredNorm();
    const double alpha = r_squared / dbd;
    Vector z_next = z + alpha * d;
    if (z_next.norm() >= radius) {
      const double tb = boundary_intersections(z, d, radius).second;
      return {z + tb * d, true};
    }
    Vector r_next = r + alpha * bd;
    const double r_next_squared = r_next.squaredNorm();
    if (std::sqrt(r_next_squared) < tolerance) return {std::move(z_next), false};
    d = -r_next + (r_next_squared / r_squared) * d;
    z = std::move(z_next);
    r = std::move(r_next);
  }
}

namespace {

// SciPy's texts for the trust-region exits (status 2 and 3).
constexpr const char* kMessages[] = {
    kMessageSuccess,
    kMessageMaxiter,
    "A bad approximation caused failure to predict improvement.",
    "A linalg error occurred, such as a non-psd Hessian.",
};

}  // namespace

OptimizeResult minimize_trust_region(ScalarObjective& objective, const Vector& x0, const MinimizeOptions& options) {
  const bool exact = options.method == Method::trust_exact;
  TrustRegionFunctions functions{objective, options};
  double radius = options.initial_trust_radius;
  QuadraticModel m(x0, functions, exact || static_cast<bool>(options.hess));
  int k = 0, warnflag = 0;
  while (m.jac_mag() >= *options.gtol) {
    std::optional<TrustRegionStep> step =
        exact ? solve_exact(m, radius, options.subproblem_maxiter) : solve_steihaug(m, radius);
    if (!step) {
      warnflag = 3;
      break;
    }
    const double predicted_value = m(step->p);
    QuadraticModel proposed(m.x() + step->p, functions, exact);
    const double actual_reduction = m.fun() - proposed.fun();
    const double predicted_reduction = m.fun() - predicted_value;
    if (predicted_reduction <= 0) {
      warnflag = 2;
      break;
    }
    const double rho = actual_reduction / predicted_reduction;
    if (rho < 0.25) {
      radius *= 0.25;
    } else if (rho > 0.75 && step->hits_boundary) {
      radius = std::min(2 * radius, options.max_trust_radius);
    }
    if (rho > options.eta) m = std::move(proposed);
    ++k;
    if (options.callback) {
      OptimizeResult intermediate;
      intermediate.x = m.x();
      intermediate.fun = m.fun();
      intermediate.nit = k;
      if (options.callback(intermediate)) break;
    }
    if (m.jac_mag() < *options.gtol) break;
    if (k >= options.maxiter) {
      warnflag = 1;
      break;
    }
  }
  OptimizeResult result;
  result.x = m.x();
  result.fun = m.fun();
  result.jac = m.jac();
  result.nit = k;
  result.status = warnflag;
  result.success = warnflag == 0;
  result.message = kMessages[warnflag];
  result.nfev = objective.nfev();
  result.njev = objective.ngev();
  result.nhev = functions.nhev;
  return result;
}

}  // namespace scilearn::optimize::detail
