#pragma once
// solve_ivp's Radau method: the implicit Runge-Kutta Radau IIA method of
// order 5 with three stages (Hairer & Wanner 1996, Sec. IV.8), as SciPy's
// scipy.integrate.Radau: the same simplified Newton iteration, step-size
// control, Jacobian and LU reuse, and cubic collocation interpolant.

#include "ode/stepper.hpp"

namespace scilearn::integrate::detail {

// A Radau stepper started at (t0, y0); evaluates fun at t0, once more to
// choose the first step unless it is given, and the Jacobian at t0.
std::unique_ptr<Stepper> make_radau(OdeRhs& fun, double t0, const Vector& y0, double t_bound,
                                    const StepperSettings& settings);

}  // namespace scilearn::integrate::detail
