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
#include <scilearn/stats/distributions.hpp>
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

// The sample mean and variance of x within 5 standard errors of the
// distribution's (the variance's standard error from the sample's fourth
// central moment).
template <class Distribution>
void check_sample_moments(const Distribution& dist, const Vector& x, std::uint64_t seed) {
  const auto n = static_cast<double>(x.size());
  const double m = x.mean();
  const Vector dev = x.array() - m;
  const double v = dev.squaredNorm() / (n - 1);
  const double m4 = dev.array().pow(4).mean();
  BOOST_TEST(std::abs(m - dist.mean()) < 5 * std::sqrt(dist.var() / n), dist.name() << " seed " << seed << " mean " << m);
  BOOST_TEST(std::abs(v - dist.var()) < 5 * std::sqrt((m4 - v * v) / n), dist.name() << " seed " << seed << " var " << v);
}

// rvs of a continuous distribution over three seeds, n draws each: finite;
// with `moments`, check_sample_moments; always the Kolmogorov-Smirnov
// statistic against its own cdf below the 0.001 critical value
// 1.9495 / sqrt(n).
template <class Distribution>
void check_continuous_samples(const Distribution& dist, bool moments, Index n) {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    Vector x = dist.rvs(n, seed);
    BOOST_TEST(x.allFinite());
    if (moments) check_sample_moments(dist, x, seed);
    std::sort(x.begin(), x.end());
    double ks = 0;
    for (Index i = 0; i < n; ++i) {
      const double F = dist.cdf(x(i));
      ks = std::max({ks, F - static_cast<double>(i) / static_cast<double>(n), static_cast<double>(i + 1) / static_cast<double>(n) - F});
    }
    BOOST_TEST(ks < 1.9495 / std::sqrt(static_cast<double>(n)), dist.name() << " seed " << seed << " KS " << ks);
  }
}

// rvs of a discrete distribution over three seeds, n draws each: finite
// integers; with `moments`, check_sample_moments; always Pearson's
// chi-square below its 1e-4 critical value, over the bins (-inf, lo],
// lo + 1, ..., hi - 1, [hi, inf) with lo and hi the points where the tails
// expect 5 draws, neighbours pooled until each bin expects at least 5.
template <class Distribution>
void check_discrete_samples(const Distribution& dist, bool moments, Index n) {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    const Vector x = dist.rvs(n, seed);
    BOOST_TEST(x.allFinite());
    BOOST_TEST((x.array() == x.array().floor()).all());
    if (moments) check_sample_moments(dist, x, seed);
    const auto size = static_cast<double>(n);
    const double lo = dist.ppf(5.0 / size), hi = dist.isf(5.0 / size) + 1;
    std::vector<double> counts(static_cast<std::size_t>(hi - lo) + 1, 0.0);
    for (Index i = 0; i < n; ++i) counts[static_cast<std::size_t>(std::clamp(x(i), lo, hi) - lo)] += 1;
    std::vector<double> observed, expected;
    double o = 0, e = 0;
    for (std::size_t b = 0; b < counts.size(); ++b) {
      const double k = lo + static_cast<double>(b);
      o += counts[b];
      e += size * (k == lo ? dist.cdf(lo) : (k == hi ? dist.sf(hi - 1) : dist.pmf(k)));
      if (e >= 5) {
        observed.push_back(o);
        expected.push_back(e);
        o = e = 0;
      }
    }
    if (e > 0) {  // the remainder joins the last bin
      observed.back() += o;
      expected.back() += e;
    }
    double chi2 = 0;
    for (std::size_t b = 0; b < observed.size(); ++b) {
      chi2 += (observed[b] - expected[b]) * (observed[b] - expected[b]) / expected[b];
    }
    const double df = static_cast<double>(observed.size()) - 1;
    if (df >= 1) {
      BOOST_TEST(chi2 < stats::chi2(df).isf(1e-4), dist.name() << " seed " << seed << " chi2 " << chi2 << " df " << df);
    }
  }
}

}  // namespace scilearn::testing
