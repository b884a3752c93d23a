#pragma once
// The sorting permutation of a sample (NumPy's argsort with kind='stable'),
// which ranks, rank tests and Kendall's tau start from. Private to the module.

#include <scilearn/core/types.hpp>
#include <scilearn/stats/order_statistics.hpp>

#include <span>
#include <vector>

namespace scilearn::stats::detail {

// A sample in increasing order and where each value came from.
struct SortedSample {
  std::vector<double> values;  // the sorted values (-0.0 as +0.0)
  std::vector<Index> order;    // values[k] == keys(order[k])
};

// `keys` sorted stably (NumPy's argsort with kind='stable'): equal keys keep
// their order in `start`, a permutation of 0 .. n-1 that defaults to the
// identity. Sorting a sample already ordered by y this way orders it by
// (x, y). -0.0 and +0.0 are equal keys. Requires: no NaN in keys.
// Complexity: O(n) time and memory: one radix pass on the top bits of the
// keys' (sign, exponent, mantissa), then radix sorts of the buckets, most of
// which fit in the cache. Several times faster than std::stable_sort with an
// indirect comparison, and than Boost's spreadsort, on 10^7 values.
[[nodiscard]] SortedSample sort_sample(const Vector& keys, std::span<const Index> start = {});

// Ranks of a sample (rankdata's `method`) and the sizes of its groups of
// tied values (those with more than one value, in increasing order of the
// value), from one sort: the rank tests need both. Requires: no NaN.
struct Ranking {
  Vector ranks;
  std::vector<double> tie_sizes;
};
[[nodiscard]] Ranking rank_sample(const Vector& a, RankMethod method = RankMethod::average);

}  // namespace scilearn::stats::detail
