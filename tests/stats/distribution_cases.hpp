#pragma once
// What the continuous and discrete distribution tests share: reading the
// parameter sets of tests/reference/stats_distributions.py /
// stats_discrete.py (cases.csv: id, name, four parameters, then mean, var,
// std, median, entropy, interval(0.95), support; <id>_points.npy and
// <id>_probs.npy with SciPy's values), and the error measure.

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdint>
#include <memory>
#include <scilearn/core/io.hpp>
#include <string>
#include <vector>

#include "support/fixtures.hpp"

namespace scilearn::testing {

template <class Distribution>
struct DistributionCase {
  std::string id, name;
  std::unique_ptr<Distribution> dist;
  std::vector<double> scalars;  // mean, var, std, median, entropy, interval(0.95), support
  Matrix points, probs;
};

/// The cases under tests/data/<dir>/, each built by make(name, p1, p2, p3, p4).
template <class Distribution, class Make>
std::vector<DistributionCase<Distribution>> read_distribution_cases(const std::string& dir, Make make) {
  std::vector<DistributionCase<Distribution>> cases;
  for (const auto& row : read_manifest(dir + "/cases.csv")) {
    DistributionCase<Distribution> c;
    c.id = row[0];
    c.name = row[1];
    std::vector<double> v;
    for (std::size_t i = 2; i < row.size(); ++i) v.push_back(std::stod(row[i]));
    c.dist = make(c.name, v[0], v[1], v[2], v[3]);
    c.scalars.assign(v.begin() + 4, v.end());
    c.points = io::load_npy<double>(fixture_path(dir + "/" + c.id + "_points.npy"));
    c.probs = io::load_npy<double>(fixture_path(dir + "/" + c.id + "_probs.npy"));
    cases.push_back(std::move(c));
  }
  return cases;
}

/// How far ours is from SciPy's value: 0 when both are NaN or the same
/// infinity, the relative error otherwise. Values in the subnormal range carry
/// few digits in either library, so there the absolute difference over the
/// smallest normal double counts. Where SciPy's log function underflows to
/// -inf (it evaluates log of an underflowed probability) and ours still
/// returns a finite value below log(smallest subnormal) - 1, ours is the
/// better answer: 0.
inline double distribution_error(double ours, double ref) {
  if (std::isnan(ref) || std::isnan(ours)) return std::isnan(ref) && std::isnan(ours) ? 0.0 : INFINITY;
  if (std::isinf(ref)) return ours == ref || (ref < 0 && ours < -745.0) ? 0.0 : INFINITY;
  if (std::isinf(ours)) return INFINITY;
  constexpr double tiny = 2.2250738585072014e-308;
  if (std::abs(ref) < tiny) return std::abs(ours - ref) / tiny * 1e-16;
  return std::abs(ours - ref) / std::abs(ref);
}

// rvs of a continuous distribution over three seeds, n draws each: finite;
// with `moments`, the sample mean and variance within 5 standard errors of
// the distribution's; always the Kolmogorov-Smirnov statistic against its own
// cdf below the 0.001 critical value 1.9495 / sqrt(n).
template <class Distribution>
void check_continuous_samples(const Distribution& dist, bool moments, Index n) {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    Vector x = dist.rvs(n, seed);
    BOOST_TEST(x.allFinite());
    if (moments) {
      const double m = x.mean();
      const Vector dev = x.array() - m;
      const double v = dev.squaredNorm() / static_cast<double>(n - 1);
      const double m4 = dev.array().pow(4).mean();
      BOOST_TEST(std::abs(m - dist.mean()) < 5 * std::sqrt(dist.var() / static_cast<double>(n)),
                 dist.name() << " seed " << seed << " mean " << m);
      BOOST_TEST(std::abs(v - dist.var()) < 5 * std::sqrt((m4 - v * v) / static_cast<double>(n)),
                 dist.name() << " seed " << seed << " var " << v);
    }
    std::sort(x.begin(), x.end());
    double ks = 0;
    for (Index i = 0; i < n; ++i) {
      const double F = dist.cdf(x(i));
      ks = std::max({ks, F - static_cast<double>(i) / static_cast<double>(n), static_cast<double>(i + 1) / static_cast<double>(n) - F});
    }
    BOOST_TEST(ks < 1.9495 / std::sqrt(static_cast<double>(n)), dist.name() << " seed " << seed << " KS " << ks);
  }
}

}  // namespace scilearn::testing
