#include "ode/stepper.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
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

}  // namespace scilearn::integrate::detail
