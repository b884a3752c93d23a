#pragma once
/// \file
/// The continuous distributions of scipy.stats built from the normal one,
/// frozen as in distributions.hpp (shape parameters, then loc, then scale;
/// SciPy's parameterization, names and semantics: invalid parameters give
/// NaN from every method, rvs throws):
///
/// | SciPy | scilearn | class | standardized support |
/// |---|---|---|---|
/// | `halfnorm(loc, scale)` | `stats::halfnorm(loc, scale)` | HalfNormal (chi with 1 degree of freedom) | [0, inf) |
/// | `rayleigh(loc, scale)` | `stats::rayleigh(loc, scale)` | Rayleigh (chi with 2) | [0, inf) |
/// | `truncnorm(a, b, loc, scale)` | `stats::truncnorm(a, b, loc, scale)` | TruncNormal | [a, b] |
/// | `skewnorm(a, loc, scale)` | `stats::skewnorm(a, loc, scale)` | SkewNormal | (-inf, inf) |

#include <scilearn/stats/distributions.hpp>

namespace scilearn::stats {

/// Half-normal distribution: |N(0, 1)|, density sqrt(2 / pi) exp(-z^2 / 2) on
/// z >= 0. cdf erf(z / sqrt 2), sf erfc(z / sqrt 2), quantiles through the
/// inverse error functions (ppf(1e-300) keeps its digits). rvs: the absolute
/// value of Generator::standard_normal.
class HalfNormal final : public ContinuousDistribution {
 public:
  explicit HalfNormal(double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "halfnorm"; }

 private:
  Interval std_support() const override;
  double std_pdf(double z) const override;
  double std_logpdf(double z) const override;
  double std_cdf(double z) const override;
  double std_sf(double z) const override;
  double std_logsf(double z) const override;
  double std_ppf(double q) const override;
  double std_isf(double q) const override;
  double std_pdf_at_edge(double z) const override;
  double std_mean() const override;
  double std_var() const override;
  double std_entropy() const override;
  double std_rvs(Generator& rng) const override;
};

/// Rayleigh distribution: density z exp(-z^2 / 2) on z >= 0, sf
/// exp(-z^2 / 2). rvs: inversion.
class Rayleigh final : public ContinuousDistribution {
 public:
  explicit Rayleigh(double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "rayleigh"; }

 private:
  Interval std_support() const override;
  double std_pdf(double z) const override;
  double std_logpdf(double z) const override;
  double std_cdf(double z) const override;
  double std_sf(double z) const override;
  double std_logcdf(double z) const override;
  double std_logsf(double z) const override;
  double std_ppf(double q) const override;
  double std_isf(double q) const override;
  double std_pdf_at_edge(double z) const override;
  double std_mean() const override;
  double std_var() const override;
  double std_entropy() const override;
};

/// Normal distribution truncated to the standardized interval [a, b] (SciPy's
/// a and b are in units of scale from loc; a < b, either may be infinite).
/// Every probability is evaluated in log space so that intervals far out
/// (a = 30, where the untruncated mass is 5e-198) keep their digits: the log
/// mass of [l, u] is log Phi(-l) + log(1 - exp(log Phi(-u) - log Phi(-l)))
/// for l >= 0, the mirror image for u <= 0, log(1 - Phi(l) - Phi(-u))
/// across 0, and for narrow intervals (u - l <= 1, where those differences
/// cancel) the integral of the density by Gauss-Kronrod quadrature.
/// Quantiles invert log Phi by Newton's method where Phi underflows. mean,
/// var, entropy: for an interval on one side of 0 from the moments of
/// X - a by quadrature (the closed form 1 + (a phi(a) - b phi(b)) / Z -
/// mean^2 loses eight digits at a = 30), otherwise the closed forms.
/// rvs: inversion.
class TruncNormal final : public ContinuousDistribution {
 public:
  TruncNormal(double a, double b, double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "truncnorm"; }

 private:
  Interval std_support() const override;
  double std_pdf(double z) const override;
  double std_logpdf(double z) const override;
  double std_cdf(double z) const override;
  double std_sf(double z) const override;
  double std_logcdf(double z) const override;
  double std_logsf(double z) const override;
  double std_ppf(double q) const override;
  double std_isf(double q) const override;
  double std_pdf_at_edge(double z) const override;
  double std_mean() const override;
  double std_var() const override;
  double std_entropy() const override;
  double quantile(double q, bool upper) const;
  double a_, b_;
  double log_mass_;  // log(Phi(b) - Phi(a)), once
};

/// Skew-normal distribution with shape a (any finite a; a = 0 is the normal
/// distribution): density 2 phi(z) Phi(a z). cdf Phi(z) - 2 T(z, a) with
/// Owen's T function (Boost.Math), sf Phi(-z) + 2 T(z, a); in the light
/// tail (the left one for a > 0), where that difference cancels, the tail
/// integral of the density by adaptive Gauss-Kronrod quadrature, scaled by
/// the density at z so that logcdf stays finite far beyond the underflow.
/// ppf / isf: TOMS 748 on logcdf / logsf. entropy: -integral pdf log pdf by
/// the same quadrature (SciPy integrates too). rvs: Azzalini's
/// representation, delta |U0| + sqrt(1 - delta^2) U1 with delta =
/// a / sqrt(1 + a^2), U0, U1 standard normal.
class SkewNormal final : public ContinuousDistribution {
 public:
  explicit SkewNormal(double a, double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "skewnorm"; }

 private:
  Interval std_support() const override;
  double std_pdf(double z) const override;
  double std_logpdf(double z) const override;
  double std_cdf(double z) const override;
  double std_sf(double z) const override;
  double std_logcdf(double z) const override;
  double std_logsf(double z) const override;
  double std_ppf(double q) const override;
  double std_isf(double q) const override;
  double std_pdf_at_edge(double z) const override;
  double std_mean() const override;
  double std_var() const override;
  double std_entropy() const override;
  double std_rvs(Generator& rng) const override;
  double log_lower(double z) const;  // log cdf, for any shape
  double log_upper(double z) const;  // log sf
  double a_;
};

/// SciPy-named factories.
[[nodiscard]] inline HalfNormal halfnorm(double loc = 0, double scale = 1) { return HalfNormal(loc, scale); }
[[nodiscard]] inline Rayleigh rayleigh(double loc = 0, double scale = 1) { return Rayleigh(loc, scale); }
[[nodiscard]] inline TruncNormal truncnorm(double a, double b, double loc = 0, double scale = 1) {
  return TruncNormal(a, b, loc, scale);
}
[[nodiscard]] inline SkewNormal skewnorm(double a, double loc = 0, double scale = 1) {
  return SkewNormal(a, loc, scale);
}

}  // namespace scilearn::stats
