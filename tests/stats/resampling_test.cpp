#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/stats/binned_statistic.hpp>
#include <scilearn/stats/order_statistics.hpp>
#include <scilearn/stats/resampling.hpp>
#include <string>
#include <vector>

#include "resampling_cases.hpp"

BOOST_AUTO_TEST_SUITE(resampling)

using namespace scilearn;
using testing::resampling::Case;
using testing::resampling::cases_of;
using testing::resampling::WarningCounter;
using testing::resampling::Worst;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

stats::Alternative alternative_of(const std::string& text) {
  return text == "less" ? stats::Alternative::less
         : text == "greater" ? stats::Alternative::greater
                             : stats::Alternative::two_sided;
}

std::vector<Vector> samples_of(const Case& c) {
  std::vector<Vector> data;
  for (int j = 0; j < static_cast<int>(c.option("samples")); ++j) data.push_back(c.vector("s" + std::to_string(j)));
  return data;
}

double sequential_mean(const Vector& a) { return std::accumulate(a.begin(), a.end(), 0.0) / static_cast<double>(a.size()); }

// The statistics of the reference script, with the same operations (on
// integer data every sum is exact, so Eigen's and NumPy's orders agree).
stats::SamplesStatistic statistic_named(const std::string& name) {
  if (name == "mean") return [](const std::vector<Vector>& s) { return s[0].mean(); };
  if (name == "std1") {
    return [](const std::vector<Vector>& s) {
      const double m = s[0].mean();
      return std::sqrt((s[0].array() - m).square().sum() / static_cast<double>(s[0].size() - 1));
    };
  }
  if (name == "median") return [](const std::vector<Vector>& s) { return stats::median(s[0]); };
  if (name == "mean_diff") return [](const std::vector<Vector>& s) { return s[0].mean() - s[1].mean(); };
  if (name == "seq_mean_diff") {
    return [](const std::vector<Vector>& s) { return sequential_mean(s[0]) - sequential_mean(s[1]); };
  }
  if (name == "between_groups") {
    return [](const std::vector<Vector>& s) {
      double total = 0;
      for (const Vector& g : s) total += static_cast<double>(g.size()) * (g.mean() * g.mean());
      return total;
    };
  }
  if (name == "paired_mean_diff") return [](const std::vector<Vector>& s) { return (s[0] - s[1]).mean(); };
  if (name == "dot") return [](const std::vector<Vector>& s) { return s[0].dot(s[1]); };
  if (name == "trend") {
    return [](const std::vector<Vector>& s) { return Vector::LinSpaced(s[0].size(), 0, static_cast<double>(s[0].size() - 1)).dot(s[0]); };
  }
  BOOST_FAIL("unknown statistic " << name);
  return {};
}

stats::BootstrapMethod method_of(const std::string& text) {
  return text == "percentile" ? stats::BootstrapMethod::percentile
         : text == "basic"    ? stats::BootstrapMethod::basic
                              : stats::BootstrapMethod::bca;
}

// Tolerances.
// Bootstrap intervals from SciPy's own bootstrap distribution: 1e-12 on the
// scale of the standard error (an end near 0 is compared on the interval's
// scale). The quantile positions are SciPy's formula; BCa's bias correction
// counts the same comparisons (the statistic of the data agrees to the last
// bit on the integer and median cases, to a few ulps on the others, where no
// resample lands within them); its acceleration comes from jackknife values
// that agree to a few ulps, through a cubic / square root ratio of their
// deviations, then a normal cdf and a linear interpolation.
constexpr double kIntervalTol = 1e-12;
// Standard errors: SciPy's np.std (pairwise sums) against a compensated
// centred sum: 1e-13 relative.
constexpr double kStandardErrorTol = 1e-13;
// Against SciPy's own 9999-resample run (another random stream): the
// standard error to 5% (each estimate has relative Monte Carlo error about
// 1 / sqrt(2 B) = 0.7%, so the difference of two about 1%: five sigma);
// interval ends to 0.3 standard errors. An end is a quantile at level p,
// with Monte Carlo error sqrt(p (1 - p) / B) / phi(z_p) standard errors in
// the normal case: 0.027 at 2.5%, but 0.05 at the 0.5% that BCa reaches on
// skewed statistics (std, exponential means), 0.07 for the difference of two
// runs: four sigma there (the largest measured is 0.13).
constexpr double kMcStandardErrorTol = 0.05, kMcIntervalTol = 0.3;

}  // namespace

// ---- bootstrap ---------------------------------------------------------------

BOOST_AUTO_TEST_CASE(bootstrap_intervals_from_scipys_distribution_match_scipy) {
  Worst worst;
  for (const Case& c : cases_of("bootstrap")) {
    BOOST_TEST_CONTEXT(c.label()) {
      WarningCounter quiet;  // the degenerate cases warn; counted in their own test
      const stats::BootstrapResult previous{{kNaN, kNaN}, c.vector("dist"), kNaN};
      const stats::BootstrapResult r =
          stats::bootstrap(samples_of(c), statistic_named(c.text("statistic")),
                           {.n_resamples = 0,
                            .paired = c.option("paired") != 0,
                            .confidence_level = c.option("level"),
                            .alternative = alternative_of(c.text("alternative")),
                            .method = method_of(c.text("method")),
                            .bootstrap_result = &previous});
      const double scale = c.values[2];
      worst.check("low", r.confidence_interval.low, c.values[0], kIntervalTol, scale);
      worst.check("high", r.confidence_interval.high, c.values[1], kIntervalTol, scale);
      worst.check("standard_error", r.standard_error, c.values[2], kStandardErrorTol);
      BOOST_TEST(r.bootstrap_distribution.size() == previous.bootstrap_distribution.size());
    }
  }
  worst.report("bootstrap (SciPy's distribution)");
}

BOOST_AUTO_TEST_CASE(bootstrap_agrees_with_scipy_to_monte_carlo_accuracy) {
  Worst worst;
  for (const Case& c : cases_of("bootstrap_mc")) {
    for (const std::uint64_t seed : {1u, 2u, 3u}) {
      BOOST_TEST_CONTEXT(c.label() << " seed " << seed) {
        const stats::BootstrapResult r = stats::bootstrap(samples_of(c), statistic_named(c.text("statistic")),
                                                          {.paired = c.option("paired") != 0, .seed = seed});
        BOOST_TEST(r.bootstrap_distribution.size() == 9999);
        const double se = c.values[2];
        // The ends' differences in standard errors (against 0 on the scale 1).
        worst.check("low", (r.confidence_interval.low - c.values[0]) / se, 0.0, kMcIntervalTol, 1.0);
        worst.check("high", (r.confidence_interval.high - c.values[1]) / se, 0.0, kMcIntervalTol, 1.0);
        worst.check("standard_error", r.standard_error, se, kMcStandardErrorTol);
      }
    }
  }
  worst.report("bootstrap (own resamples against SciPy's; the ends in standard errors)");
}

BOOST_AUTO_TEST_CASE(bootstrap_standard_error_of_the_mean_is_sigma_over_sqrt_n) {
  // The bootstrap distribution of the mean has standard deviation s / sqrt(n)
  // with s the plug-in (ddof = 0) standard deviation; 9999 resamples estimate
  // it to 0.7%: 3% is four sigma.
  for (const std::uint64_t seed : {11u, 12u, 13u, 14u, 15u}) {
    Generator rng(seed);
    const Vector x = (4.0 + 2.0 * rng.standard_normal(49).array()).matrix();
    const double n = static_cast<double>(x.size());
    const double plug_in = std::sqrt((x.array() - x.mean()).square().sum() / n);
    const stats::BootstrapResult r =
        stats::bootstrap(x, [](const Vector& s) { return s.mean(); }, {.seed = seed + 100});
    BOOST_TEST(std::abs(r.standard_error / (plug_in / std::sqrt(n)) - 1) < 0.03, "seed " << seed);
  }
}

BOOST_AUTO_TEST_CASE(bootstrap_intervals_cover_the_mean_as_often_as_their_level) {
  // 300 normal samples of 25 (mean 3, sigma 2); 95% intervals of the mean.
  // For the mean of normal data the percentile and BCa intervals cover
  // about 93-95% at n = 25 (slightly narrow: the plug-in variance); the
  // binomial standard deviation of a coverage over 300 trials is 1.3%, so
  // [0.89, 0.99] allows three sigma and the small-sample shortfall. One-sided
  // 95% bounds likewise.
  const std::vector<std::pair<stats::BootstrapMethod, stats::Alternative>> settings = {
      {stats::BootstrapMethod::percentile, stats::Alternative::two_sided},
      {stats::BootstrapMethod::basic, stats::Alternative::two_sided},
      {stats::BootstrapMethod::bca, stats::Alternative::two_sided},
      {stats::BootstrapMethod::bca, stats::Alternative::less},
      {stats::BootstrapMethod::percentile, stats::Alternative::greater}};
  std::vector<int> covered(settings.size(), 0);
  const int trials = 300;
  const auto mean = [](const Vector& s) { return s.mean(); };
  Generator rng(2026);
  for (int t = 0; t < trials; ++t) {
    const Vector x = (3.0 + 2.0 * rng.standard_normal(25).array()).matrix();
    const stats::BootstrapResult base =
        stats::bootstrap(x, mean, {.n_resamples = 999, .seed = static_cast<std::uint64_t>(t)});
    for (std::size_t k = 0; k < settings.size(); ++k) {
      const stats::BootstrapResult r =
          stats::bootstrap(x, mean, {.n_resamples = 0, .alternative = settings[k].second,
                                     .method = settings[k].first, .bootstrap_result = &base});
      covered[k] += r.confidence_interval.low <= 3.0 && 3.0 <= r.confidence_interval.high;
    }
  }
  for (std::size_t k = 0; k < settings.size(); ++k) {
    const double coverage = covered[k] / static_cast<double>(trials);
    BOOST_TEST_MESSAGE("coverage " << k << ": " << coverage);
    BOOST_TEST((coverage >= 0.89 && coverage <= 0.99), "setting " << k << " covers " << coverage);
  }
}

BOOST_AUTO_TEST_CASE(bootstrap_is_reproducible_per_seed_and_extends_a_previous_result) {
  const Vector x = (Vector(8) << 2.1, 3.5, 1.2, 8.4, 5.5, 3.3, 4.0, 6.1).finished();
  const auto median = [](const Vector& s) { return stats::median(s); };
  const stats::BootstrapResult a = stats::bootstrap(x, median, {.n_resamples = 500, .seed = 7});
  const stats::BootstrapResult b = stats::bootstrap(x, median, {.n_resamples = 500, .seed = 7});
  const stats::BootstrapResult c = stats::bootstrap(x, median, {.n_resamples = 500, .seed = 8});
  BOOST_TEST((a.bootstrap_distribution.array() == b.bootstrap_distribution.array()).all());
  BOOST_TEST(!(a.bootstrap_distribution.array() == c.bootstrap_distribution.array()).all());
  const stats::BootstrapResult more =
      stats::bootstrap(x, median, {.n_resamples = 300, .bootstrap_result = &a, .seed = 9});
  BOOST_TEST(more.bootstrap_distribution.size() == 800);
  BOOST_TEST((more.bootstrap_distribution.head(500).array() == a.bootstrap_distribution.array()).all());
  // Every resampled median is a median of values of x.
  BOOST_TEST(more.bootstrap_distribution.minCoeff() >= x.minCoeff());
  BOOST_TEST(more.bootstrap_distribution.maxCoeff() <= x.maxCoeff());
}

BOOST_AUTO_TEST_CASE(bootstrap_resamples_paired_samples_together) {
  // Paired: the difference of the means of resampled pairs is the mean of
  // resampled differences, so every value is a mean of 4 of the differences
  // {1, 1, 1, 1}: exactly 1. Unpaired resampling mixes them.
  const Vector a = (Vector(4) << 2, 5, 9, 4).finished(), b = (a.array() - 1).matrix();
  const auto diff = [](const std::vector<Vector>& s) { return s[0].mean() - s[1].mean(); };
  WarningCounter warnings;  // BCa on a constant distribution: NaN and a warning
  const stats::BootstrapResult paired = stats::bootstrap({a, b}, diff, {.n_resamples = 200, .paired = true, .seed = 3});
  BOOST_TEST((paired.bootstrap_distribution.array() == 1.0).all());
  BOOST_TEST(std::isnan(paired.confidence_interval.low));
  BOOST_TEST(warnings.count == 1);
  const stats::BootstrapResult unpaired = stats::bootstrap({a, b}, diff, {.n_resamples = 200, .seed = 3});
  BOOST_TEST(unpaired.standard_error > 0.5);
}

BOOST_AUTO_TEST_CASE(bootstrap_degenerate_distributions_warn) {
  WarningCounter warnings;
  const Vector constant = Vector::Constant(6, 2.5);
  const auto mean = [](const Vector& s) { return s.mean(); };
  const stats::BootstrapResult bca = stats::bootstrap(constant, mean, {.n_resamples = 50, .seed = 1});
  BOOST_TEST((std::isnan(bca.confidence_interval.low) && std::isnan(bca.confidence_interval.high)));
  BOOST_TEST(bca.standard_error == 0.0);
  BOOST_TEST(warnings.count == 1);
  const stats::BootstrapResult pct =
      stats::bootstrap(constant, mean, {.n_resamples = 50, .method = stats::BootstrapMethod::percentile, .seed = 1});
  BOOST_TEST(pct.confidence_interval.low == 2.5);
  BOOST_TEST(pct.confidence_interval.high == 2.5);
  BOOST_TEST(warnings.count == 1);
  // The number of distinct values: every resample of 5 distinct values
  // has at most 5, nearly all fewer, none more: z0 = Phi^-1(~1) is
  // infinite or the interval collapses; with no value above the statistic,
  // Phi^-1(1) = inf and the BCa ends are NaN.
  const Vector x = (Vector(5) << 4, 1, 3, 8, 2).finished();
  const auto distinct = [](const Vector& s) {
    std::vector<double> v(s.begin(), s.end());
    std::sort(v.begin(), v.end());
    return static_cast<double>(std::unique(v.begin(), v.end()) - v.begin());
  };
  const stats::BootstrapResult ceiling = stats::bootstrap(x, distinct, {.n_resamples = 100, .seed = 2});
  BOOST_TEST(ceiling.bootstrap_distribution.maxCoeff() <= 5.0);
  BOOST_TEST(std::isnan(ceiling.confidence_interval.low));
  BOOST_TEST(warnings.count == 2);
  // One-sided intervals keep their infinite end.
  const stats::BootstrapResult less = stats::bootstrap(
      x, mean, {.n_resamples = 100, .alternative = stats::Alternative::less, .seed = 2});
  BOOST_TEST(less.confidence_interval.low == -kInf);
  BOOST_TEST(std::isfinite(less.confidence_interval.high));
}

BOOST_AUTO_TEST_CASE(bootstrap_rejects_bad_input) {
  const Vector x = Vector::LinSpaced(5, 0, 4);
  const auto mean = [](const Vector& s) { return s.mean(); };
  const auto first = [](const std::vector<Vector>& s) { return s[0].mean(); };
  BOOST_CHECK_THROW((void)stats::bootstrap(std::vector<Vector>{}, first), ValueError);
  BOOST_CHECK_THROW((void)stats::bootstrap(Vector::Ones(1), mean), ValueError);
  BOOST_CHECK_THROW((void)stats::bootstrap({x, Vector::Ones(3)}, first, {.paired = true}), ValueError);
  BOOST_CHECK_THROW((void)stats::bootstrap(x, mean, {.n_resamples = -1}), ValueError);
  BOOST_CHECK_THROW((void)stats::bootstrap(x, mean, {.n_resamples = 0}), ValueError);
  const stats::BootstrapResult empty{{0, 0}, Vector(), 0};
  BOOST_CHECK_THROW((void)stats::bootstrap(x, mean, {.n_resamples = 0, .bootstrap_result = &empty}), ValueError);
  // SciPy returns NaN or a reversed interval for these; here they throw.
  for (const double level : {1.5, -0.5, kNaN}) {
    BOOST_CHECK_THROW((void)stats::bootstrap(x, mean, {.n_resamples = 10, .confidence_level = level}), ValueError);
  }
}

// ---- permutation_test --------------------------------------------------------

BOOST_AUTO_TEST_CASE(exact_permutation_tests_match_scipy) {
  Worst worst;
  for (const Case& c : cases_of("permutation_test")) {
    if (c.name == "perm_rand") continue;
    BOOST_TEST_CONTEXT(c.label()) {
      const std::string type = c.text("type");
      const stats::PermutationType permutation_type = type == "samples"    ? stats::PermutationType::samples
                                                      : type == "pairings" ? stats::PermutationType::pairings
                                                                           : stats::PermutationType::independent;
      const stats::PermutationTestResult r =
          stats::permutation_test(samples_of(c), statistic_named(c.text("statistic")),
                                  {.permutation_type = permutation_type,
                                   .n_resamples = c.text("n_resamples") == "inf" ? kInf : c.option("n_resamples"),
                                   .alternative = alternative_of(c.text("alternative")),
                                   .seed = 1});
      // Exact: the same statistic values (integer data, or the same
      // sequential sums), the same counts, the same quotient.
      worst.check("statistic", r.statistic, c.values[0], 0.0);
      worst.check("pvalue", r.pvalue, c.values[1], 0.0);
      const Vector reference = c.vector("null");
      Vector null = r.null_distribution;
      if (permutation_type == stats::PermutationType::independent) std::sort(null.begin(), null.end());
      BOOST_TEST_REQUIRE(null.size() == reference.size());
      for (Index k = 0; k < null.size(); ++k) worst.check("null_distribution", null(k), reference(k), 0.0);
    }
  }
  worst.report("permutation_test (exact)");
}

BOOST_AUTO_TEST_CASE(randomized_permutation_tests_are_close_to_the_exact_pvalue) {
  // C(22, 10) = 646646 assignments, 9999 random ones: the p-value is
  // (b + 1) / (B + 1), within binomial error sqrt(p (1 - p) / B) of the exact
  // p-value over all assignments (SciPy's, from n_resamples = inf); five
  // sigma (plus 2 / B for the +1 and the doubling of two-sided p-values).
  for (const Case& c : cases_of("permutation_test")) {
    if (c.name != "perm_rand") continue;
    const stats::Alternative alternative = alternative_of(c.text("alternative"));
    for (const std::uint64_t seed : {1u, 2u, 3u, 4u}) {
      BOOST_TEST_CONTEXT(c.label() << " seed " << seed) {
        const auto diff = statistic_named("mean_diff");
        const stats::PermutationTestResult r =
            stats::permutation_test(samples_of(c), diff, {.alternative = alternative, .seed = seed});
        BOOST_TEST(std::abs(r.statistic - c.values[0]) <= 1e-14 * std::abs(c.values[0]));  // Eigen's sum, NumPy's
        BOOST_TEST(r.null_distribution.size() == 9999);
        const double exact = c.values[2], b = 9999;
        const double sigma = std::sqrt(exact * (1 - exact) / b) * (alternative == stats::Alternative::two_sided ? 2 : 1);
        BOOST_TEST(std::abs(r.pvalue - exact) <= 5 * sigma + 2 / b, r.pvalue << " against exact " << exact);
        // SciPy's formula on our own null distribution.
        const double gamma = 100 * std::numeric_limits<double>::epsilon() * std::abs(r.statistic);
        const double greater =
            (static_cast<double>((r.null_distribution.array() >= r.statistic - gamma).count()) + 1) / (b + 1);
        const double less = (static_cast<double>((r.null_distribution.array() <= r.statistic + gamma).count()) + 1) / (b + 1);
        const double expected = alternative == stats::Alternative::less      ? less
                                : alternative == stats::Alternative::greater ? greater
                                                                             : std::min(1.0, 2 * std::min(less, greater));
        BOOST_TEST(r.pvalue == expected);
        BOOST_TEST(r.pvalue >= 1 / (b + 1));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(permutation_test_is_exact_when_n_resamples_reaches_the_count) {
  // Two samples of 4 and 3: C(7, 3) = 35 assignments.
  const std::vector<Vector> data = {(Vector(4) << 1, 5, 3, 8).finished(), (Vector(3) << 2, 9, 4).finished()};
  const auto diff = statistic_named("mean_diff");
  const stats::PermutationTestResult exact = stats::permutation_test(data, diff, {.n_resamples = 35});
  BOOST_TEST(exact.null_distribution.size() == 35);
  const stats::PermutationTestResult random = stats::permutation_test(data, diff, {.n_resamples = 34, .seed = 5});
  BOOST_TEST(random.null_distribution.size() == 34);
  // Exact: a multiple of 1/35 (doubled); randomized: of 1/35 too, by the +1.
  BOOST_TEST(std::abs(exact.pvalue * 35 - std::round(exact.pvalue * 35)) < 1e-12);
  // Pairings of one sample of 3: 3! = 6 orders, each once.
  const stats::PermutationTestResult orders = stats::permutation_test(
      {(Vector(3) << 1, 2, 4).finished()}, statistic_named("trend"), {.permutation_type = stats::PermutationType::pairings});
  Vector null = orders.null_distribution;
  std::sort(null.begin(), null.end());
  const Vector expected = (Vector(6) << 4, 5, 6, 8, 9, 10).finished();  // 0 a + 1 b + 2 c over the orders of {1, 2, 4}
  BOOST_TEST((null.array() == expected.array()).all());
}

BOOST_AUTO_TEST_CASE(permutation_test_rejects_bad_input) {
  const Vector a = Vector::LinSpaced(4, 0, 3), b = Vector::LinSpaced(3, 1, 3);
  const auto diff = statistic_named("mean_diff");
  BOOST_CHECK_THROW((void)stats::permutation_test({a}, diff), ValueError);
  BOOST_CHECK_THROW((void)stats::permutation_test({}, diff, {.permutation_type = stats::PermutationType::samples}),
                    ValueError);
  BOOST_CHECK_THROW((void)stats::permutation_test({a, Vector::Ones(1)}, diff), ValueError);
  for (const double n : {0.0, 2.5, -kInf, kNaN}) {
    BOOST_CHECK_THROW((void)stats::permutation_test({a, b}, diff, {.n_resamples = n}), ValueError);
  }
  BOOST_CHECK_THROW((void)stats::permutation_test({a, b}, diff, {.permutation_type = stats::PermutationType::samples}),
                    ValueError);
  BOOST_CHECK_THROW((void)stats::permutation_test({a, b}, diff, {.permutation_type = stats::PermutationType::pairings}),
                    ValueError);
  // Three paired samples of 30: (3!)^30 > 2^64 rearrangements, too many to enumerate.
  const std::vector<Vector> three(3, Vector::LinSpaced(30, 0, 29));
  BOOST_CHECK_THROW((void)stats::permutation_test(three, diff, {.permutation_type = stats::PermutationType::samples,
                                                                .n_resamples = kInf}),
                    ValueError);
}

// ---- binned_statistic ----------------------------------------------------------

namespace {

// The callables of the reference script: numpy.ptp (raises on an empty bin,
// which SciPy turns into NaN) and len.
double ptp(const Vector& v) {
  if (v.size() == 0) throw ValueError("ptp of an empty bin");
  return v.maxCoeff() - v.minCoeff();
}

std::optional<stats::BinnedStatistic> named_statistic(const std::string& name) {
  if (name == "mean") return stats::BinnedStatistic::mean;
  if (name == "std") return stats::BinnedStatistic::std;
  if (name == "median") return stats::BinnedStatistic::median;
  if (name == "count") return stats::BinnedStatistic::count;
  if (name == "sum") return stats::BinnedStatistic::sum;
  if (name == "min") return stats::BinnedStatistic::min;
  if (name == "max") return stats::BinnedStatistic::max;
  return std::nullopt;
}

std::function<double(const Vector&)> callable_statistic(const std::string& name) {
  if (name == "ptp") return ptp;
  return [](const Vector& v) { return static_cast<double>(v.size()); };
}

std::pair<double, double> range_of(const std::string& text, std::size_t first) {
  std::vector<double> parts;
  for (std::size_t start = 0; start <= text.size();) {
    const std::size_t end = std::min(text.find(':', start), text.size());
    parts.push_back(std::stod(text.substr(start, end - start)));
    start = end + 1;
  }
  return {parts.at(first), parts.at(first + 1)};
}

// Sums, means and standard deviations: SciPy adds each bin's values in order
// (numpy.bincount), with relative error up to (m - 1) eps sum|v| / |sum v|
// for m values; we compensate. Where the values share a sign the bound is
// 4.4e-14 (bins of up to 200); the normal values of two cases reach 5e-13 in
// the worst case (38 values summing to 1.6% of sum|v|), but rounding errors
// of random sign grow as sqrt(m) eps, not m eps: measured 2.2e-15 at most.
// 1e-13 relative. Everything else is exact: counts, order statistics, the
// edges (numpy.linspace's k step + lower) and the bin numbers.
constexpr double kSumTol = 1e-13;

double binned_tolerance(const std::string& statistic) {
  return statistic == "mean" || statistic == "sum" || statistic == "std" ? kSumTol : 0.0;
}

}  // namespace

BOOST_AUTO_TEST_CASE(binned_statistic_matches_scipy) {
  Worst worst;
  for (const Case& c : cases_of("binned_statistic")) {
    BOOST_TEST_CONTEXT(c.label()) {
      stats::BinnedStatisticOptions options;
      if (c.text("bins") == "edges") {
        options.bin_edges = c.vector("bins");
      } else {
        options.bins = std::stoll(c.text("bins"));
      }
      if (c.options.count("range") != 0) options.range = range_of(c.text("range"), 0);
      const std::string name = c.text("statistic");
      const Vector x = c.vector("x"), values = c.vector("values");
      const auto named = named_statistic(name);
      const stats::BinnedStatisticResult r = named ? stats::binned_statistic(x, values, *named, options)
                                                   : stats::binned_statistic(x, values, callable_statistic(name), options);
      const Vector statistic = c.vector("statistic"), edges = c.vector("edges"), binnumber = c.vector("binnumber");
      BOOST_TEST_REQUIRE(r.statistic.size() == statistic.size());
      for (Index k = 0; k < statistic.size(); ++k) {
        worst.check(name, r.statistic(k), statistic(k), binned_tolerance(name));
      }
      BOOST_TEST_REQUIRE(r.bin_edges.size() == edges.size());
      for (Index k = 0; k < edges.size(); ++k) worst.check("bin_edges", r.bin_edges(k), edges(k), 0.0);
      BOOST_TEST_REQUIRE(r.binnumber.size() == binnumber.size());
      for (Index k = 0; k < binnumber.size(); ++k) {
        worst.check("binnumber", static_cast<double>(r.binnumber(k)), binnumber(k), 0.0);
      }
    }
  }
  worst.report("binned_statistic");
}

BOOST_AUTO_TEST_CASE(binned_statistic_2d_matches_scipy) {
  Worst worst;
  for (const Case& c : cases_of("binned_statistic_2d")) {
    BOOST_TEST_CONTEXT(c.label()) {
      stats::BinnedStatistic2dOptions options;
      if (c.text("bins") == "edges") {
        options.x_edges = c.vector("xbins");
        options.y_edges = c.vector("ybins");
      } else {
        const auto [nx, ny] = range_of(c.text("bins"), 0);
        options.bins = {static_cast<Index>(nx), static_cast<Index>(ny)};
      }
      if (c.options.count("range") != 0) {
        options.range = std::array<std::pair<double, double>, 2>{range_of(c.text("range"), 0),
                                                                 range_of(c.text("range"), 2)};
      }
      const std::string name = c.text("statistic");
      const Vector x = c.vector("x"), y = c.vector("y"), values = c.vector("values");
      const auto named = named_statistic(name);
      const stats::BinnedStatistic2dResult r =
          named ? stats::binned_statistic_2d(x, y, values, *named, options)
                : stats::binned_statistic_2d(x, y, values, callable_statistic(name), options);
      const Matrix statistic = c.matrix("statistic");
      BOOST_TEST_REQUIRE(r.statistic.rows() == statistic.rows());
      BOOST_TEST_REQUIRE(r.statistic.cols() == statistic.cols());
      for (Index i = 0; i < statistic.rows(); ++i) {
        for (Index j = 0; j < statistic.cols(); ++j) {
          worst.check(name, r.statistic(i, j), statistic(i, j), binned_tolerance(name));
        }
      }
      const Vector x_edge = c.vector("xedges"), y_edge = c.vector("yedges"), binnumber = c.vector("binnumber");
      BOOST_TEST_REQUIRE(r.x_edge.size() == x_edge.size());
      BOOST_TEST_REQUIRE(r.y_edge.size() == y_edge.size());
      for (Index k = 0; k < x_edge.size(); ++k) worst.check("x_edge", r.x_edge(k), x_edge(k), 0.0);
      for (Index k = 0; k < y_edge.size(); ++k) worst.check("y_edge", r.y_edge(k), y_edge(k), 0.0);
      BOOST_TEST_REQUIRE(r.binnumber.size() == binnumber.size());
      for (Index k = 0; k < binnumber.size(); ++k) {
        worst.check("binnumber", static_cast<double>(r.binnumber(k)), binnumber(k), 0.0);
      }
    }
  }
  worst.report("binned_statistic_2d");
}

BOOST_AUTO_TEST_CASE(binned_statistic_closes_the_last_bin_and_nudges_its_edge) {
  // Edges 0, 1, 2, 3: 3 is in bin 3; 3 + 1e-9 rounds to 3 at int(-log10(1)) +
  // 6 = 6 decimals, so it is too; 3 + 1e-3 is past it (bin 4, an outlier).
  const Vector x = (Vector(5) << 0, 2, 3, 3 + 1e-9, 3 + 1e-3).finished();
  const stats::BinnedStatisticResult r = stats::binned_statistic(
      x, x, stats::BinnedStatistic::count, {.bin_edges = (Vector(4) << 0, 1, 2, 3).finished()});
  const Eigen::VectorX<Index> expected = (Eigen::VectorX<Index>(5) << 1, 3, 3, 3, 4).finished();
  BOOST_TEST((r.binnumber.array() == expected.array()).all());
  BOOST_TEST(r.statistic(2) == 3.0);
}

BOOST_AUTO_TEST_CASE(binned_statistic_rejects_bad_input) {
  const Vector x = Vector::LinSpaced(5, 0, 4);
  using stats::BinnedStatistic;
  BOOST_CHECK_THROW((void)stats::binned_statistic(x, x.head(3)), ValueError);
  BOOST_CHECK_NO_THROW((void)stats::binned_statistic(x, x.head(3), BinnedStatistic::count));  // values unread
  BOOST_CHECK_THROW((void)stats::binned_statistic(x, x, BinnedStatistic::mean, {.bins = 0}), ValueError);
  BOOST_CHECK_THROW((void)stats::binned_statistic(x, x, BinnedStatistic::mean, {.bin_edges = Vector::Ones(1)}), ValueError);
  BOOST_CHECK_THROW((void)stats::binned_statistic(x, x, BinnedStatistic::mean, {.bin_edges = (Vector(4) << 3, 2, 1, 0).finished()}),
                    ValueError);
  BOOST_CHECK_THROW((void)stats::binned_statistic(x, x, BinnedStatistic::mean, {.bin_edges = (Vector(4) << 0, 1, 1, 2).finished()}),
                    ValueError);
  BOOST_CHECK_THROW((void)stats::binned_statistic(x, x, BinnedStatistic::mean, {.range = std::pair{4.0, 1.0}}), ValueError);
  BOOST_CHECK_THROW((void)stats::binned_statistic(x, x, BinnedStatistic::mean, {.range = std::pair{0.0, kInf}}), ValueError);
  const Vector with_nan = (Vector(2) << 1, kNaN).finished();
  BOOST_CHECK_THROW((void)stats::binned_statistic(with_nan, with_nan), ValueError);
  BOOST_CHECK_THROW((void)stats::binned_statistic(Vector(), Vector()), ValueError);
  BOOST_CHECK_THROW((void)stats::binned_statistic_2d(x, x.head(4), x), ValueError);
  // An empty bin of a callable that throws on it is NaN; other exceptions
  // from non-empty bins reach the caller.
  const auto throws = [](const Vector&) -> double { throw ValueError("always"); };
  BOOST_CHECK_THROW((void)stats::binned_statistic(x, x, throws), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
