#pragma once
/// \file
/// Discrete probability distributions as objects, as scipy.stats' frozen
/// rv_discrete distributions: `stats::binom(n, p, loc)` is
/// `scipy.stats.binom(n, p, loc)`, a value that answers pmf / logpmf / cdf /
/// logcdf / sf / logsf / ppf / isf at a point or at every entry of a Vector,
/// its moments, median, entropy, central intervals and support, and draws
/// samples with rvs() (integers, returned as doubles in a Vector).
///
/// Every distribution is a small final class deriving from
/// DiscreteDistribution, which holds SciPy's `loc` (discrete distributions
/// have no scale) and does what SciPy's rv_discrete does around each formula:
///
/// | SciPy | scilearn | class | support |
/// |---|---|---|---|
/// | `bernoulli(p, loc)` | `stats::bernoulli(p, loc)` | Bernoulli | {0, 1} |
/// | `binom(n, p, loc)` | `stats::binom(n, p, loc)` | Binomial | 0..n |
/// | `poisson(mu, loc)` | `stats::poisson(mu, loc)` | Poisson | 0, 1, ... |
/// | `geom(p, loc)` | `stats::geom(p, loc)` | Geometric (trials to the first success) | 1, 2, ... |
/// | `nbinom(n, p, loc)` | `stats::nbinom(n, p, loc)` | NegativeBinomial (failures before the n-th success) | 0, 1, ... |
/// | `hypergeom(M, n, N, loc)` | `stats::hypergeom(M, n, N, loc)` | Hypergeometric (successes in N draws from M holding n) | max(0, N - M + n)..min(n, N) |
/// | `randint(low, high, loc)` | `stats::randint(low, high, loc)` | RandInt (uniform) | low..high - 1 |
///
/// Semantics (SciPy's):
/// - Parameters outside their domain (p outside [0, 1], a non-integer n,
///   mu < 0, high <= low, a non-finite loc, NaN anywhere) never throw: every
///   method then returns NaN (support() and interval() a pair of NaNs).
/// - pmf is 0 at points that are not loc + an integer of the support; cdf is a
///   step function, cdf(x) = cdf(floor(x - loc) + loc); sf = 1 - cdf computed
///   directly.
/// - ppf(q) is the smallest support point k with cdf(k) >= q, isf(q) the
///   smallest with sf(k) <= q (both computed exactly on the integers, not by
///   rounding a continuous inverse); ppf(0) and isf(1) are the support's lower
///   end minus 1, ppf(1) and isf(0) its upper end (possibly inf); a
///   probability outside [0, 1] or NaN gives NaN.
/// - entropy is in nats: SciPy's closed form where it has one, otherwise the
///   sum of -pmf log pmf over the support (summed outward from the median).
///
/// Thread safety: immutable values; share them freely. Special functions come
/// from Boost.Math (private to the module) under the no-throw error policy of
/// distributions.hpp.

#include <cstdint>
#include <optional>
#include <scilearn/core/random.hpp>
#include <scilearn/core/types.hpp>
#include <scilearn/stats/distributions.hpp>

namespace scilearn::stats {

/// What every discrete distribution answers. The public methods are
/// non-virtual and do the loc shift, the integer and support checks, the
/// probability edge cases and the quantile search once, for all
/// distributions; a derived class gives the distribution at loc 0 through the
/// private hooks, which are called only with valid parameters, with integer
/// points k inside the support (low <= k <= high for pmf, low <= k < high for
/// the cdf family).
class DiscreteDistribution {
 public:
  virtual ~DiscreteDistribution() = default;

  /// SciPy's name of the distribution ("binom", "poisson", ...).
  [[nodiscard]] virtual const char* name() const noexcept = 0;
  /// True when the shape parameters and loc are in their domain.
  [[nodiscard]] bool valid() const noexcept { return valid_; }
  /// The location parameter as given.
  [[nodiscard]] double loc() const noexcept { return loc_; }

  /// Probability mass at x (0 unless x - loc is an integer of the support),
  /// and its logarithm (finite where the mass underflows). O(1) per point.
  [[nodiscard]] double pmf(double x) const;
  [[nodiscard]] double logpmf(double x) const;
  /// P(X <= x), its logarithm, P(X > x) (computed directly, not by
  /// subtraction) and its logarithm.
  [[nodiscard]] double cdf(double x) const;
  [[nodiscard]] double logcdf(double x) const;
  [[nodiscard]] double sf(double x) const;
  [[nodiscard]] double logsf(double x) const;
  /// Quantile and inverse survival function: the smallest k of the support
  /// with cdf(k) >= q (with sf(k) <= q). Complexity: O(log(distance from
  /// the normal approximation's guess)) cdf evaluations. Beyond 2^53,
  /// where doubles are more than 1 apart, the smallest double with that property.
  [[nodiscard]] double ppf(double q) const;
  [[nodiscard]] double isf(double q) const;

  /// The same, entry by entry, for a Vector of points (probabilities).
  [[nodiscard]] Vector pmf(const Vector& x) const;
  [[nodiscard]] Vector logpmf(const Vector& x) const;
  [[nodiscard]] Vector cdf(const Vector& x) const;
  [[nodiscard]] Vector logcdf(const Vector& x) const;
  [[nodiscard]] Vector sf(const Vector& x) const;
  [[nodiscard]] Vector logsf(const Vector& x) const;
  [[nodiscard]] Vector ppf(const Vector& q) const;
  [[nodiscard]] Vector isf(const Vector& q) const;

  /// Mean, variance, standard deviation (SciPy's `std`).
  [[nodiscard]] double mean() const;
  [[nodiscard]] double var() const;
  [[nodiscard]] double std_dev() const;
  /// ppf(0.5).
  [[nodiscard]] double median() const;
  /// Shannon entropy in nats.
  [[nodiscard]] double entropy() const;
  /// E[f(X)] over the support's points in [lb, ub] (scipy's expect): the
  /// sum of f(k) pmf(k), divided by P(lb <= X <= ub) when conditional. The
  /// sum starts between the 1e-30 tail quantiles and walks on outward, in
  /// both directions, until 32 terms in a row add less than 1e-16 of it
  /// (at most 10^6 terms past the window; SciPy: 1e-10 and 1000).
  /// NaN when the parameters are invalid. Throws: ValueError when lb > ub or
  /// either is NaN.
  [[nodiscard]] double expect(const std::function<double(double)>& f, double lb = -kInfinity,
                              double ub = kInfinity, bool conditional = false) const;
  /// E[X^order] about zero (scipy's moment(order)): 1, the mean, var +
  /// mean^2, then expect(x^order). Throws ValueError when order < 0.
  [[nodiscard]] double moment(int order) const;

  /// {ppf((1 - confidence) / 2), ppf((1 + confidence) / 2)}.
  /// Throws: ValueError when confidence is outside [0, 1] (SciPy raises too).
  [[nodiscard]] Interval interval(double confidence) const;
  /// The support's end points (the upper one possibly inf), after loc.
  [[nodiscard]] Interval support() const;

  /// `size` independent draws, from `rng` (which advances) or from a fresh
  /// default_rng(random_state). Method: inversion, ppf of a uniform in (0, 1)
  /// with 52 random bits (exact up to that resolution and the cdf's rounding);
  /// a distribution may document another.
  /// Throws: ValueError when size < 0 or the parameters are invalid.
  /// Complexity: O(size) quantile searches.
  [[nodiscard]] Vector rvs(Index size, Generator& rng) const;
  [[nodiscard]] Vector rvs(Index size, std::optional<std::uint64_t> random_state = std::nullopt) const;

 protected:
  DiscreteDistribution(double loc, bool shapes_valid);
  DiscreteDistribution(const DiscreteDistribution&) = default;
  DiscreteDistribution& operator=(const DiscreteDistribution&) = default;

 private:
  [[nodiscard]] virtual Interval std_support() const = 0;
  [[nodiscard]] virtual double std_pmf(double k) const = 0;
  [[nodiscard]] virtual double std_logpmf(double k) const;  // default log(std_pmf)
  [[nodiscard]] virtual double std_cdf(double k) const = 0;
  [[nodiscard]] virtual double std_sf(double k) const = 0;
  [[nodiscard]] virtual double std_logcdf(double k) const;  // default via cdf / log1p(-sf)
  [[nodiscard]] virtual double std_logsf(double k) const;   // default via sf / log1p(-cdf)
  [[nodiscard]] virtual double std_mean() const = 0;
  [[nodiscard]] virtual double std_var() const = 0;
  [[nodiscard]] virtual double std_entropy() const;  // default: sum of -pmf log pmf
  [[nodiscard]] virtual double std_rvs(Generator& rng) const;  // default: inversion

  // cdf / sf at loc 0 for any integer k (0 or 1 outside the support).
  [[nodiscard]] double cdf_at(double k) const;
  [[nodiscard]] double sf_at(double k) const;
  // The smallest k of the support with cdf(k) >= q (sf(k) <= q for
  // upper_quantile), for q in (0, 1), at loc 0.
  [[nodiscard]] double quantile(double q) const;
  [[nodiscard]] double upper_quantile(double q) const;
  // The smallest integer k of the support with past(k), for a predicate that
  // is monotone in k and true at the support's upper end; starts at guess.
  template <class Past>
  [[nodiscard]] double search(double guess, Past past) const;

  double loc_;
  bool valid_;
};

/// Bernoulli distribution: 1 with probability p, 0 with 1 - p; 0 <= p <= 1.
class Bernoulli final : public DiscreteDistribution {
 public:
  explicit Bernoulli(double p, double loc = 0);
  [[nodiscard]] const char* name() const noexcept override { return "bernoulli"; }

 private:
  Interval std_support() const override;
  double std_pmf(double k) const override;
  double std_cdf(double k) const override;
  double std_sf(double k) const override;
  double std_mean() const override;
  double std_var() const override;
  double std_entropy() const override;
  double p_;
};

/// Binomial distribution: successes in n (an integer >= 0) trials of
/// probability p in [0, 1]. cdf / sf: the regularized incomplete beta
/// function. logpmf: log of the pmf, or the lgamma form where it underflows.
class Binomial final : public DiscreteDistribution {
 public:
  Binomial(double n, double p, double loc = 0);
  [[nodiscard]] const char* name() const noexcept override { return "binom"; }

 private:
  Interval std_support() const override;
  double std_pmf(double k) const override;
  double std_logpmf(double k) const override;
  double std_cdf(double k) const override;
  double std_sf(double k) const override;
  double std_mean() const override;
  double std_var() const override;
  double n_, p_;
};

/// Poisson distribution with mean mu >= 0. cdf / sf: the regularized
/// incomplete gamma functions Q(k + 1, mu) and P(k + 1, mu).
class Poisson final : public DiscreteDistribution {
 public:
  explicit Poisson(double mu, double loc = 0);
  [[nodiscard]] const char* name() const noexcept override { return "poisson"; }

 private:
  Interval std_support() const override;
  double std_pmf(double k) const override;
  double std_logpmf(double k) const override;
  double std_cdf(double k) const override;
  double std_sf(double k) const override;
  double std_mean() const override;
  double std_var() const override;
  double mu_;
};

/// Geometric distribution: the number of trials up to and including the first
/// success, probability p in (0, 1]; pmf (1 - p)^(k - 1) p on k >= 1. Closed
/// forms with log1p / expm1 throughout.
class Geometric final : public DiscreteDistribution {
 public:
  explicit Geometric(double p, double loc = 0);
  [[nodiscard]] const char* name() const noexcept override { return "geom"; }

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
  double std_entropy() const override;
  double p_;
};

/// Negative binomial distribution: failures before the n-th success (n > 0,
/// not necessarily an integer), success probability p in (0, 1]. cdf / sf:
/// the regularized incomplete beta function I_p(n, k + 1) and its complement.
class NegativeBinomial final : public DiscreteDistribution {
 public:
  NegativeBinomial(double n, double p, double loc = 0);
  [[nodiscard]] const char* name() const noexcept override { return "nbinom"; }

 private:
  Interval std_support() const override;
  double std_pmf(double k) const override;
  double std_logpmf(double k) const override;
  double std_cdf(double k) const override;
  double std_sf(double k) const override;
  double std_mean() const override;
  double std_var() const override;
  double n_, p_;
};

/// Hypergeometric distribution: successes among N draws without replacement
/// from M objects of which n are successes (SciPy's names; integers with
/// 0 < M, 0 <= n <= M, 0 <= N <= M). M above 2^32 - 1 is outside what
/// Boost.Math evaluates and gives NaN.
class Hypergeometric final : public DiscreteDistribution {
 public:
  Hypergeometric(double M, double n, double N, double loc = 0);
  [[nodiscard]] const char* name() const noexcept override { return "hypergeom"; }

 private:
  Interval std_support() const override;
  double std_pmf(double k) const override;
  double std_logpmf(double k) const override;
  double std_cdf(double k) const override;
  double std_sf(double k) const override;
  double std_mean() const override;
  double std_var() const override;
  double M_, n_, N_;
};

/// Discrete uniform distribution on the integers low, ..., high - 1 (integers
/// with low < high).
class RandInt final : public DiscreteDistribution {
 public:
  RandInt(double low, double high, double loc = 0);
  [[nodiscard]] const char* name() const noexcept override { return "randint"; }

 private:
  Interval std_support() const override;
  double std_pmf(double k) const override;
  double std_cdf(double k) const override;
  double std_sf(double k) const override;
  double std_mean() const override;
  double std_var() const override;
  double std_entropy() const override;
  double low_, high_;
};

/// SciPy-named factories: the frozen discrete distributions of scipy.stats.
[[nodiscard]] inline Bernoulli bernoulli(double p, double loc = 0) { return Bernoulli(p, loc); }
[[nodiscard]] inline Binomial binom(double n, double p, double loc = 0) { return Binomial(n, p, loc); }
[[nodiscard]] inline Poisson poisson(double mu, double loc = 0) { return Poisson(mu, loc); }
[[nodiscard]] inline Geometric geom(double p, double loc = 0) { return Geometric(p, loc); }
[[nodiscard]] inline NegativeBinomial nbinom(double n, double p, double loc = 0) { return NegativeBinomial(n, p, loc); }
[[nodiscard]] inline Hypergeometric hypergeom(double M, double n, double N, double loc = 0) {
  return Hypergeometric(M, n, N, loc);
}
[[nodiscard]] inline RandInt randint(double low, double high, double loc = 0) { return RandInt(low, high, loc); }

}  // namespace scilearn::stats
