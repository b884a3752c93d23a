#pragma once
// solve_ivp's LSODA: a non-stiff and a stiff method with automatic switching
// between them, as Petzold's LSODA (1983) does with Adams and BDF formulas.

#include "ode/stepper.hpp"

namespace scilearn::integrate::detail {

// An LSODA stepper started at (t0, y0) in its non-stiff phase.
std::unique_ptr<Stepper> make_lsoda(OdeRhs& fun, double t0, const Vector& y0, double t_bound,
                                    const StepperSettings& settings);

}  // namespace scilearn::integrate::detail
