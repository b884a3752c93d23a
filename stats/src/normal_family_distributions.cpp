// The standardized formulas of halfnorm, rayleigh, truncnorm and skewnorm
// (loc 0, scale 1); ContinuousDistribution does the rest.

#include <scilearn/stats/normal_family_distributions.hpp>

#include <boost/math/special_functions/erf.hpp>
#include <boost/math/special_functions/owens_t.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "distribution_support.hpp"
#include "monotone_inverse.hpp"
#include "quadrature.hpp"

namespace scilearn::stats {

namespace {

namespace bm = boost::math;
using detail::kInf;
using detail::kLogSqrt2Pi;
using detail::kNaN;
using detail::log1mexp;
using detail::log1mexp_neg;
using detail::log_ndtr;
using detail::ndtr;
using detail::ndtri;
using detail::Policy;
constexpr double kPi = std::numbers::pi;
constexpr double kSqrt2 = std::numbers::sqrt2;
constexpr double kMinNormal = std::numeric_limits<double>::min();
constexpr double kMax = std::numeric_limits<double>::max();

// The standard normal's log density.
double log_phi(double z) { return -0.5 * z * z - kLogSqrt2Pi; }

// log(exp(x) + exp(y)).
double logaddexp(double x, double y) {
  const double m = std::max(x, y);
  if (m == -kInf) return -kInf;
  return m + std::log1p(std::exp(std::min(x, y) - m));
}

// The x with log Phi(x) = y, y <= 0. Where Phi(x) is a normal double, ndtri
// (of the complement near 1); beyond, Newton's method on log_ndtr from the
// leading term of its asymptotic expansion, -x^2 / 2: log_ndtr is concave and
// increasing, so the iterates rise monotonically to the root.
double ndtri_exp(double y) {
  if (y == -kInf) return -kInf;
  if (y > -std::numbers::ln2) return -ndtri(-std::expm1(y));
  if (y > -700) return ndtri(std::exp(y));
  double x = -std::sqrt(-2 * y);
  for (int i = 0; i < 100; ++i) {
    const double slope = std::exp(log_phi(x) - log_ndtr(x));  // d log Phi / dx
    const double step = (log_ndtr(x) - y) / slope;
    x -= step;
    if (std::abs(step) <= 1e-16 * std::abs(x)) break;
  }
  return x;
}

// log integral_0^w exp(-t (2 l + t) / 2) dt, l >= 0, 0 < w <= 1: the normal
// mass of [l, l + w] over phi(l). The integrand lies in [exp(-w l - 1/2), 1]
// and is smooth: adaptive Gauss-Kronrod (detail::integrate).
double log_scaled_mass(double l, double w) {
  auto f = [&](double t) { return std::exp(-0.5 * t * (2 * l + t)); };
  return std::log(detail::integrate(f, 0.0, w));
}

// log(Phi(u) - Phi(l)) for l <= u. A narrow interval (u - l <= 1) is
// integrated directly from its end nearer 0, where the differences below
// would cancel (their terms carry eps |log Phi| each). A wider one comes from
// the normal tail it lies in: log Phi(-l) + log(1 - exp(log Phi(-u) -
// log Phi(-l))) for l >= 0, the mirror image for u <= 0 (the difference of
// logs is then below -0.8: no cancellation), 1 - Phi(l) - Phi(-u) across 0.
double log_gauss_mass(double l, double u) {
  const double w = u - l;
  if (w <= 1) {
    if (l >= 0) return log_phi(l) + log_scaled_mass(l, w);
    if (u <= 0) return log_phi(u) + log_scaled_mass(-u, w);
    return log_phi(0) + std::log(detail::integrate([](double t) { return std::exp(-0.5 * t * t); }, l, u));
  }
  if (l >= 0) {
    const double ll = log_ndtr(-l), lu = log_ndtr(-u);
    return ll + log1mexp(lu - ll);
  }
  if (u <= 0) {
    const double lu = log_ndtr(u), ll = log_ndtr(l);
    return lu + log1mexp(ll - lu);
  }
  return std::log1p(-(ndtr(l) + ndtr(-u)));
}
}  // namespace

// ---- halfnorm ---------------------------------------------------------------

HalfNormal::HalfNormal(double loc, double scale) : ContinuousDistribution(loc, scale, true) {}
Interval HalfNormal::std_support() const { return {0.0, kInf}; }
double HalfNormal::std_pdf(double z) const { return std::exp(std_logpdf(z)); }
double HalfNormal::std_logpdf(double z) const { return std::numbers::ln2 + log_phi(z); }
double HalfNormal::std_cdf(double z) const { return std::erf(z / kSqrt2); }
double HalfNormal::std_sf(double z) const { return std::erfc(z / kSqrt2); }
double HalfNormal::std_logsf(double z) const { return std::numbers::ln2 + log_ndtr(-z); }
// erf_inv for the lower half (its argument q keeps all its digits near 0,
// where SciPy's ndtri((1 + q) / 2) returns 0 for q = 1e-300), erfc_inv of the
// exact complement for the upper half.
double HalfNormal::std_ppf(double q) const {
  return q <= 0.5 ? kSqrt2 * bm::erf_inv(q, Policy()) : kSqrt2 * bm::erfc_inv(1 - q, Policy());
}
double HalfNormal::std_isf(double q) const {
  return q <= 0.5 ? kSqrt2 * bm::erfc_inv(q, Policy()) : kSqrt2 * bm::erf_inv(1 - q, Policy());
}
double HalfNormal::std_pdf_at_edge(double) const { return std::sqrt(2 / kPi); }
double HalfNormal::std_mean() const { return std::sqrt(2 / kPi); }
double HalfNormal::std_var() const { return 1 - 2 / kPi; }
double HalfNormal::std_entropy() const { return 0.5 * std::log(kPi / 2) + 0.5; }
double HalfNormal::std_rvs(Generator& rng) const { return std::abs(rng.standard_normal()); }

// ---- rayleigh ---------------------------------------------------------------

Rayleigh::Rayleigh(double loc, double scale) : ContinuousDistribution(loc, scale, true) {}
Interval Rayleigh::std_support() const { return {0.0, kInf}; }
double Rayleigh::std_pdf(double z) const { return z * std::exp(-0.5 * z * z); }
double Rayleigh::std_logpdf(double z) const { return std::log(z) - 0.5 * z * z; }
double Rayleigh::std_cdf(double z) const { return -std::expm1(-0.5 * z * z); }
double Rayleigh::std_sf(double z) const { return std::exp(-0.5 * z * z); }
double Rayleigh::std_logcdf(double z) const { return log1mexp_neg(0.5 * z * z, 2 * std::log(z) - std::numbers::ln2); }
double Rayleigh::std_logsf(double z) const { return -0.5 * z * z; }
double Rayleigh::std_ppf(double q) const { return std::sqrt(-2 * std::log1p(-q)); }
double Rayleigh::std_isf(double q) const { return std::sqrt(-2 * std::log(q)); }
double Rayleigh::std_pdf_at_edge(double) const { return 0.0; }
double Rayleigh::std_mean() const { return std::sqrt(kPi / 2); }
double Rayleigh::std_var() const { return (4 - kPi) / 2; }
double Rayleigh::std_entropy() const { return std::numbers::egamma / 2 + 1 - std::numbers::ln2 / 2; }

// ---- truncnorm --------------------------------------------------------------

TruncNormal::TruncNormal(double a, double b, double loc, double scale)
    : ContinuousDistribution(loc, scale, a < b), a_(a), b_(b), log_mass_(a < b ? log_gauss_mass(a, b) : kNaN) {}
Interval TruncNormal::std_support() const { return {a_, b_}; }
double TruncNormal::std_pdf(double z) const { return std::exp(std_logpdf(z)); }
double TruncNormal::std_logpdf(double z) const { return log_phi(z) - log_mass_; }
double TruncNormal::std_cdf(double z) const { return std::exp(std_logcdf(z)); }
double TruncNormal::std_sf(double z) const { return std::exp(std_logsf(z)); }
double TruncNormal::std_logcdf(double z) const { return std::min(0.0, log_gauss_mass(a_, z) - log_mass_); }
double TruncNormal::std_logsf(double z) const { return std::min(0.0, log_gauss_mass(z, b_) - log_mass_); }

// The x with cdf(x) = q (upper: sf(x) = q). For an interval in the upper
// tail (a >= 0): Phi(-x) = Phi(-a) s with s = 1 - q (1 - r) (cdf) or
// r + q (1 - r) (sf), r = Phi(-b) / Phi(-a), s formed in logs from whichever
// of q and 1 - q is exact; x = -ndtri_exp(log Phi(-a) + log s). An interval
// in the lower tail is the mirror image, truncnorm(-b, -a) with cdf and sf
// exchanged. Across 0: ndtri of Phi(a) + q Z where that is at most 1/2, else
// of the upper tail Phi(-b) + (1 - q) Z; neither sum cancels.
double TruncNormal::quantile(double q, bool upper) const {
  const bool upper_in = upper;
  double lo = a_, hi = b_;
  bool mirrored = false;
  if (hi <= 0) {
    lo = -b_;
    hi = -a_;
    upper = !upper;
    mirrored = true;
  }
  double x;
  if (lo >= 0) {
    const double la = log_ndtr(-lo), lb = log_ndtr(-hi);
    const double log_r = lb - la, one_minus_r = -std::expm1(log_r);
    const double p = q <= 0.5 ? q : 1 - q;  // the exact one of q and 1 - q
    double log_s;
    if (upper == (q <= 0.5)) {
      log_s = logaddexp(log_r, std::log(p) + std::log(one_minus_r));  // r + p (1 - r)
    } else {
      log_s = std::log1p(-p * one_minus_r);  // 1 - p (1 - r)
    }
    x = -ndtri_exp(la + log_s);
  } else {
    const double mass = std::exp(log_mass_);
    const double below = upper ? 1 - q : q;  // the mass below x (one of them rounded)
    const double above = upper ? q : 1 - q;
    const double p_lower = ndtr(lo) + below * mass;
    x = p_lower <= 0.5 ? ndtri(p_lower) : -ndtri(ndtr(-hi) + above * mass);
  }
  x = std::clamp(x, lo, hi);
  if (mirrored) x = -x;
  // Two Newton steps on the log of the smaller tail: near an end of a far
  // interval x is fixed by a tail of relative size 1e-9 of the interval, which
  // the closed form's log Phi (absolute error eps |log Phi|, 1e-13 at 30)
  // leaves a few ulps off; logcdf / logsf (quadrature there) do not.
  const bool lower_tail = (q <= 0.5) != upper_in;
  const double target = std::log(q <= 0.5 ? q : 1 - q);
  for (int i = 0; i < 2 && x > a_ && x < b_; ++i) {
    const double lt = lower_tail ? std_logcdf(x) : std_logsf(x);
    const double slope = std::exp(std_logpdf(x) - lt) * (lower_tail ? 1 : -1);  // d lt / dx
    x = std::clamp(x - (lt - target) / slope, a_, b_);
  }
  return x;
}
double TruncNormal::std_ppf(double q) const { return quantile(q, false); }
double TruncNormal::std_isf(double q) const { return quantile(q, true); }
double TruncNormal::std_pdf_at_edge(double z) const { return std::exp(std_logpdf(z)); }
namespace {
// z phi(z) / Z and phi(z) / Z at an end of the interval (0 at an infinite one).
double scaled_density(double z, double log_mass) { return std::isinf(z) ? 0.0 : std::exp(log_phi(z) - log_mass); }
double scaled_moment(double z, double log_mass) { return std::isinf(z) ? 0.0 : z * scaled_density(z, log_mass); }

// For an interval on one side of 0, [l, l + w] with l >= 0: the mean and
// variance of Y = X - l, whose density is proportional to exp(-l y - y^2 / 2)
// on [0, w], from the moments integral y^k exp(-l y - y^2 / 2) dy, k = 0, 1,
// 2 (Gauss-Kronrod, y = v / max(l, 1) so the integrand's scale is 1). The
// closed form 1 + (a phi(a) - b phi(b)) / Z - mean^2 cancels there: at a = 30
// it is 1 + 901.0 - 902.0 = 0.0011, losing eight digits.
struct ShiftedMoments {
  double mean, var;
};
ShiftedMoments shifted_moments(double l, double w) {
  const double unit = 1 / std::max(1.0, l);
  auto moment = [&](int k) {
    auto f = [&](double v) {
      const double y = v * unit;
      return std::pow(y, k) * std::exp(-0.5 * y * (2 * l + y));
    };
    return detail::integrate(f, 0.0, w / unit);
  };
  const double m0 = moment(0), m1 = moment(1) / m0, m2 = moment(2) / m0;
  return {m1, m2 - m1 * m1};
}
}  // namespace
// The mean and variance: from the shifted moments when the interval lies on
// one side of 0, else the closed forms (no cancellation there: var >= 0.08).
double TruncNormal::std_mean() const {
  if (a_ >= 0) return a_ + shifted_moments(a_, b_ - a_).mean;
  if (b_ <= 0) return b_ - shifted_moments(-b_, b_ - a_).mean;
  return scaled_density(a_, log_mass_) - scaled_density(b_, log_mass_);
}
double TruncNormal::std_var() const {
  if (a_ >= 0) return shifted_moments(a_, b_ - a_).var;
  if (b_ <= 0) return shifted_moments(-b_, b_ - a_).var;
  const double m = std_mean();
  return 1 + scaled_moment(a_, log_mass_) - scaled_moment(b_, log_mass_) - m * m;
}
// -E[log pdf] = log sqrt(2 pi) + log Z + E[X^2] / 2.
double TruncNormal::std_entropy() const {
  const double m = std_mean();
  return kLogSqrt2Pi + log_mass_ + 0.5 * (std_var() + m * m);
}

// ---- skewnorm ---------------------------------------------------------------

namespace {
// The standard skew-normal's log density with shape a.
double skew_logpdf(double a, double z) { return std::numbers::ln2 + log_phi(z) + log_ndtr(a * z); }

// log of the tail integral of the density from z towards -inf (left) or +inf:
// log pdf(z) + log integral_0^inf exp(log pdf(z -+ u) - log pdf(z)) du, the
// integrand 1 at u = 0 and decaying, so that nothing underflows however far
// out z is. Adaptive 31-point Gauss-Kronrod on [0, inf) (Boost maps it to a
// finite interval).
double skew_log_tail(double a, double z, bool left) {
  const double at_z = skew_logpdf(a, z);
  // The log density's slope at z, -z + a phi(a z) / Phi(a z): the integrand
  // falls about like exp(-|slope| u), so u = v / |slope| puts its scale at 1
  // for the quadrature's map of [0, inf).
  const double slope = -z + a * std::exp(log_phi(a * z) - log_ndtr(a * z));
  const double unit = 1 / std::max(1.0, std::abs(slope));
  auto ratio = [&](double v) {
    const double u = v * unit;
    return std::exp(skew_logpdf(a, left ? z - u : z + u) - at_z);
  };
  const double integral = detail::integrate(ratio, 0.0, kInf);
  return at_z + std::log(integral * unit);
}

// cdf and sf for a >= 0, where the left tail is the light one: Owen's T
// (Phi(z) - 2 T(z, a) and Phi(-z) + 2 T(z, a)) unless the cdf's difference
// has cancelled more than two digits, where the quadrature takes over.
double owen_cdf(double a, double z) { return ndtr(z) - 2 * bm::owens_t(z, a, Policy()); }
bool owen_cdf_ok(double cdf, double z) { return cdf >= 0.01 * ndtr(z) && cdf >= kMinNormal; }
double skew_log_cdf(double a, double z) {
  const double c = owen_cdf(a, z);
  if (!owen_cdf_ok(c, z)) return skew_log_tail(a, z, true);
  if (c <= 0.5) return std::log(c);
  return std::log1p(-(ndtr(-z) + 2 * bm::owens_t(z, a, Policy())));
}
double skew_log_sf(double a, double z) {
  const double s = ndtr(-z) + 2 * bm::owens_t(z, a, Policy());
  if (s < kMinNormal) return skew_log_tail(a, z, false);
  if (s <= 0.5) return std::log(s);
  const double c = owen_cdf(a, z);
  return owen_cdf_ok(c, z) ? std::log1p(-c) : std::log1p(-std::exp(skew_log_tail(a, z, true)));
}
}  // namespace

SkewNormal::SkewNormal(double a, double loc, double scale)
    : ContinuousDistribution(loc, scale, std::isfinite(a)), a_(a) {}
Interval SkewNormal::std_support() const { return {-kInf, kInf}; }
double SkewNormal::std_pdf(double z) const { return std::exp(std_logpdf(z)); }
double SkewNormal::std_logpdf(double z) const { return skew_logpdf(a_, z); }
// A negative shape is the mirror image: cdf(z; a) = sf(-z; -a).
double SkewNormal::log_lower(double z) const { return a_ >= 0 ? skew_log_cdf(a_, z) : skew_log_sf(-a_, -z); }
double SkewNormal::log_upper(double z) const { return a_ >= 0 ? skew_log_sf(a_, z) : skew_log_cdf(-a_, -z); }
double SkewNormal::std_cdf(double z) const {
  if (a_ < 0) return ndtr(z) + 2 * bm::owens_t(-z, -a_, Policy());
  const double c = owen_cdf(a_, z);
  return owen_cdf_ok(c, z) ? c : std::exp(skew_log_tail(a_, z, true));
}
double SkewNormal::std_sf(double z) const {
  if (a_ > 0) return ndtr(-z) + 2 * bm::owens_t(z, a_, Policy());
  const double c = owen_cdf(-a_, -z);
  return owen_cdf_ok(c, -z) ? c : std::exp(skew_log_tail(-a_, -z, true));
}
double SkewNormal::std_logcdf(double z) const { return log_lower(z); }
double SkewNormal::std_logsf(double z) const { return log_upper(z); }
// TOMS 748 on the log of the smaller tail, from the normal approximation's
// guess: log q keeps q's digits down to 1e-300.
double SkewNormal::std_ppf(double q) const {
  const double guess = std_mean() + std::sqrt(std_var()) * ndtri(q), step = std::sqrt(std_var());
  if (q <= 0.5) {
    return detail::invert_increasing([&](double x) { return log_lower(x); }, std::log(q), guess, step, -kMax, kMax);
  }
  return detail::invert_increasing([&](double x) { return -log_upper(x); }, -std::log1p(-q), guess, step, -kMax, kMax);
}
double SkewNormal::std_isf(double q) const {
  if (q > 0.5) return std_ppf(1 - q);
  const double guess = std_mean() - std::sqrt(std_var()) * ndtri(q), step = std::sqrt(std_var());
  return detail::invert_increasing([&](double x) { return -log_upper(x); }, -std::log(q), guess, step, -kMax, kMax);
}
double SkewNormal::std_pdf_at_edge(double) const { return 0.0; }
double SkewNormal::std_mean() const { return a_ / std::sqrt(1 + a_ * a_) * std::sqrt(2 / kPi); }
double SkewNormal::std_var() const {
  const double delta2 = a_ * a_ / (1 + a_ * a_);
  return 1 - 2 * delta2 / kPi;
}
// -integral pdf log pdf over the real line; the integrand is taken as 0 where
// the density underflows (pdf log pdf -> 0 there).
double SkewNormal::std_entropy() const {
  auto term = [&](double z) {
    const double lp = skew_logpdf(a_, z);
    return lp < -745 ? 0.0 : -std::exp(lp) * lp;
  };
  return detail::integrate(term, -kInf, kInf);
}
// Azzalini (1985): with U0, V standard normal and delta = a / sqrt(1 + a^2),
// delta |U0| + sqrt(1 - delta^2) V is skew-normal(a); the sign flip below is
// the same thing without the absolute value.
double SkewNormal::std_rvs(Generator& rng) const {
  const double u0 = rng.standard_normal(), v = rng.standard_normal();
  const double delta = a_ / std::sqrt(1 + a_ * a_);
  const double u1 = delta * u0 + std::sqrt(1 - delta * delta) * v;
  return u0 >= 0 ? u1 : -u1;
}

}  // namespace scilearn::stats
