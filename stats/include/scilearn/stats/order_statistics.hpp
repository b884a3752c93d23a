#pragma once
/// \file
/// Statistics of a sorted sample: median, quantiles (NumPy's thirteen
/// methods), interquartile range, mode, trimmed mean, ranks and the median
/// absolute deviation, with NumPy's and scipy.stats' names and results.

#include <scilearn/core/types.hpp>
#include <scilearn/stats/nan_policy.hpp>

namespace scilearn::stats {

/// numpy.median: the middle value, or the mean of the two middle ones.
/// NaN when the sample holds one. Throws ValueError on an empty sample.
/// Complexity: O(n) expected (selection).
[[nodiscard]] double median(const Vector& a);

/// NumPy's quantile `method`s: the nine of Hyndman and Fan (1996), H&F's
/// number in parentheses, and NumPy's four discontinuous legacy ones.
enum class QuantileMethod {
  inverted_cdf,               ///< (1) the smallest x with F(x) >= q
  averaged_inverted_cdf,      ///< (2) as (1), averaging at the jumps
  closest_observation,        ///< (3) the nearest order statistic, even at ties
  interpolated_inverted_cdf,  ///< (4) linear in the empirical cdf
  hazen,                      ///< (5) piecewise linear, midpoints at the data
  weibull,                    ///< (6) p_k = k / (n + 1)
  linear,                     ///< (7) NumPy's default: p_k = (k - 1) / (n - 1)
  median_unbiased,            ///< (8) median-unbiased whatever the distribution
  normal_unbiased,            ///< (9) unbiased for normal data
  lower,                      ///< the order statistic below linear's position
  higher,                     ///< the one above
  midpoint,                   ///< the mean of those two
  nearest,                    ///< the nearer one (ties to the even index, as numpy.around)
};

/// numpy.quantile(a, q, method) for each q in [0, 1]; NaN results when the
/// sample holds NaN. Throws ValueError on an empty sample or a q outside [0, 1].
/// Complexity: O(n log n) (one sort) plus O(1) per q.
[[nodiscard]] Vector quantile(const Vector& a, const Vector& q, QuantileMethod method = QuantileMethod::linear);
[[nodiscard]] double quantile(const Vector& a, double q, QuantileMethod method = QuantileMethod::linear);

/// numpy.percentile: quantile at q / 100, q in [0, 100].
[[nodiscard]] double percentile(const Vector& a, double q, QuantileMethod method = QuantileMethod::linear);

/// scipy.stats.iqr: percentile(q_high) - percentile(q_low), divided by
/// scale (scale_normal = true: SciPy's scale='normal', 2 sqrt(2) erfinv(1/2) =
/// 1.349, which makes it a consistent estimator of a normal's sigma).
[[nodiscard]] double iqr(const Vector& a, double q_low = 25, double q_high = 75,
                         QuantileMethod method = QuantileMethod::linear, bool scale_normal = false, NanPolicy nan_policy = NanPolicy::propagate);

/// scipy.stats.mode's result: the most frequent value (the smallest of
/// several) and how often it occurs.
struct ModeResult {
  double mode = 0;
  Index count = 0;
};
/// scipy.stats.mode. NaNs count as one more value (the mode when they are
/// the most frequent), as SciPy counts them. Throws ValueError on an empty
/// sample. Complexity: O(n log n).
[[nodiscard]] ModeResult mode(const Vector& a);

/// scipy.stats.trim_mean: the mean after cutting floor(proportion n) values
/// from each end; NaN when that leaves nothing. Throws ValueError on an empty
/// sample or a proportion that would cut more than all (SciPy's "Proportion
/// too big").
[[nodiscard]] double trim_mean(const Vector& a, double proportiontocut);

/// How rankdata breaks ties (scipy.stats.rankdata's `method`).
enum class RankMethod {
  average,  ///< tied values get the mean of their ranks
  min,      ///< ... the lowest
  max,      ///< ... the highest
  dense,    ///< ranks 1, 2, ... over the distinct values
  ordinal,  ///< all distinct, in order of appearance among ties
};
/// scipy.stats.rankdata: ranks from 1 (NaN everywhere if a holds NaN, as
/// SciPy's propagate). Complexity: O(n log n).
[[nodiscard]] Vector rankdata(const Vector& a, RankMethod method = RankMethod::average);

/// scipy.stats.median_abs_deviation: median(|a - median(a)|) / scale
/// (scale_normal = true: SciPy's scale='normal', 0.67449, which makes it a
/// consistent estimator of a normal's sigma).
[[nodiscard]] double median_abs_deviation(const Vector& a, double scale = 1.0, bool scale_normal = false, NanPolicy nan_policy = NanPolicy::propagate);

}  // namespace scilearn::stats
