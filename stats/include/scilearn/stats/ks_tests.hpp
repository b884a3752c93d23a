#pragma once
/// \file
/// The two-sample Kolmogorov-Smirnov test with scipy.stats.ks_2samp's names,
/// defaults, method choice and results.

#include <scilearn/core/types.hpp>
#include <scilearn/stats/hypothesis_tests.hpp>

namespace scilearn::stats {

/// How ks_2samp computes its p-value (SciPy's `method`).
enum class KsMethod {
  automatic,   ///< 'auto': exact when both samples have at most 10000 values
  exact,       ///< 'exact': the exact null distribution (lattice-path counts)
  asymptotic,  ///< 'asymp'
};

/// The result of the Kolmogorov-Smirnov tests (SciPy's KstestResult).
struct KstestResult {
  double statistic;           ///< D, D+ or D- (for the exact method, rounded to a multiple of 1 / lcm(n1, n2))
  double pvalue;              ///< the p-value for the chosen alternative
  double statistic_location;  ///< the value of the pooled data where the statistic is attained
  int statistic_sign;         ///< +1 when F1 - F2 attains the statistic there, -1 when F2 - F1 does
};

/// Two-sample Kolmogorov-Smirnov test (scipy.stats.ks_2samp): were data1 and
/// data2 drawn from one continuous distribution? With F1, F2 their empirical
/// cdfs, the statistic is max(F1 - F2) ('greater'), max(F2 - F1) ('less') or
/// the larger of the two ('two-sided', ties going to F1 - F2).
/// The exact p-value is the share of monotone lattice paths from (0, 0) to
/// (n1, n2) that leave the band the statistic defines (Hodges 1958), summed
/// in probabilities column by column: O(n1 n2) time, O(min(n1, n2)) memory.
/// When the exact sum breaks down (overflow of the one-sided path counts) the
/// asymptotic p-value is used with a RuntimeWarning, as SciPy.
/// The asymptotic one-sided p-value is Hodges' (1958) eq. 5.3.
/// Requires: both samples non-empty (else ValueError); no NaN (a NaN gives NaN results).
/// Throws: ValueError when the two-sided asymptotic p-value would be needed
/// (SciPy's Kolmogorov distribution for finite n, kstwo, is not available
/// here yet): method asymptotic, or automatic with more than 10000 values in
/// a sample.
[[nodiscard]] KstestResult ks_2samp(const Vector& data1, const Vector& data2,
                                    Alternative alternative = Alternative::two_sided,
                                    KsMethod method = KsMethod::automatic);

}  // namespace scilearn::stats
