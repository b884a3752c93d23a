// ksone, kstwo and kstwobign: the region choice of Simard and L'Ecuyer (2011)
// over the laws of kolmogorov_laws.cpp, Kolmogorov's limiting law, and the
// inversions.

#include <scilearn/stats/kolmogorov.hpp>

#include <algorithm>
#include <boost/math/tools/toms748_solve.hpp>
#include <cmath>
#include <cstdint>
#include <numbers>

#include "kolmogorov_laws.hpp"
#include "special_values.hpp"

namespace scilearn::stats {

using detail::kInf;
using detail::kNaN;

namespace {

constexpr double kPi = std::numbers::pi;

// The root of f, increasing, in [lo, hi] with f(lo) <= 0 <= f(hi), to a few
// ulps (TOMS 748: Alefeld, Potra and Shi 1995).
template <class F>
double increasing_root(F f, double lo, double hi) {
  const double f_lo = f(lo), f_hi = f(hi);
  if (f_lo >= 0) return lo;
  if (f_hi <= 0) return hi;
  std::uintmax_t iterations = 200;
  const auto bracket = boost::math::tools::toms748_solve(f, lo, hi, f_lo, f_hi,
                                                         boost::math::tools::eps_tolerance<double>(52), iterations);
  return bracket.first + (bracket.second - bracket.first) / 2;
}

// The quantile of a law on [lo, hi] from its cdf and sf: the probability
// that is the smaller of q and 1 - q is matched, so that tail quantiles keep
// their digits.
template <class Cdf, class Sf>
double quantile(double q, bool lower, Cdf cdf, Sf sf, double lo, double hi) {
  const double p_lower = lower ? q : 1 - q;  // the cdf's target
  if (p_lower <= 0.5) return increasing_root([&](double x) { return cdf(x) - p_lower; }, lo, hi);
  const double p_upper = lower ? 1 - q : q;
  return increasing_root([&](double x) { return p_upper - sf(x); }, lo, hi);
}

bool bad_probability(double q) { return !(q >= 0 && q <= 1); }

// Kolmogorov's limiting law at x > 0: cdf, sf and pdf together.
struct LimitValues {
  double cdf, sf, pdf;
};

LimitValues kolmogorov_limit(double x) {
  if (x <= 0) return {0, 1, 0};
  if (x <= 0.82) {
    // cdf = sqrt(2 pi) / x sum_k exp(-(2k - 1)^2 pi^2 / (8 x^2)), the first
    // term factored out so that it can be formed in logarithms.
    const double log_u = -kPi * kPi / (8 * x * x);
    const double lead = std::exp(std::log(std::sqrt(2 * kPi) / x) + log_u);
    double sum = 0, dsum = 0;
    for (int k = 4; k >= 1; --k) {  // (2k-1)^2 - 1 = 48 at k = 4: exp(48 log_u) < 1e-16 relative
      const double m2 = (2.0 * k - 1) * (2.0 * k - 1);
      const double e = std::exp(log_u * (m2 - 1));
      sum += e;
      dsum += (m2 * kPi * kPi / (4 * x * x) - 1) * e;
    }
    const double cdf = std::min(1.0, lead * sum);
    return {cdf, 1 - cdf, std::max(0.0, lead * dsum / x)};
  }
  // sf = 2 sum_k (-1)^(k-1) exp(-2 k^2 x^2); at x > 0.82 the fifth term is
  // below 1e-17 of the first.
  double sum = 0, dsum = 0;
  for (int k = 5; k >= 1; --k) {
    const double e = std::exp(-2.0 * k * k * x * x);
    const double sign = k % 2 == 1 ? 1.0 : -1.0;
    sum += sign * e;
    dsum += sign * k * k * e;
  }
  const double sf = std::clamp(2 * sum, 0.0, 1.0);
  return {1 - sf, sf, std::max(0.0, 8 * x * dsum)};
}

// kstwo's cdf (want_cdf) or sf at 0 < d < 1, n >= 1: Simard and L'Ecuyer's
// (2011) choice of method, region by region (see kolmogorov.hpp).
double kolmogorov_smirnov(Index n, double d, bool want_cdf) {
  auto pick = [&](double cdf, double sf) { return std::clamp(want_cdf ? cdf : sf, 0.0, 1.0); };
  const double fn = static_cast<double>(n);
  const double t = fn * d;
  if (t <= 1) {
    if (t <= 0.5) return pick(0, 1);
    // Ruben and Gambino (1982): P(D_n <= d) = n! / n^n (2t - 1)^n.
    double p = 1;
    if (n <= 140) {
      for (Index i = 1; i <= n; ++i) p *= static_cast<double>(i) / fn * (2 * t - 1);
    } else {
      p = std::exp(detail::log_factorial_over_power(n) + fn * std::log(2 * t - 1));
    }
    return pick(p, 1 - p);
  }
  if (t >= fn - 1) {
    const double p = 2 * std::pow(1 - d, fn);  // Ruben and Gambino: P(D_n > d) = 2 (1 - d)^n
    return pick(1 - p, p);
  }
  if (d >= 0.5) {  // D_n^+ and D_n^- cannot both reach d: exactly twice the one-sided tail
    const double p = 2 * detail::smirnov(n, d, false);
    return pick(1 - p, p);
  }
  const double nd2 = t * d;
  if (n <= 140) {
    if (nd2 <= 0.754693) {
      const double p = detail::kolmogorov_durbin_cdf(n, d);
      return pick(p, 1 - p);
    }
    if (nd2 <= 4) {
      const double p = detail::kolmogorov_pomeranz_cdf(n, d);
      return pick(p, 1 - p);
    }
    const double p = 2 * detail::smirnov(n, d, false);
    return pick(1 - p, p);
  }
  if (!want_cdf) {
    if (nd2 >= 370) return 0;
    if (nd2 >= 2.2) return std::clamp(2 * detail::smirnov(n, d, false), 0.0, 1.0);
  }
  double p = 1;
  if (nd2 < 18) {
    p = n <= 100000 && fn * std::pow(d, 1.5) <= 1.4 ? detail::kolmogorov_durbin_cdf(n, d)
                                                     : detail::kolmogorov_pelz_good_cdf(n, d);
  }
  return pick(p, 1 - p);
}

}  // namespace

// ---- ksone ------------------------------------------------------------------

double SmirnovDistribution::sf(double d) const {
  if (n_ < 1 || std::isnan(d)) return kNaN;
  if (d <= 0) return 1;
  if (d >= 1) return 0;
  return std::clamp(detail::smirnov(n_, d, false), 0.0, 1.0);
}

double SmirnovDistribution::cdf(double d) const {
  if (n_ < 1 || std::isnan(d)) return kNaN;
  if (d <= 0) return 0;
  if (d >= 1) return 1;
  return std::clamp(detail::smirnov(n_, d, true), 0.0, 1.0);
}

double SmirnovDistribution::ppf(double q) const {
  if (n_ < 1 || bad_probability(q)) return kNaN;
  return quantile(q, true, [&](double x) { return cdf(x); }, [&](double x) { return sf(x); }, 0.0, 1.0);
}

double SmirnovDistribution::isf(double q) const {
  if (n_ < 1 || bad_probability(q)) return kNaN;
  return quantile(q, false, [&](double x) { return cdf(x); }, [&](double x) { return sf(x); }, 0.0, 1.0);
}

// ---- kstwo ------------------------------------------------------------------

double KolmogorovSmirnovDistribution::cdf(double d) const {
  if (n_ < 1 || std::isnan(d)) return kNaN;
  if (d <= 0) return 0;
  if (d >= 1) return 1;
  return kolmogorov_smirnov(n_, d, true);
}

double KolmogorovSmirnovDistribution::sf(double d) const {
  if (n_ < 1 || std::isnan(d)) return kNaN;
  if (d <= 0) return 1;
  if (d >= 1) return 0;
  return kolmogorov_smirnov(n_, d, false);
}

double KolmogorovSmirnovDistribution::ppf(double q) const {
  if (n_ < 1 || bad_probability(q)) return kNaN;
  const double fn = static_cast<double>(n_);
  if (q == 0) return 0.5 / fn;
  if (q == 1) return 1;
  // Below cdf(1/n) = n! / n^n Ruben and Gambino's form inverts in closed form.
  const double log_q = std::log(q), log_ratio = detail::log_factorial_over_power(n_);
  if (log_q <= log_ratio) return (1 + std::exp((log_q - log_ratio) / fn)) / (2 * fn);
  if (n_ > 1 && 1 - q <= 2 * std::pow(1 / fn, fn)) return -std::expm1(std::log((1 - q) / 2) / fn);
  return quantile(q, true, [&](double x) { return cdf(x); }, [&](double x) { return sf(x); }, 0.5 / fn, 1.0);
}

double KolmogorovSmirnovDistribution::isf(double q) const {
  if (n_ < 1 || bad_probability(q)) return kNaN;
  const double fn = static_cast<double>(n_);
  if (q == 0) return 1;
  if (q == 1) return 0.5 / fn;
  // Above 1 - 1/n: P(D_n > d) = 2 (1 - d)^n inverts in closed form.
  if (n_ > 1 && q <= 2 * std::pow(1 / fn, fn)) return -std::expm1(std::log(q / 2) / fn);
  const double log_p = std::log1p(-q), log_ratio = detail::log_factorial_over_power(n_);
  if (log_p <= log_ratio) return (1 + std::exp((log_p - log_ratio) / fn)) / (2 * fn);
  return quantile(q, false, [&](double x) { return cdf(x); }, [&](double x) { return sf(x); }, 0.5 / fn, 1.0);
}

// ---- kstwobign --------------------------------------------------------------

double KolmogorovDistribution::pdf(double x) const { return std::isnan(x) ? kNaN : kolmogorov_limit(x).pdf; }
double KolmogorovDistribution::cdf(double x) const { return std::isnan(x) ? kNaN : kolmogorov_limit(x).cdf; }
double KolmogorovDistribution::sf(double x) const { return std::isnan(x) ? kNaN : kolmogorov_limit(x).sf; }

double KolmogorovDistribution::ppf(double q) const {
  if (bad_probability(q)) return kNaN;
  if (q == 0) return 0;
  if (q == 1) return kInf;
  // cdf(0.03) < 1e-300 and sf(20) = 0 in doubles: the bracket holds every root.
  return quantile(q, true, [](double x) { return kolmogorov_limit(x).cdf; },
                  [](double x) { return kolmogorov_limit(x).sf; }, 0.03, 20.0);
}

double KolmogorovDistribution::isf(double q) const {
  if (bad_probability(q)) return kNaN;
  if (q == 0) return kInf;
  if (q == 1) return 0;
  return quantile(q, false, [](double x) { return kolmogorov_limit(x).cdf; },
                  [](double x) { return kolmogorov_limit(x).sf; }, 0.03, 20.0);
}

}  // namespace scilearn::stats
