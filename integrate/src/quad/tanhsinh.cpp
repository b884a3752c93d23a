// scipy.integrate.tanhsinh for a scalar integrand through Boost.Math's
// tanh_sinh (Takahasi & Mori 1974; Bailey's level-by-level refinement).

#include <boost/math/quadrature/tanh_sinh.hpp>
#include <cmath>
#include <exception>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/integrate/quad.hpp>

namespace scilearn::integrate {
namespace {
// Thrown through Boost in place of the integrand's own exception, so that
// Boost's evaluation_error (a non-finite sum) is told apart from it.
struct IntegrandFailed {};
}  // namespace

TanhSinhResult tanhsinh(const Integrand& f, double a, double b, const TanhSinhOptions& options) {
  const double eps = std::numeric_limits<double>::epsilon();
  const double rtol = options.rtol.value_or(std::pow(eps, 0.75));
  if (std::isnan(a) || std::isnan(b))
    throw ValueError(cat("tanhsinh: the limits must not be NaN, got a = ", a, ", b = ", b));
  if (options.maxlevel < 1) throw ValueError(cat("tanhsinh: maxlevel must be >= 1, got ", options.maxlevel));
  if (!(options.atol >= 0) || !std::isfinite(options.atol) || !(rtol > 0) || !std::isfinite(rtol))
    throw ValueError(
        cat("tanhsinh: atol must be >= 0 and rtol > 0, both finite; got atol = ", options.atol, ", rtol = ", rtol));
  TanhSinhResult r;
  if (a == b) {
    r.success = true;
    return r;
  }
  // Boost integrates from the smaller limit; SciPy's sign convention follows.
  const double sign = b < a ? -1.0 : 1.0;
  const double lo = std::min(a, b), hi = std::max(a, b);
  std::exception_ptr error;
  auto counted = [&](double x) {
    ++r.nfev;
    try {
      return f(x);
    } catch (...) {
      error = std::current_exception();
      throw IntegrandFailed{};
    }
  };
  boost::math::quadrature::tanh_sinh<double> integrator(static_cast<std::size_t>(options.maxlevel));
  double l1 = 0;
  std::size_t levels = 0;
  try {
    r.integral = sign * integrator.integrate(counted, lo, hi, rtol, &r.error, &l1, &levels);
  } catch (const IntegrandFailed&) {
    std::rethrow_exception(error);
  } catch (const boost::math::evaluation_error&) {
    r.integral = std::numeric_limits<double>::quiet_NaN();
    r.error = std::numeric_limits<double>::quiet_NaN();
    r.status = -3;
    return r;
  }
  r.maxlevel = static_cast<int>(levels);
  r.success = r.error <= std::max(options.atol, rtol * std::abs(r.integral)) || r.error <= rtol * l1;
  r.status = r.success ? 0 : -2;
  return r;
}

}  // namespace scilearn::integrate
