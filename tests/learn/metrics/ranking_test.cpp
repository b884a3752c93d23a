#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <limits>
#include <numeric>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/metrics/ranking.hpp>

#include "metric_cases.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(metrics_ranking)

using namespace scilearn;
using namespace scilearn::learn;

namespace {

// Curves are ratios of (weighted) counts at each threshold: one division
// each, exact sums (weights are multiples of 1/4). Areas are trapezoid sums
// of a few thousand such terms: 1e-12 relative covers the different order
// of NumPy's pairwise sums.
constexpr double kTol = 1e-12;

Vector vec(std::initializer_list<double> v) {
  Vector out(static_cast<Index>(v.size()));
  Index i = 0;
  for (double x : v) out[i++] = x;
  return out;
}

// The Mann-Whitney form of the AUC: (rank sum of the positives - P (P + 1) / 2)
// / (P N), with ties given their average rank. An independent closed form.
double mann_whitney_auc(const Vector& y, const Vector& s) {
  const Index n = y.size();
  std::vector<Index> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), Index{0});
  std::sort(order.begin(), order.end(), [&](Index a, Index b) { return s[a] < s[b]; });
  double rank_sum = 0, P = 0;
  for (Index i = 0; i < n;) {
    Index j = i;
    while (j < n && s[order[static_cast<std::size_t>(j)]] == s[order[static_cast<std::size_t>(i)]]) ++j;
    const double average_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2;
    for (Index k = i; k < j; ++k)
      if (y[order[static_cast<std::size_t>(k)]] == 1) {
        rank_sum += average_rank;
        P += 1;
      }
    i = j;
  }
  const double N = static_cast<double>(n) - P;
  return (rank_sum - P * (P + 1) / 2) / (P * N);
}

}  // namespace

BOOST_AUTO_TEST_CASE(curves_match_scikit_learn) {
  testing::check_cases({"roc_curve", "precision_recall_curve", "det_curve"}, kTol);
}

BOOST_AUTO_TEST_CASE(areas_match_scikit_learn) {
  testing::check_cases({"roc_auc_score", "roc_auc_score_per_class", "average_precision_score"}, kTol);
}

BOOST_AUTO_TEST_CASE(top_k_accuracy_matches_scikit_learn) { testing::check_cases({"top_k_accuracy_score"}, kTol); }

BOOST_AUTO_TEST_CASE(roc_auc_on_large_input_equals_the_mann_whitney_statistic) {
  // 2e5 samples take the radix sort; scores rounded to 1e-3 give many ties.
  for (std::uint64_t seed : {1U, 2U, 3U}) {
    Generator gen(seed);
    const Index n = 200000;
    Vector y(n), s(n);
    for (Index i = 0; i < n; ++i) {
      y[i] = gen.random() < 0.5 ? 1.0 : 0.0;
      s[i] = std::round((0.3 * y[i] + gen.random()) * 1000) / 1000;
    }
    const double expected = mann_whitney_auc(y, s);
    BOOST_TEST(std::fabs(roc_auc_score(y, s) - expected) <= 1e-13, "seed " << seed);
    // The curve's trapezoids give the same area.
    const auto c = roc_curve(y, s);
    BOOST_TEST(std::fabs(auc(c.fpr, c.tpr) - expected) <= 1e-12);
    // Weights of 1 take the weighted path.
    BOOST_TEST(std::fabs(roc_auc_score(y, s, {}, Vector::Ones(n)) - expected) <= 1e-12);
  }
}

BOOST_AUTO_TEST_CASE(roc_curve_starts_at_infinity_and_ends_at_one) {
  const auto c = roc_curve(vec({0, 0, 1, 1}), vec({0.1, 0.4, 0.35, 0.8}));
  BOOST_TEST(std::isinf(c.thresholds[0]));
  BOOST_TEST(c.fpr == vec({0, 0, 0.5, 0.5, 1}));
  BOOST_TEST(c.tpr == vec({0, 0.5, 0.5, 1, 1}));
  BOOST_TEST(c.thresholds.tail(4) == vec({0.8, 0.4, 0.35, 0.1}));
}

BOOST_AUTO_TEST_CASE(a_single_class_gives_nan_with_a_warning_as_scikit_learn_1_9) {
  int warnings = 0;
  ScopedWarningHandler handler([&](const Warning&) { ++warnings; });
  BOOST_TEST(std::isnan(roc_auc_score(vec({1, 1, 1}), vec({0.1, 0.2, 0.3}))));
  BOOST_TEST(warnings == 1);
}

BOOST_AUTO_TEST_CASE(bad_input_throws_value_error_naming_the_function) {
  const Vector y = vec({0, 1, 1, 0});
  const Vector s = vec({0.1, 0.8, 0.6, 0.3});
  std::string m = testing::message_of<ValueError>([&] { (void)roc_auc_score(y, vec({0.1, 0.2})); });
  BOOST_TEST(m == "roc_auc_score: y_true and y_score have inconsistent lengths (4 and 2)");
  BOOST_CHECK_THROW((void)roc_curve(Vector(), Vector()), ValueError);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  m = testing::message_of<ValueError>([&] { (void)roc_auc_score(y, vec({0.1, nan, 0.6, 0.3})); });
  BOOST_TEST(m.find("roc_auc_score: y_score") == 0);
  m = testing::message_of<ValueError>([&] { (void)roc_curve(vec({3, 7, 7, 3}), s); });
  BOOST_TEST(m.find("y_true takes value in [3, 7] and pos_label is not specified") != std::string::npos);
  BOOST_CHECK_THROW((void)roc_auc_score(y, s, {.max_fpr = 0.0}), ValueError);
  BOOST_CHECK_THROW((void)roc_auc_score(y, s, {.max_fpr = 1.5}), ValueError);
  const Vector y3 = vec({0, 1, 2, 2});
  Matrix p(4, 3);
  p << 0.6, 0.2, 0.2, 0.1, 0.8, 0.1, 0.2, 0.2, 0.6, 0.3, 0.3, 0.4;
  m = testing::message_of<ValueError>([&] { (void)roc_auc_score(y3, p); });
  BOOST_TEST(m.find("multi_class must be in ('ovo', 'ovr')") != std::string::npos);
  BOOST_CHECK_THROW((void)roc_auc_score(y3, p, {.multi_class = MultiClass::ovo}, Vector::Ones(4)), ValueError);
  BOOST_CHECK_THROW((void)roc_auc_score(y3, 2 * p, {.multi_class = MultiClass::ovr}), ValueError);
  BOOST_CHECK_THROW((void)roc_auc_score(y3, p.leftCols(2), {.multi_class = MultiClass::ovr}), ValueError);
  BOOST_CHECK_THROW((void)roc_auc_score(y3, p, {.multi_class = MultiClass::ovr, .labels = vec({2, 1, 0})}), ValueError);
  BOOST_CHECK_THROW((void)average_precision_score(vec({3, 7, 7, 3}), s), ValueError);
  BOOST_CHECK_THROW((void)top_k_accuracy_score(y3, p, {.k = 0}), ValueError);
  BOOST_CHECK_THROW((void)auc(vec({0, 1, 0.5}), vec({0, 1, 1})), ValueError);
  BOOST_CHECK_THROW((void)det_curve(vec({1, 1}), vec({0.1, 0.2})), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
