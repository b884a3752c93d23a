#include "ode/implicit.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>

#include "ode/num_jac.hpp"

namespace scilearn::integrate::detail {

OdeJacobianSource::OdeJacobianSource(OdeRhs& fun, const StepperSettings& settings, Index n)
    : fun_(fun), jac_(settings.jac), atol_(settings.atol), n_(n) {}

Matrix OdeJacobianSource::operator()(double t, const Vector& y, const Vector* f) {
  if (jac_) {
    Matrix J = jac_(t, y);
    if (J.rows() != n_ || J.cols() != n_) {
      throw ValueError(cat("solve_ivp: jac returned a ", J.rows(), " x ", J.cols(), " matrix at t = ", t,
                           ", but y has ", n_, " components"));
    }
    return J;
  }
  const RhsCall call = [this](double s, const Vector& x) { return fun_(s, x); };
  if (f != nullptr) return num_jac(call, t, y, *f, atol_, factor_);
  const Vector f_here = fun_(t, y);
  return num_jac(call, t, y, f_here, atol_, factor_);
}

double newton_tolerance(double rtol) {
  return std::max(10 * std::numeric_limits<double>::epsilon() / rtol, std::min(0.03, std::sqrt(rtol)));
}

}  // namespace scilearn::integrate::detail
