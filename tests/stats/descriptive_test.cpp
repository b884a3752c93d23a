#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <cmath>
#include <iostream>
#include <limits>
#include <map>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/stats/descriptive.hpp>
#include <scilearn/stats/order_statistics.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(descriptive)

using namespace scilearn;

// Closed forms: 1..n has mean (n + 1) / 2 and variance (n^2 - 1) / 12 (ddof 0).
BOOST_AUTO_TEST_CASE(mean_and_variance_of_one_to_n) {
  const Index n = 1001;
  const Vector a = Vector::LinSpaced(n, 1, static_cast<double>(n));
  BOOST_TEST(stats::mean(a) == 501.0);
  BOOST_TEST(stats::var(a) == (static_cast<double>(n * n) - 1) / 12);
  BOOST_TEST(stats::var(a, 1) == (static_cast<double>(n * n) - 1) / 12 * n / (n - 1),
             boost::test_tools::tolerance(1e-15));
  BOOST_TEST(stats::std_dev(a) == std::sqrt((static_cast<double>(n * n) - 1) / 12));
  const Matrix two = (Matrix(3, 2) << 1, 10, 2, 20, 3, 30).finished();
  BOOST_TEST(stats::mean(two, stats::Axis::columns) == (Vector(2) << 2, 20).finished());
  BOOST_TEST(stats::var(two, stats::Axis::columns, 1) == (Vector(2) << 1, 100).finished());
  BOOST_TEST(stats::mean(two, stats::Axis::rows) == (Vector(3) << 5.5, 11, 16.5).finished());
}

BOOST_AUTO_TEST_CASE(edge_cases_as_numpy) {
  BOOST_CHECK_THROW((void)stats::mean(Vector()), ValueError);
  BOOST_CHECK_THROW((void)stats::var(Vector::Ones(3), -1), ValueError);
  BOOST_TEST(std::isnan(stats::var(Vector::Ones(1), 1)));  // n <= ddof: NaN, as NumPy
  Vector with_nan = Vector::Ones(4);
  with_nan(2) = std::numeric_limits<double>::quiet_NaN();
  BOOST_TEST(std::isnan(stats::mean(with_nan)));
  BOOST_TEST(stats::lag_autocorrelation(Vector::LinSpaced(4, 1, 4), 0) == 1.0);
  BOOST_CHECK_THROW((void)stats::lag_autocorrelation(Vector::Ones(3), 3), ValueError);
}

namespace {

Vector split(const std::string& s) {
  std::vector<double> v;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ';');) v.push_back(std::stod(item));
  return Eigen::Map<Vector>(v.data(), static_cast<Index>(v.size()));
}

const std::map<std::string, stats::QuantileMethod> kMethods = {
    {"inverted_cdf", stats::QuantileMethod::inverted_cdf},
    {"averaged_inverted_cdf", stats::QuantileMethod::averaged_inverted_cdf},
    {"closest_observation", stats::QuantileMethod::closest_observation},
    {"interpolated_inverted_cdf", stats::QuantileMethod::interpolated_inverted_cdf},
    {"hazen", stats::QuantileMethod::hazen},
    {"weibull", stats::QuantileMethod::weibull},
    {"linear", stats::QuantileMethod::linear},
    {"median_unbiased", stats::QuantileMethod::median_unbiased},
    {"normal_unbiased", stats::QuantileMethod::normal_unbiased},
    {"lower", stats::QuantileMethod::lower},
    {"higher", stats::QuantileMethod::higher},
    {"midpoint", stats::QuantileMethod::midpoint},
    {"nearest", stats::QuantileMethod::nearest}};

const std::map<std::string, stats::RankMethod> kRanks = {{"average", stats::RankMethod::average},
                                                         {"min", stats::RankMethod::min},
                                                         {"max", stats::RankMethod::max},
                                                         {"dense", stats::RankMethod::dense},
                                                         {"ordinal", stats::RankMethod::ordinal}};

Vector weights_of(const std::string& sample, const std::string& kind) {
  return io::load_npy<double>(testing::fixture_path("stats/descriptive/" + sample + "_" + kind + ".npy"));
}

// Ours for one row of values.csv (sample: the sample's name, for its weights).
double ours(const Vector& a, const std::string& sample, const std::string& f, const std::string& p) {
  if (f.starts_with("w")) {
    const Vector w = weights_of(sample, p == "f1" ? "fweights" : "weights");
    if (f == "wmean") return stats::mean(a, w);
    if (f == "wvar") return stats::var(a, w, p == "f1" ? 1 : 0);
    if (f == "wstd") return stats::std_dev(a, w, 0);
    if (f == "wgmean") return stats::gmean(a, w);
    if (f == "whmean") return stats::hmean(a, w);
    if (f == "wpmean") return stats::pmean(a, std::stod(p), w);
  }
  if (f == "mean") return stats::mean(a);
  if (f == "var") return stats::var(a, std::stoi(p));
  if (f == "median") return stats::median(a);
  if (f == "moment") return stats::moment(a, std::stoi(p));
  if (f == "skew") return stats::skew(a, p == "biased");
  if (f == "kurtosis") return stats::kurtosis(a, p != "pearson", p != "unbiased");
  if (f == "sem") return stats::sem(a, std::stoi(p));
  if (f == "variation") return stats::variation(a, std::stoi(p));
  if (f == "iqr") return stats::iqr(a, 25, 75, stats::QuantileMethod::linear, p == "normal");
  if (f == "trim_mean") return stats::trim_mean(a, std::stod(p));
  if (f == "mad") return stats::median_abs_deviation(a, 1.0, p == "normal");
  if (f == "mode") return p == "value" ? stats::mode(a).mode : static_cast<double>(stats::mode(a).count);
  if (f == "gmean") return stats::gmean(a);
  if (f == "hmean") return stats::hmean(a);
  if (f == "pmean") return stats::pmean(a, std::stod(p));
  if (f == "entropy") return p.empty() ? stats::entropy(a) : stats::entropy(a, Vector::Ones(a.size()), 2);
  if (f == "quantile") {
    const auto colon = p.find(':');
    return stats::quantile(a, std::stod(p.substr(colon + 1)), kMethods.at(p.substr(0, colon)));
  }
  throw std::logic_error("unknown function " + f);
}

}  // namespace

// Against NumPy 2.4 / SciPy 1.17 on six samples (tests/reference/stats_descriptive.py):
// every statistic to 1e-13 relative to max(1, |value|) (the two sides sum in
// different orders; ours compensated), the quantiles, mode and ranks exactly
// (they pick or interpolate order statistics the same way).
BOOST_AUTO_TEST_CASE(statistics_match_numpy_and_scipy) {
  int rows = 0;
  double worst = 0;
  for (const auto& c : testing::read_manifest("stats/descriptive/values.csv")) {
    BOOST_TEST_REQUIRE(c.size() == 4u);
    BOOST_TEST_CONTEXT(c[0] << " " << c[1] << " " << c[2]) {
      const Vector a = io::load_npy<double>(testing::fixture_path("stats/descriptive/" + c[0] + ".npy"));
      ++rows;
      if (c[1] == "rankdata") {
        BOOST_TEST((stats::rankdata(a, kRanks.at(c[2])) == split(c[3])));
        continue;
      }
      const double expected = std::stod(c[3]), got = ours(a, c[0], c[1], c[2]);
      if (std::isnan(expected)) {
        BOOST_TEST(std::isnan(got));
        continue;
      }
      const double error = std::abs(got - expected) / std::max(1.0, std::abs(expected));
      worst = std::max(worst, error);
      if (c[1] == "quantile" || c[1] == "mode" || c[1] == "median") {
        BOOST_TEST(got == expected);
      } else {
        BOOST_TEST(error <= 1e-13, got << " against " << expected);
      }
    }
  }
  BOOST_TEST(rows == 830);
  std::cout << "descriptive: " << rows << " values, largest relative difference " << worst << "\n";
}

BOOST_AUTO_TEST_CASE(weighted_forms_reject_bad_weights) {
  const Vector a{{1.0, 2.0, 4.0}};
  BOOST_CHECK_THROW((void)stats::mean(a, Vector{{1.0, 1.0}}), ValueError);
  BOOST_CHECK_THROW((void)stats::mean(a, Vector{{1.0, -1.0, 1.0}}), ValueError);
  BOOST_CHECK_THROW((void)stats::mean(a, Vector::Zero(3)), ValueError);
  BOOST_CHECK_THROW((void)stats::var(a, Vector{{1.0, std::nan(""), 1.0}}), ValueError);
  BOOST_CHECK_THROW((void)stats::var(a, Vector::Ones(3), -1), ValueError);
  BOOST_CHECK_THROW((void)stats::gmean(Vector(), Vector()), ValueError);
  // Integer weights are repetitions: the same as the repeated sample.
  const Vector repeated{{1.0, 2.0, 2.0, 4.0, 4.0, 4.0}};
  BOOST_TEST(stats::var(a, Vector{{1.0, 2.0, 3.0}}, 1) == stats::var(repeated, 1), boost::test_tools::tolerance(1e-15));
  BOOST_TEST(stats::mean(a, Vector{{1.0, 2.0, 3.0}}) == stats::mean(repeated), boost::test_tools::tolerance(1e-15));
  BOOST_TEST(std::isnan(stats::var(a, Vector{{0.2, 0.3, 0.4}}, 1)));  // sum w <= ddof
}

BOOST_AUTO_TEST_CASE(edge_cases_of_the_means_and_orders) {
  BOOST_TEST(stats::gmean((Vector(3) << 1, 0, 3).finished()) == 0.0);
  BOOST_TEST(std::isnan(stats::gmean((Vector(3) << 1, -1, 3).finished())));
  BOOST_TEST(std::isnan(stats::hmean((Vector(2) << 1, -2).finished())));
  BOOST_TEST(stats::hmean((Vector(3) << 1, 2, 0).finished()) == 0.0);
  BOOST_TEST(std::isnan(stats::skew(Vector::Ones(3))));
  BOOST_TEST(stats::moment(Vector::Ones(3), 0) == 1.0);
  const Vector with_nan = (Vector(4) << 1, std::numeric_limits<double>::quiet_NaN(), 2, 2).finished();
  BOOST_TEST(stats::mode(with_nan).mode == 2.0);  // NaN counts once, 2 twice
  BOOST_TEST(std::isnan(stats::median(with_nan)));
  BOOST_TEST(stats::rankdata(with_nan).hasNaN());
  BOOST_TEST(std::isnan(stats::trim_mean(Vector::LinSpaced(4, 1, 4), 0.5)));
  BOOST_CHECK_THROW((void)stats::trim_mean(Vector::LinSpaced(4, 1, 4), 0.9), ValueError);
  BOOST_CHECK_THROW((void)stats::quantile(Vector::Ones(3), 1.5), ValueError);
  BOOST_CHECK_THROW((void)stats::percentile(Vector::Ones(3), -1), ValueError);
  BOOST_CHECK_THROW((void)stats::median(Vector()), ValueError);
  BOOST_CHECK_THROW((void)stats::entropy(Vector::Ones(3), Vector::Ones(2)), ValueError);
}

// rankdata sorts with a radix sort on the values' bits; on a large sample
// with every kind of key (ties, both zeros, subnormals, huge magnitudes,
// infinities) its ranks must equal those of the definition, computed here
// from std::stable_sort of the indices by value.
BOOST_AUTO_TEST_CASE(rankdata_of_a_large_mixed_sample_follows_the_definition) {
  Generator rng(7);
  const Index n = 200'000;
  Vector a(n);
  for (Index i = 0; i < n; ++i) {
    switch (i % 7) {
      case 0: a(i) = rng.standard_normal(); break;
      case 1: a(i) = std::floor(10 * rng.random()) - 5; break;  // many ties
      case 2: a(i) = (rng.random() < 0.5 ? -0.0 : 0.0); break;
      case 3: a(i) = std::ldexp(rng.random() - 0.5, static_cast<int>(2000 * rng.random()) - 1000); break;
      case 4: a(i) = 4.9e-324 * std::floor(100 * rng.random()) * (rng.random() < 0.5 ? -1 : 1); break;
      case 5: a(i) = rng.random() < 0.5 ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity(); break;
      default: a(i) = 1e300 * (rng.random() - 0.5); break;
    }
  }
  std::vector<Index> order(static_cast<std::size_t>(n));
  for (Index i = 0; i < n; ++i) order[static_cast<std::size_t>(i)] = i;
  std::stable_sort(order.begin(), order.end(), [&](Index i, Index j) { return a(i) < a(j); });
  for (const stats::RankMethod method : {stats::RankMethod::average, stats::RankMethod::min, stats::RankMethod::max,
                                         stats::RankMethod::dense, stats::RankMethod::ordinal}) {
    Vector expected(n);
    double dense = 0;
    for (std::size_t i = 0; i < order.size();) {
      std::size_t j = i;
      while (j < order.size() && a(order[j]) == a(order[i])) ++j;
      ++dense;
      for (std::size_t k = i; k < j; ++k) {
        const double r = method == stats::RankMethod::average ? 0.5 * static_cast<double>(i + 1 + j)
                         : method == stats::RankMethod::min   ? static_cast<double>(i + 1)
                         : method == stats::RankMethod::max   ? static_cast<double>(j)
                         : method == stats::RankMethod::dense ? dense
                                                              : static_cast<double>(k + 1);
        expected(order[k]) = r;
      }
      i = j;
    }
    BOOST_TEST((stats::rankdata(a, method) == expected));
  }
}

BOOST_AUTO_TEST_SUITE_END()
