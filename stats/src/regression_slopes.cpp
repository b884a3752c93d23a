#include <scilearn/stats/regression_slopes.hpp>

#include <algorithm>
#include <cmath>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/stats/distributions.hpp>
#include <scilearn/stats/order_statistics.hpp>
#include <vector>

#include "sorting.hpp"
#include "test_support.hpp"

namespace scilearn::stats {

using detail::kNaN;

namespace {

Vector arange(Index n) { return Vector::LinSpaced(n, 0.0, static_cast<double>(n - 1)); }

// The middle of values sorted with NaN last (numpy.median's mean of the two
// middle values); NaN when a NaN is among them or there are none.
double sorted_median(const std::vector<double>& sorted) {
  if (sorted.empty() || std::isnan(sorted.back())) return kNaN;
  const std::size_t mid = sorted.size() / 2;
  return sorted.size() % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

void warn_identical_x(const char* where) {
  warn(WarningCategory::runtime, cat(where, ": all x coordinates are identical"));
}

// The common start of both fits: same lengths; true when the fit is defined
// (n >= 2, no NaN), after warning where SciPy warns.
bool fit_is_defined(const char* where, const Vector& y, const Vector& x) {
  check_same_length(where, "x", x.size(), "y", y.size());
  if (x.size() < 2) {
    detail::warn_too_small(where);
    return false;
  }
  return !x.hasNaN() && !y.hasNaN();
}

// sum t (t - 1)(2t + 5) over the groups of t tied values of a.
double tie_term(const Vector& a) {
  double sum = 0;
  for (const double t : detail::rank_sample(a).tie_sizes) sum += t * (t - 1) * (2 * t + 5);
  return sum;
}

}  // namespace

TheilslopesResult theilslopes(const Vector& y, const Vector& x, double alpha, TheilslopesMethod method) {
  if (alpha == 0 || alpha == 1) {
    throw ValueError(cat("theilslopes: alpha must lie strictly between 0 and 1, got ", alpha));
  }
  if (!fit_is_defined("theilslopes", y, x)) return {kNaN, kNaN, kNaN, kNaN};
  const Index n = x.size();
  std::vector<double> slopes;
  slopes.reserve(static_cast<std::size_t>(n * (n - 1) / 2));
  for (Index i = 0; i < n; ++i) {
    for (Index j = 0; j < n; ++j) {
      // Each pair once, as the difference of the larger x minus the smaller.
      if (x(i) > x(j)) slopes.push_back((y(i) - y(j)) / (x(i) - x(j)));
    }
  }
  if (slopes.empty()) {
    warn_identical_x("theilslopes");
    return {kNaN, kNaN, kNaN, kNaN};
  }
  // Infinite inputs can make NaN slopes: sorted last, as NumPy sorts them.
  std::sort(slopes.begin(), slopes.end(),
            [](double a, double b) { return std::isnan(b) ? !std::isnan(a) : a < b; });
  const double slope = sorted_median(slopes);
  const double intercept = method == TheilslopesMethod::joint
                               ? median((y.array() - slope * x.array()).matrix())
                               : median(y) - slope * median(x);

  // Sen (1968), eq. 2.6: the variance of Kendall's statistic with ties.
  const double fn = static_cast<double>(n);
  const double sigma = std::sqrt((fn * (fn - 1) * (2 * fn + 5) - tie_term(x) - tie_term(y)) / 18);
  const double a = alpha > 0.5 ? 1 - alpha : alpha;
  // alpha outside [0, 1] or NaN, or a negative variance (heavy ties in both
  // x and y): SciPy's NaN ends.
  if (!(a > 0 && a <= 0.5) || std::isnan(sigma)) return {slope, intercept, kNaN, kNaN};
  const double z_sigma = norm().ppf(a / 2) * sigma;  // <= 0
  const double nt = static_cast<double>(slopes.size());
  const double upper = std::min(std::nearbyint((nt - z_sigma) / 2), nt - 1);
  const double lower = std::max(std::nearbyint((nt + z_sigma) / 2) - 1, 0.0);
  return {slope, intercept, slopes[static_cast<std::size_t>(lower)], slopes[static_cast<std::size_t>(upper)]};
}

TheilslopesResult theilslopes(const Vector& y, double alpha, TheilslopesMethod method) {
  return theilslopes(y, arange(y.size()), alpha, method);
}

SiegelslopesResult siegelslopes(const Vector& y, const Vector& x, SiegelslopesMethod method) {
  if (!fit_is_defined("siegelslopes", y, x)) return {kNaN, kNaN};
  const Index n = x.size();
  if ((x.array() == x(0)).all()) {
    warn_identical_x("siegelslopes");
    return {kNaN, kNaN};
  }
  Vector point_slopes(n), point_intercepts(method == SiegelslopesMethod::separate ? n : 0);
  std::vector<double> slopes, intercepts;
  slopes.reserve(static_cast<std::size_t>(n));
  intercepts.reserve(static_cast<std::size_t>(n));
  for (Index j = 0; j < n; ++j) {
    slopes.clear();
    intercepts.clear();
    for (Index i = 0; i < n; ++i) {
      const double dx = x(j) - x(i);
      if (dx == 0) continue;
      slopes.push_back((y(j) - y(i)) / dx);
      // The intercept of the line through points i and j.
      if (method == SiegelslopesMethod::separate) intercepts.push_back((y(i) * x(j) - y(j) * x(i)) / dx);
    }
    point_slopes(j) = median(Eigen::Map<const Vector>(slopes.data(), static_cast<Index>(slopes.size())));
    if (method == SiegelslopesMethod::separate) {
      point_intercepts(j) = median(Eigen::Map<const Vector>(intercepts.data(), static_cast<Index>(intercepts.size())));
    }
  }
  const double slope = median(point_slopes);
  const double intercept = method == SiegelslopesMethod::separate
                               ? median(point_intercepts)
                               : median((y.array() - slope * x.array()).matrix());
  return {slope, intercept};
}

SiegelslopesResult siegelslopes(const Vector& y, SiegelslopesMethod method) {
  return siegelslopes(y, arange(y.size()), method);
}

}  // namespace scilearn::stats
