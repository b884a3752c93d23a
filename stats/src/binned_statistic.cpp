// scipy.stats.binned_statistic and binned_statistic_2d: the bin edges and
// bin numbers of each dimension (numpy.linspace, numpy.digitize and SciPy's
// rounding rule for the right edge), then the statistic over the linearized
// bins, outlier bins included, of which the inner ones are returned.

#include <scilearn/stats/binned_statistic.hpp>

#include <algorithm>
#include <cmath>
#include <exception>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <tuple>
#include <variant>
#include <vector>

#include "special_values.hpp"
#include "summation.hpp"

namespace scilearn::stats {

using detail::kNaN;

namespace {

using Callable = std::function<double(const Vector&)>;
using AnyStatistic = std::variant<BinnedStatistic, Callable>;
using IndexVector = Eigen::VectorX<Index>;

// The bins of one dimension as the caller asked for them.
struct AxisRequest {
  Index bins;
  const std::optional<Vector>& edges;
  std::optional<std::pair<double, double>> range;
};

// One dimension binned: the edges and each point's bin, 0 ... edges.size()
// (0 and edges.size() the outlier bins).
struct Axis {
  Vector edges;
  IndexVector bin;
  [[nodiscard]] Index bins_with_outliers() const { return edges.size() + 1; }
};

// numpy.linspace(lower, upper, bins + 1): lower + k step, the last exactly upper.
Vector equal_width_edges(double lower, double upper, Index bins) {
  if (lower == upper) {  // SciPy's finite width for a degenerate range
    lower -= 0.5;
    upper += 0.5;
  }
  const double step = (upper - lower) / static_cast<double>(bins);
  Vector edges(bins + 1);
  for (Index k = 0; k < bins; ++k) edges(k) = static_cast<double>(k) * step + lower;
  edges(bins) = upper;
  return edges;
}

// 10^n as NumPy's around forms it (exact up to 10^22).
double power_of_ten(int n) {
  double p = 1;
  for (int k = 0; k < n; ++k) p *= 10;
  return p;
}

// numpy.around(v, decimals): scale, round half to even, scale back.
double around(double v, int decimals) {
  if (decimals >= 0) {
    const double f = power_of_ten(decimals);
    return std::nearbyint(v * f) / f;
  }
  const double f = power_of_ten(-decimals);
  return std::nearbyint(v / f) * f;
}

Axis bin_axis(const char* where, const char* name, const Vector& x, const AxisRequest& request) {
  Axis axis;
  if (request.edges) {
    axis.edges = *request.edges;
    if (axis.edges.size() < 2) {
      throw ValueError(cat(where, ": ", name, " needs at least two bin edges, got ", axis.edges.size()));
    }
  } else {
    if (request.bins < 1) throw ValueError(cat(where, ": bins must be at least 1, got ", request.bins));
    check_finite(where, name, x);
    double lower = 0, upper = 0;
    if (request.range) {
      std::tie(lower, upper) = *request.range;
      if (!std::isfinite(lower) || !std::isfinite(upper)) {
        throw ValueError(cat(where, ": range must be finite, got (", lower, ", ", upper, ")"));
      }
      if (upper < lower) {
        throw ValueError(cat(where, ": in range, start must be <= stop, got (", lower, ", ", upper, ")"));
      }
    } else {
      lower = x.minCoeff();
      upper = x.maxCoeff();
    }
    axis.edges = equal_width_edges(lower, upper, request.bins);
  }
  double narrowest = std::numeric_limits<double>::infinity();
  for (Index k = 0; k + 1 < axis.edges.size(); ++k) narrowest = std::min(narrowest, axis.edges(k + 1) - axis.edges(k));
  if (!(narrowest > 0)) {
    throw ValueError(cat(where, ": the ", name, " bin edges must be strictly increasing (smallest difference ",
                         narrowest, ")"));
  }

  // numpy.digitize: the number of edges <= x (NaN above them all). A point
  // at or past the last edge that rounds to it, at six digits below the
  // narrowest bin, goes in the last bin (SciPy's rule).
  const int decimals = static_cast<int>(-std::log10(narrowest)) + 6;
  const double last = axis.edges(axis.edges.size() - 1);
  const double last_rounded = around(last, decimals);
  axis.bin.resize(x.size());
  for (Index i = 0; i < x.size(); ++i) {
    const double v = x(i);
    Index b = std::isnan(v) ? axis.edges.size()
                            : static_cast<Index>(std::upper_bound(axis.edges.begin(), axis.edges.end(), v) -
                                                 axis.edges.begin());
    if (v >= last && around(v, decimals) == last_rounded) --b;
    axis.bin(i) = b;
  }
  return axis;
}

// The values of each linearized bin, in the order of the points: the
// points of bin b are members[start[b] ... start[b + 1]).
struct Members {
  std::vector<Index> start, members;
};

Members group(const IndexVector& bin, Index nbins) {
  Members g;
  g.start.assign(static_cast<std::size_t>(nbins + 1), 0);
  for (const Index b : bin) ++g.start[static_cast<std::size_t>(b + 1)];
  for (std::size_t b = 1; b < g.start.size(); ++b) g.start[b] += g.start[b - 1];
  g.members.resize(static_cast<std::size_t>(bin.size()));
  std::vector<Index> next(g.start.begin(), g.start.end() - 1);
  for (Index i = 0; i < bin.size(); ++i) g.members[static_cast<std::size_t>(next[static_cast<std::size_t>(bin(i))]++)] = i;
  return g;
}

// The statistic of each linearized bin.
Vector statistic_per_bin(const IndexVector& bin, Index nbins, const Vector& values, const AnyStatistic& statistic) {
  const Members g = group(bin, nbins);
  Vector out(nbins);
  for (Index b = 0; b < nbins; ++b) {
    const auto first = static_cast<std::size_t>(g.start[static_cast<std::size_t>(b)]);
    const auto last = static_cast<std::size_t>(g.start[static_cast<std::size_t>(b + 1)]);
    const auto count = static_cast<Index>(last - first);
    Vector v(count);
    if (!(std::holds_alternative<BinnedStatistic>(statistic) &&
          std::get<BinnedStatistic>(statistic) == BinnedStatistic::count)) {
      for (std::size_t k = first; k < last; ++k) v(static_cast<Index>(k - first)) = values(g.members[k]);
    }
    if (const auto* callable = std::get_if<Callable>(&statistic)) {
      out(b) = count > 0 ? (*callable)(v) : kNaN;  // empty bins: filled by the caller
      continue;
    }
    const double n = static_cast<double>(count);
    switch (std::get<BinnedStatistic>(statistic)) {
      case BinnedStatistic::count: out(b) = n; break;
      case BinnedStatistic::sum: out(b) = detail::compensated_sum(count, [&](Index i) { return v(i); }); break;
      case BinnedStatistic::mean:
        out(b) = count == 0 ? kNaN : detail::compensated_sum(count, [&](Index i) { return v(i); }) / n;
        break;
      case BinnedStatistic::std: {
        if (count == 0) {
          out(b) = kNaN;
          break;
        }
        const double mean = detail::compensated_sum(count, [&](Index i) { return v(i); }) / n;
        out(b) = std::sqrt(detail::compensated_sum(count, [&](Index i) { return (v(i) - mean) * (v(i) - mean); }) / n);
        break;
      }
      case BinnedStatistic::median: {
        if (count == 0) {
          out(b) = kNaN;
          break;
        }
        // SciPy sorts the bin's values with NaN last and takes the middle.
        std::sort(v.begin(), v.end(), [](double p, double q) { return std::isnan(q) ? !std::isnan(p) : p < q; });
        out(b) = (v((count - 1) / 2) + v(count / 2)) / 2;
        break;
      }
      case BinnedStatistic::min: {
        // SciPy writes the values in decreasing order, NaN first, so the
        // smallest number wins over a NaN.
        double m = kNaN;
        for (const double x : v) {
          if (!std::isnan(x) && (std::isnan(m) || x < m)) m = x;
        }
        out(b) = m;
        break;
      }
      case BinnedStatistic::max: {
        // ... and in increasing order, NaN last, for the maximum: NaN wins.
        double m = kNaN;
        for (const double x : v) {
          if (std::isnan(x)) {
            m = x;
            break;
          }
          if (std::isnan(m) || x > m) m = x;
        }
        out(b) = m;
        break;
      }
    }
  }
  if (const auto* callable = std::get_if<Callable>(&statistic)) {
    double empty = kNaN;  // SciPy: function([]), or NaN when it raises
    try {
      empty = (*callable)(Vector());
    } catch (const std::exception&) {
    }
    for (Index b = 0; b < nbins; ++b) {
      if (g.start[static_cast<std::size_t>(b)] == g.start[static_cast<std::size_t>(b + 1)]) out(b) = empty;
    }
  }
  return out;
}

void check_values(const char* where, const Vector& x, const Vector& values, const AnyStatistic& statistic) {
  const bool count = std::holds_alternative<BinnedStatistic>(statistic) &&
                     std::get<BinnedStatistic>(statistic) == BinnedStatistic::count;
  if (!count) check_same_length(where, "x", x.size(), "values", values.size());
}

// SciPy takes the range from x's min and max even when edges are given, so
// an empty x fails without a range.
void check_non_empty_without_range(const char* where, const Vector& x, bool has_range) {
  if (x.size() == 0 && !has_range) throw ValueError(cat(where, ": x is empty and no range is given"));
}

BinnedStatisticResult binned_1d(const Vector& x, const Vector& values, const AnyStatistic& statistic,
                                const BinnedStatisticOptions& options) {
  constexpr const char* where = "binned_statistic";
  check_values(where, x, values, statistic);
  check_non_empty_without_range(where, x, options.range.has_value());
  Axis axis = bin_axis(where, "x", x, {options.bins, options.bin_edges, options.range});
  const Vector all = statistic_per_bin(axis.bin, axis.bins_with_outliers(), values, statistic);
  const Index nbins = axis.edges.size() - 1;
  return {all.segment(1, nbins), std::move(axis.edges), std::move(axis.bin)};
}

BinnedStatistic2dResult binned_2d(const Vector& x, const Vector& y, const Vector& values,
                                  const AnyStatistic& statistic, const BinnedStatistic2dOptions& options) {
  constexpr const char* where = "binned_statistic_2d";
  check_same_length(where, "x", x.size(), "y", y.size());
  check_values(where, x, values, statistic);
  check_non_empty_without_range(where, x, options.range.has_value());
  std::optional<std::pair<double, double>> x_range, y_range;
  if (options.range) {
    x_range = (*options.range)[0];
    y_range = (*options.range)[1];
  }
  Axis ax = bin_axis(where, "x", x, {options.bins[0], options.x_edges, x_range});
  Axis ay = bin_axis(where, "y", y, {options.bins[1], options.y_edges, y_range});
  const Index ny_all = ay.bins_with_outliers();
  const IndexVector flat = ax.bin.array() * ny_all + ay.bin.array();  // numpy.ravel_multi_index
  const Vector all = statistic_per_bin(flat, ax.bins_with_outliers() * ny_all, values, statistic);
  const Index nx = ax.edges.size() - 1, ny = ay.edges.size() - 1;
  Matrix core(nx, ny);
  for (Index i = 0; i < nx; ++i) {
    for (Index j = 0; j < ny; ++j) core(i, j) = all((i + 1) * ny_all + (j + 1));
  }
  return {std::move(core), std::move(ax.edges), std::move(ay.edges), flat};
}

}  // namespace

BinnedStatisticResult binned_statistic(const Vector& x, const Vector& values, BinnedStatistic statistic,
                                       const BinnedStatisticOptions& options) {
  return binned_1d(x, values, statistic, options);
}

BinnedStatisticResult binned_statistic(const Vector& x, const Vector& values,
                                       const std::function<double(const Vector&)>& statistic,
                                       const BinnedStatisticOptions& options) {
  return binned_1d(x, values, statistic, options);
}

BinnedStatistic2dResult binned_statistic_2d(const Vector& x, const Vector& y, const Vector& values,
                                            BinnedStatistic statistic, const BinnedStatistic2dOptions& options) {
  return binned_2d(x, y, values, statistic, options);
}

BinnedStatistic2dResult binned_statistic_2d(const Vector& x, const Vector& y, const Vector& values,
                                            const std::function<double(const Vector&)>& statistic,
                                            const BinnedStatistic2dOptions& options) {
  return binned_2d(x, y, values, statistic, options);
}

}  // namespace scilearn::stats
