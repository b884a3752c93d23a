#include <scilearn/stats/normality_tests.hpp>

#include <cmath>
#include <scilearn/core/format.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/stats/descriptive.hpp>

#include "test_support.hpp"

namespace scilearn::stats {

using detail::kNaN;

namespace {

// D'Agostino's (1970) z for the skewness b1 of n >= 8 values: b1 scaled by
// its standard deviation under normality, then the Johnson S_U
// transformation delta asinh(y / alpha) whose parameters match the second
// and fourth moments (beta2) of sqrt(b1)'s null distribution.
double skew_z(double b1, double n) {
  double y = b1 * std::sqrt((n + 1) * (n + 3) / (6.0 * (n - 2)));
  const double beta2 = 3.0 * (n * n + 27 * n - 70) * (n + 1) * (n + 3) / ((n - 2.0) * (n + 5) * (n + 7) * (n + 9));
  const double w2 = -1 + std::sqrt(2 * (beta2 - 1));
  const double delta = 1 / std::sqrt(0.5 * std::log(w2));
  const double alpha = std::sqrt(2.0 / (w2 - 1));
  // SciPy 1.17 replaces y = 0 (a skewness of exactly 0) by 1, so that z is
  // not 0 there; followed so that the results agree.
  if (y == 0) y = 1;
  return delta * std::log(y / alpha + std::sqrt((y / alpha) * (y / alpha) + 1));
}

// Anscombe and Glynn (1983) for Pearson's kurtosis b2 of n >= 5 values:
// x = (b2 - E b2) / sd(b2) (eqs. 1, 4), the third standardized moment of b2
// (eq. 2) fixes A (eq. 3), and the cube root of a ratio is nearly normal
// (eq. 5). NaN where the ratio's denominator is 0 (warned by the caller).
double kurtosis_z(double b2, double n, bool& undefined) {
  const double mean = 3.0 * (n - 1) / (n + 1);
  const double variance = 24.0 * n * (n - 2) * (n - 3) / ((n + 1) * (n + 1.0) * (n + 3) * (n + 5));
  const double x = (b2 - mean) / std::sqrt(variance);
  const double sqrt_beta1 =
      6.0 * (n * n - 5 * n + 2) / ((n + 7) * (n + 9)) * std::sqrt(6.0 * (n + 3) * (n + 5) / (n * (n - 2) * (n - 3)));
  const double a = 6.0 + 8.0 / sqrt_beta1 * (2.0 / sqrt_beta1 + std::sqrt(1 + 4.0 / (sqrt_beta1 * sqrt_beta1)));
  const double term1 = 1 - 2 / (9.0 * a);
  const double denom = 1 + x * std::sqrt(2 / (a - 4.0));
  undefined = denom == 0;
  if (undefined) return kNaN;
  const double term2 = std::copysign(std::pow((1 - 2.0 / a) / std::abs(denom), 1.0 / 3), denom);
  return (term1 - term2) / std::sqrt(2 / (9.0 * a));
}

void warn_division_by_zero(const char* where) {
  warn(WarningCategory::runtime, cat(where, ": the test statistic is not defined (division by zero); returning NaN"));
}

}  // namespace

NormalityTestResult jarque_bera(const Vector& x) {
  if (x.size() == 0) {
    detail::warn_too_small("jarque_bera");
    return {kNaN, kNaN};
  }
  const double s = skew(x), k = kurtosis(x);
  const double jb = static_cast<double>(x.size()) / 6 * (s * s + k * k / 4);
  return {jb, detail::chi2_sf(jb, 2)};
}

NormalityTestResult skewtest(const Vector& a, Alternative alternative) {
  if (a.size() < 8) {
    detail::warn_too_small("skewtest");
    return {kNaN, kNaN};
  }
  const double z = skew_z(skew(a), static_cast<double>(a.size()));
  return {z, detail::normal_pvalue(z, alternative)};
}

NormalityTestResult kurtosistest(const Vector& a, Alternative alternative) {
  if (a.size() < 5) {
    detail::warn_too_small("kurtosistest");
    return {kNaN, kNaN};
  }
  bool undefined = false;
  const double z = kurtosis_z(kurtosis(a, false), static_cast<double>(a.size()), undefined);
  if (undefined) warn_division_by_zero("kurtosistest");
  return {z, detail::normal_pvalue(z, alternative)};
}

NormalityTestResult normaltest(const Vector& a) {
  if (a.size() < 8) {
    detail::warn_too_small("normaltest");
    return {kNaN, kNaN};
  }
  const auto n = static_cast<double>(a.size());
  bool undefined = false;
  const double s = skew_z(skew(a), n), k = kurtosis_z(kurtosis(a, false), n, undefined);
  if (undefined) warn_division_by_zero("normaltest");
  const double k2 = s * s + k * k;
  return {k2, detail::chi2_sf(k2, 2)};
}

}  // namespace scilearn::stats
