#include <Eigen/Eigenvalues>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <scilearn/core/errors.hpp>
#include <scilearn/linalg/riccati.hpp>
#include <string>
#include <vector>

#include "linalg_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(riccati)

using namespace scilearn;
using testing::eps;
using testing::max_rel_diff;
using testing::message_of;
using testing::norm1;

const std::string kDir = "linalg/riccati";

// One row of tests/data/linalg/riccati/cases.csv (tests/reference/linalg_riccati.py).
struct Case {
  std::string name;
  bool continuous;
  char dtype;
  bool has_e;
  bool has_s;
  bool balanced;
  std::string error;
};

std::vector<Case> read_cases() {
  std::vector<Case> cases;
  for (const auto& f : testing::read_manifest(kDir + "/cases.csv")) {
    BOOST_TEST_REQUIRE((f.size() == 7u || f.size() == 6u));  // an empty last cell may be dropped
    cases.push_back({f[0], f[1] == "care", f[2][0], f[3] == "1", f[4] == "1", f[5] == "1", f.size() == 7 ? f[6] : ""});
  }
  BOOST_TEST_REQUIRE(cases.size() >= 20u);
  return cases;
}

template <class S>
struct Problem {
  MatrixT<S> a, b, q, r;
  linalg::AreOptions<S> options;
};

// The fixture of case c as S: real fixtures also load into complex S.
template <class S>
MatrixT<S> load(const Case& c, const std::string& key) {
  const std::string name = c.name + "_" + key;
  if (c.dtype == 'd') return testing::load_fixture<testing::Real<S>>(kDir, name).template cast<S>();
  return testing::load_fixture<S>(kDir, name);
}

// p in double precision (see testing::widen), for the checks.
template <class S>
Problem<testing::Wide<S>> widen(const Problem<S>& p) {
  using W = testing::Wide<S>;
  Problem<W> w{testing::widen(p.a), testing::widen(p.b), testing::widen(p.q), testing::widen(p.r), {}};
  if (p.options.e) w.options.e = testing::widen(*p.options.e);
  if (p.options.s) w.options.s = testing::widen(*p.options.s);
  return w;
}

template <class S>
Problem<S> load_problem(const Case& c) {
  auto load = [&](const char* key) { return riccati::load<S>(c, key); };
  Problem<S> p{load("a"), load("b"), load("q"), load("r"), {}};
  if (c.has_e) p.options.e = load("e");
  if (c.has_s) p.options.s = load("s");
  p.options.balanced = c.balanced;
  return p;
}

// The Riccati residual relative to the size of its terms: for a solution
// computed in a backward-stable way from a well-conditioned problem this is
// a modest multiple of eps (the subspace method is not backward stable in the
// strict sense, hence the allowance in the callers).
template <class S>
double relative_residual(bool continuous, const Problem<S>& p, const MatrixT<S>& x) {
  const Index m = p.a.rows();
  const MatrixT<S> e = p.options.e ? *p.options.e : MatrixT<S>::Identity(m, m);
  const MatrixT<S> s = p.options.s ? *p.options.s : MatrixT<S>::Zero(m, p.b.cols());
  if (continuous) {
    const MatrixT<S> gain_left = e.adjoint() * x * p.b + s;  // (e^H x b + s)
    const MatrixT<S> linear = p.a.adjoint() * x * e + e.adjoint() * x * p.a;
    const MatrixT<S> quadratic = gain_left * p.r.lu().solve(MatrixT<S>(gain_left.adjoint()));
    const MatrixT<S> residual = linear - quadratic + p.q;
    return norm1<S>(residual) / (norm1<S>(linear) + norm1<S>(quadratic) + norm1<S>(p.q));
  }
  const MatrixT<S> gain_left = p.a.adjoint() * x * p.b + s;  // (a^H x b + s)
  const MatrixT<S> middle = p.r + p.b.adjoint() * x * p.b;
  const MatrixT<S> linear = p.a.adjoint() * x * p.a - e.adjoint() * x * e;
  const MatrixT<S> quadratic = gain_left * middle.lu().solve(MatrixT<S>(gain_left.adjoint()));
  const MatrixT<S> residual = linear - quadratic + p.q;
  return norm1<S>(residual) /
         (norm1<S>(p.a.adjoint() * x * p.a) + norm1<S>(e.adjoint() * x * e) + norm1<S>(quadratic) + norm1<S>(p.q));
}

template <class S>
MatrixT<S> solve(bool continuous, const Problem<S>& p) {
  return continuous ? linalg::solve_continuous_are(p.a, p.b, p.q, p.r, p.options)
                    : linalg::solve_discrete_are(p.a, p.b, p.q, p.r, p.options);
}

// The closed loop of the stabilizing solution: its (generalized) eigenvalues
// lie in the open left half plane (continuous) or inside the unit circle.
template <class S>
bool closed_loop_stable(bool continuous, const Problem<S>& p, const MatrixT<S>& x) {
  const Index m = p.a.rows();
  const MatrixT<S> e = p.options.e ? *p.options.e : MatrixT<S>::Identity(m, m);
  const MatrixT<S> s = p.options.s ? *p.options.s : MatrixT<S>::Zero(m, p.b.cols());
  MatrixT<S> gain;
  if (continuous) {
    gain = p.r.lu().solve(MatrixT<S>(p.b.adjoint() * x * e + s.adjoint()));
  } else {
    gain = MatrixT<S>(p.r + p.b.adjoint() * x * p.b).lu().solve(MatrixT<S>(p.b.adjoint() * x * p.a + s.adjoint()));
  }
  const MatrixT<S> closed = e.lu().solve(MatrixT<S>(p.a - p.b * gain));
  using C = std::complex<testing::Real<S>>;
  const Eigen::Matrix<C, Eigen::Dynamic, 1> w =
      Eigen::ComplexEigenSolver<MatrixT<C>>(closed.template cast<C>()).eigenvalues();
  for (Index i = 0; i < w.size(); ++i) {
    if (continuous ? !(w(i).real() < 0) : !(std::abs(w(i)) < 1)) return false;
  }
  return true;
}

template <class S>
void check_case(const Case& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const Problem<S> p = load_problem<S>(c);
    const Problem<S> before = p;
    const char* where = c.continuous ? "solve_continuous_are" : "solve_discrete_are";
    if (!c.error.empty()) {
      const std::string message = message_of<LinAlgError>([&] { solve(c.continuous, p); });
      BOOST_TEST(message == std::string(where) + ": Failed to find a finite solution.");
      return;
    }
    const MatrixT<S> x = solve(c.continuous, p);
    BOOST_TEST((p.a == before.a && p.b == before.b && p.q == before.q && p.r == before.r));
    BOOST_TEST((x == MatrixT<S>(x.adjoint())));  // Hermitian by construction
    // The fixtures are SciPy's 64-bit solutions. The Riccati solution's
    // sensitivity stays below ~1e3 for these problems (checked in double:
    // the agreement is ~1e-12), so 1e4 n eps bounds the difference in each
    // precision, float included.
    const double tol = 1e4 * static_cast<double>(p.a.rows()) * eps<S>();
    BOOST_TEST(max_rel_diff<S>(x, load<S>(c, "x")) <= tol);
    // The subspace method's residual grows with the order and with the
    // condition of the pencil's eigenvector basis (Laub 1979); 100 n eps
    // covers the order-24 case (measured ~1500 eps in double and in float).
    BOOST_TEST(relative_residual(c.continuous, widen(p), testing::widen(x)) <=
               100 * static_cast<double>(p.a.rows()) * eps<S>());
    BOOST_TEST(closed_loop_stable(c.continuous, widen(p), testing::widen(x)));
  }
}

BOOST_AUTO_TEST_CASE(scipy_fixtures_every_scalar) {
  for (const Case& c : read_cases()) {
    if (c.dtype == 'd') {
      check_case<double>(c);
      check_case<float>(c);
      // A real problem is also a complex one with the same solution.
      check_case<std::complex<double>>(c);
    } else {
      check_case<std::complex<double>>(c);
      check_case<std::complex<float>>(c);
    }
  }
}

BOOST_AUTO_TEST_CASE(double_integrator_closed_form) {
  // a^T x + x a - x b b^T x + I = 0 with a = [[0, 1], [0, 0]], b = e_2:
  // x = [[sqrt 3, 1], [1, sqrt 3]].
  const Matrix a{{0, 1}, {0, 0}};
  const Matrix b{{0}, {1}};
  const Matrix x = linalg::solve_continuous_are(a, b, Matrix::Identity(2, 2), Matrix::Identity(1, 1));
  const Matrix expected{{std::sqrt(3.0), 1}, {1, std::sqrt(3.0)}};
  BOOST_TEST(max_rel_diff<double>(x, expected) <= 10 * eps<double>());
  // Scalar discrete: a = 2, b = q = r = 1: x^2 - 4x - 1 = 0, x = 2 + sqrt 5.
  const Matrix y = linalg::solve_discrete_are(Matrix{{2}}, Matrix{{1}}, Matrix{{1}}, Matrix{{1}});
  BOOST_TEST(std::abs(y(0, 0) - (2 + std::sqrt(5.0))) <= 10 * eps<double>() * y(0, 0));
}

// Balancing is a similarity transform: on a well-scaled problem it leaves the
// solution unchanged up to rounding. On the badly scaled ones, which it exists
// for, the unbalanced solve loses digits (1e-10 and 1e-6 relative, measured),
// so there it must give the smaller residual instead.
BOOST_AUTO_TEST_CASE(balancing_does_not_change_the_solution) {
  for (const Case& c : read_cases()) {
    if (c.dtype != 'd' || !c.error.empty()) continue;
    BOOST_TEST_CONTEXT("case " << c.name) {
      Problem<double> p = load_problem<double>(c);
      p.options.balanced = true;
      const Matrix balanced = solve(c.continuous, p);
      const double balanced_residual = relative_residual(c.continuous, p, balanced);
      p.options.balanced = false;
      const Matrix plain = solve(c.continuous, p);
      if (c.name.find("badly_scaled") != std::string::npos) {
        BOOST_TEST(balanced_residual <= relative_residual(c.continuous, p, plain));
      } else {
        BOOST_TEST(max_rel_diff<double>(balanced, plain) <= 1e4 * static_cast<double>(p.a.rows()) * eps<double>());
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(empty_problem_gives_empty_solution) {
  // SciPy 1.17.1 fails inside LAPACK here; m = 0 has the empty solution.
  BOOST_TEST(linalg::solve_continuous_are(Matrix(0, 0), Matrix(0, 1), Matrix(0, 0), Matrix::Identity(1, 1)).size() ==
             0);
  BOOST_TEST(linalg::solve_discrete_are(Matrix(0, 0), Matrix(0, 1), Matrix(0, 0), Matrix::Identity(1, 1)).size() == 0);
}

BOOST_AUTO_TEST_CASE(bad_input_is_a_value_error) {
  const Matrix a{{0, 1}, {0, 0}};
  const Matrix b{{0}, {1}};
  const Matrix q = Matrix::Identity(2, 2);
  const Matrix r = Matrix::Identity(1, 1);
  const auto care = [&](const Matrix& aa, const Matrix& bb, const Matrix& qq, const Matrix& rr,
                        const linalg::AreOptions<double>& o = {}) {
    return message_of<ValueError>([&] { linalg::solve_continuous_are(aa, bb, qq, rr, o); });
  };
  BOOST_TEST(care(Matrix(2, 3), b, q, r) == "solve_continuous_are: a is 2x3, expected a square matrix");
  BOOST_TEST(care(a, Matrix(3, 1), q, r) == "solve_continuous_are: b is 3x1, expected 2 rows");
  BOOST_TEST(care(a, b, Matrix::Identity(3, 3), r) == "solve_continuous_are: q is 3x3, expected 2x2");
  BOOST_TEST(care(a, b, q, Matrix::Identity(2, 2)) == "solve_continuous_are: r is 2x2, expected 1x1");
  BOOST_TEST(care(a, b, Matrix{{1, 1}, {0, 1}}, r) == "solve_continuous_are: q should be symmetric/hermitian");
  BOOST_TEST(care(a, b, q, Matrix{{0}}) == "solve_continuous_are: r is numerically singular");
  BOOST_TEST(care(a, b, q, r, {.e = Matrix{{1, 1}, {1, 1}}}) == "solve_continuous_are: e is numerically singular");
  BOOST_TEST(care(a, b, q, r, {.e = Matrix::Identity(3, 3)}) == "solve_continuous_are: e is 3x3, expected 2x2");
  BOOST_TEST(care(a, b, q, r, {.s = Matrix(2, 2)}) == "solve_continuous_are: s is 2x2, expected 2x1");
  Matrix nan_a = a;
  nan_a(1, 0) = std::nan("");
  BOOST_TEST(care(nan_a, b, q, r).find("a must contain only finite values") != std::string::npos);
  Matrix inf_s = Matrix::Zero(2, 1);
  inf_s(0, 0) = INFINITY;
  BOOST_TEST(care(a, b, q, r, {.s = inf_s}).find("s must contain only finite values") != std::string::npos);
  // A singular r is allowed in the discrete equation (only r + b^H x b must be invertible).
  // a = 1/2, b = q = 1, r = 0: x = x/4 - (x/2)^2 / x + 1, so x = 1.
  const Matrix x = linalg::solve_discrete_are(Matrix{{0.5}}, Matrix{{1}}, Matrix{{1}}, Matrix{{0}});
  BOOST_TEST(std::abs(x(0, 0) - 1) <= 10 * eps<double>());
  BOOST_TEST(message_of<ValueError>([&] {
               linalg::solve_discrete_are(a, b, Matrix{{1, 2}, {0, 1}}, r);
             }) == "solve_discrete_are: q should be symmetric/hermitian");
}

BOOST_AUTO_TEST_SUITE_END()
