// The standardized formulas of weibull_min / weibull_max, pareto, gumbel_r /
// gumbel_l and genextreme (loc 0, scale 1); ContinuousDistribution does the
// rest. Each is a closed form in exp / log; the care is in the tails.

#include <scilearn/stats/extreme_value_distributions.hpp>

#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/special_functions/zeta.hpp>

#include <cmath>
#include <numbers>

#include "distribution_support.hpp"

namespace scilearn::stats {

namespace {

namespace bm = boost::math;
using detail::kInf;
using detail::kNaN;
using detail::log1mexp_neg;
using detail::Policy;
constexpr double kEuler = std::numbers::egamma;
constexpr double kPi = std::numbers::pi;

bool positive_finite(double v) { return v > 0 && std::isfinite(v); }  // false for NaN

// The Gumbel form shared by gumbel_r, gumbel_l and genextreme: at the
// variable t with cdf exp(-exp(-t)). exp(-t) overflows for t < -709, where
// the cdf is 0 to every digit and logcdf -inf is the limit.
double gumbel_logpdf(double t) { return -t - std::exp(-t); }
double gumbel_cdf(double t) { return std::exp(-std::exp(-t)); }
double gumbel_sf(double t) { return -std::expm1(-std::exp(-t)); }
double gumbel_logcdf(double t) { return -std::exp(-t); }
// log(1 - exp(-u)) with u = exp(-t), log u = -t: finite where sf underflows.
double gumbel_logsf(double t) { return log1mexp_neg(std::exp(-t), -t); }
double gumbel_ppf(double q) { return -std::log(-std::log(q)); }
double gumbel_isf(double q) { return -std::log(-std::log1p(-q)); }
}  // namespace

// ---- weibull_min ------------------------------------------------------------

// With u = z^c (from c log z, so that log u stays finite where u underflows):
// cdf 1 - exp(-u), sf exp(-u), logsf -u.
WeibullMin::WeibullMin(double c, double loc, double scale)
    : ContinuousDistribution(loc, scale, positive_finite(c)), c_(c) {}
Interval WeibullMin::std_support() const { return {0.0, kInf}; }
double WeibullMin::std_pdf(double z) const { return std::exp(std_logpdf(z)); }
double WeibullMin::std_logpdf(double z) const {
  const double log_z = std::log(z);
  return std::log(c_) + (c_ - 1) * log_z - std::exp(c_ * log_z);
}
double WeibullMin::std_cdf(double z) const { return -std::expm1(-std::pow(z, c_)); }
double WeibullMin::std_sf(double z) const { return std::exp(-std::pow(z, c_)); }
double WeibullMin::std_logcdf(double z) const {
  const double log_u = c_ * std::log(z);
  return log1mexp_neg(std::exp(log_u), log_u);
}
double WeibullMin::std_logsf(double z) const { return -std::pow(z, c_); }
double WeibullMin::std_ppf(double q) const { return std::pow(-std::log1p(-q), 1 / c_); }
double WeibullMin::std_isf(double q) const { return std::pow(-std::log(q), 1 / c_); }
double WeibullMin::std_pdf_at_edge(double) const { return c_ < 1 ? kInf : (c_ == 1 ? 1.0 : 0.0); }
double WeibullMin::std_mean() const { return bm::tgamma(1 + 1 / c_, Policy()); }
// Gamma(1 + 2/c) - Gamma(1 + 1/c)^2 cancels for large c, where both are near
// 1: there the differences from 1 (tgamma1pm1) keep the digits.
double WeibullMin::std_var() const {
  if (c_ < 1) {
    const double g1 = bm::tgamma(1 + 1 / c_, Policy());
    return bm::tgamma(1 + 2 / c_, Policy()) - g1 * g1;
  }
  const double g1m1 = bm::tgamma1pm1(1 / c_, Policy());
  return bm::tgamma1pm1(2 / c_, Policy()) - g1m1 * (2 + g1m1);
}
double WeibullMin::std_entropy() const { return kEuler * (1 - 1 / c_) - std::log(c_) + 1; }

// ---- weibull_max ------------------------------------------------------------

WeibullMax::WeibullMax(double c, double loc, double scale)
    : ContinuousDistribution(loc, scale, positive_finite(c)), min_(c) {}
Interval WeibullMax::std_support() const { return {-kInf, 0.0}; }
double WeibullMax::std_pdf(double z) const { return min_.pdf(-z); }
double WeibullMax::std_logpdf(double z) const { return min_.logpdf(-z); }
double WeibullMax::std_cdf(double z) const { return min_.sf(-z); }
double WeibullMax::std_sf(double z) const { return min_.cdf(-z); }
double WeibullMax::std_logcdf(double z) const { return min_.logsf(-z); }
double WeibullMax::std_logsf(double z) const { return min_.logcdf(-z); }
double WeibullMax::std_ppf(double q) const { return -min_.isf(q); }
double WeibullMax::std_isf(double q) const { return -min_.ppf(q); }
double WeibullMax::std_pdf_at_edge(double z) const { return min_.pdf(-z); }
double WeibullMax::std_mean() const { return -min_.mean(); }
double WeibullMax::std_var() const { return min_.var(); }
double WeibullMax::std_entropy() const { return min_.entropy(); }

// ---- pareto -----------------------------------------------------------------

// With u = b log z: sf exp(-u), cdf 1 - exp(-u), logsf -u.
Pareto::Pareto(double b, double loc, double scale) : ContinuousDistribution(loc, scale, positive_finite(b)), b_(b) {}
Interval Pareto::std_support() const { return {1.0, kInf}; }
double Pareto::std_pdf(double z) const { return std::exp(std_logpdf(z)); }
double Pareto::std_logpdf(double z) const { return std::log(b_) - (b_ + 1) * std::log(z); }
double Pareto::std_cdf(double z) const { return -std::expm1(-b_ * std::log(z)); }
double Pareto::std_sf(double z) const { return std::exp(-b_ * std::log(z)); }
double Pareto::std_logcdf(double z) const {
  const double log_z = std::log(z);
  return log1mexp_neg(b_ * log_z, std::log(b_) + std::log(log_z));
}
double Pareto::std_logsf(double z) const { return -b_ * std::log(z); }
double Pareto::std_ppf(double q) const { return std::exp(-std::log1p(-q) / b_); }
double Pareto::std_isf(double q) const { return std::exp(-std::log(q) / b_); }
double Pareto::std_pdf_at_edge(double) const { return b_; }
double Pareto::std_mean() const { return b_ > 1 ? b_ / (b_ - 1) : kInf; }
double Pareto::std_var() const { return b_ > 2 ? b_ / ((b_ - 1) * (b_ - 1) * (b_ - 2)) : kInf; }
double Pareto::std_entropy() const { return 1 / b_ + 1 - std::log(b_); }

// ---- gumbel_r ---------------------------------------------------------------

GumbelR::GumbelR(double loc, double scale) : ContinuousDistribution(loc, scale, true) {}
Interval GumbelR::std_support() const { return {-kInf, kInf}; }
double GumbelR::std_pdf(double z) const { return std::exp(gumbel_logpdf(z)); }
double GumbelR::std_logpdf(double z) const { return gumbel_logpdf(z); }
double GumbelR::std_cdf(double z) const { return gumbel_cdf(z); }
double GumbelR::std_sf(double z) const { return gumbel_sf(z); }
double GumbelR::std_logcdf(double z) const { return gumbel_logcdf(z); }
double GumbelR::std_logsf(double z) const { return gumbel_logsf(z); }
double GumbelR::std_ppf(double q) const { return gumbel_ppf(q); }
double GumbelR::std_isf(double q) const { return gumbel_isf(q); }
double GumbelR::std_pdf_at_edge(double) const { return 0.0; }
double GumbelR::std_mean() const { return kEuler; }
double GumbelR::std_var() const { return kPi * kPi / 6; }
double GumbelR::std_entropy() const { return kEuler + 1; }

// ---- gumbel_l ---------------------------------------------------------------

GumbelL::GumbelL(double loc, double scale) : ContinuousDistribution(loc, scale, true) {}
Interval GumbelL::std_support() const { return {-kInf, kInf}; }
double GumbelL::std_pdf(double z) const { return std::exp(gumbel_logpdf(-z)); }
double GumbelL::std_logpdf(double z) const { return gumbel_logpdf(-z); }
double GumbelL::std_cdf(double z) const { return gumbel_sf(-z); }
double GumbelL::std_sf(double z) const { return gumbel_cdf(-z); }
double GumbelL::std_logcdf(double z) const { return gumbel_logsf(-z); }
double GumbelL::std_logsf(double z) const { return gumbel_logcdf(-z); }
double GumbelL::std_ppf(double q) const { return -gumbel_isf(q); }
double GumbelL::std_isf(double q) const { return -gumbel_ppf(q); }
double GumbelL::std_pdf_at_edge(double) const { return 0.0; }
double GumbelL::std_mean() const { return -kEuler; }
double GumbelL::std_var() const { return kPi * kPi / 6; }
double GumbelL::std_entropy() const { return kEuler + 1; }

// ---- genextreme -------------------------------------------------------------

// With t = -log(1 - c z) / c (z for c = 0), (1 - c z)^(1/c) = exp(-t): the
// cdf is Gumbel's at t, and the density exp(-exp(-t)) exp(-(1 - c) t).
GenExtreme::GenExtreme(double c, double loc, double scale)
    : ContinuousDistribution(loc, scale, std::isfinite(c)), c_(c) {}
Interval GenExtreme::std_support() const {
  if (c_ > 0) return {-kInf, 1 / c_};
  if (c_ < 0) return {1 / c_, kInf};
  return {-kInf, kInf};
}
double GenExtreme::gumbel_variable(double z) const { return c_ == 0 ? z : -std::log1p(-c_ * z) / c_; }
double GenExtreme::from_gumbel_variable(double t) const { return c_ == 0 ? t : -std::expm1(-c_ * t) / c_; }
double GenExtreme::std_pdf(double z) const { return std::exp(std_logpdf(z)); }
double GenExtreme::std_logpdf(double z) const {
  const double t = gumbel_variable(z);
  return -std::exp(-t) - (1 - c_) * t;
}
double GenExtreme::std_cdf(double z) const { return gumbel_cdf(gumbel_variable(z)); }
double GenExtreme::std_sf(double z) const { return gumbel_sf(gumbel_variable(z)); }
double GenExtreme::std_logcdf(double z) const { return gumbel_logcdf(gumbel_variable(z)); }
double GenExtreme::std_logsf(double z) const { return gumbel_logsf(gumbel_variable(z)); }
double GenExtreme::std_ppf(double q) const { return from_gumbel_variable(gumbel_ppf(q)); }
double GenExtreme::std_isf(double q) const { return from_gumbel_variable(gumbel_isf(q)); }
// SciPy's value at the finite end: 0, except 1 for c = 1 (the density's limit
// there is inf for c > 1, but SciPy returns 0 and we follow it).
double GenExtreme::std_pdf_at_edge(double) const { return c_ == 1 ? 1.0 : 0.0; }
// (1 - Gamma(1 + c)) / c, with Gamma(1 + c) - 1 formed directly (tgamma1pm1)
// so that small c keeps its digits.
double GenExtreme::std_mean() const {
  if (c_ < -1) return kNaN;
  if (c_ == -1) return kInf;
  if (c_ == 0) return kEuler;
  return -bm::tgamma1pm1(c_, Policy()) / c_;
}
// (Gamma(1 + 2c) - Gamma(1 + c)^2) / c^2 = Gamma(1 + c)^2 expm1(D) / c^2 with
// D = log Gamma(1 + 2c) - 2 log Gamma(1 + c), whose terms cancel to O(c^2).
// For |c| < 0.05 D comes from the Taylor series of log Gamma(1 + x) =
// -euler x + sum_k>=2 zeta(k) (-x)^k / k (A&S 6.1.33): D = sum_k>=2 (-1)^k
// zeta(k) (2^k - 2) c^k / k, terms falling by 2|c| < 0.1 each.
double GenExtreme::std_var() const {
  if (c_ < -0.5) return kNaN;
  if (c_ == -0.5) return kInf;
  if (c_ == 0) return kPi * kPi / 6;
  double d = 0;
  if (std::abs(c_) < 0.05) {
    double power = c_;  // c^k
    for (int k = 2; k <= 40; ++k) {
      power *= c_;
      const double term =
          (k % 2 == 0 ? 1 : -1) * bm::zeta(static_cast<double>(k), Policy()) * (std::ldexp(1.0, k) - 2) * power / k;
      d += term;
      if (std::abs(term) < 1e-17 * std::abs(d)) break;
    }
  } else {
    d = bm::lgamma(1 + 2 * c_, Policy()) - 2 * bm::lgamma(1 + c_, Policy());
  }
  const double g1 = bm::tgamma1pm1(c_, Policy()) + 1;
  return g1 * g1 * std::expm1(d) / (c_ * c_);
}
double GenExtreme::std_entropy() const { return kEuler * (1 - c_) + 1; }

}  // namespace scilearn::stats
