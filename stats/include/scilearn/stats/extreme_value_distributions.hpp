#pragma once
/// \file
/// The extreme-value and power-law continuous distributions of scipy.stats,
/// frozen as in distributions.hpp (shape parameters, then loc, then scale;
/// SciPy's parameterization, names and semantics: invalid parameters give
/// NaN from every method, rvs throws):
///
/// | SciPy | scilearn | class | standardized support |
/// |---|---|---|---|
/// | `weibull_min(c, loc, scale)` | `stats::weibull_min(c, loc, scale)` | WeibullMin | [0, inf) |
/// | `weibull_max(c, loc, scale)` | `stats::weibull_max(c, loc, scale)` | WeibullMax | (-inf, 0] |
/// | `pareto(b, loc, scale)` | `stats::pareto(b, loc, scale)` | Pareto | [1, inf) |
/// | `gumbel_r(loc, scale)` | `stats::gumbel_r(loc, scale)` | GumbelR | (-inf, inf) |
/// | `gumbel_l(loc, scale)` | `stats::gumbel_l(loc, scale)` | GumbelL | (-inf, inf) |
/// | `genextreme(c, loc, scale)` | `stats::genextreme(c, loc, scale)` | GenExtreme | see the class |
///
/// All of them have closed-form cdf, sf and quantiles; the log functions are
/// evaluated from their own closed forms (logsf of weibull_min is -z^c, of
/// gumbel_r log(1 - exp(-exp(-z))) with the small-argument series), so they
/// stay finite where cdf / sf underflow. rvs: inversion (ppf of a uniform in
/// (0, 1)) for all of them. Complexity: O(1) per call.

#include <scilearn/stats/distributions.hpp>

namespace scilearn::stats {

/// Weibull minimum distribution with shape c > 0: cdf 1 - exp(-z^c) on
/// z >= 0. mean Gamma(1 + 1/c), var Gamma(1 + 2/c) - Gamma(1 + 1/c)^2.
class WeibullMin final : public ContinuousDistribution {
 public:
  explicit WeibullMin(double c, double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "weibull_min"; }

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
  double c_;
};

/// Weibull maximum distribution with shape c > 0, the mirror image of
/// weibull_min: cdf exp(-(-z)^c) on z <= 0.
class WeibullMax final : public ContinuousDistribution {
 public:
  explicit WeibullMax(double c, double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "weibull_max"; }

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
  WeibullMin min_;  // the mirror image, at loc 0 and scale 1
};

/// Pareto distribution with shape b > 0: density b / z^(b+1) on z >= 1.
/// mean inf for b <= 1, var inf for b <= 2 (SciPy's values).
class Pareto final : public ContinuousDistribution {
 public:
  explicit Pareto(double b, double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "pareto"; }

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
  double b_;
};

/// Right-skewed Gumbel distribution (type I extreme value, maxima): cdf
/// exp(-exp(-z)); genextreme with c = 0.
class GumbelR final : public ContinuousDistribution {
 public:
  explicit GumbelR(double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "gumbel_r"; }

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

/// Left-skewed Gumbel distribution (minima), the mirror image of gumbel_r:
/// cdf 1 - exp(-exp(z)).
class GumbelL final : public ContinuousDistribution {
 public:
  explicit GumbelL(double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "gumbel_l"; }

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

/// Generalized extreme value distribution in SciPy's sign convention (the
/// shape c is minus the xi of most texts): cdf exp(-(1 - c z)^(1/c)), and
/// exp(-exp(-z)) (gumbel_r) for c = 0. Any finite c is valid. Support:
/// (-inf, 1/c] for c > 0 (Weibull type), [1/c, inf) for c < 0 (Frechet
/// type), the real line for c = 0. As SciPy: pdf at the finite end is 0
/// except for c = 1 (1); mean NaN for c < -1 and inf at c = -1, var NaN for
/// c < -1/2 and inf at c = -1/2. The variance's small-c cancellation is
/// avoided by the Taylor series of log Gamma(1 + 2c) - 2 log Gamma(1 + c).
class GenExtreme final : public ContinuousDistribution {
 public:
  explicit GenExtreme(double c, double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "genextreme"; }

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
  double gumbel_variable(double z) const;  // t with cdf exp(-exp(-t))
  double from_gumbel_variable(double t) const;
  double c_;
};

/// SciPy-named factories.
[[nodiscard]] inline WeibullMin weibull_min(double c, double loc = 0, double scale = 1) {
  return WeibullMin(c, loc, scale);
}
[[nodiscard]] inline WeibullMax weibull_max(double c, double loc = 0, double scale = 1) {
  return WeibullMax(c, loc, scale);
}
[[nodiscard]] inline Pareto pareto(double b, double loc = 0, double scale = 1) { return Pareto(b, loc, scale); }
[[nodiscard]] inline GumbelR gumbel_r(double loc = 0, double scale = 1) { return GumbelR(loc, scale); }
[[nodiscard]] inline GumbelL gumbel_l(double loc = 0, double scale = 1) { return GumbelL(loc, scale); }
[[nodiscard]] inline GenExtreme genextreme(double c, double loc = 0, double scale = 1) {
  return GenExtreme(c, loc, scale);
}

}  // namespace scilearn::stats
