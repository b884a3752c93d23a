// The exact binomial test and the confidence intervals for a proportion.

#include <algorithm>
#include <cmath>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/stats/contingency_tests.hpp>
#include <scilearn/stats/discrete_distributions.hpp>
#include <scilearn/stats/distributions.hpp>

#include "count_tests_support.hpp"
#include "special_values.hpp"

namespace scilearn::stats {

using detail::kNaN;

namespace {

// The two-sided p-value: the probability of the outcomes no more likely than
// k, with SciPy's relative slack 1e-7 so that outcomes of equal probability
// count despite rounding. The outcomes on k's side of p n are those beyond k;
// on the other side the pmf is monotone, so bisection finds where it drops
// to (or, from below, rises past) the observed probability.
double binom_two_sided(const Binomial& dist, Index k, Index n, double p) {
  const double slack = 1 + 1e-7;
  const double threshold = dist.pmf(static_cast<double>(k)) * slack;
  const double mean = p * static_cast<double>(n);
  const auto fk = static_cast<double>(k);
  if (fk == mean) return 1.0;
  if (fk < mean) {
    const auto first = static_cast<Index>(std::ceil(mean));
    const Index x = detail::first_true(first, n, [&](Index j) { return dist.pmf(static_cast<double>(j)) <= threshold; });
    return std::min(1.0, dist.cdf(fk) + dist.sf(static_cast<double>(x - 1)));
  }
  const auto last = static_cast<Index>(std::floor(mean));
  const Index x = detail::first_true(0, last, [&](Index j) { return dist.pmf(static_cast<double>(j)) > threshold; });
  return std::min(1.0, dist.cdf(static_cast<double>(x - 1)) + dist.sf(fk - 1));
}

}  // namespace

BinomTestResult binomtest(Index k, Index n, double p, Alternative alternative) {
  if (k < 0) throw ValueError(cat("binomtest: k must be an integer not less than 0, got ", k));
  if (n < 1) throw ValueError(cat("binomtest: n must be an integer not less than 1, got ", n));
  if (k > n) throw ValueError(cat("binomtest: k (", k, ") must not be greater than n (", n, ")"));
  if (!(p >= 0 && p <= 1)) throw ValueError(cat("binomtest: p (", p, ") must be in range [0, 1]"));
  const Binomial dist = binom(static_cast<double>(n), p);
  const auto fk = static_cast<double>(k);
  double pvalue = kNaN;
  switch (alternative) {
    case Alternative::less: pvalue = dist.cdf(fk); break;
    case Alternative::greater: pvalue = dist.sf(fk - 1); break;
    case Alternative::two_sided: pvalue = binom_two_sided(dist, k, n, p); break;
  }
  return {k, n, alternative, fk / static_cast<double>(n), pvalue};
}

Interval BinomTestResult::proportion_ci(double confidence_level, ProportionCiMethod method) const {
  if (!(confidence_level >= 0 && confidence_level <= 1)) {
    throw ValueError(cat("proportion_ci: confidence_level (", confidence_level, ") must be in the interval [0, 1]"));
  }
  const bool two_sided = alternative == Alternative::two_sided;
  const bool lower_open = alternative == Alternative::less, upper_open = alternative == Alternative::greater;
  const auto fk = static_cast<double>(k), fn = static_cast<double>(n);
  if (method == ProportionCiMethod::exact) {
    // Clopper and Pearson (1934): the p at which P(X >= k) = alpha is the
    // alpha quantile of Beta(k, n - k + 1); the p at which P(X <= k) = alpha
    // the upper alpha quantile of Beta(k + 1, n - k).
    const double alpha = two_sided ? (1 - confidence_level) / 2 : 1 - confidence_level;
    const double low = lower_open || k == 0 ? 0.0 : beta(fk, fn - fk + 1).ppf(alpha);
    const double high = upper_open || k == n ? 1.0 : beta(fk + 1, fn - fk).isf(alpha);
    return {low, high};
  }
  // Wilson (1927) score interval, with continuity correction for wilsoncc:
  // Newcombe (1998), methods 3 and 4.
  const double z = norm().ppf(two_sided ? 0.5 + 0.5 * confidence_level : confidence_level);
  const double z2 = z * z;
  const double phat = fk / fn, qhat = 1 - phat;
  const double denominator = 2 * (fn + z2);
  const double center = (2 * fn * phat + z2) / denominator;
  double low = 0, high = 1;
  if (method == ProportionCiMethod::wilsoncc) {
    if (!lower_open && k != 0) {
      low = center - (1 + z * std::sqrt(z2 - 2 - 1 / fn + 4 * phat * (fn * qhat + 1))) / denominator;
    }
    if (!upper_open && k != n) {
      high = center + (1 + z * std::sqrt(z2 + 2 - 1 / fn + 4 * phat * (fn * qhat - 1))) / denominator;
    }
  } else {
    const double half_width = z / denominator * std::sqrt(4 * fn * phat * qhat + z2);
    if (!lower_open && k != 0) low = center - half_width;
    if (!upper_open && k != n) high = center + half_width;
  }
  return {low, high};
}

}  // namespace scilearn::stats
