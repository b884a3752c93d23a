#include <scilearn/stats/variance_tests.hpp>

#include <algorithm>
#include <cmath>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/stats/order_statistics.hpp>

#include "test_support.hpp"

namespace scilearn::stats {

using detail::kNaN;

namespace {

void check_groups(const char* where, const std::vector<Vector>& samples) {
  if (samples.size() < 2) throw ValueError(cat(where, ": at least two samples are required, got ", samples.size()));
}

bool any_nan(const std::vector<Vector>& samples) {
  return std::any_of(samples.begin(), samples.end(), [](const Vector& s) { return s.array().isNaN().any(); });
}

bool any_empty(const std::vector<Vector>& samples) {
  return std::any_of(samples.begin(), samples.end(), [](const Vector& s) { return s.size() == 0; });
}

}  // namespace

VarianceTestResult levene(const std::vector<Vector>& samples, LeveneCenter center, double proportiontocut) {
  check_groups("levene", samples);
  if (center == LeveneCenter::trimmed && !(proportiontocut >= 0 && proportiontocut < 0.5)) {
    throw ValueError(cat("levene: proportiontocut must be in [0, 0.5), got ", proportiontocut));
  }
  if (any_empty(samples)) {
    detail::warn_too_small("levene");
    return {kNaN, kNaN};
  }
  if (any_nan(samples)) return {kNaN, kNaN};
  const auto k = static_cast<Index>(samples.size());
  Index total = 0;
  std::vector<Vector> z;
  Vector zbar(k), sizes(k);
  for (Index g = 0; g < k; ++g) {
    const Vector& s = samples[static_cast<std::size_t>(g)];
    const double c = center == LeveneCenter::median ? median(s)
                     : center == LeveneCenter::mean ? detail::careful_mean(s)
                                                    : trim_mean(s, proportiontocut);
    z.emplace_back((s.array() - c).abs());
    zbar(g) = detail::careful_mean(z.back());
    sizes(g) = static_cast<double>(s.size());
    total += s.size();
  }
  const auto n = static_cast<double>(total);
  const double grand = detail::compensated_sum(k, [&](Index g) { return sizes(g) * zbar(g); }) / n;
  const double between =
      detail::compensated_sum(k, [&](Index g) { return sizes(g) * (zbar(g) - grand) * (zbar(g) - grand); });
  const double within = detail::compensated_sum(k, [&](Index g) {
    const Vector& zg = z[static_cast<std::size_t>(g)];
    return detail::compensated_sum(zg.size(), [&](Index i) { return (zg(i) - zbar(g)) * (zg(i) - zbar(g)); });
  });
  const double dfn = static_cast<double>(k - 1), dfd = n - static_cast<double>(k);
  const double w = dfd * between / (dfn * within);
  return {w, detail::f_sf(w, dfn, dfd)};
}

VarianceTestResult bartlett(const std::vector<Vector>& samples) {
  check_groups("bartlett", samples);
  if (any_empty(samples)) {
    detail::warn_too_small("bartlett");
    return {kNaN, kNaN};
  }
  if (any_nan(samples)) return {kNaN, kNaN};
  const auto k = static_cast<Index>(samples.size());
  Vector sizes(k), variances(k);
  Index total = 0;
  for (Index g = 0; g < k; ++g) {
    const Vector& s = samples[static_cast<std::size_t>(g)];
    sizes(g) = static_cast<double>(s.size());
    variances(g) = detail::centred_sum_of_squares(s) / (sizes(g) - 1);  // NaN for one value, as SciPy
    total += s.size();
  }
  const double dfw = static_cast<double>(total - k), fk = static_cast<double>(k);
  const double pooled = detail::compensated_sum(k, [&](Index g) { return (sizes(g) - 1) * variances(g); }) / dfw;
  const double numer =
      dfw * std::log(pooled) - detail::compensated_sum(k, [&](Index g) { return (sizes(g) - 1) * std::log(variances(g)); });
  const double inverse_sum = detail::compensated_sum(k, [&](Index g) { return 1 / (sizes(g) - 1); });
  const double denom = 1 + 1 / (3 * (fk - 1)) * (inverse_sum - 1 / dfw);
  const double t = numer / denom;
  const double p = detail::chi2_sf(t, fk - 1);
  return {std::isnan(t) ? t : std::max(t, 0.0), p};
}

}  // namespace scilearn::stats
