#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/stats/correlation.hpp>
#include <scilearn/stats/hypothesis_tests.hpp>
#include <scilearn/stats/kolmogorov.hpp>
#include <scilearn/stats/ks_tests.hpp>
#include <scilearn/stats/multiple_testing.hpp>
#include <scilearn/stats/normality_tests.hpp>
#include <scilearn/stats/rank_tests.hpp>
#include <scilearn/stats/variance_tests.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "manifest_cases.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(hypothesis_tests)

using namespace scilearn;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

using Case = testing::ManifestCase;

std::vector<Case> cases_of(const std::string& function) { return testing::manifest_cases("stats/hypothesis_tests", function); }

double relative_error(double value, double reference) {
  if (value == reference) return 0;
  return std::abs(value - reference) / std::abs(reference);
}

// Tolerances against SciPy. Statistics: 1e-12 relative. Both sides form them
// from the same sums in a different order (we compensate and centre twice),
// so they differ by a few ulps times the conditioning of the formula (a t
// statistic near 0 is a difference of close means and is compared against
// the scale of its terms instead). p-values: 1e-10 relative, tiny ones
// included: both sides evaluate the same tail function (Boost.Math here,
// SciPy's special functions there) at statistics that agree to 1e-12, and the
// tail's relative sensitivity |d log p / d log x| stays below ~100 on these
// cases.
constexpr double kStatisticTol = 1e-12, kPvalueTol = 1e-10;

struct Worst {
  double statistic = 0, pvalue = 0;
  void report(const std::string& what) const {
    std::cout << what << ": max relative error against SciPy, statistic " << statistic << ", p-value " << pvalue
              << "\n";
  }
};

void check_statistic(double value, double reference, Worst& worst, double scale = 0) {
  const double error = value == reference ? 0.0 : std::abs(value - reference) / std::max(std::abs(reference), scale);
  worst.statistic = std::max(worst.statistic, error);
  BOOST_TEST(error <= kStatisticTol, value << " against SciPy's " << reference << " (relative error " << error << ")");
}

void check_pvalue(double value, double reference, Worst& worst) {
  const double error = relative_error(value, reference);
  worst.pvalue = std::max(worst.pvalue, error);
  BOOST_TEST(error <= kPvalueTol, value << " against SciPy's " << reference << " (relative error " << error << ")");
}

std::string label(const Case& c) {
  return c.name + " " + (c.alternative == stats::Alternative::less      ? "less"
                         : c.alternative == stats::Alternative::greater ? "greater"
                                                                        : "two-sided");
}

// Counts the warnings raised while it lives.
struct WarningCounter {
  int count = 0;
  ScopedWarningHandler handler{[this](const Warning&) { ++count; }};
};

}  // namespace

BOOST_AUTO_TEST_CASE(ttests_match_scipy) {
  Worst worst;
  for (const std::string function : {"ttest_1samp", "ttest_ind", "ttest_rel"}) {
    for (const Case& c : cases_of(function)) {
      BOOST_TEST_CONTEXT(label(c)) {
        const Vector x = c.column("x");
        stats::TtestResult r{};
        if (function == "ttest_1samp") {
          r = stats::ttest_1samp(x, c.option("popmean"), c.alternative);
        } else if (function == "ttest_ind") {
          r = stats::ttest_ind(x, c.column("y"), {.equal_var = c.option("equal_var") != 0, .alternative = c.alternative});
        } else {
          r = stats::ttest_rel(x, c.column("y"), c.alternative);
        }
        check_statistic(r.statistic, c.values[0], worst);
        check_pvalue(r.pvalue, c.values[1], worst);
        BOOST_TEST(relative_error(r.df, c.values[2]) <= kStatisticTol);
      }
    }
  }
  worst.report("ttest_1samp / ttest_ind / ttest_rel");
}

BOOST_AUTO_TEST_CASE(f_oneway_matches_scipy) {
  Worst worst;
  for (const Case& c : cases_of("f_oneway")) {
    BOOST_TEST_CONTEXT(label(c)) {
      std::vector<Vector> groups;
      for (int g = 0; g < static_cast<int>(c.option("groups")); ++g) groups.push_back(c.column("g" + std::to_string(g)));
      const stats::FOnewayResult r = stats::f_oneway(groups);
      check_statistic(r.statistic, c.values[0], worst);
      check_pvalue(r.pvalue, c.values[1], worst);
      BOOST_TEST(r.statistic == r.ms_between / r.ms_within);
    }
  }
  worst.report("f_oneway");
}

BOOST_AUTO_TEST_CASE(correlations_match_scipy) {
  for (const std::string function : {"pearsonr", "spearmanr", "kendalltau"}) {
    Worst worst;
    for (const Case& c : cases_of(function)) {
      BOOST_TEST_CONTEXT(label(c)) {
        const Vector x = c.column("x"), y = c.column("y");
        stats::CorrelationResult r{};
        if (function == "pearsonr") {
          r = stats::pearsonr(x, y, c.alternative);
        } else if (function == "spearmanr") {
          r = stats::spearmanr(x, y, c.alternative);
        } else {
          const std::string method = c.options.at("method");
          r = stats::kendalltau(x, y,
                                {.method = method == "exact"        ? stats::KendalltauMethod::exact
                                           : method == "asymptotic" ? stats::KendalltauMethod::asymptotic
                                                                    : stats::KendalltauMethod::automatic,
                                 .alternative = c.alternative});
        }
        // A coefficient is a normalized sum of terms of size ~1: compared on that scale.
        check_statistic(r.statistic, c.values[0], worst, 1.0);
        check_pvalue(r.pvalue, c.values[1], worst);
      }
    }
    worst.report(function);
  }
}

BOOST_AUTO_TEST_CASE(linregress_matches_scipy) {
  Worst worst;
  for (const Case& c : cases_of("linregress")) {
    BOOST_TEST_CONTEXT(label(c)) {
      const stats::LinregressResult r = stats::linregress(c.column("x"), c.column("y"), c.alternative);
      check_statistic(r.slope, c.values[0], worst);
      check_statistic(r.intercept, c.values[1], worst);
      check_statistic(r.rvalue, c.values[2], worst, 1.0);
      check_pvalue(r.pvalue, c.values[3], worst);
      check_statistic(r.slope_stderr, c.values[4], worst);
      check_statistic(r.intercept_stderr, c.values[5], worst);
    }
  }
  worst.report("linregress (slope, intercept, r, standard errors)");
}

BOOST_AUTO_TEST_CASE(chisquare_matches_scipy) {
  Worst worst;
  for (const Case& c : cases_of("chisquare")) {
    BOOST_TEST_CONTEXT(label(c)) {
      const int ddof = static_cast<int>(c.option("ddof"));
      const stats::ChisquareResult r =
          c.option("f_exp") != 0 ? stats::chisquare(c.column("x"), c.column("y"), ddof) : stats::chisquare(c.column("x"), ddof);
      check_statistic(r.statistic, c.values[0], worst);
      check_pvalue(r.pvalue, c.values[1], worst);
    }
  }
  worst.report("chisquare");
}

BOOST_AUTO_TEST_CASE(mannwhitneyu_matches_scipy) {
  Worst worst;
  for (const Case& c : cases_of("mannwhitneyu")) {
    BOOST_TEST_CONTEXT(label(c)) {
      const std::string method = c.options.at("method");
      const stats::MannwhitneyuResult r =
          stats::mannwhitneyu(c.column("x"), c.column("y"),
                              {.use_continuity = c.option("use_continuity") != 0,
                               .alternative = c.alternative,
                               .method = method == "exact"        ? stats::MannwhitneyuMethod::exact
                                         : method == "asymptotic" ? stats::MannwhitneyuMethod::asymptotic
                                                                  : stats::MannwhitneyuMethod::automatic});
      BOOST_TEST(r.statistic == c.values[0]);  // a sum of half-integer ranks: exact
      check_pvalue(r.pvalue, c.values[1], worst);
    }
  }
  worst.report("mannwhitneyu (p-value; U exact)");
}

// SciPy 1.17's answers on samples too small for a test: NaN and a
// RuntimeWarning, or NaN alone where SciPy does not warn.
BOOST_AUTO_TEST_CASE(too_small_samples_give_nan_and_a_warning) {
  WarningCounter warnings;
  const Vector empty, one = Vector::Constant(1, 2.0), two = (Vector(2) << 1, 2).finished();
  BOOST_TEST(std::isnan(stats::ttest_1samp(empty, 0).statistic));
  BOOST_TEST(std::isnan(stats::ttest_1samp(empty, 0).df));
  const stats::TtestResult single = stats::ttest_1samp(one, 0);
  BOOST_TEST(std::isnan(single.pvalue));
  BOOST_TEST(single.df == 0.0);
  BOOST_TEST(std::isnan(stats::ttest_ind(empty, two).pvalue));
  BOOST_TEST(std::isnan(stats::ttest_rel(empty, empty).pvalue));
  BOOST_TEST(std::isnan(stats::f_oneway({two, empty}).statistic));
  BOOST_TEST(std::isnan(stats::f_oneway({one, one}).statistic));
  BOOST_TEST(std::isnan(stats::kendalltau(one, one).statistic));
  BOOST_TEST(std::isnan(stats::linregress(one, one).slope));
  BOOST_TEST(std::isnan(stats::mannwhitneyu(empty, two).pvalue));
  BOOST_TEST(warnings.count == 10);
  BOOST_TEST(std::isnan(stats::spearmanr(one, one).statistic));  // SciPy: NaN without a warning
  BOOST_TEST(std::isnan(stats::chisquare(empty).pvalue));
  BOOST_TEST(stats::chisquare(empty).statistic == 0.0);
  BOOST_TEST(std::isnan(stats::chisquare(one).pvalue));  // k - 1 - ddof = 0 degrees of freedom
  BOOST_TEST(warnings.count == 10);
}

BOOST_AUTO_TEST_CASE(two_points_as_scipy) {
  const Vector x = (Vector(2) << 1, 2).finished(), y = (Vector(2) << 2, 5).finished();
  const stats::CorrelationResult p = stats::pearsonr(x, y);
  BOOST_TEST(p.statistic == 1.0);
  BOOST_TEST(p.pvalue == 1.0);
  BOOST_TEST(std::isnan(stats::spearmanr(x, y).pvalue));
  const stats::CorrelationResult k = stats::kendalltau(x, y);
  BOOST_TEST(k.statistic == 1.0);
  BOOST_TEST(k.pvalue == 1.0);
  const stats::LinregressResult l = stats::linregress(x, y);
  BOOST_TEST(l.slope == 3.0);
  BOOST_TEST(l.intercept == -1.0);
  BOOST_TEST(l.pvalue == 0.0);
  BOOST_TEST(l.slope_stderr == 0.0);
  // Among SciPy's ttest_ind examples: one value against two, pooled variance.
  const stats::TtestResult t = stats::ttest_ind(Vector::Constant(1, 1.0), (Vector(2) << 2, 3).finished());
  BOOST_TEST(t.statistic == -std::sqrt(3.0), boost::test_tools::tolerance(1e-15));
  BOOST_TEST(t.pvalue == 1.0 / 3, boost::test_tools::tolerance(1e-13));
  BOOST_TEST(t.df == 1.0);
}

BOOST_AUTO_TEST_CASE(constant_and_degenerate_inputs) {
  WarningCounter warnings;
  const Vector constant = Vector::Constant(4, 3.0), x = Vector::LinSpaced(4, 1, 4);
  BOOST_TEST(std::isnan(stats::pearsonr(constant, x).statistic));
  BOOST_TEST(std::isnan(stats::spearmanr(x, constant).pvalue));
  BOOST_TEST(warnings.count == 2);
  BOOST_TEST(std::isnan(stats::kendalltau(constant, x).statistic));  // SciPy: no warning
  BOOST_TEST(warnings.count == 2);
  // Perfect monotone relations: infinite t, p-value 0.
  const stats::CorrelationResult rho = stats::spearmanr(x, x.array().exp().matrix());
  BOOST_TEST(rho.statistic == 1.0);
  BOOST_TEST(rho.pvalue == 0.0);
  const stats::LinregressResult line = stats::linregress(x, 2 * x);
  BOOST_TEST(line.slope == 2.0);
  BOOST_TEST(line.rvalue == 1.0);
  BOOST_TEST(line.pvalue == 0.0);  // SciPy's 1e-20 guard gives ~1e-10 here; see correlation.hpp
  // ANOVA: all equal gives 0 / 0; equal within groups only, F = inf and p = 0.
  BOOST_TEST(std::isnan(stats::f_oneway({constant, constant}).statistic));
  const stats::FOnewayResult f = stats::f_oneway({constant, Vector::Constant(3, 5.0)});
  BOOST_TEST(std::isinf(f.statistic));
  BOOST_TEST(f.pvalue == 0.0);
  // Mann-Whitney with every value tied: no evidence, p = 1.
  BOOST_TEST(stats::mannwhitneyu(Vector::Ones(2), Vector::Ones(10)).pvalue == 1.0);
  Vector with_nan = x;
  with_nan(1) = kNaN;
  BOOST_TEST(std::isnan(stats::pearsonr(with_nan, x).pvalue));
  BOOST_TEST(std::isnan(stats::spearmanr(with_nan, x).statistic));
  BOOST_TEST(std::isnan(stats::kendalltau(x, with_nan).statistic));
  BOOST_TEST(std::isnan(stats::ttest_1samp(with_nan, 0).pvalue));
}

BOOST_AUTO_TEST_CASE(misuse_throws_value_error) {
  const Vector three = Vector::LinSpaced(3, 1, 3), four = Vector::LinSpaced(4, 1, 4);
  BOOST_CHECK_THROW((void)stats::ttest_rel(three, four), ValueError);
  BOOST_CHECK_THROW((void)stats::pearsonr(three, four), ValueError);
  BOOST_CHECK_THROW((void)stats::pearsonr(Vector::Ones(1), Vector::Ones(1)), ValueError);
  BOOST_CHECK_THROW((void)stats::spearmanr(three, four), ValueError);
  BOOST_CHECK_THROW((void)stats::kendalltau(three, four), ValueError);
  BOOST_CHECK_THROW((void)stats::linregress(three, four), ValueError);
  BOOST_CHECK_THROW((void)stats::linregress(Vector::Ones(3), three), ValueError);
  BOOST_CHECK_THROW((void)stats::f_oneway({three}), ValueError);
  BOOST_CHECK_THROW((void)stats::chisquare(three, four), ValueError);
  BOOST_CHECK_THROW((void)stats::chisquare(three, (Vector(3) << 1, 2, 4).finished()), ValueError);
  const Vector tied = (Vector(4) << 1, 1, 2, 3).finished();
  BOOST_CHECK_THROW((void)stats::kendalltau(tied, four, {.method = stats::KendalltauMethod::exact}), ValueError);
}

// The exact laws against closed forms: Kendall's for n = 4 (24 permutations;
// 1 with no inversion, 3 with one, 5 with two) and Mann-Whitney's for sizes
// (2, 2) (C(4, 2) = 6 arrangements; U = 4 in one of them).
BOOST_AUTO_TEST_CASE(exact_null_laws_of_small_samples) {
  const Vector x = Vector::LinSpaced(4, 1, 4);
  const Vector one_swap = (Vector(4) << 2, 1, 3, 4).finished();  // 5 concordant, 1 discordant pair
  const stats::CorrelationResult k = stats::kendalltau(x, one_swap, {.alternative = stats::Alternative::greater});
  BOOST_TEST(k.statistic == 4.0 / 6, boost::test_tools::tolerance(1e-15));
  BOOST_TEST(k.pvalue == 4.0 / 24, boost::test_tools::tolerance(1e-15));  // P(C >= 5) = P(inversions <= 1)
  const stats::MannwhitneyuResult u =
      stats::mannwhitneyu((Vector(2) << 3, 4).finished(), (Vector(2) << 1, 2).finished(),
                          {.alternative = stats::Alternative::greater});
  BOOST_TEST(u.statistic == 4.0);
  BOOST_TEST(u.pvalue == 1.0 / 6, boost::test_tools::tolerance(1e-15));
}

// The example of docs/stats.md, with SciPy 1.17's values.
BOOST_AUTO_TEST_CASE(guide_example_gives_scipys_values) {
  namespace tt = boost::test_tools;
  const Vector a = (Vector(6) << 5.1, 4.9, 5.6, 5.8, 6.0, 5.3).finished();
  const Vector b = (Vector(5) << 6.2, 6.6, 5.9, 6.8, 7.1).finished();
  const stats::TtestResult t = stats::ttest_ind(a, b, {.equal_var = false});
  BOOST_TEST(t.statistic == -3.901024029698306, tt::tolerance(1e-12));
  BOOST_TEST(t.pvalue == 0.004362635472612949, tt::tolerance(1e-10));
  BOOST_TEST(t.df == 8.163984896612957, tt::tolerance(1e-12));
  const stats::MannwhitneyuResult u = stats::mannwhitneyu(a, b);
  BOOST_TEST(u.statistic == 1.0);
  BOOST_TEST(u.pvalue == 0.008658008658008658, tt::tolerance(1e-12));
  const Vector x = Vector::LinSpaced(6, 1, 6);
  const Vector y = (Vector(6) << 2.1, 3.9, 6.2, 7.8, 10.1, 12.2).finished();
  const stats::LinregressResult fit = stats::linregress(x, y);
  BOOST_TEST(fit.slope == 2.0199999999999996, tt::tolerance(1e-12));
  BOOST_TEST(fit.intercept == -0.019999999999998685, tt::tolerance(1e-10));  // a difference of ~7: relative to it
  BOOST_TEST(fit.rvalue == 0.9991049324808179, tt::tolerance(1e-12));
  BOOST_TEST(fit.pvalue == 1.2013602560217847e-06, tt::tolerance(1e-10));
  BOOST_TEST(fit.slope_stderr == 0.04276179870599006, tt::tolerance(1e-12));
  BOOST_TEST(fit.intercept_stderr == 0.16653327995729902, tt::tolerance(1e-12));
  BOOST_TEST(stats::pearsonr(x, y).pvalue == 1.2013602560217847e-06, tt::tolerance(1e-10));
}

// ks_2samp: the statistic (a multiple of 1 / lcm(n1, n2) rounded as SciPy
// rounds it), where it is attained and its sign must agree exactly; the
// exact p-values sum the same path probabilities in the same order, the
// one-sided ones with floating binomials (SciPy's special.binom, Boost.Math
// here) that agree to a few ulps; the two-sided asymptotic ones are kstwo's
// sf (checked on its own in kolmogorov_laws_match_scipy).
BOOST_AUTO_TEST_CASE(ks_2samp_matches_scipy) {
  Worst worst;
  for (const Case& c : cases_of("ks_2samp")) {
    BOOST_TEST_CONTEXT(label(c)) {
      const std::string m = c.options.at("method");
      const stats::KsMethod method = m == "exact"   ? stats::KsMethod::exact
                                     : m == "asymp" ? stats::KsMethod::asymptotic
                                                    : stats::KsMethod::automatic;
      const stats::KstestResult r = stats::ks_2samp(c.column("x"), c.column("y"), c.alternative, method);
      check_statistic(r.statistic, c.values[0], worst);
      check_pvalue(r.pvalue, c.values[1], worst);
      BOOST_TEST(r.statistic_location == c.values[2]);
      BOOST_TEST(r.statistic_sign == static_cast<int>(c.values[3]));
    }
  }
  worst.report("ks_2samp");
}

BOOST_AUTO_TEST_CASE(ks_2samp_misuse_and_identical_samples) {
  const Vector x = Vector::LinSpaced(20, 0.0, 1.0), y = Vector::LinSpaced(30, 0.5, 1.5);
  BOOST_CHECK_THROW((void)stats::ks_2samp(Vector(), y), ValueError);
  BOOST_CHECK_THROW((void)stats::ks_2samp(x, y, stats::Alternative::two_sided, stats::KsMethod::approximate),
                    ValueError);
  // Identical samples: D = 0 and p = 1, exact and asymptotic.
  for (const stats::KsMethod method : {stats::KsMethod::exact, stats::KsMethod::asymptotic}) {
    const stats::KstestResult r = stats::ks_2samp(x, x, stats::Alternative::two_sided, method);
    BOOST_TEST(r.statistic == 0.0);
    BOOST_TEST(r.pvalue == 1.0);
  }
  // kstest dispatches to ks_2samp.
  BOOST_TEST(stats::kstest(x, y).pvalue == stats::ks_2samp(x, y).pvalue);
}

// ks_1samp: the cdf values come from the stats module's distributions
// (within a few ulps of SciPy's), so D agrees to ~1e-16 absolute and its
// location and sign exactly; the p-values are the laws below at that D.
BOOST_AUTO_TEST_CASE(ks_1samp_matches_scipy) {
  Worst worst;
  for (const Case& c : cases_of("ks_1samp")) {
    BOOST_TEST_CONTEXT(label(c) << " " << c.options.at("method")) {
      std::vector<double> p;
      std::stringstream in(c.options.at("params"));
      for (double v = 0; in >> v;) p.push_back(v);
      const std::string dist = c.options.at("dist"), m = c.options.at("method");
      std::unique_ptr<stats::ContinuousDistribution> law;
      if (dist == "norm") law = std::make_unique<stats::Normal>(p.at(0), p.at(1));
      if (dist == "expon") law = std::make_unique<stats::Exponential>(p.at(0), p.at(1));
      if (dist == "uniform") law = std::make_unique<stats::Uniform>(p.at(0), p.at(1));
      if (dist == "logistic") law = std::make_unique<stats::Logistic>(p.at(0), p.at(1));
      if (dist == "t") law = std::make_unique<stats::StudentT>(p.at(0));
      BOOST_TEST_REQUIRE(law != nullptr);
      const stats::KsMethod method = m == "exact"    ? stats::KsMethod::exact
                                     : m == "asymp"  ? stats::KsMethod::asymptotic
                                     : m == "approx" ? stats::KsMethod::approximate
                                                     : stats::KsMethod::automatic;
      const stats::KstestResult r = stats::ks_1samp(c.column("x"), *law, c.alternative, method);
      check_statistic(r.statistic, c.values[0], worst, 1.0);
      check_pvalue(r.pvalue, c.values[1], worst);
      BOOST_TEST(r.statistic_location == c.values[2]);
      BOOST_TEST(r.statistic_sign == static_cast<int>(c.values[3]));
      // The callable form and kstest give the same.
      const stats::KstestResult f =
          stats::kstest(c.column("x"), [&](double v) { return law->cdf(v); }, c.alternative, method);
      BOOST_TEST(f.pvalue == r.pvalue);
    }
  }
  worst.report("ks_1samp");
}

BOOST_AUTO_TEST_CASE(ks_1samp_edge_cases_as_scipy) {
  WarningCounter warnings;
  const stats::KstestResult empty = stats::ks_1samp(Vector(), stats::norm());
  BOOST_TEST(std::isnan(empty.statistic));
  BOOST_TEST(std::isnan(empty.pvalue));
  BOOST_TEST(warnings.count == 1);
  const Vector with_nan = (Vector(3) << 0.1, kNaN, 0.3).finished();
  BOOST_TEST(std::isnan(stats::ks_1samp(with_nan, stats::norm()).pvalue));
  BOOST_TEST(warnings.count == 1);  // SciPy: NaN without a warning
  // One value at the median: D = 1/2 either way (D- on the tie), p = 1 - 0 = 1
  // exactly: kstwo(1) is uniform on [1/2, 1].
  const stats::KstestResult one = stats::ks_1samp(Vector::Zero(1), stats::norm());
  BOOST_TEST(one.statistic == 0.5);
  BOOST_TEST(one.statistic_sign == -1);
  BOOST_TEST(one.pvalue == 1.0);
  const Vector x = (Vector(3) << 0.9, 0.2, 0.5).finished(), copy = x;
  (void)stats::ks_1samp(x, stats::uniform());
  BOOST_TEST(x == copy);  // the input is not sorted in place
}

// The Kolmogorov-Smirnov example of docs/stats.md, with SciPy 1.17's values.
BOOST_AUTO_TEST_CASE(ks_guide_example_gives_scipys_values) {
  namespace tt = boost::test_tools;
  const Vector x = (Vector(8) << 0.61, -0.42, 1.37, 0.05, -1.21, 0.88, 2.05, -0.33).finished();
  const stats::KstestResult r = stats::ks_1samp(x, stats::norm());
  BOOST_TEST(r.statistic == 0.22906909621699434, tt::tolerance(1e-14));
  BOOST_TEST(r.pvalue == 0.7154045302705045, tt::tolerance(1e-12));
  BOOST_TEST(r.statistic_location == 0.61);
  BOOST_TEST(r.statistic_sign == -1);
  BOOST_TEST(stats::kstwo(100).sf(0.15) == 0.019839242125643017, tt::tolerance(1e-12));
  BOOST_TEST(stats::kstwobign().isf(0.05) == 1.3580986393225507, tt::tolerance(1e-14));
}

// The edges as SciPy 1.17: outside the support 0 / 1, kstwo's support
// starting at 1 / (2n), invalid n and NaN giving NaN, closed forms at n = 1.
BOOST_AUTO_TEST_CASE(kolmogorov_laws_edges_as_scipy) {
  const stats::KolmogorovSmirnovDistribution k = stats::kstwo(10);
  BOOST_TEST(k.cdf(-1.0) == 0.0);
  BOOST_TEST(k.sf(0.05) == 1.0);  // d <= 1 / (2n)
  BOOST_TEST(k.cdf(1.0) == 1.0);
  BOOST_TEST(k.sf(2.0) == 0.0);
  BOOST_TEST(k.ppf(0.0) == 0.05);
  BOOST_TEST(k.isf(0.0) == 1.0);
  BOOST_TEST(k.ppf(1.0) == 1.0);
  BOOST_TEST(std::isnan(k.ppf(1.5)));
  BOOST_TEST(std::isnan(k.cdf(kNaN)));
  BOOST_TEST(std::isnan(stats::kstwo(0).sf(0.5)));
  BOOST_TEST(std::isnan(stats::ksone(-3).cdf(0.5)));
  // n = 1: D_1 = max(U, 1 - U) is uniform on [1/2, 1]; D_1^+ = 1 - U uniform on [0, 1].
  BOOST_TEST(stats::kstwo(1).cdf(0.8) == 0.6, boost::test_tools::tolerance(1e-15));
  BOOST_TEST(stats::ksone(1).sf(0.3) == 0.7, boost::test_tools::tolerance(1e-15));
  const stats::KolmogorovDistribution big = stats::kstwobign();
  BOOST_TEST(big.cdf(0.0) == 0.0);
  BOOST_TEST(big.sf(-1.0) == 1.0);
  BOOST_TEST(big.ppf(0.0) == 0.0);
  BOOST_TEST(std::isinf(big.ppf(1.0)));
  BOOST_TEST(std::isinf(big.isf(0.0)));
  BOOST_TEST(big.sf(30.0) == 0.0);
  // The cdf and the sf are complements (each computed directly on its side)
  // for n <= 140; above, SciPy's (and our) cdf is Pelz-Good's and the sf
  // Miller's for n d^2 >= 2.2, a few 1e-9 apart at n = 500.
  for (const double d : {0.02, 0.1, 0.3, 0.6}) {
    for (const Index n : {3, 40, 140}) {
      const stats::KolmogorovSmirnovDistribution law = stats::kstwo(n);
      BOOST_TEST(law.cdf(d) + law.sf(d) == 1.0, boost::test_tools::tolerance(1e-13));
    }
  }
}

namespace {
// One law's value at (n, x) from the object the law names.
double law_value(const std::string& law, const std::string& function, Index n, double x) {
  if (law == "kstwobign") {
    const stats::KolmogorovDistribution k = stats::kstwobign();
    if (function == "cdf") return k.cdf(x);
    if (function == "sf") return k.sf(x);
    if (function == "pdf") return k.pdf(x);
    return function == "ppf" ? k.ppf(x) : k.isf(x);
  }
  if (law == "kstwo") {
    const stats::KolmogorovSmirnovDistribution k = stats::kstwo(n);
    if (function == "cdf") return k.cdf(x);
    if (function == "sf") return k.sf(x);
    return function == "ppf" ? k.ppf(x) : k.isf(x);
  }
  const stats::SmirnovDistribution k = stats::ksone(n);
  if (function == "cdf") return k.cdf(x);
  if (function == "sf") return k.sf(x);
  return function == "ppf" ? k.ppf(x) : k.isf(x);
}
}  // namespace

// ksone, kstwo and kstwobign against SciPy 1.17 over every region of the
// method choice, tails down to 1e-300 (tests/reference/stats_tests.py).
// Both sides evaluate the same formulas in each region (Simard and
// L'Ecuyer's choice), SciPy in double or double-double, ours in double or
// long double with other summation orders, so the values agree to a few
// hundred ulps at worst (Durbin's matrix powers, Pelz-Good's alternating
// sums): 1e-12 relative. Where the sf is formed as 1 - cdf (Durbin and
// Pomeranz's regions) the cdf's rounding (up to ~70 ulps after Pomeranz's
// 2n + 1 convolution steps) is an absolute error of the sf: 3e-14 absolute
// is allowed on top. Two exceptions:
// - values below the normal range (2.2e-308) carry few digits on either
//   side and are compared absolutely, within 2.2e-308;
// - SciPy's kstwobign pdf stops its series after three terms: just above
//   x = 0.82 its truncation error is 16 exp(-30 x^2) ~ 2e-8 relative (ours
//   keeps five terms): 5e-8 there.
// The kstwo quantiles are checked against SciPy's cdf / sf inverted to full
// precision (see the script: SciPy's own ppf cannot resolve the far upper
// tail); an error of one ulp in the probability moves the root by
// ulp / (x pdf / p) relative, below 1e-13 on this grid.
BOOST_AUTO_TEST_CASE(kolmogorov_laws_match_scipy) {
  std::map<std::string, double> worst;
  int count = 0;
  for (const auto& row : testing::read_manifest("stats/hypothesis_tests/kolmogorov_laws.csv")) {
    BOOST_TEST_REQUIRE(row.size() == 5u);
    const std::string& law = row[0];
    const std::string& function = row[1];
    const Index n = std::stol(row[2]);
    // strtod: std::stod refuses the subnormal values of the far tails.
    const double x = std::strtod(row[3].c_str(), nullptr), ref = std::strtod(row[4].c_str(), nullptr);
    BOOST_TEST_CONTEXT(law << "(" << n << ")." << function << "(" << row[3] << ")") {
      const double value = law_value(law, function, n, x);
      constexpr double kNormal = std::numeric_limits<double>::min();
      if (std::abs(ref) < kNormal) {
        BOOST_TEST(std::abs(value - ref) < kNormal, value << " against SciPy's " << ref);
        continue;
      }
      const double error = std::abs(value - ref) / std::abs(ref);
      double& w = worst[law + "." + function];
      w = std::max(w, error);
      const double tol = law == "kstwobign" && function == "pdf" ? 5e-8 : 1e-12;
      BOOST_TEST(std::abs(value - ref) <= tol * std::abs(ref) + 3e-14,
                 value << " against SciPy's " << ref << " (relative error " << error << ")");
      ++count;
    }
  }
  for (const auto& [what, error] : worst) std::cout << what << ": max relative error " << error << "\n";
  std::cout << count << " values of ksone / kstwo / kstwobign\n";
}

// wilcoxon: rank sums are sums of half-integers (exact); the p-values come
// from the same exact law (dyadic probabilities, exact in doubles), the same
// sign-flip enumeration, or the normal tail at the same z.
BOOST_AUTO_TEST_CASE(wilcoxon_matches_scipy) {
  Worst worst;
  for (const Case& c : cases_of("wilcoxon")) {
    BOOST_TEST_CONTEXT(label(c) << " " << c.options.at("zero_method")) {
      stats::WilcoxonOptions o;
      const std::string z = c.options.at("zero_method");
      o.zero_method = z == "pratt"    ? stats::WilcoxonZeroMethod::pratt
                      : z == "zsplit" ? stats::WilcoxonZeroMethod::zsplit
                                      : stats::WilcoxonZeroMethod::wilcox;
      o.correction = c.option("correction") != 0;
      o.alternative = c.alternative;
      o.method = c.options.at("method") == "asymptotic" ? stats::WilcoxonMethod::asymptotic
                                                          : stats::WilcoxonMethod::automatic;
      const stats::RankTestResult r = stats::wilcoxon(c.column("x"), o);
      check_statistic(r.statistic, c.values[0], worst);
      check_pvalue(r.pvalue, c.values[1], worst);
    }
  }
  worst.report("wilcoxon");
}

namespace {
std::vector<Vector> groups_of(const Case& c) {
  std::vector<Vector> groups;
  for (int g = 0; g < static_cast<int>(c.option("groups")); ++g) groups.push_back(c.column("g" + std::to_string(g)));
  return groups;
}
}  // namespace

BOOST_AUTO_TEST_CASE(kruskal_friedman_levene_bartlett_match_scipy) {
  for (const std::string function : {"kruskal", "friedmanchisquare", "levene", "bartlett"}) {
    Worst worst;
    for (const Case& c : cases_of(function)) {
      BOOST_TEST_CONTEXT(function << " " << c.name) {
        const std::vector<Vector> groups = groups_of(c);
        double statistic = 0, pvalue = 0;
        if (function == "kruskal") {
          const auto r = stats::kruskal(groups);
          statistic = r.statistic, pvalue = r.pvalue;
        } else if (function == "friedmanchisquare") {
          const auto r = stats::friedmanchisquare(groups);
          statistic = r.statistic, pvalue = r.pvalue;
        } else if (function == "levene") {
          const std::string center = c.options.at("center");
          const auto r = stats::levene(groups,
                                       center == "mean"      ? stats::LeveneCenter::mean
                                       : center == "trimmed" ? stats::LeveneCenter::trimmed
                                                             : stats::LeveneCenter::median,
                                       0.1);
          statistic = r.statistic, pvalue = r.pvalue;
        } else {
          const auto r = stats::bartlett(groups);
          statistic = r.statistic, pvalue = r.pvalue;
        }
        check_statistic(statistic, c.values[0], worst);
        check_pvalue(pvalue, c.values[1], worst);
      }
    }
    worst.report(function);
  }
}

BOOST_AUTO_TEST_CASE(jarque_bera_matches_scipy) {
  Worst worst;
  for (const Case& c : cases_of("jarque_bera")) {
    BOOST_TEST_CONTEXT(c.name) {
      const stats::NormalityTestResult r = stats::jarque_bera(c.column("x"));
      check_statistic(r.statistic, c.values[0], worst);
      check_pvalue(r.pvalue, c.values[1], worst);
    }
  }
  worst.report("jarque_bera");
}

BOOST_AUTO_TEST_CASE(false_discovery_control_matches_scipy) {
  Worst worst;
  for (const Case& c : cases_of("false_discovery_control")) {
    BOOST_TEST_CONTEXT(c.name) {
      const Vector adjusted = stats::false_discovery_control(
          c.column("x"), c.options.at("method") == "by" ? stats::FdrMethod::by : stats::FdrMethod::bh);
      const Vector expected = c.column("y");
      BOOST_TEST_REQUIRE(adjusted.size() == expected.size());
      for (Index i = 0; i < adjusted.size(); ++i) check_pvalue(adjusted(i), expected(i), worst);
    }
  }
  worst.report("false_discovery_control");
  BOOST_CHECK_THROW((void)stats::false_discovery_control(Vector::Constant(2, 1.5)), ValueError);
}

BOOST_AUTO_TEST_CASE(new_tests_edge_cases_as_scipy) {
  // SciPy 1.17: all differences zero: statistic 0, p 1 (permutation law);
  // one difference: exact law, p 1.
  const stats::RankTestResult zeros = stats::wilcoxon(Vector::Zero(3));
  BOOST_TEST(zeros.statistic == 0.0);
  BOOST_TEST(zeros.pvalue == 1.0);
  const stats::RankTestResult one = stats::wilcoxon(Vector::Ones(1));
  BOOST_TEST(one.statistic == 0.0);
  BOOST_TEST(one.pvalue == 1.0);
  {
    WarningCounter warnings;
    BOOST_TEST(std::isnan(stats::wilcoxon(Vector()).pvalue));
    BOOST_TEST(std::isnan(stats::kruskal({Vector::Ones(3), Vector()}).statistic));
    BOOST_TEST(std::isnan(stats::jarque_bera(Vector()).statistic));
    BOOST_TEST(warnings.count == 3);
  }
  // All values equal: the tie correction is 0, the statistics 0 / 0.
  BOOST_TEST(std::isnan(stats::kruskal({Vector::Ones(3), Vector::Ones(2)}).statistic));
  BOOST_TEST(std::isnan(stats::friedmanchisquare({Vector::Ones(3), Vector::Ones(3), Vector::Ones(3)}).statistic));
  // Bartlett: a group of one value gives NaN; a constant group inf and p = 0.
  Vector abc(3);
  abc << 1.0, 2.0, 3.0;
  BOOST_TEST(std::isnan(stats::bartlett({abc, Vector::Ones(1)}).statistic));
  const stats::VarianceTestResult flat = stats::bartlett({Vector::Ones(3), abc});
  BOOST_TEST(std::isinf(flat.statistic));
  BOOST_TEST(flat.pvalue == 0.0);
  BOOST_TEST(std::isnan(stats::wilcoxon(Vector::Constant(4, kNaN)).statistic));
  BOOST_CHECK_THROW((void)stats::kruskal({abc}), ValueError);
  BOOST_CHECK_THROW((void)stats::friedmanchisquare({abc, abc}), ValueError);
  BOOST_CHECK_THROW((void)stats::levene({abc}), ValueError);
  BOOST_CHECK_THROW((void)stats::wilcoxon(abc, Vector::Ones(2)), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
