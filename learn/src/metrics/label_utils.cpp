#include "metrics/label_utils.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <numeric>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>

namespace scilearn::learn::detail {

void check_labels(std::string_view where, std::string_view name, const VectorView& y) {
  if (y.size() == 0) throw ValueError(cat(where, ": ", name, " is empty; a minimum of 1 sample is required"));
  for (Index i = 0; i < y.size(); ++i) {
    const double v = y[i];
    if (!std::isfinite(v) || v != std::floor(v))
      throw ValueError(cat(where, ": ", name, " holds ", v, " at index ", i,
                           ", but class labels must be finite integers (continuous targets are not supported)"));
  }
}

void check_targets(std::string_view where, const VectorView& y_true, const VectorView& y_pred,
                   const VectorView& sample_weight) {
  check_same_length(where, "y_true", y_true.size(), "y_pred", y_pred.size());
  check_labels(where, "y_true", y_true);
  check_labels(where, "y_pred", y_pred);
  check_sample_weight(where, sample_weight, y_true.size());
}

Labels sorted_unique(Labels values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return values;
}

namespace {

// Distinct values in one pass with a small sorted cache: classification
// targets have few classes, so most lookups hit, and the cost stays
// O(n log k) instead of a sort of all n values.
void add_unique(Labels& labels, const VectorView& y) {
  for (Index i = 0; i < y.size(); ++i) {
    const double v = y[i] + 0.0;
    auto it = std::lower_bound(labels.begin(), labels.end(), v);
    if (it == labels.end() || *it != v) labels.insert(it, v);
  }
}

}  // namespace

Labels unique_labels(const VectorView& y) {
  Labels labels;
  add_unique(labels, y);
  return labels;
}

Labels unique_labels(const VectorView& y, const VectorView& y2) {
  Labels labels;
  add_unique(labels, y);
  add_unique(labels, y2);
  return labels;
}

Index index_of(const Labels& sorted, double v) {
  auto it = std::lower_bound(sorted.begin(), sorted.end(), v);
  return it == sorted.end() || *it != v ? -1 : static_cast<Index>(it - sorted.begin());
}

std::vector<Index> encode(const Labels& sorted, const VectorView& y) {
  std::vector<Index> codes(static_cast<std::size_t>(y.size()));
  for (Index i = 0; i < y.size(); ++i) codes[static_cast<std::size_t>(i)] = index_of(sorted, y[i]);
  return codes;
}

std::string python_float_repr(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  if (v == 0) return std::signbit(v) ? "-0.0" : "0.0";
  // The shortest round-trip digits, in scientific form: d.ddde[+-]x.
  std::array<char, 64> buffer{};
  auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v, std::chars_format::scientific);
  std::string s(buffer.data(), end);
  const bool negative = s[0] == '-';
  if (negative) s.erase(0, 1);
  const auto e_pos = s.find('e');
  const int exponent = std::atoi(s.c_str() + e_pos + 1);
  std::string digits = s.substr(0, e_pos);
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  std::string out = negative ? "-" : "";
  const auto e = static_cast<std::size_t>(std::abs(exponent));
  if (exponent >= -4 && exponent < 0) {  // Python's repr: fixed for 1e-4 <= |v| < 1e16
    out.append("0.").append(e - 1, '0').append(digits);
  } else if (exponent >= 0 && exponent < 16) {
    if (e + 1 >= digits.size()) {
      out.append(digits).append(e + 1 - digits.size(), '0').append(".0");
    } else {
      out.append(digits, 0, e + 1).append(1, '.').append(digits, e + 1);
    }
  } else {
    out.append(digits, 0, 1);
    if (digits.size() > 1) out.append(1, '.').append(digits, 1);
    out.append(exponent < 0 ? "e-" : "e+").append(e < 10 ? "0" : "").append(std::to_string(e));
  }
  return out;
}

std::string label_text(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e18) return cat(static_cast<long long>(v));
  return python_float_repr(v);
}

std::string labels_text(const Labels& labels) {
  std::string out = "[";
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (i) out += ", ";
    out += label_text(labels[i]);
  }
  out += ']';
  return out;
}

void undefined_metric_warning(std::string message) { warn(WarningCategory::user, std::move(message)); }

double average(const std::vector<double>& a, const std::vector<double>& weights) {
  if (weights.empty()) return std::accumulate(a.begin(), a.end(), 0.0) / static_cast<double>(a.size());
  double num = 0, den = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    num += a[i] * weights[i];
    den += weights[i];
  }
  return num / den;
}

double nan_average(const std::vector<double>& a, const std::vector<double>& weights) {
  std::vector<double> kept, kept_weights;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!std::isnan(a[i])) {
      kept.push_back(a[i]);
      if (!weights.empty()) kept_weights.push_back(weights[i]);
    }
  if (kept.empty()) return std::numeric_limits<double>::quiet_NaN();
  if (!weights.empty() && std::accumulate(kept_weights.begin(), kept_weights.end(), 0.0) == 0) kept_weights.clear();
  return average(kept, kept_weights);
}

namespace {

constexpr std::uint64_t kSign = std::uint64_t{1} << 63;

// A key whose unsigned order is the descending order of the doubles (-0.0
// mapped to 0.0 first, so that it ties with it as NumPy's comparison does).
inline std::uint64_t descending_key(double v) {
  const auto bits = std::bit_cast<std::uint64_t>(v + 0.0);
  const std::uint64_t ascending = (bits & kSign) ? ~bits : (bits | kSign);
  return ~ascending;
}

// LSD radix sort of (key, payload) by key, stable; 11-bit digits, six
// passes, each skipped when every key has the same digit there (the high
// digits of scores in a narrow range). One histogram pass serves all six.
template <class Payload>
void radix_sort(std::vector<std::uint64_t>& keys, std::vector<Payload>& payload) {
  constexpr int kBits = 11, kPasses = 6;
  constexpr std::size_t kBuckets = std::size_t{1} << kBits;
  const std::size_t n = keys.size();
  std::vector<std::array<std::uint32_t, kBuckets>> counts(kPasses);
  for (auto& c : counts) c.fill(0);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t k = keys[i];
    for (int p = 0; p < kPasses; ++p) ++counts[static_cast<std::size_t>(p)][(k >> (p * kBits)) & (kBuckets - 1)];
  }
  std::vector<std::uint64_t> keys2(n);
  std::vector<Payload> payload2(n);
  for (int p = 0; p < kPasses; ++p) {
    auto& c = counts[static_cast<std::size_t>(p)];
    if (std::any_of(c.begin(), c.end(), [n](std::uint32_t x) { return x == n; })) continue;
    std::uint32_t offset = 0;
    for (auto& x : c) {
      const std::uint32_t count = x;
      x = offset;
      offset += count;
    }
    const int shift = p * kBits;
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t dest = c[(keys[i] >> shift) & (kBuckets - 1)]++;
      keys2[dest] = keys[i];
      payload2[dest] = payload[i];
    }
    keys.swap(keys2);
    payload.swap(payload2);
  }
}

// Sorts (key, payload) by key, stable.
template <class Payload>
void sort_by_key(std::vector<std::uint64_t>& keys, std::vector<Payload>& payload) {
  const std::size_t n = keys.size();
  if (n >= 4096) {
    radix_sort(keys, payload);
    return;
  }
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), std::uint32_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return keys[a] < keys[b]; });
  std::vector<std::uint64_t> k(n);
  std::vector<Payload> p(n);
  for (std::size_t i = 0; i < n; ++i) {
    k[i] = keys[order[i]];
    p[i] = payload[order[i]];
  }
  keys.swap(k);
  payload.swap(p);
}

}  // namespace

double SortedScores::score(std::size_t r) const {
  const std::uint64_t ascending = ~keys[r];
  return std::bit_cast<double>((ascending & kSign) ? (ascending & ~kSign) : ~ascending);
}

SortedScores sort_scores(const std::vector<std::uint8_t>& positive, const double* score,
                         const VectorView& sample_weight) {
  const auto n = positive.size();
  SortedScores out;
  if (sample_weight.size() == 0) {
    // The labels travel with the keys: the sweep then reads both in order.
    out.keys.resize(n);
    for (std::size_t i = 0; i < n; ++i) out.keys[i] = descending_key(score[i]);
    out.positive = positive;
    sort_by_key(out.keys, out.positive);
    return out;
  }
  // Samples of weight 0 are left out, as scikit-learn does, so that they add
  // no threshold.
  std::vector<std::uint32_t> index;
  index.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    if (sample_weight[static_cast<Index>(i)] != 0) {
      out.keys.push_back(descending_key(score[i]));
      index.push_back(static_cast<std::uint32_t>(i));
    }
  sort_by_key(out.keys, index);
  out.positive.resize(index.size());
  out.weight.resize(index.size());
  for (std::size_t r = 0; r < index.size(); ++r) {
    out.positive[r] = positive[index[r]];
    out.weight[r] = sample_weight[static_cast<Index>(index[r])];
  }
  return out;
}

ThresholdCounts threshold_counts(const SortedScores& sorted) {
  const std::size_t m = sorted.keys.size();
  const bool weighted = !sorted.weight.empty();
  ThresholdCounts out;
  double tp = 0, fp = 0;
  for (std::size_t r = 0; r < m; ++r) {
    const std::uint8_t y = sorted.positive[r];
    if (weighted) {
      // Both sums accumulated as scikit-learn's two cumulative sums are.
      tp += y * sorted.weight[r];
      fp += (1 - y) * sorted.weight[r];
    } else {
      tp += y;
    }
    if (r + 1 == m || sorted.keys[r + 1] != sorted.keys[r]) {
      out.tps.push_back(tp);
      out.fps.push_back(weighted ? fp : static_cast<double>(r + 1) - tp);
      out.thresholds.push_back(sorted.score(r));
    }
  }
  return out;
}

ThresholdCounts threshold_counts(const std::vector<std::uint8_t>& positive, const double* score,
                                 const VectorView& sample_weight) {
  return threshold_counts(sort_scores(positive, score, sample_weight));
}

double curve_pos_label(std::string_view where, const Labels& classes, const double* pos_label) {
  if (pos_label) return *pos_label;
  const bool ok = classes == Labels{0, 1} || classes == Labels{-1, 1} || classes == Labels{0} ||
                  classes == Labels{-1} || classes == Labels{1};
  if (!ok)
    throw ValueError(cat(where, ": y_true takes value in ", labels_text(classes),
                         " and pos_label is not specified: either make y_true take value in {0, 1} or "
                         "{-1, 1} or pass pos_label explicitly."));
  return 1.0;
}

}  // namespace scilearn::learn::detail
