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
  std::string out;
  if (exponent >= -4 && exponent < 16) {  // Python's repr: fixed for 1e-4 <= |v| < 1e16
    if (exponent < 0) {
      out = "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
    } else if (static_cast<std::size_t>(exponent) + 1 >= digits.size()) {
      out = digits + std::string(static_cast<std::size_t>(exponent) + 1 - digits.size(), '0') + ".0";
    } else {
      out = digits.substr(0, static_cast<std::size_t>(exponent) + 1) + "." +
            digits.substr(static_cast<std::size_t>(exponent) + 1);
    }
  }
  if (out.empty()) {
    out = digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    const int a = std::abs(exponent);
    out += cat("e", exponent < 0 ? "-" : "+", a < 10 ? "0" : "", a);
  }
  return negative ? "-" + out : out;
}

std::string label_text(double v) {
  if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e18) return cat(static_cast<long long>(v));
  return python_float_repr(v);
}

std::string labels_text(const Labels& labels) {
  std::string out = "[";
  for (std::size_t i = 0; i < labels.size(); ++i) out += (i ? ", " : "") + label_text(labels[i]);
  return out + "]";
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

// A key whose unsigned order is the descending order of the doubles (-0.0
// mapped to 0.0 first, so that it ties with it as NumPy's comparison does).
inline std::uint64_t descending_key(double v) {
  const auto bits = std::bit_cast<std::uint64_t>(v + 0.0);
  const std::uint64_t ascending = (bits >> 63) ? ~bits : (bits | (std::uint64_t{1} << 63));
  return ~ascending;
}

// LSD radix sort of (key, payload) by key, stable; 11-bit digits, six
// passes, each skipped when every key has the same digit there (the high
// digits of scores in a narrow range). One histogram pass serves all six.
void radix_sort(std::vector<std::uint64_t>& keys, std::vector<std::uint32_t>& payload) {
  constexpr int kBits = 11, kPasses = 6;
  constexpr std::size_t kBuckets = std::size_t{1} << kBits;
  const std::size_t n = keys.size();
  std::vector<std::array<std::uint32_t, kBuckets>> counts(kPasses);
  for (auto& c : counts) c.fill(0);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t k = keys[i];
    for (int p = 0; p < kPasses; ++p) ++counts[p][(k >> (p * kBits)) & (kBuckets - 1)];
  }
  std::vector<std::uint64_t> keys2(n);
  std::vector<std::uint32_t> payload2(n);
  for (int p = 0; p < kPasses; ++p) {
    auto& c = counts[p];
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

}  // namespace

std::vector<std::uint32_t> argsort_descending(const double* score, Index n) {
  const auto size = static_cast<std::size_t>(n);
  std::vector<std::uint32_t> order(size);
  std::iota(order.begin(), order.end(), std::uint32_t{0});
  if (size < 4096) {
    std::stable_sort(order.begin(), order.end(),
                     [score](std::uint32_t a, std::uint32_t b) { return score[a] > score[b]; });
    return order;
  }
  std::vector<std::uint64_t> keys(size);
  for (std::size_t i = 0; i < size; ++i) keys[i] = descending_key(score[i]);
  radix_sort(keys, order);
  return order;
}

ThresholdCounts threshold_counts(const std::vector<std::uint8_t>& positive, const double* score,
                                 const VectorView& sample_weight) {
  const Index n = static_cast<Index>(positive.size());
  const bool weighted = sample_weight.size() > 0;
  // Samples of weight 0 are left out, as scikit-learn does, so that they
  // add no threshold.
  std::vector<double> s;
  std::vector<std::uint8_t> y;
  std::vector<double> w;
  const double* sp = score;
  const std::uint8_t* yp = positive.data();
  Index m = n;
  if (weighted && (sample_weight.array() == 0).any()) {
    for (Index i = 0; i < n; ++i)
      if (sample_weight[i] != 0) {
        s.push_back(score[i]);
        y.push_back(positive[static_cast<std::size_t>(i)]);
        w.push_back(sample_weight[i]);
      }
    sp = s.data();
    yp = y.data();
    m = static_cast<Index>(s.size());
  } else if (weighted) {
    w.assign(sample_weight.data(), sample_weight.data() + n);
  }
  const auto order = argsort_descending(sp, m);
  ThresholdCounts out;
  double tp = 0, fp = 0;
  for (Index r = 0; r < m; ++r) {
    const std::uint32_t i = order[static_cast<std::size_t>(r)];
    if (weighted) {
      // Both sums accumulated as scikit-learn's two cumulative sums are.
      tp += yp[i] * w[i];
      fp += (1 - yp[i]) * w[i];
    } else {
      tp += yp[i];
    }
    const bool last = r + 1 == m;
    if (last || sp[order[static_cast<std::size_t>(r) + 1]] != sp[i]) {
      out.tps.push_back(tp);
      out.fps.push_back(weighted ? fp : static_cast<double>(r + 1) - tp);
      out.thresholds.push_back(sp[i]);
    }
  }
  return out;
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
