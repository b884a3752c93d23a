// odeint on our LSODA stepper: steps towards the last output time and fills
// each output row from the interpolant of the step that covers it, counting
// steps per output interval as ODEPACK's mxstep does.

#include <scilearn/integrate/odeint.hpp>

#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>

#include "ode/stepper.hpp"

namespace scilearn::integrate {
namespace {

void check_times(const Vector& t) {
  if (t.size() == 0) throw ValueError("odeint: t is empty");
  check_finite("odeint", "t", t);
  // The direction is that of the first change; repeated values are allowed.
  double direction = 0;
  for (Index i = 1; i < t.size(); ++i) {
    const double step = t(i) - t(i - 1);
    if (direction == 0) direction = step;
    if (step * direction < 0) {
      throw ValueError(cat("odeint: t must be monotone; t[", i - 1, "] = ", t(i - 1), ", t[", i, "] = ", t(i)));
    }
  }
}

}  // namespace

OdeintResult odeint(const OdeintFunction& func, const Eigen::Ref<const Vector>& y0, const Vector& t,
                    const OdeintOptions& options) {
  if (!func) throw ValueError("odeint: func is empty");
  check_finite("odeint", "y0", y0);
  check_times(t);
  if (options.mxstep < 0) throw ValueError(cat("odeint: mxstep must be >= 0, got ", options.mxstep));
  if (!(options.h0 >= 0 && options.hmax >= 0 && options.hmin >= 0)) {
    throw ValueError("odeint: h0, hmax and hmin must be >= 0");
  }
  const Index n = y0.size();
  const Index points = t.size();
  const double t0 = t(0);
  const double tf = t(points - 1);

  OdeintResult r;
  r.y = Matrix::Constant(points, n, std::numeric_limits<double>::quiet_NaN());
  r.y.row(0) = y0.transpose();
  r.nst = IndexVector::Zero(points - 1);
  r.nfe = IndexVector::Zero(points - 1);
  r.nje = IndexVector::Zero(points - 1);
  r.tcur = Vector::Constant(points - 1, t0);

  SolveIvpOptions ivp{.method = OdeMethod::lsoda, .rtol = options.rtol, .atol = options.atol,
                      .max_step = options.hmax > 0 ? options.hmax : std::numeric_limits<double>::infinity(),
                      .min_step = options.hmin};
  if (options.h0 > 0 && tf != t0) ivp.first_step = std::min(options.h0, std::abs(tf - t0));
  if (options.Dfun) ivp.jac = [&](double s, const Vector& y) { return options.Dfun(y, s); };
  const detail::StepperSettings settings = detail::make_settings("odeint", ivp, t0, tf, n);
  const OdeFunction fun = [&](double s, const Vector& y) { return func(y, s); };
  detail::OdeRhs rhs(fun, n);
  const Vector start = y0;
  const auto solver = detail::make_stepper(OdeMethod::lsoda, rhs, t0, start, tf, settings);
  const double direction = solver->direction();
  const int mxstep = options.mxstep > 0 ? options.mxstep : 500;

  std::unique_ptr<detail::StepInterpolant> piece;
  long steps = 0;
  int steps_here = 0;  // since the last output time
  r.success = true;
  r.message = "Integration successful.";
  for (Index i = 1; i < points;) {
    if (t(i) == t0) {
      r.y.row(i) = y0.transpose();
    } else if (piece && direction * (t(i) - solver->t()) <= 0) {
      r.y.row(i) = (*piece)(t(i)).transpose();
    } else {
      if (steps_here >= mxstep) {
        r.success = false;
        r.message = cat("Excess work done on this call (", mxstep, " steps before t = ", t(i), ").");
        break;
      }
      if (auto failure = solver->step()) {
        r.success = false;
        r.message = cat(*failure, " (at t = ", solver->t(), ")");
        break;
      }
      ++steps;
      ++steps_here;
      piece = solver->dense_output();
      continue;
    }
    r.nst(i - 1) = steps;
    r.nfe(i - 1) = rhs.nfev();
    r.nje(i - 1) = solver->njev();
    r.tcur(i - 1) = solver->t();
    steps_here = 0;
    ++i;
  }
  if (!r.success) warn(WarningCategory::user, cat("odeint: ", r.message));
  return r;
}

}  // namespace scilearn::integrate
