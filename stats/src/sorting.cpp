#include "sorting.hpp"

#include <array>
#include <bit>
#include <cstdint>
#include <utility>

namespace scilearn::stats::detail {

namespace {

// A key reduced to an unsigned integer of the same order, and its position.
struct Record {
  std::uint64_t key;
  Index index;
};

// The bits of a double as an unsigned integer that sorts in the same order:
// negative numbers have all bits flipped (larger magnitude, smaller value),
// positive ones only the sign bit. + 0.0 first turns -0.0 into +0.0, so the
// two zeros are one key.
std::uint64_t ordered_bits(double x) {
  const auto bits = std::bit_cast<std::uint64_t>(x + 0.0);
  return (bits >> 63) != 0 ? ~bits : bits | (std::uint64_t{1} << 63);
}

// Least-significant-digit radix sort of the records by key, 11 bits per pass
// (2048 buckets keep the counts and the write fronts in cache); a pass is
// skipped when every key has the same digit there. Each pass is stable, so
// records with equal keys keep their order.
void radix_sort(std::vector<Record>& records, int key_bits) {
  constexpr int kDigitBits = 11;
  constexpr std::size_t kBuckets = std::size_t{1} << kDigitBits;
  std::vector<Record> buffer(records.size());
  for (int shift = 0; shift < key_bits; shift += kDigitBits) {
    std::array<std::size_t, kBuckets> count{};
    for (const Record& r : records) ++count[(r.key >> shift) & (kBuckets - 1)];
    if (count[(records.front().key >> shift) & (kBuckets - 1)] == records.size()) continue;
    std::size_t front = 0;
    for (std::size_t& c : count) front += std::exchange(c, front);
    for (const Record& r : records) buffer[count[(r.key >> shift) & (kBuckets - 1)]++] = r;
    records.swap(buffer);
  }
}

}  // namespace

SortedSample sort_sample(const Vector& keys, std::span<const Index> tie) {
  const auto n = static_cast<std::size_t>(keys.size());
  SortedSample sorted{std::vector<double>(n), std::vector<Index>(n)};
  if (n == 0) return sorted;
  std::vector<Record> records(n);
  for (std::size_t i = 0; i < n; ++i) records[i].index = static_cast<Index>(i);
  // Sorting by the tie-breaker first and then, stably, by the key orders by
  // (key, tie); without a tie-breaker the index order is already there.
  if (!tie.empty()) {
    for (std::size_t i = 0; i < n; ++i) records[i].key = static_cast<std::uint64_t>(tie[i]);
    radix_sort(records, 64);
  }
  for (Record& r : records) r.key = ordered_bits(keys(r.index));
  radix_sort(records, 64);
  for (std::size_t i = 0; i < n; ++i) {
    sorted.values[i] = keys(records[i].index) + 0.0;
    sorted.order[i] = records[i].index;
  }
  return sorted;
}

}  // namespace scilearn::stats::detail
