// scipy.integrate.simpson (SciPy >= 1.11: no `even`, Cartwright's correction
// on the last interval of an even number of samples).

#include <scilearn/core/errors.hpp>
#include <scilearn/integrate/sample.hpp>

#include "sample/sample_support.hpp"

namespace scilearn::integrate {
namespace sample {
namespace {

// numerator / denominator, or 0 where the denominator is 0: SciPy's
// true_divide(..., out=zeros, where=den != 0), which keeps repeated x from
// producing Inf.
double guarded(double numerator, double denominator) { return denominator != 0 ? numerator / denominator : 0.0; }

// Simpson's rule on the pairs of intervals starting at 0, 2, ..., < stop
// (SciPy's _basic_simpson(y, 0, stop)). Equal spacing: dx / 3 (y0 + 4 y1 + y2)
// summed; unequal: the integral of the parabola through each three points.
double basic_simpson(const Samples& y, Index stop, const Spacing& h) {
  double sum = 0.0;
  if (h.x == nullptr) {
    for (Index i = 0; i < stop; i += 2) sum += y[i] + 4.0 * y[i + 1] + y[i + 2];
    return sum * (h.dx / 3.0);
  }
  for (Index i = 0; i < stop; i += 2) {
    const double h0 = h(i);
    const double h1 = h(i + 1);
    const double hsum = h0 + h1;
    const double hprod = h0 * h1;
    const double h0_h1 = guarded(h0, h1);
    sum += hsum / 6.0 *
           (y[i] * (2.0 - guarded(1.0, h0_h1)) + y[i + 1] * (hsum * guarded(hsum, hprod)) + y[i + 2] * (2.0 - h0_h1));
  }
  return sum;
}

double simpson_slice(const Samples& y, const Spacing& h) {
  const Index n = y.size();
  if (n % 2 == 1) return basic_simpson(y, n - 2, h);
  if (n == 2) return 0.0 + 0.5 * h(0) * (y[1] + y[0]);
  // Simpson on the first n - 1 samples, then the last interval's share of the
  // parabola through the last three samples (Cartwright 2017, eq. 8):
  // alpha y[n-1] + beta y[n-2] - eta y[n-3], with h0, h1 the last two widths.
  const double h0 = h(n - 3);
  const double h1 = h(n - 2);
  const double alpha = guarded(2 * h1 * h1 + 3 * h0 * h1, 6 * (h1 + h0));
  const double beta = guarded(h1 * h1 + 3.0 * h0 * h1, 6 * h0);
  const double eta = guarded(h1 * h1 * h1, 6 * h0 * (h0 + h1));
  return basic_simpson(y, n - 3, h) + (alpha * y[n - 1] + beta * y[n - 2] - eta * y[n - 3]);
}

double simpson_vector(const Vector& y, const Spacing& h) {
  check_not_empty("simpson", y.size());
  check_x_length("simpson", h, y.size());
  return simpson_slice(y, h);
}

}  // namespace
}  // namespace sample

using sample::Spacing;

double simpson(const Vector& y, const Vector& x) { return sample::simpson_vector(y, Spacing{&x}); }
double simpson(const Vector& y, double dx) { return sample::simpson_vector(y, Spacing{nullptr, dx}); }

namespace detail {

Vector simpson(const Eigen::Ref<const Matrix>& y, const Vector* x, double dx, int axis) {
  axis = sample::normalized_axis("simpson", axis);
  const Spacing h{x, dx};
  const Index n = sample::samples_along(y, axis);
  sample::check_not_empty("simpson", n);
  sample::check_x_length("simpson", h, n);
  return sample::reduce_along(y, axis, [&](const sample::Samples& s) { return sample::simpson_slice(s, h); });
}

}  // namespace detail
}  // namespace scilearn::integrate
