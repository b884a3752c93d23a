#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/validation.hpp>
#include <scilearn/stats/descriptive.hpp>
#include <scilearn/stats/order_statistics.hpp>
#include <vector>

#include "nan_filter.hpp"
#include "sorting.hpp"

namespace scilearn::stats {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<double> sorted(const Vector& a) {
  std::vector<double> v(a.begin(), a.end());
  std::sort(v.begin(), v.end());
  return v;
}

// NumPy's _lerp: a + (b - a) t, or b - (b - a)(1 - t) for t >= 1/2.
double lerp(double a, double b, double t) {
  const double diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

// H&F's virtual index n q + alpha + q (1 - alpha - beta) - 1.
double virtual_index(double n, double q, double alpha, double beta) {
  return n * q + (alpha + q * (1 - alpha - beta)) - 1;
}

// The index of a discontinuous method: floor(index) where `take_previous`,
// else the next one; below 0 clipped to 0 (NumPy's
// _discrete_interpolation_to_boundaries).
Index boundary(double index, bool take_previous) {
  const double previous = std::floor(index);
  const auto i = static_cast<Index>(take_previous ? previous : previous + 1);
  return std::max<Index>(i, 0);
}

double quantile_sorted(const std::vector<double>& s, double q, QuantileMethod method) {
  const auto n = static_cast<double>(s.size());
  const Index last = static_cast<Index>(s.size()) - 1;
  const auto at = [&](Index i) { return s[static_cast<std::size_t>(std::clamp<Index>(i, 0, last))]; };
  double index = 0, gamma_override = -1;
  switch (method) {
    case QuantileMethod::inverted_cdf: {
      const double v = n * q - 1;
      return at(boundary(v, v - std::floor(v) == 0));
    }
    case QuantileMethod::closest_observation: {
      const double v = n * q - 1 - 0.5;
      const bool even = v - std::floor(v) == 0 && std::fmod(std::floor(v), 2.0) == 1;
      return at(boundary(v, even));
    }
    case QuantileMethod::lower: return at(static_cast<Index>(std::floor((n - 1) * q)));
    case QuantileMethod::higher: return at(static_cast<Index>(std::ceil((n - 1) * q)));
    case QuantileMethod::nearest: return at(static_cast<Index>(std::nearbyint((n - 1) * q)));  // ties to even
    case QuantileMethod::averaged_inverted_cdf: index = n * q - 1; break;
    case QuantileMethod::interpolated_inverted_cdf: index = virtual_index(n, q, 0, 1); break;
    case QuantileMethod::hazen: index = virtual_index(n, q, 0.5, 0.5); break;
    case QuantileMethod::weibull: index = virtual_index(n, q, 0, 0); break;
    case QuantileMethod::linear: index = (n - 1) * q; break;
    case QuantileMethod::median_unbiased: index = virtual_index(n, q, 1 / 3.0, 1 / 3.0); break;
    case QuantileMethod::normal_unbiased: index = virtual_index(n, q, 3 / 8.0, 3 / 8.0); break;
    case QuantileMethod::midpoint:
      index = 0.5 * (std::floor((n - 1) * q) + std::ceil((n - 1) * q));
      gamma_override = std::fmod(index, 1.0) == 0 ? 0.0 : 0.5;
      break;
  }
  // NumPy's _get_indexes: beyond the ends both neighbours are the end.
  if (index >= n - 1) return s.back();
  if (index < 0) return s.front();
  const double previous = std::floor(index);
  double gamma = index - previous;
  if (method == QuantileMethod::averaged_inverted_cdf) gamma = gamma == 0 ? 0.5 : 1.0;
  if (gamma_override >= 0) gamma = gamma_override;
  const auto i = static_cast<Index>(previous);
  return lerp(at(i), at(i + 1), gamma);
}

}  // namespace

double median(const Vector& a) {
  check_non_empty("median", "a", a);
  if (a.hasNaN()) return kNaN;
  std::vector<double> v(a.begin(), a.end());
  const std::size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid), v.end());
  const double upper = v[mid];
  if (v.size() % 2 == 1) return upper;
  const double lower = *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(mid));
  return (lower + upper) / 2;  // numpy.mean of the two
}

Vector quantile(const Vector& a, const Vector& q, QuantileMethod method) {
  check_non_empty("quantile", "a", a);
  if (q.hasNaN() || (q.array() < 0).any() || (q.array() > 1).any()) {
    throw ValueError("quantile: q must lie in [0, 1]");
  }
  if (a.hasNaN()) return Vector::Constant(q.size(), kNaN);
  const std::vector<double> s = sorted(a);
  Vector out(q.size());
  for (Index k = 0; k < q.size(); ++k) out(k) = quantile_sorted(s, q(k), method);
  return out;
}

double quantile(const Vector& a, double q, QuantileMethod method) {
  return quantile(a, Vector::Constant(1, q), method)(0);
}

double percentile(const Vector& a, double q, QuantileMethod method) {
  if (!(q >= 0 && q <= 100)) throw ValueError(cat("percentile: q must lie in [0, 100], got ", q));
  return quantile(a, q / 100, method);
}

double iqr(const Vector& given, double q_low, double q_high, QuantileMethod method, bool scale_normal,
           NanPolicy nan_policy) {
  const detail::NanFiltered sample("iqr", given, nan_policy);
  const Vector& a = sample.get();
  const Vector qs = quantile(a, (Vector(2) << q_high / 100, q_low / 100).finished(), method);
  const double range = qs(0) - qs(1);
  return scale_normal ? range / 1.3489795003921634 : range;
}

ModeResult mode(const Vector& a) {
  check_non_empty("mode", "a", a);
  // NaNs count as one more value, sorted last, as SciPy counts them.
  std::vector<double> s(a.begin(), a.end());
  const auto numbers_end = std::partition(s.begin(), s.end(), [](double x) { return !std::isnan(x); });
  std::sort(s.begin(), numbers_end);
  const auto same = [](double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); };
  ModeResult best{s[0], 0};
  for (std::size_t i = 0; i < s.size();) {
    std::size_t j = i;
    while (j < s.size() && same(s[j], s[i])) ++j;
    if (static_cast<Index>(j - i) > best.count) best = {s[i], static_cast<Index>(j - i)};
    i = j;
  }
  return best;
}

double trim_mean(const Vector& a, double proportiontocut) {
  check_non_empty("trim_mean", "a", a);
  const Index n = a.size();
  const auto cut = static_cast<Index>(proportiontocut * static_cast<double>(n));
  if (!(proportiontocut >= 0) || cut > n - cut) throw ValueError("trim_mean: proportion too big");
  if (cut == n - cut) return kNaN;  // nothing left: NumPy's mean of an empty slice
  const std::vector<double> s = sorted(a);
  return mean(Eigen::Map<const Vector>(s.data() + cut, n - 2 * cut));
}

Vector rankdata(const Vector& a, RankMethod method) {
  const Index n = a.size();
  if (a.hasNaN()) return Vector::Constant(n, kNaN);
  return detail::rank_sample(a, method).ranks;
}

double median_abs_deviation(const Vector& given, double scale, bool scale_normal, NanPolicy nan_policy) {
  const detail::NanFiltered sample("median_abs_deviation", given, nan_policy);
  const Vector& a = sample.get();
  const double center = median(a);
  const double mad = median((a.array() - center).abs().matrix());
  return mad / (scale_normal ? 0.6744897501960817 : scale);
}

}  // namespace scilearn::stats
