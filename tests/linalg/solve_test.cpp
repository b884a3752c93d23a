#include <boost/test/unit_test.hpp>
#include <limits>
#include <scilearn/core/io.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/linalg/solve.hpp>
#include <string>
#include <vector>

#include "linalg_testing.hpp"

BOOST_AUTO_TEST_SUITE(solve)

using namespace scilearn;
using linalg::AssumeA;
using linalg::SolveOptions;

// One row of tests/data/linalg/solve/cases.csv (tests/reference/linalg_solve.py).
struct Case {
  std::string name;
  char dtype;
  AssumeA assume_a;
  bool lower;
  bool transposed;
  double cond_1;
  bool warns;
};

std::vector<Case> read_cases() {
  std::vector<Case> cases;
  for (const auto& f : testing::read_manifest("linalg/solve/cases.csv")) {
    BOOST_TEST_REQUIRE(f.size() == 7u);
    const AssumeA assume = f[2] == "gen"   ? AssumeA::gen
                           : f[2] == "sym" ? AssumeA::sym
                           : f[2] == "her" ? AssumeA::her
                                           : AssumeA::pos;
    cases.push_back({f[0], f[1][0], assume, f[3] == "1", f[4] == "1", std::stod(f[5]), f[6] == "1"});
  }
  BOOST_TEST_REQUIRE(cases.size() > 30u);
  return cases;
}

template <class S>
MatrixT<S> load(const std::string& name) {
  return testing::load_fixture<S>("linalg/solve", name);
}

using testing::corrupt_ignored_triangle;

template <class S>
using Real = typename Eigen::NumTraits<S>::Real;

using testing::residual_ratio;

template <class S>
void check_case(const Case& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> a_eff = load<S>(c.name + "_a");
    const MatrixT<S> b = load<S>(c.name + "_b");
    const MatrixT<S> x_ref = load<S>(c.name + "_x");
    const MatrixT<S> a = c.assume_a == AssumeA::gen ? a_eff : corrupt_ignored_triangle<S>(a_eff, c.lower);
    const SolveOptions options{.assume_a = c.assume_a, .lower = c.lower, .transposed = c.transposed};

    int warnings = 0;
    ScopedWarningHandler count([&](const Warning& w) { warnings += w.category == WarningCategory::linalg; });
    MatrixT<S> x;
    if (testing::is_vector_fixture("linalg/solve", c.name + "_b")) {
      const VectorT<S> bv = b.col(0);
      VectorT<S> xv = linalg::solve(a, bv, options);  // a vector in, a vector out
      x = xv;
    } else {
      x = linalg::solve(a, b, options);
    }
    BOOST_TEST(warnings == (c.warns ? 1 : 0));
    BOOST_TEST_REQUIRE(x.rows() == x_ref.rows());
    BOOST_TEST_REQUIRE(x.cols() == x_ref.cols());

    const MatrixT<S> op_a = c.transposed ? MatrixT<S>(a_eff.transpose()) : a_eff;
    BOOST_TEST(residual_ratio<S>(op_a, x, b) < 30.0);
    if (!c.warns) {
      // Both solutions are backward stable, so each is within ~n eps cond of
      // the exact one; they agree to twice that.
      const double eps = std::numeric_limits<Real<S>>::epsilon();
      const double rel = static_cast<double>((x - x_ref).cwiseAbs().colwise().sum().maxCoeff() /
                                             x_ref.cwiseAbs().colwise().sum().maxCoeff());
      BOOST_TEST(rel <= 2 * 30 * static_cast<double>(x.rows()) * eps * c.cond_1);
    }
  }
}

BOOST_AUTO_TEST_CASE(matches_scipy_on_every_reference_case) {
  for (const Case& c : read_cases()) {
    testing::with_scalar(c.dtype, [&](auto scalar) { check_case<typename decltype(scalar)::type>(c); });
  }
}

BOOST_AUTO_TEST_CASE(docstring_example_is_exact) {
  const Matrix a{{3, 2, 0}, {1, -1, 0}, {0, 5, 1}};
  const Vector b{{2, 4, -1}};
  const Vector x = linalg::solve(a, b);
  BOOST_TEST((x - Vector{{2, -2, 9}}).cwiseAbs().maxCoeff() < 1e-14);
}

BOOST_AUTO_TEST_CASE(inputs_are_not_modified) {
  for (Index n : {8, 200}) {  // Eigen's LU and LAPACK's general path
    std::srand(static_cast<unsigned>(n));
    const Matrix m = Matrix::Random(n, n);
    const Matrix a0 = m * m.transpose() + Matrix::Identity(n, n);  // valid for every structure
    const Matrix b0 = Matrix::Random(n, 2);
    for (AssumeA assume : {AssumeA::gen, AssumeA::sym, AssumeA::her, AssumeA::pos}) {
      for (bool transposed : {false, true}) {
        Matrix a = a0;
        Matrix b = b0;
        (void)linalg::solve(a, b, {.assume_a = assume, .transposed = transposed});
        BOOST_TEST((a == a0));
        BOOST_TEST((b == b0));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(large_random_systems_have_small_backward_error) {
  for (unsigned seed : {1u, 2u, 3u}) {
    std::srand(seed);  // Eigen's Random() draws from std::rand
    const Index n = 300;
    const Matrix a = Matrix::Random(n, n);
    const Matrix b = Matrix::Random(n, 4);
    BOOST_TEST(residual_ratio<double>(a, linalg::solve(a, b), b) < 30.0);
    const Matrix spd = a * a.transpose() + Matrix::Identity(n, n);
    BOOST_TEST(residual_ratio<double>(spd, linalg::solve(spd, b, {.assume_a = AssumeA::pos}), b) < 30.0);
  }
}

BOOST_AUTO_TEST_CASE(complex_transposed_solves_the_transpose_not_the_adjoint) {
  using C = std::complex<double>;
  std::srand(7);
  const MatrixT<C> a = MatrixT<C>::Random(5, 5) + 5.0 * MatrixT<C>::Identity(5, 5);
  const MatrixT<C> b = MatrixT<C>::Random(5, 2);
  BOOST_TEST(residual_ratio<C>(a.transpose(), linalg::solve(a, b, {.transposed = true}), b) < 30.0);
  const MatrixT<C> h = a * a.adjoint() + MatrixT<C>::Identity(5, 5);  // Hermitian positive definite
  for (AssumeA assume : {AssumeA::her, AssumeA::pos}) {
    for (bool lower : {false, true}) {
      const MatrixT<C> x = linalg::solve(h, b, {.assume_a = assume, .lower = lower, .transposed = true});
      BOOST_TEST(residual_ratio<C>(h.transpose(), x, b) < 30.0);
    }
  }
}

BOOST_AUTO_TEST_CASE(one_by_one_system) {
  const Matrix a{{4.0}};
  const Vector b{{2.0}};
  BOOST_TEST(linalg::solve(a, b)(0) == 0.5);
}

BOOST_AUTO_TEST_CASE(empty_system_gives_empty_result_of_b_shape) {
  const Matrix x = linalg::solve(Matrix(0, 0), Matrix(0, 3));
  BOOST_TEST(x.rows() == 0);
  BOOST_TEST(x.cols() == 3);
  const Matrix y = linalg::solve(Matrix::Identity(3, 3), Matrix(3, 0));
  BOOST_TEST(y.cols() == 0);
}

BOOST_AUTO_TEST_CASE(non_square_a_is_a_value_error) {
  BOOST_CHECK_EXCEPTION(linalg::solve(Matrix::Ones(3, 4), Vector::Ones(3)), ValueError, [](const ValueError& e) {
    return std::string(e.what()) == "solve: a is 3x4, expected a square matrix";
  });
}

BOOST_AUTO_TEST_CASE(row_mismatch_is_a_value_error) {
  BOOST_CHECK_EXCEPTION(linalg::solve(Matrix::Identity(3, 3), Vector::Ones(4)), ValueError, [](const ValueError& e) {
    return std::string(e.what()) == "solve: a is 3x3 but b has 4 rows";
  });
}

BOOST_AUTO_TEST_CASE(nan_or_inf_is_a_value_error_unless_unchecked) {
  Matrix a = Matrix::Identity(3, 3);
  Vector b = Vector::Ones(3);
  a(1, 2) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW(linalg::solve(a, b), ValueError);
  a(1, 2) = 0;
  b(2) = std::numeric_limits<double>::infinity();
  BOOST_CHECK_THROW(linalg::solve(a, b), ValueError);
  // Unchecked: no exception and no crash; IEEE arithmetic carries the Inf through.
  const Vector x = linalg::solve(a, b, {.check_finite = false});
  BOOST_TEST(std::isinf(x(2)));
}

BOOST_AUTO_TEST_CASE(singular_matrix_is_a_linalg_error) {
  const Matrix a{{1, 2}, {2, 4}};
  BOOST_CHECK_THROW(linalg::solve(a, Vector::Ones(2)), LinAlgError);
  BOOST_CHECK_THROW(linalg::solve(Matrix::Zero(3, 3), Vector::Ones(3), {.assume_a = AssumeA::sym}), LinAlgError);
}

// solve() uses Eigen's LU up to order 128 and LAPACK's above: both paths must
// report singularity and ill-conditioning the same way.
BOOST_AUTO_TEST_CASE(singular_matrix_is_a_linalg_error_on_both_general_paths) {
  for (Index n : {5, 128, 129, 200}) {
    BOOST_TEST_CONTEXT("n = " << n) {
      std::srand(static_cast<unsigned>(n));
      Matrix a = Matrix::Random(n, n);
      a.col(n / 2).setZero();  // a zero column stays zero under row operations: an exact zero pivot
      BOOST_CHECK_THROW(linalg::solve(a, Vector::Ones(n)), LinAlgError);
      BOOST_CHECK_THROW(linalg::solve(a, Vector::Ones(n), {.transposed = true}), LinAlgError);
    }
  }
}

// Hilbert matrix a_ij = 1 / (i + j + 1): cond_1 ~ 1e19 at order 14 and beyond
// any double precision above, yet its LU has no exact zero pivot.
Matrix hilbert(Index n) {
  Matrix h(n, n);
  for (Index i = 0; i < n; ++i)
    for (Index j = 0; j < n; ++j) h(i, j) = 1.0 / static_cast<double>(i + j + 1);
  return h;
}

BOOST_AUTO_TEST_CASE(ill_conditioned_matrix_warns_once_on_both_general_paths) {
  for (Index n : {14, 20, 200}) {
    BOOST_TEST_CONTEXT("n = " << n) {
      std::vector<Warning> seen;
      ScopedWarningHandler capture([&](const Warning& w) { seen.push_back(w); });
      (void)linalg::solve(hilbert(n), Vector::Ones(n));
      BOOST_TEST_REQUIRE(seen.size() == 1u);
      BOOST_TEST((seen[0].category == WarningCategory::linalg));
      BOOST_TEST(seen[0].message.find("ill-conditioned matrix (rcond=") != std::string::npos);
      seen.clear();
      (void)linalg::solve(Matrix::Identity(n, n), Vector::Ones(n));
      BOOST_TEST(seen.empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(indefinite_matrix_with_pos_is_a_linalg_error) {
  const Matrix a{{1, 2}, {2, 1}};  // eigenvalues 3 and -1
  BOOST_CHECK_EXCEPTION(
      linalg::solve(a, Vector::Ones(2), {.assume_a = AssumeA::pos}), LinAlgError,
      [](const LinAlgError& e) { return std::string(e.what()).find("not positive definite") != std::string::npos; });
  // The same matrix is fine for the indefinite symmetric solver.
  const Vector x = linalg::solve(a, Vector::Ones(2), {.assume_a = AssumeA::sym});
  BOOST_TEST((a * x - Vector::Ones(2)).norm() < 1e-15);
}

BOOST_AUTO_TEST_CASE(float_system_has_single_precision_backward_error) {
  const Eigen::MatrixXf a{{4, 1}, {1, 3}};
  const Eigen::VectorXf b{{1, 2}};
  const Eigen::VectorXf x = linalg::solve(a, b, {.assume_a = AssumeA::pos});
  BOOST_TEST(residual_ratio<float>(a, x, b) < 30.0);
}

BOOST_AUTO_TEST_SUITE_END()
