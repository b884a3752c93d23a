// MissingIndicator against scikit-learn 1.9.1 (tests/reference/learn_impute.py).
#include <boost/test/unit_test.hpp>
#include <scilearn/learn.hpp>

#include "learn/impute/impute_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(missing_indicator)

using namespace scilearn;
using namespace scilearn::learn;
using namespace scilearn::testing::impute;

// Indicators are exact (0 / 1).
BOOST_AUTO_TEST_CASE(matches_scikit_learn) {
  const Matrix X = load_matrix("simple_X"), X_test = load_matrix("simple_X_test");
  for (const auto features : {MissingFeatures::missing_only, MissingFeatures::all}) {
    const std::string tag = features == MissingFeatures::all ? "all" : "missing_only";
    BOOST_TEST_INFO(tag);
    MissingIndicator indicator({.features = features, .error_on_new = false});
    indicator.fit(X);
    BOOST_TEST(indicator.features() == load_indices("indicator_" + tag + "_features"));
    BOOST_TEST(same(indicator.transform(X_test), load_matrix("indicator_" + tag + "_transform")));
    BOOST_TEST(indicator.get_feature_names_out() == load_lines("indicator_" + tag + "_names"));
  }
}

BOOST_AUTO_TEST_CASE(new_missing_features_are_an_error_unless_allowed) {
  Matrix X = Matrix::Zero(4, 3), X_test = Matrix::Zero(2, 3);
  X(1, 0) = std::nan("");
  X_test(0, 2) = std::nan("");
  MissingIndicator strict;
  strict.fit(X);
  const std::string message = testing::message_of<ValueError>([&] { (void)strict.transform(X_test); });
  BOOST_TEST(message.find("The features [2] have missing values in transform") != std::string::npos);
  MissingIndicator lenient({.error_on_new = false});
  lenient.fit(X);
  const Matrix mask = lenient.transform(X_test);
  BOOST_TEST(mask.cols() == 1);
  BOOST_TEST(mask.sum() == 0.0);
}

BOOST_AUTO_TEST_CASE(numeric_placeholder_marks_equal_entries) {
  Matrix X(3, 2);
  X << 0, -1, -1, 2, 3, 4;
  MissingIndicator indicator({.missing_values = -1});
  const Matrix mask = indicator.fit_transform(X);
  Matrix expected(3, 2);
  expected << 0, 1, 1, 0, 0, 0;
  BOOST_TEST((mask == expected));
  X(2, 1) = std::nan("");
  BOOST_CHECK_THROW((void)indicator.transform(X), ValueError);
}

BOOST_AUTO_TEST_CASE(save_and_load_keep_the_features) {
  const Matrix X = load_matrix("simple_X"), X_test = load_matrix("simple_X_test");
  MissingIndicator indicator({.error_on_new = false});
  indicator.fit(X);
  const auto path = testing::scratch_dir("learn_missing_indicator") / "model.scl";
  save(indicator, path);
  const auto loaded = load(path);
  BOOST_TEST((loaded->transform(X_test) == indicator.transform(X_test)));
}

BOOST_AUTO_TEST_SUITE_END()
