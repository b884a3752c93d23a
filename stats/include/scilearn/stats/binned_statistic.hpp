#pragma once
/// \file
/// Binned statistics with scipy.stats' names, parameters, defaults and
/// results: a statistic (mean, std, median, count, sum, min, max or any
/// callable) of the values whose x falls in each bin, a generalization of the
/// histogram (scipy.stats.binned_statistic and binned_statistic_2d).
///
/// Bins follow SciPy's rules: equal-width bins over `range` (default: the
/// data's min and max, widened by 0.5 on each side when they are equal), or
/// given edges; every bin is half-open [e_i, e_(i+1)) except the last,
/// [e_(n-1), e_n], which also takes the points above e_n that round to it at
/// the precision of the narrowest bin (numpy.around at
/// int(-log10(min width)) + 6 decimals, as SciPy, so that a point computed as
/// the right edge with a rounding error still counts). binnumber is 1-based
/// for the bins; 0 holds the points below the first edge and nbins + 1 those
/// above the last (and NaN x when edges are given).
///
/// \code
///   using namespace scilearn;
///   auto r = stats::binned_statistic(x, values, stats::BinnedStatistic::mean, {.bins = 5});
///   // r.statistic (5 means, NaN for empty bins), r.bin_edges (6), r.binnumber (one per point)
/// \endcode

#include <array>
#include <functional>
#include <optional>
#include <scilearn/core/types.hpp>
#include <utility>

namespace scilearn::stats {

/// The named statistics of binned_statistic (SciPy's strings).
enum class BinnedStatistic {
  mean,    ///< 'mean' (SciPy's default); NaN for an empty bin
  std,     ///< 'std': the population standard deviation (ddof = 0); NaN for an empty bin
  median,  ///< 'median'; NaN for an empty bin
  count,   ///< 'count': the number of points (values are not read)
  sum,     ///< 'sum'; 0 for an empty bin
  min,     ///< 'min'; NaN for an empty bin
  max,     ///< 'max'; NaN for an empty bin
};

/// Options of binned_statistic, with SciPy's names and defaults. SciPy's
/// `bins` is either an integer or a sequence of edges: here `bins` and
/// `bin_edges`, the edges winning when given.
struct BinnedStatisticOptions {
  Index bins = 10;                                    ///< the number of equal-width bins
  std::optional<Vector> bin_edges = std::nullopt;     ///< the edges, rightmost included (strictly increasing)
  std::optional<std::pair<double, double>> range = std::nullopt;  ///< (lower, upper) of the equal-width bins
};

/// The result of binned_statistic (SciPy's BinnedStatisticResult).
struct BinnedStatisticResult {
  Vector statistic;                 ///< one value per bin
  Vector bin_edges;                 ///< nbins + 1 edges
  Eigen::VectorX<Index> binnumber;  ///< per point: 1 ... nbins, or 0 / nbins + 1 outside
};

/// The statistic of the values in each bin of x (scipy.stats.binned_statistic).
/// Equal-width edges: numpy.linspace(lower, upper, bins + 1) (lower + k
/// step, the last edge exactly upper). mean, std and sum use compensated
/// sums (SciPy sums in order; the two agree to its rounding error); median,
/// count, min and max are exact. NaN among the values, as SciPy: mean, std
/// and sum of the bin NaN; max NaN; min ignores it (NaN only when all are);
/// median takes NaN as the largest value.
/// Throws: ValueError when values' length differs from x's (except for
/// count), x is empty without a range, x holds NaN or infinity with
/// equal-width bins, bins < 1, range has lower > upper or is not finite, or
/// the edges are fewer than two or not strictly increasing (SciPy: "The
/// smallest edge difference is numerically 0" and kin).
/// Complexity: O(n log nbins), plus O(n log n) for median.
[[nodiscard]] BinnedStatisticResult binned_statistic(const Vector& x, const Vector& values,
                                                     BinnedStatistic statistic = BinnedStatistic::mean,
                                                     const BinnedStatisticOptions& options = {});

/// The same with a callable statistic of the values in a bin (in the order of
/// x). An empty bin gets statistic of an empty vector, or NaN when that throws
/// (as SciPy calls function([]) and falls back to NaN).
[[nodiscard]] BinnedStatisticResult binned_statistic(const Vector& x, const Vector& values,
                                                     const std::function<double(const Vector&)>& statistic,
                                                     const BinnedStatisticOptions& options = {});

/// Options of binned_statistic_2d: per dimension as in BinnedStatisticOptions.
struct BinnedStatistic2dOptions {
  std::array<Index, 2> bins = {10, 10};                           ///< equal-width bins in x and in y
  std::optional<Vector> x_edges = std::nullopt;                   ///< edges in x (win over bins[0])
  std::optional<Vector> y_edges = std::nullopt;                   ///< edges in y (win over bins[1])
  std::optional<std::array<std::pair<double, double>, 2>> range = std::nullopt;  ///< (lower, upper) in x, in y
};

/// The result of binned_statistic_2d (SciPy's BinnedStatistic2dResult).
struct BinnedStatistic2dResult {
  Matrix statistic;                 ///< nx x ny: row i for x bin i, column j for y bin j
  Vector x_edge;                    ///< nx + 1 edges
  Vector y_edge;                    ///< ny + 1 edges
  /// per point, SciPy's linearized bin number (ix (ny + 2) + iy, each of ix,
  /// iy in 0 ... n + 1 as in one dimension); expand_binnumbers=True's rows
  /// are binnumber / (ny + 2) and binnumber % (ny + 2).
  Eigen::VectorX<Index> binnumber;
};

/// The statistic of the values in each 2-D bin of (x, y)
/// (scipy.stats.binned_statistic_2d), each dimension binned as binned_statistic.
/// Throws: as binned_statistic, and ValueError when y's length differs from x's.
[[nodiscard]] BinnedStatistic2dResult binned_statistic_2d(const Vector& x, const Vector& y, const Vector& values,
                                                          BinnedStatistic statistic = BinnedStatistic::mean,
                                                          const BinnedStatistic2dOptions& options = {});

/// The same with a callable statistic.
[[nodiscard]] BinnedStatistic2dResult binned_statistic_2d(const Vector& x, const Vector& y, const Vector& values,
                                                          const std::function<double(const Vector&)>& statistic,
                                                          const BinnedStatistic2dOptions& options = {});

}  // namespace scilearn::stats
