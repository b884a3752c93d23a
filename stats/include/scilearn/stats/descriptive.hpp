#pragma once
/// \file
/// Descriptive statistics of a sample, with NumPy's and scipy.stats' names,
/// defaults and results. A sample is a Vector; functions that SciPy applies
/// along an axis also take a Matrix and work column by column. The
/// scipy.stats functions take SciPy's nan_policy (nan_policy.hpp) last; with
/// omit, a sample left empty is treated as an empty sample.

#include <scilearn/core/types.hpp>
#include <scilearn/stats/nan_policy.hpp>

namespace scilearn::stats {

/// The arithmetic mean (numpy.mean), summed with error compensation
/// (Neumaier 1974) so that the result is within a few ulps of the exact mean
/// of the doubles given, whatever n and the data's range.
/// Throws: ValueError on an empty sample. NaN propagates.
/// Complexity: O(n).
[[nodiscard]] double mean(const Vector& a);

/// The variance with ddof degrees of freedom removed (numpy.var): two passes,
/// sum (x - mean)^2 / (n - ddof), the second corrected by the sum of the
/// deviations (Chan, Golub and LeVeque 1983) and both compensated.
/// Returns NaN when n <= ddof, as NumPy (which also warns).
/// Throws: ValueError on an empty sample or ddof < 0.
[[nodiscard]] double var(const Vector& a, int ddof = 0);

/// sqrt(var(a, ddof)) (numpy.std; named std_dev here, as `std` is C++'s namespace).
[[nodiscard]] double std_dev(const Vector& a, int ddof = 0);

/// Weighted forms. mean: sum w_i a_i / sum w_i (numpy.average(a, weights));
/// var: sum w_i (a_i - mean)^2 / (sum w_i - ddof), the frequency-weight
/// variance (numpy.cov(a, fweights=w, ddof=ddof) for integer w; with ddof = 0
/// also numpy.cov(a, aweights=w, ddof=0)); std_dev its square root. Sums
/// compensated as in the unweighted forms. NaN when sum w <= ddof (var).
/// Throws: ValueError on an empty sample, weights of another length, a
/// negative or non-finite weight, weights summing to 0, or ddof < 0.
/// Complexity: O(n).
[[nodiscard]] double mean(const Vector& a, const Vector& weights);
[[nodiscard]] double var(const Vector& a, const Vector& weights, int ddof = 0);
[[nodiscard]] double std_dev(const Vector& a, const Vector& weights, int ddof = 0);

/// The lag-k autocorrelation as NIST's StRD defines it:
/// sum_{i} (y_i - ybar)(y_{i+k} - ybar) / sum_i (y_i - ybar)^2.
/// Throws: ValueError on an empty sample or lag outside [0, n).
[[nodiscard]] double lag_autocorrelation(const Vector& a, Index lag = 1);

/// The geometric mean exp(mean(log a)) (scipy.stats.gmean): 0 when an
/// element is 0, NaN when one is negative (SciPy warns). Throws ValueError on
/// an empty sample.
[[nodiscard]] double gmean(const Vector& a, NanPolicy nan_policy = NanPolicy::propagate);

/// The harmonic mean n / sum(1 / a) (scipy.stats.hmean): 0 when an element
/// is 0, NaN when one is negative (SciPy warns). Throws ValueError on an
/// empty sample.
[[nodiscard]] double hmean(const Vector& a, NanPolicy nan_policy = NanPolicy::propagate);

/// The power mean (mean(a^p))^(1/p) (scipy.stats.pmean); p = 0 is gmean.
/// NaN when an element is negative. Throws ValueError on an empty sample or
/// a non-finite p.
[[nodiscard]] double pmean(const Vector& a, double p, NanPolicy nan_policy = NanPolicy::propagate);

/// The weighted forms of scipy.stats' gmean / hmean / pmean (`weights=`):
/// exp(sum w log a / sum w), sum w / sum(w / a), (sum w a^p / sum w)^(1/p).
/// Throws as the weighted mean does, and as the unweighted forms.
[[nodiscard]] double gmean(const Vector& a, const Vector& weights);
[[nodiscard]] double hmean(const Vector& a, const Vector& weights);
[[nodiscard]] double pmean(const Vector& a, double p, const Vector& weights);

/// The order-th central moment mean((a - mean)^order) (scipy.stats.moment;
/// 1 for order 0, exactly 0 for order 1). Throws ValueError on an empty
/// sample or order < 0.
[[nodiscard]] double moment(const Vector& a, int order = 1, NanPolicy nan_policy = NanPolicy::propagate);

/// The sample skewness m3 / m2^1.5 (scipy.stats.skew); bias = false: the
/// adjusted Fisher-Pearson coefficient sqrt(n (n - 1)) / (n - 2) times that
/// (for n > 2; the biased value below, as SciPy). NaN when the values are all equal to rounding (m2 <=
/// (eps mean)^2, SciPy's test).
[[nodiscard]] double skew(const Vector& a, bool bias = true, NanPolicy nan_policy = NanPolicy::propagate);

/// The sample kurtosis m4 / m2^2, minus 3 when fisher (scipy.stats.kurtosis);
/// bias = false: the unbiased estimator from k-statistics (for n > 3; the
/// biased value below, as SciPy).
/// NaN for all-equal values, as skew.
[[nodiscard]] double kurtosis(const Vector& a, bool fisher = true, bool bias = true, NanPolicy nan_policy = NanPolicy::propagate);

/// scipy.stats.describe's result.
struct DescribeResult {
  Index nobs = 0;
  double min = 0, max = 0;
  double mean = 0, variance = 0, skewness = 0, kurtosis = 0;
};

/// scipy.stats.describe: size, extremes, mean, variance (ddof), skewness and
/// Fisher kurtosis (both with `bias`). Throws ValueError on an empty sample.
[[nodiscard]] DescribeResult describe(const Vector& a, int ddof = 1, bool bias = true, NanPolicy nan_policy = NanPolicy::propagate);

/// The standard error of the mean std_dev(a, ddof) / sqrt(n) (scipy.stats.sem).
[[nodiscard]] double sem(const Vector& a, int ddof = 1, NanPolicy nan_policy = NanPolicy::propagate);

/// std_dev(a, ddof) / mean(a) (scipy.stats.variation).
[[nodiscard]] double variation(const Vector& a, int ddof = 0, NanPolicy nan_policy = NanPolicy::propagate);

/// (a - mean) / std_dev(a, ddof) elementwise (scipy.stats.zscore).
[[nodiscard]] Vector zscore(const Vector& a, int ddof = 0);

/// Shannon entropy -sum pk log pk of pk normalized to sum 1, or with qk the
/// relative entropy sum pk log(pk / qk) (scipy.stats.entropy); base > 0
/// divides by log(base) (0: natural logarithm). Throws ValueError on an empty
/// pk, a qk of another size, or a negative base.
[[nodiscard]] double entropy(const Vector& pk, const Vector& qk = Vector(), double base = 0);

/// SciPy's `axis` for a Matrix of samples.
enum class Axis {
  columns,  ///< axis = 0: each column is a sample; one value per column
  rows,     ///< axis = 1: each row is a sample; one value per row
};

/// The same statistics along an axis of a Matrix.
[[nodiscard]] Vector mean(const Matrix& a, Axis axis);
[[nodiscard]] Vector var(const Matrix& a, Axis axis, int ddof = 0);
[[nodiscard]] Vector std_dev(const Matrix& a, Axis axis, int ddof = 0);

}  // namespace scilearn::stats
