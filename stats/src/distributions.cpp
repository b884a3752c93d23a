// The parts of every continuous distribution that do not depend on its
// formula: loc / scale, the support's edges, probabilities 0 and 1, invalid
// parameters, the default log functions, inversion sampling.

#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/stats/distributions.hpp>

#include <cmath>

#include <boost/math/quadrature/exp_sinh.hpp>
#include <boost/math/quadrature/tanh_sinh.hpp>

#include "distribution_support.hpp"

namespace scilearn::stats {

namespace {
using detail::kInf;
using detail::kNaN;
using detail::map_entries;
}  // namespace

ContinuousDistribution::ContinuousDistribution(double loc, double scale, bool shapes_valid)
    : loc_(loc), scale_(scale), valid_(shapes_valid && std::isfinite(loc) && std::isfinite(scale) && scale > 0) {}

double ContinuousDistribution::open_uniform(Generator& rng) noexcept { return detail::open_uniform(rng); }

// SciPy evaluates the density on the closed support [a, b] and is 0 outside.
double ContinuousDistribution::pdf(double x) const {
  if (!valid_ || std::isnan(x)) return kNaN;
  const double z = (x - loc_) / scale_;
  const Interval s = std_support();
  if (z < s.low || z > s.high || std::isinf(z)) return 0.0;
  if (z == s.low || z == s.high) return std_pdf_at_edge(z) / scale_;
  return std_pdf(z) / scale_;
}

double ContinuousDistribution::logpdf(double x) const {
  if (!valid_ || std::isnan(x)) return kNaN;
  const double z = (x - loc_) / scale_;
  const Interval s = std_support();
  if (z < s.low || z > s.high || std::isinf(z)) return -kInf;
  if (z == s.low || z == s.high) return std::log(std_pdf_at_edge(z)) - std::log(scale_);
  return std_logpdf(z) - std::log(scale_);
}

double ContinuousDistribution::cdf(double x) const {
  if (!valid_ || std::isnan(x)) return kNaN;
  const double z = (x - loc_) / scale_;
  const Interval s = std_support();
  if (z <= s.low) return 0.0;
  if (z >= s.high) return 1.0;
  return std_cdf(z);
}

double ContinuousDistribution::logcdf(double x) const {
  if (!valid_ || std::isnan(x)) return kNaN;
  const double z = (x - loc_) / scale_;
  const Interval s = std_support();
  if (z <= s.low) return -kInf;
  if (z >= s.high) return 0.0;
  return std_logcdf(z);
}

double ContinuousDistribution::sf(double x) const {
  if (!valid_ || std::isnan(x)) return kNaN;
  const double z = (x - loc_) / scale_;
  const Interval s = std_support();
  if (z <= s.low) return 1.0;
  if (z >= s.high) return 0.0;
  return std_sf(z);
}

double ContinuousDistribution::logsf(double x) const {
  if (!valid_ || std::isnan(x)) return kNaN;
  const double z = (x - loc_) / scale_;
  const Interval s = std_support();
  if (z <= s.low) return 0.0;
  if (z >= s.high) return -kInf;
  return std_logsf(z);
}

double ContinuousDistribution::ppf(double q) const {
  if (!valid_ || !(q >= 0 && q <= 1)) return kNaN;
  const Interval s = std_support();
  if (q == 0) return s.low * scale_ + loc_;
  if (q == 1) return s.high * scale_ + loc_;
  return std_ppf(q) * scale_ + loc_;
}

double ContinuousDistribution::isf(double q) const {
  if (!valid_ || !(q >= 0 && q <= 1)) return kNaN;
  const Interval s = std_support();
  if (q == 0) return s.high * scale_ + loc_;
  if (q == 1) return s.low * scale_ + loc_;
  return std_isf(q) * scale_ + loc_;
}

Vector ContinuousDistribution::pdf(const Vector& x) const {
  return map_entries(x, [this](double v) { return pdf(v); });
}
Vector ContinuousDistribution::logpdf(const Vector& x) const {
  return map_entries(x, [this](double v) { return logpdf(v); });
}
Vector ContinuousDistribution::cdf(const Vector& x) const {
  return map_entries(x, [this](double v) { return cdf(v); });
}
Vector ContinuousDistribution::logcdf(const Vector& x) const {
  return map_entries(x, [this](double v) { return logcdf(v); });
}
Vector ContinuousDistribution::sf(const Vector& x) const {
  return map_entries(x, [this](double v) { return sf(v); });
}
Vector ContinuousDistribution::logsf(const Vector& x) const {
  return map_entries(x, [this](double v) { return logsf(v); });
}
Vector ContinuousDistribution::ppf(const Vector& q) const {
  return map_entries(q, [this](double v) { return ppf(v); });
}
Vector ContinuousDistribution::isf(const Vector& q) const {
  return map_entries(q, [this](double v) { return isf(v); });
}

double ContinuousDistribution::mean() const { return valid_ ? loc_ + scale_ * std_mean() : kNaN; }
double ContinuousDistribution::var() const { return valid_ ? scale_ * scale_ * std_var() : kNaN; }
double ContinuousDistribution::std_dev() const { return std::sqrt(var()); }
double ContinuousDistribution::median() const { return ppf(0.5); }
double ContinuousDistribution::entropy() const { return valid_ ? std_entropy() + std::log(scale_) : kNaN; }

double ContinuousDistribution::expect(const std::function<double(double)>& f, double lb, double ub, bool conditional) const {
  if (std::isnan(lb) || std::isnan(ub) || lb > ub) {
    throw ValueError(cat(name(), ".expect: need lb <= ub, got lb = ", lb, ", ub = ", ub));
  }
  if (!valid_) return kNaN;
  const Interval s = support();
  const double a = std::max(lb, s.low), b = std::min(ub, s.high);
  if (a >= b) return conditional ? kNaN : 0.0;
  // f(x) pdf(x), 0 where the density is (f may be large there).
  const auto integrand = [&](double x) {
    const double p = pdf(x);
    return p == 0 ? 0.0 : f(x) * p;
  };
  constexpr double kTolerance = 1.4901161193847656e-08;  // sqrt(eps), scipy.integrate.quad's epsrel
  boost::math::quadrature::exp_sinh<double, detail::Policy> half_line;  // integrate() is not const in Boost 1.74
  double value = 0;
  if (std::isfinite(a) && std::isfinite(b)) {
    value = boost::math::quadrature::tanh_sinh<double, detail::Policy>().integrate(integrand, a, b, kTolerance);
  } else if (std::isfinite(a) || std::isfinite(b)) {
    value = half_line.integrate(integrand, a, b, kTolerance);
  } else {
    // Two half-lines split at loc, where functions like |x - loc| have
    // their kink (one double-exponential rule across it converged to 6e-7).
    value = half_line.integrate(integrand, -kInf, loc_, kTolerance) + half_line.integrate(integrand, loc_, kInf, kTolerance);
  }
  if (!conditional) return value;
  return value / (cdf(b) - cdf(a));
}

double ContinuousDistribution::moment(int order) const {
  if (order < 0) throw ValueError(cat(name(), ".moment: order must be >= 0, got ", order));
  if (!valid_) return kNaN;
  if (order == 0) return 1.0;
  const double m = mean();
  if (order == 1) return m;
  if (order == 2) return var() + m * m;
  return expect([order](double x) { return std::pow(x, order); });
}

Interval ContinuousDistribution::interval(double confidence) const {
  if (!(confidence >= 0 && confidence <= 1)) {
    throw ValueError(cat(name(), ".interval: confidence must be in [0, 1], got ", confidence));
  }
  return {ppf((1.0 - confidence) / 2), ppf((1.0 + confidence) / 2)};
}

Interval ContinuousDistribution::support() const {
  if (!valid_) return {kNaN, kNaN};
  const Interval s = std_support();
  return {s.low * scale_ + loc_, s.high * scale_ + loc_};
}

Vector ContinuousDistribution::rvs(Index size, Generator& rng) const {
  if (size < 0) throw ValueError(cat(name(), ".rvs: size must be >= 0, got ", size));
  if (!valid_) {
    throw ValueError(cat(name(), ".rvs: the parameters are outside their domain (loc ", loc_, ", scale ", scale_, ")"));
  }
  Vector out(size);
  for (Index i = 0; i < size; ++i) out(i) = loc_ + scale_ * std_rvs(rng);
  return out;
}

Vector ContinuousDistribution::rvs(Index size, std::optional<std::uint64_t> random_state) const {
  Generator rng = default_rng(random_state);
  return rvs(size, rng);
}

double ContinuousDistribution::std_logpdf(double z) const { return std::log(std_pdf(z)); }

// log(cdf) loses relative accuracy where cdf is close to 1; there the
// complement is small and log1p(-sf) is accurate. The same, mirrored, for sf.
double ContinuousDistribution::std_logcdf(double z) const {
  return detail::log_probability(std_cdf(z), [&] { return std_sf(z); });
}

double ContinuousDistribution::std_logsf(double z) const {
  return detail::log_probability(std_sf(z), [&] { return std_cdf(z); });
}

double ContinuousDistribution::std_rvs(Generator& rng) const { return std_ppf(open_uniform(rng)); }

}  // namespace scilearn::stats
