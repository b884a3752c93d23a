#include <boost/test/unit_test.hpp>
#include <limits>
#include <scilearn/core/warnings.hpp>
#include <scilearn/linalg/matrix_equations.hpp>
#include <string>
#include <vector>

#include "linalg_testing.hpp"
#include "schur_testing.hpp"
#include "support/expect.hpp"

using namespace scilearn;
using testing::eps;
using testing::max_rel_diff;
using testing::message_of;
using testing::norm1;

namespace {

// One row of tests/data/linalg/schur/equations.csv (tests/reference/linalg_schur.py).
struct Equation {
  std::string name;
  std::string kind;
  char dtype;
  std::string method;
  bool warns;
};

std::vector<Equation> read_equations() {
  std::vector<Equation> rows;
  for (const auto& f : testing::read_manifest(testing::kSchurDir + "/equations.csv")) {
    BOOST_TEST_REQUIRE(f.size() == 5u);
    rows.push_back({f[0], f[1], f[2][0], f[3], f[4] == "1"});
  }
  BOOST_TEST_REQUIRE(rows.size() >= 12u);
  return rows;
}

linalg::DiscreteLyapunovMethod method_of(const std::string& method) {
  if (method == "direct") return linalg::DiscreteLyapunovMethod::direct;
  if (method == "bilinear") return linalg::DiscreteLyapunovMethod::bilinear;
  BOOST_TEST_REQUIRE(method == "auto");
  return linalg::DiscreteLyapunovMethod::automatic;
}

// The residual of a x + x b = q relative to the sizes of its terms:
// ||a x + x b - q||_1 / ((||a||_1 + ||b||_1) ||x||_1 n eps). The Bartels-
// Stewart algorithm keeps it O(1) (Higham, Accuracy and Stability of
// Numerical Algorithms, 16.2), however ill-conditioned the equation; 30 is
// LAPACK's usual test threshold.
template <class S>
double sylvester_residual(const MatrixT<S>& a, const MatrixT<S>& b, const MatrixT<S>& x, const MatrixT<S>& q) {
  const double n = static_cast<double>(std::max(a.rows(), b.rows()));
  return norm1<S>(a * x + x * b - q) / ((norm1<S>(a) + norm1<S>(b)) * norm1<S>(x) * n * eps<S>());
}

template <class S>
void check_equation(const Equation& e) {
  BOOST_TEST_CONTEXT("case " << e.name) {
    const MatrixT<S> a = testing::load_schur_fixture<S>(e.name + "_a");
    const MatrixT<S> q = testing::load_schur_fixture<S>(e.name + "_q");
    int warnings = 0;
    ScopedWarningHandler count([&](const Warning&) { ++warnings; });
    MatrixT<S> x;
    if (e.kind == "sylvester") {
      const MatrixT<S> b = testing::load_schur_fixture<S>(e.name + "_b");
      x = linalg::solve_sylvester(a, b, q);
      BOOST_TEST(sylvester_residual<S>(a, b, x, q) <= 30.0);
    } else if (e.kind == "continuous") {
      x = linalg::solve_continuous_lyapunov(a, q);
      BOOST_TEST(sylvester_residual<S>(a, a.adjoint(), x, q) <= 30.0);
    } else {
      x = linalg::solve_discrete_lyapunov(a, q, {.method = method_of(e.method)});
      // a x a^H - x + q = 0 through a linear solve or a Cayley transform:
      // backward stable for the transformed problem, so the residual is of
      // order n eps (||a||^2 + 1) ||x||, with a modest constant.
      const double n = static_cast<double>(a.rows());
      const double scale = (norm1<S>(a) * norm1<S>(a) + 1.0) * norm1<S>(x) * n * eps<S>();
      BOOST_TEST(norm1<S>(a * x * a.adjoint() - x + q) / scale <= 100.0);
    }
    BOOST_TEST(warnings == (e.warns ? 1 : 0));
    // Forward error: condition (the spectra are kept well apart in the
    // reference cases, so under 1e2) times the residual, n eps.
    const double tol = 1e3 * static_cast<double>(a.rows()) * eps<S>();
    if (!e.warns) BOOST_TEST(max_rel_diff<S>(x, testing::load_schur_fixture<S>(e.name + "_x")) <= tol);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(matrix_equations)

BOOST_AUTO_TEST_CASE(match_scipy_on_every_reference_case) {
  for (const Equation& e : read_equations()) {
    testing::with_scalar(e.dtype, [&]<class S>(std::type_identity<S>) { check_equation<S>(e); });
  }
}

BOOST_AUTO_TEST_CASE(docstring_examples) {
  const Matrix a{{-3, -2, 0}, {-1, -1, 3}, {3, -5, -1}};
  const Matrix b{{1.0}};
  const Matrix q{{1}, {2}, {3}};
  const Matrix x = linalg::solve_sylvester(a, b, q);
  BOOST_TEST(sylvester_residual<double>(a, b, x, q) <= 30.0);
  // SciPy's docstring: x = [[0.0625], [-0.5625], [0.6875]] (exactly 1/16, -9/16, 11/16).
  BOOST_TEST(max_rel_diff<double>(x, Matrix{{0.0625}, {-0.5625}, {0.6875}}) <= 1e-14);

  const Matrix c{{-3, -2, 0}, {-1, -1, 0}, {0, -5, -1}};
  const Matrix y = linalg::solve_continuous_lyapunov(c, Matrix::Identity(3, 3));
  BOOST_TEST(sylvester_residual<double>(c, c.transpose(), y, Matrix::Identity(3, 3)) <= 30.0);
  BOOST_TEST(max_rel_diff<double>(y, y.transpose()) <= 10 * eps<double>());  // q symmetric: x symmetric

  const Matrix d{{0.2, 0.5}, {0.7, -0.9}};
  const Matrix z = linalg::solve_discrete_lyapunov(d, Matrix::Identity(2, 2));
  BOOST_TEST(norm1<double>(d * z * d.transpose() - z + Matrix::Identity(2, 2)) <= 1e-14);
}

BOOST_AUTO_TEST_CASE(direct_and_bilinear_agree) {
  std::srand(41);
  const MatrixT<std::complex<float>> a = MatrixT<std::complex<float>>::Random(4, 4) * 0.4f;
  const MatrixT<std::complex<float>> q = MatrixT<std::complex<float>>::Random(4, 4);
  const auto direct = linalg::solve_discrete_lyapunov(a, q, {.method = linalg::DiscreteLyapunovMethod::direct});
  const auto bilinear = linalg::solve_discrete_lyapunov(a, q, {.method = linalg::DiscreteLyapunovMethod::bilinear});
  BOOST_TEST(max_rel_diff<std::complex<float>>(direct, bilinear) <= 1e3 * 4 * eps<float>());
}

BOOST_AUTO_TEST_CASE(common_eigenvalues_are_solved_by_perturbation) {
  // a and -b share the eigenvalue 1: SciPy's solve_sylvester neither raises
  // nor warns (?trsyl's info = 1 is ignored), unlike its continuous Lyapunov solver.
  int warnings = 0;
  ScopedWarningHandler count([&](const Warning&) { ++warnings; });
  const Matrix x = linalg::solve_sylvester(Matrix{{1.0, 0.0}, {0.0, 2.0}}, Matrix{{-1.0}}, Matrix{{1.0}, {1.0}});
  BOOST_TEST(warnings == 0);
  BOOST_TEST(x.rows() == 2);
  (void)linalg::solve_continuous_lyapunov(Matrix{{1.0, 0.0}, {0.0, -1.0}}, Matrix::Identity(2, 2));
  BOOST_TEST(warnings == 1);
}

BOOST_AUTO_TEST_CASE(singular_a_plus_identity_fails_the_bilinear_method) {
  // -1 is an eigenvalue of a: inv(a + I) is singular, as in SciPy.
  const Matrix a{{-1.0, 0.0}, {0.0, 0.5}};
  BOOST_CHECK_THROW(
      linalg::solve_discrete_lyapunov(a, Matrix::Identity(2, 2), {.method = linalg::DiscreteLyapunovMethod::bilinear}),
      LinAlgError);
  // Products of eigenvalues 1 (here -1 * -1): the direct system is singular.
  BOOST_CHECK_THROW(linalg::solve_discrete_lyapunov(a, Matrix::Identity(2, 2)), LinAlgError);
}

BOOST_AUTO_TEST_CASE(inputs_are_not_modified_and_empty_input_gives_empty_output) {
  std::srand(43);
  const Matrix a0 = Matrix::Random(3, 3) + 3 * Matrix::Identity(3, 3);
  const Matrix b0 = Matrix::Random(2, 2) + 3 * Matrix::Identity(2, 2);
  const Matrix q0 = Matrix::Random(3, 2);
  Matrix a = a0, b = b0, q = q0;
  (void)linalg::solve_sylvester(a, b, q);
  (void)linalg::solve_continuous_lyapunov(a, Matrix(q * q.transpose()));
  (void)linalg::solve_discrete_lyapunov(Matrix(a / 10), Matrix(q * q.transpose()));
  BOOST_TEST((a == a0));
  BOOST_TEST((b == b0));
  BOOST_TEST((q == q0));

  const Matrix e = linalg::solve_sylvester(Matrix(0, 0), Matrix::Identity(2, 2), Matrix(0, 2));
  BOOST_TEST(e.rows() == 0);
  BOOST_TEST(e.cols() == 2);
  BOOST_TEST(linalg::solve_continuous_lyapunov(Matrix(0, 0), Matrix(0, 0)).size() == 0);
  BOOST_TEST(linalg::solve_discrete_lyapunov(MatrixT<float>(0, 0), MatrixT<float>(0, 0)).size() == 0);
}

BOOST_AUTO_TEST_CASE(bad_shapes_and_non_finite_input_are_value_errors) {
  BOOST_TEST(message_of<ValueError>([] {
               (void)linalg::solve_sylvester(Matrix::Identity(3, 3), Matrix::Identity(2, 2), Matrix::Ones(2, 3));
             }) == "solve_sylvester: a is 3x3 and b is 2x2 but q is 2x3, expected 3x2");
  BOOST_TEST(message_of<ValueError>([] {
               (void)linalg::solve_sylvester(Matrix::Ones(3, 2), Matrix::Identity(2, 2), Matrix::Ones(3, 2));
             }) == "solve_sylvester: a is 3x2, expected a square matrix");
  BOOST_TEST(message_of<ValueError>([] {
               (void)linalg::solve_continuous_lyapunov(Matrix::Identity(3, 3), Matrix::Identity(2, 2));
             }) == "solve_continuous_lyapunov: a is 3x3 but q is 2x2, expected the same shape");
  BOOST_TEST(message_of<ValueError>([] {
               (void)linalg::solve_discrete_lyapunov(Matrix::Identity(2, 2), Matrix::Ones(2, 3));
             }) == "solve_discrete_lyapunov: q is 2x3, expected a square matrix");
  Matrix bad = Matrix::Identity(2, 2);
  bad(1, 0) = std::numeric_limits<double>::quiet_NaN();
  BOOST_TEST(message_of<ValueError>([&] {
               (void)linalg::solve_sylvester(Matrix::Identity(2, 2), bad, Matrix::Ones(2, 2));
             }) == "solve_sylvester: b must contain only finite values, but entry (1, 0) is nan");
  BOOST_CHECK_THROW(linalg::solve_continuous_lyapunov(Matrix::Identity(2, 2), bad), ValueError);
  BOOST_CHECK_THROW(linalg::solve_discrete_lyapunov(bad, Matrix::Identity(2, 2)), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
