// The standardized formulas of invgamma, triang and vonmises (loc 0,
// scale 1); ContinuousDistribution does the rest.

#include <scilearn/stats/other_continuous_distributions.hpp>

#include <boost/math/special_functions/bessel.hpp>
#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "distribution_support.hpp"
#include "monotone_inverse.hpp"
#include "quadrature.hpp"

namespace scilearn::stats {

namespace {

namespace bm = boost::math;
using detail::kInf;
using detail::log_ndtr;
using detail::ndtr;
using detail::ndtri;
using detail::Policy;
constexpr double kPi = std::numbers::pi;
}  // namespace

// ---- invgamma ---------------------------------------------------------------

InvGamma::InvGamma(double a, double loc, double scale)
    : ContinuousDistribution(loc, scale, a > 0 && std::isfinite(a)), a_(a), gamma_(a) {}
Interval InvGamma::std_support() const { return {0.0, kInf}; }
// gamma's density at y = 1 / z times the Jacobian y^2, multiplied in two
// steps so that y^2 does not overflow where the product is representable.
double InvGamma::std_pdf(double z) const {
  const double y = 1 / z;
  return gamma_.pdf(y) * y * y;
}
double InvGamma::std_logpdf(double z) const { return gamma_.logpdf(1 / z) - 2 * std::log(z); }
double InvGamma::std_cdf(double z) const { return gamma_.sf(1 / z); }
double InvGamma::std_sf(double z) const { return gamma_.cdf(1 / z); }
double InvGamma::std_logcdf(double z) const { return gamma_.logsf(1 / z); }
double InvGamma::std_logsf(double z) const { return gamma_.logcdf(1 / z); }
double InvGamma::std_ppf(double q) const { return 1 / gamma_.isf(q); }
double InvGamma::std_isf(double q) const { return 1 / gamma_.ppf(q); }
double InvGamma::std_pdf_at_edge(double) const { return 0.0; }
double InvGamma::std_mean() const { return a_ > 1 ? 1 / (a_ - 1) : kInf; }
double InvGamma::std_var() const { return a_ > 2 ? 1 / ((a_ - 1) * (a_ - 1) * (a_ - 2)) : kInf; }
double InvGamma::std_entropy() const { return a_ - (a_ + 1) * bm::digamma(a_, Policy()) + bm::lgamma(a_, Policy()); }
double InvGamma::std_rvs(Generator& rng) const { return 1 / Gamma::standard_gamma(a_, rng); }

// ---- triang -----------------------------------------------------------------

Triangular::Triangular(double c, double loc, double scale)
    : ContinuousDistribution(loc, scale, c >= 0 && c <= 1), c_(c) {}
Interval Triangular::std_support() const { return {0.0, 1.0}; }
double Triangular::std_pdf(double z) const { return z < c_ ? 2 * z / c_ : 2 * (1 - z) / (1 - c_); }
// 1 - (1 - z)^2 / (1 - c) = ((z - c) + z (1 - z)) / (1 - c) for z >= c, and
// 1 - z^2 / c = ((c - z) + z (1 - z)) / c for z < c: sums of non-negative
// terms, where the subtraction would cancel near the other end.
double Triangular::std_cdf(double z) const { return z < c_ ? z * z / c_ : ((z - c_) + z * (1 - z)) / (1 - c_); }
double Triangular::std_sf(double z) const {
  return z < c_ ? ((c_ - z) + z * (1 - z)) / c_ : (1 - z) * (1 - z) / (1 - c_);
}
double Triangular::std_ppf(double q) const { return q < c_ ? std::sqrt(c_ * q) : 1 - std::sqrt((1 - c_) * (1 - q)); }
double Triangular::std_isf(double q) const {
  return q <= 1 - c_ ? 1 - std::sqrt((1 - c_) * q) : std::sqrt(c_ * (1 - q));
}
// The density's limit at an end: 2 where the mode sits there, else 0.
double Triangular::std_pdf_at_edge(double z) const { return (z == 0 ? c_ == 0 : c_ == 1) ? 2.0 : 0.0; }
double Triangular::std_mean() const { return (1 + c_) / 3; }
double Triangular::std_var() const { return (1 - c_ + c_ * c_) / 18; }
double Triangular::std_entropy() const { return 0.5 - std::numbers::ln2; }

// ---- vonmises ---------------------------------------------------------------

namespace {
// exp(-x) I_nu(x) for nu = 0, 1, x >= 0. Boost's I_nu overflows past x ~ 713;
// beyond 700 the asymptotic expansion exp(x) / sqrt(2 pi x) sum_k (-1)^k
// a_k(nu) / x^k (A&S 9.7.1), whose terms fall by about k / (2 x) < 1e-2
// each until the rounding level.
double bessel_ie(int nu, double x) {
  if (x <= 700) return bm::cyl_bessel_i(nu, x, Policy()) * std::exp(-x);
  const double mu = 4.0 * nu * nu;
  double term = 1, sum = 1;
  for (int k = 1; k < 30 && std::abs(term) > 1e-17 * sum; ++k) {
    term *= -(mu - (2.0 * k - 1) * (2.0 * k - 1)) / (8.0 * k * x);
    sum += term;
  }
  return sum / std::sqrt(2 * kPi * x);
}

// Hill's series for kappa < 50: I_n / I_0 as products of the ratios
// I_n / I_(n-1) = 1 / (2n / kappa + I_(n+1) / I_n), summed from the last
// term back (Horner-like), with SciPy's number of terms (for 12 digits) and
// kExtraTerms more, which take the truncation error below the rounding.
constexpr int kExtraTerms = 20;
double von_mises_series_cdf(double kappa, double z) {
  const int p = static_cast<int>(1 + 28 + 0.5 * kappa - 100 / (kappa + 5)) + kExtraTerms;
  double r = 0, v = 0;
  for (int n = p - 1; n >= 1; --n) {
    r = 1 / (2 * n / kappa + r);
    v = r * (std::sin(n * z) / n + v);
  }
  return std::clamp(0.5 + z / (2 * kPi) + v / kPi, 0.0, 1.0);
}

// 1 - I1(x) / I0(x): for x <= 700 from the two values (absolute error about
// x eps, 1.5e-13 at most); beyond, the difference of the two asymptotic
// series term by term (their leading terms cancel exactly), over I0's.
double one_minus_bessel_ratio(double x) {
  if (x <= 700) return 1 - bessel_ie(1, x) / bessel_ie(0, x);
  double t0 = 1, t1 = 1, difference = 0, sum0 = 1;
  for (int k = 1; k < 30; ++k) {
    const double odd = (2.0 * k - 1) * (2.0 * k - 1);
    t0 *= odd / (8.0 * k * x);
    t1 *= -(4 - odd) / (8.0 * k * x);
    difference += t0 - t1;
    sum0 += t0;
    if (std::abs(t0) < 1e-17) break;
  }
  return difference / sum0;
}

constexpr double kNormalApproximationKappa = 50;  // SciPy's switch
constexpr double kSeriesTail = 1e-2;              // below: the density's integral
}  // namespace

VonMises::VonMises(double kappa, double loc, double scale)
    : ContinuousDistribution(loc, scale, kappa >= 0 && std::isfinite(kappa)),
      kappa_(kappa),
      log_norm_(std::log(2 * kPi * bessel_ie(0, kappa))) {}
Interval VonMises::std_support() const { return {-kPi, kPi}; }
double VonMises::std_pdf(double z) const { return std::exp(std_logpdf(z)); }
// kappa (cos z - 1) = -2 kappa sin(z / 2)^2 keeps its digits near z = 0.
double VonMises::std_logpdf(double z) const {
  const double s = std::sin(z / 2);
  return -2 * kappa_ * s * s - log_norm_;
}
// The series' absolute error (its truncation, and 1/2 + z / (2 pi) + ...
// cancelling) is some 1e-16 to 1e-13; where its value is below 1e-2 the lower
// tail is the integral of the density from -pi instead (Gauss-Kronrod, all
// terms positive), so that cdf and logcdf keep their relative accuracy.
double VonMises::std_cdf(double z) const {
  if (kappa_ >= kNormalApproximationKappa) return ndtr(std::sqrt(2 / kPi) / bessel_ie(0, kappa_) * std::sin(z / 2));
  const double series = von_mises_series_cdf(kappa_, z);
  if (series >= kSeriesTail || z >= 0) return series;
  auto f = [&](double t) { return std::exp(std_logpdf(t)); };
  return detail::integrate(f, -kPi, z);
}
double VonMises::std_sf(double z) const { return std_cdf(-z); }
// The normal approximation's log from log_ndtr, finite far beyond the
// underflow; the series' from the cdf (or the complement near 1).
double VonMises::std_logcdf(double z) const {
  if (kappa_ >= kNormalApproximationKappa) return log_ndtr(std::sqrt(2 / kPi) / bessel_ie(0, kappa_) * std::sin(z / 2));
  return detail::log_probability(std_cdf(z), [&] { return std_sf(z); });
}
double VonMises::std_logsf(double z) const { return std_logcdf(-z); }
double VonMises::std_ppf(double q) const {
  if (q > 0.5) return -std_ppf(1 - q);
  if (kappa_ >= kNormalApproximationKappa) {
    const double w = ndtri(q) * bessel_ie(0, kappa_) / std::sqrt(2 / kPi);  // sin(z / 2)
    return w <= -1 ? -kPi : 2 * std::asin(w);
  }
  return detail::invert_increasing([&](double x) { return std_cdf(x); }, q, -kPi / 2, 1.0, -kPi, 0.0);
}
double VonMises::std_isf(double q) const { return -std_ppf(q); }
double VonMises::std_pdf_at_edge(double z) const { return std_pdf(z); }
double VonMises::std_mean() const { return 0.0; }
// 2 integral_0^pi z^2 pdf(z) dz, over [0, pi sqrt(200 / kappa)] at most:
// beyond, -2 kappa sin(z / 2)^2 <= -2 kappa (z / pi)^2 < -400 and the rest
// is below 1e-170 of the whole.
double VonMises::std_var() const {
  const double upper = kappa_ > 200 ? kPi * std::sqrt(200 / kappa_) : kPi;
  auto f = [&](double z) { return z * z * std::exp(std_logpdf(z)); };
  return 2 * detail::integrate(f, 0.0, upper);
}
double VonMises::std_entropy() const { return kappa_ * one_minus_bessel_ratio(kappa_) + log_norm_; }
// Best & Fisher (1979), "Efficient simulation of the von Mises
// distribution": a wrapped Cauchy envelope with rho = (tau - sqrt(2 tau)) /
// (2 kappa), tau = 1 + sqrt(1 + 4 kappa^2), here in the algebraically equal
// form 2 kappa tau / ((sqrt(1 + 4 kappa^2) + 1)(tau + sqrt(2 tau))), which
// does not cancel for small kappa.
double VonMises::std_rvs(Generator& rng) const {
  if (kappa_ < 1e-8) return kPi * (2 * open_uniform(rng) - 1);
  if (kappa_ > 1e6) {
    const double z = rng.standard_normal() / std::sqrt(kappa_);
    return std::remainder(z, 2 * kPi);
  }
  const double root = std::sqrt(1 + 4 * kappa_ * kappa_);
  const double tau = 1 + root;
  const double rho = 2 * kappa_ * tau / ((root + 1) * (tau + std::sqrt(2 * tau)));
  const double r = (1 + rho * rho) / (2 * rho);
  for (;;) {
    const double u1 = open_uniform(rng), u2 = open_uniform(rng), u3 = open_uniform(rng);
    const double zc = std::cos(kPi * u1);
    const double f = (1 + r * zc) / (r + zc);
    const double c = kappa_ * (r - f);
    if (c * (2 - c) - u2 > 0 || std::log(c / u2) + 1 - c >= 0) {
      const double theta = std::acos(std::clamp(f, -1.0, 1.0));
      return u3 > 0.5 ? theta : -theta;
    }
  }
}

}  // namespace scilearn::stats
