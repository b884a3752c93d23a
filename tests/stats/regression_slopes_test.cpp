#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/stats/correlation.hpp>
#include <scilearn/stats/regression_slopes.hpp>
#include <string>

#include "resampling_cases.hpp"

BOOST_AUTO_TEST_SUITE(regression_slopes)

using namespace scilearn;
using testing::resampling::Case;
using testing::resampling::cases_of;
using testing::resampling::WarningCounter;
using testing::resampling::Worst;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Tolerances against SciPy.
// Theil-Sen slope and interval ends: exact. Both sides form each pairwise
// slope with one subtraction per coordinate and one division, sort the same
// values and pick the same entries (the middle ones, averaged as
// numpy.median; the interval's indices round (N -+ z sigma) / 2, which
// lands on a half only by coincidence). The intercepts repeat SciPy's
// operations (a median, a product, a difference): exact too.
constexpr double kTheilTol = 0.0;
// Siegel: the same slopes and intercepts (y_i x_j - y_j x_i) / (x_j - x_i)
// and the same medians: exact.
constexpr double kSiegelTol = 0.0;
// pointbiserialr is pearsonr: the coefficient to 1e-12 on the scale of 1 and
// the p-value to 1e-10 relative, the tolerances of pearsonr's own tests
// (hypothesis_tests_test.cpp says why).
constexpr double kCorrelationTol = 1e-12, kPvalueTol = 1e-10;

stats::TheilslopesMethod theil_method(const Case& c) {
  return c.text("method") == "joint" ? stats::TheilslopesMethod::joint : stats::TheilslopesMethod::separate;
}

stats::SiegelslopesMethod siegel_method(const Case& c) {
  return c.text("method") == "separate" ? stats::SiegelslopesMethod::separate
                                          : stats::SiegelslopesMethod::hierarchical;
}

}  // namespace

BOOST_AUTO_TEST_CASE(theilslopes_matches_scipy) {
  Worst worst;
  for (const Case& c : cases_of("theilslopes")) {
    BOOST_TEST_CONTEXT(c.label()) {
      WarningCounter quiet;  // the n < 2 and identical-x cases warn; counted in their own test
      const Vector y = c.vector("y");
      const double alpha = c.option("alpha");
      const stats::TheilslopesResult r = c.text("x") == "none"
                                             ? stats::theilslopes(y, alpha, theil_method(c))
                                             : stats::theilslopes(y, c.vector("x"), alpha, theil_method(c));
      worst.check("slope", r.slope, c.values[0], kTheilTol);
      worst.check("intercept", r.intercept, c.values[1], kTheilTol);
      worst.check("low_slope", r.low_slope, c.values[2], kTheilTol);
      worst.check("high_slope", r.high_slope, c.values[3], kTheilTol);
    }
  }
  worst.report("theilslopes");
}

BOOST_AUTO_TEST_CASE(siegelslopes_matches_scipy) {
  Worst worst;
  for (const Case& c : cases_of("siegelslopes")) {
    BOOST_TEST_CONTEXT(c.label()) {
      WarningCounter quiet;
      const Vector y = c.vector("y");
      const stats::SiegelslopesResult r = c.text("x") == "none"
                                              ? stats::siegelslopes(y, siegel_method(c))
                                              : stats::siegelslopes(y, c.vector("x"), siegel_method(c));
      worst.check("slope", r.slope, c.values[0], kSiegelTol);
      worst.check("intercept", r.intercept, c.values[1], kSiegelTol);
    }
  }
  worst.report("siegelslopes");
}

BOOST_AUTO_TEST_CASE(pointbiserialr_matches_scipy) {
  Worst worst;
  for (const Case& c : cases_of("pointbiserialr")) {
    BOOST_TEST_CONTEXT(c.label()) {
      WarningCounter quiet;
      const stats::CorrelationResult r = stats::pointbiserialr(c.vector("x"), c.vector("y"));
      worst.check("statistic", r.statistic, c.values[0], kCorrelationTol, 1.0);
      worst.check("pvalue", r.pvalue, c.values[1], kPvalueTol);
    }
  }
  worst.report("pointbiserialr");
}

BOOST_AUTO_TEST_CASE(x_defaults_to_the_indices) {
  const Vector y = (Vector(6) << 3, 1, 4, 1, 5, 9).finished();
  const Vector x = Vector::LinSpaced(6, 0, 5);
  const stats::TheilslopesResult a = stats::theilslopes(y), b = stats::theilslopes(y, x);
  BOOST_TEST(a.slope == b.slope);
  BOOST_TEST(a.intercept == b.intercept);
  BOOST_TEST(a.low_slope == b.low_slope);
  BOOST_TEST(a.high_slope == b.high_slope);
  const stats::SiegelslopesResult s = stats::siegelslopes(y), t = stats::siegelslopes(y, x);
  BOOST_TEST(s.slope == t.slope);
  BOOST_TEST(s.intercept == t.intercept);
}

BOOST_AUTO_TEST_CASE(alpha_and_one_minus_alpha_give_the_same_interval) {
  const Vector x = (Vector(7) << 0.5, 1, 2, 2.5, 4, 4.5, 6).finished();
  const Vector y = (Vector(7) << 1, 2.2, 2.9, 4.1, 4.8, 7.5, 6.9).finished();
  const stats::TheilslopesResult a = stats::theilslopes(y, x, 0.9), b = stats::theilslopes(y, x, 0.1);
  BOOST_TEST(a.low_slope == b.low_slope);
  BOOST_TEST(a.high_slope == b.high_slope);
  BOOST_TEST(a.low_slope <= a.slope);
  BOOST_TEST(a.slope <= a.high_slope);
}

BOOST_AUTO_TEST_CASE(a_line_is_recovered_exactly) {
  const Vector x = (Vector(5) << 1, 2, 4, 8, 16).finished();
  const Vector y = 2.5 * x.array() - 1;
  const stats::TheilslopesResult t = stats::theilslopes(y, x);
  BOOST_TEST(t.slope == 2.5);
  BOOST_TEST(t.intercept == -1.0);
  const stats::SiegelslopesResult s = stats::siegelslopes(y, x, stats::SiegelslopesMethod::separate);
  BOOST_TEST(s.slope == 2.5);
  BOOST_TEST(s.intercept == -1.0);
}

BOOST_AUTO_TEST_CASE(degenerate_inputs_give_nan_and_warn_as_scipy) {
  WarningCounter warnings;
  const Vector one = Vector::Constant(1, 2.0), same_x = Vector::Constant(3, 4.0);
  const Vector y3 = (Vector(3) << 1, 2, 3).finished();
  BOOST_TEST(std::isnan(stats::theilslopes(one, one).slope));
  BOOST_TEST(warnings.count == 1);  // too small
  BOOST_TEST(std::isnan(stats::siegelslopes(Vector(), Vector()).intercept));
  BOOST_TEST(warnings.count == 2);
  BOOST_TEST(std::isnan(stats::pointbiserialr(one, one).statistic));
  BOOST_TEST(warnings.count == 3);
  const stats::TheilslopesResult t = stats::theilslopes(y3, same_x);  // all x identical
  BOOST_TEST((std::isnan(t.slope) && std::isnan(t.intercept) && std::isnan(t.low_slope) && std::isnan(t.high_slope)));
  BOOST_TEST(warnings.count == 4);
  const stats::SiegelslopesResult s = stats::siegelslopes(y3, same_x);  // SciPy: uninitialized memory
  BOOST_TEST((std::isnan(s.slope) && std::isnan(s.intercept)));
  BOOST_TEST(warnings.count == 5);
  const Vector with_nan = (Vector(3) << 1, kNaN, 3).finished();
  BOOST_TEST(std::isnan(stats::theilslopes(with_nan, y3).slope));
  BOOST_TEST(std::isnan(stats::siegelslopes(y3, with_nan).slope));
  BOOST_TEST(warnings.count == 5);  // NaN propagates silently, as SciPy
}

BOOST_AUTO_TEST_CASE(bad_input_throws) {
  const Vector a = (Vector(3) << 1, 2, 3).finished(), b = (Vector(2) << 1, 2).finished();
  BOOST_CHECK_THROW((void)stats::theilslopes(a, b), ValueError);
  BOOST_CHECK_THROW((void)stats::siegelslopes(a, b), ValueError);
  BOOST_CHECK_THROW((void)stats::pointbiserialr(a, b), ValueError);
  // alpha 0 or 1: an infinite normal quantile (SciPy: OverflowError).
  BOOST_CHECK_THROW((void)stats::theilslopes(a, a, 1.0), ValueError);
  BOOST_CHECK_THROW((void)stats::theilslopes(a, a, 0.0), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
