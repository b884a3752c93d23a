#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <cmath>
#include <iostream>
#include <limits>
#include <map>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io.hpp>
#include <scilearn/stats/contingency_tests.hpp>
#include <scilearn/stats/hypothesis_tests.hpp>
#include <string>
#include <vector>

#include "distribution_cases.hpp"
#include "manifest_cases.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(contingency_tests)

using namespace scilearn;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

using Case = testing::ManifestCase;

std::vector<Case> cases_of(const std::string& function) { return testing::manifest_cases("stats/contingency", function); }

// 0 when both are NaN or the same infinity, the relative error otherwise;
// below the smallest normal double, the absolute difference over it (the
// distribution tests' measure).
double error(double value, double reference) { return testing::distribution_error(value, reference); }

std::string label(const Case& c) {
  return c.name + " " + c.function + " " +
         (c.alternative == stats::Alternative::less      ? "less"
          : c.alternative == stats::Alternative::greater ? "greater"
                                                         : "two-sided");
}

// The largest error of one quantity over a test's cases, for the log.
struct Worst {
  std::map<std::string, double> errors;
  void check(const std::string& what, double value, double reference, double tolerance) {
    const double e = error(value, reference);
    errors[what] = std::max(errors[what], e);
    BOOST_TEST(e <= tolerance, what << " " << value << " against " << reference << " (relative error " << e
                                    << ", tolerance " << tolerance << ")");
  }
  void report(const std::string& test) const {
    std::cout << test << ": max relative error";
    for (const auto& [what, e] : errors) std::cout << ", " << what << " " << e;
    std::cout << "\n";
  }
};

// Tolerances.
// Power divergence statistics against the exact value of the same double
// inputs (Python's decimal, 50 digits): 1e-12 relative. The terms are of
// size |o - e| and their first-order parts cancel in the sum (sum(o - e) =
// 0), so the statistic, of size (o - e)^2 / e, keeps about
// eps * sqrt(max count) relative: 2e-13 for counts of 1e6.
constexpr double kExactStatisticTol = 1e-12;
// Against SciPy's statistic: the same 1e-12 plus SciPy's own distance from
// the exact value, which the fixture holds. SciPy forms o / e before the
// power or the log; its rounding costs eps * sum(o) / statistic (2e-11 on
// the cases with 1e7 counts).
double scipy_statistic_tol(double scipy, double exact) { return kExactStatisticTol + error(scipy, exact); }
// p-values against SciPy's chi2 upper tail (special.chdtrc) at the exact
// statistic: 1e-10 relative. Both sides evaluate the regularized incomplete
// gamma function (Boost.Math here, Cephes there) at statistics 1e-12 apart;
// the tail's relative sensitivity |d log p / d log x| is below 100 here.
constexpr double kChi2PvalueTol = 1e-10;
// Fisher and binomial p-values: 1e-12 relative. Both sides sum the same
// Boost.Math hypergeometric / binomial tails (SciPy evaluates these
// distributions with Boost too), split at the same outcome.
constexpr double kExactPvalueTol = 1e-12;

stats::Alternative alternative_of(const Case& c) { return c.alternative; }

}  // namespace

BOOST_AUTO_TEST_CASE(power_divergence_matches_the_exact_statistic_and_scipy) {
  Worst worst;
  for (const Case& c : cases_of("power_divergence")) {
    BOOST_TEST_CONTEXT(label(c) << " " << c.options.at("lambda")) {
      const int ddof = static_cast<int>(c.option("ddof"));
      const double lambda_ = c.option("lambda");
      const stats::PowerDivergenceResult r = c.option("f_exp") != 0
                                                 ? stats::power_divergence(c.vector("obs"), c.vector("exp"), ddof, lambda_)
                                                 : stats::power_divergence(c.vector("obs"), ddof, lambda_);
      worst.check("statistic (exact)", r.statistic, c.values[2], kExactStatisticTol);
      worst.check("statistic (SciPy)", r.statistic, c.values[0], scipy_statistic_tol(c.values[0], c.values[2]));
      worst.check("pvalue", r.pvalue, c.values[3], kChi2PvalueTol);
    }
  }
  worst.report("power_divergence");
}

BOOST_AUTO_TEST_CASE(chisquare_without_the_sum_check_matches_scipy) {
  Worst worst;
  for (const Case& c : cases_of("chisquare")) {
    BOOST_TEST_CONTEXT(label(c)) {
      const Vector obs = c.vector("obs"), exp = c.vector("exp");
      if (std::abs(obs.sum() - exp.sum()) > 1e-6 * obs.sum()) {  // what the sum check is for
        BOOST_CHECK_THROW((void)stats::chisquare(obs, exp), ValueError);
      }
      const stats::ChisquareResult r = stats::chisquare(obs, exp, 0, false);
      worst.check("statistic", r.statistic, c.values[0], kExactStatisticTol);
      worst.check("pvalue", r.pvalue, c.values[1], kChi2PvalueTol);
    }
  }
  worst.report("chisquare (sum_check = false)");
}

BOOST_AUTO_TEST_CASE(chi2_contingency_matches_the_exact_statistic_and_scipy) {
  Worst worst;
  for (const Case& c : cases_of("chi2_contingency")) {
    BOOST_TEST_CONTEXT(label(c) << " correction " << c.options.at("correction") << " lambda "
                                << c.options.at("lambda")) {
      const Matrix table = c.matrix("table");
      const stats::Chi2ContingencyResult r =
          stats::chi2_contingency(table, c.option("correction") != 0, c.option("lambda"));
      worst.check("statistic (exact)", r.statistic, c.values[3], kExactStatisticTol);
      worst.check("statistic (SciPy)", r.statistic, c.values[0], scipy_statistic_tol(c.values[0], c.values[3]));
      worst.check("pvalue", r.pvalue, c.values[4], kChi2PvalueTol);
      BOOST_TEST(static_cast<double>(r.dof) == c.values[2]);
      // Expected frequencies: row sum times column sum over the total, one
      // rounding each on integer tables; 2e-16 allows the sums of the
      // fractional tables to round differently from NumPy's pairwise sums.
      const Matrix expected = c.matrix("expected");
      BOOST_TEST_REQUIRE(r.expected_freq.rows() == expected.rows());
      BOOST_TEST_REQUIRE(r.expected_freq.cols() == expected.cols());
      for (Index k = 0; k < expected.size(); ++k) {
        worst.check("expected_freq", r.expected_freq(k), expected(k), 2.3e-16);
      }
      const Matrix alone = stats::contingency::expected_freq(table);
      for (Index k = 0; k < expected.size(); ++k) BOOST_TEST(error(alone(k), r.expected_freq(k)) == 0.0);
    }
  }
  worst.report("chi2_contingency");
}

BOOST_AUTO_TEST_CASE(fisher_exact_matches_scipy) {
  Worst worst;
  for (const Case& c : cases_of("fisher_exact")) {
    BOOST_TEST_CONTEXT(label(c)) {
      const stats::FisherExactResult r = stats::fisher_exact(c.matrix("table"), alternative_of(c));
      // One division of exact products on both sides.
      worst.check("statistic", r.statistic, c.values[0], 0.0);
      worst.check("pvalue", r.pvalue, c.values[1], kExactPvalueTol);
    }
  }
  worst.report("fisher_exact");
}

BOOST_AUTO_TEST_CASE(binomtest_matches_scipy) {
  Worst worst;
  for (const Case& c : cases_of("binomtest")) {
    BOOST_TEST_CONTEXT(label(c) << " k " << c.options.at("k") << " n " << c.options.at("n") << " p "
                                << c.options.at("p")) {
      const stats::BinomTestResult r = stats::binomtest(c.integer("k"), c.integer("n"), c.option("p"), c.alternative);
      BOOST_TEST(r.k == c.integer("k"));
      BOOST_TEST(r.n == c.integer("n"));
      BOOST_TEST((r.alternative == c.alternative));
      worst.check("statistic", r.statistic, c.values[0], 0.0);  // k / n, one division
      worst.check("pvalue", r.pvalue, c.values[1], kExactPvalueTol);
    }
  }
  worst.report("binomtest");
}

BOOST_AUTO_TEST_CASE(proportion_ci_matches_scipy) {
  Worst worst;
  for (const Case& c : cases_of("proportion_ci")) {
    const std::string method = c.options.at("method");
    BOOST_TEST_CONTEXT(label(c) << " k " << c.options.at("k") << " n " << c.options.at("n") << " " << method
                                << " level " << c.options.at("level")) {
      const stats::BinomTestResult test =
          stats::binomtest(c.integer("k"), c.integer("n"), c.option("p"), c.alternative);
      const stats::ProportionCiMethod m = method == "exact"    ? stats::ProportionCiMethod::exact
                                          : method == "wilson" ? stats::ProportionCiMethod::wilson
                                                               : stats::ProportionCiMethod::wilsoncc;
      const stats::Interval ci = test.proportion_ci(c.option("level"), m);
      if (m == stats::ProportionCiMethod::exact) {
        // SciPy's ends come from brentq with xtol 2e-12 (and rtol 4 eps):
        // 4e-12 absolutely. The same ends as beta quantiles (SciPy's
        // beta.ppf / isf: Boost's incomplete beta inverses, as ours):
        // 1e-13 relative, the inverses' own accuracy.
        BOOST_TEST(std::abs(ci.low - c.values[0]) <= 4e-12, ci.low << " against SciPy's " << c.values[0]);
        BOOST_TEST(std::abs(ci.high - c.values[1]) <= 4e-12, ci.high << " against SciPy's " << c.values[1]);
        worst.errors["exact ends (SciPy's brentq, absolute)"] =
            std::max({worst.errors["exact ends (SciPy's brentq, absolute)"], std::abs(ci.low - c.values[0]),
                      std::abs(ci.high - c.values[1])});
        worst.check("exact ends (beta quantiles)", ci.low, c.values[2], 1e-13);
        worst.check("exact ends (beta quantiles)", ci.high, c.values[3], 1e-13);
      } else {
        // Closed forms with the same operations; z from the normal quantile
        // (erfc_inv here, Cephes' ndtri there: a few ulps).
        worst.check("wilson ends", ci.low, c.values[0], 1e-13);
        worst.check("wilson ends", ci.high, c.values[1], 1e-13);
      }
    }
  }
  worst.report("proportion_ci");
}

// SciPy's lambda_ strings, and the rejection of any other.
BOOST_AUTO_TEST_CASE(lambda_names_give_scipys_values) {
  BOOST_TEST(stats::power_lambda_named("pearson") == 1.0);
  BOOST_TEST(stats::power_lambda_named("log-likelihood") == 0.0);
  BOOST_TEST(stats::power_lambda_named("freeman-tukey") == -0.5);
  BOOST_TEST(stats::power_lambda_named("mod-log-likelihood") == -1.0);
  BOOST_TEST(stats::power_lambda_named("neyman") == -2.0);
  BOOST_TEST(stats::power_lambda_named("cressie-read") == 2.0 / 3.0);
  BOOST_CHECK_THROW((void)stats::power_lambda_named("foo"), ValueError);
  BOOST_CHECK_THROW((void)stats::power_lambda_named("Pearson"), ValueError);
}

// chisquare is power_divergence with lambda_ = 1: the same numbers.
BOOST_AUTO_TEST_CASE(chisquare_is_the_pearson_power_divergence) {
  const Vector obs = (Vector(6) << 16, 18, 16, 14, 12, 12).finished();
  const Vector exp = (Vector(6) << 16, 16, 16, 16, 16, 8).finished();
  BOOST_TEST(stats::chisquare(obs).statistic == stats::power_divergence(obs).statistic);
  BOOST_TEST(stats::chisquare(obs, exp, 1).pvalue == stats::power_divergence(obs, exp, 1).pvalue);
  // SciPy's docstring examples: 2.0 and 3.5.
  BOOST_TEST(stats::chisquare(obs).statistic == 2.0);
  BOOST_TEST(stats::chisquare(obs, exp).statistic == 3.5);
}

BOOST_AUTO_TEST_CASE(power_divergence_rejects_what_scipy_rejects) {
  const Vector three = (Vector(3) << 1, 3, 4).finished();
  BOOST_CHECK_THROW((void)stats::power_divergence(three, (Vector(2) << 4, 4).finished()), ValueError);
  // Sums 8 and 8.001: beyond SciPy's relative 1.49e-8.
  BOOST_CHECK_THROW((void)stats::power_divergence(three, (Vector(3) << 1, 3, 4.001).finished()), ValueError);
  // 1e-9 relative passes.
  const stats::PowerDivergenceResult r = stats::power_divergence(three, (Vector(3) << 1, 3, 4 + 8e-9).finished());
  BOOST_TEST(r.statistic < 1e-16);
}

BOOST_AUTO_TEST_CASE(chi2_contingency_rejects_what_scipy_rejects) {
  BOOST_CHECK_THROW((void)stats::chi2_contingency(Matrix(0, 3)), ValueError);
  BOOST_CHECK_THROW((void)stats::chi2_contingency((Matrix(2, 2) << 1, 2, -3, 4).finished()), ValueError);
  // A zero column: SciPy names the cell (0, 1).
  try {
    (void)stats::chi2_contingency((Matrix(2, 2) << 1, 0, 2, 0).finished());
    BOOST_ERROR("a zero expected frequency must throw");
  } catch (const ValueError& e) {
    BOOST_TEST(std::string(e.what()).find("(0, 1)") != std::string::npos, e.what());
  }
  // An infinite count makes expected(0, 1) = 3 * 6 / inf = 0, as in SciPy.
  BOOST_CHECK_THROW((void)stats::chi2_contingency((Matrix(2, 2) << 1, 2, kInf, 4).finished()), ValueError);
  BOOST_TEST(stats::contingency::expected_freq(Matrix(0, 3)).size() == 0);
}

BOOST_AUTO_TEST_CASE(chi2_contingency_of_one_row_or_column_has_no_degrees_of_freedom) {
  const Matrix row = (Matrix(1, 4) << 1, 2, 3, 4).finished();
  const stats::Chi2ContingencyResult r = stats::chi2_contingency(row);
  BOOST_TEST(r.statistic == 0.0);
  BOOST_TEST(r.pvalue == 1.0);
  BOOST_TEST(r.dof == 0);
  BOOST_TEST((r.expected_freq - row).cwiseAbs().maxCoeff() == 0.0);
}

BOOST_AUTO_TEST_CASE(fisher_exact_rejects_what_scipy_rejects) {
  BOOST_CHECK_THROW((void)stats::fisher_exact((Matrix(2, 2) << 1, 2, -3, 4).finished()), ValueError);
  BOOST_CHECK_THROW((void)stats::fisher_exact((Matrix(2, 3) << 1, 2, 3, 3, 4, 5).finished()), ValueError);
  BOOST_CHECK_THROW((void)stats::fisher_exact(Matrix(0, 0)), ValueError);
  // SciPy would truncate 1.7 to 1 and misread NaN; here they are errors.
  BOOST_CHECK_THROW((void)stats::fisher_exact((Matrix(2, 2) << 1.7, 2, 3, 4).finished()), ValueError);
  BOOST_CHECK_THROW((void)stats::fisher_exact((Matrix(2, 2) << kNaN, 2, 3, 4).finished()), ValueError);
  BOOST_CHECK_THROW((void)stats::fisher_exact((Matrix(2, 2) << kInf, 2, 3, 4).finished()), ValueError);
}

// [[3, 1], [1, 3]]: with all margins 4, t00 ~ hypergeom(8, 4, 4), whose pmf
// is C(4, k) C(4, 4 - k) / 70 = (1, 16, 36, 16, 1) / 70.
BOOST_AUTO_TEST_CASE(fisher_exact_on_a_table_with_a_closed_form) {
  namespace tt = boost::test_tools;
  const Matrix table = (Matrix(2, 2) << 3, 1, 1, 3).finished();
  BOOST_TEST(stats::fisher_exact(table).statistic == 9.0);
  BOOST_TEST(stats::fisher_exact(table).pvalue == 34.0 / 70, tt::tolerance(1e-14));
  BOOST_TEST(stats::fisher_exact(table, stats::Alternative::less).pvalue == 69.0 / 70, tt::tolerance(1e-14));
  BOOST_TEST(stats::fisher_exact(table, stats::Alternative::greater).pvalue == 17.0 / 70, tt::tolerance(1e-14));
}

BOOST_AUTO_TEST_CASE(binomtest_rejects_what_scipy_rejects) {
  BOOST_CHECK_THROW((void)stats::binomtest(-1, 5), ValueError);
  BOOST_CHECK_THROW((void)stats::binomtest(3, 0), ValueError);
  BOOST_CHECK_THROW((void)stats::binomtest(6, 5), ValueError);
  BOOST_CHECK_THROW((void)stats::binomtest(2, 5, 1.5), ValueError);
  BOOST_CHECK_THROW((void)stats::binomtest(2, 5, -0.1), ValueError);
  BOOST_CHECK_THROW((void)stats::binomtest(2, 5, kNaN), ValueError);
  const stats::BinomTestResult r = stats::binomtest(2, 5);
  BOOST_CHECK_THROW((void)r.proportion_ci(1.5), ValueError);
  BOOST_CHECK_THROW((void)r.proportion_ci(-0.01), ValueError);
  BOOST_CHECK_THROW((void)r.proportion_ci(kNaN), ValueError);
}

// k = 0 of n = 3 at p = 1/2: P(X <= 0) = 1/8, and the two-sided p-value adds
// the equally likely X = 3.
BOOST_AUTO_TEST_CASE(binomtest_on_a_case_with_a_closed_form) {
  namespace tt = boost::test_tools;
  BOOST_TEST(stats::binomtest(0, 3).pvalue == 0.25, tt::tolerance(1e-15));
  BOOST_TEST(stats::binomtest(0, 3, 0.5, stats::Alternative::less).pvalue == 0.125, tt::tolerance(1e-15));
  BOOST_TEST(stats::binomtest(0, 3, 0.5, stats::Alternative::greater).pvalue == 1.0);
  // Clopper-Pearson for k = 0: [0, 1 - (alpha)^(1/n)], alpha = 0.025.
  const stats::Interval ci = stats::binomtest(0, 3).proportion_ci();
  BOOST_TEST(ci.low == 0.0);
  BOOST_TEST(ci.high == 1 - std::pow(0.025, 1.0 / 3), tt::tolerance(1e-14));
  // Confidence 1: the whole interval.
  const stats::Interval all = stats::binomtest(2, 5).proportion_ci(1.0);
  BOOST_TEST(all.low == 0.0);
  BOOST_TEST(all.high == 1.0);
}

// The example of docs/stats.md, with SciPy 1.17's values.
BOOST_AUTO_TEST_CASE(guide_example_gives_scipys_values) {
  namespace tt = boost::test_tools;
  const Matrix observed = (Matrix(2, 3) << 10, 10, 20, 20, 20, 20).finished();
  const stats::Chi2ContingencyResult r = stats::chi2_contingency(observed);
  BOOST_TEST(r.statistic == 2.7777777777777777, tt::tolerance(1e-14));
  BOOST_TEST(r.pvalue == 0.24935220877729622, tt::tolerance(1e-12));
  BOOST_TEST(r.dof == 2);
  BOOST_TEST(r.expected_freq(0, 2) == 16.0);
  const stats::FisherExactResult f = stats::fisher_exact((Matrix(2, 2) << 8, 2, 1, 5).finished());
  BOOST_TEST(f.statistic == 20.0);
  BOOST_TEST(f.pvalue == 0.034965034965034975, tt::tolerance(1e-12));
  const stats::BinomTestResult b = stats::binomtest(7, 50, 0.05, stats::Alternative::greater);
  BOOST_TEST(b.pvalue == 0.011786447797264277, tt::tolerance(1e-12));
  const stats::Interval ci = b.proportion_ci(0.95, stats::ProportionCiMethod::wilson);
  BOOST_TEST(ci.low == 0.07772089782062996, tt::tolerance(1e-12));
  BOOST_TEST(ci.high == 1.0);
}

BOOST_AUTO_TEST_SUITE_END()
