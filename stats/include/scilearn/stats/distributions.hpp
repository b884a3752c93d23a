#pragma once
/// \file
/// Probability distributions as objects, as scipy.stats' frozen distributions:
/// `stats::norm(loc, scale)` is `scipy.stats.norm(loc, scale)`, a value that
/// answers pdf / logpdf / cdf / logcdf / sf / logsf / ppf / isf at a point or
/// at every entry of a Vector, its moments, median, entropy, central
/// intervals and support, and draws samples with rvs().
///
/// Every distribution is a small final class (Normal, Gamma, ...) deriving
/// from ContinuousDistribution, which holds SciPy's `loc` and `scale` and does
/// what SciPy's rv_continuous does around each formula, so code (and the tests)
/// can loop over `const ContinuousDistribution&`. The factory functions carry
/// SciPy's names and parameter order (shape parameters, then loc, then scale):
///
/// | SciPy | scilearn | class |
/// |---|---|---|
/// | `norm(loc, scale)` | `stats::norm(loc, scale)` | Normal |
/// | `uniform(loc, scale)` | `stats::uniform(loc, scale)` | Uniform on [loc, loc + scale] |
/// | `expon(loc, scale)` | `stats::expon(loc, scale)` | Exponential |
/// | `gamma(a, loc, scale)` | `stats::gamma(a, loc, scale)` | Gamma |
/// | `beta(a, b, loc, scale)` | `stats::beta(a, b, loc, scale)` | Beta |
/// | `lognorm(s, loc, scale)` | `stats::lognorm(s, loc, scale)` | LogNormal |
/// | `t(df, loc, scale)` | `stats::t(df, loc, scale)` | StudentT |
/// | `chi2(df, loc, scale)` | `stats::chi2(df, loc, scale)` | ChiSquared |
/// | `f(dfn, dfd, loc, scale)` | `stats::f(dfn, dfd, loc, scale)` | FisherF |
/// | `cauchy(loc, scale)` | `stats::cauchy(loc, scale)` | Cauchy |
/// | `laplace(loc, scale)` | `stats::laplace(loc, scale)` | Laplace |
/// | `logistic(loc, scale)` | `stats::logistic(loc, scale)` | Logistic |
///
/// Semantics (SciPy's):
/// - Parameters outside their domain (scale <= 0, a shape parameter out of
///   range, a non-finite loc or scale, NaN anywhere) never throw: every method
///   then returns NaN (support() and interval() a pair of NaNs). Constructing
///   such an object is allowed; valid() says whether the parameters are good.
/// - Outside the support pdf is 0, logpdf -inf, cdf 0 or 1, sf 1 or 0; a NaN
///   point gives NaN.
/// - ppf(0) and isf(1) are the lower end of the support, ppf(1) and isf(0)
///   the upper end; a probability outside [0, 1] (or NaN) gives NaN.
/// - logcdf / logsf stay accurate where cdf / sf underflow (far tails), and
///   the log functions use the complements (log1p(-sf) where cdf > 1/2), so
///   they keep relative accuracy near 0 as well.
/// - mean / var / entropy are SciPy's closed forms, including inf where a
///   moment diverges and NaN where it does not exist (Cauchy's mean).
///
/// Thread safety: the objects are immutable values; share them freely.
/// Special functions come from Boost.Math (private to the module) with error
/// policies set so that nothing throws: domain and pole errors give NaN,
/// overflow gives +-inf, an evaluation that did not converge its best value.

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <scilearn/core/random.hpp>
#include <scilearn/core/types.hpp>

namespace scilearn::stats {

/// +infinity, the default end of an integration interval.
inline constexpr double kInfinity = std::numeric_limits<double>::infinity();

/// A pair of end points: support() and interval().
struct Interval {
  double low;   ///< lower end
  double high;  ///< upper end
};

/// What every continuous distribution answers. The public methods are
/// non-virtual and do the loc / scale transformation and the support and
/// probability edge cases once, for all distributions; a derived class gives
/// the standardized distribution (loc 0, scale 1) through the private hooks,
/// which are called only with valid parameters and with points strictly inside
/// the support (probabilities strictly inside (0, 1)).
class ContinuousDistribution {
 public:
  virtual ~ContinuousDistribution() = default;

  /// SciPy's name of the distribution ("norm", "gamma", ...).
  [[nodiscard]] virtual const char* name() const noexcept = 0;
  /// True when the shape parameters, loc and scale are in their domain.
  [[nodiscard]] bool valid() const noexcept { return valid_; }
  /// The location and scale parameters as given.
  [[nodiscard]] double loc() const noexcept { return loc_; }
  [[nodiscard]] double scale() const noexcept { return scale_; }

  /// Probability density at x, and its logarithm (accurate where the density
  /// underflows). Complexity: O(1) per point (special functions).
  [[nodiscard]] double pdf(double x) const;
  [[nodiscard]] double logpdf(double x) const;
  /// P(X <= x), its logarithm, P(X > x) = 1 - cdf(x) (computed directly, not
  /// by subtraction) and its logarithm.
  [[nodiscard]] double cdf(double x) const;
  [[nodiscard]] double logcdf(double x) const;
  [[nodiscard]] double sf(double x) const;
  [[nodiscard]] double logsf(double x) const;
  /// The quantile function (inverse of cdf) and the inverse survival function:
  /// ppf(q) is the x with cdf(x) = q, isf(q) the x with sf(x) = q.
  [[nodiscard]] double ppf(double q) const;
  [[nodiscard]] double isf(double q) const;

  /// The same, entry by entry, for a Vector of points (probabilities).
  [[nodiscard]] Vector pdf(const Vector& x) const;
  [[nodiscard]] Vector logpdf(const Vector& x) const;
  [[nodiscard]] Vector cdf(const Vector& x) const;
  [[nodiscard]] Vector logcdf(const Vector& x) const;
  [[nodiscard]] Vector sf(const Vector& x) const;
  [[nodiscard]] Vector logsf(const Vector& x) const;
  [[nodiscard]] Vector ppf(const Vector& q) const;
  [[nodiscard]] Vector isf(const Vector& q) const;

  /// Mean, variance and standard deviation (SciPy's `std`; `std` is C++'s
  /// namespace). inf where the moment diverges, NaN where it is undefined.
  [[nodiscard]] double mean() const;
  [[nodiscard]] double var() const;
  [[nodiscard]] double std_dev() const;
  /// ppf(0.5).
  [[nodiscard]] double median() const;
  /// Differential entropy in nats.
  [[nodiscard]] double entropy() const;
  /// E[f(X)] over [lb, ub] (scipy's expect): the integral of f(x) pdf(x)
  /// over that interval's part of the support, divided by P(lb <= X <= ub)
  /// when conditional. Integrated by Boost.Math's double-exponential rules
  /// (tanh-sinh on a finite interval, exp-sinh on a half-line; the real line
  /// as two half-lines split at loc) to a relative tolerance of 1.5e-8,
  /// SciPy's quad default;
  /// they cope with integrable end-point singularities. A divergent integral
  /// gives whatever the rule ends with (inf or a large value), as SciPy's
  /// quad. NaN when the parameters are invalid.
  /// Throws: ValueError when lb > ub or either is NaN.
  [[nodiscard]] double expect(const std::function<double(double)>& f, double lb = -kInfinity,
                              double ub = kInfinity, bool conditional = false) const;
  /// E[X^order] about zero (scipy's moment(order)): 1 for order 0, the mean
  /// and var + mean^2 for 1 and 2 (closed forms, inf / NaN where they
  /// diverge), expect(x^order) beyond. Throws ValueError when order < 0.
  [[nodiscard]] double moment(int order) const;

  /// The central interval holding `confidence` of the probability:
  /// {ppf((1 - confidence) / 2), ppf((1 + confidence) / 2)}.
  /// Throws: ValueError when confidence is outside [0, 1] (SciPy raises too).
  [[nodiscard]] Interval interval(double confidence) const;
  /// The support's end points (possibly infinite), after loc and scale.
  [[nodiscard]] Interval support() const;

  /// `size` independent draws, from `rng` (which advances) or from a fresh
  /// default_rng(random_state). Each distribution documents its method; the
  /// default is inversion, ppf of a uniform in (0, 1) with 52 random bits.
  /// Throws: ValueError when size < 0, or when the parameters are invalid
  /// (SciPy's rvs raises there too instead of returning NaN).
  /// Complexity: O(size).
  [[nodiscard]] Vector rvs(Index size, Generator& rng) const;
  [[nodiscard]] Vector rvs(Index size, std::optional<std::uint64_t> random_state = std::nullopt) const;

 protected:
  /// shapes_valid: whether the derived class's shape parameters are in range.
  ContinuousDistribution(double loc, double scale, bool shapes_valid);
  ContinuousDistribution(const ContinuousDistribution&) = default;
  ContinuousDistribution& operator=(const ContinuousDistribution&) = default;

  /// A uniform in the open interval (0, 1): (k + 1/2) / 2^52 for a random
  /// 52-bit k, so that inversion never sees 0 or 1.
  static double open_uniform(Generator& rng) noexcept;

 private:
  // The standardized distribution. Points z are strictly inside the support
  // (and finite), except pdf_at_edge; probabilities strictly inside (0, 1).
  [[nodiscard]] virtual Interval std_support() const = 0;
  [[nodiscard]] virtual double std_pdf(double z) const = 0;
  [[nodiscard]] virtual double std_logpdf(double z) const;  // default log(std_pdf)
  [[nodiscard]] virtual double std_cdf(double z) const = 0;
  [[nodiscard]] virtual double std_sf(double z) const = 0;
  [[nodiscard]] virtual double std_logcdf(double z) const;  // default via cdf / log1p(-sf)
  [[nodiscard]] virtual double std_logsf(double z) const;   // default via sf / log1p(-cdf)
  [[nodiscard]] virtual double std_ppf(double q) const = 0;
  [[nodiscard]] virtual double std_isf(double q) const = 0;
  /// The density at a finite end point of the support (SciPy's support is
  /// closed: pdf(a) is the formula's limit there, e.g. expon.pdf(0) = 1).
  [[nodiscard]] virtual double std_pdf_at_edge(double z) const = 0;
  [[nodiscard]] virtual double std_mean() const = 0;
  [[nodiscard]] virtual double std_var() const = 0;
  [[nodiscard]] virtual double std_entropy() const = 0;
  [[nodiscard]] virtual double std_rvs(Generator& rng) const;  // default: inversion

  double loc_;
  double scale_;
  bool valid_;
};

/// Normal distribution, density exp(-z^2 / 2) / sqrt(2 pi), z = (x - loc) / scale.
/// logcdf / logsf use an asymptotic series past |z| = 37, where the cdf
/// underflows (as SciPy's log_ndtr). rvs: the ziggurat method (Marsaglia and
/// Tsang 2000, in Doornik's 2005 form with 128 blocks), as NumPy's normal.
class Normal final : public ContinuousDistribution {
 public:
  explicit Normal(double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "norm"; }

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
};

/// Uniform distribution on [loc, loc + scale]. rvs: inversion.
class Uniform final : public ContinuousDistribution {
 public:
  explicit Uniform(double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "uniform"; }

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

/// Exponential distribution, density exp(-z) on z >= 0 (rate 1 / scale).
/// rvs: inversion, -log(U).
class Exponential final : public ContinuousDistribution {
 public:
  explicit Exponential(double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "expon"; }

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
};

/// Gamma distribution with shape a > 0: density z^(a-1) exp(-z) / Gamma(a).
/// rvs: Marsaglia & Tsang (2000), with U^(1/a) boosting for a < 1.
class Gamma final : public ContinuousDistribution {
 public:
  explicit Gamma(double a, double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "gamma"; }
  [[nodiscard]] double a() const noexcept { return a_; }

  /// One standard gamma(a) variate (Marsaglia & Tsang 2000); a > 0. Used by
  /// the distributions built on gamma (beta, chi2, t, f).
  [[nodiscard]] static double standard_gamma(double a, Generator& rng);

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
  double a_;
  double log_gamma_a_;  // lgamma(a), once
};

/// Beta distribution with shapes a, b > 0 on [0, 1]: density
/// z^(a-1) (1-z)^(b-1) / B(a, b). rvs: Ga / (Ga + Gb) of two gamma variates.
class Beta final : public ContinuousDistribution {
 public:
  Beta(double a, double b, double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "beta"; }

 private:
  Interval std_support() const override;
  double std_pdf(double z) const override;
  double std_logpdf(double z) const override;
  double std_cdf(double z) const override;
  double std_sf(double z) const override;
  double std_ppf(double q) const override;
  double std_isf(double q) const override;
  double std_pdf_at_edge(double z) const override;
  double std_mean() const override;
  double std_var() const override;
  double std_entropy() const override;
  double std_rvs(Generator& rng) const override;
  double a_, b_;
  double log_beta_;  // log B(a, b), once
};

/// Log-normal distribution with shape s > 0: log(z) is normal(0, s); SciPy's
/// scale is exp(mu). rvs: exp(s z), z a ziggurat normal variate (as norm).
class LogNormal final : public ContinuousDistribution {
 public:
  explicit LogNormal(double s, double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "lognorm"; }

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
  double s_;
};

/// Student's t distribution with df > 0 degrees of freedom.
/// rvs: N / sqrt(G / (df / 2)), G standard gamma(df / 2).
class StudentT final : public ContinuousDistribution {
 public:
  explicit StudentT(double df, double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "t"; }

 private:
  Interval std_support() const override;
  double std_pdf(double z) const override;
  double std_logpdf(double z) const override;
  double std_cdf(double z) const override;
  double std_sf(double z) const override;
  double std_ppf(double q) const override;
  double std_isf(double q) const override;
  double std_pdf_at_edge(double z) const override;
  double std_mean() const override;
  double std_var() const override;
  double std_entropy() const override;
  double std_rvs(Generator& rng) const override;
  double upper_tail(double z) const;  // P(T > |z|)
  double central_mass(double az) const;  // P(|T| < az) for 0 <= az < 1
  double df_;
  double log_norm_;  // log of the density's constant, 1 / (sqrt(df) B(df/2, 1/2))
};

/// Chi-squared distribution with df > 0 degrees of freedom: gamma(df / 2)
/// with scale 2. rvs: 2 G, G standard gamma(df / 2).
class ChiSquared final : public ContinuousDistribution {
 public:
  explicit ChiSquared(double df, double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "chi2"; }

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
  Gamma half_;  // gamma(df / 2)
  double df_;
};

/// Fisher's F distribution with dfn, dfd > 0 degrees of freedom.
/// rvs: (Gn / dfn) / (Gd / dfd) of two gamma variates.
class FisherF final : public ContinuousDistribution {
 public:
  FisherF(double dfn, double dfd, double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "f"; }

 private:
  Interval std_support() const override;
  double std_pdf(double z) const override;
  double std_logpdf(double z) const override;
  double std_cdf(double z) const override;
  double std_sf(double z) const override;
  double std_ppf(double q) const override;
  double std_isf(double q) const override;
  double std_pdf_at_edge(double z) const override;
  double std_mean() const override;
  double std_var() const override;
  double std_entropy() const override;
  double std_rvs(Generator& rng) const override;
  double dfn_, dfd_;
};

/// Cauchy distribution, density 1 / (pi (1 + z^2)); mean and variance NaN.
/// rvs: inversion.
class Cauchy final : public ContinuousDistribution {
 public:
  explicit Cauchy(double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "cauchy"; }

 private:
  Interval std_support() const override;
  double std_pdf(double z) const override;
  double std_logpdf(double z) const override;
  double std_cdf(double z) const override;
  double std_sf(double z) const override;
  double std_ppf(double q) const override;
  double std_isf(double q) const override;
  double std_pdf_at_edge(double z) const override;
  double std_mean() const override;
  double std_var() const override;
  double std_entropy() const override;
};

/// Laplace (double exponential) distribution, density exp(-|z|) / 2.
/// rvs: inversion.
class Laplace final : public ContinuousDistribution {
 public:
  explicit Laplace(double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "laplace"; }

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

/// Logistic distribution, cdf 1 / (1 + exp(-z)). rvs: inversion.
class Logistic final : public ContinuousDistribution {
 public:
  explicit Logistic(double loc = 0, double scale = 1);
  [[nodiscard]] const char* name() const noexcept override { return "logistic"; }

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

/// SciPy-named factories: the frozen distributions of scipy.stats.
[[nodiscard]] inline Normal norm(double loc = 0, double scale = 1) { return Normal(loc, scale); }
[[nodiscard]] inline Uniform uniform(double loc = 0, double scale = 1) { return Uniform(loc, scale); }
[[nodiscard]] inline Exponential expon(double loc = 0, double scale = 1) { return Exponential(loc, scale); }
[[nodiscard]] inline Gamma gamma(double a, double loc = 0, double scale = 1) { return Gamma(a, loc, scale); }
[[nodiscard]] inline Beta beta(double a, double b, double loc = 0, double scale = 1) { return Beta(a, b, loc, scale); }
[[nodiscard]] inline LogNormal lognorm(double s, double loc = 0, double scale = 1) { return LogNormal(s, loc, scale); }
[[nodiscard]] inline StudentT t(double df, double loc = 0, double scale = 1) { return StudentT(df, loc, scale); }
[[nodiscard]] inline ChiSquared chi2(double df, double loc = 0, double scale = 1) { return ChiSquared(df, loc, scale); }
[[nodiscard]] inline FisherF f(double dfn, double dfd, double loc = 0, double scale = 1) {
  return FisherF(dfn, dfd, loc, scale);
}
[[nodiscard]] inline Cauchy cauchy(double loc = 0, double scale = 1) { return Cauchy(loc, scale); }
[[nodiscard]] inline Laplace laplace(double loc = 0, double scale = 1) { return Laplace(loc, scale); }
[[nodiscard]] inline Logistic logistic(double loc = 0, double scale = 1) { return Logistic(loc, scale); }

}  // namespace scilearn::stats
