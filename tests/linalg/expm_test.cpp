#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/warnings.hpp>
#include <scilearn/linalg/expm.hpp>
#include <scilearn/linalg/trig_matrix.hpp>
#include <set>
#include <string>
#include <vector>

#include "linalg_testing.hpp"
#include "support/expect.hpp"

namespace {

using namespace scilearn;
using testing::eps;
using testing::message_of;
using testing::Real;

const std::string kDir = "linalg/expm";

// One row of tests/data/linalg/expm/cases.csv (tests/reference/linalg_expm.py).
struct Case {
  std::string name;
  char dtype;
  int m;         // SciPy's Pade degree (0: diagonal fast path)
  int s;         // SciPy's number of squarings
  double kappa;  // relative (Frobenius) condition number of the exponential
};

std::vector<Case> read_cases(const std::string& kind) {
  std::vector<Case> cases;
  for (const auto& f : testing::read_manifest(kDir + "/cases.csv")) {
    BOOST_TEST_REQUIRE(f.size() == 6u);
    if (f[1] == kind) cases.push_back({f[0], f[2][0], std::stoi(f[3]), std::stoi(f[4]), std::stod(f[5])});
  }
  BOOST_TEST_REQUIRE(cases.size() >= 8u);
  return cases;
}

template <class S>
MatrixT<S> load(const std::string& name) {
  return testing::load_fixture<S>(kDir, name);
}

// ||x - ref||_F / ||ref||_F.
template <class S>
double rel_error(const MatrixT<S>& x, const MatrixT<S>& ref) {
  return static_cast<double>((x - ref).norm() / ref.norm());
}

// Tolerance for two computed exponentials of a (SciPy's and ours): each has
// a relative error of order kappa u, with a constant that grows mildly with n
// (the rounding of the products); 20 n kappa eps covers both with room, and
// is still far below the error of a wrong degree or a missed squaring.
template <class S>
double tolerance(Index n, double kappa) {
  return 20.0 * static_cast<double>(std::max<Index>(n, 1)) * std::max(kappa, 1.0) * eps<S>();
}

template <class S>
MatrixT<S> identity(Index n) {
  return MatrixT<S>::Identity(n, n);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(expm)

template <class S>
void check_expm_case(const Case& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> a = load<S>(c.name + "_a");
    const MatrixT<S> ref = load<S>(c.name + "_x");
    const MatrixT<S> a0 = a;
    const MatrixT<S> x = linalg::expm(a);
    BOOST_TEST((a == a0));
    BOOST_TEST(rel_error<S>(x, ref) <= tolerance<S>(a.rows(), c.kappa));
    // exp(a) exp(-a) = I, to the accuracy of the two exponentials.
    const MatrixT<S> inverse = linalg::expm(MatrixT<S>(-a));
    BOOST_TEST(rel_error<S>(MatrixT<S>(x * inverse), identity<S>(a.rows())) <=
               tolerance<S>(a.rows(), c.kappa) * static_cast<double>(x.norm() * inverse.norm()));
    // Triangular in, exactly triangular out (SciPy's triu / tril).
    if (a.template triangularView<Eigen::StrictlyLower>().toDenseMatrix().isZero(0)) {
      BOOST_TEST(x.template triangularView<Eigen::StrictlyLower>().toDenseMatrix().isZero(0));
    }
    if (a.template triangularView<Eigen::StrictlyUpper>().toDenseMatrix().isZero(0)) {
      BOOST_TEST(x.template triangularView<Eigen::StrictlyUpper>().toDenseMatrix().isZero(0));
    }
  }
}

BOOST_AUTO_TEST_CASE(matches_scipy_for_every_type_degree_and_structure) {
  std::set<std::pair<char, int>> degrees;
  bool squared = false;
  for (const Case& c : read_cases("expm")) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_expm_case<S>(c); });
    degrees.insert({c.dtype, c.m});
    squared = squared || c.s >= 4;
  }
  // The fixtures reach every Pade degree and the diagonal path for every type.
  for (char code : {'f', 'd', 'c', 'z'}) {
    for (int m : {0, 3, 5, 7, 9, 13}) BOOST_TEST(degrees.count({code, m}) == 1u, code << " m " << m);
  }
  BOOST_TEST(squared);
}

template <class S>
void check_rotation() {
  using R = typename Eigen::NumTraits<S>::Real;
  // exp(t [[0, -1], [1, 0]]) is the rotation by t, from degree 3 (t small)
  // to many squarings (t = 40: about 5); the entries are O(1) and the
  // condition number O(t), hence the t in the bound.
  for (const double t : {1e-3, 0.1, 0.5, 3.0, 40.0}) {
    MatrixT<S> g(2, 2);
    g << S(0), S(static_cast<R>(-t)), S(static_cast<R>(t)), S(0);
    MatrixT<S> exact(2, 2);
    const auto c = static_cast<R>(std::cos(t)), s = static_cast<R>(std::sin(t));
    exact << S(c), S(-s), S(s), S(c);
    BOOST_TEST_CONTEXT("t = " << t) { BOOST_TEST(rel_error<S>(linalg::expm(g), exact) <= tolerance<S>(2, t)); }
  }
}

BOOST_AUTO_TEST_CASE(closed_forms_rotation_diagonal_nilpotent) {
  check_rotation<float>();
  check_rotation<double>();
  check_rotation<std::complex<float>>();
  check_rotation<std::complex<double>>();

  const Vector d{{-3.0, 0.0, 1.5, 20.0}};
  const Matrix x = linalg::expm(Matrix(d.asDiagonal()));
  BOOST_TEST(rel_error<double>(x, Matrix(d.array().exp().matrix().asDiagonal())) == 0.0);  // entrywise exp

  // Strictly upper triangular n: n^4 = 0, so exp(n) = I + n + n^2/2 + n^3/6.
  Matrix n{{0, 1, 2, 3}, {0, 0, 4, 5}, {0, 0, 0, 6}, {0, 0, 0, 0}};
  const Matrix n2 = n * n;
  const Matrix series = identity<double>(4) + n + n2 / 2 + n2 * n / 6;
  BOOST_TEST(rel_error<double>(linalg::expm(n), series) <= tolerance<double>(4, 10));

  // exp(a + b) = exp(a) exp(b) for commuting a, b (here b = 2a).
  std::srand(3);
  const Matrix a = Matrix::Random(6, 6);
  BOOST_TEST(rel_error<double>(linalg::expm(Matrix(3 * a)), Matrix(linalg::expm(a) * linalg::expm(Matrix(2 * a)))) <=
             tolerance<double>(6, 50));

  // Upper triangular 2 x 2 with equal and distinct diagonals (exp_sinch both ways).
  const Matrix same{{2, 5}, {0, 2}}, distinct{{1, 5}, {0, 3}};
  const Matrix same_exact{{std::exp(2.0), 5 * std::exp(2.0)}, {0, std::exp(2.0)}};
  const double sinch = (std::exp(3.0) - std::exp(1.0)) / 2;
  const Matrix distinct_exact{{std::exp(1.0), 5 * sinch}, {0, std::exp(3.0)}};
  BOOST_TEST(rel_error<double>(linalg::expm(same), same_exact) <= tolerance<double>(2, 10));
  BOOST_TEST(rel_error<double>(linalg::expm(distinct), distinct_exact) <= tolerance<double>(2, 10));
  BOOST_TEST(rel_error<double>(linalg::expm(Matrix(distinct.transpose())), Matrix(distinct_exact.transpose())) <=
             tolerance<double>(2, 10));
}

// From order 400 on, ||a^8|| and ||a^10|| are estimated (LAPACK's ?lacn2).
// a = h diag(d) h with h a Householder reflector (h = h^H = h^-1) has
// exp(a) = h diag(exp(d)) h; a is normal, so its condition number is ||a||_F
// at most (here ~ 40). Built in double precision (D) and rounded to S: Eigen
// mishandles std::complex<float> constants (misaligned packet loads).
template <class S, class D>
void check_estimated_norm_path() {
  const Index n = 420;
  VectorT<D> v(n);
  VectorT<D> d(n);
  for (Index i = 0; i < n; ++i) {
    const double t = static_cast<double>(i) / static_cast<double>(n);
    v(i) = D(std::cos(7 * t) + 0.5);
    if constexpr (Eigen::NumTraits<D>::IsComplex) v(i) += D(0, std::sin(3 * t));
    d(i) = D(6 * t - 3);  // spectrum in [-3, 3): degree 13, a squaring or two
  }
  const MatrixT<D> h = identity<D>(n) - (2 / v.squaredNorm()) * (v * v.adjoint());
  const MatrixT<S> a = (h * d.asDiagonal() * h).template cast<S>();
  const MatrixT<S> exact = (h * d.array().exp().matrix().asDiagonal() * h).template cast<S>();
  BOOST_TEST(rel_error<S>(linalg::expm(a), exact) <= tolerance<S>(n, 40));
}

BOOST_AUTO_TEST_CASE(large_order_uses_the_norm_estimator) {
  check_estimated_norm_path<double, double>();
  check_estimated_norm_path<std::complex<float>, std::complex<double>>();
}

BOOST_AUTO_TEST_CASE(errors_empty_scalar_and_nan) {
  const std::string msg = message_of<ValueError>([] { (void)linalg::expm(Matrix::Ones(2, 3)); });
  BOOST_TEST(msg.find("expm: a is 2x3") != std::string::npos, msg);
  Matrix a{{1, 2}, {3, 4}};
  a(1, 0) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)linalg::expm(a), ValueError);
  a(1, 0) = std::numeric_limits<double>::infinity();
  BOOST_CHECK_THROW((void)linalg::expm(a), ValueError);
  // Without the check, SciPy's behaviour: NaN propagates, no exception.
  a(1, 0) = std::numeric_limits<double>::quiet_NaN();
  BOOST_TEST(linalg::expm(a, {.check_finite = false}).array().isNaN().any());
  BOOST_TEST(linalg::expm(Matrix(0, 0)).size() == 0);
  BOOST_TEST(linalg::expm(MatrixT<std::complex<float>>(0, 0)).size() == 0);
  const Matrix one{{-2.5}};
  BOOST_TEST(linalg::expm(one)(0, 0) == std::exp(-2.5));
  // Zero matrix: identity exactly.
  BOOST_TEST((linalg::expm(Matrix::Zero(3, 3)) == identity<double>(3)));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(expm_frechet)

template <class S>
void check_frechet_case(const Case& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> a = load<S>(c.name + "_a");
    const MatrixT<S> e = load<S>(c.name + "_e");
    const MatrixT<S> a0 = a, e0 = e;
    const auto [x, l] = linalg::expm_frechet(a, e);
    BOOST_TEST((a == a0));
    BOOST_TEST((e == e0));
    const double tol = tolerance<S>(a.rows(), c.kappa);
    BOOST_TEST(rel_error<S>(x, load<S>(c.name + "_x")) <= tol);
    // L is as well conditioned as exp here (kappa is ||L|| ||a|| / ||exp a||).
    BOOST_TEST(rel_error<S>(l, load<S>(c.name + "_l")) <= tol);
    // The block method agrees, and compute_expm = false drops only the expm.
    const auto block = linalg::expm_frechet(a, e, {.method = linalg::ExpmFrechetMethod::block_enlarge});
    BOOST_TEST(rel_error<S>(block.frechet, l) <= 2 * tol);
    BOOST_TEST(rel_error<S>(block.expm, x) <= 2 * tol);
    const auto only = linalg::expm_frechet(a, e, {.compute_expm = false});
    BOOST_TEST(only.expm.size() == 0);
    BOOST_TEST((only.frechet == l));
    // L(a, e) is linear in e.
    const auto twice = linalg::expm_frechet(a, MatrixT<S>(Real<S>(2) * e));
    BOOST_TEST(rel_error<S>(twice.frechet, MatrixT<S>(Real<S>(2) * l)) <= tol);
  }
}

BOOST_AUTO_TEST_CASE(matches_scipy_for_every_type_and_degree) {
  std::set<std::pair<char, int>> degrees;
  for (const Case& c : read_cases("frechet")) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_frechet_case<S>(c); });
    degrees.insert({c.dtype, c.m});
  }
  for (char code : {'f', 'd', 'c', 'z'}) {
    for (int m : {3, 5, 7, 9, 13}) BOOST_TEST(degrees.count({code, m}) == 1u, code << " m " << m);
  }
}

// Central differences: (exp(a + h e) - exp(a - h e)) / 2h = L(a, e) + O(h^2)
// with a rounding error of O(u / h); h = u^(1/3) balances them, leaving a
// relative error of order u^(2/3) times the derivatives' scale.
template <class S>
void check_finite_differences(double scale) {
  std::srand(17);
  const MatrixT<S> a = MatrixT<S>::Random(5, 5) * Real<S>(scale);
  const MatrixT<S> e = MatrixT<S>::Random(5, 5);
  const double h = std::cbrt(eps<S>());
  const MatrixT<S> plus = linalg::expm(MatrixT<S>(a + Real<S>(h) * e));
  const MatrixT<S> minus = linalg::expm(MatrixT<S>(a - Real<S>(h) * e));
  const MatrixT<S> fd = (plus - minus) / Real<S>(2 * h);
  const MatrixT<S> l = linalg::expm_frechet(a, e).frechet;
  BOOST_TEST(rel_error<S>(l, fd) <= 50 * std::pow(eps<S>(), 2.0 / 3.0), "scale " << scale);
}

BOOST_AUTO_TEST_CASE(agrees_with_finite_differences) {
  for (const double scale : {0.001, 0.1, 0.5, 3.0}) {  // degrees 3 or 5, 7 or 9, 13 with squarings
    check_finite_differences<double>(scale);
    check_finite_differences<std::complex<double>>(scale);
  }
}

BOOST_AUTO_TEST_CASE(errors_and_empty) {
  const Matrix a = Matrix::Identity(2, 2);
  std::string msg = message_of<ValueError>([&] { (void)linalg::expm_frechet(a, Matrix::Ones(3, 3)); });
  BOOST_TEST(msg.find("a is 2x2 but e is 3x3") != std::string::npos, msg);
  msg = message_of<ValueError>([&] { (void)linalg::expm_frechet(Matrix::Ones(2, 3), Matrix::Ones(2, 3)); });
  BOOST_TEST(msg.find("expm_frechet: a is 2x3") != std::string::npos, msg);
  msg = message_of<ValueError>([&] { (void)linalg::expm_frechet(a, Matrix::Ones(2, 1)); });
  BOOST_TEST(msg.find("e is 2x1") != std::string::npos, msg);
  Matrix bad = a;
  bad(0, 1) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)linalg::expm_frechet(bad, a), ValueError);
  BOOST_CHECK_THROW((void)linalg::expm_frechet(a, bad), ValueError);
  BOOST_CHECK_NO_THROW((void)linalg::expm_frechet(a, bad, {.check_finite = false}));
  const auto empty = linalg::expm_frechet(Matrix(0, 0), Matrix(0, 0));
  BOOST_TEST(empty.expm.size() == 0);
  BOOST_TEST(empty.frechet.size() == 0);
  // At a = 0, L(0, e) = e.
  const Matrix e{{1, 2}, {3, 4}};
  BOOST_TEST(rel_error<double>(linalg::expm_frechet(Matrix::Zero(2, 2), e).frechet, e) <= eps<double>());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(trig_matrix)

template <class S>
void check_trig_case(const Case& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> a = load<S>(c.name + "_a");
    const MatrixT<S> a0 = a;
    const MatrixT<S> cos = linalg::cosm(a);
    const MatrixT<S> sin = linalg::sinm(a);
    const MatrixT<S> tan = linalg::tanm(a);
    BOOST_TEST((a == a0));
    // cos and sin come from exp(i a), kappa being its condition number; tan
    // adds a solve with cos(a), which here is well conditioned (norms <= 2).
    const double tol = tolerance<S>(a.rows(), c.kappa);
    BOOST_TEST(rel_error<S>(cos, load<S>(c.name + "_cos")) <= tol);
    BOOST_TEST(rel_error<S>(sin, load<S>(c.name + "_sin")) <= tol);
    BOOST_TEST(rel_error<S>(tan, load<S>(c.name + "_tan")) <= 10 * tol);
    // cos^2 + sin^2 = I (a commutes with itself).
    BOOST_TEST(rel_error<S>(MatrixT<S>(cos * cos + sin * sin), identity<S>(a.rows())) <= 10 * tol);
  }
}

BOOST_AUTO_TEST_CASE(matches_scipy_for_every_type) {
  for (const Case& c : read_cases("trig")) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_trig_case<S>(c); });
  }
}

BOOST_AUTO_TEST_CASE(closed_forms) {
  // Diagonal: entrywise cos, sin, tan; a rotation generator g: cos(t g) = cos t I.
  const Vector d{{0.3, -1.2, 2.0}};
  const Matrix a = d.asDiagonal();
  BOOST_TEST(rel_error<double>(linalg::cosm(a), Matrix(d.array().cos().matrix().asDiagonal())) <= 4 * eps<double>());
  BOOST_TEST(rel_error<double>(linalg::sinm(a), Matrix(d.array().sin().matrix().asDiagonal())) <= 4 * eps<double>());
  BOOST_TEST(rel_error<double>(linalg::tanm(a), Matrix(d.array().tan().matrix().asDiagonal())) <= 8 * eps<double>());
  const double t = 0.7;
  const Matrix g{{0, -t}, {t, 0}};
  BOOST_TEST(rel_error<double>(linalg::cosm(g), Matrix(std::cosh(t) * identity<double>(2))) <= 20 * eps<double>());
  BOOST_TEST(rel_error<double>(linalg::sinm(g), Matrix(std::sinh(t) / t * g)) <= 20 * eps<double>());
  // Complex input takes SciPy's (e^(ia) +- e^(-ia)) route; same values.
  const MatrixT<std::complex<double>> gc = g.cast<std::complex<double>>();
  BOOST_TEST(rel_error<std::complex<double>>(linalg::cosm(gc), linalg::cosm(g).cast<std::complex<double>>()) <=
             20 * eps<double>());
}

BOOST_AUTO_TEST_CASE(errors_warnings_and_empty) {
  BOOST_CHECK_THROW((void)linalg::cosm(Matrix::Ones(2, 3)), ValueError);
  BOOST_CHECK_THROW((void)linalg::sinm(MatrixT<std::complex<float>>::Ones(3, 2)), ValueError);
  const std::string msg = message_of<ValueError>([] { (void)linalg::tanm(Matrix::Ones(2, 3)); });
  BOOST_TEST(msg.find("tanm: a is 2x3") != std::string::npos, msg);
  Matrix nan = Matrix::Identity(2, 2);
  nan(0, 0) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)linalg::cosm(nan), ValueError);
  BOOST_CHECK_THROW((void)linalg::sinm(nan), ValueError);
  BOOST_CHECK_THROW((void)linalg::tanm(nan), ValueError);
  BOOST_TEST(linalg::cosm(nan, {.check_finite = false}).array().isNaN().any());
  BOOST_TEST(linalg::cosm(Matrix(0, 0)).size() == 0);
  BOOST_TEST(linalg::sinm(Matrix(0, 0)).size() == 0);
  BOOST_TEST(linalg::tanm(MatrixT<std::complex<double>>(0, 0)).size() == 0);
  // cos(pi / 2) ~ 6e-17: cos(a) is ill-conditioned, tanm warns as SciPy's solve.
  const Matrix near_pole = Vector{{std::acos(0.0), 0.0}}.asDiagonal();
  int warnings = 0;
  ScopedWarningHandler count([&](const Warning& w) { warnings += w.category == WarningCategory::linalg; });
  (void)linalg::tanm(near_pole);
  BOOST_TEST(warnings == 1);
}

BOOST_AUTO_TEST_SUITE_END()
