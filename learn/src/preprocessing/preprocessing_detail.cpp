#include "preprocessing_detail.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#if defined(__linux__)
#endif

namespace scilearn::learn::detail {

void check_infrequent_params(std::string_view estimator, const std::optional<double>& min_frequency,
                             const std::optional<Index>& max_categories) {
  if (min_frequency) {
    const double f = *min_frequency;
    const bool fraction = f > 0 && f < 1, count = f >= 1 && f == std::floor(f);
    if (!fraction && !count)
      throw ValueError(
          cat(estimator, ": min_frequency must be an integer >= 1 or a fraction in (0, 1), got ", python_float_str(f)));
  }
  if (max_categories && *max_categories < 1)
    throw ValueError(cat(estimator, ": max_categories must be >= 1, got ", *max_categories));
}

std::vector<Index> infrequent_positions(const std::vector<Index>& counts, Index n_samples,
                                        const std::optional<double>& min_frequency,
                                        const std::optional<Index>& max_categories) {
  const Index k = static_cast<Index>(counts.size());
  std::vector<char> infrequent(counts.size(), 0);
  if (min_frequency) {
    // An integer is a count; a fraction is scaled by n_samples (no rounding).
    const double threshold = *min_frequency >= 1 ? *min_frequency : *min_frequency * static_cast<double>(n_samples);
    for (std::size_t c = 0; c < counts.size(); ++c) infrequent[c] = static_cast<double>(counts[c]) < threshold;
  }
  Index n_infrequent = 0;
  for (const char f : infrequent) n_infrequent += f;
  const Index n_current = k - n_infrequent + 1;
  if (max_categories && *max_categories < n_current) {
    const Index keep = *max_categories - 1;
    if (keep == 0) {
      std::fill(infrequent.begin(), infrequent.end(), 1);
    } else {
      std::vector<Index> order(counts.size());
      for (std::size_t c = 0; c < order.size(); ++c) order[c] = static_cast<Index>(c);
      std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) {
        return counts[static_cast<std::size_t>(a)] < counts[static_cast<std::size_t>(b)];
      });
      for (Index r = 0; r < std::max<Index>(k - keep, 0); ++r)
        infrequent[static_cast<std::size_t>(order[static_cast<std::size_t>(r)])] = 1;
    }
  }
  std::vector<Index> out;
  for (Index c = 0; c < k; ++c)
    if (infrequent[static_cast<std::size_t>(c)]) out.push_back(c);
  return out;
}

std::vector<Index> infrequent_mapping(Index n_categories, const std::vector<Index>& infrequent) {
  if (infrequent.empty()) return {};
  std::vector<Index> mapping(static_cast<std::size_t>(n_categories), -1);
  for (const Index c : infrequent)
    mapping[static_cast<std::size_t>(c)] = n_categories - static_cast<Index>(infrequent.size());
  Index next = 0;
  for (auto& m : mapping)
    if (m < 0) m = next++;
  return mapping;
}

std::string python_list(const std::vector<double>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) out += cat(i ? ", " : "", python_float_str(values[i]));
  return out + "]";
}

}  // namespace scilearn::learn::detail
