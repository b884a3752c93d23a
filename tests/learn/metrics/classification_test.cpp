#include <boost/test/unit_test.hpp>
#include <fstream>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/metrics/classification.hpp>
#include <sstream>

#include "metric_cases.hpp"
#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(metrics_classification)

using namespace scilearn;
using namespace scilearn::learn;

namespace {

// The scores are ratios of (weighted) counts, a few dozen exact sums (the
// fixtures' weights are multiples of 1/4) and one division, or for the
// losses means of a hundred rounded terms: 1e-12 relative to max(1, |value|)
// leaves room for a different summation order (NumPy sums pairwise).
constexpr double kTol = 1e-12;

std::string read_text(const std::string& relative) {
  std::ifstream in(testing::fixture_path(relative), std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Vector vec(std::initializer_list<double> v) {
  Vector out(static_cast<Index>(v.size()));
  Index i = 0;
  for (double x : v) out[i++] = x;
  return out;
}

// Counts warnings for the scope.
struct WarningCounter {
  int count = 0;
  std::string last;
  ScopedWarningHandler handler{[this](const Warning& w) {
    ++count;
    last = w.message;
  }};
};

}  // namespace

BOOST_AUTO_TEST_CASE(label_metrics_match_scikit_learn) {
  testing::check_cases({"accuracy_score", "zero_one_loss", "balanced_accuracy_score", "matthews_corrcoef",
                        "cohen_kappa_score", "confusion_matrix"},
                       kTol);
}

BOOST_AUTO_TEST_CASE(precision_recall_fscore_match_scikit_learn) {
  testing::check_cases(
      {"precision_recall_fscore_support", "precision_score", "recall_score", "f1_score", "fbeta_score"}, kTol);
}

BOOST_AUTO_TEST_CASE(losses_match_scikit_learn) {
  testing::check_cases({"hinge_loss", "log_loss", "brier_score_loss"}, kTol);
}

BOOST_AUTO_TEST_CASE(classification_report_text_matches_scikit_learn_byte_for_byte) {
  const std::string dir(testing::kMetricsDir);
  for (const auto& row : testing::read_manifest(dir + "/reports.csv")) {
    const auto options = testing::parse_options(row[2]);
    ClassificationReportOptions o;
    o.labels = testing::list_option(options, "labels");
    if (options.count("target_names")) o.target_names = testing::split(options.at("target_names"), '|');
    if (options.count("digits")) o.digits = std::stoi(options.at("digits"));
    o.zero_division = testing::zero_division_option(options);
    const Vector y_true = testing::load_vector(row[1], "y_true");
    const Vector y_pred = testing::load_vector(row[1], "y_pred");
    const Vector sw = row[3] == "1" ? testing::load_vector(row[1], "sw") : Vector();
    WarningCounter warnings;
    const std::string text = classification_report(y_true, y_pred, o, sw);
    const std::string expected = read_text(dir + "/report_" + row[0] + ".txt");
    BOOST_TEST(text == expected, "report " << row[0] << ":\n" << text << "\nscikit-learn:\n" << expected);
    BOOST_TEST((warnings.count > 0) == (row[4] == "1"), "report " << row[0] << " warnings " << warnings.count);
  }
}

BOOST_AUTO_TEST_CASE(classification_report_dict_holds_rows_and_averages) {
  const Vector y_true = vec({0, 1, 2, 2, 2});
  const Vector y_pred = vec({0, 0, 2, 2, 1});
  const auto r = classification_report_dict(y_true, y_pred, {.target_names = {"a", "b", "c"}});
  BOOST_REQUIRE_EQUAL(r.classes.size(), 3U);
  BOOST_TEST(r.classes[0].name == "a");
  BOOST_TEST(r.classes[0].precision == 0.5);
  BOOST_TEST(r.classes[2].recall == 2.0 / 3.0);
  BOOST_TEST(r.classes[2].support == 3.0);
  BOOST_REQUIRE_EQUAL(r.averages.size(), 3U);
  BOOST_TEST(r.averages[0].name == "accuracy");
  BOOST_TEST(r.averages[0].f1_score == 0.6);
  BOOST_TEST(r.averages[1].name == "macro avg");
  BOOST_TEST(r.averages[2].name == "weighted avg");
  BOOST_TEST(r.averages[2].support == 5.0);
}

BOOST_AUTO_TEST_CASE(zero_division_warns_only_when_asked) {
  const Vector y_true = vec({0, 1, 2, 0});
  const Vector y_pred = vec({0, 1, 1, 0});
  {
    WarningCounter w;
    const double p = precision_score(y_true, y_pred, {.average = Average::macro});
    BOOST_TEST(p == (1.0 + 0.5 + 0.0) / 3);
    BOOST_TEST(w.count == 1);
    BOOST_TEST(w.last ==
               "Precision is ill-defined and being set to 0.0 in labels with no predicted samples. Use "
               "`zero_division` parameter to control this behavior.");
  }
  {
    WarningCounter w;
    BOOST_TEST(precision_score(y_true, y_pred, {.average = Average::macro, .zero_division = ZeroDivision::one}) ==
               (1.0 + 0.5 + 1.0) / 3);
    BOOST_TEST(precision_score(y_true, y_pred, {.average = Average::macro, .zero_division = ZeroDivision::nan}) ==
               (1.0 + 0.5) / 2);
    BOOST_TEST(w.count == 0);
  }
}

BOOST_AUTO_TEST_CASE(bad_input_throws_value_error_naming_the_function) {
  const Vector y = vec({0, 1, 1});
  std::string m = testing::message_of<ValueError>([&] { (void)accuracy_score(y, vec({0, 1})); });
  BOOST_TEST(m == "accuracy_score: y_true and y_pred have inconsistent lengths (3 and 2)");
  m = testing::message_of<ValueError>([&] { (void)f1_score(Vector(), Vector()); });
  BOOST_TEST(m.find("f1_score: y_true is empty") == 0);
  m = testing::message_of<ValueError>([&] { (void)precision_score(y, vec({0, 0.5, 1})); });
  BOOST_TEST(m.find("must be finite integers") != std::string::npos);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)recall_score(vec({0, nan, 1}), y), ValueError);
  m = testing::message_of<ValueError>([&] { (void)f1_score(vec({0, 1, 2}), vec({0, 1, 2})); });
  BOOST_TEST(m.find("Target is multiclass but average='binary'") != std::string::npos);
  m = testing::message_of<ValueError>([&] { (void)f1_score(vec({3, 7, 7}), vec({3, 7, 3})); });
  BOOST_TEST(m == "f1_score: pos_label=1 is not a valid label. It should be one of [3, 7]");
  BOOST_CHECK_THROW((void)f1_score(y, y, {.average = Average::none}), ValueError);
  BOOST_CHECK_THROW((void)fbeta_score(y, y, -1.0), ValueError);
  BOOST_CHECK_THROW((void)accuracy_score(y, y, true, vec({1, -1, 1})), ValueError);
  m = testing::message_of<ValueError>([&] { (void)confusion_matrix(y, y, {.labels = vec({5, 6})}); });
  BOOST_TEST(m == "confusion_matrix: At least one label specified must be in y_true");
  BOOST_CHECK_THROW((void)classification_report(vec({0, 1, 2}), vec({0, 1, 2}), {.target_names = {"a", "b"}}),
                    ValueError);
  BOOST_CHECK_THROW((void)classification_report(y, y, {.digits = -1}), ValueError);
  m = testing::message_of<ValueError>([&] { (void)log_loss(y, vec({0.2, 1.5, 0.7})); });
  BOOST_TEST(m == "log_loss: y_prob contains values greater than 1: 1.5");
  BOOST_CHECK_THROW((void)log_loss(y, vec({0.2, nan, 0.7})), ValueError);
  m = testing::message_of<ValueError>([&] { (void)log_loss(vec({1, 1, 1}), vec({0.2, 0.5, 0.7})); });
  BOOST_TEST(m.find("y_true contains only one label (1)") != std::string::npos);
  BOOST_CHECK_THROW((void)log_loss(vec({0, 1, 2}), Matrix::Constant(3, 2, 0.5)), ValueError);
  BOOST_CHECK_THROW((void)brier_score_loss(vec({0, 1, 2}), vec({0.2, 0.5, 0.7})), ValueError);
  BOOST_CHECK_THROW((void)hinge_loss(vec({0, 1, 2}), vec({0.2, 0.5, 0.7})), ValueError);
}

BOOST_AUTO_TEST_CASE(inputs_are_not_modified_and_any_integer_labels_work) {
  const Vector y_true = vec({-1, 3, 7, 7, -1, 3});
  const Vector y_pred = vec({-1, 7, 7, 3, -1, 3});
  const Vector copy_true = y_true, copy_pred = y_pred;
  const Matrix cm = confusion_matrix(y_true, y_pred);
  BOOST_TEST(cm.rows() == 3);
  BOOST_TEST(cm(0, 0) == 2.0);
  BOOST_TEST(cm(1, 2) == 1.0);
  BOOST_TEST(cm(2, 1) == 1.0);
  BOOST_TEST(y_true == copy_true);
  BOOST_TEST(y_pred == copy_pred);
  BOOST_TEST(matthews_corrcoef(y_true, y_true) == 1.0);
  BOOST_TEST(cohen_kappa_score(y_true, y_true) == 1.0);
}

BOOST_AUTO_TEST_SUITE_END()
