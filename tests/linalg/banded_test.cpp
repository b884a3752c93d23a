#include <boost/test/unit_test.hpp>
#include <limits>
#include <scilearn/linalg/banded.hpp>
#include <string>

#include "banded_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(banded)

using namespace scilearn;
using testing::BandedCase;
using testing::dense_from_band;
using testing::dense_from_hermitian_band;
using testing::eps;
using testing::message_of;
using testing::Real;
using testing::rel_error;
using testing::residual_ratio;

// Two backward-stable solutions (ours, SciPy's) each lie within
// c n eps cond_1(a) of the exact x (Higham 2002, Thm 7.2), so of each other
// within twice that; c = 30, LAPACK's own acceptance ratio.
template <class S>
double forward_tolerance(const BandedCase& c, Index n) {
  return 2 * 30 * static_cast<double>(n) * eps<S>() * c.cond;
}

template <class S>
void check_solve_banded(const BandedCase& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> ab = testing::load_banded<S>(c.name + "_ab");
    const MatrixT<S> b = testing::load_banded<S>(c.name + "_b");
    const MatrixT<S> x = testing::solve_as_scipy<S>(c.name, b, [&](const auto& rhs) {
      return linalg::solve_banded({c.l, c.u}, ab, rhs);
    });
    BOOST_TEST(rel_error<S>(x, testing::load_banded<S>(c.name + "_x")) <= forward_tolerance<S>(c, ab.cols()));
    if (ab.cols() > 1) BOOST_TEST(residual_ratio<S>(dense_from_band<S>(ab, c.l, c.u), x, b) <= 30.0);
  }
}

BOOST_AUTO_TEST_CASE(solve_banded_matches_scipy_on_every_reference_case) {
  for (const BandedCase& c : testing::read_banded_cases("solve_banded")) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_solve_banded<S>(c); });
  }
}

// NaN in the corners of band storage that are outside the band: LAPACK never
// reads them (check_finite off, else the scan would reject them, as SciPy's).
template <class S>
MatrixT<S> poison_corners(MatrixT<S> ab, Index u) {
  const S nan(std::numeric_limits<Real<S>>::quiet_NaN());
  const Index n = ab.cols();
  for (Index j = 0; j < n; ++j)
    for (Index r = 0; r < ab.rows(); ++r) {
      const Index i = r - u + j;  // ab(r, j) = a(i, j)
      if (i < 0 || i >= n) ab(r, j) = nan;
    }
  return ab;
}

BOOST_AUTO_TEST_CASE(solve_banded_never_reads_outside_the_band) {
  for (const std::string name : {"sb_d_l1u1_n6_k0", "sb_d_l2u1_n7_k2", "sb_z_l3u0_n6_k1"}) {
    BOOST_TEST_CONTEXT("case " << name) {
      for (const BandedCase& c : testing::read_banded_cases("solve_banded")) {
        if (c.name != name) continue;
        testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) {
          const MatrixT<S> ab = testing::load_banded<S>(c.name + "_ab");
          const MatrixT<S> b = testing::load_banded<S>(c.name + "_b");
          const MatrixT<S> poisoned = poison_corners<S>(ab, c.u);
          BOOST_TEST(!poisoned.allFinite());
          BOOST_TEST((linalg::solve_banded({c.l, c.u}, poisoned, b, {.check_finite = false}) ==
                      linalg::solve_banded({c.l, c.u}, ab, b)));
        });
      }
    }
  }
}

template <class S>
void check_singular_banded(const BandedCase& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> ab = testing::load_banded<S>(c.name + "_ab");
    const MatrixT<S> b = testing::load_banded<S>(c.name + "_b");
    BOOST_TEST(message_of<LinAlgError>([&] {
                 (void)linalg::solve_banded({c.l, c.u}, ab, b);
               }) == "solve_banded: singular matrix");
  }
}

BOOST_AUTO_TEST_CASE(solve_banded_singular_is_a_linalg_error_as_scipy) {
  for (const BandedCase& c : testing::read_banded_cases("solve_banded_fail")) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_singular_banded<S>(c); });
  }
  // Order 1: SciPy divides by zero (inf); the singular matrix is reported here.
  BOOST_TEST(message_of<LinAlgError>([] {
               (void)linalg::solve_banded({0, 0}, Matrix{{0.0}}, Vector{{1.0}});
             }) == "solve_banded: singular matrix");
}

template <class S>
void check_solveh_banded(const BandedCase& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> ab = testing::load_banded<S>(c.name + "_ab");
    const MatrixT<S> b = testing::load_banded<S>(c.name + "_b");
    const MatrixT<S> a = dense_from_hermitian_band<S>(ab, c.lower);
    const double tol = forward_tolerance<S>(c, ab.cols());
    const MatrixT<S> x = testing::solve_as_scipy<S>(
        c.name, b, [&](const auto& rhs) { return linalg::solveh_banded(ab, rhs, {.lower = c.lower}); });
    BOOST_TEST(rel_error<S>(x, testing::load_banded<S>(c.name + "_x")) <= tol);
    BOOST_TEST(residual_ratio<S>(a, x, b) <= 30.0);

    // cholesky_banded: the same factor as SciPy's (a Cholesky factor is unique,
    // and perturbed by at most of order n eps cond relative), and a = u^H u.
    const MatrixT<S> cb = linalg::cholesky_banded(ab, {.lower = c.lower});
    BOOST_TEST(rel_error<S>(cb, testing::load_banded<S>(c.name + "_c")) <= tol);
    const Index kd = ab.rows() - 1;
    const MatrixT<S> f = c.lower ? dense_from_band<S>(cb, kd, 0) : dense_from_band<S>(cb, 0, kd);
    const MatrixT<S> product = c.lower ? MatrixT<S>(f * f.adjoint()) : MatrixT<S>(f.adjoint() * f);
    BOOST_TEST(testing::factorization_ratio<S>(a, product) <= 30.0);

    const MatrixT<S> xc = testing::solve_as_scipy<S>(c.name, b, [&](const auto& rhs) {
      return linalg::cho_solve_banded({cb, c.lower}, rhs);
    });
    BOOST_TEST(rel_error<S>(xc, testing::load_banded<S>(c.name + "_xc")) <= tol);
    BOOST_TEST(residual_ratio<S>(a, xc, b) <= 30.0);
  }
}

BOOST_AUTO_TEST_CASE(solveh_banded_and_cholesky_banded_match_scipy_on_every_reference_case) {
  for (const BandedCase& c : testing::read_banded_cases("solveh_banded")) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_solveh_banded<S>(c); });
  }
}

template <class S>
void check_not_positive_definite(const BandedCase& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> ab = testing::load_banded<S>(c.name + "_ab");
    const MatrixT<S> b = testing::load_banded<S>(c.name + "_b");
    const std::string order = std::to_string(c.error_order);
    BOOST_TEST(message_of<LinAlgError>([&] { (void)linalg::solveh_banded(ab, b, {.lower = c.lower}); }) ==
               "solveh_banded: the leading minor of order " + order + " is not positive definite");
    // ?pbtrf may stop at another order than ?pttrf (kd = 1), never succeed.
    BOOST_CHECK_THROW((void)linalg::cholesky_banded(ab, {.lower = c.lower}), LinAlgError);
  }
}

BOOST_AUTO_TEST_CASE(not_positive_definite_names_the_same_minor_as_scipy) {
  for (const BandedCase& c : testing::read_banded_cases("solveh_banded_fail")) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_not_positive_definite<S>(c); });
  }
  const Matrix ab{{0, 1, 1}, {4, -4, 4}};
  BOOST_TEST(message_of<LinAlgError>([&] { (void)linalg::cholesky_banded(ab); }) ==
             "cholesky_banded: the leading minor of order 2 is not positive definite");
}

BOOST_AUTO_TEST_CASE(docstring_examples) {
  const Matrix ab{{0, 0, -1, -1, -1}, {0, 2, 2, 2, 2}, {5, 4, 3, 2, 1}, {1, 1, 1, 1, 0}};
  const Vector x = linalg::solve_banded({1, 2}, ab, Vector{{0, 1, 2, 2, 3}});
  // SciPy's docstring: [-2.37288136, 3.93220339, -4., 4.3559322, -1.3559322]
  const Vector expected{{-140.0 / 59, 232.0 / 59, -4.0, 257.0 / 59, -80.0 / 59}};
  BOOST_TEST((x - expected).cwiseAbs().maxCoeff() <= 1e-14);

  const Matrix hb{{4, 5, 6, 7}, {2, 2, 2, 0}, {-1, -1, 0, 0}};
  const Vector y = linalg::solveh_banded(hb, Vector{{1, 2, 2, 3}}, {.lower = true});
  BOOST_TEST(residual_ratio<double>(dense_from_hermitian_band<double>(hb, true), y, Vector{{1, 2, 2, 3}}) <= 30.0);

  const Matrix cb = linalg::cholesky_banded(Matrix{{0, 1, 1}, {4, 4, 4}});
  BOOST_TEST(cb(0, 0) == 0.0);  // the unused corner, copied as SciPy
  BOOST_TEST(cb(1, 0) == 2.0);
  const Vector z = linalg::cho_solve_banded({cb, false}, Vector::Ones(3));
  BOOST_TEST(residual_ratio<double>(Matrix{{4, 1, 0}, {1, 4, 1}, {0, 1, 4}}, z, Vector::Ones(3)) <= 30.0);
}

BOOST_AUTO_TEST_CASE(inputs_are_not_modified) {
  std::srand(5);
  using C = std::complex<double>;
  MatrixT<C> ab = MatrixT<C>::Random(4, 9);
  ab.row(1).array() += C(6.0);  // (l, u) = (2, 1): a dominant diagonal
  MatrixT<C> tri = MatrixT<C>::Random(3, 9);
  tri.row(1).array() += C(4.0);
  MatrixT<C> hb = MatrixT<C>::Random(3, 9);
  hb.row(2).array() += C(8.0);  // upper form, kd = 2
  MatrixT<C> hb1 = hb.bottomRows(2);
  const MatrixT<C> b = MatrixT<C>::Random(9, 2);
  const MatrixT<C> ab0 = ab, tri0 = tri, hb0 = hb, hb10 = hb1, b0 = b;
  (void)linalg::solve_banded({2, 1}, ab, b);
  (void)linalg::solve_banded({1, 1}, tri, b);
  (void)linalg::solveh_banded(hb, b);
  (void)linalg::solveh_banded(hb1, b);
  const MatrixT<C> cb = linalg::cholesky_banded(hb);
  const MatrixT<C> cb0 = cb;
  (void)linalg::cho_solve_banded({cb, false}, b);
  BOOST_TEST((ab == ab0));
  BOOST_TEST((tri == tri0));
  BOOST_TEST((hb == hb0));
  BOOST_TEST((hb1 == hb10));
  BOOST_TEST((cb == cb0));
  BOOST_TEST((b == b0));
}

BOOST_AUTO_TEST_CASE(large_random_band_systems_have_small_backward_error) {
  std::srand(11);
  const Index n = 400;
  for (const auto& [l, u] : std::initializer_list<std::pair<Index, Index>>{{1, 1}, {7, 3}, {0, 40}}) {
    BOOST_TEST_CONTEXT("l = " << l << ", u = " << u) {
      Matrix ab = Matrix::Random(l + u + 1, n);
      ab.row(u).array() += 2.0 * static_cast<double>(l + u + 1);
      const Matrix b = Matrix::Random(n, 3);
      BOOST_TEST(residual_ratio<double>(dense_from_band<double>(ab, l, u), linalg::solve_banded({l, u}, ab, b), b) <=
                 30.0);
    }
  }
  for (const Index kd : {1, 5}) {
    Matrix hb = Matrix::Random(kd + 1, n);
    hb.row(0).array() += 2.0 * static_cast<double>(kd + 1);  // lower form: the diagonal first
    const Matrix b = Matrix::Random(n, 2);
    BOOST_TEST(residual_ratio<double>(dense_from_hermitian_band<double>(hb, true),
                                      linalg::solveh_banded(hb, b, {.lower = true}), b) <= 30.0);
  }
}

BOOST_AUTO_TEST_CASE(every_scalar_type_solves_each_routine) {
  // The fixtures cover all four types; this checks float's tolerance path
  // through the LAPACK routines SciPy picks (gtsv, gbsv, ptsv, pbsv).
  const MatrixT<float> tri{{0, 1, 1, 1}, {4, 4, 4, 4}, {1, 1, 1, 0}};
  const VectorT<float> b = VectorT<float>::Ones(4);
  const MatrixT<float> a = dense_from_band<float>(tri, 1, 1);
  BOOST_TEST(residual_ratio<float>(a, linalg::solve_banded({1, 1}, tri, b), b) <= 30.0);
  const MatrixT<float> gb{{0, 0, 0, 0}, {0, 1, 1, 1}, {4, 4, 4, 4}, {1, 1, 1, 0}};  // (l, u) = (1, 2)
  BOOST_TEST(residual_ratio<float>(a, linalg::solve_banded({1, 2}, gb, b), b) <= 30.0);
  BOOST_TEST(residual_ratio<float>(a, linalg::solveh_banded(MatrixT<float>(tri.topRows(2)), b), b) <= 30.0);
  BOOST_TEST(residual_ratio<float>(a, linalg::solveh_banded(MatrixT<float>(gb.topRows(3)), b), b) <= 30.0);
}

BOOST_AUTO_TEST_CASE(empty_inputs_give_empty_results_as_scipy) {
  BOOST_TEST(linalg::solve_banded({1, 1}, Matrix(3, 0), Vector(0)).size() == 0);
  const Matrix x = linalg::solve_banded({1, 1}, Matrix::Ones(3, 3), Matrix(3, 0));
  BOOST_TEST((x.rows() == 3 && x.cols() == 0));
  BOOST_TEST(linalg::solveh_banded(Matrix(2, 0), Vector(0)).size() == 0);
  BOOST_TEST(linalg::solveh_banded(Matrix(0, 3), Matrix(3, 0)).cols() == 0);  // empty b first, as SciPy
  const Matrix c = linalg::cholesky_banded(Matrix(2, 0));
  BOOST_TEST((c.rows() == 2 && c.cols() == 0));  // SciPy keeps ab's shape
  BOOST_TEST(linalg::cholesky_banded(Matrix(0, 3)).cols() == 3);
  BOOST_TEST(linalg::cho_solve_banded({Matrix::Ones(2, 3), false}, Matrix(3, 0)).rows() == 3);
}

BOOST_AUTO_TEST_CASE(wrong_shapes_are_value_errors_naming_them) {
  BOOST_TEST(message_of<ValueError>([] {
               (void)linalg::solve_banded({1, 1}, Matrix::Ones(3, 3), Vector::Ones(2));
             }) == "solve_banded: ab has 3 columns but b has 2 rows");
  BOOST_TEST(message_of<ValueError>([] {
               (void)linalg::solve_banded({1, 2}, Matrix::Ones(3, 3), Vector::Ones(3));
             }) ==
             "solve_banded: invalid values for the number of lower and upper diagonals: l+u+1 (4) does not equal "
             "ab.rows() (3)");
  BOOST_TEST(message_of<ValueError>([] {
               (void)linalg::solve_banded({-1, 3}, Matrix::Ones(3, 3), Vector::Ones(3));
             }) == "solve_banded: l and u must be non-negative, got (-1, 3)");
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::solveh_banded(Matrix::Ones(2, 3), Vector::Ones(2)); }) ==
             "solveh_banded: ab has 3 columns but b has 2 rows");
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::solveh_banded(Matrix(0, 3), Vector::Ones(3)); }) ==
             "solveh_banded: ab has no rows; expected kd + 1 >= 1 (the diagonal at least)");
  BOOST_TEST(message_of<ValueError>([] {
               (void)linalg::cho_solve_banded({Matrix::Ones(2, 3), false}, Vector::Ones(2));
             }) == "cho_solve_banded: cb has 3 columns but b has 2 rows");
  BOOST_TEST(message_of<ValueError>([] {
               (void)linalg::cho_solve_banded({Matrix(0, 3), true}, Vector::Ones(3));
             }) == "cho_solve_banded: cb has no rows; expected kd + 1 >= 1 (the diagonal at least)");
}

BOOST_AUTO_TEST_CASE(nan_or_inf_is_a_value_error_unless_unchecked) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  Matrix ab{{0, 1, 1}, {4, 4, 4}, {1, 1, 0}};
  Vector b = Vector::Ones(3);
  ab(0, 0) = nan;  // an unused corner: SciPy scans all of ab
  BOOST_TEST(message_of<ValueError>([&] {
               (void)linalg::solve_banded({1, 1}, ab, b);
             }) == "solve_banded: ab must contain only finite values, but entry (0, 0) is nan");
  BOOST_TEST(linalg::solve_banded({1, 1}, ab, b, {.check_finite = false}).allFinite());
  BOOST_CHECK_THROW((void)linalg::solveh_banded(ab.topRows(2).eval(), b), ValueError);
  BOOST_TEST(linalg::solveh_banded(ab.topRows(2).eval(), b, {.check_finite = false}).allFinite());
  BOOST_CHECK_THROW((void)linalg::cholesky_banded(ab.topRows(2).eval()), ValueError);
  const Matrix cb = linalg::cholesky_banded(ab.topRows(2).eval(), {.check_finite = false});
  BOOST_CHECK_THROW((void)linalg::cho_solve_banded({cb, false}, b), ValueError);  // the corner is still NaN
  BOOST_TEST(linalg::cho_solve_banded({cb, false}, b, {.check_finite = false}).allFinite());
  b(1) = std::numeric_limits<double>::infinity();
  BOOST_TEST(message_of<ValueError>([&] {
               (void)linalg::solve_banded({1, 1}, Matrix::Ones(3, 3), b);
             }) == "solve_banded: b must contain only finite values, but entry (1, 0) is inf");
}

BOOST_AUTO_TEST_SUITE_END()
