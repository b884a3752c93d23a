#pragma once
/// \file
/// Normality tests with scipy.stats' names and results.

#include <scilearn/core/types.hpp>

namespace scilearn::stats {

/// The result of jarque_bera (SciPy's SignificanceResult).
struct NormalityTestResult {
  double statistic;
  double pvalue;
};

/// The Jarque-Bera test (scipy.stats.jarque_bera): do the sample's skewness
/// and kurtosis match a normal distribution's? JB = n / 6 (S^2 + K^2 / 4)
/// with S, K the biased skewness and excess kurtosis (stats::skew,
/// stats::kurtosis); p from chi2(2).
/// Empty x: NaN results and a RuntimeWarning; constant x or a NaN: NaN.
[[nodiscard]] NormalityTestResult jarque_bera(const Vector& x);

}  // namespace scilearn::stats
