#include "test_support.hpp"

#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <cmath>
#include <scilearn/core/format.hpp>
#include <scilearn/core/warnings.hpp>

#include "distribution_support.hpp"

namespace scilearn::stats::detail {

namespace {

namespace bm = boost::math;
// Bad arguments give NaN rather than an exception (the callers decide first
// which arguments are meaningful). A test evaluates a handful of p-values,
// so they keep Boost's long double internals (ExtendedPolicy).

// less / greater / two-sided from a symmetric distribution's cdf and sf.
template <class Dist>
double symmetric_pvalue(const Dist& dist, double x, Alternative alternative) {
  if (std::isnan(x)) return kNaN;
  if (std::isinf(x)) {
    const bool upper = x > 0;
    switch (alternative) {
      case Alternative::less: return upper ? 1.0 : 0.0;
      case Alternative::greater: return upper ? 0.0 : 1.0;
      case Alternative::two_sided: return 0.0;
    }
  }
  switch (alternative) {
    case Alternative::less: return bm::cdf(dist, x);
    case Alternative::greater: return bm::cdf(bm::complement(dist, x));
    case Alternative::two_sided: return std::min(1.0, 2 * bm::cdf(bm::complement(dist, std::abs(x))));
  }
  return kNaN;
}

}  // namespace

double careful_mean(const Vector& a) {
  const Index n = a.size();
  const double m = compensated_sum(n, [&](Index i) { return a(i); }) / static_cast<double>(n);
  return m + compensated_sum(n, [&](Index i) { return a(i) - m; }) / static_cast<double>(n);
}

double centred_sum_of_squares(const Vector& a, double* mean) {
  const double m = careful_mean(a);
  if (mean != nullptr) *mean = m;
  return compensated_sum(a.size(), [&](Index i) { return (a(i) - m) * (a(i) - m); });
}

double t_pvalue(double t, double df, Alternative alternative) {
  if (!(df > 0)) return kNaN;
  return symmetric_pvalue(bm::students_t_distribution<double, ExtendedPolicy>(df), t, alternative);
}

double normal_pvalue(double z, Alternative alternative) {
  return symmetric_pvalue(bm::normal_distribution<double, ExtendedPolicy>(0.0, 1.0), z, alternative);
}

double chi2_sf(double x, double df) {
  if (!(df > 0) || std::isnan(x)) return kNaN;
  if (x <= 0) return 1.0;
  if (std::isinf(x)) return 0.0;
  return bm::cdf(bm::complement(bm::chi_squared_distribution<double, ExtendedPolicy>(df), x));
}

double f_sf(double x, double df1, double df2) {
  if (!(df1 > 0) || !(df2 > 0) || std::isnan(x)) return kNaN;
  if (x <= 0) return 1.0;
  if (std::isinf(x)) return 0.0;
  return bm::cdf(bm::complement(bm::fisher_f_distribution<double, ExtendedPolicy>(df1, df2), x));
}

double ibeta(double a, double b, double x) { return bm::ibeta(a, b, x, ExtendedPolicy()); }

void warn_too_small(const char* where) {
  warn(WarningCategory::runtime,
       cat(where, ": one or more sample arguments is too small; all returned values will be NaN"));
}

void warn_constant(const char* where) {
  warn(WarningCategory::runtime,
       cat(where, ": an input array is constant; the correlation coefficient is not defined"));
}

}  // namespace scilearn::stats::detail
