#pragma once
/// \file
/// Normality and goodness-of-fit tests with scipy.stats' names and results:
/// Jarque-Bera, D'Agostino's skewness, kurtosis and omnibus tests,
/// Shapiro-Wilk and Anderson-Darling.
///
/// nan_policy is SciPy's default 'propagate': a NaN in the sample gives NaN
/// results. A sample too small for a test gives NaN results and a
/// RuntimeWarning through scilearn::warn (SciPy's SmallSampleWarning, "One or
/// more sample arguments is too small").

#include <scilearn/core/types.hpp>
#include <scilearn/stats/hypothesis_tests.hpp>

namespace scilearn::stats {

/// The result of the normality tests: SciPy's SignificanceResult,
/// SkewtestResult, KurtosistestResult and NormaltestResult.
struct NormalityTestResult {
  double statistic;  ///< the test statistic (a z-score for skewtest and kurtosistest)
  double pvalue;     ///< the p-value for the chosen alternative
};

/// The Jarque-Bera test (scipy.stats.jarque_bera): do the sample's skewness
/// and kurtosis match a normal distribution's? JB = n / 6 (S^2 + K^2 / 4)
/// with S, K the biased skewness and excess kurtosis (stats::skew,
/// stats::kurtosis); p from chi2(2).
/// Empty x: NaN results and a RuntimeWarning; constant x or a NaN: NaN.
[[nodiscard]] NormalityTestResult jarque_bera(const Vector& x);

/// D'Agostino's skewness test (scipy.stats.skewtest; D'Agostino, Belanger and
/// D'Agostino 1990): is the skewness of the population the normal's, 0? The
/// biased sample skewness b1 (stats::skew) is mapped to an approximately
/// standard normal z by D'Agostino's (1970) Johnson S_U transformation;
/// p-value from the normal tail for the alternative ('greater': the skewness
/// is positive).
/// As SciPy 1.17: fewer than 8 values give NaN and a RuntimeWarning; a sample
/// whose skewness is exactly 0 is transformed as if it were 1 (SciPy replaces
/// y = 0 by 1 before the transformation, so z is not 0 there); constant x
/// (skewness undefined) gives NaN.
/// Complexity: O(n).
[[nodiscard]] NormalityTestResult skewtest(const Vector& a, Alternative alternative = Alternative::two_sided);

/// Anscombe and Glynn's (1983) kurtosis test (scipy.stats.kurtosistest): is
/// the kurtosis of the population the normal's, 3? The biased sample kurtosis
/// b2 (Pearson's, stats::kurtosis(a, false)) is standardized by its exact
/// mean and variance under normality and mapped to an approximately standard
/// normal z by Anscombe and Glynn's cube-root transformation (eqs. 1-5).
/// As SciPy 1.17: fewer than 5 values give NaN and a RuntimeWarning (and,
/// unlike older SciPy, 5 to 19 values no warning); where the transformation
/// divides by zero the results are NaN with a RuntimeWarning.
/// Complexity: O(n).
[[nodiscard]] NormalityTestResult kurtosistest(const Vector& a, Alternative alternative = Alternative::two_sided);

/// D'Agostino and Pearson's omnibus test (scipy.stats.normaltest):
/// K^2 = z_skew^2 + z_kurt^2 with the z of skewtest and kurtosistest,
/// p-value from chi2(2). Fewer than 8 values: NaN and one RuntimeWarning.
/// Complexity: O(n).
[[nodiscard]] NormalityTestResult normaltest(const Vector& a);

/// The Shapiro-Wilk test (scipy.stats.shapiro) by Royston's algorithm AS R94
/// (1995): W = (sum a_i x_(i))^2 / sum (x_i - mean)^2 with Royston's
/// polynomial approximations of the coefficients a_i (from the normal scores
/// m_i = Phi^-1((i - 3/8) / (n + 1/4)), evaluated by AS 111 as R94
/// specifies), W formed as 1 - (1 - r^2) for accuracy; the p-value is exact
/// for n = 3 (1 - 6/pi acos(sqrt(W))) and otherwise Royston's normalizing
/// transformation of log(1 - W) (n <= 11: of -log(gamma - log(1 - W))) with
/// the exact normal upper tail. As SciPy 1.17: the sorted data are shifted
/// by the input's middle element x[n/2] first; fewer than 3 values
/// give NaN and a RuntimeWarning; zero range gives W = 1, p = 1 and a
/// UserWarning; n > 5000 a UserWarning (the p-value's approximation is
/// fitted up to 5000); for 4 <= n <= 11 a W so small that the transformation
/// fails gives p = 1e-19 (SciPy's floor); a NaN gives NaN.
/// Complexity: O(n log n).
[[nodiscard]] NormalityTestResult shapiro(const Vector& x);

/// The distributions anderson tests against (SciPy's `dist`; SciPy's
/// 'gumbel' and 'extreme1' are gumbel_l; weibull_min is not offered).
enum class AndersonDist { norm, expon, logistic, gumbel_l, gumbel_r };

/// The result of anderson: SciPy 1.17's AndersonResult (statistic,
/// critical_values, significance_level and fit_result's loc and scale) with
/// the p-value of its method='interpolate'.
struct AndersonResult {
  double statistic;           ///< A^2
  Vector critical_values;     ///< Stephens' critical values for n, rounded to 3 decimals as SciPy
  Vector significance_level;  ///< in percent: 15 10 5 2.5 1 (norm, expon), 25 10 5 2.5 1 0.5 (logistic), 25 10 5 2.5 1 (gumbel)
  double loc;                 ///< the fitted location (expon: 0)
  double scale;               ///< the fitted scale
  double pvalue;              ///< A^2 interpolated linearly in (critical_values, significance_level / 100), clamped at the ends
};

/// The Anderson-Darling test (scipy.stats.anderson): with loc and scale
/// estimated from x (norm: mean and the n - 1 standard deviation; expon:
/// loc 0, scale the mean; logistic and gumbel: maximum likelihood, solved to
/// full precision, where SciPy solves the logistic equations with
/// fsolve(xtol=1e-5)), A^2 = -n - sum_i (2i - 1) / n (log F(w_i) +
/// log(1 - F(w_(n+1-i)))) over the sorted standardized w. Critical values
/// from Stephens (1974, 1977, 1979) with his finite-n corrections, as SciPy.
/// A constant sample gives NaN (norm, logistic, gumbel: no scale); expon on
/// negative data gives inf.
/// Throws: ValueError on an empty sample.
/// Complexity: O(n log n), plus O(n) per iteration of the logistic and
/// gumbel fits.
[[nodiscard]] AndersonResult anderson(const Vector& x, AndersonDist dist = AndersonDist::norm);

}  // namespace scilearn::stats
