#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <cmath>
#include <iostream>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/stats/normality_tests.hpp>
#include <string>
#include <vector>

#include "manifest_cases.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(normality_tests)

using namespace scilearn;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

using Case = testing::ManifestCase;

std::vector<Case> cases_of(const std::string& function) { return testing::manifest_cases("stats/normality", function); }

// |value - reference| / max(|reference|, scale), recorded in worst.
double check(double value, double reference, double tolerance, double& worst, double scale = 0) {
  const double error =
      value == reference ? 0.0 : std::abs(value - reference) / std::max(std::abs(reference), scale);
  worst = std::max(worst, error);
  BOOST_TEST(error <= tolerance, value << " against SciPy's " << reference << " (relative error " << error << ")");
  return error;
}

struct WarningCounter {
  int count = 0;
  ScopedWarningHandler handler{[this](const Warning&) { ++count; }};
};

}  // namespace

// skewtest, kurtosistest, normaltest: the z-scores are closed-form maps of
// the sample skewness and kurtosis, which agree with SciPy's to a few ulps
// (ours from compensated, twice-centred moments): 1e-12 relative, on the
// scale of 1 where z is near 0. p-values from the normal and chi2(2) tails
// at those z: 1e-10 relative.
BOOST_AUTO_TEST_CASE(dagostino_tests_match_scipy) {
  for (const std::string function : {"skewtest", "kurtosistest", "normaltest"}) {
    double worst_z = 0, worst_p = 0;
    for (const Case& c : cases_of(function)) {
      BOOST_TEST_CONTEXT(c.label()) {
        const Vector x = c.column("x");
        const stats::NormalityTestResult r = function == "skewtest"       ? stats::skewtest(x, c.alternative)
                                             : function == "kurtosistest" ? stats::kurtosistest(x, c.alternative)
                                                                          : stats::normaltest(x);
        check(r.statistic, c.values[0], 1e-12, worst_z, 1.0);
        check(r.pvalue, c.values[1], 1e-10, worst_p);
      }
    }
    std::cout << function << ": max relative error against SciPy, statistic " << worst_z << ", p-value " << worst_p
              << "\n";
  }
}

// shapiro: the same algorithm (AS R94 with AS 111's normal scores) in the
// same order of operations, so W agrees to a few ulps: 1e-13 relative. The
// p-value's normal upper tail is exact here (Boost.Math) and Hill's AS 66
// in SciPy, whose 12-digit rational approximation is off by a few 1e-11
// relative (3.8e-11 measured on these 33 samples): 1e-9 relative.
BOOST_AUTO_TEST_CASE(shapiro_matches_scipy) {
  double worst_w = 0, worst_p = 0;
  int count = 0;
  for (const Case& c : cases_of("shapiro")) {
    BOOST_TEST_CONTEXT(c.label()) {
      const stats::NormalityTestResult r = stats::shapiro(c.column("x"));
      check(r.statistic, c.values[0], 1e-13, worst_w);
      check(r.pvalue, c.values[1], 1e-9, worst_p);
      ++count;
    }
  }
  std::cout << "shapiro (" << count << " samples): max relative error against SciPy, W " << worst_w << ", p-value "
            << worst_p << "\n";
}

// anderson: critical values and significance levels exactly (the same
// rounding of the same quotients); loc and scale of norm, expon and gumbel
// to 1e-13 relative (closed forms; gumbel's scale solved to 1e-14 on both
// sides). A^2 is -n minus a sum of n terms of size ~1: compared on the scale
// of n, 1e-13 (SciPy sums pairwise, we compensate). The interpolated
// p-value follows A^2: 1e-12. The logistic fit solves SciPy's likelihood
// equations to full precision where scipy.stats.anderson's fsolve stops at
// xtol = 1e-5: against anderson's output loc, scale and A^2 within 1e-5
// (its tolerance), and against the same equations solved by SciPy's fsolve
// to the rounding level (the fixture's last three values) within 1e-11.
BOOST_AUTO_TEST_CASE(anderson_matches_scipy) {
  double worst_a = 0, worst_fit = 0, worst_logistic = 0, worst_tight = 0, worst_p = 0;
  int count = 0;
  for (const Case& c : cases_of("anderson")) {
    BOOST_TEST_CONTEXT(c.label()) {
      const std::string d = c.options_text.substr(c.options_text.find('=') + 1);
      const stats::AndersonDist dist = d == "norm"       ? stats::AndersonDist::norm
                                       : d == "expon"    ? stats::AndersonDist::expon
                                       : d == "logistic" ? stats::AndersonDist::logistic
                                       : d == "gumbel_l" ? stats::AndersonDist::gumbel_l
                                                         : stats::AndersonDist::gumbel_r;
      const Vector x = c.column("x");
      const stats::AndersonResult r = stats::anderson(x, dist);
      const Index k = r.critical_values.size();
      const bool logistic = dist == stats::AndersonDist::logistic;
      BOOST_TEST_REQUIRE(c.values.size() == static_cast<std::size_t>(4 + 2 * k + (logistic ? 3 : 0)));
      for (Index i = 0; i < k; ++i) {
        BOOST_TEST(r.critical_values(i) == c.values[static_cast<std::size_t>(4 + i)]);
        BOOST_TEST(r.significance_level(i) == c.values[static_cast<std::size_t>(4 + k + i)]);
      }
      const double n = static_cast<double>(x.size());
      if (logistic) {
        check(r.statistic, c.values[0], 1e-5, worst_logistic, 1.0);
        check(r.loc, c.values[1], 1e-5, worst_logistic, r.scale);
        check(r.scale, c.values[2], 1e-5, worst_logistic);
        const auto tight = static_cast<std::size_t>(4 + 2 * k);
        check(r.loc, c.values[tight], 1e-11, worst_tight, r.scale);
        check(r.scale, c.values[tight + 1], 1e-11, worst_tight);
        check(r.statistic, c.values[tight + 2], 1e-13, worst_tight, n);
      } else {
        check(r.statistic, c.values[0], 1e-13, worst_a, n);
        check(r.loc, c.values[1], 1e-13, worst_fit, r.scale);
        check(r.scale, c.values[2], 1e-13, worst_fit);
        if (std::isfinite(r.statistic)) check(r.pvalue, c.values[3], 1e-12, worst_p);
      }
      ++count;
    }
  }
  std::cout << "anderson (" << count << " cases): A^2 (on the scale of n) " << worst_a << ", loc / scale " << worst_fit
            << ", interpolated p-value " << worst_p << "; logistic against anderson's fsolve(xtol=1e-5) "
            << worst_logistic << ", against the tight solution " << worst_tight << "\n";
}

// SciPy 1.17's sample-size limits: skewtest and normaltest need 8 values,
// kurtosistest 5 (no warning from 5 to 19 any more), shapiro 3; below them
// NaN and a RuntimeWarning (SciPy's SmallSampleWarning).
BOOST_AUTO_TEST_CASE(too_small_samples_give_nan_and_a_warning) {
  WarningCounter warnings;
  const Vector seven = Vector::LinSpaced(7, 1, 7).array().square(), four = Vector::LinSpaced(4, 1, 4);
  BOOST_TEST(std::isnan(stats::skewtest(seven).statistic));
  BOOST_TEST(std::isnan(stats::normaltest(seven).pvalue));
  BOOST_TEST(std::isnan(stats::kurtosistest(four).statistic));
  BOOST_TEST(std::isnan(stats::shapiro(Vector::Ones(2)).statistic));
  BOOST_TEST(std::isnan(stats::shapiro(Vector()).pvalue));
  BOOST_TEST(warnings.count == 5);
  BOOST_TEST(std::isfinite(stats::kurtosistest(Vector::LinSpaced(5, 1, 5).array().cube().matrix()).pvalue));
  BOOST_TEST(warnings.count == 5);
}

BOOST_AUTO_TEST_CASE(nan_and_constant_samples_as_scipy) {
  WarningCounter warnings;
  Vector x = Vector::LinSpaced(12, 0, 1).array().square();
  x(3) = kNaN;
  BOOST_TEST(std::isnan(stats::skewtest(x).pvalue));
  BOOST_TEST(std::isnan(stats::kurtosistest(x).pvalue));
  BOOST_TEST(std::isnan(stats::normaltest(x).statistic));
  BOOST_TEST(std::isnan(stats::shapiro(x).statistic));
  BOOST_TEST(warnings.count == 0);
  // Constant: skewness and kurtosis undefined (NaN); Shapiro-Wilk's zero
  // range gives W = p = 1 with a UserWarning; Anderson-Darling NaN.
  const Vector constant = Vector::Constant(10, 2.5);
  BOOST_TEST(std::isnan(stats::skewtest(constant).statistic));
  BOOST_TEST(std::isnan(stats::normaltest(constant).pvalue));
  const stats::NormalityTestResult sw = stats::shapiro(constant);
  BOOST_TEST(sw.statistic == 1.0);
  BOOST_TEST(sw.pvalue == 1.0);
  BOOST_TEST(warnings.count == 1);
  for (const auto dist : {stats::AndersonDist::norm, stats::AndersonDist::logistic, stats::AndersonDist::gumbel_r}) {
    BOOST_TEST(std::isnan(stats::anderson(constant, dist).statistic));
  }
  // expon on data below 0: log F = -inf, A^2 = inf, as SciPy.
  BOOST_TEST(std::isinf(stats::anderson((Vector(3) << -1, 2, 3).finished(), stats::AndersonDist::expon).statistic));
  BOOST_CHECK_THROW((void)stats::anderson(Vector()), ValueError);
}

// SciPy's documented examples (scipy.stats.skewtest's docstring and
// shapiro's n = 3 closed form).
BOOST_AUTO_TEST_CASE(documented_values) {
  namespace tt = boost::test_tools;
  const Vector eight = Vector::LinSpaced(8, 1, 8);
  BOOST_TEST(stats::skewtest(eight).statistic == 1.0108048609177787, tt::tolerance(1e-13));
  BOOST_TEST(stats::skewtest(eight).pvalue == 0.3121098361421897, tt::tolerance(1e-12));
  BOOST_TEST(stats::skewtest(eight, stats::Alternative::less).pvalue == 0.8439450819289052, tt::tolerance(1e-12));
  BOOST_TEST(stats::skewtest(eight, stats::Alternative::greater).pvalue == 0.15605491807109484, tt::tolerance(1e-12));
  const Vector outlier = (Vector(8) << 1, 2, 3, 4, 5, 6, 7, 8000).finished();
  BOOST_TEST(stats::skewtest(outlier).statistic == 3.571773510360407, tt::tolerance(1e-13));
  // n = 3: W = 0.986842..., p = 1 - 6/pi acos(sqrt(W)); equally spaced: W = 1, p = 1.
  const stats::NormalityTestResult three = stats::shapiro((Vector(3) << 1, 2, 3.5).finished());
  BOOST_TEST(three.statistic == 0.9868421052631577, tt::tolerance(1e-14));
  BOOST_TEST(three.pvalue == 0.780440814879016, tt::tolerance(1e-13));
  BOOST_TEST(stats::shapiro((Vector(3) << 1, 2, 3).finished()).pvalue == 1.0, tt::tolerance(1e-15));
}

// The example of docs/stats.md, with SciPy 1.17's values.
BOOST_AUTO_TEST_CASE(guide_example_gives_scipys_values) {
  namespace tt = boost::test_tools;
  const Vector x = (Vector(10) << 2.1, 3.4, 1.9, 5.6, 2.8, 3.3, 4.1, 2.2, 9.7, 3.0).finished();
  const stats::NormalityTestResult sw = stats::shapiro(x);
  BOOST_TEST(sw.statistic == 0.7603453587649924, tt::tolerance(1e-13));
  BOOST_TEST(sw.pvalue == 0.0047700227880332164, tt::tolerance(1e-9));
  const stats::NormalityTestResult k2 = stats::normaltest(x);
  BOOST_TEST(k2.statistic == 14.132647850307016, tt::tolerance(1e-12));
  BOOST_TEST(k2.pvalue == 0.0008533643815826543, tt::tolerance(1e-10));
  const stats::AndersonResult ad = stats::anderson(x);
  BOOST_TEST(ad.statistic == 0.9548502871938442, tt::tolerance(1e-13));
  BOOST_TEST(ad.critical_values(4) == 0.943);
  BOOST_TEST(ad.pvalue == 0.01);
}

BOOST_AUTO_TEST_CASE(large_samples_warn_and_inputs_are_not_modified) {
  Generator rng = default_rng(7);
  const Vector x = rng.standard_normal(5001), copy = x;
  {
    WarningCounter warnings;
    const stats::NormalityTestResult r = stats::shapiro(x);
    BOOST_TEST(warnings.count == 1);  // SciPy's UserWarning: n > 5000
    BOOST_TEST((r.statistic > 0.99 && r.statistic < 1.0));
  }
  (void)stats::normaltest(x);
  (void)stats::anderson(x, stats::AndersonDist::logistic);
  BOOST_TEST(x == copy);
}

BOOST_AUTO_TEST_SUITE_END()
