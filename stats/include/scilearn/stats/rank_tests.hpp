#pragma once
/// \file
/// Rank tests with scipy.stats' names, defaults and results: the Wilcoxon
/// signed-rank test, the Kruskal-Wallis H test and the Friedman test.
/// nan_policy as SciPy's 'propagate': a NaN in the data gives NaN results.

#include <scilearn/core/types.hpp>
#include <scilearn/stats/nan_policy.hpp>
#include <scilearn/stats/hypothesis_tests.hpp>
#include <vector>

namespace scilearn::stats {

/// How wilcoxon treats zero differences (SciPy's `zero_method`).
enum class WilcoxonZeroMethod {
  wilcox,  ///< 'wilcox': drop them before ranking
  pratt,   ///< 'pratt': rank them, then drop their ranks
  zsplit,  ///< 'zsplit': rank them and split their ranks between the signs
};

/// How wilcoxon computes its p-value (SciPy's `method`).
enum class WilcoxonMethod {
  automatic,   ///< 'auto': see wilcoxon
  exact,       ///< 'exact': the null distribution of the signed-rank sum without ties
  asymptotic,  ///< 'asymptotic': normal approximation with the tie correction
};

/// Options of wilcoxon, with SciPy's names and defaults.
struct WilcoxonOptions {
  WilcoxonZeroMethod zero_method = WilcoxonZeroMethod::wilcox;
  bool correction = false;  ///< continuity correction (0.5 toward the mean) in the asymptotic method
  Alternative alternative = Alternative::two_sided;
  WilcoxonMethod method = WilcoxonMethod::automatic;
};

/// The result of the rank tests.
struct RankTestResult {
  double statistic;
  double pvalue;
};

/// The Wilcoxon signed-rank test on the differences d (scipy.stats.wilcoxon(d)):
/// is their distribution symmetric about zero? r+ is the sum of the ranks of
/// |d| (averaged over ties) of the positive differences; statistic =
/// min(r+, r-) for 'two-sided', r+ otherwise.
/// method automatic, as SciPy 1.17: more than 50 differences: asymptotic;
/// else no ties and no zeros: exact; else at most 13 differences: the exact
/// permutation distribution (all 2^n sign changes, SciPy's
/// permutation_test); else asymptotic.
/// Empty d: NaN results and a RuntimeWarning.
/// Complexity: O(n log n), O(n^3) for exact, O(2^n n) for the permutation case.
[[nodiscard]] RankTestResult wilcoxon(const Vector& d, const WilcoxonOptions& options = {});

/// The paired test on x - y (scipy.stats.wilcoxon(x, y)).
/// Throws: ValueError when x and y differ in length.
[[nodiscard]] RankTestResult wilcoxon(const Vector& x, const Vector& y, const WilcoxonOptions& options = {});

/// The Kruskal-Wallis H test (scipy.stats.kruskal): do the groups share one
/// median? H = 12 / (N (N + 1)) sum R_i^2 / n_i - 3 (N + 1), divided by the
/// tie correction 1 - sum(t^3 - t) / (N^3 - N); p from chi2(k - 1).
/// An empty group: NaN results and a RuntimeWarning; all values equal: NaN.
/// Throws: ValueError with fewer than two groups.
[[nodiscard]] RankTestResult kruskal(const std::vector<Vector>& samples, NanPolicy nan_policy = NanPolicy::propagate);

/// The Friedman test for repeated measurements (scipy.stats.friedmanchisquare):
/// samples[j](i) is treatment j on block i; ranks within each block,
/// statistic (12 / (k n (k + 1)) sum_j R_j^2 - 3 n (k + 1)) / c with the tie
/// correction c = 1 - sum(t^3 - t) / (k (k^2 - 1) n); p from chi2(k - 1).
/// Throws: ValueError with fewer than three samples or samples of different lengths.
[[nodiscard]] RankTestResult friedmanchisquare(const std::vector<Vector>& samples);

}  // namespace scilearn::stats
