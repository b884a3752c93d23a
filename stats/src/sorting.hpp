#pragma once
// The sorting permutation of a sample (NumPy's argsort with kind='stable'),
// which ranks, rank tests and Kendall's tau start from. Private to the module.

#include <scilearn/core/types.hpp>

#include <span>
#include <vector>

namespace scilearn::stats::detail {

// A sample in increasing order and where each value came from.
struct SortedSample {
  std::vector<double> values;  // the sorted values (-0.0 as +0.0)
  std::vector<Index> order;    // values[k] == keys(order[k])
};

// `keys` sorted by (keys(i), tie(i)), where tie defaults to the index itself,
// so equal keys keep their order (NumPy's argsort with kind='stable').
// -0.0 and +0.0 are equal keys. Requires: no NaN in keys; tie empty or of
// keys' length.
// Tie-breakers must be >= 0.
// Complexity: O(n) time and memory, at most six radix passes over contiguous
// (key, index) records (twelve with a tie-breaker): several times faster than
// std::stable_sort with an indirect comparison on 10^7 values, for which
// Boost's spreadsort was not fast enough either (its comparison-sorted
// buckets took most of the time).
[[nodiscard]] SortedSample sort_sample(const Vector& keys, std::span<const Index> tie = {});

}  // namespace scilearn::stats::detail
