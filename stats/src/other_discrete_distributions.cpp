// The formulas of betabinom and zipf at loc 0; DiscreteDistribution
// (discrete_distributions.cpp) does the rest.

#include <scilearn/stats/other_discrete_distributions.hpp>

#include <boost/math/special_functions/bernoulli.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/special_functions/zeta.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "distribution_support.hpp"
#include "summation.hpp"

namespace scilearn::stats {

namespace {

namespace bm = boost::math;
using detail::kInf;
using detail::kNaN;
using detail::log1mexp;
using detail::Policy;
constexpr double kMinNormal = std::numeric_limits<double>::min();
constexpr double kMax = std::numeric_limits<double>::max();

bool is_integer(double v) { return std::isfinite(v) && v == std::floor(v); }
bool positive_finite(double v) { return v > 0 && std::isfinite(v); }  // false for NaN

// B(x, y) from Boost (a few ulps) and its logarithm: log of it while it is a
// normal double, else the lgamma sum (absolute error eps times the terms).
double beta_function(double x, double y) { return bm::beta(x, y, Policy()); }
double log_beta(double x, double y) {
  const double v = beta_function(x, y);
  if (v >= kMinNormal && std::isfinite(v)) return std::log(v);
  return bm::lgamma(x, Policy()) + bm::lgamma(y, Policy()) - bm::lgamma(x + y, Policy());
}

// log of a standard gamma(a) variate; for a < 1 Marsaglia & Tsang's boost
// G(a + 1) U^(1/a) in logs, since U^(1/a) underflows for small a (a = 1e-3:
// half the time).
double log_gamma_variate(double a, Generator& rng) {
  if (a >= 1) return std::log(Gamma::standard_gamma(a, rng));
  return std::log(Gamma::standard_gamma(a + 1, rng)) + std::log(detail::open_uniform(rng)) / a;
}
}  // namespace

// ---- betabinom --------------------------------------------------------------

BetaBinomial::BetaBinomial(double n, double a, double b, double loc)
    : DiscreteDistribution(loc, is_integer(n) && n >= 0 && positive_finite(a) && positive_finite(b)),
      n_(n),
      a_(a),
      b_(b) {}
Interval BetaBinomial::std_support() const { return {0.0, n_}; }
// C(n, k) = 1 / ((n + 1) B(n - k + 1, k + 1)). The quotient of Boost's beta
// values where they are normal doubles, else exp of the log form.
double BetaBinomial::std_pmf(double k) const {
  const double top = beta_function(k + a_, n_ - k + b_), bottom = beta_function(a_, b_);
  const double choose = beta_function(n_ - k + 1, k + 1);
  if (std::min({top, bottom, choose}) >= kMinNormal && std::isfinite(bottom)) return top / choose / bottom / (n_ + 1);
  return std::exp(log_pmf_formula(k));
}
double BetaBinomial::log_pmf_formula(double k) const {
  return -std::log(n_ + 1) - log_beta(n_ - k + 1, k + 1) + log_beta(k + a_, n_ - k + b_) - log_beta(a_, b_);
}
double BetaBinomial::std_logpmf(double k) const {
  const double p = std_pmf(k);
  return p >= kMinNormal ? std::log(p) : log_pmf_formula(k);
}
// log sum of pmf(j) over j <= k (or j > k for upper), as log pmf(j0) plus the
// log of the sum of pmf(j) / pmf(j0) from the ratio recurrence
// pmf(j + 1) / pmf(j) = (n - j)(j + a) / ((j + 1)(n - j - 1 + b)), j0 the
// term next to k, compensated. Each step adds a few ulps of relative error.
// With a, b >= 1 the pmf is log-concave (the ratio falls with j), so once the
// terms shrink geometrically by f the rest is below term f / (1 - f) and the
// sum stops at 1e-17 of its value; otherwise every term is added.
double BetaBinomial::log_tail(double k, bool upper) const {
  const bool log_concave = a_ >= 1 && b_ >= 1;
  detail::CompensatedSum sum;
  double term = 1;
  sum.add(term);
  if (upper) {
    for (double j = k + 1; j < n_; ++j) {
      const double f = (n_ - j) * (j + a_) / ((j + 1) * (n_ - j - 1 + b_));
      term *= f;
      sum.add(term);
      if (log_concave && f < 1 && term * f / (1 - f) < 1e-17 * sum.value()) break;
    }
    return std_logpmf(k + 1) + std::log(sum.value());
  }
  for (double j = k; j > 0; --j) {
    const double f = j * (n_ - j + b_) / ((n_ - j + 1) * (j - 1 + a_));  // pmf(j - 1) / pmf(j)
    term *= f;
    sum.add(term);
    if (log_concave && f < 1 && term * f / (1 - f) < 1e-17 * sum.value()) break;
  }
  return std_logpmf(k) + std::log(sum.value());
}
// The sum from the nearer end: below the mean the lower tail, above it the
// upper one, the other probability as its complement (at least about 1/2).
double BetaBinomial::std_cdf(double k) const {
  if (k < std_mean()) return std::min(1.0, std::exp(log_tail(k, false)));
  return std::max(0.0, -std::expm1(log_tail(k, true)));
}
double BetaBinomial::std_sf(double k) const {
  if (k < std_mean()) return std::max(0.0, -std::expm1(log_tail(k, false)));
  return std::min(1.0, std::exp(log_tail(k, true)));
}
double BetaBinomial::std_logcdf(double k) const {
  if (k < std_mean()) return std::min(0.0, log_tail(k, false));
  return log1mexp(std::min(0.0, log_tail(k, true)));
}
double BetaBinomial::std_logsf(double k) const {
  if (k < std_mean()) return log1mexp(std::min(0.0, log_tail(k, false)));
  return std::min(0.0, log_tail(k, true));
}
double BetaBinomial::std_mean() const { return n_ * a_ / (a_ + b_); }
double BetaBinomial::std_var() const {
  const double s = a_ + b_;
  return n_ * a_ * b_ * (s + n_) / (s * s * (s + 1));
}
// p = Ga / (Ga + Gb) = 1 / (1 + exp(log Gb - log Ga)), then binom(n, p) by
// inversion.
double BetaBinomial::std_rvs(Generator& rng) const {
  const double log_ga = log_gamma_variate(a_, rng), log_gb = log_gamma_variate(b_, rng);
  const double p = 1 / (1 + std::exp(log_gb - log_ga));
  return Binomial(n_, p).ppf(detail::open_uniform(rng));
}

// ---- zipf -------------------------------------------------------------------

namespace {
// The Hurwitz zeta function zeta(s, q) = sum_j>=0 (q + j)^-s for s > 1,
// q >= 1, and d/ds zeta(s, q), by Euler-Maclaurin summation (as Cephes'
// zeta; A&S 23.1.30): the first N terms directly, N such that Q = q + N >=
// s + 10, then Q^(1-s) / (s - 1) + Q^-s / 2 + sum_k B_2k / (2k)!
// s (s+1) ... (s+2k-2) Q^(-s-2k+1), whose terms fall by about
// ((s + 2k) / (2 pi Q))^2 < 0.13 each; the derivative term by term. Both are
// returned scaled by Q^-s (value = Q^-s sum, derivative = Q^-s dsum), so that
// far tails (q = 1e300) do not underflow: log zeta = -s log Q + log sum.
struct ScaledZeta {
  double log_scale;  // -s log Q
  double sum;        // zeta(s, q) = exp(log_scale) sum
  double dsum;       // d/ds zeta(s, q) = exp(log_scale) dsum
};
ScaledZeta hurwitz_zeta(double s, double q) {
  const double n_direct = std::max(0.0, std::ceil(s + 10 - q));
  const double big_q = q + n_direct, log_q = std::log(big_q);
  detail::CompensatedSum sum, dsum;
  for (double j = 0; j < n_direct; ++j) {
    const double term = std::exp(-s * std::log((q + j) / big_q));
    sum.add(term);
    dsum.add(-std::log(q + j) * term);
  }
  sum.add(big_q / (s - 1) + 0.5);
  dsum.add(-big_q * (log_q / (s - 1) + 1 / ((s - 1) * (s - 1))) - 0.5 * log_q);
  double rising = s;         // s (s+1) ... (s+2k-2)
  double harmonic = 1 / s;   // sum_i 1 / (s + i), i = 0 .. 2k-2
  double power = 1 / big_q;  // Q^-(2k-1)
  double factorial = 2;      // (2k)!
  for (int k = 1; k <= 20; ++k) {
    const double term = bm::bernoulli_b2n<double>(k, Policy()) / factorial * rising * power;
    sum.add(term);
    dsum.add(term * (harmonic - log_q));
    if (std::abs(term) < 1e-18 * sum.value()) break;
    rising *= (s + 2 * k - 1) * (s + 2 * k);
    harmonic += 1 / (s + 2 * k - 1) + 1 / (s + 2 * k);
    power /= big_q * big_q;
    factorial *= (2 * k + 1) * (2 * k + 2);
  }
  return {-s * log_q, sum.value(), dsum.value()};
}
double log_hurwitz_zeta(double s, double q) {
  const ScaledZeta z = hurwitz_zeta(s, q);
  return z.log_scale + std::log(z.sum);
}
}  // namespace

namespace {
// zeta(s) - 1 = zeta(s, 2), which keeps its digits for large s (zeta(30) - 1
// = 9.3e-10, where log(zeta(30)) would keep only seven).
double zeta_minus_one(double s) {
  const ScaledZeta z = hurwitz_zeta(s, 2);
  return std::exp(z.log_scale) * z.sum;
}
}  // namespace

Zipf::Zipf(double a, double loc)
    : DiscreteDistribution(loc, a > 1 && std::isfinite(a)),
      a_(a),
      log_zeta_a_(a > 1 && std::isfinite(a) ? std::log1p(zeta_minus_one(a)) : kNaN) {}
Interval Zipf::std_support() const { return {1.0, kInf}; }
double Zipf::std_pmf(double k) const { return std::exp(std_logpmf(k)); }
double Zipf::std_logpmf(double k) const { return -a_ * std::log(k) - log_zeta_a_; }
double Zipf::std_logsf(double k) const { return std::min(0.0, log_hurwitz_zeta(a_, k + 1) - log_zeta_a_); }
double Zipf::std_sf(double k) const { return std::exp(std_logsf(k)); }
double Zipf::std_cdf(double k) const { return -std::expm1(std_logsf(k)); }
double Zipf::std_mean() const { return a_ > 2 ? bm::zeta(a_ - 1, Policy()) / std::exp(log_zeta_a_) : kInf; }
// SciPy: inf for a <= 3 (where E[X^2] diverges; the mean too for a <= 2).
// With e_s = zeta(s) - 1: zeta(a-2) zeta(a) - zeta(a-1)^2 = e2 + e0 - 2 e1 +
// e2 e0 - e1^2, which cancels by a factor of about 4 where the plain
// difference of ratios near 1 (large a) cancels to nothing.
double Zipf::std_var() const {
  if (a_ <= 3) return kInf;
  const double e0 = zeta_minus_one(a_), e1 = zeta_minus_one(a_ - 1), e2 = zeta_minus_one(a_ - 2);
  const double zeta = 1 + e0;
  return ((e2 + e0 - 2 * e1) + (e2 * e0 - e1 * e1)) / (zeta * zeta);
}
// -sum pmf log pmf = log zeta(a) + a sum_k k^-a log k / zeta(a)
// = log zeta(a) - a zeta'(a) / zeta(a).
// (the sum from k = 2, zeta(a, 2), whose terms all count: for large a the
// sum is tiny and keeps its relative accuracy).
double Zipf::std_entropy() const {
  const ScaledZeta z = hurwitz_zeta(a_, 2);
  return log_zeta_a_ - a_ * std::exp(z.log_scale - log_zeta_a_) * z.dsum;
}
// Devroye (1986), Non-Uniform Random Variate Generation, X.6.1: X =
// floor(U^(-1/(a-1))) accepted when V X (T - 1) / (b - 1) <= T / b with
// T = (1 + 1/X)^(a-1), b = 2^(a-1); T - 1 and b - 1 by expm1 for a near 1.
double Zipf::std_rvs(Generator& rng) const {
  const double am1 = a_ - 1;
  const double b = std::exp2(am1), bm1 = std::expm1(am1 * std::numbers::ln2);
  for (;;) {
    const double u = detail::open_uniform(rng), v = detail::open_uniform(rng);
    const double x = std::floor(std::exp(-std::log(u) / am1));
    if (!(x <= kMax)) continue;  // beyond the largest double: redraw
    const double log_t = am1 * std::log1p(1 / x);
    if (v * x * std::expm1(log_t) / bm1 <= std::exp(log_t) / b) return x;
  }
}

}  // namespace scilearn::stats
