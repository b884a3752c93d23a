#include "sorting.hpp"

#include <algorithm>
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
constexpr std::uint64_t kSignBit = std::uint64_t{1} << 63;
std::uint64_t ordered_bits(double x) {
  const auto bits = std::bit_cast<std::uint64_t>(x + 0.0);
  return (bits & kSignBit) != 0 ? ~bits : bits | kSignBit;
}
// The inverse: the value back from its key, without a lookup in the sample.
double value_of(std::uint64_t key) { return std::bit_cast<double>((key & kSignBit) != 0 ? key & ~kSignBit : ~key); }

// Stable sort of records[0, n) by the key's low `bits` bits: insertion sort
// for short runs, else least-significant-digit radix sort, 8 bits per pass,
// with `scratch` (n records) as the other buffer; a digit that every key
// shares is skipped. The result ends in `records`.
void sort_low_bits(Record* records, Record* scratch, std::size_t n, int bits) {
  if (n < 64) {
    for (std::size_t i = 1; i < n; ++i) {
      const Record r = records[i];
      std::size_t j = i;
      for (; j > 0 && records[j - 1].key > r.key; --j) records[j] = records[j - 1];
      records[j] = r;
    }
    return;
  }
  Record* from = records;
  Record* to = scratch;
  for (int shift = 0; shift < bits; shift += 8) {
    std::array<std::size_t, 256> count{};
    for (std::size_t i = 0; i < n; ++i) ++count[(from[i].key >> shift) & 0xff];
    if (count[(from[0].key >> shift) & 0xff] == n) continue;
    std::size_t front = 0;
    for (std::size_t& c : count) front += std::exchange(c, front);
    for (std::size_t i = 0; i < n; ++i) to[count[(from[i].key >> shift) & 0xff]++] = from[i];
    std::swap(from, to);
  }
  if (from != records) std::copy(from, from + n, records);
}

// Stable sort of the records by key. One most-significant-digit pass on the
// top bits (for doubles: the sign, the exponent and a few bits of mantissa)
// splits them into buckets, which for most samples are small enough to be
// sorted on their remaining bits inside the cache; about log2(n) - 4 top
// bits leave buckets of a few thousand records where the keys spread evenly.
// Least-significant-digit passes over the whole array were two to three
// times slower on 10^7 values: each of them streams the array through memory.
void radix_sort(std::vector<Record>& records) {
  const int top_bits = std::clamp(static_cast<int>(std::bit_width(records.size())) - 4, 8, 20);
  const int low_bits = 64 - top_bits;
  const std::size_t buckets = std::size_t{1} << top_bits;
  std::vector<std::size_t> start(buckets + 1, 0);
  for (const Record& r : records) ++start[(r.key >> low_bits) + 1];
  for (std::size_t b = 0; b < buckets; ++b) start[b + 1] += start[b];
  std::vector<Record> bucketed(records.size());
  std::vector<std::size_t> front(start.begin(), start.end() - 1);
  for (const Record& r : records) bucketed[front[r.key >> low_bits]++] = r;
  for (std::size_t b = 0; b < buckets; ++b) {
    const std::size_t size = start[b + 1] - start[b];
    if (size > 1) sort_low_bits(bucketed.data() + start[b], records.data() + start[b], size, low_bits);
  }
  records.swap(bucketed);
}

}  // namespace

SortedSample sort_sample(const Vector& keys, std::span<const Index> start) {
  const auto n = static_cast<std::size_t>(keys.size());
  SortedSample sorted{std::vector<double>(n), std::vector<Index>(n)};
  if (n == 0) return sorted;
  std::vector<Record> records(n);
  for (std::size_t i = 0; i < n; ++i) records[i].index = start.empty() ? static_cast<Index>(i) : start[i];
  for (Record& r : records) r.key = ordered_bits(keys(r.index));
  radix_sort(records);
  for (std::size_t i = 0; i < n; ++i) {
    sorted.values[i] = value_of(records[i].key);
    sorted.order[i] = records[i].index;
  }
  return sorted;
}

Ranking rank_sample(const Vector& a, RankMethod method) {
  const auto [values, order] = sort_sample(a);
  const std::size_t n = values.size();
  Ranking out{Vector(a.size()), {}};
  double dense = 0;
  // Ties are runs of equal sorted values [i, j), 0-based.
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i + 1;
    while (j < n && values[j] == values[i]) ++j;
    ++dense;
    if (j - i > 1) out.tie_sizes.push_back(static_cast<double>(j - i));
    for (std::size_t k = i; k < j; ++k) {
      double r = 0;
      switch (method) {
        case RankMethod::average: r = 0.5 * static_cast<double>(i + 1 + j); break;
        case RankMethod::min: r = static_cast<double>(i + 1); break;
        case RankMethod::max: r = static_cast<double>(j); break;
        case RankMethod::dense: r = dense; break;
        case RankMethod::ordinal: r = static_cast<double>(k + 1); break;
      }
      out.ranks(order[k]) = r;
    }
    i = j;
  }
  return out;
}

}  // namespace scilearn::stats::detail
