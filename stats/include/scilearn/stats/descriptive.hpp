#pragma once
/// \file
/// Descriptive statistics of a sample, with NumPy's and scipy.stats' names,
/// defaults and results. A sample is a Vector; functions that SciPy applies
/// along an axis also take a Matrix and work column by column.

#include <scilearn/core/types.hpp>

namespace scilearn::stats {

/// The arithmetic mean (numpy.mean), summed with error compensation
/// (Neumaier 1974) so that the result is within a few ulps of the exact mean
/// of the doubles given, whatever n and the data's range.
/// Throws: ValueError on an empty sample. NaN propagates.
/// Complexity: O(n).
[[nodiscard]] double mean(const Vector& a);

/// The variance with ddof degrees of freedom removed (numpy.var): two passes,
/// sum (x - mean)^2 / (n - ddof), the second corrected by the sum of the
/// deviations (Chan, Golub and LeVeque 1983) and both compensated.
/// Returns NaN when n <= ddof, as NumPy (which also warns).
/// Throws: ValueError on an empty sample or ddof < 0.
[[nodiscard]] double var(const Vector& a, int ddof = 0);

/// sqrt(var(a, ddof)) (numpy.std; named std_dev here, as `std` is C++'s namespace).
[[nodiscard]] double std_dev(const Vector& a, int ddof = 0);

/// The lag-k autocorrelation as NIST's StRD defines it:
/// sum_{i} (y_i - ybar)(y_{i+k} - ybar) / sum_i (y_i - ybar)^2.
/// Throws: ValueError on an empty sample or lag outside [0, n).
[[nodiscard]] double lag_autocorrelation(const Vector& a, Index lag = 1);

/// SciPy's `axis` for a Matrix of samples.
enum class Axis {
  columns,  ///< axis = 0: each column is a sample; one value per column
  rows,     ///< axis = 1: each row is a sample; one value per row
};

/// The same statistics along an axis of a Matrix.
[[nodiscard]] Vector mean(const Matrix& a, Axis axis);
[[nodiscard]] Vector var(const Matrix& a, Axis axis, int ddof = 0);
[[nodiscard]] Vector std_dev(const Matrix& a, Axis axis, int ddof = 0);

}  // namespace scilearn::stats
