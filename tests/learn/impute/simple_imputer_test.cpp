// SimpleImputer against scikit-learn 1.9.1 (tests/reference/learn_impute.py).
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn.hpp>

#include "learn/impute/impute_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(simple_imputer)

using namespace scilearn;
using namespace scilearn::learn;
using namespace scilearn::testing::impute;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Collects warnings instead of printing them.
struct CollectWarnings {
  std::vector<std::string> messages;
  ScopedWarningHandler handler{[this](const Warning& w) { messages.push_back(w.message); }};
};

}  // namespace

// Means are sums of up to 30 rounded terms in another order than NumPy's
// (a few tens of eps of the largest term; the columns' scales reach 100, so
// 1e-13 relative to max(|value|, 1)); medians, modes, constants and every
// copied entry are exact.
BOOST_AUTO_TEST_CASE(matches_scikit_learn) {
  CollectWarnings quiet;
  for (const auto& row : load_cases("simple_cases")) {
    const std::string& name = row[0];
    BOOST_TEST_INFO(name);
    SimpleImputer::Params params;
    params.strategy = enum_from_name<SimpleImputerStrategy>("test", "strategy", row[2]);
    params.keep_empty_features = row[3] == "1";
    params.add_indicator = row[4] == "1";
    if (row[5] != "None") params.fill_value = std::stod(row[5]);
    const Matrix X = load_matrix(row[1] + "_X"), X_test = load_matrix(row[1] + "_X_test");
    SimpleImputer imputer(params);
    imputer.fit(X);
    const bool mean = params.strategy == SimpleImputerStrategy::mean;
    const double tol = mean ? 1e-13 : 0.0;
    BOOST_TEST(relative_error(imputer.statistics(), load_matrix(name + "_statistics")) <= tol);
    BOOST_TEST(relative_error(imputer.transform(X_test), load_matrix(name + "_transform")) <= tol);
    const Matrix Z = imputer.transform(X);
    BOOST_TEST(relative_error(Z, load_matrix(name + "_fit_transform")) <= tol);
    BOOST_TEST(imputer.get_feature_names_out() == load_lines(name + "_names"));
    if (!params.add_indicator) {
      BOOST_CHECK_THROW((void)imputer.inverse_transform(Z), ValueError);
      BOOST_CHECK_THROW((void)imputer.indicator(), ValueError);
      continue;
    }
    BOOST_TEST(imputer.indicator().features() == load_indices(name + "_indicator_features"));
    if (has_fixture(name + "_inverse")) {
      BOOST_TEST(same(imputer.inverse_transform(Z), load_matrix(name + "_inverse")));
    } else {
      // A kept feature missing in every row: scikit-learn's matching takes
      // it for a dropped one and runs out of features (IndexError there).
      BOOST_CHECK_THROW((void)imputer.inverse_transform(Z), ValueError);
    }
  }
}

BOOST_AUTO_TEST_CASE(most_frequent_ties_take_the_smallest_value) {
  const Matrix X = load_matrix("int_X");
  SimpleImputer imputer({.strategy = SimpleImputerStrategy::most_frequent, .keep_empty_features = true});
  imputer.fit(X);
  // Feature 0: 1 and 2 four times each; feature 1: -3 and 7 three times each.
  BOOST_TEST(imputer.statistics()(0) == 1.0);
  BOOST_TEST(imputer.statistics()(1) == -3.0);
  BOOST_TEST(imputer.statistics()(2) == 0.0);  // all missing, kept
}

BOOST_AUTO_TEST_CASE(numeric_missing_values_placeholder) {
  CollectWarnings quiet;  // feature 2 is empty
  const Matrix X = load_matrix("minus_X"), X_test = load_matrix("minus_X_test");
  SimpleImputer imputer(
      {.missing_values = -1, .strategy = SimpleImputerStrategy::most_frequent, .add_indicator = true});
  imputer.fit(X);
  BOOST_TEST(same(imputer.statistics(), load_matrix("minus_statistics")));
  BOOST_TEST(same(imputer.transform(X_test), load_matrix("minus_transform")));
  BOOST_TEST(same(imputer.inverse_transform(imputer.transform(X)), load_matrix("minus_inverse")));
  // NaN is not a missing value then, and scikit-learn refuses it.
  Matrix with_nan = X;
  with_nan(0, 0) = kNaN;
  BOOST_CHECK_THROW((void)SimpleImputer({.missing_values = -1}).fit(with_nan), ValueError);
  BOOST_CHECK_THROW((void)imputer.transform(with_nan), ValueError);
}

BOOST_AUTO_TEST_CASE(dropped_features_are_reported_by_a_warning) {
  const Matrix X = load_matrix("simple_X");
  SimpleImputer imputer;
  imputer.fit(X);
  CollectWarnings warnings;
  const Matrix Z = imputer.transform(X);
  BOOST_TEST(Z.cols() == 4);
  BOOST_REQUIRE(warnings.messages.size() == 1u);
  BOOST_TEST(warnings.messages[0].find("Skipping features without any observed values: [3]") != std::string::npos);
  SimpleImputer kept({.keep_empty_features = true});
  kept.fit(X);
  (void)kept.transform(X);
  BOOST_TEST(warnings.messages.size() == 1u);
}

BOOST_AUTO_TEST_CASE(indicator_matches_missing_indicator) {
  const Matrix X = load_matrix("simple_X"), X_test = load_matrix("simple_X_test");
  CollectWarnings quiet;
  SimpleImputer imputer({.add_indicator = true});
  imputer.fit(X);
  const Matrix Z = imputer.transform(X_test);
  const Matrix mask = imputer.indicator().transform(X_test);
  BOOST_TEST((Z.rightCols(mask.cols()) == mask));
  BOOST_TEST(imputer.indicator().get_feature_names_out()[0] == "missingindicator_x0");
}

BOOST_AUTO_TEST_CASE(save_and_load_keep_dropped_features) {
  const Matrix X = load_matrix("simple_X"), X_test = load_matrix("simple_X_test");
  CollectWarnings quiet;
  SimpleImputer imputer({.strategy = SimpleImputerStrategy::median, .add_indicator = true});
  imputer.fit(X);
  const auto path = testing::scratch_dir("learn_simple_imputer") / "model.scl";
  save(imputer, path);
  const auto loaded = load(path);
  BOOST_TEST(same(loaded->transform(X_test), imputer.transform(X_test)));
  BOOST_TEST(loaded->get_feature_names_out() == imputer.get_feature_names_out());
}

// The use scikit-learn's docs show: impute, then a model that refuses NaN.
BOOST_AUTO_TEST_CASE(pipeline_imputes_before_a_regressor) {
  CollectWarnings quiet;
  const Matrix X = load_matrix("simple_X");
  const Vector y = Vector::LinSpaced(X.rows(), 0.0, 1.0);
  Pipeline model = make_pipeline(SimpleImputer({.strategy = SimpleImputerStrategy::median}), LinearRegression());
  model.fit(X, y);
  BOOST_TEST(model.predict(load_matrix("simple_X_test")).allFinite());
  BOOST_CHECK_THROW((void)LinearRegression().fit(X, y), ValueError);
}

BOOST_AUTO_TEST_CASE(bad_input_is_rejected) {
  const Matrix X = load_matrix("simple_X");
  const Vector w = Vector::Ones(X.rows());
  SimpleImputer imputer;
  const std::string message = testing::message_of<ValueError>([&] { imputer.fit(X, Vector::Zero(X.rows()), w); });
  BOOST_TEST(message.find("sample_weight") != std::string::npos);
  BOOST_CHECK_THROW((void)imputer.set_params(ParamMap{{"strategy", std::string("mode")}}), ValueError);
  Matrix infinite = X;
  infinite(1, 1) = std::numeric_limits<double>::infinity();
  BOOST_CHECK_THROW((void)imputer.fit(infinite), ValueError);
  BOOST_CHECK_THROW((void)imputer.transform(X), NotFittedError);
}

BOOST_AUTO_TEST_SUITE_END()
