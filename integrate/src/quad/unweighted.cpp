// quad without a weight: QUADPACK's QAGS, QAGI and QAGP through GSL.

#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <vector>

#include "quad/gsl_quadpack.hpp"
#include "quad/quadpack_routines.hpp"

namespace scilearn::integrate::detail {
namespace {

// GSL qagp's `pts`: a, the break points strictly inside (a, b) sorted and
// without repeats (SciPy drops the others the same way), b.
std::vector<double> qagp_points(double a, double b, const std::vector<double>& points, int limit) {
  std::vector<double> inner;
  for (double p : points)
    if (a < p && p < b) inner.push_back(p);
  std::sort(inner.begin(), inner.end());
  inner.erase(std::unique(inner.begin(), inner.end()), inner.end());
  if (static_cast<long>(inner.size()) >= limit)
    throw ValueError(cat("quad: the number of break points inside the range (", inner.size(),
                         ") must be less than limit (", limit, ")"));
  std::vector<double> pts{a};
  pts.insert(pts.end(), inner.begin(), inner.end());
  pts.push_back(b);
  return pts;
}

}  // namespace

QuadResult integrate_unweighted(const Integrand& func, double a, double b, const QuadOptions& options) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  const double epsabs = options.epsabs;
  const double epsrel = options.epsrel;
  if (!options.points.empty()) {
    if (!std::isfinite(a) || !std::isfinite(b))
      throw ValueError("quad: break points cannot be used with an infinite range");
    std::vector<double> pts = qagp_points(a, b, options.points, options.limit);
    const auto limit = static_cast<std::size_t>(options.limit);
    return run_gsl_routine(func, options.limit, "qagp", [&](gsl_function* f, auto* w, double* value, double* abserr) {
      return gsl_integration_qagp(f, pts.data(), pts.size(), epsabs, epsrel, limit, w, value, abserr);
    });
  }
  const int gsl_limit = qags_family_limit(options.limit);
  const auto limit = static_cast<std::size_t>(gsl_limit);
  if (std::isfinite(a) && std::isfinite(b))
    return run_gsl_routine(func, gsl_limit, "qags", [&](gsl_function* f, auto* w, double* value, double* abserr) {
      return gsl_integration_qags(f, a, b, epsabs, epsrel, limit, w, value, abserr);
    });
  return run_gsl_routine(func, gsl_limit, "qagi", [&](gsl_function* f, auto* w, double* value, double* abserr) {
    if (a == -inf && b == inf) return gsl_integration_qagi(f, epsabs, epsrel, limit, w, value, abserr);
    if (b == inf) return gsl_integration_qagiu(f, a, epsabs, epsrel, limit, w, value, abserr);
    return gsl_integration_qagil(f, b, epsabs, epsrel, limit, w, value, abserr);
  });
}

}  // namespace scilearn::integrate::detail
