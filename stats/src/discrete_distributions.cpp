// The discrete distributions: what every one of them shares (DiscreteDistribution:
// loc, the integer and support checks, probabilities 0 and 1, the quantile
// search, entropy by summation, inversion sampling), then each one's formulas
// at loc 0. Special functions are Boost.Math's under the module's no-throw
// error policy.

#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/stats/discrete_distributions.hpp>

#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/hypergeometric.hpp>
#include <boost/math/distributions/negative_binomial.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "distribution_support.hpp"
#include "summation.hpp"

namespace scilearn::stats {

namespace {

namespace bm = boost::math;
using detail::kInf;
using detail::kNaN;
using detail::map_entries;
// Boost in long double: the discrete distributions call the incomplete beta
// and gamma functions with shapes anywhere in (0, inf), including the regions
// where their double evaluation is not trusted (continuous_distributions.cpp).
using Policy = detail::ExtendedPolicy;
using detail::xlogy;

constexpr double kMinNormal = std::numeric_limits<double>::min();

bool is_integer(double v) { return std::isfinite(v) && v == std::floor(v); }
bool is_probability(double p) { return p >= 0 && p <= 1; }  // false for NaN

double lgamma(double x) { return bm::lgamma(x, Policy()); }

// x * log1p(y) with 0 * log1p(-1) = 0 (SciPy's xlog1py).
double xlog1py(double x, double y) { return x == 0 && !std::isnan(y) ? 0.0 : x * std::log1p(y); }

using detail::log1mexp;

// log of a probability mass: log(pmf) where pmf is a normal double, otherwise
// (underflow) the closed form of its logarithm, whose lgamma terms would
// cancel digits where the mass is moderate. With near_one, the closed form
// also above 1/2, where log(pmf) keeps only log's absolute accuracy (the
// masses there sit at k = 0 or n, where the lgamma terms cancel exactly).
template <class LogForm>
double log_mass(double pmf, LogForm log_form, bool near_one = false) {
  return pmf >= kMinNormal && !(near_one && pmf > 0.5) ? std::log(pmf) : log_form();
}

// Where the entropy sum stops: terms beyond these tail probabilities add less
// than 1e-28 nats.
constexpr double kEntropyTail = 1e-30;
}  // namespace

// ---- DiscreteDistribution ---------------------------------------------------

DiscreteDistribution::DiscreteDistribution(double loc, bool shapes_valid)
    : loc_(loc), valid_(shapes_valid && std::isfinite(loc)) {}

double DiscreteDistribution::pmf(double x) const {
  if (!valid_ || std::isnan(x)) return kNaN;
  const double k = x - loc_;
  const Interval s = std_support();
  if (!is_integer(k) || k < s.low || k > s.high) return 0.0;
  return std_pmf(k);
}

double DiscreteDistribution::logpmf(double x) const {
  if (!valid_ || std::isnan(x)) return kNaN;
  const double k = x - loc_;
  const Interval s = std_support();
  if (!is_integer(k) || k < s.low || k > s.high) return -kInf;
  return std_logpmf(k);
}

double DiscreteDistribution::cdf_at(double k) const {
  const Interval s = std_support();
  if (k < s.low) return 0.0;
  if (k >= s.high) return 1.0;
  return std_cdf(k);
}

double DiscreteDistribution::sf_at(double k) const {
  const Interval s = std_support();
  if (k < s.low) return 1.0;
  if (k >= s.high) return 0.0;
  return std_sf(k);
}

// SciPy's cdf is a step function: cdf(x) = cdf(floor(x - loc)).
double DiscreteDistribution::cdf(double x) const {
  if (!valid_ || std::isnan(x)) return kNaN;
  return cdf_at(std::floor(x - loc_));
}

double DiscreteDistribution::sf(double x) const {
  if (!valid_ || std::isnan(x)) return kNaN;
  return sf_at(std::floor(x - loc_));
}

double DiscreteDistribution::logcdf(double x) const {
  if (!valid_ || std::isnan(x)) return kNaN;
  const double k = std::floor(x - loc_);
  const Interval s = std_support();
  if (k < s.low) return -kInf;
  if (k >= s.high) return 0.0;
  return std_logcdf(k);
}

double DiscreteDistribution::logsf(double x) const {
  if (!valid_ || std::isnan(x)) return kNaN;
  const double k = std::floor(x - loc_);
  const Interval s = std_support();
  if (k < s.low) return 0.0;
  if (k >= s.high) return -kInf;
  return std_logsf(k);
}

// Bracket from the guess by doubling steps, then bisect: O(log distance)
// evaluations of past. The invariant: past(hi), and lo == low - 1 or !past(lo).
template <class Past>
double DiscreteDistribution::search(double guess, Past past) const {
  const Interval s = std_support();
  const double k = std::clamp(std::isfinite(guess) ? std::floor(guess) : s.low, s.low, s.high);
  double lo = k, hi = k;
  if (past(k)) {
    for (double step = 1;; step *= 2) {
      lo = k - step;
      if (lo < s.low) {
        lo = s.low - 1;
        break;
      }
      if (!past(lo)) break;
      hi = lo;
    }
  } else {
    for (double step = 1;; step *= 2) {
      hi = k + step;
      if (hi >= s.high) {
        hi = s.high;
        break;
      }
      if (past(hi)) break;
      lo = hi;
    }
  }
  if (std::isinf(hi)) return hi;  // the predicate never held below 2^1024
  // Beyond 2^53 neighbouring doubles are more than 1 apart: the search ends
  // when no double lies strictly between lo and hi (the answer is then the
  // smallest double past, the integer itself not being representable).
  while (hi - lo > 1) {
    const double mid = lo + std::floor((hi - lo) / 2);
    if (mid == lo || mid == hi) break;
    (past(mid) ? hi : lo) = mid;
  }
  return hi;
}

// The guess is the normal approximation mean + sd z_q; the search makes the
// answer exact whatever the guess.
double DiscreteDistribution::quantile(double q) const {
  return search(std_mean() + std::sqrt(std_var()) * detail::ndtri(q), [&](double k) { return cdf_at(k) >= q; });
}

double DiscreteDistribution::upper_quantile(double q) const {
  return search(std_mean() - std::sqrt(std_var()) * detail::ndtri(q), [&](double k) { return sf_at(k) <= q; });
}

double DiscreteDistribution::ppf(double q) const {
  if (!valid_ || !is_probability(q)) return kNaN;
  const Interval s = std_support();
  if (q == 0) return s.low - 1 + loc_;
  if (q == 1) return s.high + loc_;
  return quantile(q) + loc_;
}

double DiscreteDistribution::isf(double q) const {
  if (!valid_ || !is_probability(q)) return kNaN;
  const Interval s = std_support();
  if (q == 0) return s.high + loc_;
  if (q == 1) return s.low - 1 + loc_;
  return upper_quantile(q) + loc_;
}

Vector DiscreteDistribution::pmf(const Vector& x) const {
  return map_entries(x, [this](double v) { return pmf(v); });
}
Vector DiscreteDistribution::logpmf(const Vector& x) const {
  return map_entries(x, [this](double v) { return logpmf(v); });
}
Vector DiscreteDistribution::cdf(const Vector& x) const {
  return map_entries(x, [this](double v) { return cdf(v); });
}
Vector DiscreteDistribution::logcdf(const Vector& x) const {
  return map_entries(x, [this](double v) { return logcdf(v); });
}
Vector DiscreteDistribution::sf(const Vector& x) const {
  return map_entries(x, [this](double v) { return sf(v); });
}
Vector DiscreteDistribution::logsf(const Vector& x) const {
  return map_entries(x, [this](double v) { return logsf(v); });
}
Vector DiscreteDistribution::ppf(const Vector& q) const {
  return map_entries(q, [this](double v) { return ppf(v); });
}
Vector DiscreteDistribution::isf(const Vector& q) const {
  return map_entries(q, [this](double v) { return isf(v); });
}

double DiscreteDistribution::mean() const { return valid_ ? loc_ + std_mean() : kNaN; }
double DiscreteDistribution::var() const { return valid_ ? std_var() : kNaN; }
double DiscreteDistribution::std_dev() const { return std::sqrt(var()); }
double DiscreteDistribution::median() const { return ppf(0.5); }
double DiscreteDistribution::entropy() const { return valid_ ? std_entropy() : kNaN; }

Interval DiscreteDistribution::interval(double confidence) const {
  if (!is_probability(confidence)) {
    throw ValueError(cat(name(), ".interval: confidence must be in [0, 1], got ", confidence));
  }
  return {ppf((1.0 - confidence) / 2), ppf((1.0 + confidence) / 2)};
}

Interval DiscreteDistribution::support() const {
  if (!valid_) return {kNaN, kNaN};
  const Interval s = std_support();
  return {s.low + loc_, s.high + loc_};
}

Vector DiscreteDistribution::rvs(Index size, Generator& rng) const {
  if (size < 0) throw ValueError(cat(name(), ".rvs: size must be >= 0, got ", size));
  if (!valid_) throw ValueError(cat(name(), ".rvs: the parameters are outside their domain (loc ", loc_, ")"));
  Vector out(size);
  for (Index i = 0; i < size; ++i) out(i) = loc_ + std_rvs(rng);
  return out;
}

Vector DiscreteDistribution::rvs(Index size, std::optional<std::uint64_t> random_state) const {
  Generator rng = default_rng(random_state);
  return rvs(size, rng);
}

double DiscreteDistribution::std_logpmf(double k) const { return std::log(std_pmf(k)); }

double DiscreteDistribution::std_logcdf(double k) const {
  return detail::log_probability(std_cdf(k), [&] { return std_sf(k); });
}

double DiscreteDistribution::std_logsf(double k) const {
  return detail::log_probability(std_sf(k), [&] { return std_cdf(k); });
}

// SciPy's default: the sum of -pmf log pmf over the support, here over the
// points between the kEntropyTail quantiles (the rest adds less than 1e-28),
// with compensated summation.
double DiscreteDistribution::std_entropy() const {
  const double lo = quantile(kEntropyTail), hi = upper_quantile(kEntropyTail);
  return detail::compensated_sum(static_cast<Index>(hi - lo) + 1, [&](Index i) {
    const double k = lo + static_cast<double>(i);
    const double p = std_pmf(k);
    return p > 0 ? -p * std_logpmf(k) : 0.0;
  });
}

double DiscreteDistribution::std_rvs(Generator& rng) const { return quantile(detail::open_uniform(rng)); }

double DiscreteDistribution::expect(const std::function<double(double)>& f, double lb, double ub, bool conditional) const {
  if (std::isnan(lb) || std::isnan(ub) || lb > ub) {
    throw ValueError(cat(name(), ".expect: need lb <= ub, got lb = ", lb, ", ub = ", ub));
  }
  if (!valid_) return kNaN;
  // The support's integers within [lb, ub], at loc 0.
  const Interval s = std_support();
  const double first = std::max(s.low, std::ceil(lb - loc_)), last = std::min(s.high, std::floor(ub - loc_));
  if (first > last) return conditional ? kNaN : 0.0;
  const auto term = [&](double k) {
    const double p = std_pmf(k);
    return p == 0 ? 0.0 : f(k + loc_) * p;
  };
  detail::CompensatedSum sum;
  // The bulk, between the tail quantiles (clipped to the range) ...
  const double lo = std::max(first, quantile(kEntropyTail)), hi = std::min(last, upper_quantile(kEntropyTail));
  for (double k = lo; k <= hi; ++k) sum.add(term(k));
  // ... then outward, while the terms still matter.
  constexpr int kQuietRun = 32;
  constexpr double kMaxTerms = 1e6;
  const auto walk = [&](double from, double step, double end) {
    int quiet = 0;
    for (double k = from, n = 0; (step > 0 ? k <= end : k >= end) && quiet < kQuietRun && n < kMaxTerms; k += step, ++n) {
      const double t = term(k);
      sum.add(t);
      quiet = std::abs(t) <= 1e-16 * std::abs(sum.value()) ? quiet + 1 : 0;
    }
  };
  walk(std::max(lo, hi + 1), 1, last);
  walk(std::min(hi, lo - 1), -1, first);
  const double value = sum.value();
  if (!conditional) return value;
  return value / (cdf_at(last) - cdf_at(first - 1));
}

double DiscreteDistribution::moment(int order) const {
  if (order < 0) throw ValueError(cat(name(), ".moment: order must be >= 0, got ", order));
  if (!valid_) return kNaN;
  if (order == 0) return 1.0;
  const double m = mean();
  if (order == 1) return m;
  if (order == 2) return var() + m * m;
  return expect([order](double x) { return std::pow(x, order); });
}

// ---- bernoulli --------------------------------------------------------------

Bernoulli::Bernoulli(double p, double loc) : DiscreteDistribution(loc, is_probability(p)), p_(p) {}
Interval Bernoulli::std_support() const { return {0.0, 1.0}; }
double Bernoulli::std_pmf(double k) const { return k == 0 ? 1 - p_ : p_; }
double Bernoulli::std_cdf(double) const { return 1 - p_; }  // only k = 0 reaches here
double Bernoulli::std_sf(double) const { return p_; }
double Bernoulli::std_mean() const { return p_; }
double Bernoulli::std_var() const { return p_ * (1 - p_); }
double Bernoulli::std_entropy() const { return -xlogy(p_, p_) - xlog1py(1 - p_, -p_); }

// ---- binom ------------------------------------------------------------------

namespace {
bm::binomial_distribution<double, Policy> binomial(double n, double p) { return {n, p}; }
}  // namespace

Binomial::Binomial(double n, double p, double loc)
    : DiscreteDistribution(loc, is_integer(n) && n >= 0 && is_probability(p)), n_(n), p_(p) {}
Interval Binomial::std_support() const { return {0.0, n_}; }
double Binomial::std_pmf(double k) const { return bm::pdf(binomial(n_, p_), k); }
double Binomial::std_logpmf(double k) const {
  return log_mass(std_pmf(k), [&] {
    return lgamma(n_ + 1) - lgamma(k + 1) - lgamma(n_ - k + 1) + xlogy(k, p_) + xlog1py(n_ - k, -p_);
  }, true);
}
double Binomial::std_cdf(double k) const { return bm::cdf(binomial(n_, p_), k); }
double Binomial::std_sf(double k) const { return bm::cdf(bm::complement(binomial(n_, p_), k)); }
double Binomial::std_mean() const { return n_ * p_; }
double Binomial::std_var() const { return n_ * p_ * (1 - p_); }

// ---- poisson ----------------------------------------------------------------

Poisson::Poisson(double mu, double loc) : DiscreteDistribution(loc, mu >= 0 && std::isfinite(mu)), mu_(mu) {}
Interval Poisson::std_support() const { return {0.0, kInf}; }
// mu^k e^-mu / k! is the derivative of P(k + 1, mu) in mu: Boost evaluates it
// without forming the power and the factorial.
double Poisson::std_pmf(double k) const {
  if (mu_ == 0) return k == 0 ? 1.0 : 0.0;
  return bm::gamma_p_derivative(k + 1, mu_, Policy());
}
double Poisson::std_logpmf(double k) const {
  return log_mass(std_pmf(k), [&] { return xlogy(k, mu_) - mu_ - lgamma(k + 1); }, true);
}
double Poisson::std_cdf(double k) const { return bm::gamma_q(k + 1, mu_, Policy()); }
double Poisson::std_sf(double k) const { return bm::gamma_p(k + 1, mu_, Policy()); }
double Poisson::std_mean() const { return mu_; }
double Poisson::std_var() const { return mu_; }

// ---- geom -------------------------------------------------------------------

Geometric::Geometric(double p, double loc) : DiscreteDistribution(loc, p > 0 && p <= 1), p_(p) {}
Interval Geometric::std_support() const { return {1.0, kInf}; }
// (1 - p)^(k - 1) as exp((k - 1) log1p(-p)): relative error about eps k p
// instead of pow(1 - p, k - 1)'s eps k once 1 - p is rounded.
double Geometric::std_pmf(double k) const { return std::exp(xlog1py(k - 1, -p_)) * p_; }
double Geometric::std_logpmf(double k) const { return xlog1py(k - 1, -p_) + std::log(p_); }
double Geometric::std_cdf(double k) const { return -std::expm1(xlog1py(k, -p_)); }
double Geometric::std_sf(double k) const { return std::exp(xlog1py(k, -p_)); }
double Geometric::std_logcdf(double k) const { return log1mexp(xlog1py(k, -p_)); }
double Geometric::std_logsf(double k) const { return xlog1py(k, -p_); }
double Geometric::std_mean() const { return 1 / p_; }
double Geometric::std_var() const { return (1 - p_) / (p_ * p_); }
// (-p log p - (1 - p) log(1 - p)) / p; 0 at p = 1, where SciPy 1.17 gives NaN.
double Geometric::std_entropy() const { return (-xlogy(p_, p_) - xlog1py(1 - p_, -p_)) / p_; }

// ---- nbinom -----------------------------------------------------------------

namespace {
bm::negative_binomial_distribution<double, Policy> negative_binomial(double n, double p) { return {n, p}; }
}  // namespace

NegativeBinomial::NegativeBinomial(double n, double p, double loc)
    : DiscreteDistribution(loc, n > 0 && std::isfinite(n) && p > 0 && p <= 1), n_(n), p_(p) {}
Interval NegativeBinomial::std_support() const { return {0.0, kInf}; }
double NegativeBinomial::std_pmf(double k) const {
  if (p_ == 1) return k == 0 ? 1.0 : 0.0;
  return bm::pdf(negative_binomial(n_, p_), k);
}
double NegativeBinomial::std_logpmf(double k) const {
  return log_mass(std_pmf(k), [&] {
    return lgamma(k + n_) - lgamma(k + 1) - lgamma(n_) + n_ * std::log(p_) + xlog1py(k, -p_);
  }, true);
}
double NegativeBinomial::std_cdf(double k) const {
  return p_ == 1 ? 1.0 : bm::cdf(negative_binomial(n_, p_), k);
}
double NegativeBinomial::std_sf(double k) const {
  return p_ == 1 ? 0.0 : bm::cdf(bm::complement(negative_binomial(n_, p_), k));
}
double NegativeBinomial::std_mean() const { return n_ * (1 - p_) / p_; }
double NegativeBinomial::std_var() const { return n_ * (1 - p_) / (p_ * p_); }

// ---- hypergeom --------------------------------------------------------------

namespace {
constexpr double kMaxUnsigned = 4294967295.0;  // Boost's hypergeometric takes unsigned counts

// Boost's parameters: r successes (SciPy's n), n draws (SciPy's N), N objects (SciPy's M).
bm::hypergeometric_distribution<double, Policy> hypergeometric(double M, double n, double N) {
  return {static_cast<unsigned>(n), static_cast<unsigned>(N), static_cast<unsigned>(M)};
}

double lbinom(double a, double b) { return lgamma(a + 1) - lgamma(b + 1) - lgamma(a - b + 1); }
}  // namespace

Hypergeometric::Hypergeometric(double M, double n, double N, double loc)
    : DiscreteDistribution(loc, is_integer(M) && is_integer(n) && is_integer(N) && M > 0 && M <= kMaxUnsigned &&
                                    n >= 0 && N >= 0 && n <= M && N <= M),
      M_(M),
      n_(n),
      N_(N) {}
Interval Hypergeometric::std_support() const { return {std::max(0.0, N_ - (M_ - n_)), std::min(n_, N_)}; }
double Hypergeometric::std_pmf(double k) const { return bm::pdf(hypergeometric(M_, n_, N_), k); }
double Hypergeometric::std_logpmf(double k) const {
  return log_mass(std_pmf(k), [&] { return lbinom(n_, k) + lbinom(M_ - n_, N_ - k) - lbinom(M_, N_); });
}
double Hypergeometric::std_cdf(double k) const { return bm::cdf(hypergeometric(M_, n_, N_), k); }
double Hypergeometric::std_sf(double k) const { return bm::cdf(bm::complement(hypergeometric(M_, n_, N_), k)); }
double Hypergeometric::std_mean() const { return N_ * n_ / M_; }
double Hypergeometric::std_var() const {
  if (M_ == 1) return 0.0;
  return N_ * n_ * (M_ - n_) * (M_ - N_) / (M_ * M_ * (M_ - 1));
}

// ---- randint ----------------------------------------------------------------

RandInt::RandInt(double low, double high, double loc)
    : DiscreteDistribution(loc, is_integer(low) && is_integer(high) && high > low), low_(low), high_(high) {}
Interval RandInt::std_support() const { return {low_, high_ - 1}; }
double RandInt::std_pmf(double) const { return 1 / (high_ - low_); }
double RandInt::std_cdf(double k) const { return (k - low_ + 1) / (high_ - low_); }
double RandInt::std_sf(double k) const { return (high_ - 1 - k) / (high_ - low_); }
double RandInt::std_mean() const { return (low_ + high_ - 1) / 2; }
double RandInt::std_var() const { return ((high_ - low_) * (high_ - low_) - 1) / 12; }
double RandInt::std_entropy() const { return std::log(high_ - low_); }

}  // namespace scilearn::stats
