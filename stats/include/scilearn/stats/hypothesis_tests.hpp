#pragma once
/// \file
/// Classical hypothesis tests with scipy.stats' names, parameters, defaults and
/// results: t tests, one-way ANOVA, Pearson's chi-squared test (the other
/// tests on counts are in contingency_tests.hpp) and the Mann-Whitney U test.
/// Each returns a struct with `statistic` and `pvalue` (plus the fields SciPy
/// adds, such as `df`).
///
/// nan_policy: as SciPy's default 'propagate': a NaN in a sample gives a NaN
/// statistic and p-value. Samples too small for a test give NaN results and a
/// RuntimeWarning through scilearn::warn ("One or more sample arguments is too
/// small"), as SciPy 1.17 does; misuse (samples of different lengths where
/// pairs are needed, fewer than two groups) throws ValueError.

#include <scilearn/core/types.hpp>
#include <scilearn/stats/nan_policy.hpp>
#include <vector>

namespace scilearn::stats {

/// SciPy's `alternative`: the alternative hypothesis a p-value is computed for.
enum class Alternative {
  two_sided,  ///< 'two-sided'
  less,       ///< 'less': the statistic's distribution is shifted below the null's
  greater,    ///< 'greater'
};

/// The result of the t tests (SciPy's TtestResult, without its
/// confidence_interval method).
struct TtestResult {
  double statistic;  ///< the t statistic
  double pvalue;     ///< the p-value for the chosen alternative
  double df;         ///< the degrees of freedom of the t distribution used
};

/// One-sample t test (scipy.stats.ttest_1samp): is the mean of a equal to popmean?
/// statistic = (mean(a) - popmean) / (s / sqrt(n)), s the sample standard
/// deviation (n - 1), df = n - 1.
/// Empty a: NaN results (df NaN) and a RuntimeWarning; n = 1: df = 0 and NaN.
/// Complexity: O(n).
[[nodiscard]] TtestResult ttest_1samp(const Vector& a, double popmean,
                                      Alternative alternative = Alternative::two_sided, NanPolicy nan_policy = NanPolicy::propagate);

/// Options of ttest_ind, with SciPy's names and defaults.
struct TtestIndOptions {
  bool equal_var = true;  ///< true: Student's pooled-variance test; false: Welch's test
  Alternative alternative = Alternative::two_sided;
  NanPolicy nan_policy = NanPolicy::propagate;  ///< omit: each sample's NaNs are dropped
};

/// Two independent samples t test (scipy.stats.ttest_ind): are the means of a
/// and b equal? With equal_var the pooled variance and df = n_a + n_b - 2;
/// otherwise Welch's statistic with the Welch-Satterthwaite df.
/// An empty sample: NaN results and a RuntimeWarning.
/// Complexity: O(n_a + n_b).
[[nodiscard]] TtestResult ttest_ind(const Vector& a, const Vector& b, const TtestIndOptions& options = {});

/// Paired-samples t test (scipy.stats.ttest_rel): ttest_1samp(a - b, 0).
/// Throws: ValueError when a and b differ in length.
[[nodiscard]] TtestResult ttest_rel(const Vector& a, const Vector& b, Alternative alternative = Alternative::two_sided, NanPolicy nan_policy = NanPolicy::propagate);

/// The result of f_oneway: SciPy's F_onewayResult (statistic, pvalue) and the
/// ANOVA table behind it.
struct FOnewayResult {
  double statistic;   ///< F = ms_between / ms_within
  double pvalue;      ///< upper tail of F(df_between, df_within) at statistic
  double df_between;  ///< k - 1 for k groups
  double df_within;   ///< N - k for N observations
  double ss_between;  ///< sum_i n_i (mean_i - grand mean)^2
  double ss_within;   ///< sum_i sum_j (x_ij - mean_i)^2
  double ms_between;  ///< ss_between / df_between
  double ms_within;   ///< ss_within / df_within
};

/// One-way analysis of variance (scipy.stats.f_oneway): do the groups share
/// one mean? The sums of squares are taken about the group means and the
/// grand mean, each mean corrected by a second pass and every sum compensated
/// (Neumaier), so data with many constant leading digits keep their
/// precision (NIST StRD ANOVA: F to 9-13 digits, 4-7 on SmLs07-09).
/// An empty group, or all groups of size one: NaN results and a
/// RuntimeWarning. All values equal: NaN (0 / 0); equal within groups only:
/// F = inf, p = 0.
/// Throws: ValueError with fewer than two groups.
/// Complexity: O(N).
[[nodiscard]] FOnewayResult f_oneway(const std::vector<Vector>& samples);

/// The result of chisquare and power_divergence (SciPy's Power_divergenceResult).
struct ChisquareResult {
  double statistic;  ///< the power divergence statistic: sum (f_obs - f_exp)^2 / f_exp for chisquare
  double pvalue;     ///< upper tail of chi2(k - 1 - ddof)
};

/// Pearson's chi-squared goodness-of-fit test (scipy.stats.chisquare) with
/// equal expected frequencies (the mean of f_obs): power_divergence with
/// lambda_ = 1 (<scilearn/stats/contingency_tests.hpp>), which says what
/// zeros, NaN and few degrees of freedom give (k - 1 - ddof = 0: pvalue NaN
/// at statistic 0, 0 above it; fewer: NaN, as SciPy). An empty f_obs:
/// statistic 0, pvalue NaN.
[[nodiscard]] ChisquareResult chisquare(const Vector& f_obs, int ddof = 0);

/// The same with expected frequencies f_exp.
/// Throws: ValueError when f_exp's length differs from f_obs', or, with
/// sum_check (SciPy 1.17's keyword, default true), when their sums differ by
/// more than sqrt(machine epsilon) relative to the smaller sum (SciPy's check).
[[nodiscard]] ChisquareResult chisquare(const Vector& f_obs, const Vector& f_exp, int ddof = 0,
                                        bool sum_check = true);

/// How mannwhitneyu computes its p-value (SciPy's `method`).
enum class MannwhitneyuMethod {
  automatic,   ///< 'auto': exact when a sample has at most 8 values and there are no ties
  asymptotic,  ///< 'asymptotic': normal approximation with tie correction
  exact,       ///< 'exact': the exact null distribution of U (not corrected for ties)
};

/// Options of mannwhitneyu, with SciPy's names and defaults.
struct MannwhitneyuOptions {
  bool use_continuity = true;  ///< subtract 0.5 from |U - mean| in the asymptotic method
  Alternative alternative = Alternative::two_sided;
  MannwhitneyuMethod method = MannwhitneyuMethod::automatic;
  NanPolicy nan_policy = NanPolicy::propagate;  ///< omit: each sample's NaNs are dropped
};

/// The result of mannwhitneyu.
struct MannwhitneyuResult {
  double statistic;  ///< U1: the U statistic of x, sum of x's ranks - n_x (n_x + 1) / 2
  double pvalue;     ///< the p-value for the chosen alternative
};

/// The Mann-Whitney U rank test on two independent samples
/// (scipy.stats.mannwhitneyu). Ranks are averaged over ties; the asymptotic
/// p-value uses the tie-corrected variance n_x n_y / 12 ((n + 1) -
/// sum(t^3 - t) / (n (n - 1))). The exact distribution of U is built by the
/// recurrence of Mann and Whitney (1947) in probabilities: O(n_x n_y) memory
/// and O(min(n_x, n_y) * max(n_x, n_y) * n_x n_y) time.
/// An empty sample: NaN results and a RuntimeWarning.
[[nodiscard]] MannwhitneyuResult mannwhitneyu(const Vector& x, const Vector& y,
                                              const MannwhitneyuOptions& options = {});

}  // namespace scilearn::stats
