// nan_policy against SciPy 1.17 (tests/reference/stats_nan_policy.py): omit
// gives SciPy's omit results; raise throws ValueError; propagate gives NaN.

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <functional>
#include <map>
#include <scilearn/core/errors.hpp>
#include <scilearn/stats.hpp>
#include <string>
#include <vector>

#include "manifest_cases.hpp"

BOOST_AUTO_TEST_SUITE(nan_policy)

using namespace scilearn;
using stats::NanPolicy;

namespace {

// The functions, as a list of their result values under a policy.
using Results = std::function<std::vector<double>(const Vector&, const Vector&, NanPolicy)>;

template <class R>
std::vector<double> test_values(const R& r) {
  return {r.statistic, r.pvalue};
}

const std::map<std::string, Results>& functions() {
  static const std::map<std::string, Results> table = {
      {"describe",
       [](const Vector& x, const Vector&, NanPolicy p) {
         const stats::DescribeResult d = stats::describe(x, 1, true, p);
         return std::vector<double>{static_cast<double>(d.nobs), d.min, d.max, d.mean, d.variance, d.skewness, d.kurtosis};
       }},
      {"skew", [](const Vector& x, const Vector&, NanPolicy p) { return std::vector<double>{stats::skew(x, true, p)}; }},
      {"kurtosis", [](const Vector& x, const Vector&, NanPolicy p) { return std::vector<double>{stats::kurtosis(x, true, true, p)}; }},
      {"moment3", [](const Vector& x, const Vector&, NanPolicy p) { return std::vector<double>{stats::moment(x, 3, p)}; }},
      {"sem", [](const Vector& x, const Vector&, NanPolicy p) { return std::vector<double>{stats::sem(x, 1, p)}; }},
      {"variation", [](const Vector& x, const Vector&, NanPolicy p) { return std::vector<double>{stats::variation(x, 0, p)}; }},
      {"gmean", [](const Vector& x, const Vector&, NanPolicy p) { return std::vector<double>{stats::gmean(x, p)}; }},
      {"hmean", [](const Vector& x, const Vector&, NanPolicy p) { return std::vector<double>{stats::hmean(x, p)}; }},
      {"pmean", [](const Vector& x, const Vector&, NanPolicy p) { return std::vector<double>{stats::pmean(x, 1.5, p)}; }},
      {"iqr",
       [](const Vector& x, const Vector&, NanPolicy p) {
         return std::vector<double>{stats::iqr(x, 25, 75, stats::QuantileMethod::linear, false, p)};
       }},
      {"median_abs_deviation",
       [](const Vector& x, const Vector&, NanPolicy p) { return std::vector<double>{stats::median_abs_deviation(x, 1.0, false, p)}; }},
      {"ttest_1samp",
       [](const Vector& x, const Vector&, NanPolicy p) {
         return test_values(stats::ttest_1samp(x, 0.5, stats::Alternative::two_sided, p));
       }},
      {"ttest_ind",
       [](const Vector& x, const Vector& y, NanPolicy p) { return test_values(stats::ttest_ind(x, y, {.nan_policy = p})); }},
      {"ttest_rel",
       [](const Vector& x, const Vector& y, NanPolicy p) {
         return test_values(stats::ttest_rel(x, y, stats::Alternative::two_sided, p));
       }},
      {"mannwhitneyu",
       [](const Vector& x, const Vector& y, NanPolicy p) { return test_values(stats::mannwhitneyu(x, y, {.nan_policy = p})); }},
      {"kruskal", [](const Vector& x, const Vector& y, NanPolicy p) { return test_values(stats::kruskal({x, y}, p)); }},
      {"spearmanr",
       [](const Vector& x, const Vector& y, NanPolicy p) {
         return test_values(stats::spearmanr(x, y, stats::Alternative::two_sided, p));
       }},
      {"kendalltau",
       [](const Vector& x, const Vector& y, NanPolicy p) { return test_values(stats::kendalltau(x, y, {.nan_policy = p})); }},
  };
  return table;
}

}  // namespace

// omit: 1e-13 relative (SciPy and we sum the same kept values in different
// orders); raise: ValueError; propagate: NaN in the statistic (describe:
// the mean).
BOOST_AUTO_TEST_CASE(omit_raise_and_propagate_as_scipy) {
  int compared = 0;
  for (const auto& [name, results] : functions()) {
    BOOST_TEST_CONTEXT(name) {
      const std::vector<testing::ManifestCase> cases = testing::manifest_cases("stats/nan_policy", name);
      BOOST_TEST_REQUIRE(cases.size() == 1u);
      const Vector x = cases[0].column("x"), y = cases[0].column("y");
      const std::vector<double> omitted = results(x, y, NanPolicy::omit);
      BOOST_TEST_REQUIRE(omitted.size() == cases[0].values.size());
      for (std::size_t k = 0; k < omitted.size(); ++k, ++compared) {
        const double reference = cases[0].values[k];
        BOOST_TEST(std::abs(omitted[k] - reference) <= 1e-13 * std::max(1.0, std::abs(reference)),
                   "value " << k << ": " << omitted[k] << " against SciPy's " << reference);
      }
      BOOST_CHECK_THROW((void)results(x, y, NanPolicy::raise), ValueError);
      const std::vector<double> propagated = results(x, y, NanPolicy::propagate);
      BOOST_TEST(std::isnan(propagated[name == "describe" ? 3 : 0]));
      // Without NaN every policy gives the same values.
      const Vector cx = x.unaryExpr([](double v) { return std::isnan(v) ? 1.0 : v; });
      const Vector cy = y.unaryExpr([](double v) { return std::isnan(v) ? 1.0 : v; });
      BOOST_TEST((results(cx, cy, NanPolicy::raise) == results(cx, cy, NanPolicy::propagate)));
    }
  }
  BOOST_TEST(compared == 31);
}

BOOST_AUTO_TEST_SUITE_END()
