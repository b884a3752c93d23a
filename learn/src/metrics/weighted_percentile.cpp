#include "metrics/weighted_percentile.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace scilearn::learn::detail {

double weighted_percentile(std::vector<double>& values, const VectorView& weights, double percentile_rank) {
  const std::size_t n = values.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
  std::vector<double> cdf(n);
  double total = 0;
  for (std::size_t i = 0; i < n; ++i) cdf[i] = total += weights(static_cast<Index>(order[i]));
  double target = percentile_rank / 100 * total;
  // A zero rank would select leading zero-weight values; step past them.
  if (target == 0) target = std::nextafter(target, 1.0);
  std::size_t at = static_cast<std::size_t>(std::lower_bound(cdf.begin(), cdf.end(), target) - cdf.begin());
  at = std::min(at, n - 1);  // rounding can leave target just above the total
  const double value = values[order[at]];
  if (cdf[at] - target > std::numeric_limits<double>::epsilon()) return value;
  std::size_t next = std::min(at + 1, n - 1);
  if (weights(static_cast<Index>(order[next])) == 0) {
    next = static_cast<std::size_t>(std::upper_bound(cdf.begin(), cdf.end(), cdf[at]) - cdf.begin());
    if (next > n - 1) next = at;
  }
  return (value + values[order[next]]) / 2;
}

}  // namespace scilearn::learn::detail
