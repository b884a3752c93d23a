// RobustScaler against scikit-learn 1.9.1 (tests/reference/learn_preprocessing.py).
#include <boost/test/unit_test.hpp>
#include <scilearn/learn.hpp>

#include "learn/preprocessing/preprocessing_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(robust_scaler)

using namespace scilearn;
using namespace scilearn::learn;
using namespace scilearn::testing::preprocessing;

// Medians and percentiles follow NumPy's linear method operation for
// operation: a few ulps of the data (1e-14 relative; the interquantile range
// of the column near -3 loses two digits to cancellation, hence 1e-12 on scale).
// unit_variance divides by a normal quantile difference (Boost vs SciPy's
// ndtri, ~1e-16 relative each).
BOOST_AUTO_TEST_CASE(matches_scikit_learn) {
  const Matrix X = load_matrix("X"), X_test = load_matrix("X_test");
  struct Case {
    std::string name;
    RobustScaler::Params params;
    Matrix X, X_test;
  };
  const Case cases[] = {
      {"robust", {}, X, X_test},
      {"robust_even", {}, X.topRows(40), X_test},
      {"robust_range", {.quantile_range = {10, 90}, .unit_variance = true}, X, X_test},
      {"robust_odd_range", {.quantile_range = {3.3, 61.7}}, X.topRows(40), X_test},
      {"robust_no_center", {.with_centering = false}, X, X_test},
      {"robust_nan", {}, load_matrix("X_nan"), load_matrix("X_test_nan")},
  };
  for (const Case& c : cases) {
    BOOST_TEST_INFO(c.name);
    RobustScaler scaler(c.params);
    scaler.fit(c.X);
    if (c.params.with_centering)
      BOOST_TEST(relative_error(scaler.center(), load_matrix(c.name + "_center"), 1e-300) <= 1e-14);
    else
      BOOST_TEST(scaler.center().size() == 0);
    BOOST_TEST(relative_error(scaler.scale(), load_matrix(c.name + "_scale"), 1e-300) <= 1e-12);
    const Matrix Z = scaler.transform(c.X_test);
    BOOST_TEST(relative_error(Z, load_matrix(c.name + "_transform")) <= 1e-11);
    BOOST_TEST(relative_error(scaler.inverse_transform(Z), load_matrix(c.name + "_inverse"), 1e-300) <= 1e-12);
  }
}

BOOST_AUTO_TEST_CASE(bad_quantile_range_is_rejected) {
  const Matrix X = load_matrix("X");
  for (const std::vector<double>& range : {std::vector<double>{75, 25}, {-1, 50}, {50, 101}, {25}}) {
    RobustScaler scaler({.quantile_range = range});
    const std::string message = testing::message_of<ValueError>([&] { scaler.fit(X); });
    BOOST_TEST(message.find("quantile") != std::string::npos);
  }
}

BOOST_AUTO_TEST_SUITE_END()
