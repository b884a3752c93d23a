#include <scilearn/stats/ks_tests.hpp>

#include <algorithm>
#include <boost/math/special_functions/binomial.hpp>
#include <cmath>
#include <numeric>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/stats/kolmogorov.hpp>
#include <vector>

#include "distribution_support.hpp"
#include "test_support.hpp"

namespace scilearn::stats {

using detail::kInf;
using detail::kNaN;

namespace {

namespace bm = boost::math;

// binom(n, k) in floating point; inf past the double range.
double binom(Index n, Index k) {
  if (k < 0 || k > n) return 0.0;
  return bm::binomial_coefficient<double>(static_cast<unsigned>(n), static_cast<unsigned>(k), detail::ExtendedPolicy());
}

// P(D_{n,n} >= h / n) for two samples of size n: the reflection principle's
// alternating sum 2 (C(2n, n-h) - C(2n, n-2h) + ...) / C(2n, n), each term
// divided by C(2n, n) and nested (Horner) so that nothing cancels.
double prob_outside_square(Index n, Index h) {
  double p = 0;
  for (Index k = n / h; k >= 0; --k) {
    double term = 1;
    for (Index j = 0; j < h; ++j) {
      term = static_cast<double>(n - k * h - j) * term / static_cast<double>(n + k * h + j + 1);
    }
    p = term * (1 - p);
  }
  return 2 * p;
}

// P(max |F1 - F2| >= h / lcm) for sizes m >= n with gcd g: with P(i, j) the
// probability that a uniform lattice path from (0, 0) to (i, j) has left the
// band |(n/g) i - (m/g) j| < h, P = 1 outside the band and inside
//   P(i, j) = (i P(i - 1, j) + j P(i, j - 1)) / (i + j)
// (the last step was along x with probability i / (i + j)).
double prob_outside_band(Index m, Index n, Index g, Index h) {
  if (m < n) std::swap(m, n);
  const Index mg = m / g, ng = n / g;
  auto outside = [&](Index i, Index j) { return std::abs(ng * i - mg * j) >= h; };
  std::vector<double> column(static_cast<std::size_t>(n + 1));
  for (Index j = 0; j <= n; ++j) column[static_cast<std::size_t>(j)] = outside(0, j) ? 1.0 : 0.0;
  for (Index i = 1; i <= m; ++i) {
    for (Index j = 0; j <= n; ++j) {
      double& cell = column[static_cast<std::size_t>(j)];
      if (outside(i, j)) {
        cell = 1.0;
      } else {
        const double below = j == 0 ? 0.0 : column[static_cast<std::size_t>(j - 1)];
        const double fi = static_cast<double>(i), fj = static_cast<double>(j);
        cell = (cell * fi + below * fj) / (fi + fj);
      }
    }
  }
  return column[static_cast<std::size_t>(n)];
}

// The number of lattice paths from (0, 0) to (m, n) that reach
// (n/g) x - (m/g) y >= h (Hodges 1958 after Drion, Gnedenko and Korolyuk):
// B_j, the paths to the j-th first crossing point x_j that did not cross
// before, by inclusion-exclusion, times the paths from there to the end.
double count_paths_outside(Index m, Index n, Index g, Index h) {
  if (m < n) std::swap(m, n);
  const Index mg = m / g, ng = n / g;
  const Index count = n + (mg - h) / mg;
  if (count <= 0) return binom(m + n, n);
  std::vector<Index> x(static_cast<std::size_t>(count));
  for (Index j = 0; j < count; ++j) x[static_cast<std::size_t>(j)] = (h + mg * j + ng - 1) / ng;
  std::vector<double> b(static_cast<std::size_t>(count), 0.0);
  b[0] = 1;
  for (Index j = 1; j < count; ++j) {
    const Index xj = x[static_cast<std::size_t>(j)];
    double bj = binom(xj + j, j);
    for (Index i = 0; i < j; ++i) {
      bj -= binom(xj - x[static_cast<std::size_t>(i)] + j - i, j - i) * b[static_cast<std::size_t>(i)];
    }
    b[static_cast<std::size_t>(j)] = bj;
  }
  double paths = 0;
  for (Index j = 0; j < count; ++j) {
    paths += b[static_cast<std::size_t>(j)] * binom(m - x[static_cast<std::size_t>(j)] + n - j, n - j);
  }
  return paths;
}

// The exact p-value for h = round(d lcm); false when the sums broke down.
bool exact_pvalue(Index n1, Index n2, Index g, Index h, Alternative alternative, double& p) {
  if (h == 0) {
    p = 1.0;
    return true;
  }
  if (alternative == Alternative::two_sided) {
    p = n1 == n2 ? prob_outside_square(n1, h) : prob_outside_band(n1, n2, g, h);
  } else if (n1 == n2) {
    // C(2n, n - h) / C(2n, n) as a product.
    p = 1;
    for (Index j = 0; j < h; ++j) p *= static_cast<double>(n1 - j) / static_cast<double>(n1 + j + 1);
  } else {
    const double paths = count_paths_outside(n1, n2, g, h);
    const double all = binom(n1 + n2, n1);
    if (!std::isfinite(paths) || !std::isfinite(all) || paths > all) return false;
    p = paths / all;
  }
  return std::isfinite(p) && p >= 0 && p <= 1;
}

}  // namespace

KstestResult ks_2samp(const Vector& data1, const Vector& data2, Alternative alternative, KsMethod method) {
  const Index n1 = data1.size(), n2 = data2.size();
  if (n1 == 0 || n2 == 0) throw ValueError("ks_2samp: the samples must not be empty");
  if (method == KsMethod::approximate) {
    throw ValueError("ks_2samp: method must be automatic, exact or asymptotic ('approx' is ks_1samp's)");
  }
  if (data1.array().isNaN().any() || data2.array().isNaN().any()) return {kNaN, kNaN, kNaN, 0};
  std::vector<double> a(data1.data(), data1.data() + n1), b(data2.data(), data2.data() + n2);
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  // F1 - F2 at every pooled value (right-continuous ecdfs), SciPy's order:
  // the first sample's values, then the second's; the first extreme wins.
  const double f1 = static_cast<double>(n1), f2 = static_cast<double>(n2);
  double max_diff = 0, min_diff = 0, max_at = 0, min_at = 0;
  bool first = true;
  for (const std::vector<double>* sample : {&a, &b}) {
    for (const double v : *sample) {
      const auto c1 = std::upper_bound(a.begin(), a.end(), v) - a.begin();
      const auto c2 = std::upper_bound(b.begin(), b.end(), v) - b.begin();
      const double diff = static_cast<double>(c1) / f1 - static_cast<double>(c2) / f2;
      if (first || diff > max_diff) max_diff = diff, max_at = v;
      if (first || diff < min_diff) min_diff = diff, min_at = v;
      first = false;
    }
  }
  const double min_s = std::clamp(-min_diff, 0.0, 1.0);
  KstestResult r{max_diff, kNaN, max_at, 1};
  if (alternative == Alternative::less || (alternative == Alternative::two_sided && min_s > max_diff)) {
    r = {min_s, kNaN, min_at, -1};
  }
  const Index g = std::gcd(n1, n2);
  if (method == KsMethod::automatic) {
    method = std::max(n1, n2) <= 10000 ? KsMethod::exact : KsMethod::asymptotic;
  } else if (method == KsMethod::exact &&
             static_cast<double>(n1 / g) >= static_cast<double>(std::numeric_limits<std::int32_t>::max()) /
                                                 static_cast<double>(n2 / g)) {
    warn(WarningCategory::runtime, cat("ks_2samp: the exact calculation is not possible with sample sizes ", n1,
                                       " and ", n2, "; switching to the asymptotic method"));
    method = KsMethod::asymptotic;
  }
  if (method == KsMethod::exact) {
    const Index lcm = (n1 / g) * n2;
    const auto h = static_cast<Index>(std::nearbyint(r.statistic * static_cast<double>(lcm)));
    r.statistic = static_cast<double>(h) / static_cast<double>(lcm);
    double p = kNaN;
    if (exact_pvalue(n1, n2, g, h, alternative, p)) {
      r.pvalue = std::clamp(p, 0.0, 1.0);
      return r;
    }
    warn(WarningCategory::runtime, "ks_2samp: the exact calculation was unsuccessful; switching to the asymptotic method");
  }
  const double m = std::max(f1, f2), n = std::min(f1, f2);
  const double effective_n = m * n / (m + n);
  if (alternative == Alternative::two_sided) {
    // SciPy: the one-sample law for the effective size, rounded half to even
    // (numpy.round); 0 (one value in each sample) gives NaN there and here.
    r.pvalue = kstwo(static_cast<Index>(std::nearbyint(effective_n))).sf(r.statistic);
    return r;
  }
  // Hodges (1958) eq. 5.3, with m the larger size.
  const double z = std::sqrt(effective_n) * r.statistic;
  r.pvalue = std::clamp(std::exp(-2 * z * z - 2 * z * (m + 2 * n) / std::sqrt(m * n * (m + n)) / 3.0), 0.0, 1.0);
  return r;
}

KstestResult ks_1samp(const Vector& x, const std::function<double(double)>& cdf, Alternative alternative,
                      KsMethod method) {
  const Index n = x.size();
  if (n == 0) {
    detail::warn_too_small("ks_1samp");
    return {kNaN, kNaN, kNaN, 0};
  }
  if (x.array().isNaN().any()) return {kNaN, kNaN, kNaN, 0};
  std::vector<double> sorted(x.data(), x.data() + n);
  std::sort(sorted.begin(), sorted.end());
  const double fn = static_cast<double>(n);
  // D+ = max (i/n - F(x(i))) and D- = max (F(x(i)) - (i-1)/n), i = 1..n; the
  // first maximum wins, as numpy.argmax.
  double d_plus = -kInf, d_minus = -kInf, plus_at = kNaN, minus_at = kNaN;
  for (Index i = 0; i < n; ++i) {
    const double v = sorted[static_cast<std::size_t>(i)], f = cdf(v);
    const double above = static_cast<double>(i + 1) / fn - f, below = f - static_cast<double>(i) / fn;
    if (above > d_plus) d_plus = above, plus_at = v;
    if (below > d_minus) d_minus = below, minus_at = v;
  }
  const SmirnovDistribution one_sided(n);
  if (alternative == Alternative::greater) return {d_plus, one_sided.sf(d_plus), plus_at, 1};
  if (alternative == Alternative::less) return {d_minus, one_sided.sf(d_minus), minus_at, -1};
  KstestResult r = d_plus > d_minus ? KstestResult{d_plus, kNaN, plus_at, 1} : KstestResult{d_minus, kNaN, minus_at, -1};
  switch (method) {
    case KsMethod::automatic:
    case KsMethod::exact: r.pvalue = kstwo(n).sf(r.statistic); break;
    case KsMethod::asymptotic: r.pvalue = kstwobign().sf(r.statistic * std::sqrt(fn)); break;
    case KsMethod::approximate: r.pvalue = 2 * one_sided.sf(r.statistic); break;
  }
  r.pvalue = std::clamp(r.pvalue, 0.0, 1.0);
  return r;
}

KstestResult ks_1samp(const Vector& x, const ContinuousDistribution& dist, Alternative alternative, KsMethod method) {
  return ks_1samp(x, [&dist](double v) { return dist.cdf(v); }, alternative, method);
}

}  // namespace scilearn::stats
