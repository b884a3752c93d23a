#pragma once
/// \file
/// More continuous distributions of scipy.stats, frozen as in
/// distributions.hpp (shape parameters, then loc, then scale; SciPy's
/// parameterization, names and semantics: invalid parameters give NaN from
/// every method, rvs throws):
///
/// | SciPy | scilearn | class | standardized support |
/// |---|---|---|---|
/// | `invgamma(a, loc, scale)` | `stats::invgamma(a, loc, scale)` | InvGamma | [0, inf) |
/// | `triang(c, loc, scale)` | `stats::triang(c, loc, scale)` | Triangular | [0, 1] |
/// | `vonmises(kappa, loc, scale)` | `stats::vonmises(kappa, loc, scale)` | VonMises | [-pi, pi] |

#include <scilearn/stats/distributions.hpp>

namespace scilearn::stats {

/// Inverse gamma distribution with shape a > 0: 1 / X for X ~ gamma(a);
/// density z^(-a-1) exp(-1/z) / Gamma(a). Every function is gamma(a)'s at
/// 1 / z (cdf is gamma's sf there, ppf 1 / gamma's isf), so it inherits
/// gamma's accuracy and its double / long double choice. mean inf for
/// a <= 1, var inf for a <= 2 (SciPy's values). rvs: 1 / G, G a standard
/// gamma(a) variate (Marsaglia & Tsang).
class InvGamma final : public ContinuousDistribution {
 public:
  explicit InvGamma(double a, double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "invgamma"; }

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
  double a_;
  Gamma gamma_;  // gamma(a)
};

/// Triangular distribution on [0, 1] with its mode at c, 0 <= c <= 1
/// (SciPy's triang: loc is the left end, scale the width). Closed forms,
/// with 1 - cdf and 1 - sf rewritten as sums of positive terms. rvs:
/// inversion.
class Triangular final : public ContinuousDistribution {
 public:
  explicit Triangular(double c, double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "triang"; }

 private:
  Interval std_support() const override;
  double std_pdf(double z) const override;
  double std_cdf(double z) const override;
  double std_sf(double z) const override;
  double std_ppf(double q) const override;
  double std_isf(double q) const override;
  double std_pdf_at_edge(double z) const override;
  double std_mean() const override;
  double std_var() const override;
  double std_entropy() const override;
  double c_;
};

/// Von Mises distribution (the circular normal) with concentration
/// kappa >= 0 (0: uniform on the circle): density exp(kappa cos z) /
/// (2 pi I0(kappa)) on [-pi, pi]. The support is SciPy's vonmises_line's:
/// outside [-pi, pi] (after loc and scale) pdf is 0 and cdf 0 or 1, where
/// SciPy 1.17's vonmises repeats the density periodically and adds 1 to the
/// cdf for every turn.
///
/// cdf as SciPy computes it: for kappa < 50 the series 1/2 + z / (2 pi) +
/// sum_n I_n(kappa) sin(n z) / (pi n I0(kappa)), the Bessel ratios by
/// backward recurrence (Hill 1977, Algorithm 518) with SciPy's number of
/// terms (28 + kappa / 2 - 100 / (kappa + 5), for 12 digits) plus 20 (to
/// the rounding level), except in the
/// tails (below 1e-2), where the series' absolute error of 1e-16 to 1e-13
/// costs relative digits (SciPy's cdf is noise below 1e-13) and the density
/// is integrated by Gauss-Kronrod quadrature instead; for
/// kappa >= 50 the normal approximation Phi(b sin(z / 2)),
/// b = sqrt(2 / pi) / (exp(-kappa) I0(kappa)), which is inverted in closed
/// form. sf(z) = cdf(-z) by symmetry. ppf / isf for kappa < 50: TOMS 748 on
/// the cdf. var: integral of z^2 pdf by adaptive Gauss-Kronrod quadrature
/// (SciPy integrates too). entropy: kappa (1 - I1 / I0) + log(2 pi I0) with
/// exponentially scaled Bessel functions (past kappa = 700 1 - I1 / I0 from
/// the difference of their asymptotic series). rvs: Best & Fisher (1979); for
/// kappa > 1e6 the wrapped normal with variance 1 / kappa (within 1e-6 of
/// the distribution there).
class VonMises final : public ContinuousDistribution {
 public:
  explicit VonMises(double kappa, double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "vonmises"; }

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
  double kappa_;
  double log_norm_;  // log(2 pi exp(-kappa) I0(kappa)), once
};

/// SciPy-named factories.
[[nodiscard]] inline InvGamma invgamma(double a, double loc = 0, double scale = 1) { return InvGamma(a, loc, scale); }
[[nodiscard]] inline Triangular triang(double c, double loc = 0, double scale = 1) { return Triangular(c, loc, scale); }
[[nodiscard]] inline VonMises vonmises(double kappa, double loc = 0, double scale = 1) {
  return VonMises(kappa, loc, scale);
}

}  // namespace scilearn::stats
