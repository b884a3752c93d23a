// scipy.stats.bootstrap: the resampling, then the percentile, basic and BCa
// intervals from the bootstrap distribution (Efron & Tibshirani 1993,
// "An Introduction to the Bootstrap", ch. 13-14).

#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/stats/resampling.hpp>
#include <utility>
#include <vector>

#include "test_support.hpp"

namespace scilearn::stats {

using detail::kNaN;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

void validate(const std::vector<Vector>& data, const BootstrapOptions& options) {
  if (data.empty()) throw ValueError("bootstrap: data must contain at least one sample");
  for (std::size_t j = 0; j < data.size(); ++j) {
    if (data[j].size() < 2) {
      throw ValueError(cat("bootstrap: each sample in data must contain two or more observations, sample ", j,
                           " has ", data[j].size()));
    }
    if (options.paired && data[j].size() != data[0].size()) {
      throw ValueError(cat("bootstrap: with paired, all samples must have the same length, got ", data[0].size(),
                           " and ", data[j].size()));
    }
  }
  if (options.n_resamples < 0) {
    throw ValueError(cat("bootstrap: n_resamples must be a non-negative integer, got ", options.n_resamples));
  }
  const bool previous = options.bootstrap_result != nullptr && options.bootstrap_result->bootstrap_distribution.size() > 0;
  if (options.n_resamples == 0 && !previous) {
    throw ValueError("bootstrap: either bootstrap_result's distribution or n_resamples must be non-empty");
  }
  if (!(options.confidence_level >= 0 && options.confidence_level <= 1)) {
    throw ValueError(cat("bootstrap: confidence_level must lie in [0, 1], got ", options.confidence_level));
  }
}

// The previous distribution (if any) followed by n_resamples new values.
Vector bootstrap_distribution(const std::vector<Vector>& data, const SamplesStatistic& statistic,
                              const BootstrapOptions& options) {
  const Vector previous =
      options.bootstrap_result != nullptr ? options.bootstrap_result->bootstrap_distribution : Vector();
  Vector theta(previous.size() + options.n_resamples);
  theta.head(previous.size()) = previous;
  if (options.n_resamples == 0) return theta;

  Generator rng = default_rng(options.seed);
  std::vector<Vector> resample(data.size());
  for (std::size_t j = 0; j < data.size(); ++j) resample[j].resize(data[j].size());
  const Index n0 = data[0].size();
  for (Index b = 0; b < options.n_resamples; ++b) {
    if (options.paired) {  // one set of indices for all samples
      for (Index i = 0; i < n0; ++i) {
        const auto k = static_cast<Index>(rng.integers(0, n0));
        for (std::size_t j = 0; j < data.size(); ++j) resample[j](i) = data[j](k);
      }
    } else {
      for (std::size_t j = 0; j < data.size(); ++j) {
        const Index n = data[j].size();
        for (Index i = 0; i < n; ++i) resample[j](i) = data[j](static_cast<Index>(rng.integers(0, n)));
      }
    }
    theta(previous.size() + b) = statistic(resample);
  }
  return theta;
}

// scipy.stats.quantile(sorted, p) with method 'linear' (Hyndman & Fan's
// type 7), in SciPy's arithmetic: position j g = p n + 1 - p (1-based),
// (1 - g) x[j] + g x[j + 1]; NaN for p outside [0, 1] or NaN.
double linear_quantile(const std::vector<double>& sorted, double p) {
  if (!(p >= 0 && p <= 1)) return kNaN;
  const auto n = static_cast<double>(sorted.size());
  const double jg = p * n + (1 - p);
  const double jp1 = std::floor(jg);
  const double j = jp1 - 1;
  const double g = j < 0 ? 0.0 : jg - jp1;
  const auto at = [&](double k) { return sorted[static_cast<std::size_t>(std::clamp(k, 0.0, n - 1))]; };
  return (1 - g) * at(j) + g * at(jp1);
}

// The jackknife values of the statistic for sample j: sample j without each
// of its observations in turn (the others kept in order), the other samples
// whole. With paired data the pairs are left out together.
Vector jackknife(const std::vector<Vector>& data, const SamplesStatistic& statistic, std::size_t j, bool paired) {
  const Index n = data[j].size();
  std::vector<Vector> reduced = data;
  Vector theta(n);
  for (Index left_out = 0; left_out < n; ++left_out) {
    for (std::size_t s = 0; s < data.size(); ++s) {
      if (s != j && !paired) continue;
      reduced[s].resize(n - 1);
      reduced[s].head(left_out) = data[s].head(left_out);
      reduced[s].tail(n - 1 - left_out) = data[s].tail(n - 1 - left_out);
    }
    theta(left_out) = statistic(reduced);
  }
  return theta;
}

// The BCa probabilities (alpha_1, alpha_2) for the nominal alpha (Efron &
// Tibshirani 1993, eq. 14.9-14.15): the bias correction z0 from the
// fraction of the distribution below theta_hat, the acceleration from the
// jackknife (summed over the samples, as SciPy, eq. 15.36 for two samples).
std::pair<double, double> bca_probabilities(const std::vector<Vector>& data, const SamplesStatistic& statistic,
                                            const Vector& theta_b, double theta_hat, double alpha, bool paired) {
  const Normal normal;
  Index below = 0, at_or_below = 0;
  for (const double t : theta_b) {
    below += t < theta_hat;
    at_or_below += t <= theta_hat;
  }
  const double z0 = normal.ppf(static_cast<double>(below + at_or_below) / (2 * static_cast<double>(theta_b.size())));

  double numerator = 0, denominator = 0;
  for (std::size_t j = 0; j < (paired ? 1 : data.size()); ++j) {
    const Vector theta_i = jackknife(data, statistic, j, paired);
    const double n = static_cast<double>(theta_i.size());
    const double theta_dot = detail::careful_mean(theta_i);
    const Vector u = (n - 1) * (theta_dot - theta_i.array());
    numerator += u.array().cube().sum() / (n * n * n);
    denominator += u.squaredNorm() / (n * n);
  }
  const double a_hat = 1.0 / 6 * numerator / std::pow(denominator, 1.5);

  const double z_alpha = normal.ppf(alpha);
  const auto adjusted = [&](double z) {
    const double shifted = z0 + z;
    return normal.cdf(z0 + shifted / (1 - a_hat * shifted));
  };
  return {adjusted(z_alpha), adjusted(-z_alpha)};
}

}  // namespace

BootstrapResult bootstrap(const std::vector<Vector>& data, const SamplesStatistic& statistic,
                          const BootstrapOptions& options) {
  validate(data, options);
  BootstrapResult result;
  result.bootstrap_distribution = bootstrap_distribution(data, statistic, options);
  const Vector& theta_b = result.bootstrap_distribution;

  const double alpha = options.alternative == Alternative::two_sided ? (1 - options.confidence_level) / 2
                                                                     : 1 - options.confidence_level;
  double theta_hat = kNaN;
  if (options.method != BootstrapMethod::percentile) theta_hat = statistic(data);
  const auto [p_low, p_high] =
      options.method == BootstrapMethod::bca
          ? bca_probabilities(data, statistic, theta_b, theta_hat, alpha, options.paired)
          : std::pair<double, double>{alpha, 1 - alpha};

  double low = kNaN, high = kNaN;
  if (!theta_b.hasNaN()) {  // scipy.stats.quantile propagates NaN
    std::vector<double> sorted(theta_b.begin(), theta_b.end());
    std::sort(sorted.begin(), sorted.end());
    low = linear_quantile(sorted, p_low);
    high = linear_quantile(sorted, p_high);
  }
  if (std::isnan(low) || std::isnan(high)) {
    warn(WarningCategory::runtime,
         "bootstrap: the confidence interval cannot be calculated; this is known to occur when the bootstrap "
         "distribution is degenerate or the statistic is the minimum (BCa)");
  }
  if (options.method == BootstrapMethod::basic) {
    const double reflected_low = 2 * theta_hat - high;
    high = 2 * theta_hat - low;
    low = reflected_low;
  }
  if (options.alternative == Alternative::less) low = -kInf;
  if (options.alternative == Alternative::greater) high = kInf;
  result.confidence_interval = {low, high};
  result.standard_error =
      std::sqrt(detail::centred_sum_of_squares(theta_b) / static_cast<double>(theta_b.size() - 1));
  return result;
}

BootstrapResult bootstrap(const Vector& data, const Statistic& statistic, const BootstrapOptions& options) {
  return bootstrap(std::vector<Vector>{data}, [&](const std::vector<Vector>& s) { return statistic(s[0]); },
                   options);
}

}  // namespace scilearn::stats
