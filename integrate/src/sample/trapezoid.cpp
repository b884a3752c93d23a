// scipy.integrate.trapezoid and cumulative_trapezoid.

#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/integrate/sample.hpp>

#include "sample/sample_support.hpp"

namespace scilearn::integrate {
namespace sample {
namespace {

// The area of the trapezoid over interval i, in SciPy's order of operations:
// d * (y[i+1] + y[i]) / 2.
double panel(const Samples& y, const Spacing& h, Index i) { return h(i) * (y[i + 1] + y[i]) / 2.0; }

double trapezoid_slice(const Samples& y, const Spacing& h) {
  double sum = 0.0;
  for (Index i = 0; i + 1 < y.size(); ++i) sum += panel(y, h, i);
  return sum;
}

// SciPy 1.17 accepts only None or 0 for cumulative_trapezoid's initial.
void check_initial(std::optional<double> initial) {
  if (initial && *initial != 0) {
    throw ValueError(cat("cumulative_trapezoid: initial must be unset or 0, got ", *initial,
                         " (SciPy 1.17 no longer takes other values)"));
  }
}

double trapezoid_vector(const Vector& y, const Spacing& h) {
  check_x_length("trapezoid", h, y.size());
  return trapezoid_slice(y, h);
}

Vector cumulative_trapezoid_vector(const Vector& y, const Spacing& h, std::optional<double> initial) {
  check_not_empty("cumulative_trapezoid", y.size());
  check_x_length("cumulative_trapezoid", h, y.size());
  check_initial(initial);
  return with_initial(cumulative_trapezoid_slice(y, h), initial);
}

}  // namespace

Vector cumulative_trapezoid_slice(const Samples& y, const Spacing& h) {
  Vector out(y.size() - 1);
  double sum = 0.0;
  for (Index i = 0; i + 1 < y.size(); ++i) out[i] = sum += panel(y, h, i);
  return out;
}

}  // namespace sample

using sample::Spacing;

double trapezoid(const Vector& y, const Vector& x) { return sample::trapezoid_vector(y, Spacing{&x}); }
double trapezoid(const Vector& y, double dx) { return sample::trapezoid_vector(y, Spacing{nullptr, dx}); }

Vector cumulative_trapezoid(const Vector& y, const Vector& x, std::optional<double> initial) {
  return sample::cumulative_trapezoid_vector(y, Spacing{&x}, initial);
}
Vector cumulative_trapezoid(const Vector& y, double dx, std::optional<double> initial) {
  return sample::cumulative_trapezoid_vector(y, Spacing{nullptr, dx}, initial);
}

namespace detail {

Vector trapezoid(const Eigen::Ref<const Matrix>& y, const Vector* x, double dx, int axis) {
  axis = sample::normalized_axis("trapezoid", axis);
  const Spacing h{x, dx};
  sample::check_x_length("trapezoid", h, sample::samples_along(y, axis));
  return sample::reduce_along(y, axis, [&](const sample::Samples& s) { return sample::trapezoid_slice(s, h); });
}

Matrix cumulative_trapezoid(const Eigen::Ref<const Matrix>& y, const Vector* x, double dx, int axis,
                            std::optional<double> initial) {
  axis = sample::normalized_axis("cumulative_trapezoid", axis);
  const Spacing h{x, dx};
  const Index n = sample::samples_along(y, axis);
  sample::check_not_empty("cumulative_trapezoid", n);
  sample::check_x_length("cumulative_trapezoid", h, n);
  sample::check_initial(initial);
  return sample::accumulate_along(y, axis, initial ? n : n - 1, [&](const sample::Samples& s) {
    return sample::with_initial(sample::cumulative_trapezoid_slice(s, h), initial);
  });
}

}  // namespace detail
}  // namespace scilearn::integrate
