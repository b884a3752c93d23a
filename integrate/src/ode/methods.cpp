// The method table: each OdeMethod's stepper and SciPy name.
#include "ode/bdf.hpp"
#include "ode/lsoda.hpp"
#include "ode/radau.hpp"
#include "ode/rk.hpp"
#include "ode/stepper.hpp"

#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/warnings.hpp>

namespace scilearn::integrate {

std::string_view to_string(OdeMethod method) noexcept {
  switch (method) {
    case OdeMethod::rk45: return "RK45";
    case OdeMethod::rk23: return "RK23";
    case OdeMethod::dop853: return "DOP853";
    case OdeMethod::radau: return "Radau";
    case OdeMethod::bdf: return "BDF";
    case OdeMethod::lsoda: return "LSODA";
  }
  return "unknown";
}

namespace detail {

std::unique_ptr<Stepper> make_stepper(OdeMethod method, OdeRhs& fun, double t0, const Vector& y0, double t_bound,
                                      const StepperSettings& settings) {
  if (method != OdeMethod::lsoda && settings.min_step > 0) {
    warn(WarningCategory::user, cat("solve_ivp: min_step has no effect for method ", to_string(method),
                                    " (LSODA only), as SciPy warns"));
    StepperSettings without = settings;
    without.min_step = 0;
    return make_stepper(method, fun, t0, y0, t_bound, without);
  }
  switch (method) {
    case OdeMethod::rk45:
    case OdeMethod::rk23:
    case OdeMethod::dop853: return make_explicit_rk(method, fun, t0, y0, t_bound, settings);
    case OdeMethod::radau: return make_radau(fun, t0, y0, t_bound, settings);
    case OdeMethod::bdf: return make_bdf(fun, t0, y0, t_bound, settings);
    case OdeMethod::lsoda: return make_lsoda(fun, t0, y0, t_bound, settings);
  }
  throw ValueError(cat("solve_ivp: unknown method ", static_cast<int>(method)));
}

}  // namespace detail
}  // namespace scilearn::integrate
