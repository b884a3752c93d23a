#pragma once
/// \file
/// Tests for equal variances with scipy.stats' names, defaults and results:
/// Levene's (Brown-Forsythe's with the median) and Bartlett's.
/// nan_policy as SciPy's 'propagate': a NaN in the data gives NaN results.

#include <scilearn/core/types.hpp>
#include <vector>

namespace scilearn::stats {

/// The centre Levene's test measures deviations from (SciPy's `center`).
enum class LeveneCenter {
  median,   ///< 'median' (Brown and Forsythe 1974), SciPy's default
  mean,     ///< 'mean' (Levene 1960)
  trimmed,  ///< 'trimmed': trim_mean(sample, proportiontocut)
};

/// The result of levene and bartlett.
struct VarianceTestResult {
  double statistic;
  double pvalue;
};

/// Levene's test (scipy.stats.levene): do the groups share one variance?
/// The one-way ANOVA F statistic of Z_ij = |x_ij - centre_i|, p from
/// F(k - 1, N - k).
/// Throws: ValueError with fewer than two groups, or proportiontocut outside [0, 0.5).
[[nodiscard]] VarianceTestResult levene(const std::vector<Vector>& samples, LeveneCenter center = LeveneCenter::median,
                                        double proportiontocut = 0.05);

/// Bartlett's test (scipy.stats.bartlett) for normal samples:
/// T = ((N - k) log s_p^2 - sum (n_i - 1) log s_i^2) /
///     (1 + (sum 1 / (n_i - 1) - 1 / (N - k)) / (3 (k - 1))), p from chi2(k - 1).
/// A group of one value: NaN results; a constant group: T = inf, p = 0.
/// Throws: ValueError with fewer than two groups.
[[nodiscard]] VarianceTestResult bartlett(const std::vector<Vector>& samples);

}  // namespace scilearn::stats
