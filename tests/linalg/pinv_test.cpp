#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/linalg/pinv.hpp>
#include <scilearn/linalg/svd.hpp>

#include "svd_cases.hpp"

BOOST_AUTO_TEST_SUITE(pinv)

using namespace scilearn;

namespace {

// ||x||_1 relative to ||ref||_1 (exact zero required when ref is zero).
template <class S>
double rel_diff(const MatrixT<S>& x, const MatrixT<S>& ref) {
  const double scale = testing::norm1<S>(ref);
  return scale == 0 ? testing::norm1<S>(x) : testing::norm1<S>(x - ref) / scale;
}

}  // namespace

// The pseudo-inverse keeps the rank largest singular values; perturbing a by
// eps ||a|| moves it by about eps cond_r ||pinv|| (cond_r = s_max / s_r, Wedin),
// so 10 max(m, n) eps cond_r bounds both sides' error. The four Penrose
// equations hold to the same order.
BOOST_AUTO_TEST_CASE(matches_scipy_and_satisfies_penrose_equations) {
  testing::for_each_svd_case([](const testing::SvdCase& c, auto scalar) {
    using S = typename decltype(scalar)::type;
    const MatrixT<S> a = testing::load_fixture<S>(testing::kSvdDir, c.name + "_a");
    const MatrixT<S> original = a;
    const Vector s = testing::load_fixture<double>(testing::kSvdDir, c.name + "_s");
    const auto [p, rank] = linalg::pinv_with_rank(a);
    BOOST_TEST(rank == c.rank);
    BOOST_TEST(linalg::matrix_rank(a) == c.rank);
    BOOST_TEST_REQUIRE(p.rows() == c.n);
    BOOST_TEST_REQUIRE(p.cols() == c.m);
    BOOST_TEST((a == original));
    if (c.kind == "zero") {
      BOOST_TEST(p.cwiseAbs().maxCoeff() == 0);
      return;
    }
    const double cond_r = s(0) / s(c.rank - 1);
    const double tol = 10.0 * static_cast<double>(std::max(c.m, c.n)) * testing::eps<S>() * cond_r;
    if (c.kind != "large") {
      BOOST_TEST(rel_diff<S>(p, testing::load_fixture<S>(testing::kSvdDir, c.name + "_pinv")) <= tol);
    }
    BOOST_TEST(rel_diff<S>(MatrixT<S>(a * p * a), a) <= tol);
    BOOST_TEST(rel_diff<S>(MatrixT<S>(p * a * p), p) <= tol);
    const MatrixT<S> ap = a * p;
    const MatrixT<S> pa = p * a;
    BOOST_TEST(rel_diff<S>(MatrixT<S>(ap.adjoint()), ap) <= tol);
    BOOST_TEST(rel_diff<S>(MatrixT<S>(pa.adjoint()), pa) <= tol);
    BOOST_TEST((linalg::pinv(a) == p));
  });
}

BOOST_AUTO_TEST_CASE(thresholds_as_scipy) {
  const Matrix d{{1, 0}, {0, 1e-10}};
  BOOST_TEST(linalg::pinv_with_rank(d).rank == 2);
  BOOST_TEST(linalg::pinv_with_rank(d, {.atol = 1e-12}).rank == 2);
  const auto dropped = linalg::pinv_with_rank(d, {.atol = 1e-9});
  BOOST_TEST(dropped.rank == 1);
  BOOST_TEST((dropped.pinv == Matrix{{1, 0}, {0, 0}}));
  BOOST_TEST(linalg::pinv_with_rank(d, {.rtol = 1e-9}).rank == 1);
  BOOST_TEST(linalg::pinv(d, {.atol = 0, .rtol = 0})(1, 1) == 1e10, boost::test_tools::tolerance(1e-15));
  // SciPy 1.17.1 keeps rtol's default max(m, n) eps when only atol is given:
  // 3e-16 is below 2 eps * 1 and is dropped although atol alone would keep it.
  const Matrix tiny{{1, 0}, {0, 3e-16}};
  BOOST_TEST(linalg::pinv_with_rank(tiny, {.atol = 1e-20}).rank == 1);
  BOOST_TEST(linalg::pinv_with_rank(tiny, {.atol = 1e-20, .rtol = 0}).rank == 2);
  // The cut is strict: a singular value equal to it counts as zero.
  BOOST_TEST(linalg::pinv_with_rank(d, {.atol = 1e-10, .rtol = 0}).rank == 1);
  // The example of the header: a rank-1 3 x 2 matrix.
  const Matrix r1{{1, 2}, {2, 4}, {0, 0}};
  const auto [p, rank] = linalg::pinv_with_rank(r1);
  BOOST_TEST(rank == 1);
  BOOST_TEST((p - Matrix(r1.transpose()) / 25.0).cwiseAbs().maxCoeff() < 1e-16);
}

BOOST_AUTO_TEST_CASE(full_rank_square_gives_the_inverse) {
  const Eigen::MatrixXcd a = Eigen::MatrixXcd::Random(6, 6) + 6.0 * Eigen::MatrixXcd::Identity(6, 6);
  const Eigen::MatrixXcd p = linalg::pinv(a);
  BOOST_TEST((a * p - Eigen::MatrixXcd::Identity(6, 6)).cwiseAbs().maxCoeff() < 1e-14);
  const Eigen::MatrixXf f = Eigen::MatrixXf::Random(4, 4) + 4.0f * Eigen::MatrixXf::Identity(4, 4);
  BOOST_TEST((f * linalg::pinv(f) - Eigen::MatrixXf::Identity(4, 4)).cwiseAbs().maxCoeff() < 1e-5f);
}

BOOST_AUTO_TEST_CASE(empty_inputs_as_scipy) {
  const auto r = linalg::pinv_with_rank(Matrix(3, 0));
  BOOST_TEST((r.pinv.rows() == 0 && r.pinv.cols() == 3));
  BOOST_TEST(r.rank == 0);
  BOOST_TEST(linalg::pinv(Eigen::MatrixXcf(0, 0)).size() == 0);
  BOOST_TEST(linalg::matrix_rank(Matrix(0, 0)) == 0);
  BOOST_TEST(linalg::matrix_rank(Matrix(3, 0)) == 0);
}

BOOST_AUTO_TEST_CASE(matrix_rank_as_numpy) {
  const Matrix a{{1, 2}, {2, 4.0000001}};
  BOOST_TEST(linalg::matrix_rank(a) == 2);
  BOOST_TEST(linalg::matrix_rank(a, {.tol = 1e-6}) == 1);
  BOOST_TEST(linalg::matrix_rank(a, {.rtol = 1e-7}) == 1);
  BOOST_TEST(linalg::matrix_rank(a, {.tol = -1}) == 2);  // a negative tol keeps everything, as NumPy
  BOOST_TEST(linalg::matrix_rank(Matrix::Zero(2, 2)) == 0);
  BOOST_TEST(linalg::matrix_rank(Eigen::MatrixXf::Identity(3, 3)) == 3);
  // A vector type is NumPy's 1-D input: rank 1 unless every entry is zero.
  BOOST_TEST(linalg::matrix_rank(Vector::Zero(3)) == 0);
  BOOST_TEST(linalg::matrix_rank(Vector{{0, 1e-300}}) == 1);
  BOOST_TEST(linalg::matrix_rank(Eigen::RowVectorXcd::Zero(2)) == 0);
}

BOOST_AUTO_TEST_CASE(errors) {
  const Matrix a = Matrix::Identity(2, 2);
  BOOST_CHECK_THROW((void)linalg::pinv(a, {.atol = -1}), ValueError);
  BOOST_CHECK_THROW((void)linalg::pinv(a, {.rtol = -1e-3}), ValueError);
  BOOST_CHECK_THROW((void)linalg::pinv(a, {.atol = std::numeric_limits<double>::quiet_NaN()}), ValueError);
  BOOST_CHECK_THROW((void)linalg::matrix_rank(a, {.tol = 1, .rtol = 1}), ValueError);
  BOOST_CHECK_THROW((void)linalg::matrix_rank(a, {.rtol = std::numeric_limits<double>::quiet_NaN()}), ValueError);
  Matrix bad = a;
  bad(1, 0) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)linalg::pinv(bad), ValueError);
  BOOST_CHECK_THROW((void)linalg::pinv(bad, {.check_finite = false}), ValueError);  // ?gesdd rejects NaN
  BOOST_CHECK_THROW((void)linalg::matrix_rank(bad), ValueError);
  BOOST_CHECK_THROW((void)linalg::matrix_rank(Vector{{1, std::numeric_limits<double>::infinity()}}), ValueError);
  const Matrix inf = Matrix::Constant(3, 3, std::numeric_limits<double>::infinity());
  BOOST_CHECK_THROW((void)linalg::pinv(inf, {.check_finite = false}), LinAlgError);  // SVD does not converge
}

BOOST_AUTO_TEST_SUITE_END()
