// The finite-n laws of D_n^+ and D_n (see kolmogorov_laws.hpp).

#include "kolmogorov_laws.hpp"

#include <algorithm>
#include <boost/math/special_functions/beta.hpp>
#include <cmath>
#include <numbers>
#include <vector>

#include "distribution_support.hpp"

namespace scilearn::stats::detail {

namespace {

constexpr double kPi = std::numbers::pi;
// Intermediate results are kept between 2^-kScale and 2^kScale, the
// exponent carried apart, so that nothing over- or underflows on the way.
constexpr int kScale = 128;
const double kBig = std::ldexp(1.0, kScale), kSmall = std::ldexp(1.0, -kScale);

// p * n! / n^n with p < 2^kScale given as p * 2^exponent.
double times_factorial_over_power(double p, int exponent, Index n) {
  const double fn = static_cast<double>(n);
  for (Index i = 1; i <= n; ++i) {
    p = p * static_cast<double>(i) / fn;
    if (p != 0 && p < kSmall) p *= kBig, exponent -= kScale;
  }
  return std::ldexp(p, exponent);
}

// a * H for square matrices, with the result's scale folded into exponent.
void multiply_scaled(Matrix& a, const Matrix& h, int& exponent) {
  Matrix product = a * h;
  const double largest = product.cwiseAbs().maxCoeff();
  if (largest > kBig) product *= kSmall, exponent += kScale;
  a = std::move(product);
}

}  // namespace

Index floor_of_product(Index n, double d, double* frac) {
  const double fn = static_cast<double>(n);
  const double hi = fn * d, lo = std::fma(fn, d, -hi);  // n d = hi + lo exactly
  double whole = std::floor(hi), part = (hi - whole) + lo;
  if (part < 0) whole -= 1, part += 1;
  if (part >= 1) whole += 1, part -= 1;
  *frac = part;
  return static_cast<Index>(whole);
}

double log_factorial_over_power(Index n) {
  // log n! = (n + 1/2) log n - n + log sqrt(2 pi) + 1/(12 n) - 1/(360 n^3)
  // + 1/(1260 n^5) - 1/(1680 n^7) + ...; for n >= 10 the next term is
  // below 1e-17. Small n: the product.
  const double fn = static_cast<double>(n);
  if (n < 10) {
    double p = 1;
    for (Index i = 1; i <= n; ++i) p *= static_cast<double>(i) / fn;
    return std::log(p);
  }
  const double r = 1 / fn, r2 = r * r;
  const double series = r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 / 1680)));
  return 0.5 * std::log(fn) - fn + 0.5 * std::log(2 * kPi) + series;
}

double smirnov(Index n, double d, bool want_cdf) {
  auto pick = [&](double cdf, double sf) { return want_cdf ? cdf : sf; };
  if (n == 1) return pick(d, 1 - d);
  double frac = 0;
  const Index nd_floor = floor_of_product(n, d, &frac);
  const double fn = static_cast<double>(n);
  // d <= 1/n: the sum's other form has one term, P(D+ < d) = d (1 + d)^(n-1).
  if (nd_floor == 0 || (nd_floor == 1 && frac == 0)) {
    const double cdf = d * std::exp((fn - 1) * std::log1p(d));
    return pick(cdf, 1 - cdf);
  }
  // The tail is below exp(-2 n d^2), which is below the smallest subnormal
  // (2^-1075) here: 0, as SciPy.
  if (2 * fn * d * d > 745.13321910194110842) return pick(1, 0);
  // d >= 1 - 1/n: the sum's only non-zero term.
  if (nd_floor >= n - 1) {
    const double sf = std::pow(1 - d, fn);
    return pick(1 - sf, sf);
  }
  if (n > 1000000) {
    // Too many terms: Smirnov's tail approximation, as SciPy.
    const double log_p = -std::pow(6.0 * fn * d + 1, 2) / 18.0 / fn;
    return pick(-std::expm1(log_p), std::exp(log_p));
  }
  // Birnbaum and Tingey (1951): P(D+ >= d) = d sum_{j=0}^{J} C(n, j)
  // (1 - d - j/n)^(n-j) (d + j/n)^(j-1), J = floor(n (1 - d)). With
  // p_j = d + j/n the term is the binomial probability b(j; n, p_j) / p_j;
  // Boost's ibeta_derivative gives b(j; n, p) = ibeta_derivative(j + 1,
  // n - j + 1, p) / (n + 1) to a few ulps for any n, here in long double
  // so that p_j and 1 - p_j keep their digits. The terms rise to a peak
  // near p_j = 1/2 and fall after it; the sum stops once the rest is
  // certainly below the long double rounding level.
  using Long = long double;
  const Index last = n - nd_floor - (frac > 0 ? 1 : 0);
  Long sum = 0, previous = 0;
  for (Index j = 0; j <= last; ++j) {
    const Long p = static_cast<Long>(d) + static_cast<Long>(j) / static_cast<Long>(fn);
    if (!(p < 1)) break;
    const Long term = boost::math::ibeta_derivative(static_cast<Long>(j + 1), static_cast<Long>(n - j + 1), p,
                                                    Policy()) /
                      (static_cast<Long>(fn) + 1) / p;
    sum += term;
    if (term < previous && term * static_cast<Long>(last - j) < 1e-21L * sum) break;
    previous = term;
  }
  const double sf = static_cast<double>(static_cast<Long>(d) * sum);
  return pick(1 - sf, sf);
}

double kolmogorov_durbin_cdf(Index n, double d) {
  // d = (k - h) / n with k a positive integer and 0 <= h < 1; H is the
  // m x m matrix, m = 2k - 1, of Durbin (1968) eq. (2.4):
  // H(i, j) = 1 / (i - j + 1)! for i - j + 1 >= 0, with the first column
  // (1 - h^(i+1)) / (i+1)!, the last row (1 - h^(m-j)) / (m-j)! and the
  // corner (1 - 2 h^m + max(0, 2h - 1)^m) / m!. Then
  // P(D_n < d) = n! / n^n (H^n)(k, k) (1-based).
  double frac = 0;
  const Index nd_floor = floor_of_product(n, d, &frac);
  const Index k = nd_floor + (frac > 0 ? 1 : 0);
  const double h = frac > 0 ? 1 - frac : 0.0;
  const Index m = 2 * k - 1;
  std::vector<double> inverse_factorial(static_cast<std::size_t>(m + 1), 1.0);
  for (Index i = 1; i <= m; ++i) {
    inverse_factorial[static_cast<std::size_t>(i)] = inverse_factorial[static_cast<std::size_t>(i - 1)] / static_cast<double>(i);
  }
  auto inv_fact = [&](Index i) { return inverse_factorial[static_cast<std::size_t>(i)]; };
  Matrix hmat = Matrix::Zero(m, m);
  for (Index i = 0; i < m; ++i) {
    for (Index j = 0; j <= std::min(i + 1, m - 1); ++j) hmat(i, j) = inv_fact(i - j + 1);
  }
  for (Index i = 0; i < m; ++i) {
    hmat(i, 0) = (1 - std::pow(h, static_cast<double>(i + 1))) * inv_fact(i + 1);
    hmat(m - 1, i) = (1 - std::pow(h, static_cast<double>(m - i))) * inv_fact(m - i);
  }
  const double fm = static_cast<double>(m);
  hmat(m - 1, 0) = (1 - 2 * std::pow(h, fm) + std::pow(std::max(0.0, 2 * h - 1), fm)) * inv_fact(m);
  // H^n by repeated squaring.
  Matrix power = Matrix::Identity(m, m);
  int power_exponent = 0, h_exponent = 0;
  for (Index e = n;;) {
    if (e & 1) {
      power_exponent += h_exponent;
      multiply_scaled(power, hmat, power_exponent);
    }
    e >>= 1;
    if (e == 0) break;
    h_exponent *= 2;
    const Matrix square = hmat;
    multiply_scaled(hmat, square, h_exponent);
  }
  return times_factorial_over_power(power(k - 1, k - 1), power_exponent, n);
}

double kolmogorov_pomeranz_cdf(Index n, double d) {
  // With t = n d, D_n < d says that N(s), the number of n U_(i) in [0, s],
  // stays in floor(s - t) + 1 <= N(s) <= ceil(s + t) - 1 on [0, n]. The
  // bounds move at s = integer + f and s = integer + 1 - f (f = frac(t)),
  // so N need only be checked at 0, g, 1 - g, 1 + g, 2 - g, ..., n - g, n
  // (g = min(f, 1 - f)); between checks N grows by Poisson steps. Pomeranz
  // (1974): P(D_n < d) = n! V(n) after 2n + 1 steps of
  // V'(j) = sum_k V(k) (delta / n)^(j-k) / (j-k)! over the allowed j, delta the
  // distance between checks.
  double f = 0;
  const Index ell = floor_of_product(n, d, &f);
  const double g = std::min(f, 1 - f);
  const bool positive = f > 0, above_half = f > 0.5;
  // floor(o - f) and ceil(o + f) for the check points' offsets o = 0, g, 1-g
  // from their integer part, by cases so that no rounding can move them.
  struct Offset {
    Index floor_minus, ceil_plus;
  };
  const Offset zero{positive ? -1 : 0, positive ? 1 : 0};
  const Offset low{above_half ? -1 : 0, positive ? 1 : 0};
  const Offset high{positive ? 0 : 1, above_half ? 2 : 1};
  const Index steps = std::min(n, 2 * ell + 3) + 1;  // the largest jump between checks is 2 ell + 2
  auto weights = [&](double delta) {
    std::vector<double> w(static_cast<std::size_t>(steps));
    w[0] = 1;
    for (Index i = 1; i < steps; ++i) {
      w[static_cast<std::size_t>(i)] = w[static_cast<std::size_t>(i - 1)] * (delta / static_cast<double>(n)) / static_cast<double>(i);
    }
    return w;
  };
  const std::vector<double> w_g = weights(g), w_middle = weights(1 - 2 * g), w_2g = weights(2 * g);
  std::vector<double> v(static_cast<std::size_t>(n + 1), 0.0), next(v.size(), 0.0);
  v[0] = 1;
  Index lo = 0, hi = 0;
  int exponent = 0;
  auto step = [&](const std::vector<double>& w, Index base, const Offset& o) {
    const Index new_lo = std::max<Index>(0, base - ell + o.floor_minus + 1);
    const Index new_hi = std::min(n, base + ell + o.ceil_plus - 1);
    std::fill(next.begin(), next.end(), 0.0);
    double largest = 0;
    for (Index j = new_lo; j <= new_hi; ++j) {
      double s = 0;
      for (Index k = std::max(lo, j - steps + 1); k <= std::min(j, hi); ++k) {
        s += v[static_cast<std::size_t>(k)] * w[static_cast<std::size_t>(j - k)];
      }
      next[static_cast<std::size_t>(j)] = s;
      largest = std::max(largest, s);
    }
    if (largest > 0 && largest < kSmall) {
      for (double& x : next) x *= kBig;
      exponent -= kScale;
    }
    v.swap(next);
    lo = new_lo, hi = new_hi;
  };
  step(w_g, 0, low);
  step(w_middle, 0, high);
  for (Index b = 1; b < n; ++b) {
    step(w_2g, b, low);
    step(w_middle, b, high);
  }
  step(w_g, n, zero);
  if (hi < n || lo > n) return 0;
  // The weights carry delta / n for delta: the Poisson factors exp(-delta)
  // multiply to exp(-n), and conditioning on N(n) = n divides by
  // exp(-n) n^n / n!, so that P = n! V(n).
  double p = v[static_cast<std::size_t>(n)];
  for (Index i = 1; i <= n; ++i) {
    p *= static_cast<double>(i);
    if (p > kBig) p *= kSmall, exponent += kScale;
  }
  return std::ldexp(p, exponent);
}

double kolmogorov_pelz_good_cdf(Index n, double d) {
  // Pelz and Good (1976), as given by Simard and L'Ecuyer (2011) eq. (6):
  // P(D_n <= d) ~ K0(z) + K1(z) / sqrt(n) + K2(z) / n + K3(z) / n^(3/2),
  // z = sqrt(n) d, each K a sum over k of polynomials in z and
  // (k - 1/2)^2 pi^2 times exp(-(k - 1/2)^2 pi^2 / (2 z^2)), K2 and K3 with
  // second sums in k^2 pi^2 times exp(-k^2 pi^2 / (2 z^2)).
  const double fn = static_cast<double>(n);
  const double z = std::sqrt(fn) * d, z2 = z * z, z4 = z2 * z2, z6 = z4 * z2;
  const double log_q = -kPi * kPi / (8 * z2);
  if (log_q < -708) return 0;  // as SciPy: every term underflows
  const double pi2 = kPi * kPi, pi4 = pi2 * pi2, pi6 = pi4 * pi2;
  const auto terms = static_cast<Index>(std::ceil(16 * z / kPi));
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0, t2 = 0, t3 = 0;
  for (Index k = terms; k >= 1; --k) {  // smallest terms first
    const double m = 2.0 * static_cast<double>(k) - 1, m2 = m * m, m4 = m2 * m2, m6 = m4 * m2;
    const double e = std::exp(log_q * m2);  // exp(-(k - 1/2)^2 pi^2 / (2 z^2))
    s0 += e;
    s1 += (pi2 * m2 / 4 - z2) * e;
    s2 += (6 * z6 + 2 * z4 + pi2 * (2 * z4 - 5 * z2) * m2 / 4 + pi4 * (1 - 2 * z2) * m4 / 16) * e;
    s3 += (-30 * z6 - 90 * z6 * z2 + pi2 * (135 * z4 - 96 * z6) * m2 / 4 + pi4 * (212 * z4 - 60 * z2) * m4 / 16 +
           pi6 * (5 - 30 * z2) * m6 / 64) *
          e;
    const double fk = static_cast<double>(k), k2 = fk * fk;
    const double e2 = std::exp(-pi2 * k2 / (2 * z2));
    t2 += k2 * e2;
    t3 += (3 * z2 - pi2 * k2) * k2 * e2;
  }
  const double root_2pi = std::sqrt(2 * kPi);
  const double k0 = root_2pi / z * s0;
  const double k1 = root_2pi / (6 * z4) * s1;
  const double k2 = root_2pi / (72 * z6 * z) * s2 - pi2 * root_2pi / (36 * z2 * z) * t2;
  const double k3 = root_2pi / (6480 * z6 * z4) * s3 + pi2 * root_2pi / (216 * z6) * t3;
  const double root_n = std::sqrt(fn);
  return k0 + k1 / root_n + k2 / fn + k3 / (fn * root_n);
}

}  // namespace scilearn::stats::detail
