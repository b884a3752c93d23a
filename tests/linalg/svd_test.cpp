#include <Eigen/QR>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/linalg/svd.hpp>

#include "svd_cases.hpp"

BOOST_AUTO_TEST_SUITE(svd)

using namespace scilearn;
using linalg::SvdDriver;

namespace {

constexpr SvdDriver kDrivers[] = {SvdDriver::gesdd, SvdDriver::gesvd};

// Each computed singular value lies within p(m, n) eps s_max of the exact one
// (LAPACK's SVDs are backward stable and singular values are perfectly
// conditioned); SciPy's (another OpenBLAS build) as well, so the two differ by
// at most twice that. p = 10 max(m, n) leaves room for both without letting a
// wrong singular value through (the smallest gaps here are far larger).
template <class S>
double singular_value_tolerance(Index m, Index n, double s_max) {
  return 10.0 * static_cast<double>(std::max(m, n)) * testing::eps<S>() * s_max;
}

template <class S>
MatrixT<S> diag_product(const linalg::SvdResult<S>& f) {
  const Index k = f.s.size();
  return f.u.leftCols(k) * f.s.template cast<S>().asDiagonal() * f.vh.topRows(k);
}

// A random unitary matrix: the Q of a Gaussian matrix's QR.
template <class S>
MatrixT<S> random_unitary(Index n) {
  return Eigen::HouseholderQR<MatrixT<S>>(MatrixT<S>::Random(n, n)).householderQ() * MatrixT<S>::Identity(n, n);
}

}  // namespace

BOOST_AUTO_TEST_CASE(singular_values_match_scipy) {
  testing::for_each_svd_case([](const testing::SvdCase& c, auto scalar) {
    using S = typename decltype(scalar)::type;
    const MatrixT<S> a = testing::load_fixture<S>(testing::kSvdDir, c.name + "_a");
    const Vector s_ref = testing::load_fixture<double>(testing::kSvdDir, c.name + "_s");
    const double tol = singular_value_tolerance<S>(c.m, c.n, s_ref.size() ? s_ref(0) : 0.0);
    for (const SvdDriver driver : kDrivers) {
      for (const bool uv : {true, false}) {
        const auto f = linalg::svd(a, {.compute_uv = uv, .lapack_driver = driver});
        BOOST_TEST_REQUIRE(f.s.size() == std::min(c.m, c.n));
        BOOST_TEST((f.s.template cast<double>() - s_ref).cwiseAbs().maxCoeff() <= tol);
        for (Index i = 1; i < f.s.size(); ++i) BOOST_TEST(f.s(i) <= f.s(i - 1));
        BOOST_TEST(f.s.minCoeff() >= 0);
        if (!uv) BOOST_TEST((f.u.size() == 0 && f.vh.size() == 0));
      }
    }
    BOOST_TEST((linalg::svdvals(a).template cast<double>() - s_ref).cwiseAbs().maxCoeff() <= tol);
  });
}

// u and vh are not unique (signs, phases, the basis of a repeated or zero
// singular value's space): what is checked is what defines them. LAPACK's
// test ratios (xBDT01-style reconstruction, xORT01 orthonormality) are O(1)
// for a backward-stable SVD; LAPACK's own test suite accepts < 30.
BOOST_AUTO_TEST_CASE(vectors_reconstruct_a_and_are_orthonormal) {
  testing::for_each_svd_case([](const testing::SvdCase& c, auto scalar) {
    using S = typename decltype(scalar)::type;
    const MatrixT<S> a = testing::load_fixture<S>(testing::kSvdDir, c.name + "_a");
    const Index k = std::min(c.m, c.n);
    for (const SvdDriver driver : kDrivers) {
      for (const bool full : {true, false}) {
        BOOST_TEST_CONTEXT((driver == SvdDriver::gesdd ? "gesdd" : "gesvd") << (full ? " full" : " economy")) {
          const auto f = linalg::svd(a, {.full_matrices = full, .lapack_driver = driver});
          BOOST_TEST(f.u.rows() == c.m);
          BOOST_TEST(f.u.cols() == (full ? c.m : k));
          BOOST_TEST(f.vh.rows() == (full ? c.n : k));
          BOOST_TEST(f.vh.cols() == c.n);
          BOOST_TEST(testing::orthonormality_ratio<S>(f.u) < 30.0);
          BOOST_TEST(testing::orthonormality_ratio<S>(f.vh.adjoint()) < 30.0);
          if (c.kind == "zero") {
            BOOST_TEST(diag_product(f).cwiseAbs().maxCoeff() == 0);
          } else {
            BOOST_TEST(testing::factorization_ratio<S>(a, diag_product(f)) < 30.0);
          }
        }
      }
    }
  });
}

template <class S>
void check_prescribed_singular_values() {
  using R = testing::Real<S>;
  // a = Q1 diag(s) Q2^H with known s spanning 10 decades (double; 4 for
  // float), three of them repeated, and two exact zeros: the computed
  // values must match to the absolute tolerance p(m, n) eps s_max.
  const Index m = 9;
  const Index n = 7;
  const double decades = std::is_same_v<R, float> ? 4.0 : 10.0;
  VectorT<R> s(n);
  s << R(1), R(1), R(1), static_cast<R>(std::pow(10.0, -decades / 2)), static_cast<R>(std::pow(10.0, -decades)), R(0),
      R(0);
  MatrixT<S> d = MatrixT<S>::Zero(m, n);
  d.diagonal().head(n) = s.template cast<S>();
  const MatrixT<S> a = random_unitary<S>(m) * d * random_unitary<S>(n).adjoint();
  const MatrixT<S> original = a;
  for (const SvdDriver driver : kDrivers) {
    const auto f = linalg::svd(a, {.lapack_driver = driver});
    BOOST_TEST((f.s - s).cwiseAbs().maxCoeff() <= singular_value_tolerance<S>(m, n, 1.0));
    BOOST_TEST(testing::factorization_ratio<S>(a, diag_product(f)) < 30.0);
  }
  BOOST_TEST((a == original));  // never modified
}

BOOST_AUTO_TEST_CASE(prescribed_singular_values_for_every_scalar_type) {
  check_prescribed_singular_values<float>();
  check_prescribed_singular_values<double>();
  check_prescribed_singular_values<std::complex<float>>();
  check_prescribed_singular_values<std::complex<double>>();
}

BOOST_AUTO_TEST_CASE(closed_form) {
  // [[3, 0], [4, 5]]: a^T a has eigenvalues 45 and 5.
  const Matrix a{{3, 0}, {4, 5}};
  const auto [u, s, vh] = linalg::svd(a);
  BOOST_TEST(s(0) == std::sqrt(45.0), boost::test_tools::tolerance(1e-15));
  BOOST_TEST(s(1) == std::sqrt(5.0), boost::test_tools::tolerance(1e-15));
  BOOST_TEST((u * s.asDiagonal() * vh - a).cwiseAbs().maxCoeff() < 1e-14);
  // SciPy's svdvals example.
  const Vector v = linalg::svdvals(Matrix{{1, 0}, {2, 3}, {1, 1}, {0, 2}, {1, 0}});
  BOOST_TEST(v(0) == 4.28091555, boost::test_tools::tolerance(1e-8));
  BOOST_TEST(v(1) == 1.63516424, boost::test_tools::tolerance(1e-8));
}

BOOST_AUTO_TEST_CASE(empty_matrices_as_scipy) {
  for (const auto& [m, n] : {std::pair<Index, Index>{0, 0}, {3, 0}, {0, 4}}) {
    BOOST_TEST_CONTEXT(m << "x" << n) {
      const Matrix a(m, n);
      const auto full = linalg::svd(a);
      BOOST_TEST(full.s.size() == 0);
      BOOST_TEST((full.u == Matrix::Identity(m, m)));  // SciPy 1.17: identities
      BOOST_TEST((full.vh == Matrix::Identity(n, n)));
      const auto thin = linalg::svd(a, {.full_matrices = false});
      BOOST_TEST((thin.u.rows() == m && thin.u.cols() == 0));
      BOOST_TEST((thin.vh.rows() == 0 && thin.vh.cols() == n));
      const auto none = linalg::svd(a, {.compute_uv = false});
      BOOST_TEST((none.s.size() == 0 && none.u.size() == 0 && none.vh.size() == 0));
      BOOST_TEST(linalg::svdvals(Eigen::MatrixXcf(m, n)).size() == 0);
    }
  }
}

BOOST_AUTO_TEST_CASE(any_dense_expression) {
  const Matrix big = Matrix::Random(9, 7);
  const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> row_major = big;
  const Vector ref = linalg::svdvals(big);
  BOOST_TEST((linalg::svdvals(row_major) - ref).cwiseAbs().maxCoeff() < 1e-13);
  BOOST_TEST((linalg::svdvals(big.transpose()) - ref).cwiseAbs().maxCoeff() < 1e-13);
  const Matrix block = big.block(1, 2, 5, 4);
  BOOST_TEST((linalg::svdvals(big.block(1, 2, 5, 4)) - linalg::svdvals(block)).cwiseAbs().maxCoeff() == 0);
}

BOOST_AUTO_TEST_CASE(errors) {
  Matrix a = Matrix::Identity(3, 3);
  a(1, 2) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)linalg::svd(a), ValueError);
  BOOST_CHECK_THROW((void)linalg::svdvals(a), ValueError);
  // Without the check, LAPACK's ?gesdd still rejects a NaN (SciPy: "A has a NaN entry").
  BOOST_CHECK_THROW((void)linalg::svd(a, {.check_finite = false}), ValueError);
  BOOST_CHECK_THROW((void)linalg::svdvals(a, false), ValueError);
  a(1, 2) = std::numeric_limits<double>::infinity();
  BOOST_CHECK_THROW((void)linalg::svd(a, {.lapack_driver = SvdDriver::gesvd}), ValueError);
  BOOST_CHECK_THROW((void)linalg::svd(Matrix::Identity(2, 2), {.lapack_driver = static_cast<SvdDriver>(7)}),
                    ValueError);
  // All-Inf input: LAPACK's scaling gives up and the iteration does not converge
  // (SciPy: LinAlgError "SVD did not converge"), with either driver.
  const Matrix inf = Matrix::Constant(3, 3, std::numeric_limits<double>::infinity());
  for (const SvdDriver driver : kDrivers) {
    BOOST_CHECK_EXCEPTION((void)linalg::svd(inf, {.check_finite = false, .lapack_driver = driver}), LinAlgError,
                          [](const LinAlgError& e) {
                            return std::string(e.what()).find("svd: SVD did not converge") != std::string::npos;
                          });
  }
}

BOOST_AUTO_TEST_SUITE_END()
