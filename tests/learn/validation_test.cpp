#include <boost/test/unit_test.hpp>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/learn/validation.hpp>

#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(validation)

using namespace scilearn;
using namespace scilearn::learn;

BOOST_AUTO_TEST_CASE(check_X_rejects_empty_and_non_finite_input) {
  BOOST_CHECK_THROW((void)check_X("f", Matrix(0, 3)), ValueError);
  Matrix X = Matrix::Ones(3, 2);
  check_X("f", X);
  X(1, 0) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)check_X("f", X), ValueError);
  check_X("f", X, /*allow_nan=*/true);
  X(1, 0) = std::numeric_limits<double>::infinity();
  BOOST_CHECK_THROW((void)check_X("f", X, /*allow_nan=*/true), ValueError);
}

BOOST_AUTO_TEST_CASE(check_X_y_names_inconsistent_lengths) {
  const std::string message =
      testing::message_of<ValueError>([] { check_X_y("fit", Matrix::Ones(5, 2), Vector::Ones(4)); });
  BOOST_TEST(message == "fit: X and y have inconsistent lengths (5 and 4)");
}

BOOST_AUTO_TEST_CASE(check_n_features_names_both_counts) {
  const std::string message =
      testing::message_of<ValueError>([] { check_n_features("StandardScaler", Matrix::Ones(2, 3), 4); });
  BOOST_TEST(message == "X has 3 features, but StandardScaler is expecting 4 features as input");
}

BOOST_AUTO_TEST_CASE(check_sample_weight_rejects_negative_zero_sum_and_wrong_length) {
  check_sample_weight("fit", Vector(), 3);
  check_sample_weight("fit", Vector::Ones(3), 3);
  BOOST_CHECK_THROW((void)check_sample_weight("fit", Vector::Ones(2), 3), ValueError);
  BOOST_CHECK_THROW((void)check_sample_weight("fit", Vector::Zero(3), 3), ValueError);
  BOOST_CHECK_THROW((void)check_sample_weight("fit", -Vector::Ones(3), 3), ValueError);
  BOOST_TEST((sample_weight_or_ones(Vector(), 3) == Vector::Ones(3)));
}

BOOST_AUTO_TEST_SUITE_END()
