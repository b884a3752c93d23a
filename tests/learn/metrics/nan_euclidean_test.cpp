// nan_euclidean_distances against scikit-learn 1.9.1 (tests/reference/learn_impute.py).
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <scilearn/core/random.hpp>
#include <scilearn/learn.hpp>

#include "learn/impute/impute_testing.hpp"

BOOST_AUTO_TEST_SUITE(metrics_nan_euclidean)

using namespace scilearn;
using namespace scilearn::learn;
using namespace scilearn::testing::impute;

// The norm trick in both libraries, operations in another order: a few eps
// of (|x|^2 + |y|^2) / d^2 relative; the data are O(1) with distances O(1),
// so 1e-13 relative to max(|d|, 1), squared or not (measured 7e-15).
BOOST_AUTO_TEST_CASE(matches_scikit_learn) {
  const Matrix X = load_matrix("nan_euclidean_X"), Y = load_matrix("nan_euclidean_Y");
  BOOST_TEST(relative_error(nan_euclidean_distances(X, Y), load_matrix("nan_euclidean_XY")) <= 1e-13);
  BOOST_TEST(relative_error(nan_euclidean_distances(X, Y, true), load_matrix("nan_euclidean_XY_squared")) <= 1e-13);
  const Matrix self = nan_euclidean_distances(X);
  BOOST_TEST(relative_error(self, load_matrix("nan_euclidean_XX")) <= 1e-13);
  BOOST_TEST(std::isnan(self(2, 2)));  // row 2 has nothing present
  BOOST_TEST(self(0, 0) == 0.0);
}

// Without missing values it is the Euclidean distance (to rounding).
BOOST_AUTO_TEST_CASE(equals_euclidean_without_missing_values) {
  Generator rng(3);
  const Matrix X = rng.standard_normal(300, 7), Y = rng.standard_normal(40, 7);
  const Matrix d = nan_euclidean_distances(X, Y), e = euclidean_distances(X, Y);
  BOOST_TEST((d - e).cwiseAbs().maxCoeff() <= 1e-12);
}

BOOST_AUTO_TEST_CASE(numeric_placeholder_and_bad_input) {
  Matrix X(2, 3), Y(1, 3);
  X << 1, -1, 3, 0, 0, -1;
  Y << 1, 2, -1;
  // Row 0 and Y share features 0 (both present): d^2 = 0 * 3 / 1.
  // Row 1 and Y share features 0, 1: ((0 - 1)^2 + (0 - 2)^2) * 3 / 2 = 7.5.
  const Matrix d = nan_euclidean_distances(X, Y, true, -1.0);
  BOOST_TEST(d(0, 0) == 0.0);
  BOOST_TEST(d(1, 0) == 7.5);
  Matrix with_nan = X;
  with_nan(0, 0) = std::nan("");
  BOOST_CHECK_THROW((void)nan_euclidean_distances(with_nan, Y, false, -1.0), ValueError);
  with_nan(0, 0) = std::numeric_limits<double>::infinity();
  BOOST_CHECK_THROW((void)nan_euclidean_distances(with_nan, Y), ValueError);
  BOOST_CHECK_THROW((void)nan_euclidean_distances(X, Matrix::Ones(2, 2)), ValueError);
  BOOST_CHECK_THROW((void)nan_euclidean_distances(Matrix(0, 3), Y), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
