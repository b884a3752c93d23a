#include <boost/test/unit_test.hpp>
#include <limits>
#include <scilearn/linalg/special_matrices.hpp>
#include <scilearn/linalg/toeplitz.hpp>
#include <string>

#include "banded_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(toeplitz)

using namespace scilearn;
using testing::BandedCase;
using testing::eps;
using testing::message_of;
using testing::rel_error;
using testing::residual_ratio;

// ---- solve_toeplitz ---------------------------------------------------------

template <class S>
void check_toeplitz(const BandedCase& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const VectorT<S> col = testing::load_banded<S>(c.name + "_c");
    const bool has_r = !c.lower;  // lower = 1 marks r omitted (r = conj(c))
    const VectorT<S> row = has_r ? VectorT<S>(testing::load_banded<S>(c.name + "_r")) : VectorT<S>(col.conjugate());
    const MatrixT<S> b = testing::load_banded<S>(c.name + "_b");
    const MatrixT<S> x = testing::solve_as_scipy<S>(c.name, b, [&](const auto& rhs) {
      return has_r ? linalg::solve_toeplitz(col, row, rhs) : linalg::solve_toeplitz(col, rhs);
    });
    // The same recursion as SciPy's, in the same (double) precision and
    // order: the real cases agree bitwise; complex ones differ by the order
    // a compiler gives the complex products' roundings, and float ones by the
    // final rounding to S. 10 n eps(S) relative to x's norm covers both.
    const Index n = col.size();
    BOOST_TEST(rel_error<S>(x, testing::load_banded<S>(c.name + "_x")) <= 10 * static_cast<double>(n) * eps<S>());
    // Levinson is only weakly stable (Cybenko 1980), but for these matrices
    // (positive definite, or dominated by their diagonal) its residual is that
    // of a backward-stable solver: LAPACK's acceptance ratio 30 (measured: < 0.2).
    const MatrixT<S> t = linalg::toeplitz(col, row);
    BOOST_TEST(residual_ratio<S>(t, x, b) <= 30.0);
  }
}

BOOST_AUTO_TEST_CASE(solve_toeplitz_matches_scipy_on_every_reference_case) {
  for (const BandedCase& c : testing::read_banded_cases("solve_toeplitz")) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_toeplitz<S>(c); });
  }
}

BOOST_AUTO_TEST_CASE(solve_toeplitz_singular_minor_is_a_linalg_error_as_scipy) {
  for (const BandedCase& c : testing::read_banded_cases("solve_toeplitz_fail")) {
    BOOST_TEST_CONTEXT("case " << c.name) {
      const Vector col = testing::load_banded<double>(c.name + "_c");
      const Vector row = testing::load_banded<double>(c.name + "_r");
      const Vector b = testing::load_banded<double>(c.name + "_b");
      BOOST_CHECK_THROW((void)linalg::solve_toeplitz(col, row, b), LinAlgError);
    }
  }
  BOOST_TEST(message_of<LinAlgError>([] {
               (void)linalg::solve_toeplitz(Vector{{0.0, 1.0}}, Vector::Ones(2));
             }) == "solve_toeplitz: singular principal minor (the leading 1x1 submatrix is singular)");
  // {{1, 1, 3}, {1, 1, 1}, {2, 1, 1}} is nonsingular, but its leading 2x2 block is not.
  BOOST_TEST(message_of<LinAlgError>([] {
               (void)linalg::solve_toeplitz(Vector{{1.0, 1.0, 2.0}}, Vector{{1.0, 1.0, 3.0}}, Vector::Ones(3));
             }) == "solve_toeplitz: singular principal minor (the leading 2x2 submatrix is singular)");
}

BOOST_AUTO_TEST_CASE(solve_toeplitz_docstring_examples) {
  const Vector c{{1, 3, 6, 10}}, r{{1, -1, -2, -3}}, b{{1, 2, 2, 5}};
  const Vector x = linalg::solve_toeplitz(c, r, b);
  const Vector expected{{5.0 / 3, -1.0, -8.0 / 3, 7.0 / 3}};  // SciPy's docstring, exactly
  BOOST_TEST((x - expected).cwiseAbs().maxCoeff() <= 1e-14);
  BOOST_TEST((linalg::solve_toeplitz(Vector{{2, 1}}, Vector{{3, 3}}) - Vector{{1, 1}}).cwiseAbs().maxCoeff() <= 1e-15);
}

BOOST_AUTO_TEST_CASE(solve_toeplitz_takes_rows_or_columns_and_rejects_matrices) {
  const Eigen::RowVectorXd c{{4, 1, 0.5}};
  const Vector b{{1, 2, 3}};
  BOOST_TEST((linalg::solve_toeplitz(c, b) == linalg::solve_toeplitz(Vector(c.transpose()), b)));
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::solve_toeplitz(Matrix::Ones(2, 2), Vector::Ones(2)); }) ==
             "solve_toeplitz: c is 2x2, expected a vector");
}

BOOST_AUTO_TEST_CASE(solve_toeplitz_float_and_complex_float_run_in_double_as_scipy) {
  // SciPy upcasts float32 / complex64 to double for levinson; so does this
  // implementation, then rounds once: x is float(x_double).
  const VectorT<float> c{{4.0f, 1.0f, 0.25f, 0.1f}};
  const VectorT<float> b{{1.0f, -2.0f, 3.0f, 0.5f}};
  const Vector xd = linalg::solve_toeplitz(c.cast<double>().eval(), b.cast<double>().eval());
  BOOST_TEST((linalg::solve_toeplitz(c, b) == xd.cast<float>()));
  using CF = std::complex<float>;
  const VectorT<CF> cz{{CF(4, 0), CF(1, 1), CF(0, 0.5f)}};
  const VectorT<CF> bz{{CF(1, 0), CF(0, 1), CF(2, -1)}};
  const VectorT<std::complex<double>> xz =
      linalg::solve_toeplitz(cz.cast<std::complex<double>>().eval(), bz.cast<std::complex<double>>().eval());
  BOOST_TEST((linalg::solve_toeplitz(cz, bz) == xz.cast<CF>()));
}

BOOST_AUTO_TEST_CASE(solve_toeplitz_empty_shapes_and_nan) {
  BOOST_TEST(linalg::solve_toeplitz(Vector(0), Vector(0)).size() == 0);
  const Matrix x = linalg::solve_toeplitz(Vector::Ones(2), Matrix(2, 0));
  BOOST_TEST((x.rows() == 2 && x.cols() == 0));
  BOOST_TEST(message_of<ValueError>([] {
               (void)linalg::solve_toeplitz(Vector::Ones(3), Vector::Ones(2), Vector::Ones(3));
             }) == "solve_toeplitz: incompatible dimensions: c has 3 entries, r 2 and b 3 rows; expected all equal");
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::solve_toeplitz(Vector::Ones(3), Vector::Ones(2)); }) ==
             "solve_toeplitz: incompatible dimensions: c has 3 entries, r 3 and b 2 rows; expected all equal");
  Vector b{{1, 2}};
  b(0) = std::numeric_limits<double>::quiet_NaN();
  BOOST_TEST(message_of<ValueError>([&] {
               (void)linalg::solve_toeplitz(Vector{{2, 1}}, b);
             }) == "solve_toeplitz: b must contain only finite values, but entry (0, 0) is nan");
  BOOST_TEST(linalg::solve_toeplitz(Vector{{2, 1}}, b, {.check_finite = false}).hasNaN());
  const Vector r{{2, std::numeric_limits<double>::infinity()}};
  BOOST_CHECK_THROW((void)linalg::solve_toeplitz(Vector{{2, 1}}, r, Vector::Ones(2)), ValueError);
}

// ---- solve_circulant ---------------------------------------------------------

template <class S>
void check_circulant(const BandedCase& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const VectorT<S> col = testing::load_banded<S>(c.name + "_c");
    const MatrixT<S> b = testing::load_banded<S>(c.name + "_b");
    const bool lstsq = c.lower;  // lower = 1 marks singular = lstsq on a singular matrix
    const linalg::SolveCirculantOptions options{.singular = lstsq ? linalg::CirculantSingular::lstsq
                                                                  : linalg::CirculantSingular::raise};
    const MatrixT<S> x = testing::solve_as_scipy<S>(
        c.name, b, [&](const auto& rhs) { return linalg::solve_circulant(col, rhs, options); });
    const Index n = col.size();
    const MatrixT<S> a = linalg::circulant(col);
    if (lstsq) {
      // x is the minimum-norm least-squares solution: the normal equations
      // hold and x has no component in the null space (SciPy's x, to
      // rounding: the FFT is backward stable with error O(log n eps)).
      BOOST_TEST(rel_error<S>(x, testing::load_banded<S>(c.name + "_x")) <= 100 * static_cast<double>(n) * eps<S>());
      BOOST_TEST(testing::norm1<S>(a.adjoint() * (a * x - b)) <= 100 * static_cast<double>(n) * eps<S>() *
                                                                     testing::norm1<S>(a) * testing::norm1<S>(a) *
                                                                     testing::norm1<S>(x));
      BOOST_CHECK_THROW((void)linalg::solve_circulant(col, b), LinAlgError);
    } else {
      BOOST_TEST(rel_error<S>(x, testing::load_banded<S>(c.name + "_x")) <=
                 2 * 30 * static_cast<double>(n) * eps<S>() * c.cond);
      BOOST_TEST(residual_ratio<S>(a, x, b) <= 30.0);
    }
  }
}

BOOST_AUTO_TEST_CASE(solve_circulant_matches_scipy_on_every_reference_case) {
  for (const BandedCase& c : testing::read_banded_cases("solve_circulant")) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_circulant<S>(c); });
  }
}

BOOST_AUTO_TEST_CASE(solve_circulant_singular_raises_or_gives_least_squares) {
  const Vector ones = Vector::Ones(2);
  BOOST_TEST(message_of<LinAlgError>([&] { (void)linalg::solve_circulant(ones, ones); }) ==
             "solve_circulant: near singular circulant matrix");
  // {{1, 1}, {1, 1}} x = {1, -1}: b is orthogonal to the range, x = 0 (SciPy: [0, 0]).
  const Vector x = linalg::solve_circulant(ones, Vector{{1, -1}}, {.singular = linalg::CirculantSingular::lstsq});
  BOOST_TEST(x.cwiseAbs().maxCoeff() <= 1e-16);
  // With lstsq, several right-hand sides at once (SciPy 1.17.1 fails to
  // broadcast its mask for a 2-D b; column by column here).
  const Matrix b{{1, 2}, {3, 5}};
  const Matrix xs = linalg::solve_circulant(ones, b, {.singular = linalg::CirculantSingular::lstsq});
  for (Index j = 0; j < 2; ++j) {
    const Vector xj = linalg::solve_circulant(ones, Vector(b.col(j)), {.singular = linalg::CirculantSingular::lstsq});
    BOOST_TEST((xs.col(j) - xj).cwiseAbs().maxCoeff() <= 1e-15);
  }
  BOOST_TEST((xs.col(0) - Vector::Constant(2, 1.0)).cwiseAbs().maxCoeff() <= 1e-15);  // (1 + 3) / 4 each
}

BOOST_AUTO_TEST_CASE(solve_circulant_tol_sets_the_threshold) {
  // Eigenvalues of circulant({2, 1}) = {{2, 1}, {1, 2}}: 3 and 1.
  const Vector c{{2, 1}};
  const Vector b{{3, 3}};
  BOOST_TEST((linalg::solve_circulant(c, b, {.tol = 0.5}) - Vector{{1, 1}}).cwiseAbs().maxCoeff() <= 1e-15);
  BOOST_CHECK_THROW((void)linalg::solve_circulant(c, b, {.tol = 1.0}), LinAlgError);  // |1| <= tol
  // lstsq drops the eigenvalue 1, keeping b's component along (1, 1) / sqrt 2: x = {1, 1}.
  const Vector x = linalg::solve_circulant(c, b, {.singular = linalg::CirculantSingular::lstsq, .tol = 1.0});
  BOOST_TEST((x - Vector{{1, 1}}).cwiseAbs().maxCoeff() <= 1e-15);
}

BOOST_AUTO_TEST_CASE(solve_circulant_docstring_example_and_float) {
  const Vector x = linalg::solve_circulant(Vector{{2, 2, 5}}, Vector{{1, 2, 3}});
  BOOST_TEST((x - Vector{{5.0 / 9, -1.0 / 9, 2.0 / 9}}).cwiseAbs().maxCoeff() <= 1e-15);
  const VectorT<float> xf = linalg::solve_circulant(VectorT<float>{{2, 2, 5}}, VectorT<float>{{1, 2, 3}});
  BOOST_TEST((xf.cast<double>() - x).cwiseAbs().maxCoeff() <= 1e-6);
}

BOOST_AUTO_TEST_CASE(solve_circulant_empty_shapes_and_nan) {
  BOOST_TEST(linalg::solve_circulant(Vector(0), Vector(0)).size() == 0);
  BOOST_TEST(linalg::solve_circulant(Vector::Ones(3), Matrix(3, 0)).rows() == 3);
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::solve_circulant(Vector::Ones(2), Vector::Ones(3)); }) ==
             "solve_circulant: shapes of c (2 entries) and b (3x1) are incompatible");
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::solve_circulant(Matrix::Ones(2, 2), Vector::Ones(2)); }) ==
             "solve_circulant: c is 2x2, expected a vector");
  // No check_finite in SciPy's solve_circulant: NaN propagates (SciPy: [nan, nan]).
  const Vector b{{std::numeric_limits<double>::quiet_NaN(), 1.0}};
  BOOST_TEST(linalg::solve_circulant(Vector{{2, 1}}, b).hasNaN());
}

BOOST_AUTO_TEST_CASE(inputs_are_not_modified) {
  std::srand(23);
  using C = std::complex<double>;
  VectorT<C> c = VectorT<C>::Random(7);
  c(0) += C(5.0);
  const VectorT<C> r = VectorT<C>::Random(7);
  const MatrixT<C> b = MatrixT<C>::Random(7, 2);
  const VectorT<C> c0 = c, r0 = r;
  const MatrixT<C> b0 = b;
  (void)linalg::solve_toeplitz(c, r, b);
  (void)linalg::solve_toeplitz(c, b);
  (void)linalg::solve_circulant(c, b);
  BOOST_TEST((c == c0));
  BOOST_TEST((r == r0));
  BOOST_TEST((b == b0));
}

BOOST_AUTO_TEST_CASE(large_systems_against_dense_solutions) {
  // A symmetric positive definite Toeplitz matrix (an autocorrelation) of
  // order 300, where Levinson is as accurate as Cholesky (Cybenko 1980), and
  // a circulant one of order 2 * 3 * 5 * 7 (kissfft's mixed radices).
  const Index n = 300;
  Vector c(n);
  for (Index k = 0; k < n; ++k) c(k) = std::pow(0.7, static_cast<double>(k)) + (k == 0 ? 1.0 : 0.0);
  std::srand(29);
  const Matrix b = Matrix::Random(n, 2);
  BOOST_TEST(residual_ratio<double>(linalg::toeplitz(c), linalg::solve_toeplitz(c, b), b) <= 30.0);
  Vector cc = Vector::Random(210);
  cc(0) += 20.0;
  const Vector bc = Vector::Random(210);
  BOOST_TEST(residual_ratio<double>(linalg::circulant(cc), linalg::solve_circulant(cc, bc), bc) <= 30.0);
}

BOOST_AUTO_TEST_SUITE_END()
