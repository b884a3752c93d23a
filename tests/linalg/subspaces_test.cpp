#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <numbers>
#include <scilearn/linalg/subspaces.hpp>

#include "svd_cases.hpp"

BOOST_AUTO_TEST_SUITE(subspaces)

using namespace scilearn;
using linalg::SvdDriver;

namespace {

// The rank-r singular subspaces of a move by about eps ||a|| / s_r under a
// backward error of eps ||a|| (Wedin's theorem: the gap to the dropped
// singular values is s_r): 10 max(m, n) eps s_max / s_r bounds the
// difference of the projectors of two backward-stable SVDs.
template <class S>
double subspace_tolerance(const testing::SvdCase& c, const Vector& s) {
  const double cond_r = c.rank == 0 ? 1.0 : s(0) / s(c.rank - 1);
  return 10.0 * static_cast<double>(std::max(c.m, c.n)) * testing::eps<S>() * cond_r;
}

}  // namespace

BOOST_AUTO_TEST_CASE(orth_and_null_space_match_scipy) {
  testing::for_each_svd_case([](const testing::SvdCase& c, auto scalar) {
    using S = typename decltype(scalar)::type;
    const MatrixT<S> a = testing::load_fixture<S>(testing::kSvdDir, c.name + "_a");
    const MatrixT<S> original = a;
    const Vector s = testing::load_fixture<double>(testing::kSvdDir, c.name + "_s");
    const double tol = subspace_tolerance<S>(c, s);
    const double s_max = s.size() ? s(0) : 0.0;

    const MatrixT<S> q = linalg::orth(a);
    BOOST_TEST_REQUIRE(q.rows() == c.m);
    BOOST_TEST_REQUIRE(q.cols() == c.orth_cols);
    BOOST_TEST(q.cols() == c.rank);
    BOOST_TEST(testing::orthonormality_ratio<S>(q) < 30.0);
    for (const SvdDriver driver : {SvdDriver::gesdd, SvdDriver::gesvd}) {
      const MatrixT<S> z = linalg::null_space(a, {.lapack_driver = driver});
      BOOST_TEST_REQUIRE(z.rows() == c.n);
      BOOST_TEST_REQUIRE(z.cols() == c.null_cols);
      BOOST_TEST(z.cols() == c.n - c.rank);
      BOOST_TEST(testing::orthonormality_ratio<S>(z) < 30.0);
      // a z = 0 up to the dropped singular values (noise of order eps s_max).
      if (z.cols() > 0 && c.kind != "zero") {
        BOOST_TEST(testing::norm1<S>(MatrixT<S>(a * z)) <=
                   10.0 * static_cast<double>(std::max(c.m, c.n)) * testing::eps<S>() * s_max * z.cols());
      }
    }
    BOOST_TEST((a == original));
    if (c.kind == "large") return;
    // The bases are not unique; the projectors onto the spaces are.
    const MatrixT<S> q_ref = testing::load_fixture<S>(testing::kSvdDir, c.name + "_orth");
    BOOST_TEST(testing::norm1<S>(MatrixT<S>(testing::projector(q) - testing::projector(q_ref))) <= tol);
    if (c.null_cols > 0) {
      const MatrixT<S> z_ref = testing::load_fixture<S>(testing::kSvdDir, c.name + "_null");
      const MatrixT<S> z = linalg::null_space(a);
      BOOST_TEST(testing::norm1<S>(MatrixT<S>(testing::projector(z) - testing::projector(z_ref))) <= tol);
    }
  });
}

BOOST_AUTO_TEST_CASE(subspace_angles_match_scipy) {
  testing::for_each_svd_case([](const testing::SvdCase& c, auto scalar) {
    using S = typename decltype(scalar)::type;
    if (c.kind == "large") return;
    const MatrixT<S> a = testing::load_fixture<S>(testing::kSvdDir, c.name + "_a");
    const MatrixT<S> b = testing::load_fixture<S>(testing::kSvdDir, c.name + "_b");
    const Vector ref = testing::load_fixture<double>(testing::kSvdDir, c.name + "_angles");
    const Vector s = testing::load_fixture<double>(testing::kSvdDir, c.name + "_s");
    const auto theta = linalg::subspace_angles(a, b);
    BOOST_TEST_REQUIRE(theta.size() == ref.size());
    BOOST_TEST_REQUIRE(theta.size() == std::min<Index>(c.rank, std::min<Index>(c.m, 3)));
    if (theta.size() == 0) return;
    // Angles move with the subspaces (absolute error in radians). Where
    // SciPy picked the other formula than ours (see subspaces.cpp: sine for a
    // large angle or cosine for a small one), its own error is up to
    // sqrt(2 c eps) (asin near 1, acos near 1): 10 sqrt(m eps) is added there.
    const Index k = ref.size();
    const auto uses_sine = [&](Index i) { return std::cos(ref(i)) * std::cos(ref(i)) >= 0.5; };
    for (Index i = 0; i < k; ++i) {
      const bool same_formula = uses_sine(i) == uses_sine(k - 1 - i);
      const double tol = subspace_tolerance<S>(c, s) +
                         (same_formula ? 0.0 : 10.0 * std::sqrt(static_cast<double>(c.m) * testing::eps<S>()));
      BOOST_TEST(std::abs(static_cast<double>(theta(i)) - ref(i)) <= tol);
    }
    for (Index i = 1; i < theta.size(); ++i) BOOST_TEST(theta(i) <= theta(i - 1));
  });
}

BOOST_AUTO_TEST_CASE(subspace_angles_closed_forms) {
  const Matrix plane{{1, 0}, {0, 1}, {0, 0}};
  const Matrix line{{1}, {0}, {1}};
  const Vector t = linalg::subspace_angles(plane, line);
  BOOST_TEST_REQUIRE(t.size() == 1);
  BOOST_TEST(t(0) == std::numbers::pi / 4, boost::test_tools::tolerance(1e-15));
  // The sine formula keeps tiny angles accurate: acos(cos(1e-10)) would be 0.
  const Matrix near{{1}, {1e-10}, {0}};
  BOOST_TEST(linalg::subspace_angles(plane, near)(0) == 0.0);
  const Matrix x{{1}, {0}, {0}};
  BOOST_TEST(linalg::subspace_angles(x, near)(0) == 1e-10, boost::test_tools::tolerance(1e-12));
  // Angles near 0 and near 90 degrees together, each from its accurate
  // formula (SciPy 1.17.1 returns {pi / 2, 0} here, see subspaces.cpp).
  const double t1 = 1e-9;
  const double t2 = std::numbers::pi / 2 - 1e-9;
  Matrix ab = Matrix::Zero(5, 2);
  ab(0, 0) = std::cos(t1);
  ab(2, 0) = std::sin(t1);
  ab(1, 1) = std::cos(t2);
  ab(3, 1) = std::sin(t2);
  const Vector both = linalg::subspace_angles(Matrix(Matrix::Identity(5, 2)), ab);
  BOOST_TEST_REQUIRE(both.size() == 2);
  BOOST_TEST(both(0) == t2, boost::test_tools::tolerance(1e-15));
  BOOST_TEST(both(1) == t1, boost::test_tools::tolerance(1e-12));
  // Orthogonal spaces: pi / 2; the same space: 0.
  const Matrix z{{0}, {0}, {2}};
  BOOST_TEST(linalg::subspace_angles(plane, z)(0) == std::numbers::pi / 2, boost::test_tools::tolerance(1e-15));
  BOOST_TEST(linalg::subspace_angles(plane, Matrix(plane * 3.0)).cwiseAbs().maxCoeff() < 1e-15);
  // No columns: no angles.
  BOOST_TEST(linalg::subspace_angles(Matrix(3, 0), line).size() == 0);
  static_assert(std::is_same_v<decltype(linalg::subspace_angles(Eigen::MatrixXcf(2, 1), Eigen::MatrixXcf(2, 1))),
                               Eigen::VectorXf>);
}

BOOST_AUTO_TEST_CASE(rcond_and_empty_inputs_as_scipy) {
  // Singular values 1 and 1e-6: the default cut keeps both, rcond = 1e-3 drops one.
  const Matrix d{{1, 0}, {0, 1e-6}, {0, 0}};
  BOOST_TEST(linalg::orth(d).cols() == 2);
  BOOST_TEST(linalg::orth(d, {.rcond = 1e-3}).cols() == 1);
  BOOST_TEST(linalg::null_space(d).cols() == 0);
  const Matrix z = linalg::null_space(d, {.rcond = 1e-3});
  BOOST_TEST_REQUIRE(z.cols() == 1);
  BOOST_TEST(std::abs(z(1, 0)) == 1.0);
  const Matrix e1{{1, 0}, {0, 0}, {0, 0}};
  BOOST_TEST(linalg::orth(e1).cols() == 1);
  BOOST_TEST(linalg::orth(e1, {.rcond = -1}).cols() == 2);  // negative: the zero singular value counts too
  // SciPy 1.17.1's shapes for empty input.
  BOOST_TEST((linalg::null_space(Matrix(3, 0)).rows() == 0 && linalg::null_space(Matrix(3, 0)).cols() == 0));
  BOOST_TEST((linalg::null_space(Matrix(0, 3)) == Matrix::Identity(3, 3)));
  BOOST_TEST((linalg::orth(Matrix(3, 0)).rows() == 3 && linalg::orth(Matrix(3, 0)).cols() == 0));
  BOOST_TEST(linalg::orth(Eigen::MatrixXcf(0, 3)).size() == 0);
  BOOST_TEST((linalg::orth(Matrix::Zero(3, 2)).rows() == 3 && linalg::orth(Matrix::Zero(3, 2)).cols() == 0));
  BOOST_TEST((linalg::null_space(Matrix::Zero(3, 2)) == Matrix::Identity(2, 2)));
}

BOOST_AUTO_TEST_CASE(errors) {
  Matrix bad = Matrix::Identity(3, 2);
  bad(2, 1) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)linalg::orth(bad), ValueError);
  BOOST_CHECK_THROW((void)linalg::null_space(bad), ValueError);
  BOOST_CHECK_THROW((void)linalg::null_space(bad, {.check_finite = false}), ValueError);  // ?gesdd rejects NaN
  BOOST_CHECK_THROW((void)linalg::subspace_angles(bad, Matrix::Identity(3, 1)), ValueError);
  BOOST_CHECK_THROW((void)linalg::subspace_angles(Matrix::Identity(3, 1), bad), ValueError);
  BOOST_CHECK_EXCEPTION((void)linalg::subspace_angles(Matrix::Ones(3, 2), Matrix::Ones(2, 1)), ValueError,
                        [](const ValueError& e) { return std::string(e.what()).find("3x2") != std::string::npos; });
  const Matrix a = Matrix::Identity(2, 2);
  BOOST_CHECK_THROW((void)linalg::orth(a, {.rcond = std::numeric_limits<double>::quiet_NaN()}), ValueError);
  BOOST_CHECK_THROW((void)linalg::null_space(a, {.lapack_driver = static_cast<SvdDriver>(5)}), ValueError);
  const Matrix inf = Matrix::Constant(3, 3, std::numeric_limits<double>::infinity());
  BOOST_CHECK_THROW((void)linalg::null_space(inf, {.check_finite = false}), LinAlgError);
}

BOOST_AUTO_TEST_SUITE_END()
