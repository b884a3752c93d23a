#include <scilearn/stats/descriptive.hpp>

#include <cmath>
#include <limits>
#include <scilearn/core/validation.hpp>

namespace scilearn::stats {

namespace {

// Neumaier's compensated sum: the rounding error of every addition kept and
// added back at the end.
template <class Terms>
double compensated_sum(Index n, Terms term) {
  double sum = 0, compensation = 0;
  for (Index i = 0; i < n; ++i) {
    const double x = term(i);
    const double t = sum + x;
    compensation += std::abs(sum) >= std::abs(x) ? (sum - t) + x : (x - t) + sum;
    sum = t;
  }
  return sum + compensation;
}

}  // namespace

double mean(const Vector& a) {
  check_non_empty("mean", "a", a);
  return compensated_sum(a.size(), [&](Index i) { return a(i); }) / static_cast<double>(a.size());
}

double var(const Vector& a, int ddof) {
  check_non_empty("var", "a", a);
  if (ddof < 0) throw ValueError(cat("var: ddof must be >= 0, got ", ddof));
  const Index n = a.size();
  if (n <= ddof) return std::numeric_limits<double>::quiet_NaN();
  const double m = mean(a);
  const double squares = compensated_sum(n, [&](Index i) { return (a(i) - m) * (a(i) - m); });
  const double deviations = compensated_sum(n, [&](Index i) { return a(i) - m; });
  return (squares - deviations * deviations / static_cast<double>(n)) / static_cast<double>(n - ddof);
}

double std_dev(const Vector& a, int ddof) { return std::sqrt(var(a, ddof)); }

double lag_autocorrelation(const Vector& a, Index lag) {
  check_non_empty("lag_autocorrelation", "a", a);
  const Index n = a.size();
  if (lag < 0 || lag >= n) throw ValueError(cat("lag_autocorrelation: lag must be in [0, ", n, "), got ", lag));
  const double m = mean(a);
  const double numerator = compensated_sum(n - lag, [&](Index i) { return (a(i) - m) * (a(i + lag) - m); });
  const double denominator = compensated_sum(n, [&](Index i) { return (a(i) - m) * (a(i) - m); });
  return numerator / denominator;
}

namespace {

// f applied to each sample (column or row) of a.
template <class F>
Vector along(const char* where, const Matrix& a, Axis axis, F f) {
  check_non_empty(where, "a", a);
  const bool columns = axis == Axis::columns;
  Vector out(columns ? a.cols() : a.rows());
  for (Index k = 0; k < out.size(); ++k) out(k) = f(columns ? Vector(a.col(k)) : Vector(a.row(k).transpose()));
  return out;
}

}  // namespace

Vector mean(const Matrix& a, Axis axis) {
  return along("mean", a, axis, [](const Vector& v) { return mean(v); });
}

Vector var(const Matrix& a, Axis axis, int ddof) {
  return along("var", a, axis, [ddof](const Vector& v) { return var(v, ddof); });
}

Vector std_dev(const Matrix& a, Axis axis, int ddof) { return var(a, axis, ddof).cwiseSqrt(); }

}  // namespace scilearn::stats
