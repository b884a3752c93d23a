#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/stats/descriptive.hpp>

BOOST_AUTO_TEST_SUITE(descriptive)

using namespace scilearn;

// Closed forms: 1..n has mean (n + 1) / 2 and variance (n^2 - 1) / 12 (ddof 0).
BOOST_AUTO_TEST_CASE(mean_and_variance_of_one_to_n) {
  const Index n = 1001;
  const Vector a = Vector::LinSpaced(n, 1, static_cast<double>(n));
  BOOST_TEST(stats::mean(a) == 501.0);
  BOOST_TEST(stats::var(a) == (static_cast<double>(n * n) - 1) / 12);
  BOOST_TEST(stats::var(a, 1) == (static_cast<double>(n * n) - 1) / 12 * n / (n - 1), boost::test_tools::tolerance(1e-15));
  BOOST_TEST(stats::std_dev(a) == std::sqrt((static_cast<double>(n * n) - 1) / 12));
  const Matrix two = (Matrix(3, 2) << 1, 10, 2, 20, 3, 30).finished();
  BOOST_TEST(stats::mean(two, stats::Axis::columns) == (Vector(2) << 2, 20).finished());
  BOOST_TEST(stats::var(two, stats::Axis::columns, 1) == (Vector(2) << 1, 100).finished());
  BOOST_TEST(stats::mean(two, stats::Axis::rows) == (Vector(3) << 5.5, 11, 16.5).finished());
}

BOOST_AUTO_TEST_CASE(edge_cases_as_numpy) {
  BOOST_CHECK_THROW((void)stats::mean(Vector()), ValueError);
  BOOST_CHECK_THROW((void)stats::var(Vector::Ones(3), -1), ValueError);
  BOOST_TEST(std::isnan(stats::var(Vector::Ones(1), 1)));  // n <= ddof: NaN, as NumPy
  Vector with_nan = Vector::Ones(4);
  with_nan(2) = std::numeric_limits<double>::quiet_NaN();
  BOOST_TEST(std::isnan(stats::mean(with_nan)));
  BOOST_TEST(stats::lag_autocorrelation(Vector::LinSpaced(4, 1, 4), 0) == 1.0);
  BOOST_CHECK_THROW((void)stats::lag_autocorrelation(Vector::Ones(3), 3), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
