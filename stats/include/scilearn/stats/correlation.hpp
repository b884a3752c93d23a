#pragma once
/// \file
/// Correlation of two samples with scipy.stats' names, parameters, defaults
/// and results: Pearson's r, Spearman's rho, Kendall's tau-b and simple
/// linear regression, each with its p-value.
///
/// nan_policy: as SciPy's default 'propagate'. Samples of different lengths
/// throw ValueError; a constant sample gives NaN and a RuntimeWarning ("An
/// input array is constant") through scilearn::warn, as SciPy 1.17.

#include <scilearn/core/types.hpp>
#include <scilearn/stats/nan_policy.hpp>
#include <scilearn/stats/hypothesis_tests.hpp>

namespace scilearn::stats {

/// The result of pearsonr, spearmanr and kendalltau (SciPy's PearsonRResult /
/// SignificanceResult).
struct CorrelationResult {
  double statistic;  ///< the correlation coefficient, in [-1, 1]
  double pvalue;     ///< the p-value for the chosen alternative
};

/// Pearson's correlation coefficient and its p-value (scipy.stats.pearsonr).
/// r from the centred samples (compensated sums); under the null (independent
/// normal samples) r is Beta(n/2 - 1, n/2 - 1) on [-1, 1], whose tails give
/// the exact p-value. n = 2: r = +-1, pvalue 1.
/// Throws: ValueError when the lengths differ or n < 2.
/// Complexity: O(n).
[[nodiscard]] CorrelationResult pearsonr(const Vector& x, const Vector& y,
                                         Alternative alternative = Alternative::two_sided);

/// The point-biserial correlation of a binary x with a continuous y
/// (scipy.stats.pointbiserialr): pearsonr(x, y) with its two-sided p-value
/// (Lev 1949; x may hold any two values, or any values at all, as SciPy).
/// n < 2: NaN and a RuntimeWarning ("too small"), as SciPy 1.17.
/// Throws: ValueError when the lengths differ.
/// Complexity: O(n).
[[nodiscard]] CorrelationResult pointbiserialr(const Vector& x, const Vector& y);

/// Spearman's rank correlation (scipy.stats.spearmanr for two samples): the
/// Pearson correlation of the average ranks; the p-value from
/// t = rho sqrt((n - 2) / (1 - rho^2)) with n - 2 degrees of freedom.
/// n < 2: NaN; n = 2: rho with pvalue NaN (df = 0), as SciPy.
/// Throws: ValueError when the lengths differ.
/// Complexity: O(n log n).
[[nodiscard]] CorrelationResult spearmanr(const Vector& x, const Vector& y,
                                          Alternative alternative = Alternative::two_sided, NanPolicy nan_policy = NanPolicy::propagate);

/// How kendalltau computes its p-value (SciPy's `method`).
enum class KendalltauMethod {
  automatic,   ///< 'auto': exact when there are no ties and n <= 33 (or at most one
               ///< discordant / concordant pair), asymptotic otherwise
  asymptotic,  ///< 'asymptotic': normal approximation with the tie-corrected variance
  exact,       ///< 'exact': the exact null distribution (no ties allowed)
};

/// Options of kendalltau, with SciPy's names and defaults (variant 'b' only).
struct KendalltauOptions {
  KendalltauMethod method = KendalltauMethod::automatic;
  Alternative alternative = Alternative::two_sided;
  NanPolicy nan_policy = NanPolicy::propagate;  ///< omit: the pairs with a NaN are dropped
};

/// Kendall's tau-b (scipy.stats.kendalltau): (P - Q) / sqrt((P + Q + T)(P + Q + U)),
/// P concordant, Q discordant pairs, T (U) pairs tied in x (y) only.
/// Pairs are counted in O(n log n) with a Fenwick tree. The exact p-value
/// counts permutations by inversions (Kendall 1970), O(n * min(Q, P)).
/// n < 2: NaN and a RuntimeWarning; a constant sample: NaN.
/// Throws: ValueError when the lengths differ, or method exact with ties.
[[nodiscard]] CorrelationResult kendalltau(const Vector& x, const Vector& y, const KendalltauOptions& options = {});

/// The result of linregress (SciPy's LinregressResult). SciPy's `stderr`
/// is called slope_stderr here: `stderr` is a macro of the C library.
struct LinregressResult {
  double slope;             ///< slope of the least-squares line
  double intercept;         ///< its intercept
  double rvalue;            ///< Pearson's r
  double pvalue;            ///< for the null slope = 0, t test with n - 2 df
  double slope_stderr;      ///< SciPy's `stderr`: standard error of the slope
  double intercept_stderr;  ///< standard error of the intercept
};

/// Least-squares line y = slope x + intercept (scipy.stats.linregress).
/// n = 2: the line through the points, pvalue 0 (1 when y is constant),
/// standard errors 0. n < 2: NaN and a RuntimeWarning.
/// One deliberate difference: for an exact fit (r = +-1) with n > 2 SciPy
/// adds 1e-20 inside its t statistic and reports a small positive p-value
/// (9e-11 for three points); here t is infinite and the p-value 0.
/// Throws: ValueError when the lengths differ or all x are equal.
/// Complexity: O(n).
[[nodiscard]] LinregressResult linregress(const Vector& x, const Vector& y,
                                          Alternative alternative = Alternative::two_sided);

}  // namespace scilearn::stats
