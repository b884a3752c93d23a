// scipy.integrate.qmc_quad: randomized quasi-Monte Carlo integration over a box.

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/integrate/sample.hpp>
#include <scilearn/stats/qmc.hpp>
#include <vector>

namespace scilearn::integrate {
namespace {

namespace qmc = stats::qmc;

constexpr double kInf = std::numeric_limits<double>::infinity();

std::unique_ptr<qmc::QMCEngine> make_engine(QMCEngineType type, Index d, bool scramble,
                                            std::optional<std::uint64_t> seed) {
  switch (type) {
    case QMCEngineType::sobol:
      return std::make_unique<qmc::Sobol>(d, qmc::SobolOptions{.scramble = scramble, .seed = seed});
    case QMCEngineType::latin_hypercube:
      return std::make_unique<qmc::LatinHypercube>(d, qmc::LatinHypercubeOptions{.scramble = scramble, .seed = seed});
    case QMCEngineType::halton: break;
  }
  return std::make_unique<qmc::Halton>(d, qmc::HaltonOptions{.scramble = scramble, .seed = seed});
}

// log(sum(exp(v))), shifted by the largest entry so that nothing overflows.
double logsumexp(const Vector& v) {
  const double top = v.maxCoeff();
  if (!std::isfinite(top)) return top == -kInf ? -kInf : v.sum();  // all -Inf: log 0; +Inf or NaN propagate
  return top + std::log((v.array() - top).exp().sum());
}

// log|exp(u) - exp(v)|, -Inf where u == v.
double log_abs_difference(double u, double v) {
  if (u == v) return -kInf;
  return std::max(u, v) + std::log1p(-std::exp(-std::abs(u - v)));
}

void check_input(const Vector& a, const Vector& b, const QMCQuadOptions& options) {
  if (a.size() != b.size()) {
    throw ValueError(cat("qmc_quad: a has ", a.size(), " entries but b has ", b.size()));
  }
  if (a.size() == 0) throw ValueError("qmc_quad: a and b are empty; the box needs at least one dimension");
  if (!a.allFinite() || !b.allFinite()) throw ValueError("qmc_quad: the limits a and b must be finite");
  if (options.n_estimates < 1) {
    throw ValueError(cat("qmc_quad: n_estimates must be >= 1, got ", options.n_estimates));
  }
  if (options.n_points < 1) throw ValueError(cat("qmc_quad: n_points must be >= 1, got ", options.n_points));
  if (options.log && ((b - a).array() < 0).count() % 2 == 1) {
    throw ValueError(
        "qmc_quad: with log = true the limits must not be reversed an odd number of times: the integral is "
        "negative and its log complex (SciPy returns log|I| + i pi)");
  }
}

}  // namespace

QMCQuadResult qmc_quad(const QMCIntegrand& func, const Vector& a, const Vector& b, const QMCQuadOptions& options) {
  check_input(a, b, options);
  if ((a.array() == b.array()).any()) {
    warn(WarningCategory::user,
         "qmc_quad: a lower limit was equal to an upper limit, so the value of the integral is zero by definition");
    return options.log ? QMCQuadResult{-kInf, -kInf} : QMCQuadResult{0.0, 0.0};
  }
  // Integrate over the box with the limits in order; each swap flips the sign.
  const Vector lower = a.cwiseMin(b);
  const Vector width = a.cwiseMax(b) - lower;
  const double sign = ((b - a).array() < 0).count() % 2 == 1 ? -1.0 : 1.0;
  const double cell = width.prod() / options.n_points;

  const Index d = a.size();
  std::optional<Generator> seeds;
  if (options.seed) seeds.emplace(*options.seed);
  Vector estimates(options.n_estimates);
  Vector values(options.n_points);
  Vector point(d);
  for (int e = 0; e < options.n_estimates; ++e) {
    // As SciPy: `scramble` describes the first engine (SciPy's qrng instance);
    // the later ones are always scrambled (its _init_quad), independent randomizations.
    const auto engine = make_engine(options.qrng, d, e == 0 ? options.scramble : true,
                                    seeds ? std::optional<std::uint64_t>((*seeds)()) : std::nullopt);
    const Matrix sample = engine->random(options.n_points);
    for (Index k = 0; k < options.n_points; ++k) {
      point = sample.row(k).transpose().cwiseProduct(width) + lower;
      values[k] = func(point);
    }
    estimates[e] = options.log ? logsumexp(values) + std::log(cell) : (values * cell).sum();
  }

  const double n = options.n_estimates;
  if (!options.log) {
    const double mean = estimates.mean();
    const double std_dev = std::sqrt((estimates.array() - mean).square().sum() / (n - 1));
    return {sign * mean, std_dev / std::sqrt(n)};
  }
  // In logs: mean = log(sum exp(e_i) / n); std = sqrt(sum (exp(e_i) - exp(mean))^2 / (n - 1)).
  const double log_mean = logsumexp(estimates) - std::log(n);
  Vector log_squares(options.n_estimates);
  for (int e = 0; e < options.n_estimates; ++e) log_squares[e] = 2 * log_abs_difference(estimates[e], log_mean);
  const double log_std = 0.5 * (logsumexp(log_squares) - std::log(n - 1));
  return {log_mean, log_std - 0.5 * std::log(n)};
}

}  // namespace scilearn::integrate
