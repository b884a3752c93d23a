#include "ode/num_jac.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace scilearn::integrate::detail {
namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();
// SciPy's thresholds, relative to the size of f near the largest change of a
// column: below kDiffReject the difference is round-off and the column is
// retried with a larger step; below kDiffSmall (above kDiffBig) the next
// call's step grows (shrinks) tenfold.
const double kDiffReject = std::pow(kEps, 0.875);
const double kDiffSmall = std::pow(kEps, 0.75);
const double kDiffBig = std::pow(kEps, 0.25);
constexpr double kMinFactor = 1e3 * kEps;
constexpr double kFactorIncrease = 10;
constexpr double kFactorDecrease = 0.1;

// What one column's difference says about its step: the row of its largest
// change (the first NaN if there is one, as NumPy's argmax), that change's
// size, and the size of f there.
struct ColumnChange {
  double max_diff;
  double scale;
};

ColumnChange column_change(const Vector& f, const Vector& f_new, const Vector& diff) {
  Index row = 0;
  double best = std::abs(diff(0));
  for (Index i = 1; i < diff.size() && !std::isnan(best); ++i) {
    const double v = std::abs(diff(i));
    if (v > best || std::isnan(v)) {
      best = v;
      row = i;
    }
  }
  return {best, std::max(std::abs(f(row)), std::abs(f_new(row)))};
}

}  // namespace

Matrix num_jac(const RhsCall& fun, double t, const Vector& y, const Vector& f, const Vector& threshold,
               Vector& factor) {
  const Index n = y.size();
  if (n == 0) return Matrix(0, 0);
  if (factor.size() != n) factor = Vector::Constant(n, std::sqrt(kEps));

  // Step in the direction the ODE moves y, hoping not to leave the region
  // where fun is defined.
  Vector y_scale(n);
  Vector h(n);
  for (Index j = 0; j < n; ++j) {
    y_scale(j) = (f(j) >= 0 ? 1.0 : -1.0) * std::max(threshold(j), std::abs(y(j)));
    h(j) = (y(j) + factor(j) * y_scale(j)) - y(j);
    while (h(j) == 0) {  // y(j) so large that the step vanished
      factor(j) *= 10;
      h(j) = (y(j) + factor(j) * y_scale(j)) - y(j);
    }
  }

  Matrix diff(n, n);
  std::vector<ColumnChange> change(static_cast<std::size_t>(n));
  Vector y_step = y;
  for (Index j = 0; j < n; ++j) {
    y_step(j) = y(j) + h(j);
    const Vector f_new = fun(t, y_step);
    y_step(j) = y(j);
    diff.col(j) = f_new - f;
    change[static_cast<std::size_t>(j)] = column_change(f, f_new, diff.col(j));
  }

  for (Index j = 0; j < n; ++j) {
    ColumnChange& c = change[static_cast<std::size_t>(j)];
    if (!(c.max_diff < kDiffReject * c.scale)) continue;
    const double new_factor = kFactorIncrease * factor(j);
    const double h_new = (y(j) + new_factor * y_scale(j)) - y(j);
    y_step(j) = y(j) + h_new;
    const Vector f_new = fun(t, y_step);
    y_step(j) = y(j);
    const Vector diff_new = f_new - f;
    const ColumnChange c_new = column_change(f, f_new, diff_new);
    // Keep the larger step only if its change, relative to f, is larger.
    if (c.max_diff * c_new.scale < c_new.max_diff * c.scale) {
      factor(j) = new_factor;
      h(j) = h_new;
      diff.col(j) = diff_new;
      c = c_new;
    }
  }

  for (Index j = 0; j < n; ++j) {
    diff.col(j) /= h(j);
    const ColumnChange& c = change[static_cast<std::size_t>(j)];
    if (c.max_diff < kDiffSmall * c.scale) {
      factor(j) *= kFactorIncrease;
    } else if (c.max_diff > kDiffBig * c.scale) {
      factor(j) *= kFactorDecrease;
    }
    factor(j) = std::max(factor(j), kMinFactor);
  }
  return diff;
}

}  // namespace scilearn::integrate::detail
