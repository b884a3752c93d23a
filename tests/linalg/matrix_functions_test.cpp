#include <Eigen/Eigenvalues>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <complex>
#include <limits>
#include <numbers>
#include <scilearn/core/warnings.hpp>
#include <scilearn/linalg/matrix_functions.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "linalg_testing.hpp"
#include "support/expect.hpp"

using namespace scilearn;
using testing::eps;
using testing::message_of;
using testing::Real;

namespace {

const std::string kDir = "linalg/funm";

// One row of tests/data/linalg/funm/cases.csv (tests/reference/linalg_funm.py).
struct Case {
  std::string name;
  char dtype;
  Index n;
  double t;
  std::string func;
  bool is_real;
  double errest;
  double tol;
  std::string input;
};

std::vector<Case> read_cases(const std::string& kind) {
  std::vector<Case> cases;
  for (const auto& f : testing::read_manifest(kDir + "/cases.csv")) {
    BOOST_TEST_REQUIRE(f.size() == 10u);
    if (f[1] == kind) {
      cases.push_back(
          {f[0], f[2][0], std::stoi(f[3]), std::stod(f[4]), f[5], f[6] == "1", std::stod(f[7]), std::stod(f[8]), f[9]});
    }
  }
  BOOST_TEST_REQUIRE(cases.size() >= 40u);
  return cases;
}

template <class S>
using CMatrix = MatrixT<std::complex<Real<S>>>;

// ||x - ref||_F / ||ref||_F in units of n eps of S (ref's norm at least 1:
// absolute for tiny values).
template <class R>
double distance(const MatrixT<std::complex<R>>& x, const MatrixT<std::complex<R>>& ref) {
  const double n = static_cast<double>(std::max<Index>(1, ref.rows()));
  return static_cast<double>((x - ref).norm()) /
         (std::max(1.0, static_cast<double>(ref.norm())) * n * std::numeric_limits<R>::epsilon());
}

// Counts warnings by category for the scope.
struct WarningCount {
  int linalg = 0;
  int user = 0;
  int runtime = 0;
  ScopedWarningHandler handler{[this](const Warning& w) {
    linalg += w.category == WarningCategory::linalg;
    user += w.category == WarningCategory::user;
    runtime += w.category == WarningCategory::runtime;
  }};
};

// The scalar functions the reference script gives funm (NumPy's exp, cos and
// principal sqrt on complex values).
template <class R>
std::complex<R> apply(const std::string& func, std::complex<R> x) {
  if (func == "exp") return std::exp(x);
  if (func == "cos") return std::cos(x);
  BOOST_TEST_REQUIRE(func == "sqrt");
  return std::sqrt(x);
}

// The SciPy fixture comparison: same real / complex decision, value within
// tol (the manifest's, else a default) n eps of SciPy's. The default covers
// the difference of two backward-stable Schur methods times the (modest)
// condition of these well separated spectra; `slack` widens it for float,
// whose SciPy reference is computed in float32 (sqrtm, funm) while logm and
// fractional_matrix_power are computed here in double from the float input.
template <class S, class F>
void check_fixture(const Case& c, F&& compute, double default_tol) {
  const MatrixT<S> a = testing::load_fixture<S>(kDir, c.input + "_a");
  const MatrixT<S> a_copy = a;
  const std::string x_name = c.name + "_x";
  const CMatrix<S> ref =
      testing::is_complex_fixture(kDir, x_name)
          ? testing::load_fixture<std::complex<Real<S>>>(kDir, x_name)
          : CMatrix<S>(testing::load_fixture<Real<S>>(kDir, x_name).template cast<std::complex<Real<S>>>());
  WarningCount quiet;
  const auto got = compute(a);
  BOOST_TEST((a == a_copy));
  if (got.is_real && !c.is_real && std::is_same_v<S, float>) {
    // SciPy's float32 logm factors in float32 and tests the float64 result's
    // imaginary parts against 1e6 float64 eps: float32 rounding noise alone
    // can make it complex. Ours may then be real; SciPy's imaginary parts
    // must be that noise.
    BOOST_TEST(static_cast<double>(ref.imag().cwiseAbs().maxCoeff()) <=
               1e3 * eps<S>() * std::max(1.0, static_cast<double>(ref.cwiseAbs().maxCoeff())));
  } else {
    BOOST_TEST(got.is_real == c.is_real);
  }
  if (got.is_real) BOOST_TEST(got.value.imag().cwiseAbs().maxCoeff() == Real<S>(0));
  const double tol = c.tol > 0 ? c.tol : default_tol;
  if (ref.allFinite()) {
    BOOST_TEST(distance<Real<S>>(got.value, ref) <= tol);
  } else {
    // SciPy's NaN result (fractional_matrix_power of a singular a, t < 0).
    BOOST_TEST(got.value.array().isNaN().all());
    BOOST_TEST(ref.array().isNaN().all());
  }
}

template <class S>
MatrixT<S> sample(Index n, unsigned seed) {
  std::srand(seed);
  return MatrixT<S>::Random(n, n);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sqrtm)

BOOST_AUTO_TEST_CASE(matches_scipy_fixtures) {
  for (const Case& c : read_cases("sqrtm")) {
    BOOST_TEST_CONTEXT(c.name) {
      testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) {
        check_fixture<S>(
            c, [](const MatrixT<S>& a) { return linalg::sqrtm(a); }, 200);
      });
    }
  }
}

// The defining equation: ||x x - a||_F of order n eps ||x||_F^2 (Higham 1987:
// the Schur method's residual bound, which holds for any conditioning).
BOOST_AUTO_TEST_CASE(squares_back_to_a_for_every_scalar) {
  auto check = []<class S>(std::type_identity<S>) {
    for (Index n : {2, 5, 9, 40}) {
      const MatrixT<S> a = sample<S>(n, static_cast<unsigned>(n));
      const auto x = linalg::sqrtm(a);
      const CMatrix<S> xc = x.value;
      const double residual = static_cast<double>((xc * xc - a.template cast<std::complex<Real<S>>>()).norm()) /
                              (static_cast<double>(n) * eps<S>() * static_cast<double>(xc.squaredNorm()));
      BOOST_TEST(residual < 10.0, "n = " << n << ": ratio " << residual);
      // The principal root: every eigenvalue of x in the closed right half
      // plane (on the imaginary axis for a's negative eigenvalues, up to rounding).
      const auto w =
          Eigen::ComplexEigenSolver<CMatrix<double>>(testing::widen(xc)).eigenvalues();  // see testing::widen
      BOOST_TEST((w.real().array() >= -100 * eps<S>() * static_cast<double>(xc.norm())).all());
    }
  };
  check(std::type_identity<float>{});
  check(std::type_identity<double>{});
  check(std::type_identity<std::complex<float>>{});
  check(std::type_identity<std::complex<double>>{});
}

BOOST_AUTO_TEST_CASE(real_input_real_result_unless_a_negative_eigenvalue) {
  // Complex conjugate eigenvalues: a real root (Higham's real Schur method).
  const Matrix rotation{{0.0, -2.0}, {2.0, 0.0}};
  const auto r = linalg::sqrtm(rotation);
  BOOST_TEST(r.is_real);
  const Matrix x = r.real();
  BOOST_TEST((x * x - rotation).norm() < 10 * eps<double>());
  BOOST_TEST(x(0, 0) == 1.0, boost::test_tools::tolerance(1e-14));  // sqrt(2i) = 1 + i
  // A negative eigenvalue: SciPy's complex result, here diag(i, 2).
  const auto c = linalg::sqrtm(Matrix{{-1.0, 0.0}, {0.0, 4.0}});
  BOOST_TEST(!c.is_real);
  BOOST_TEST(std::abs(c.value(0, 0) - std::complex<double>(0, 1)) < 1e-15);
  BOOST_TEST(std::abs(c.value(1, 1) - 2.0) < 1e-15);
  BOOST_TEST(message_of<ValueError>([&] { (void)c.real(); }).find("complex") != std::string::npos);
  // Complex input is complex output, even with a real value.
  BOOST_TEST(!linalg::sqrtm(CMatrix<double>::Identity(2, 2)).is_real);
}

BOOST_AUTO_TEST_CASE(one_by_one_and_empty) {
  BOOST_TEST(linalg::sqrtm(Matrix{{4.0}}).real()(0, 0) == 2.0);
  const auto negative = linalg::sqrtm(MatrixT<float>{{-4.0f}});
  BOOST_TEST(!negative.is_real);
  BOOST_TEST(std::abs(negative.value(0, 0) - std::complex<float>(0, 2)) < 1e-6f);
  const auto empty = linalg::sqrtm(Matrix(0, 0));
  BOOST_TEST(empty.value.size() == 0);
  BOOST_TEST(empty.is_real);
  BOOST_TEST(!linalg::sqrtm(CMatrix<float>(0, 0)).is_real);
}

BOOST_AUTO_TEST_CASE(singular_warns_and_no_root_gives_inf) {
  {
    WarningCount count;
    const Matrix x = linalg::sqrtm(Matrix{{1.0, 0.0}, {0.0, 0.0}}).real();
    BOOST_TEST(count.linalg == 1);
    BOOST_TEST(x(0, 0) == 1.0);
    BOOST_TEST(x(1, 1) == 0.0);
  }
  {
    // [[0, 1], [0, 0]] has no square root: SciPy's [[0, inf], [0, 0]].
    WarningCount count;
    const Matrix x = linalg::sqrtm(Matrix{{0.0, 1.0}, {0.0, 0.0}}).real();
    BOOST_TEST(count.linalg == 1);
    BOOST_TEST(std::isinf(x(0, 1)));
  }
  {
    WarningCount count;
    (void)linalg::sqrtm(CMatrix<double>::Zero(3, 3));
    BOOST_TEST(count.linalg == 1);
  }
}

BOOST_AUTO_TEST_CASE(errors) {
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::sqrtm(Matrix::Ones(2, 3)); }) ==
             "sqrtm: a is 2x3, expected a square matrix");
  Matrix a = Matrix::Identity(2, 2);
  a(1, 0) = std::numeric_limits<double>::quiet_NaN();
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::sqrtm(a); }).find("finite") != std::string::npos);
  // Without the check NaN propagates, as SciPy's sqrtm (which has no check).
  BOOST_CHECK_NO_THROW((void)linalg::sqrtm(Matrix::Identity(2, 2), {.check_finite = false}));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(logm)

BOOST_AUTO_TEST_CASE(matches_scipy_fixtures) {
  for (const Case& c : read_cases("logm")) {
    BOOST_TEST_CONTEXT(c.name) {
      testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) {
        check_fixture<S>(
            c, [](const MatrixT<S>& a) { return linalg::logm(a); }, 200);
      });
    }
  }
}

BOOST_AUTO_TEST_CASE(closed_forms) {
  // Diagonal: the scalar logarithms.
  const auto d = linalg::logm(Matrix(Vector{{0.5, 2.0, 7.0}}.asDiagonal()));
  BOOST_TEST(d.is_real);
  const Matrix ld = d.real();
  BOOST_TEST(std::abs(ld(0, 0) - std::log(0.5)) < 4 * eps<double>());
  BOOST_TEST(std::abs(ld(2, 2) - std::log(7.0)) < 4 * eps<double>());
  BOOST_TEST(std::abs(ld(0, 1)) == 0.0);
  // A rotation by theta (|theta| < pi): the skew matrix theta [[0, -1], [1, 0]].
  for (double theta : {0.3, 2.0, 3.0}) {
    const Matrix rotation{{std::cos(theta), -std::sin(theta)}, {std::sin(theta), std::cos(theta)}};
    const auto r = linalg::logm(rotation);
    BOOST_TEST(r.is_real);
    const Matrix expected{{0.0, -theta}, {theta, 0.0}};
    BOOST_TEST((r.real() - expected).norm() < 20 * eps<double>(), "theta " << theta);
  }
  // -I: i pi I (complex, as SciPy), and a scalar multiple of the identity.
  const auto minus = linalg::logm(-Matrix::Identity(3, 3));
  BOOST_TEST(!minus.is_real);
  BOOST_TEST((minus.value - std::complex<double>(0, std::numbers::pi) * CMatrix<double>::Identity(3, 3)).norm() <
             10 * eps<double>());
  // A Jordan block: log [[l, 1], [0, l]] = [[log l, 1 / l], [0, log l]].
  const auto j = linalg::logm(Matrix{{3.0, 1.0}, {0.0, 3.0}}).real();
  BOOST_TEST(std::abs(j(0, 1) - 1.0 / 3.0) < 4 * eps<double>());
}

// logm(x^2) = 2 logm(x) for x = sqrtm(a) (both principal: the eigenvalues of
// logm(x) have imaginary parts in (-pi/2, pi/2]). The error is that of two
// logarithms of matrices with condition about 1 here (spectra near 4).
BOOST_AUTO_TEST_CASE(consistent_with_sqrtm) {
  auto check = []<class S>(std::type_identity<S>) {
    const Index n = 6;
    MatrixT<S> a = sample<S>(n, 11);
    a.diagonal().array() += S(4);
    const auto x = linalg::sqrtm(a);
    const CMatrix<S> log_a = linalg::logm(a).value;
    const CMatrix<S> log_x = linalg::logm(x.value).value;
    const CMatrix<S> log_xx = linalg::logm(CMatrix<S>(x.value * x.value)).value;
    BOOST_TEST(distance<Real<S>>(CMatrix<S>(Real<S>(2) * log_x), log_a) < 100);
    BOOST_TEST(distance<Real<S>>(log_xx, log_a) < 100);
  };
  check(std::type_identity<float>{});
  check(std::type_identity<double>{});
  check(std::type_identity<std::complex<float>>{});
  check(std::type_identity<std::complex<double>>{});
}

BOOST_AUTO_TEST_CASE(singular_warns_as_scipy) {
  WarningCount count;
  const auto x = linalg::logm(Matrix{{0.0, 2.0}, {0.0, 1.0}});
  BOOST_TEST(count.user == 1);
  // SciPy: [[-46.05170186, 92.10340372], [0, 0]] (the zero eigenvalue taken as 1e-20).
  BOOST_TEST(x.is_real);
  BOOST_TEST(std::abs(x.value(0, 0).real() - std::log(1e-20)) < 1e-12);
  BOOST_TEST(std::abs(x.value(0, 1).real() + 2 * std::log(1e-20)) < 1e-11);
  WarningCount nearly;
  (void)linalg::logm(Matrix{{1e-25, 2.0}, {0.0, 1.0}});
  BOOST_TEST(nearly.user == 1);
}

BOOST_AUTO_TEST_CASE(one_by_one_empty_and_errors) {
  BOOST_TEST(std::abs(linalg::logm(Matrix{{std::exp(1.5)}}).real()(0, 0) - 1.5) < 4 * eps<double>());
  const auto negative = linalg::logm(MatrixT<float>{{-1.0f}});
  BOOST_TEST(!negative.is_real);
  BOOST_TEST(std::abs(negative.value(0, 0) - std::complex<float>(0, std::numbers::pi_v<float>)) < 1e-6f);
  BOOST_TEST(linalg::logm(MatrixT<std::complex<double>>(0, 0)).value.size() == 0);
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::logm(Matrix::Ones(3, 2)); }) ==
             "logm: a is 3x2, expected a square matrix");
  Matrix a = Matrix::Identity(2, 2);
  a(0, 1) = std::numeric_limits<double>::infinity();
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::logm(a); }).find("finite") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(funm)

BOOST_AUTO_TEST_CASE(matches_scipy_fixtures) {
  for (const Case& c : read_cases("funm")) {
    BOOST_TEST_CONTEXT(c.name) {
      testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) {
        using R = Real<S>;
        double errest = 0;
        check_fixture<S>(
            c,
            [&](const MatrixT<S>& a) {
              auto r = linalg::funm(a, [&](std::complex<R> x) { return apply<R>(c.func, x); }, {.disp = false});
              errest = static_cast<double>(r.errest);
              return r;
            },
            200);
        // The estimate, eps ||triu(T, 1)|| / minden, comes from the same Schur
        // form: equal up to the rounding of the smallest eigenvalue gap minden,
        // or both clamped. That rounding is relative n eps ||a|| / minden:
        // 0.5 % in float on near_identity5's clustered eigenvalues under other
        // OpenBLAS kernel families, well below 1e-3 in double.
        const double rel = std::is_same_v<R, float> ? 2e-2 : 1e-3;
        BOOST_TEST(std::abs(errest - c.errest) <= rel * c.errest + 1e-30, errest << " vs SciPy " << c.errest);
      });
    }
  }
}

// Polynomials are exact: funm(a, x) = a and funm(a, x^2) = a a; the square
// root agrees with sqrtm (same Schur form, same recurrence in exact arithmetic).
BOOST_AUTO_TEST_CASE(polynomials_and_sqrt) {
  auto check = []<class S>(std::type_identity<S>) {
    using R = Real<S>;
    using C = std::complex<R>;
    const Index n = 7;
    MatrixT<S> a = sample<S>(n, 5);
    a.diagonal().array() += S(3);
    const CMatrix<S> ac = a.template cast<C>();
    const auto identity = linalg::funm(a, [](C x) { return x; });
    BOOST_TEST(distance<R>(identity.value, ac) < 50);
    BOOST_TEST(identity.is_real == !Eigen::NumTraits<S>::IsComplex);
    const auto square = linalg::funm(a, [](C x) { return x * x; });
    BOOST_TEST(distance<R>(square.value, CMatrix<S>(ac * ac)) < 200);
    const auto root = linalg::funm(a, [](C x) { return std::sqrt(x); });
    BOOST_TEST(distance<R>(root.value, linalg::sqrtm(a).value) < 200);
    BOOST_TEST(root.errest < R(1e-3));
  };
  check(std::type_identity<float>{});
  check(std::type_identity<double>{});
  check(std::type_identity<std::complex<float>>{});
  check(std::type_identity<std::complex<double>>{});
}

BOOST_AUTO_TEST_CASE(defective_input_reports_a_large_error) {
  const Matrix jordan{{1.0, 2.0}, {0.0, 1.0}};
  auto exp = [](std::complex<double> x) { return std::exp(x); };
  WarningCount count;
  const auto r = linalg::funm(jordan, exp);
  BOOST_TEST(count.runtime == 1);  // SciPy prints "funm result may be inaccurate"
  BOOST_TEST(r.errest == 1.0);
  WarningCount silent;
  (void)linalg::funm(jordan, exp, {.disp = false});
  BOOST_TEST(silent.runtime == 0);
  // A non-finite value: errest is infinite.
  const auto inf =
      linalg::funm(Matrix{{0.0, 1.0}, {0.0, 2.0}}, [](std::complex<double> x) { return 1.0 / x; }, {.disp = false});
  BOOST_TEST(std::isinf(inf.errest));
}

BOOST_AUTO_TEST_CASE(one_by_one_empty_and_errors) {
  const auto one = linalg::funm(Matrix{{2.0}}, [](std::complex<double> x) { return std::exp(x); });
  BOOST_TEST(one.real()(0, 0) == std::exp(2.0));
  BOOST_TEST(one.errest == eps<double>());
  const auto empty = linalg::funm(MatrixT<float>(0, 0), [](std::complex<float> x) { return x; });
  BOOST_TEST(empty.value.size() == 0);
  BOOST_TEST(empty.errest == 0.0f);
  BOOST_TEST(message_of<ValueError>([] {
               (void)linalg::funm(Matrix::Ones(1, 2), [](std::complex<double> x) { return x; });
             }) == "funm: a is 1x2, expected a square matrix");
  Matrix a = Matrix::Identity(2, 2);
  a(1, 1) = std::numeric_limits<double>::quiet_NaN();
  BOOST_TEST(message_of<ValueError>([&] {
               (void)linalg::funm(a, [](std::complex<double> x) { return x; });
             }).find("finite") != std::string::npos);
  // What the function throws reaches the caller.
  BOOST_TEST(message_of<std::runtime_error>([] {
               (void)linalg::funm(Matrix::Identity(2, 2),
                                  [](std::complex<double>) -> std::complex<double> { throw std::runtime_error("no"); });
             }) == "no");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(fractional_matrix_power)

BOOST_AUTO_TEST_CASE(matches_scipy_fixtures) {
  for (const Case& c : read_cases("fmp")) {
    BOOST_TEST_CONTEXT(c.name << " t = " << c.t) {
      testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) {
        check_fixture<S>(
            c, [&](const MatrixT<S>& a) { return linalg::fractional_matrix_power(a, c.t); }, 200);
      });
    }
  }
}

// Defining equations: (a^(1/3))^3 = a, a^(1/2) = sqrtm(a), a^k against
// repeated products, a^(-1/2) a^(1/2) = I. The spectra are near 4
// (condition about 1), so the errors are a few n eps.
BOOST_AUTO_TEST_CASE(defining_equations_for_every_scalar) {
  auto check = []<class S>(std::type_identity<S>) {
    using R = Real<S>;
    const Index n = 6;
    MatrixT<S> a = sample<S>(n, 3);
    a.diagonal().array() += S(4);
    const CMatrix<S> ac = a.template cast<std::complex<R>>();
    const CMatrix<S> cube_root = linalg::fractional_matrix_power(a, 1.0 / 3).value;
    BOOST_TEST(distance<R>(CMatrix<S>(cube_root * cube_root * cube_root), ac) < 100);
    BOOST_TEST(distance<R>(linalg::fractional_matrix_power(a, 0.5).value, linalg::sqrtm(a).value) < 100);
    const auto cube = linalg::fractional_matrix_power(a, 3.0);
    BOOST_TEST(cube.is_real == !Eigen::NumTraits<S>::IsComplex);
    BOOST_TEST(distance<R>(cube.value, CMatrix<S>(ac * ac * ac)) < 100);
    const CMatrix<S> inverse_root = linalg::fractional_matrix_power(a, -0.5).value;
    BOOST_TEST(distance<R>(CMatrix<S>(inverse_root * linalg::sqrtm(a).value), CMatrix<S>::Identity(n, n)) < 100);
    BOOST_TEST(distance<R>(linalg::fractional_matrix_power(a, 0.0).value, CMatrix<S>::Identity(n, n)) == 0);
    BOOST_TEST(distance<R>(linalg::fractional_matrix_power(a, -1.0).value,
                           CMatrix<S>(testing::widen(ac).inverse().template cast<std::complex<R>>())) < 100);
  };
  check(std::type_identity<float>{});
  check(std::type_identity<double>{});
  check(std::type_identity<std::complex<float>>{});
  check(std::type_identity<std::complex<double>>{});
}

BOOST_AUTO_TEST_CASE(singular_input_as_scipy) {
  const Matrix singular{{1.0, 2.0}, {2.0, 4.0}};
  // t > 0: funm's route (SciPy: [[0.4472136, 0.89442719], [0.89442719, 1.78885438]]).
  const auto root = linalg::fractional_matrix_power(singular, 0.5);
  BOOST_TEST(root.is_real);
  BOOST_TEST(std::abs(root.value(0, 0).real() - 1.0 / std::sqrt(5.0)) < 1e-14);
  // t < 0, not an integer: NaN; a negative integer: NumPy's inverse fails.
  BOOST_TEST(linalg::fractional_matrix_power(singular, -0.5).value.array().isNaN().all());
  BOOST_TEST(message_of<LinAlgError>([&] { (void)linalg::fractional_matrix_power(singular, -1.0); }) ==
             "fractional_matrix_power: Singular matrix");
}

BOOST_AUTO_TEST_CASE(one_by_one_empty_and_errors) {
  BOOST_TEST(std::abs(linalg::fractional_matrix_power(Matrix{{8.0}}, 1.0 / 3).real()(0, 0) - 2.0) < 4 * eps<double>());
  const auto negative = linalg::fractional_matrix_power(Matrix{{-2.0}}, 0.5);
  BOOST_TEST(!negative.is_real);
  BOOST_TEST(std::abs(negative.value(0, 0) - std::complex<double>(0, std::sqrt(2.0))) < 1e-15);
  BOOST_TEST(linalg::fractional_matrix_power(Matrix(0, 0), 0.5).value.size() == 0);
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::fractional_matrix_power(Matrix::Ones(2, 3), 0.5); }) ==
             "fractional_matrix_power: a is 2x3, expected a square matrix");
  BOOST_TEST(message_of<ValueError>([] {
               (void)linalg::fractional_matrix_power(Matrix::Identity(2, 2), std::numeric_limits<double>::quiet_NaN());
             }).find("t must be finite") != std::string::npos);
  Matrix a = Matrix::Identity(2, 2);
  a(0, 1) = std::numeric_limits<double>::infinity();
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::fractional_matrix_power(a, 0.5); }).find("finite") !=
             std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
