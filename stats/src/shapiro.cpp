// The Shapiro-Wilk test by Royston's AS R94 (Applied Statistics 44, 1995).

#include <scilearn/stats/normality_tests.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <scilearn/core/format.hpp>
#include <scilearn/core/warnings.hpp>
#include <vector>

#include "test_support.hpp"

namespace scilearn::stats {

using detail::kNaN;

namespace {

// c[0] + c[1] x + c[2] x^2 + ...
template <std::size_t N>
double poly(const double (&c)[N], double x) {
  double r = 0;
  for (std::size_t i = N; i-- > 0;) r = r * x + c[i];
  return r;
}

// The normal quantile by AS 111 (Beasley and Springer 1977), which AS R94
// uses for its normal scores; its ~1e-7 error is part of Royston's
// approximation of the coefficients (an exact quantile would move W by up to
// ~1e-7 and p, through log(1 - W), by up to ~1e-5).
double ppnd(double p) {
  const double q = p - 0.5;
  if (std::abs(q) <= 0.42) {
    const double r = q * q;
    return q * (((-25.44106049637 * r + 41.39119773534) * r - 18.61500062529) * r + 2.50662823884) /
           ((((3.13082909833 * r - 21.06224101826) * r + 23.08336743743) * r - 8.47351093090) * r + 1.0);
  }
  double r = q > 0 ? 1 - p : p;
  if (!(r > 0)) return 0;
  r = std::sqrt(-std::log(r));
  const double v = (((2.32121276858 * r + 4.85014127135) * r - 2.29796479134) * r - 2.78718931138) /
                   ((1.63706781897 * r + 3.54388924762) * r + 1.0);
  return q < 0 ? -v : v;
}

// Royston's coefficients a_1 > a_2 > ... > a_{n/2} > 0 (the weights of the
// upper half of the order statistics; the lower half takes -a): the two
// largest by polynomials in 1 / sqrt(n) (R94 eqs.), the rest m_i / sqrt of
// the remaining sum of squares, so that sum a_i^2 = 1/2.
std::vector<double> coefficients(Index n) {
  const Index half = n / 2;
  std::vector<double> a(static_cast<std::size_t>(half));
  if (n == 3) {
    a[0] = std::numbers::sqrt2 / 2;
    return a;
  }
  static constexpr double c1[] = {0.0, 0.221157, -0.147981, -2.07119, 4.434685, -2.706056};
  static constexpr double c2[] = {0.0, 0.042981, -0.293762, -1.752461, 5.682633, -3.582633};
  const double fn = static_cast<double>(n);
  double summ2 = 0;
  for (Index i = 0; i < half; ++i) {
    const double m = ppnd((static_cast<double>(i) + 1 - 0.375) / (fn + 0.25));  // negative: the lower scores
    a[static_cast<std::size_t>(i)] = m;
    summ2 += m * m;
  }
  summ2 *= 2;
  const double ssumm2 = std::sqrt(summ2), rsn = 1 / std::sqrt(fn);
  const double a1 = poly(c1, rsn) - a[0] / ssumm2;
  Index first = 1;
  double fac = 0;
  if (n > 5) {
    first = 2;
    const double a2 = -a[1] / ssumm2 + poly(c2, rsn);
    fac = std::sqrt((summ2 - 2 * a[0] * a[0] - 2 * a[1] * a[1]) / (1 - 2 * a1 * a1 - 2 * a2 * a2));
    a[1] = a2;
  } else {
    fac = std::sqrt((summ2 - 2 * a[0] * a[0]) / (1 - 2 * a1 * a1));
  }
  a[0] = a1;
  for (Index i = first; i < half; ++i) a[static_cast<std::size_t>(i)] /= -fac;
  return a;
}

}  // namespace

NormalityTestResult shapiro(const Vector& x) {
  const Index n = x.size();
  if (n < 3) {
    detail::warn_too_small("shapiro");
    return {kNaN, kNaN};
  }
  if (x.array().isNaN().any()) return {kNaN, kNaN};
  std::vector<double> y(x.data(), x.data() + n);
  std::sort(y.begin(), y.end());
  const double middle = x(n / 2);  // SciPy (gh-15777): a value near the median, taken from the unsorted input
  for (double& v : y) v -= middle;
  if (n > 5000) {
    warn(WarningCategory::user,
         cat("shapiro: for n > 5000 the computed p-value may not be accurate; n is ", n));
  }
  const double range = y.back() - y.front();
  if (range < 1e-19) {
    warn(WarningCategory::user, "shapiro: the input data have range zero; the results may not be accurate");
    return {1.0, 1.0};
  }
  const std::vector<double> a = coefficients(n);
  // W as a squared correlation between the coefficients (antisymmetric:
  // -a_i at the i-th lowest value, +a_i at the i-th highest) and the data
  // scaled by their range, formed as 1 - (1 - r^2) = 1 - w1 so that w1,
  // on which the p-value rests, keeps its digits.
  auto coefficient = [&](Index i) {
    const Index j = n - 1 - i;
    if (i == j) return 0.0;
    return i < j ? -a[static_cast<std::size_t>(i)] : a[static_cast<std::size_t>(j)];
  };
  double sa = 0, sx = 0;
  for (Index i = 0; i < n; ++i) {
    sa += coefficient(i);
    sx += y[static_cast<std::size_t>(i)] / range;
  }
  const double fn = static_cast<double>(n);
  sa /= fn, sx /= fn;
  double ssa = 0, ssx = 0, sax = 0;
  for (Index i = 0; i < n; ++i) {
    const double da = coefficient(i) - sa, dx = y[static_cast<std::size_t>(i)] / range - sx;
    ssa += da * da, ssx += dx * dx, sax += da * dx;
  }
  const double root = std::sqrt(ssa * ssx);
  const double w1 = (root - sax) * (root + sax) / (ssa * ssx);
  const double w = 1 - w1;
  if (n == 3) {
    // Exact (Shapiro and Wilk 1965): W >= 3/4, p = 1 - 6/pi acos(sqrt(W)).
    if (w < 0.75) return {0.75, 0.0};
    return {w, 1 - 6 / std::numbers::pi * std::acos(std::sqrt(w))};
  }
  // Royston's normalizing transformations of log(1 - W).
  double ly = std::log(w1), m = 0, s = 0;
  if (n <= 11) {
    static constexpr double g[] = {-2.273, 0.459}, c3[] = {0.544, -0.39978, 0.025054, -6.714e-4},
                            c4[] = {1.3822, -0.77857, 0.062767, -0.0020322};
    const double gamma = poly(g, fn);
    if (ly >= gamma) return {w, 1e-19};  // SciPy's floor (R94 has 1e-99)
    ly = -std::log(gamma - ly);
    m = poly(c3, fn);
    s = std::exp(poly(c4, fn));
  } else {
    static constexpr double c5[] = {-1.5861, -0.31082, -0.083751, 0.0038915}, c6[] = {-0.4803, -0.082676, 0.0030302};
    const double log_n = std::log(fn);
    m = poly(c5, log_n);
    s = std::exp(poly(c6, log_n));
  }
  return {w, detail::normal_pvalue((ly - m) / s, Alternative::greater)};
}

}  // namespace scilearn::stats
