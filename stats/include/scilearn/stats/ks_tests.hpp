#pragma once
/// \file
/// The one- and two-sample Kolmogorov-Smirnov tests with scipy.stats'
/// ks_1samp, ks_2samp and kstest names, defaults, method choice and results.
/// The null distributions (ksone, kstwo, kstwobign) are in kolmogorov.hpp.

#include <functional>
#include <scilearn/core/types.hpp>
#include <scilearn/stats/distributions.hpp>
#include <scilearn/stats/hypothesis_tests.hpp>

namespace scilearn::stats {

/// How the KS tests compute the two-sided p-value (SciPy's `method`).
enum class KsMethod {
  automatic,    ///< 'auto': ks_1samp: exact; ks_2samp: exact when both samples have at most 10000 values
  exact,        ///< 'exact': the exact null distribution (kstwo; for ks_2samp lattice-path counts)
  asymptotic,   ///< 'asymp': ks_1samp: kstwobign at sqrt(n) D; ks_2samp: kstwo at round(n1 n2 / (n1 + n2))
  approximate,  ///< 'approx' (ks_1samp only): twice the one-sided p-value
};

/// The result of the Kolmogorov-Smirnov tests (SciPy's KstestResult).
struct KstestResult {
  double statistic;           ///< D, D+ or D- (ks_2samp's exact method: rounded to a multiple of 1 / lcm(n1, n2))
  double pvalue;              ///< the p-value for the chosen alternative
  double statistic_location;  ///< the data value where the statistic is attained (ks_2samp: of the pooled data)
  int statistic_sign;         ///< +1 when F1 - F2 (ks_1samp: F_n - F) attains the statistic there, -1 when the reverse does
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
/// The asymptotic one-sided p-value is Hodges' (1958) eq. 5.3; the two-sided
/// one is SciPy's: kstwo(round(n1 n2 / (n1 + n2))).sf(D), rounding half to even.
/// Requires: both samples non-empty (else ValueError); no NaN (a NaN gives NaN results).
/// Throws: ValueError for method approximate (SciPy's ks_2samp has no 'approx').
[[nodiscard]] KstestResult ks_2samp(const Vector& data1, const Vector& data2,
                                    Alternative alternative = Alternative::two_sided,
                                    KsMethod method = KsMethod::automatic);

/// One-sample Kolmogorov-Smirnov test (scipy.stats.ks_1samp): was x drawn
/// from the continuous distribution with cdf F? With F_n the empirical cdf of
/// the sorted x(1) <= ... <= x(n), the statistic is
/// D+ = max_i (i/n - F(x(i))) ('greater'), D- = max_i (F(x(i)) - (i-1)/n)
/// ('less'), or the larger of the two ('two-sided'; D- on a tie), attained
/// at statistic_location = x(i) (the first such i) with statistic_sign +1
/// for D+, -1 for D-. p-values: one-sided from ksone(n).sf (exact, every
/// method); two-sided from kstwo(n).sf (automatic, exact), kstwobign's sf at
/// sqrt(n) D (asymptotic) or 2 ksone(n).sf(D) clipped to 1 (approximate).
/// cdf must return values in [0, 1]; it is called once per value.
/// Empty x: NaN results (statistic_sign 0) and a RuntimeWarning; a NaN in x:
/// NaN results.
/// Complexity: O(n log n) plus the p-value (see kolmogorov.hpp).
[[nodiscard]] KstestResult ks_1samp(const Vector& x, const std::function<double(double)>& cdf,
                                    Alternative alternative = Alternative::two_sided,
                                    KsMethod method = KsMethod::automatic);

/// The same against a distribution object: ks_1samp(x, stats::norm(0, 2))
/// is scipy.stats.ks_1samp(x, norm(0, 2).cdf).
[[nodiscard]] KstestResult ks_1samp(const Vector& x, const ContinuousDistribution& dist,
                                    Alternative alternative = Alternative::two_sided,
                                    KsMethod method = KsMethod::automatic);

/// scipy.stats.kstest's two forms: against a cdf or distribution, ks_1samp;
/// against a second sample, ks_2samp.
[[nodiscard]] inline KstestResult kstest(const Vector& x, const std::function<double(double)>& cdf,
                                         Alternative alternative = Alternative::two_sided,
                                         KsMethod method = KsMethod::automatic) {
  return ks_1samp(x, cdf, alternative, method);
}
[[nodiscard]] inline KstestResult kstest(const Vector& x, const ContinuousDistribution& dist,
                                         Alternative alternative = Alternative::two_sided,
                                         KsMethod method = KsMethod::automatic) {
  return ks_1samp(x, dist, alternative, method);
}
[[nodiscard]] inline KstestResult kstest(const Vector& x, const Vector& y,
                                         Alternative alternative = Alternative::two_sided,
                                         KsMethod method = KsMethod::automatic) {
  return ks_2samp(x, y, alternative, method);
}

}  // namespace scilearn::stats
