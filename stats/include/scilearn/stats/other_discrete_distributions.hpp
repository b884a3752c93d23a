#pragma once
/// \file
/// More discrete distributions of scipy.stats, frozen as in
/// discrete_distributions.hpp (shape parameters, then loc; SciPy's
/// rv_discrete semantics: invalid parameters give NaN from every method, pmf
/// is 0 off the integers of the support, cdf is a step function, ppf / isf
/// are exact searches on the integers, rvs throws on invalid parameters):
///
/// | SciPy | scilearn | class | support |
/// |---|---|---|---|
/// | `betabinom(n, a, b, loc)` | `stats::betabinom(n, a, b, loc)` | BetaBinomial | 0..n |
/// | `zipf(a, loc)` | `stats::zipf(a, loc)` | Zipf (zeta distribution) | 1, 2, ... |

#include <scilearn/stats/discrete_distributions.hpp>

namespace scilearn::stats {

/// Beta-binomial distribution: binom(n, p) with p drawn from beta(a, b); n an
/// integer >= 0, a, b > 0 (finite). pmf C(n, k) B(k + a, n - k + b) / B(a, b)
/// from Boost's beta function (relative accuracy of a few ulps) while the
/// three beta values are normal doubles, else from log-beta sums. cdf / sf
/// sum the pmf with the ratio recurrence from k towards the nearer end
/// (the lower sum below the mean, the upper one above), scaled by pmf(k) so
/// that logcdf / logsf stay finite where the pmf underflows; SciPy 1.17
/// sums the cdf from 0 and forms sf = 1 - cdf, which loses the upper tail.
/// Complexity: O(1) pmf, O(n) cdf / sf, O(n log n) ppf. rvs: p from beta(a,
/// b) (two gamma variates), then binom(n, p) by inversion.
class BetaBinomial final : public DiscreteDistribution {
 public:
  BetaBinomial(double n, double a, double b, double loc = 0);
  [[nodiscard]] const char* name() const noexcept override { return "betabinom"; }

 private:
  Interval std_support() const override;
  double std_pmf(double k) const override;
  double std_logpmf(double k) const override;
  double std_cdf(double k) const override;
  double std_sf(double k) const override;
  double std_logcdf(double k) const override;
  double std_logsf(double k) const override;
  double std_mean() const override;
  double std_var() const override;
  double std_rvs(Generator& rng) const override;
  // log of the sum of pmf over 0..k (lower) or k + 1..n (upper).
  double log_tail(double k, bool upper) const;
  double log_pmf_formula(double k) const;
  double n_, a_, b_;
};

/// Zipf (zeta) distribution with a > 1 (finite): pmf k^-a / zeta(a) on
/// k = 1, 2, .... sf(k) = zeta(a, k + 1) / zeta(a) with the Hurwitz zeta
/// function (Euler-Maclaurin summation, scaled so that logsf stays finite
/// where sf underflows), cdf = 1 - sf; SciPy 1.17 sums the pmf for the cdf
/// and forms sf = 1 - cdf. mean zeta(a - 1) / zeta(a) (inf for a <= 2), var
/// inf for a <= 3; entropy the closed
/// form log zeta(a) - a zeta'(a) / zeta(a). rvs: Devroye's rejection method
/// (1986, X.6.1; NumPy's), redrawing the rare values beyond the largest
/// double.
class Zipf final : public DiscreteDistribution {
 public:
  explicit Zipf(double a, double loc = 0);
  [[nodiscard]] const char* name() const noexcept override { return "zipf"; }

 private:
  Interval std_support() const override;
  double std_pmf(double k) const override;
  double std_logpmf(double k) const override;
  double std_cdf(double k) const override;
  double std_sf(double k) const override;
  double std_logsf(double k) const override;
  double std_mean() const override;
  double std_var() const override;
  double std_entropy() const override;
  double std_rvs(Generator& rng) const override;
  double a_;
  double log_zeta_a_;  // log zeta(a), once
};

/// SciPy-named factories.
[[nodiscard]] inline BetaBinomial betabinom(double n, double a, double b, double loc = 0) {
  return BetaBinomial(n, a, b, loc);
}
[[nodiscard]] inline Zipf zipf(double a, double loc = 0) { return Zipf(a, loc); }

}  // namespace scilearn::stats
