// scipy.integrate.cumulative_simpson (SciPy >= 1.12's algorithm).

#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/integrate/sample.hpp>

#include "sample/sample_support.hpp"

namespace scilearn::integrate {
namespace sample {
namespace {

// The integral over [x1, x2] of the parabola through (x1, f1), (x2, f2),
// (x3, f3), from the widths x21 = x2 - x1 and x32 = x3 - x2 (Cartwright 2017,
// eq. 8); SciPy's _cumulative_simpson_unequal_intervals, in its order of
// operations. Called with the points reversed, it gives the integral over the
// second interval.
double first_interval(double f1, double f2, double f3, double x21, double x32) {
  const double x31 = x21 + x32;
  const double x21_x31 = x21 / x31;
  const double x21_x32 = x21 / x32;
  const double x21x21_x31x32 = x21_x31 * x21_x32;
  const double coeff1 = 3 - x21_x31;
  const double coeff2 = 3 + x21x21_x31x32 + x21_x31;
  const double coeff3 = -x21x21_x31x32;
  return x21 / 6 * (coeff1 * f1 + coeff2 * f2 + coeff3 * f3);
}

// The same with both widths d (SciPy's _cumulative_simpson_equal_intervals):
// d / 3 (5 f1 / 4 + 2 f2 - f3 / 4).
double first_interval(double f1, double f2, double f3, double d) { return d / 3 * (5 * f1 / 4 + 2 * f2 - f3 / 4); }

// Interval k's integral from the parabola through samples k, k+1, k+2
// (forward) or k-1, k, k+1 (backward, reversed so that the widths stay
// positive).
double interval(const Samples& y, const Spacing& h, Index k, bool forward) {
  if (forward) {
    return h.x == nullptr ? first_interval(y[k], y[k + 1], y[k + 2], h.dx)
                          : first_interval(y[k], y[k + 1], y[k + 2], h(k), h(k + 1));
  }
  return h.x == nullptr ? first_interval(y[k + 1], y[k], y[k - 1], h.dx)
                        : first_interval(y[k + 1], y[k], y[k - 1], h(k), h(k - 1));
}

// The running sum of the interval integrals: the first interval of each pair
// (0, 2, ...) from the parabola ahead of it, the second (1, 3, ...) and the
// last from the parabola behind it, as SciPy.
Vector cumulative_simpson_slice(const Samples& y, const Spacing& h) {
  const Index n = y.size();
  if (n < 3) return cumulative_trapezoid_slice(y, h);
  Vector out(n - 1);
  double sum = 0.0;
  for (Index k = 0; k < n - 1; ++k) out[k] = sum += interval(y, h, k, k % 2 == 0 && k != n - 2);
  return out;
}

// Checks of the public boundary; SciPy checks the order of x only where
// Simpson's rule is used (3 samples or more), and only x <= 0 steps (a NaN
// in x passes, and makes the results NaN).
void check_input(const Spacing& h, Index n) {
  check_not_empty("cumulative_simpson", n);
  check_x_length("cumulative_simpson", h, n);
  if (h.x == nullptr || n < 3) return;
  for (Index i = 0; i + 1 < n; ++i) {
    if (h(i) <= 0) {
      throw ValueError(cat("cumulative_simpson: x must be strictly increasing, but x[", i + 1, "] = ", (*h.x)[i + 1],
                           " follows x[", i, "] = ", (*h.x)[i]));
    }
  }
}

Vector cumulative_simpson_vector(const Vector& y, const Spacing& h, std::optional<double> initial) {
  check_input(h, y.size());
  return with_initial(cumulative_simpson_slice(y, h), initial);
}

}  // namespace
}  // namespace sample

using sample::Spacing;

Vector cumulative_simpson(const Vector& y, const Vector& x, std::optional<double> initial) {
  return sample::cumulative_simpson_vector(y, Spacing{&x}, initial);
}
Vector cumulative_simpson(const Vector& y, double dx, std::optional<double> initial) {
  return sample::cumulative_simpson_vector(y, Spacing{nullptr, dx}, initial);
}

namespace detail {

Matrix cumulative_simpson(const Eigen::Ref<const Matrix>& y, const Vector* x, double dx, int axis,
                          std::optional<double> initial) {
  axis = sample::normalized_axis("cumulative_simpson", axis);
  const Spacing h{x, dx};
  const Index n = sample::samples_along(y, axis);
  sample::check_input(h, n);
  return sample::accumulate_along(y, axis, initial ? n : n - 1, [&](const sample::Samples& s) {
    return sample::with_initial(sample::cumulative_simpson_slice(s, h), initial);
  });
}

}  // namespace detail
}  // namespace scilearn::integrate
