#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/linalg/det.hpp>
#include <string>

#include "linalg_testing.hpp"

BOOST_AUTO_TEST_SUITE(det)

using namespace scilearn;

// det from the LU factors is backward stable: det(a + E) with |E| <= c n eps |L||U|,
// so for these well-scaled 6 x 6 matrices the relative error is a small multiple of
// n eps times the condition (under 100 here); 1e3 n eps leaves room for both sides.
template <class S>
void check_case(const std::vector<std::string>& f) {
  using R = typename Eigen::NumTraits<S>::Real;
  BOOST_TEST_CONTEXT("case " << f[0]) {
    const MatrixT<S> a = testing::load_fixture<S>("linalg/basic", f[0] + "_a");
    const double tol = 1e3 * static_cast<double>(a.rows()) * std::numeric_limits<R>::epsilon();
    const std::complex<double> det_ref(std::stod(f[2]), std::stod(f[3]));
    const std::complex<double> det(linalg::det(a));
    BOOST_TEST(std::abs(det - det_ref) <= tol * std::max(1.0, std::abs(det_ref)));

    const auto [sign, logabsdet] = linalg::slogdet(a);
    const std::complex<double> sign_ref(std::stod(f[4]), std::stod(f[5]));
    const double log_ref = std::stod(f[6]);
    BOOST_TEST(std::abs(std::complex<double>(sign) - sign_ref) <= tol);
    if (std::isinf(log_ref)) {
      BOOST_TEST((std::isinf(logabsdet) && logabsdet < 0));
    } else {
      BOOST_TEST(std::abs(static_cast<double>(logabsdet) - log_ref) <= tol * std::max(1.0, std::abs(log_ref)));
    }
  }
}

BOOST_AUTO_TEST_CASE(matches_scipy_det_and_numpy_slogdet) {
  const auto rows = testing::read_manifest("linalg/basic/det_cases.csv");
  BOOST_TEST_REQUIRE(rows.size() == 16u);
  for (const auto& f : rows) {
    testing::with_scalar(f[1][0], [&](auto scalar) { check_case<typename decltype(scalar)::type>(f); });
  }
}

BOOST_AUTO_TEST_CASE(closed_forms) {
  // det of a triangular matrix is the product of its diagonal; a swap flips the sign.
  const Matrix t{{2, 7, 1}, {0, 3, 5}, {0, 0, -4}};
  BOOST_TEST(linalg::det(t) == -24.0, boost::test_tools::tolerance(1e-15));
  Matrix swapped = t;
  swapped.row(0).swap(swapped.row(1));
  BOOST_TEST(linalg::det(swapped) == 24.0, boost::test_tools::tolerance(1e-15));
  // 0 x 0: det 1, slogdet (1, 0), as SciPy and NumPy.
  BOOST_TEST(linalg::det(Matrix(0, 0)) == 1.0);
  BOOST_TEST(linalg::slogdet(Matrix(0, 0)).sign == 1.0);
  BOOST_TEST(linalg::slogdet(Matrix(0, 0)).logabsdet == 0.0);
}

BOOST_AUTO_TEST_CASE(slogdet_survives_where_det_underflows) {
  const Index n = 400;
  const Matrix a = 0.1 * Matrix::Identity(n, n);  // det = 1e-400: below the smallest double
  BOOST_TEST(linalg::det(a) == 0.0);
  const auto r = linalg::slogdet(a);
  BOOST_TEST(r.sign == 1.0);
  BOOST_TEST(r.logabsdet == static_cast<double>(n) * std::log(0.1), boost::test_tools::tolerance(1e-13));
}

BOOST_AUTO_TEST_CASE(float_determinant_is_returned_in_double) {
  const Eigen::MatrixXf a = 1e20f * Eigen::MatrixXf::Identity(3, 3);  // 1e60 overflows float, not double
  const double d = linalg::det(a);
  BOOST_TEST(d == 1e60, boost::test_tools::tolerance(1e-6));
}

BOOST_AUTO_TEST_CASE(errors) {
  BOOST_CHECK_THROW((void)linalg::det(Matrix::Ones(2, 3)), ValueError);
  Matrix a = Matrix::Identity(2, 2);
  a(0, 1) = std::numeric_limits<double>::infinity();
  BOOST_CHECK_THROW((void)linalg::det(a), ValueError);
  BOOST_CHECK_THROW((void)linalg::slogdet(a), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
