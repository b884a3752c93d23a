#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/linalg/polar.hpp>
#include <scilearn/linalg/procrustes.hpp>
#include <scilearn/linalg/svd.hpp>

#include "svd_cases.hpp"

BOOST_AUTO_TEST_SUITE(polar)

using namespace scilearn;
using linalg::PolarSide;

namespace {

template <class S>
double rel_diff(const MatrixT<S>& x, const MatrixT<S>& ref) {
  const double scale = testing::norm1<S>(ref);
  return scale == 0 ? testing::norm1<S>(x) : testing::norm1<S>(x - ref) / scale;
}

// Columns (m >= n) or rows (m < n) orthonormal.
template <class S>
double semi_unitary_ratio(const MatrixT<S>& u) {
  return u.rows() >= u.cols() ? testing::orthonormality_ratio<S>(u)
                              : testing::orthonormality_ratio<S>(MatrixT<S>(u.adjoint()));
}

}  // namespace

// p = (a^H a)^(1/2) is unique and well conditioned (a perturbation of a moves
// it by at most sqrt(2) times as much), so 10 max(m, n) eps relative bounds it.
// u is unique only for full rank; it then moves by eps ||a|| / s_min:
// 10 max(m, n) eps cond. The reconstruction and orthonormality ratios are
// LAPACK's (O(1), < 30 accepted).
BOOST_AUTO_TEST_CASE(polar_matches_scipy) {
  testing::for_each_svd_case([](const testing::SvdCase& c, auto scalar) {
    using S = typename decltype(scalar)::type;
    if (c.kind == "large") return;
    const MatrixT<S> a = testing::load_fixture<S>(testing::kSvdDir, c.name + "_a");
    const MatrixT<S> original = a;
    const Vector s = testing::load_fixture<double>(testing::kSvdDir, c.name + "_s");
    const double tol = 10.0 * static_cast<double>(std::max(c.m, c.n)) * testing::eps<S>();
    const auto [u, p] = linalg::polar(a);
    BOOST_TEST_REQUIRE((u.rows() == c.m && u.cols() == c.n));
    BOOST_TEST_REQUIRE((p.rows() == c.n && p.cols() == c.n));
    BOOST_TEST(semi_unitary_ratio<S>(u) < 30.0);
    BOOST_TEST(rel_diff<S>(p, testing::load_fixture<S>(testing::kSvdDir, c.name + "_polar_p")) <= tol);
    if (c.kind == "zero") {
      BOOST_TEST(p.cwiseAbs().maxCoeff() == 0);
    } else {
      BOOST_TEST(testing::factorization_ratio<S>(a, MatrixT<S>(u * p)) < 30.0);
      BOOST_TEST(rel_diff<S>(MatrixT<S>(p.adjoint()), p) <= tol);  // Hermitian
    }
    if (c.rank == std::min(c.m, c.n)) {
      BOOST_TEST(rel_diff<S>(u, testing::load_fixture<S>(testing::kSvdDir, c.name + "_polar_u")) <=
                 tol * s(0) / s(c.rank - 1));
    }
    const auto [ul, pl] = linalg::polar(a, PolarSide::left);
    BOOST_TEST_REQUIRE((pl.rows() == c.m && pl.cols() == c.m));
    BOOST_TEST(rel_diff<S>(pl, testing::load_fixture<S>(testing::kSvdDir, c.name + "_polar_pl")) <= tol);
    if (c.kind != "zero") BOOST_TEST(testing::factorization_ratio<S>(a, MatrixT<S>(pl * ul)) < 30.0);
    BOOST_TEST((a == original));
  });
}

BOOST_AUTO_TEST_CASE(polar_closed_forms_and_empty_inputs) {
  // A rotation times a positive diagonal: u is the rotation, p the diagonal.
  const double c = std::cos(0.3);
  const double s = std::sin(0.3);
  const Matrix rot{{c, -s}, {s, c}};
  const Matrix d{{2, 0}, {0, 0.5}};
  const auto [u, p] = linalg::polar(Matrix(rot * d));
  BOOST_TEST((u - rot).cwiseAbs().maxCoeff() < 1e-15);
  BOOST_TEST((p - d).cwiseAbs().maxCoeff() < 1e-15);
  // SciPy 1.17.1's shapes for empty input: p is the zero matrix of its order.
  const auto tall = linalg::polar(Matrix(3, 0));
  BOOST_TEST((tall.u.rows() == 3 && tall.u.cols() == 0 && tall.p.size() == 0));
  const auto wide = linalg::polar(Matrix(0, 3));
  BOOST_TEST((wide.u.rows() == 0 && wide.u.cols() == 3));
  BOOST_TEST((wide.p == Matrix::Zero(3, 3)));
  BOOST_TEST((linalg::polar(Matrix(3, 0), PolarSide::left).p == Matrix::Zero(3, 3)));
}

BOOST_AUTO_TEST_CASE(polar_errors) {
  Matrix bad = Matrix::Identity(2, 2);
  bad(0, 0) = std::numeric_limits<double>::infinity();
  BOOST_CHECK_THROW((void)linalg::polar(bad), ValueError);
  BOOST_CHECK_THROW((void)linalg::polar(Matrix::Identity(2, 2), static_cast<PolarSide>(2)), ValueError);
}

// r is the unitary polar factor of M = a^H b, which moves by about
// 2 ||dM|| / (s_{n-1}(M) + s_n(M)); forming M costs ||dM|| <= m eps ||a|| ||b||.
// scale = sum s(M) moves by at most n ||dM||. Where M is nearly singular
// (Hilbert, rank-deficient a) r is not determined and only its defining
// properties are checked: unitary, and at least as good a fit as SciPy's.
BOOST_AUTO_TEST_CASE(orthogonal_procrustes_matches_scipy) {
  testing::for_each_svd_case([](const testing::SvdCase& c, auto scalar) {
    using S = typename decltype(scalar)::type;
    using R = testing::Real<S>;
    if (c.kind == "large") return;
    const MatrixT<S> a = testing::load_fixture<S>(testing::kSvdDir, c.name + "_a");
    const MatrixT<S> b = testing::load_fixture<S>(testing::kSvdDir, c.name + "_pb");
    const MatrixT<S> r_ref = testing::load_fixture<S>(testing::kSvdDir, c.name + "_pr");
    const auto [r, scale] = linalg::orthogonal_procrustes(a, b);
    static_assert(std::is_same_v<std::remove_cv_t<decltype(scale)>, R>);
    BOOST_TEST_REQUIRE((r.rows() == c.n && r.cols() == c.n));
    BOOST_TEST(testing::orthonormality_ratio<S>(r) < 30.0);
    const double dm = static_cast<double>(c.m) * testing::eps<S>() *
                      static_cast<double>(linalg::svdvals(a).maxCoeff() * linalg::svdvals(b).maxCoeff());
    BOOST_TEST(std::abs(static_cast<double>(scale) - c.procrustes_scale) <= 10.0 * static_cast<double>(c.n) * dm);
    const auto sm = linalg::svdvals(MatrixT<S>(a.adjoint() * b));
    const double gap = c.n >= 2 ? static_cast<double>(sm(c.n - 2) + sm(c.n - 1)) : static_cast<double>(sm(0));
    if (10.0 * 2.0 * dm / gap < 1e-2)
      BOOST_TEST(rel_diff<S>(r, r_ref) <= 10.0 * 2.0 * static_cast<double>(c.n) * dm / gap);
    const double fit = static_cast<double>((a * r - b).norm());
    const double fit_ref = static_cast<double>((a * r_ref - b).norm());
    BOOST_TEST(fit <= fit_ref + 10.0 * static_cast<double>(std::max(c.m, c.n)) * testing::eps<S>() *
                                    static_cast<double>(a.norm() + b.norm()));
  });
}

BOOST_AUTO_TEST_CASE(orthogonal_procrustes_closed_forms_and_errors) {
  const Matrix a{{1, 0}, {0, 1}, {1, 1}};
  const Matrix rot{{0, -1}, {1, 0}};
  const auto [r, scale] = linalg::orthogonal_procrustes(a, Matrix(a * rot));
  BOOST_TEST((r - rot).cwiseAbs().maxCoeff() < 1e-15);
  BOOST_TEST(scale == 4.0, boost::test_tools::tolerance(1e-15));  // the singular values of a^T a: 3 and 1
  // Empty: m == 0 gives an n x n orthogonal r (the identity, as SciPy) and scale 0.
  const auto e = linalg::orthogonal_procrustes(Matrix(0, 3), Matrix(0, 3));
  BOOST_TEST((e.r == Matrix::Identity(3, 3)));
  BOOST_TEST(e.scale == 0.0);
  BOOST_TEST(linalg::orthogonal_procrustes(Matrix(3, 0), Matrix(3, 0)).r.size() == 0);
  BOOST_CHECK_EXCEPTION(
      (void)linalg::orthogonal_procrustes(Matrix::Ones(2, 3), Matrix::Ones(3, 2)), ValueError,
      [](const ValueError& err) { return std::string(err.what()).find("2x3 vs 3x2") != std::string::npos; });
  Matrix bad = a;
  bad(0, 0) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)linalg::orthogonal_procrustes(bad, a), ValueError);
  BOOST_CHECK_THROW((void)linalg::orthogonal_procrustes(a, bad), ValueError);
  BOOST_CHECK_THROW((void)linalg::orthogonal_procrustes(a, bad, /*check_finite=*/false), ValueError);  // ?gesdd: NaN
}

BOOST_AUTO_TEST_SUITE_END()
