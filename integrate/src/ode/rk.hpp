#pragma once
// The explicit Runge-Kutta methods of solve_ivp: RK23, RK45 and DOP853.

#include "ode/stepper.hpp"

namespace scilearn::integrate::detail {

// A stepper for method rk23, rk45 or dop853, started at (t0, y0); evaluates
// fun once at t0 and once more to choose the first step unless it is given.
std::unique_ptr<Stepper> make_explicit_rk(OdeMethod method, OdeRhs& fun, double t0, const Vector& y0, double t_bound,
                                          const StepperSettings& settings);

}  // namespace scilearn::integrate::detail
