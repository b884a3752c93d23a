#pragma once
/// \file
/// Tests on counts with scipy.stats' names, parameters, defaults and results:
/// the Cressie-Read power divergence goodness-of-fit test (of which
/// chisquare is the Pearson case), the chi-squared test of independence on
/// a contingency table, Fisher's exact test on a 2 x 2 table and the exact
/// binomial test with its confidence intervals for the proportion.
///
/// Counts come as doubles (Vector, Matrix), as NumPy arrays of floats do in
/// SciPy; fisher_exact requires whole numbers, binomtest takes integers.
/// nan_policy is SciPy's default 'propagate': a NaN count gives NaN results.

#include <scilearn/core/types.hpp>
#include <scilearn/stats/distributions.hpp>
#include <scilearn/stats/hypothesis_tests.hpp>
#include <string_view>

namespace scilearn::stats {

/// SciPy's named values of power_divergence's `lambda_` (the strings SciPy
/// accepts, '-' written '_').
namespace power_lambda {
inline constexpr double pearson = 1.0;              ///< 'pearson': Pearson's chi-squared (chisquare)
inline constexpr double log_likelihood = 0.0;       ///< 'log-likelihood': the G test
inline constexpr double freeman_tukey = -0.5;       ///< 'freeman-tukey'
inline constexpr double mod_log_likelihood = -1.0;  ///< 'mod-log-likelihood'
inline constexpr double neyman = -2.0;              ///< 'neyman'
inline constexpr double cressie_read = 2.0 / 3.0;   ///< 'cressie-read': Cressie and Read's recommendation
}  // namespace power_lambda

/// The value of one of SciPy's lambda_ strings ("pearson", "log-likelihood",
/// "freeman-tukey", "mod-log-likelihood", "neyman", "cressie-read"), for
/// callers that carry SciPy's spelling.
/// Throws: ValueError naming the valid strings for any other.
[[nodiscard]] double power_lambda_named(std::string_view name);

/// The result of power_divergence: SciPy's Power_divergenceResult (the
/// result chisquare returns too).
using PowerDivergenceResult = ChisquareResult;

/// The Cressie-Read power divergence goodness-of-fit test
/// (scipy.stats.power_divergence) with equal expected frequencies (the mean
/// of f_obs). See the overload with f_exp.
[[nodiscard]] PowerDivergenceResult power_divergence(const Vector& f_obs, int ddof = 0,
                                                     double lambda_ = power_lambda::pearson);

/// The Cressie-Read power divergence test of the observed frequencies f_obs
/// against the expected frequencies f_exp (scipy.stats.power_divergence):
///   statistic = 2 / (lambda (lambda + 1)) sum o ((o / e)^lambda - 1),
/// with its limits 2 sum o log(o / e) at lambda = 0 (terms with o = 0 are 0)
/// and 2 sum e log(e / o) at lambda = -1; pvalue = the upper tail of chi2
/// with k - 1 - ddof degrees of freedom (k = f_obs.size()) at statistic.
/// The ratios near 1 are formed as log1p((o - e) / e), so large counts keep
/// the digits that SciPy's o / e loses (up to about eps * sum(f_obs) / statistic).
/// As SciPy: zeros where a term needs log 0 or 0^negative give inf or NaN
/// statistics; k - 1 - ddof = 0 gives pvalue 0 for a positive statistic and
/// NaN for 0; fewer degrees of freedom, or a negative statistic, give NaN.
/// Requires: nothing of the values (negative counts are not rejected, as SciPy).
/// Throws: ValueError when f_exp's length differs from f_obs', or when the
/// sums of f_obs and f_exp differ by more than sqrt(machine epsilon)
/// (1.49e-8, SciPy 1.17's tolerance) relative to the smaller sum.
/// Complexity: O(k).
[[nodiscard]] PowerDivergenceResult power_divergence(const Vector& f_obs, const Vector& f_exp, int ddof = 0,
                                                     double lambda_ = power_lambda::pearson);

namespace contingency {

/// The expected frequencies of a two-way table under independence
/// (scipy.stats.contingency.expected_freq): row sum times column sum over
/// the total, cell by cell. An empty table gives an empty Matrix; nothing
/// else is checked, as SciPy. Complexity: O(rows * cols).
[[nodiscard]] Matrix expected_freq(const Matrix& observed);

}  // namespace contingency

/// The result of chi2_contingency (SciPy's Chi2ContingencyResult).
struct Chi2ContingencyResult {
  double statistic;     ///< the power divergence statistic (Pearson's by default)
  double pvalue;        ///< upper tail of chi2(dof) at statistic
  Index dof;            ///< (rows - 1) (cols - 1)
  Matrix expected_freq; ///< contingency::expected_freq(observed)
};

/// The chi-squared test of independence of the variables of a two-way
/// contingency table of counts (scipy.stats.chi2_contingency): the power
/// divergence (lambda_, Pearson's by default) of observed against
/// expected_freq with dof = (rows - 1) (cols - 1). With `correction` and
/// dof == 1 (a 2 x 2 table), Yates' continuity correction first moves each
/// count toward its expected frequency by 0.5, or by the whole difference
/// when that is smaller (as SciPy since gh-13875). A table with one row or
/// one column has dof 0: statistic 0 and pvalue 1.
/// Counts need not be integers. A NaN count gives NaN expected frequencies
/// and NaN results (dof as usual).
/// Throws: ValueError for an empty table, a negative count, or an expected
/// frequency of 0 (an all-zero row or column; the message names the first
/// such cell in row-major order, as SciPy's).
/// Complexity: O(rows * cols).
[[nodiscard]] Chi2ContingencyResult chi2_contingency(const Matrix& observed, bool correction = true,
                                                     double lambda_ = power_lambda::pearson);

/// The result of fisher_exact (SciPy's SignificanceResult).
struct FisherExactResult {
  double statistic;  ///< the sample odds ratio t00 t11 / (t01 t10)
  double pvalue;     ///< the p-value for the chosen alternative
};

/// Fisher's exact test on a 2 x 2 table of counts (scipy.stats.fisher_exact):
/// given the margins, t00 follows the hypergeometric law
/// hypergeom(M = total, n = first row sum, N = first column sum), and
/// - less: P(X <= t00); greater: P(X >= t00);
/// - two_sided: the probability of the tables no more likely than the
///   observed one, where "no more likely" allows SciPy's relative slack of
///   1e-14 (so that tables of equal probability count despite rounding);
///   pvalue 1 when the observed table is (within 1e-14) as likely as the mode.
/// statistic: the sample (unconditional) odds ratio, not the conditional MLE
/// that R reports; inf when t01 or t10 is 0 (and no margin is), 0 when
/// t00 t11 = 0 with t01 t10 > 0. A row or column summing to 0: statistic
/// NaN and pvalue 1, as SciPy.
/// Throws: ValueError unless the table is 2 x 2 of finite, non-negative whole
/// numbers (SciPy's r x c resampling test is not available here; SciPy would
/// truncate fractions). A total above 2^32 - 1 is outside what the
/// hypergeometric distribution evaluates and gives NaN.
/// Complexity: O(log(total)) hypergeometric evaluations.
[[nodiscard]] FisherExactResult fisher_exact(const Matrix& table, Alternative alternative = Alternative::two_sided);

/// How BinomTestResult::proportion_ci builds its interval (SciPy's `method`).
enum class ProportionCiMethod {
  exact,     ///< 'exact': Clopper and Pearson (1934), from the binomial tails
  wilson,    ///< 'wilson': Wilson's score interval (Newcombe 1998, method 3)
  wilsoncc,  ///< 'wilsoncc': Wilson's interval with continuity correction (Newcombe 1998, method 4)
};

/// The result of binomtest (SciPy's BinomTestResult).
struct BinomTestResult {
  Index k;                  ///< successes, as given
  Index n;                  ///< trials, as given
  Alternative alternative;  ///< as given
  double statistic;         ///< k / n, the estimated proportion (SciPy's proportion_estimate too)
  double pvalue;            ///< the p-value for the chosen alternative

  /// A confidence interval for the proportion (SciPy's
  /// BinomTestResult.proportion_ci), two-sided or one-sided as `alternative`
  /// (less: [0, high]; greater: [low, 1]).
  /// exact: the Clopper-Pearson ends, the p at which P(X >= k) or P(X <= k)
  /// is alpha, as quantiles of Beta(k, n - k + 1) and Beta(k + 1, n - k)
  /// (Boost's incomplete beta inverses; SciPy finds the same roots by brentq
  /// to within 2e-12); low 0 when k = 0, high 1 when k = n.
  /// wilson / wilsoncc: Newcombe's closed forms with z the normal quantile of
  /// the confidence level (of (1 + level) / 2 when two-sided).
  /// Throws: ValueError when confidence_level is outside [0, 1] or NaN.
  /// Complexity: O(1) (a few incomplete beta inversions for exact).
  [[nodiscard]] Interval proportion_ci(double confidence_level = 0.95,
                                       ProportionCiMethod method = ProportionCiMethod::exact) const;
};

/// The exact test that the probability of success in a Bernoulli experiment
/// is p, after k successes in n trials (scipy.stats.binomtest):
/// less: P(X <= k); greater: P(X >= k), X ~ binom(n, p); two_sided: the
/// probability of the outcomes no more likely than k, "no more likely"
/// meaning a probability at most pmf(k) (1 + 1e-7) (SciPy's relative
/// slack), found by bisection on the far side of the mode; 1 when k = p n.
/// Throws: ValueError when k < 0, n < 1, k > n, or p is outside [0, 1] or NaN.
/// Complexity: O(log n) binomial evaluations.
[[nodiscard]] BinomTestResult binomtest(Index k, Index n, double p = 0.5,
                                        Alternative alternative = Alternative::two_sided);

}  // namespace scilearn::stats
