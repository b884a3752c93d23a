#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/linalg/eig_banded.hpp>
#include <string>

#include "eig_testing.hpp"
#include "support/expect.hpp"

using namespace scilearn;
using linalg::EigSelect;
using linalg::TridiagonalDriver;
using testing::EigCase;
using testing::eigenpair_ratio;
using testing::eigenvalue_ratio;
using testing::eps;
using testing::message_of;
using testing::orthonormality_ratio;

namespace {

EigSelect select_of(char c) { return c == 'i' ? EigSelect::i : c == 'v' ? EigSelect::v : EigSelect::a; }

std::optional<std::array<double, 2>> range_of(const EigCase& c) {
  if (c.select == 'a') return std::nullopt;
  return std::array<double, 2>{c.lo, c.hi};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(eig_banded)

template <class S>
void check_case(const EigCase& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> ab = testing::load_eig<S>(c, "ab");  // the unused corner holds 1e3
    const MatrixT<S> heff = testing::load_eig<S>(c, "heff");
    const Matrix w_ref = testing::load_fixture<double>(testing::kEigDir, c.name + "_w");
    const Index n = heff.rows();
    const linalg::EigBandedOptions options{
        .lower = c.lower, .select = select_of(c.select), .select_range = range_of(c)};
    const auto [w, v] = linalg::eig_banded(ab, options);
    BOOST_TEST(eigenvalue_ratio(w, w_ref, c.scale, n) <= 30.0);
    BOOST_TEST(v.rows() == n);
    BOOST_TEST(v.cols() == w.size());
    BOOST_TEST(eigenpair_ratio<S>(heff, v, w) <= 30.0);
    BOOST_TEST(orthonormality_ratio<S>(v, MatrixT<S>::Identity(n, n), 1.0) <= 30.0);
    BOOST_TEST(eigenvalue_ratio(linalg::eigvals_banded(ab, options), w_ref, c.scale, n) <= 30.0);
  }
}

BOOST_AUTO_TEST_CASE(matches_scipy_for_both_forms_and_every_select) {
  for (const EigCase& c : testing::read_eig_cases("eig_banded", 16)) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_case<S>(c); });
  }
}

BOOST_AUTO_TEST_CASE(docstring_example_matches_scipy) {
  // SciPy's eig_banded docstring: a 4 x 4 matrix with one lower off-diagonal band.
  const Matrix ab{{1, 2, 3, 4}, {0.5, 0.5, 0.5, 0}};
  const auto [w, v] = linalg::eig_banded(ab, {.lower = true});
  const Vector scipy_w{{0.77457781, 1.9775842, 3.0224158, 4.22542219}};
  BOOST_TEST((w - scipy_w).cwiseAbs().maxCoeff() <= 1e-8);
  const auto top = linalg::eig_banded(ab, {.lower = true, .select = EigSelect::i, .select_range = {{3, 3}}});
  BOOST_TEST(top.w.size() == 1);
  BOOST_TEST(std::abs(top.w(0) - 4.22542219) <= 1e-8);
  BOOST_TEST(top.v.rows() == 4);
  const Vector inside = linalg::eigvals_banded(ab, {.lower = true, .select = EigSelect::v, .select_range = {{1, 4}}});
  BOOST_TEST((inside - scipy_w.segment(1, 2)).cwiseAbs().maxCoeff() <= 1e-8);
  const auto none = linalg::eig_banded(ab, {.lower = true, .select = EigSelect::v, .select_range = {{10, 20}}});
  BOOST_TEST(none.w.size() == 0);
  BOOST_TEST(none.v.rows() == 4);  // SciPy: shape (4, 0)
  BOOST_TEST(none.v.cols() == 0);
}

BOOST_AUTO_TEST_CASE(a_diagonal_band_and_empty_input) {
  const Matrix diagonal{{3, 1, 2}};  // no off-diagonal: u = 0
  BOOST_TEST((linalg::eigvals_banded(diagonal) == Vector{{1, 2, 3}}));
  for (const Matrix& empty : {Matrix(0, 0), Matrix(0, 5), Matrix(2, 0)}) {  // SciPy: any empty a_band
    const auto r = linalg::eig_banded(empty, {.select = EigSelect::i});     // select is not checked then
    BOOST_TEST(r.w.size() == 0);
    BOOST_TEST(r.v.size() == 0);
  }
}

BOOST_AUTO_TEST_CASE(bad_select_range_is_a_value_error_with_scipy_messages) {
  const Matrix ab{{1, 2, 3, 4}, {0.5, 0.5, 0.5, 0}};
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::eig_banded(ab, {.select = EigSelect::v}); }) ==
             "eig_banded: select_range must be a 2-element array-like in nondecreasing order");
  BOOST_CHECK_THROW(linalg::eig_banded(ab, {.select = EigSelect::i, .select_range = {{2, 1}}}), ValueError);
  BOOST_TEST(message_of<ValueError>([&] {
               (void)linalg::eig_banded(ab, {.select = EigSelect::i, .select_range = {{0.5, 1}}});
             }) == "eig_banded: when using select=\"i\", select_range must contain integers, got 0.5, 1");
  BOOST_TEST(message_of<ValueError>([&] {
               (void)linalg::eig_banded(ab, {.select = EigSelect::i, .select_range = {{1, 4}}});
             }) == "eig_banded: select_range out of bounds (1, 4 for order 4)");
  BOOST_CHECK_THROW(linalg::eig_banded(ab, {.select = EigSelect::i, .select_range = {{-1, 0}}}), ValueError);
  // SciPy passes low == high to ?sbevx, which rejects it (a ValueError there too).
  BOOST_CHECK_THROW(linalg::eig_banded(ab, {.select = EigSelect::v, .select_range = {{2, 2}}}), ValueError);
  BOOST_CHECK_THROW(linalg::eig_banded(ab, {.select = static_cast<EigSelect>(7)}), ValueError);
  Matrix bad = ab;
  bad(1, 3) = std::numeric_limits<double>::quiet_NaN();  // outside the band, still checked, as SciPy
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::eig_banded(bad, {.lower = true}); }) ==
             "eig_banded: a_band must contain only finite values, but entry (1, 3) is nan");
  BOOST_TEST(linalg::eigvals_banded(bad, {.lower = true, .check_finite = false}).allFinite());
}

BOOST_AUTO_TEST_CASE(unchecked_nan_makes_sbevd_fail_to_converge) {
  const Matrix ab{{1, std::numeric_limits<double>::quiet_NaN(), 3, 4}, {0.5, 0.5, 0.5, 0}};
  const std::string message =
      message_of<LinAlgError>([&] { (void)linalg::eig_banded(ab, {.lower = true, .check_finite = false}); });
  BOOST_TEST(message.rfind("eig_banded: sbevd did not converge (LAPACK info=", 0) == 0);
}

BOOST_AUTO_TEST_CASE(input_is_not_modified) {
  const MatrixT<std::complex<double>> ab0{{{1, 0}, {2, 0}, {3, 0}}, {{0.5, 1}, {0.5, -1}, {0, 0}}};
  MatrixT<std::complex<double>> ab = ab0;
  (void)linalg::eig_banded(ab, {.lower = true});
  (void)linalg::eig_banded(ab, {.lower = true, .select = EigSelect::i, .select_range = {{0, 1}}});
  BOOST_TEST((ab == ab0));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(eigh_tridiagonal)

TridiagonalDriver driver_of(const std::string& name) {
  if (name == "auto") return TridiagonalDriver::automatic;
  if (name == "stemr") return TridiagonalDriver::stemr;
  if (name == "stebz") return TridiagonalDriver::stebz;
  if (name == "sterf") return TridiagonalDriver::sterf;
  if (name == "stev") return TridiagonalDriver::stev;
  BOOST_TEST_REQUIRE(name == "stevd");
  return TridiagonalDriver::stevd;
}

template <class R>
void check_case(const EigCase& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const VectorT<R> d = testing::load_eig<R>(c, "d").col(0);
    const VectorT<R> e = testing::load_eig<R>(c, "e").col(0);
    const Matrix w_ref = testing::load_fixture<double>(testing::kEigDir, c.name + "_w");
    const Index n = d.size();
    MatrixT<R> t = d.asDiagonal();
    t.diagonal(1) = e;
    t.diagonal(-1) = e;
    const linalg::EighTridiagonalOptions options{
        .select = select_of(c.select), .select_range = range_of(c), .lapack_driver = driver_of(c.driver)};
    BOOST_TEST(eigenvalue_ratio(linalg::eigvalsh_tridiagonal(d, e, options), w_ref, c.scale, n) <= 30.0);
    if (c.driver == "sterf") return;  // eigenvalues only
    const auto [w, v] = linalg::eigh_tridiagonal(d, e, options);
    BOOST_TEST(eigenvalue_ratio(w, w_ref, c.scale, n) <= 30.0);
    BOOST_TEST(v.cols() == w.size());
    BOOST_TEST(eigenpair_ratio<R>(t, v, w) <= 30.0);
    BOOST_TEST(orthonormality_ratio<R>(v, MatrixT<R>::Identity(n, n), 1.0) <= 30.0);
  }
}

BOOST_AUTO_TEST_CASE(matches_scipy_for_every_driver_and_select) {
  for (const EigCase& c : testing::read_eig_cases("eigh_tridiagonal", 20)) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) {
      if constexpr (!Eigen::NumTraits<S>::IsComplex) check_case<S>(c);
    });
  }
}

BOOST_AUTO_TEST_CASE(docstring_example_has_the_closed_form_eigenvalues) {
  const Vector d{{3, 3, 3}};
  const Vector e{{-1, -1}};
  const auto [w, v] = linalg::eigh_tridiagonal(d, e);
  const double r = std::sqrt(2.0);
  BOOST_TEST((w - Vector{{3 - r, 3, 3 + r}}).cwiseAbs().maxCoeff() <= 1e-15);
  // stebz honours tol: a loose one moves the eigenvalues by about that much.
  const Vector loose =
      linalg::eigvalsh_tridiagonal(d, e, {.select = EigSelect::i, .select_range = {{0, 2}}, .tol = 1e-3});
  BOOST_TEST((loose - w).cwiseAbs().maxCoeff() <= 1e-3);
}

BOOST_AUTO_TEST_CASE(order_one_takes_scipys_short_cut) {
  const Vector d{{2.5}};
  const Vector e(0);
  const auto r = linalg::eigh_tridiagonal(d, e);
  BOOST_TEST((r.w == d));
  BOOST_TEST((r.v == Matrix{{1.0}}));
  const auto outside = linalg::eigh_tridiagonal(d, e, {.select = EigSelect::v, .select_range = {{3, 4}}});
  BOOST_TEST(outside.w.size() == 0);
  BOOST_TEST(outside.v.rows() == 1);  // SciPy: shape (1, 0)
  BOOST_TEST(outside.v.cols() == 0);
  // As SciPy, the driver is not checked against select or eigvals_only at order 1.
  BOOST_TEST(linalg::eigh_tridiagonal(d, e, {.lapack_driver = TridiagonalDriver::sterf}).w(0) == 2.5);
}

BOOST_AUTO_TEST_CASE(bad_input_is_a_value_error_with_scipy_messages) {
  const Vector d{{1, 2, 3}};
  const Vector e{{1, 1}};
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::eigh_tridiagonal(d, Vector{{1.0}}); }) ==
             "eigh_tridiagonal: d (3) must have one more element than e (1)");
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::eigvalsh_tridiagonal(Vector(0), Vector(0)); }) ==
             "eigvalsh_tridiagonal: d (0) must have one more element than e (0)");
  BOOST_TEST(message_of<ValueError>([&] {
               (void)linalg::eigh_tridiagonal(d, e, {.lapack_driver = TridiagonalDriver::sterf});
             }) == "eigh_tridiagonal: sterf can only be used when eigvals_only is True");
  for (TridiagonalDriver drv : {TridiagonalDriver::sterf, TridiagonalDriver::stev, TridiagonalDriver::stevd}) {
    BOOST_CHECK_THROW(
        linalg::eigvalsh_tridiagonal(d, e, {.select = EigSelect::i, .select_range = {{0, 1}}, .lapack_driver = drv}),
        ValueError);
  }
  BOOST_TEST(message_of<ValueError>([&] {
               (void)linalg::eigh_tridiagonal(
                   d, e, {.select = EigSelect::i, .select_range = {{0, 1}}, .lapack_driver = TridiagonalDriver::stev});
             }) == "eigh_tridiagonal: stev can only be used when select == \"a\"");
  BOOST_CHECK_THROW(linalg::eigh_tridiagonal(d, e, {.select = EigSelect::i, .select_range = {{0, 3}}}), ValueError);
  BOOST_CHECK_THROW(linalg::eigh_tridiagonal(d, e, {.lapack_driver = static_cast<TridiagonalDriver>(9)}), ValueError);
  for (TridiagonalDriver drv : {TridiagonalDriver::stebz, TridiagonalDriver::stemr}) {
    BOOST_CHECK_THROW(
        linalg::eigh_tridiagonal(d, e, {.select = EigSelect::v, .select_range = {{1, 1}}, .lapack_driver = drv}),
        ValueError);
  }
  Vector bad = e;
  bad(1) = std::numeric_limits<double>::infinity();
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::eigh_tridiagonal(d, bad); }) ==
             "eigh_tridiagonal: e must contain only finite values, but entry (1, 0) is inf");
}

BOOST_AUTO_TEST_CASE(inputs_are_not_modified_by_any_driver) {
  const VectorT<float> d0{{4, -1, 2, 0.5f, 3}};
  const VectorT<float> e0{{1, 2, -1, 0.25f}};
  VectorT<float> d = d0;
  VectorT<float> e = e0;
  for (TridiagonalDriver drv :
       {TridiagonalDriver::stemr, TridiagonalDriver::stebz, TridiagonalDriver::stev, TridiagonalDriver::stevd}) {
    (void)linalg::eigh_tridiagonal(d, e, {.lapack_driver = drv});
  }
  (void)linalg::eigvalsh_tridiagonal(d, e, {.lapack_driver = TridiagonalDriver::sterf});
  BOOST_TEST((d == d0));
  BOOST_TEST((e == e0));
}

BOOST_AUTO_TEST_SUITE_END()
