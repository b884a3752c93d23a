#pragma once
// solve_ivp's BDF method: variable-order (1 to 5) backward differentiation
// formulas with the numerical differentiation formulas' accuracy correction
// (NDF), in quasi-constant step form on a backward-difference array
// (Shampine & Reichelt 1997, The MATLAB ODE Suite), as SciPy's
// scipy.integrate.BDF: the same Newton iteration, step-size and order
// control, Jacobian and LU reuse, and interpolant.

#include "ode/stepper.hpp"

namespace scilearn::integrate::detail {

// A BDF stepper started at (t0, y0); evaluates fun at t0, once more to choose
// the first step unless it is given, and the Jacobian at t0.
std::unique_ptr<Stepper> make_bdf(OdeRhs& fun, double t0, const Vector& y0, double t_bound,
                                  const StepperSettings& settings);

}  // namespace scilearn::integrate::detail
