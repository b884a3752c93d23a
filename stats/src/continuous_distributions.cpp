// The standardized formulas of each continuous distribution (loc 0, scale 1);
// ContinuousDistribution (distributions.cpp) does the rest. Special functions
// are Boost.Math's under one error policy: nothing throws.

#include <scilearn/stats/distributions.hpp>

#include <boost/math/distributions/fisher_f.hpp>
#include <boost/math/distributions/students_t.hpp>
#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/erf.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "distribution_support.hpp"
#include "ziggurat.hpp"

namespace scilearn::stats {

namespace {

namespace bm = boost::math;

using detail::kInf;
using detail::kNaN;
using detail::ExtendedPolicy;
using detail::Policy;
using detail::xlogy;
constexpr double kPi = std::numbers::pi;
using detail::kLogSqrt2Pi;
constexpr double kMinNormal = std::numeric_limits<double>::min();

double lgamma(double x) { return bm::lgamma(x, Policy()); }

// Where Boost's double evaluation (Policy) is trusted, and long double
// (ExtendedPolicy, five to fifteen times slower) is used elsewhere. The
// regions come from comparing the two evaluations over grids of parameters
// and points from 1e-300 to 1 - 1e-16:
// - P(a, x), Q(a, x) and their inverses agree within 2e-14 for a <= 100;
//   beyond, the double evaluation drifts (3e-13 at a = 1000, 2e-12 at 1e4).
// - I_x(a, b), its complement and its inverses agree within 9e-14 for
//   1 <= a, b <= 300 wherever the probability is at least 1e-30. With a
//   shape below 1 the double evaluation fails: I_x(1/2, 1/2) near x = 1e-12
//   loses five digits, and ibeta_inv can return the wrong tail.
// - t quantiles agree within 2e-14 for df >= 1 and q in [1e-30, 1 - 1e-30];
//   further out the double evaluation overflows to an infinity of either sign.
constexpr double kTrustedProbability = 1e-30;
bool gamma_double_ok(double a) { return a <= 100; }
bool ibeta_double_ok(double a, double b) { return a >= 1 && b >= 1 && a <= 300 && b <= 300; }

double gamma_p(double a, double x) { return gamma_double_ok(a) ? bm::gamma_p(a, x, Policy()) : bm::gamma_p(a, x, ExtendedPolicy()); }
double gamma_q(double a, double x) { return gamma_double_ok(a) ? bm::gamma_q(a, x, Policy()) : bm::gamma_q(a, x, ExtendedPolicy()); }
double gamma_p_inv(double a, double q) {
  return gamma_double_ok(a) ? bm::gamma_p_inv(a, q, Policy()) : bm::gamma_p_inv(a, q, ExtendedPolicy());
}
double gamma_q_inv(double a, double q) {
  return gamma_double_ok(a) ? bm::gamma_q_inv(a, q, Policy()) : bm::gamma_q_inv(a, q, ExtendedPolicy());
}

// I_x(a, b) (complement: 1 - I_x), in double where that is trusted and the
// result is not too small, else in long double.
double ibeta(double a, double b, double x, bool complement = false) {
  if (ibeta_double_ok(a, b)) {
    const double r = complement ? bm::ibetac(a, b, x, Policy()) : bm::ibeta(a, b, x, Policy());
    if (r >= kTrustedProbability) return r;
  }
  return complement ? bm::ibetac(a, b, x, ExtendedPolicy()) : bm::ibeta(a, b, x, ExtendedPolicy());
}
// The x with I_x(a, b) = q (complement: 1 - I_x(a, b) = q).
double ibeta_inv(double a, double b, double q, bool complement = false) {
  if (ibeta_double_ok(a, b) && q >= kTrustedProbability) {
    return complement ? bm::ibetac_inv(a, b, q, Policy()) : bm::ibeta_inv(a, b, q, Policy());
  }
  return complement ? bm::ibetac_inv(a, b, q, ExtendedPolicy()) : bm::ibeta_inv(a, b, q, ExtendedPolicy());
}
double digamma(double x) { return bm::digamma(x, Policy()); }
double lbeta(double a, double b) { return lgamma(a) + lgamma(b) - lgamma(a + b); }

using detail::log_ndtr;
using detail::ndtr;
using detail::ndtri;

// log(1 + exp(x)) without overflow.
double softplus(double x) { return x > 0 ? x + std::log1p(std::exp(-x)) : std::log1p(std::exp(x)); }

constexpr Interval kRealLine{-kInf, kInf};
constexpr Interval kPositive{0.0, kInf};

bool positive(double v) { return v > 0; }  // false for NaN
}  // namespace

// ---- norm -------------------------------------------------------------------

Normal::Normal(double loc, double scale) : ContinuousDistribution(loc, scale, true) {}
Interval Normal::std_support() const { return kRealLine; }
double Normal::std_pdf(double z) const { return std::exp(-z * z / 2) / std::sqrt(2 * kPi); }
double Normal::std_logpdf(double z) const { return -z * z / 2 - kLogSqrt2Pi; }
double Normal::std_cdf(double z) const { return ndtr(z); }
double Normal::std_sf(double z) const { return ndtr(-z); }
double Normal::std_logcdf(double z) const { return log_ndtr(z); }
double Normal::std_logsf(double z) const { return log_ndtr(-z); }
double Normal::std_ppf(double q) const { return ndtri(q); }
double Normal::std_isf(double q) const { return -ndtri(q); }
double Normal::std_pdf_at_edge(double) const { return 0.0; }
double Normal::std_mean() const { return 0.0; }
double Normal::std_var() const { return 1.0; }
double Normal::std_entropy() const { return 0.5 + kLogSqrt2Pi; }
double Normal::std_rvs(Generator& rng) const { return detail::ziggurat_normal(rng); }

// ---- uniform ----------------------------------------------------------------

Uniform::Uniform(double loc, double scale) : ContinuousDistribution(loc, scale, true) {}
Interval Uniform::std_support() const { return {0.0, 1.0}; }
double Uniform::std_pdf(double) const { return 1.0; }
double Uniform::std_logpdf(double) const { return 0.0; }
double Uniform::std_cdf(double z) const { return z; }
double Uniform::std_sf(double z) const { return 1.0 - z; }
double Uniform::std_logcdf(double z) const { return std::log(z); }
double Uniform::std_logsf(double z) const { return std::log1p(-z); }
double Uniform::std_ppf(double q) const { return q; }
double Uniform::std_isf(double q) const { return 1.0 - q; }
double Uniform::std_pdf_at_edge(double) const { return 1.0; }
double Uniform::std_mean() const { return 0.5; }
double Uniform::std_var() const { return 1.0 / 12; }
double Uniform::std_entropy() const { return 0.0; }

// ---- expon ------------------------------------------------------------------

Exponential::Exponential(double loc, double scale) : ContinuousDistribution(loc, scale, true) {}
Interval Exponential::std_support() const { return kPositive; }
double Exponential::std_pdf(double z) const { return std::exp(-z); }
double Exponential::std_logpdf(double z) const { return -z; }
double Exponential::std_cdf(double z) const { return -std::expm1(-z); }
double Exponential::std_sf(double z) const { return std::exp(-z); }
// log1p(-e^-z) once e^-z < 1/2, where -expm1(-z) would round to 1.
double Exponential::std_logcdf(double z) const {
  return z > std::numbers::ln2 ? std::log1p(-std::exp(-z)) : std::log(-std::expm1(-z));
}
double Exponential::std_logsf(double z) const { return -z; }
double Exponential::std_ppf(double q) const { return -std::log1p(-q); }
double Exponential::std_isf(double q) const { return -std::log(q); }
double Exponential::std_pdf_at_edge(double) const { return 1.0; }
double Exponential::std_mean() const { return 1.0; }
double Exponential::std_var() const { return 1.0; }
double Exponential::std_entropy() const { return 1.0; }
double Exponential::std_rvs(Generator& rng) const { return -std::log(open_uniform(rng)); }

// ---- gamma ------------------------------------------------------------------

Gamma::Gamma(double a, double loc, double scale)
    : ContinuousDistribution(loc, scale, positive(a) && std::isfinite(a)), a_(a), log_gamma_a_(lgamma(a)) {}
Interval Gamma::std_support() const { return kPositive; }
// For a < 10 the density is exp of (a-1) log z - z - lgamma(a): its terms
// stay below 25 + z where the density is above the underflow (z < 750), so
// the result keeps 1e-13 relative accuracy. For larger a those terms cancel,
// and Boost's derivative of P(a, z) avoids that.
double Gamma::std_pdf(double z) const {
  if (a_ < 10) return std::exp(std_logpdf(z));
  return gamma_double_ok(a_) ? bm::gamma_p_derivative(a_, z, Policy()) : bm::gamma_p_derivative(a_, z, ExtendedPolicy());
}
// For small a the formula has no cancellation and keeps the digits of a log
// near 0 (which log(pdf) would lose); for large a Boost's density is better.
double Gamma::std_logpdf(double z) const {
  if (a_ < 10) return xlogy(a_ - 1, z) - z - log_gamma_a_;
  const double p = std_pdf(z);
  if (p >= kMinNormal && std::isfinite(p)) return std::log(p);
  return xlogy(a_ - 1, z) - z - log_gamma_a_;
}
double Gamma::std_cdf(double z) const { return gamma_p(a_, z); }
double Gamma::std_sf(double z) const { return gamma_q(a_, z); }
// Where Q(a, z) underflows (z far beyond a), the asymptotic series
// Gamma(a, z) ~ z^(a-1) e^-z (1 + (a-1)/z + (a-1)(a-2)/z^2 + ...) (A&S 6.5.32).
double Gamma::std_logsf(double z) const {
  const double s = std_sf(z);
  if (s >= kMinNormal) return s > 0.5 ? std::log1p(-std_cdf(z)) : std::log(s);
  double term = 1.0, sum = 1.0;
  for (int k = 1; k <= 30; ++k) {
    term *= (a_ - k) / z;
    sum += term;
    if (std::abs(term) < 1e-17 * std::abs(sum)) break;
  }
  return xlogy(a_ - 1, z) - z - lgamma(a_) + std::log(sum);
}
double Gamma::std_ppf(double q) const { return gamma_p_inv(a_, q); }
double Gamma::std_isf(double q) const { return gamma_q_inv(a_, q); }
double Gamma::std_pdf_at_edge(double) const { return a_ < 1 ? kInf : (a_ == 1 ? 1.0 : 0.0); }
double Gamma::std_mean() const { return a_; }
double Gamma::std_var() const { return a_; }
double Gamma::std_entropy() const { return a_ + log_gamma_a_ + (1 - a_) * digamma(a_); }
double Gamma::std_rvs(Generator& rng) const { return standard_gamma(a_, rng); }

// Marsaglia & Tsang (2000), "A simple method for generating gamma variables":
// for a >= 1, d = a - 1/3, c = 1 / sqrt(9 d), accept d v, v = (1 + c x)^3,
// x normal, when log u < x^2 / 2 + d - d v + d log v. For a < 1, their
// remark: gamma(a + 1) * u^(1/a).
double Gamma::standard_gamma(double a, Generator& rng) {
  if (a < 1) return standard_gamma(a + 1, rng) * std::pow(open_uniform(rng), 1 / a);
  const double d = a - 1.0 / 3;
  const double c = 1 / std::sqrt(9 * d);
  for (;;) {
    const double x = rng.standard_normal();
    double v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const double u = open_uniform(rng);
    if (u < 1 - 0.0331 * (x * x) * (x * x)) return d * v;  // the paper's squeeze
    if (std::log(u) < 0.5 * x * x + d * (1 - v + std::log(v))) return d * v;
  }
}

// ---- beta -------------------------------------------------------------------

Beta::Beta(double a, double b, double loc, double scale)
    : ContinuousDistribution(loc, scale, positive(a) && positive(b) && std::isfinite(a) && std::isfinite(b)),
      a_(a),
      b_(b),
      log_beta_(lbeta(a, b)) {}
Interval Beta::std_support() const { return {0.0, 1.0}; }
// For a, b < 10 the formula's terms stay below 9 |log z| + 9 |log(1-z)| +
// |log B(a, b)|, a few hundred at most, so exp keeps 1e-13 relative accuracy;
// with larger shapes they cancel, and Boost's derivative of I_z(a, b) avoids
// that.
double Beta::std_pdf(double z) const {
  if (a_ < 10 && b_ < 10) return std::exp(xlogy(a_ - 1, z) + (b_ - 1) * std::log1p(-z) - log_beta_);
  return ibeta_double_ok(a_, b_) ? bm::ibeta_derivative(a_, b_, z, Policy())
                                 : bm::ibeta_derivative(a_, b_, z, ExtendedPolicy());
}
double Beta::std_logpdf(double z) const {
  const double p = std_pdf(z);
  if (p >= kMinNormal && std::isfinite(p)) return std::log(p);
  return xlogy(a_ - 1, z) + (b_ - 1) * std::log1p(-z) - log_beta_;
}
double Beta::std_cdf(double z) const { return ibeta(a_, b_, z); }
double Beta::std_sf(double z) const { return ibeta(a_, b_, z, true); }
double Beta::std_ppf(double q) const { return ibeta_inv(a_, b_, q); }
double Beta::std_isf(double q) const { return ibeta_inv(a_, b_, q, true); }
double Beta::std_pdf_at_edge(double z) const {
  const double near = z == 0 ? a_ : b_;  // the exponent + 1 at this end
  const double far = z == 0 ? b_ : a_;
  return near < 1 ? kInf : (near == 1 ? far : 0.0);
}
double Beta::std_mean() const { return a_ / (a_ + b_); }
double Beta::std_var() const { return a_ * b_ / ((a_ + b_) * (a_ + b_) * (a_ + b_ + 1)); }
double Beta::std_entropy() const {
  return log_beta_ - (a_ - 1) * digamma(a_) - (b_ - 1) * digamma(b_) + (a_ + b_ - 2) * digamma(a_ + b_);
}
double Beta::std_rvs(Generator& rng) const {
  const double x = Gamma::standard_gamma(a_, rng);
  const double y = Gamma::standard_gamma(b_, rng);
  return x / (x + y);
}

// ---- lognorm ----------------------------------------------------------------

LogNormal::LogNormal(double s, double loc, double scale)
    : ContinuousDistribution(loc, scale, positive(s) && std::isfinite(s)), s_(s) {}
Interval LogNormal::std_support() const { return kPositive; }
double LogNormal::std_pdf(double z) const { return std::exp(std_logpdf(z)); }
double LogNormal::std_logpdf(double z) const {
  const double w = std::log(z) / s_;
  return -0.5 * w * w - std::log(s_ * z) - kLogSqrt2Pi;
}
double LogNormal::std_cdf(double z) const { return ndtr(std::log(z) / s_); }
double LogNormal::std_sf(double z) const { return ndtr(-std::log(z) / s_); }
double LogNormal::std_logcdf(double z) const { return log_ndtr(std::log(z) / s_); }
double LogNormal::std_logsf(double z) const { return log_ndtr(-std::log(z) / s_); }
double LogNormal::std_ppf(double q) const { return std::exp(s_ * ndtri(q)); }
double LogNormal::std_isf(double q) const { return std::exp(-s_ * ndtri(q)); }
double LogNormal::std_pdf_at_edge(double) const { return 0.0; }
double LogNormal::std_mean() const { return std::exp(s_ * s_ / 2); }
double LogNormal::std_var() const { return std::exp(s_ * s_) * std::expm1(s_ * s_); }
double LogNormal::std_entropy() const { return 0.5 + kLogSqrt2Pi + std::log(s_); }
double LogNormal::std_rvs(Generator& rng) const { return std::exp(s_ * detail::ziggurat_normal(rng)); }

// ---- t ----------------------------------------------------------------------

StudentT::StudentT(double df, double loc, double scale)
    : ContinuousDistribution(loc, scale, positive(df) && std::isfinite(df)),
      df_(df),
      log_norm_(-0.5 * std::log(df) - std::log(bm::beta(df / 2, 0.5, ExtendedPolicy()))) {}
Interval StudentT::std_support() const { return kRealLine; }
// The density is (1 + z^2 / df)^(-(df+1)/2) / (sqrt(df) B(df/2, 1/2)); the
// constant is computed once, through B rather than a difference of lgammas,
// which would cancel for large df.
double StudentT::std_pdf(double z) const { return std::exp(std_logpdf(z)); }
// log(1 + z^2 / df), without overflow of z^2 far out.
double StudentT::std_logpdf(double z) const {
  const double az = std::abs(z);
  const double log_kernel = az < 1e100 ? std::log1p(az * az / df_) : 2 * std::log(az) - std::log(df_);
  return log_norm_ - (df_ + 1) / 2 * log_kernel;
}
// Boost's t cdf loses the small central mass near z = 0 (t(1).cdf(1e-8)
// came out 0.5 exactly); for |z| < 1 the central mass P(|T| < |z|) =
// I_x(1/2, df/2), x = z^2 / (df + z^2) (A&S 26.7.1), is subtracted from 1/2
// instead: the tail is then above 0.15, so nothing cancels. Further out
// Boost's tail is accurate.
double StudentT::upper_tail(double z) const {
  const double az = std::abs(z);
  if (az < 1) return 0.5 - 0.5 * central_mass(az);
  return bm::cdf(bm::complement(bm::students_t_distribution<double, Policy>(df_), az));
}
// I_x(a, b) = x^a (1-x)^b / (a B(a, b)) sum_n (a+b)_n / (a+1)_n x^n
// (A&S 26.5.4 with 15.3.3), a = 1/2, b = df/2. Boost's double evaluation
// of I_x(1/2, b) loses up to five digits for small x, its long double one
// is ten times slower. Here x <= 1 / (df + 1) and the term ratio
// (a+b+n) / (a+1+n) x stays below max(x, 1/2), so the positive terms fall
// geometrically: at most ~150 of them (df near 0), ~20 for df = 5, with a
// relative rounding error of a few ulps. The prefix uses the density's
// constant: 1 / (a B(a, b)) = 2 sqrt(df) exp(log_norm_).
double StudentT::central_mass(double az) const {
  const double a = 0.5, b = df_ / 2;
  const double x = az * az / (df_ + az * az);
  double term = 1.0, sum = 1.0;
  for (int n = 0; n < 1000 && term > 1e-17 * sum; ++n) {
    term *= (a + b + n) / (a + 1 + n) * x;
    sum += term;
  }
  const double prefix = 2 * az / std::sqrt(df_ + az * az) * std::exp(-b * std::log1p(az * az / df_)) *
                        std::sqrt(df_) * std::exp(log_norm_);
  return prefix * sum;
}
double StudentT::std_cdf(double z) const { return z < 0 ? upper_tail(z) : 1 - upper_tail(z); }
double StudentT::std_sf(double z) const { return z > 0 ? upper_tail(z) : 1 - upper_tail(z); }
double StudentT::std_ppf(double q) const {
  if (df_ >= 1 && std::min(q, 1 - q) >= kTrustedProbability) return bm::quantile(bm::students_t_distribution<double, Policy>(df_), q);
  return bm::quantile(bm::students_t_distribution<double, ExtendedPolicy>(df_), q);
}
double StudentT::std_isf(double q) const {
  if (df_ >= 1 && std::min(q, 1 - q) >= kTrustedProbability) {
    return bm::quantile(bm::complement(bm::students_t_distribution<double, Policy>(df_), q));
  }
  return bm::quantile(bm::complement(bm::students_t_distribution<double, ExtendedPolicy>(df_), q));
}
double StudentT::std_pdf_at_edge(double) const { return 0.0; }
// SciPy: the mean is inf for df <= 1; the variance inf for 1 < df <= 2, NaN below.
double StudentT::std_mean() const { return df_ > 1 ? 0.0 : kInf; }
double StudentT::std_var() const { return df_ > 2 ? df_ / (df_ - 2) : (df_ > 1 ? kInf : kNaN); }
double StudentT::std_entropy() const {
  const double half = df_ / 2, half1 = (df_ + 1) / 2;
  return half1 * (digamma(half1) - digamma(half)) + 0.5 * std::log(df_) + lbeta(half, 0.5);
}
double StudentT::std_rvs(Generator& rng) const {
  const double n = rng.standard_normal();
  return n / std::sqrt(Gamma::standard_gamma(df_ / 2, rng) / (df_ / 2));
}

// ---- chi2 -------------------------------------------------------------------

ChiSquared::ChiSquared(double df, double loc, double scale)
    : ContinuousDistribution(loc, scale, positive(df) && std::isfinite(df)), half_(df / 2, 0, 2), df_(df) {}
Interval ChiSquared::std_support() const { return kPositive; }
double ChiSquared::std_pdf(double z) const { return half_.pdf(z); }
double ChiSquared::std_logpdf(double z) const { return half_.logpdf(z); }
double ChiSquared::std_cdf(double z) const { return half_.cdf(z); }
double ChiSquared::std_sf(double z) const { return half_.sf(z); }
double ChiSquared::std_logsf(double z) const { return half_.logsf(z); }
double ChiSquared::std_ppf(double q) const { return half_.ppf(q); }
double ChiSquared::std_isf(double q) const { return half_.isf(q); }
double ChiSquared::std_pdf_at_edge(double z) const { return half_.pdf(z); }
double ChiSquared::std_mean() const { return df_; }
double ChiSquared::std_var() const { return 2 * df_; }
double ChiSquared::std_entropy() const { return half_.entropy(); }
double ChiSquared::std_rvs(Generator& rng) const { return 2 * Gamma::standard_gamma(df_ / 2, rng); }

// ---- f ----------------------------------------------------------------------

FisherF::FisherF(double dfn, double dfd, double loc, double scale)
    : ContinuousDistribution(loc, scale,
                             positive(dfn) && positive(dfd) && std::isfinite(dfn) && std::isfinite(dfd)),
      dfn_(dfn),
      dfd_(dfd) {}
Interval FisherF::std_support() const { return kPositive; }
double FisherF::std_pdf(double z) const { return bm::pdf(bm::fisher_f_distribution<double, Policy>(dfn_, dfd_), z); }
double FisherF::std_logpdf(double z) const {
  const double p = std_pdf(z);
  if (p >= kMinNormal && std::isfinite(p)) return std::log(p);
  return 0.5 * dfn_ * std::log(dfn_) + 0.5 * dfd_ * std::log(dfd_) + xlogy(dfn_ / 2 - 1, z) -
         (dfn_ + dfd_) / 2 * std::log(dfd_ + dfn_ * z) - lbeta(dfn_ / 2, dfd_ / 2);
}
double FisherF::std_cdf(double z) const { return bm::cdf(bm::fisher_f_distribution<double, ExtendedPolicy>(dfn_, dfd_), z); }
double FisherF::std_sf(double z) const {
  return bm::cdf(bm::complement(bm::fisher_f_distribution<double, ExtendedPolicy>(dfn_, dfd_), z));
}
// Through the beta quantile of the smaller tail: with X ~ beta(dfn/2, dfd/2),
// F = dfd X / (dfn (1 - X)); the upper tail uses Y = 1 - X ~ beta(dfd/2,
// dfn/2), whose small values keep their digits (Boost's F quantile at
// q = 1e-300 returned 4e44 where the answer is 1e132).
namespace {
// The beta(a, b) quantile at q. Deep in the lower tail I_y(a, b) =
// y^a / (a B(a, b)) (1 + O(y)), so y = (q a B(a, b))^(1/a) to the rounding
// level once that is below 1e-20; Boost's ibeta_inv lost its way there
// (beta(2.25, 15) at 1e-300).
double beta_quantile(double a, double b, double q) {
  const double y = std::exp((std::log(q) + std::log(a) + lbeta(a, b)) / a);
  if (y < 1e-20) return y;
  return ibeta_inv(a, b, q);
}
}  // namespace

double FisherF::std_isf(double q) const {
  if (q > 0.5) return std_ppf(1 - q);
  const double y = beta_quantile(dfd_ / 2, dfn_ / 2, q);
  return dfd_ * (1 - y) / (dfn_ * y);
}
double FisherF::std_ppf(double q) const {
  if (q > 0.5) return std_isf(1 - q);
  const double x = beta_quantile(dfn_ / 2, dfd_ / 2, q);
  return dfd_ * x / (dfn_ * (1 - x));
}
double FisherF::std_pdf_at_edge(double) const { return dfn_ < 2 ? kInf : (dfn_ == 2 ? 1.0 : 0.0); }
double FisherF::std_mean() const { return dfd_ > 2 ? dfd_ / (dfd_ - 2) : kInf; }
// SciPy: inf for dfd <= 4 (including dfd <= 2, where the mean is inf too).
double FisherF::std_var() const {
  if (dfd_ <= 4) return kInf;
  const double m = dfd_ - 2;
  return 2 * dfd_ * dfd_ * (dfn_ + dfd_ - 2) / (dfn_ * m * m * (dfd_ - 4));
}
double FisherF::std_entropy() const {
  const double hn = dfn_ / 2, hd = dfd_ / 2, hs = (dfn_ + dfd_) / 2;
  return std::log(dfd_) - std::log(dfn_) + lbeta(hn, hd) + (1 - hn) * digamma(hn) - (1 + hd) * digamma(hd) +
         hs * digamma(hs);
}
double FisherF::std_rvs(Generator& rng) const {
  const double gn = Gamma::standard_gamma(dfn_ / 2, rng);
  const double gd = Gamma::standard_gamma(dfd_ / 2, rng);
  return (gn * dfd_) / (gd * dfn_);
}

// ---- cauchy -----------------------------------------------------------------

Cauchy::Cauchy(double loc, double scale) : ContinuousDistribution(loc, scale, true) {}
Interval Cauchy::std_support() const { return kRealLine; }
double Cauchy::std_pdf(double z) const { return 1.0 / (kPi * (1.0 + z * z)); }
double Cauchy::std_logpdf(double z) const { return -std::log(kPi) - std::log1p(z * z); }
// atan2(1, -z) / pi is 1/2 + atan(z) / pi without its cancellation for z << 0.
double Cauchy::std_cdf(double z) const { return std::atan2(1.0, -z) / kPi; }
double Cauchy::std_sf(double z) const { return std::atan2(1.0, z) / kPi; }
// tan(pi (q - 1/2)) with q - 1/2 exact in the middle, and its cotangent form
// -1 / tan(pi q) in the tails, where q keeps all its digits.
double Cauchy::std_ppf(double q) const {
  if (q < 0.25) return -1.0 / std::tan(kPi * q);
  if (q > 0.75) return 1.0 / std::tan(kPi * (1 - q));
  return std::tan(kPi * (q - 0.5));
}
double Cauchy::std_isf(double q) const { return -std_ppf(q); }
double Cauchy::std_pdf_at_edge(double) const { return 0.0; }
double Cauchy::std_mean() const { return kNaN; }
double Cauchy::std_var() const { return kNaN; }
double Cauchy::std_entropy() const { return std::log(4 * kPi); }

// ---- laplace ----------------------------------------------------------------

Laplace::Laplace(double loc, double scale) : ContinuousDistribution(loc, scale, true) {}
Interval Laplace::std_support() const { return kRealLine; }
double Laplace::std_pdf(double z) const { return 0.5 * std::exp(-std::abs(z)); }
double Laplace::std_logpdf(double z) const { return -std::numbers::ln2 - std::abs(z); }
double Laplace::std_cdf(double z) const { return z > 0 ? 1.0 - 0.5 * std::exp(-z) : 0.5 * std::exp(z); }
double Laplace::std_sf(double z) const { return std_cdf(-z); }
double Laplace::std_logcdf(double z) const { return z > 0 ? std::log1p(-0.5 * std::exp(-z)) : z - std::numbers::ln2; }
double Laplace::std_logsf(double z) const { return std_logcdf(-z); }
double Laplace::std_ppf(double q) const { return q > 0.5 ? -std::log(2 * (1 - q)) : std::log(2 * q); }
double Laplace::std_isf(double q) const { return -std_ppf(q); }
double Laplace::std_pdf_at_edge(double) const { return 0.0; }
double Laplace::std_mean() const { return 0.0; }
double Laplace::std_var() const { return 2.0; }
double Laplace::std_entropy() const { return std::numbers::ln2 + 1; }

// ---- logistic ---------------------------------------------------------------

Logistic::Logistic(double loc, double scale) : ContinuousDistribution(loc, scale, true) {}
Interval Logistic::std_support() const { return kRealLine; }
double Logistic::std_pdf(double z) const {
  const double e = std::exp(-std::abs(z));
  return e / ((1 + e) * (1 + e));
}
double Logistic::std_logpdf(double z) const { return -std::abs(z) - 2 * std::log1p(std::exp(-std::abs(z))); }
double Logistic::std_cdf(double z) const { return 1 / (1 + std::exp(-z)); }
double Logistic::std_sf(double z) const { return 1 / (1 + std::exp(z)); }
double Logistic::std_logcdf(double z) const { return -softplus(-z); }
double Logistic::std_logsf(double z) const { return -softplus(z); }
double Logistic::std_ppf(double q) const { return std::log(q) - std::log1p(-q); }
double Logistic::std_isf(double q) const { return -std_ppf(q); }
double Logistic::std_pdf_at_edge(double) const { return 0.0; }
double Logistic::std_mean() const { return 0.0; }
double Logistic::std_var() const { return kPi * kPi / 3; }
double Logistic::std_entropy() const { return 2.0; }

}  // namespace scilearn::stats
