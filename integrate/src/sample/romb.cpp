// scipy.integrate.romb: Romberg integration of 2^k + 1 equally spaced samples.

#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/integrate/sample.hpp>
#include <utility>
#include <vector>

#include "sample/sample_support.hpp"

namespace scilearn::integrate {
namespace sample {
namespace {

// k with n = 2^k + 1. Throws ValueError for any other n.
int romberg_steps(Index n) {
  const Index intervals = n - 1;
  if (intervals < 1 || (intervals & (intervals - 1)) != 0) {
    throw ValueError(cat("romb: the number of samples must be 2^k + 1 (2, 3, 5, 9, ...), got ", n));
  }
  int k = 0;
  while ((Index{1} << k) < intervals) ++k;
  return k;
}

// Row i of Richardson's table: R(i, 0) the trapezoidal rule with 2^i
// intervals (from R(i-1, 0) and the new midpoints), R(i, j) = R(i, j-1) +
// (R(i, j-1) - R(i-1, j-1)) / (4^j - 1) (Romberg 1955), as in SciPy.
double romb_slice(const Samples& y, double dx, int k) {
  const Index intervals = y.size() - 1;
  double h = static_cast<double>(intervals) * dx;
  std::vector<double> previous{(y[0] + y[intervals]) / 2.0 * h};
  Index start = intervals;
  Index step = intervals;
  for (int i = 1; i <= k; ++i) {
    start >>= 1;
    double midpoints = 0.0;
    for (Index m = start; m < intervals; m += step) midpoints += y[m];
    step >>= 1;
    std::vector<double> row{0.5 * (previous[0] + h * midpoints)};
    for (int j = 1; j <= i; ++j) {
      const double before = row.back();
      row.push_back(before + (before - previous[j - 1]) / static_cast<double>((Index{1} << (2 * j)) - 1));
    }
    previous = std::move(row);
    h /= 2.0;
  }
  return previous.back();
}

}  // namespace
}  // namespace sample

double romb(const Vector& y, double dx) { return sample::romb_slice(y, dx, sample::romberg_steps(y.size())); }

namespace detail {

Vector romb(const Eigen::Ref<const Matrix>& y, double dx, int axis) {
  axis = sample::normalized_axis("romb", axis);
  const int k = sample::romberg_steps(sample::samples_along(y, axis));
  return sample::reduce_along(y, axis, [&](const sample::Samples& s) { return sample::romb_slice(s, dx, k); });
}

}  // namespace detail
}  // namespace scilearn::integrate
