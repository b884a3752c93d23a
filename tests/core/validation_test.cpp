#include <boost/test/unit_test.hpp>
#include <limits>
#include <scilearn/core/validation.hpp>

#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(validation)

using namespace scilearn;

using testing::message_of;

BOOST_AUTO_TEST_CASE(check_finite_accepts_finite_and_names_first_nan) {
  Matrix a = Matrix::Ones(3, 2);
  BOOST_CHECK_NO_THROW(check_finite("solve", "a", a));
  a(2, 1) = std::numeric_limits<double>::quiet_NaN();
  a(1, 1) = std::numeric_limits<double>::infinity();
  BOOST_TEST(message_of<ValueError>([&] { check_finite("solve", "a", a); }) ==
             "solve: a must contain only finite values, but entry (1, 1) is inf");
}

BOOST_AUTO_TEST_CASE(check_finite_works_for_complex_and_float) {
  MatrixT<std::complex<double>> c = MatrixT<std::complex<double>>::Zero(2, 2);
  c(0, 1) = {0.0, std::numeric_limits<double>::quiet_NaN()};
  BOOST_CHECK_THROW(check_finite("solve", "a", c), ValueError);
  Eigen::VectorXf v = Eigen::VectorXf::Ones(4);
  BOOST_CHECK_NO_THROW(check_finite("fit", "y", v));
}

BOOST_AUTO_TEST_CASE(check_non_empty_names_shape) {
  BOOST_TEST(message_of<ValueError>([] { check_non_empty("fit", "X", Matrix(0, 3)); }) == "fit: X is empty (0x3)");
  BOOST_CHECK_NO_THROW(check_non_empty("fit", "X", Matrix(1, 1)));
}

BOOST_AUTO_TEST_CASE(check_square_names_shape) {
  BOOST_TEST(message_of<ValueError>([] { check_square("solve", "a", Matrix(3, 4)); }) ==
             "solve: a is 3x4, expected a square matrix");
  BOOST_CHECK_NO_THROW(check_square("solve", "a", Matrix(0, 0)));
}

BOOST_AUTO_TEST_CASE(check_shape_with_wildcards) {
  BOOST_CHECK_NO_THROW(check_shape("predict", "X", Matrix(5, 3), -1, 3));
  BOOST_TEST(message_of<ValueError>([] { check_shape("predict", "X", Matrix(5, 4), -1, 3); }) ==
             "predict: X is 5x4, expected 3 columns");
  BOOST_TEST(message_of<ValueError>([] { check_shape("solve", "b", Matrix(2, 1), 3, 1); }) ==
             "solve: b is 2x1, expected 3x1");
}

BOOST_AUTO_TEST_CASE(check_same_length_names_both_counts) {
  BOOST_CHECK_NO_THROW(check_same_length("fit", "X", 4, "y", 4));
  BOOST_TEST(message_of<ValueError>([] { check_same_length("fit", "X", 5, "y", 4); }) ==
             "fit: X and y have inconsistent lengths (5 and 4)");
}

BOOST_AUTO_TEST_SUITE_END()
