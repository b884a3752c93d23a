#include "ode/stepper.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/warnings.hpp>
#include <utility>

namespace scilearn::integrate::detail {

Vector OdeRhs::operator()(double t, const Vector& y) {
  ++nfev_;
  Vector f = fun_(t, y);
  if (f.size() != n_) {
    throw ValueError(cat("solve_ivp: fun returned ", f.size(), " values at t = ", t, ", but y has ", n_));
  }
  return f;
}

Stepper::Stepper(OdeRhs& fun, double t0, Vector y0, double t_bound)
    : fun_(fun),
      t_(t0),
      t_old_(t0),
      y_(std::move(y0)),
      t_bound_(t_bound),
      direction_(t_bound >= t0 ? 1 : -1),
      n_(y_.size()) {}

std::optional<std::string> Stepper::step() {
  if (status_ != Status::running) {
    throw ValueError("solve_ivp: a step was asked of a solver that has finished or failed");
  }
  // SciPy's OdeSolver.step: a system with no unknowns, or one already at
  // t_bound, jumps to the end.
  if (n_ == 0 || t_ == t_bound_) {
    t_old_ = t_;
    t_ = t_bound_;
    status_ = Status::finished;
    return std::nullopt;
  }
  const double t = t_;
  if (auto message = step_impl()) {
    status_ = Status::failed;
    return message;
  }
  t_old_ = t;
  if (direction_ * (t_ - t_bound_) >= 0) status_ = Status::finished;
  return std::nullopt;
}

std::unique_ptr<StepInterpolant> Stepper::dense_output() const {
  // SciPy's OdeSolver.dense_output: a step of length zero (t_span of zero
  // length) or no unknowns has a constant interpolant.
  if (n_ == 0 || t_ == t_old_) return std::make_unique<ConstantInterpolant>(t_old_, t_, y_);
  return dense_output_impl();
}

StepperSettings make_settings(std::string_view where, const SolveIvpOptions& options, double t0, double tf,
                              Index n) {
  constexpr double eps = std::numeric_limits<double>::epsilon();
  StepperSettings s;
  if (std::isnan(options.rtol)) throw ValueError(cat(where, ": rtol is NaN"));
  s.rtol = options.rtol;
  if (s.rtol < 100 * eps) {
    warn(WarningCategory::user, cat(where, ": rtol = ", options.rtol, " is too small; it is raised to 100 eps = ",
                                    100 * eps, ", as SciPy does"));
    s.rtol = 100 * eps;
  }
  if (options.atol_per_component.size() > 0) {
    if (options.atol_per_component.size() != n) {
      throw ValueError(cat(where, ": atol_per_component has ", options.atol_per_component.size(),
                           " entries, but y0 has ", n));
    }
    s.atol = options.atol_per_component;
  } else {
    s.atol = Vector::Constant(n, options.atol);
  }
  if (!(s.atol.array() >= 0).all() || !s.atol.allFinite()) {
    throw ValueError(cat(where, ": atol must be finite and >= 0"));
  }
  if (!(options.max_step > 0)) throw ValueError(cat(where, ": max_step must be positive, got ", options.max_step));
  s.max_step = options.max_step;
  if (options.first_step) {
    const double h = *options.first_step;
    if (!(h > 0)) throw ValueError(cat(where, ": first_step must be positive, got ", h));
    if (h > std::abs(tf - t0)) {
      throw ValueError(cat(where, ": first_step = ", h, " exceeds the length of t_span, ", std::abs(tf - t0)));
    }
    s.first_step = h;
  }
  if (!(options.min_step >= 0)) throw ValueError(cat(where, ": min_step must be >= 0, got ", options.min_step));
  s.min_step = options.min_step;
  s.jac = options.jac;
  return s;
}

double min_step_near(double t, int direction) {
  return 10 * std::abs(std::nextafter(t, direction * std::numeric_limits<double>::infinity()) - t);
}

double rms_norm(const Vector& x) {
  return x.size() == 0 ? 0.0 : x.norm() / std::sqrt(static_cast<double>(x.size()));
}

double select_initial_step(OdeRhs& fun, double t0, const Vector& y0, double t_bound, double max_step,
                           const Vector& f0, int direction, double order, double rtol, const Vector& atol) {
  if (y0.size() == 0) return std::numeric_limits<double>::infinity();
  const double interval_length = std::abs(t_bound - t0);
  if (interval_length == 0.0) return 0.0;
  const Vector scale = atol + rtol * y0.cwiseAbs();
  const double d0 = rms_norm(y0.cwiseQuotient(scale));
  const double d1 = rms_norm(f0.cwiseQuotient(scale));
  double h0 = (d0 < 1e-5 || d1 < 1e-5) ? 1e-6 : 0.01 * d0 / d1;
  h0 = std::min(h0, interval_length);  // never evaluate fun beyond t_bound
  const Vector y1 = y0 + h0 * direction * f0;
  const Vector f1 = fun(t0 + h0 * direction, y1);
  const double d2 = rms_norm((f1 - f0).cwiseQuotient(scale)) / h0;
  const double h1 = (d1 <= 1e-15 && d2 <= 1e-15) ? std::max(1e-6, h0 * 1e-3)
                                                 : std::pow(0.01 / std::max(d1, d2), 1.0 / (order + 1));
  return std::min({100 * h0, h1, interval_length, max_step});
}

double spectral_radius_estimate(const Matrix& J) {
  if (J.size() == 0) return 0.0;
  // A start with no symmetry that could hide the dominant eigenvector.
  Vector v = Vector::LinSpaced(J.rows(), 1.0, 2.0).normalized();
  double log_growth = 0;
  constexpr int steps = 20;
  constexpr int averaged = 10;
  for (int k = 0; k < steps; ++k) {
    Vector w = J * v;
    const double growth = w.norm();
    if (!(growth > 0)) return growth == 0 ? 0.0 : std::numeric_limits<double>::quiet_NaN();
    if (k >= steps - averaged) log_growth += std::log(growth);
    v = w / growth;
  }
  return std::exp(log_growth / averaged);
}

}  // namespace scilearn::integrate::detail
