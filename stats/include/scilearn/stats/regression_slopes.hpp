#pragma once
/// \file
/// Robust straight-line fits with scipy.stats' names, parameters, defaults
/// and results: the Theil-Sen estimator (median of the pairwise slopes, with
/// Sen's confidence interval) and Siegel's repeated medians.
///
/// x is optional, as in SciPy: the overloads without it use x = 0, 1, ..., n - 1.
/// nan_policy: as SciPy's default 'propagate': a NaN in x or y gives NaN
/// results. Fewer than two points give NaN results and a RuntimeWarning
/// ("too small"), as SciPy 1.17; samples of different lengths throw ValueError.

#include <scilearn/core/types.hpp>

namespace scilearn::stats {

/// How theilslopes estimates the intercept (SciPy's `method`).
enum class TheilslopesMethod {
  separate,  ///< 'separate' (SciPy's default): median(y) - slope * median(x) (Conover 1980)
  joint,     ///< 'joint': median(y - slope * x)
};

/// The result of theilslopes (SciPy's TheilslopesResult).
struct TheilslopesResult {
  double slope;       ///< the median of the slopes (y_j - y_i) / (x_j - x_i) over the pairs with x_i != x_j
  double intercept;   ///< as TheilslopesMethod says
  double low_slope;   ///< lower end of the confidence interval on the slope
  double high_slope;  ///< upper end
};

/// The Theil-Sen estimator (scipy.stats.theilslopes): the median of the
/// slopes between all pairs of points with distinct x (Theil 1950, Sen 1968),
/// and Sen's distribution-free confidence interval on it: with N slopes in
/// increasing order, z = Phi^-1(alpha / 2) and
///   sigma^2 = (n (n - 1)(2n + 5) - sum_x t (t - 1)(2t + 5) - sum_y t (t - 1)(2t + 5)) / 18
/// over the groups of t tied x (y) values (Sen 1968, eq. 2.6), the interval is
/// [slopes[round((N + z sigma) / 2) - 1], slopes[round((N - z sigma) / 2)]],
/// each index clipped into 0 ... N - 1 (round: half to even, as NumPy).
/// alpha: the confidence degree (default 0.95); alpha and 1 - alpha give the
/// same interval (SciPy reads alpha > 0.5 as 1 - alpha). An alpha outside
/// [0, 1], or NaN, gives NaN ends, as SciPy.
/// All x equal: NaN results and a RuntimeWarning ("All x coordinates are identical").
/// Throws: ValueError when x and y differ in length, or alpha is 0 or 1 (an
/// infinite z; SciPy raises OverflowError).
/// Complexity: O(n^2 log n) time, O(n^2) memory (the slopes).
[[nodiscard]] TheilslopesResult theilslopes(const Vector& y, const Vector& x, double alpha = 0.95,
                                            TheilslopesMethod method = TheilslopesMethod::separate);
/// The same with x = 0, 1, ..., n - 1 (SciPy's x=None).
[[nodiscard]] TheilslopesResult theilslopes(const Vector& y, double alpha = 0.95,
                                            TheilslopesMethod method = TheilslopesMethod::separate);

/// How siegelslopes estimates the intercept (SciPy's `method`).
enum class SiegelslopesMethod {
  hierarchical,  ///< 'hierarchical' (SciPy's default): median(y - slope * x)
  separate,      ///< 'separate': the median over j of the median intercept of the lines through point j
};

/// The result of siegelslopes (SciPy's SiegelslopesResult).
struct SiegelslopesResult {
  double slope;      ///< the repeated-median slope
  double intercept;  ///< as SiegelslopesMethod says
};

/// Siegel's repeated-median line (scipy.stats.siegelslopes; Siegel 1982):
/// for each point j the median m_j of the slopes (y_j - y_i) / (x_j - x_i) to
/// the points i with x_i != x_j; the slope is the median of the m_j. The
/// intercept is median(y - slope x) (hierarchical) or, for 'separate', the
/// median over j of the medians of the intercepts
/// (y_i x_j - y_j x_i) / (x_j - x_i). Breakdown point 50%.
/// All x equal: NaN results and a RuntimeWarning (SciPy returns the contents
/// of uninitialized memory there).
/// Throws: ValueError when x and y differ in length.
/// Complexity: O(n^2) time (n selections of n - 1 values), O(n) memory.
[[nodiscard]] SiegelslopesResult siegelslopes(const Vector& y, const Vector& x,
                                              SiegelslopesMethod method = SiegelslopesMethod::hierarchical);
/// The same with x = 0, 1, ..., n - 1 (SciPy's x=None).
[[nodiscard]] SiegelslopesResult siegelslopes(const Vector& y,
                                              SiegelslopesMethod method = SiegelslopesMethod::hierarchical);

}  // namespace scilearn::stats
