// scipy.integrate.quad's front end: input checks, SciPy's handling of a == b
// and of reversed limits, the choice of the QUADPACK routine, and the
// message and warning for ier > 0.

#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/integrate/quad.hpp>

#include "quad/gsl_quadpack.hpp"
#include "quad/quadpack_routines.hpp"

namespace scilearn::integrate {

std::string_view to_string(QuadWeight weight) noexcept {
  switch (weight) {
    case QuadWeight::none: return "";
    case QuadWeight::cos: return "cos";
    case QuadWeight::sin: return "sin";
    case QuadWeight::alg: return "alg";
    case QuadWeight::alg_loga: return "alg-loga";
    case QuadWeight::alg_logb: return "alg-logb";
    case QuadWeight::alg_log: return "alg-log";
    case QuadWeight::cauchy: return "cauchy";
  }
  return "";
}

namespace {

// What QUADPACK's ier means, in our words (QAWF, cos / sin on an infinite
// range, counts cycles, not subintervals).
std::string ier_message(int ier, const QuadOptions& options, bool cycles) {
  switch (ier) {
    case 1:
      if (cycles)
        return cat("quad: the maximum number of cycles (limlst = ", options.limlst,
                   ") was reached; a larger limlst may help");
      return cat("quad: the maximum number of subdivisions (limit = ", options.limit,
                 ") was reached; if a larger limit does not help, look for a local difficulty of the integrand "
                 "(a singularity, a discontinuity) and split the range there or pass it in points");
    case 2:
      return "quad: roundoff error prevents the requested tolerance from being reached; the error may be "
             "underestimated";
    case 3: return "quad: extremely bad integrand behavior occurs at some points of the integration interval";
    case 4:
      if (cycles) return "quad: the extrapolation over the cycles does not converge to the requested accuracy";
      return "quad: roundoff error in the extrapolation table prevents convergence; the result is the best that "
             "could be obtained";
    case 5: return "quad: the integral is probably divergent, or slowly convergent";
    default: return cat("quad: abnormal termination (ier = ", ier, "); the estimates are less reliable");
  }
}

}  // namespace

QuadResult quad(const Integrand& func, double a, double b, const QuadOptions& options) {
  if (std::isnan(a) || std::isnan(b))
    throw ValueError(cat("quad: the limits must not be NaN, got a = ", a, ", b = ", b));
  // The upper bound keeps limit + 1 (the GSL routines' limit) an int.
  if (options.limit < 1 || options.limit == std::numeric_limits<int>::max()) {
    throw ValueError(cat("quad: limit must be in [1, ", std::numeric_limits<int>::max() - 1, "], got ", options.limit));
  }
  if (std::isnan(options.epsabs) || std::isnan(options.epsrel) || options.epsrel < 0)
    throw ValueError(cat("quad: bad tolerances epsabs = ", options.epsabs, ", epsrel = ", options.epsrel));
  const double min_epsrel = std::max(50 * std::numeric_limits<double>::epsilon(), 5e-29);
  if (options.epsabs <= 0 && options.epsrel < min_epsrel)
    throw ValueError(cat("quad: with epsabs <= 0 (", options.epsabs, "), epsrel must be at least ", min_epsrel,
                         ", got ", options.epsrel));
  if (a == b) return QuadResult{};  // SciPy's shortcut, also for a == b == +-inf

  detail::disable_gsl_error_handler();
  const bool flip = b < a;
  const double lo = std::min(a, b);
  const double hi = std::max(a, b);
  QuadResult r;
  if (options.weight == QuadWeight::none) {
    r = detail::integrate_unweighted(func, lo, hi, options);
  } else {
    if (!options.points.empty())
      warn(WarningCategory::user, "quad: break points cannot be used with a weight; the points are ignored");
    r = detail::integrate_weighted(func, lo, hi, options);
  }
  if (flip) r.value = -r.value;
  if (r.ier != 0) {
    const bool cycles =
        (options.weight == QuadWeight::cos || options.weight == QuadWeight::sin) && (std::isinf(lo) || std::isinf(hi));
    r.message = ier_message(r.ier, options, cycles);
    warn(WarningCategory::user, r.message);
  }
  return r;
}

}  // namespace scilearn::integrate
