#pragma once
// Distinct values of a numeric column and their positions, for the encoders
// (private to the module). Values are keyed by their bit pattern with -0.0
// folded into 0.0 and every NaN into one NaN, so that they group as
// np.unique groups them (NaN is one category, sorted last). An open-addressing
// table keeps the lookups of a column with few categories in L1 cache: the
// encoders' cost is one hash probe per entry instead of a sort or a binary
// search.

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <scilearn/core/types.hpp>
#include <vector>

namespace scilearn::learn::detail {

class CategoryTable {
 public:
  CategoryTable() { reset(16); }

  // A table of the given categories (distinct values): find(c_k) == k.
  explicit CategoryTable(const Vector& categories) {
    reset(capacity_for(categories.size()));
    for (Index k = 0; k < categories.size(); ++k) insert(categories(k), k);
  }

  // Counts the distinct values of x[0..n) (NaN included as one value) and
  // returns them sorted ascending with NaN last, with their counts.
  static void unique_counts(const double* x, Index n, Vector& categories, std::vector<Index>& counts) {
    CategoryTable table;
    std::vector<double> values;
    std::vector<Index> tally;
    for (Index i = 0; i < n; ++i) {
      const Index k = table.find_or_insert(x[i], static_cast<Index>(values.size()));
      if (k == static_cast<Index>(values.size())) {
        values.push_back(x[i]);
        tally.push_back(0);
      }
      ++tally[static_cast<std::size_t>(k)];
    }
    std::vector<std::size_t> order(values.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    // NaN sorts last; the rest ascending (equal keys cannot occur).
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      const double va = values[a], vb = values[b];
      if (std::isnan(va)) return false;
      if (std::isnan(vb)) return true;
      return va < vb;
    });
    categories.resize(static_cast<Index>(values.size()));
    counts.resize(values.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
      const double v = values[order[k]];
      categories(static_cast<Index>(k)) = v == 0 ? 0.0 : v;  // np.unique keeps 0.0 for a mix of signs
      counts[k] = tally[order[k]];
    }
  }

  // The position of v among the categories, or -1 when v is not one of them.
  [[nodiscard]] Index find(double v) const {
    const std::uint64_t key = key_of(v);
    for (std::size_t slot = hash(key);; slot = (slot + 1) & mask_) {
      const Entry& e = slots_[slot];
      if (e.index < 0) return -1;
      if (e.key == key) return e.index;
    }
  }

 private:
  struct Entry {
    std::uint64_t key = 0;
    Index index = -1;
  };
  std::vector<Entry> slots_;
  std::size_t mask_ = 0, size_ = 0;
  int shift_ = 0;

  static std::uint64_t key_of(double v) {
    if (std::isnan(v)) return 0x7ff8000000000000ULL;
    if (v == 0) return 0;
    return std::bit_cast<std::uint64_t>(v);
  }
  [[nodiscard]] std::size_t hash(std::uint64_t key) const {
    // Fibonacci hashing: the top bits of key * 2^64 / phi.
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_);
  }
  static std::size_t capacity_for(Index n) {
    std::size_t capacity = 16;
    while (capacity < 2 * static_cast<std::size_t>(n) + 2) capacity *= 2;
    return capacity;
  }
  void reset(std::size_t capacity) {
    slots_.assign(capacity, Entry{});
    mask_ = capacity - 1;
    shift_ = 64 - std::countr_zero(capacity);
    size_ = 0;
  }
  void insert(double v, Index index) { (void)find_or_insert(v, index); }
  // The index stored for v, or `index` after storing it when v is new.
  Index find_or_insert(double v, Index index) {
    const std::uint64_t key = key_of(v);
    for (std::size_t slot = hash(key);; slot = (slot + 1) & mask_) {
      Entry& e = slots_[slot];
      if (e.index < 0) {
        e = Entry{key, index};
        if (++size_ * 2 > slots_.size()) grow();
        return index;
      }
      if (e.key == key) return e.index;
    }
  }
  void grow() {
    std::vector<Entry> old = std::move(slots_);
    reset(old.size() * 2);
    for (const Entry& e : old)
      if (e.index >= 0)
        for (std::size_t slot = hash(e.key);; slot = (slot + 1) & mask_)
          if (slots_[slot].index < 0) {
            slots_[slot] = e;
            ++size_;
            break;
          }
  }
};

}  // namespace scilearn::learn::detail
