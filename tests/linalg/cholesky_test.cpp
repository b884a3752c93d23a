#include <Eigen/Eigenvalues>
#include <boost/test/unit_test.hpp>
#include <limits>
#include <scilearn/linalg/cholesky.hpp>
#include <string>
#include <vector>

#include "linalg_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(cholesky)

using namespace scilearn;
using testing::message_of;

template <class S>
using Real = typename Eigen::NumTraits<S>::Real;

const std::string kDir = "linalg/decomp";

// One row of tests/data/linalg/decomp/cases.csv (tests/reference/linalg_decomp.py).
struct Case {
  std::string name;
  char dtype;
  bool lower;
  Index error_order;
  double cond_1;
};

std::vector<Case> read_cases(const std::string& kind) {
  std::vector<Case> cases;
  for (const auto& f : testing::read_manifest(kDir + "/cases.csv")) {
    BOOST_TEST_REQUIRE(f.size() == 8u);
    if (f[1] == kind) cases.push_back({f[0], f[2][0], f[3] == "1", std::stoi(f[6]), std::stod(f[7])});
  }
  BOOST_TEST_REQUIRE(cases.size() >= 4u);
  return cases;
}

template <class S>
MatrixT<S> load(const std::string& name) {
  return testing::load_fixture<S>(kDir, name);
}

using testing::eps;
using testing::factorization_ratio;
using testing::max_rel_diff;
using testing::norm1;
using testing::residual_ratio;

template <class S>
void check_case(const Case& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> a = load<S>(c.name + "_a");  // the ignored triangle holds 1e3 (+ 1e3 i)
    const MatrixT<S> heff = load<S>(c.name + "_heff");
    const MatrixT<S> factor = linalg::cholesky(a, {.lower = c.lower});
    const double tol = testing::factor_tolerance<S>(heff);
    BOOST_TEST(max_rel_diff<S>(factor, load<S>(c.name + "_c")) <= tol);
    const MatrixT<S> product = c.lower ? MatrixT<S>(factor * factor.adjoint()) : MatrixT<S>(factor.adjoint() * factor);
    BOOST_TEST(factorization_ratio<S>(heff, product) <= 30.0);

    // cho_factor: the factor in one triangle, a's entries in the other, as SciPy.
    const linalg::ChoFactor<S> f = linalg::cho_factor(a, {.lower = c.lower});
    BOOST_TEST(f.lower == c.lower);
    BOOST_TEST(max_rel_diff<S>(f.c, load<S>(c.name + "_cf")) <= tol);

    const MatrixT<S> b = load<S>(c.name + "_b");
    MatrixT<S> x;
    if (testing::is_vector_fixture(kDir, c.name + "_b")) {
      const VectorT<S> bv = b.col(0);
      VectorT<S> xv = linalg::cho_solve(f, bv);  // a vector in, a vector out
      x = xv;
    } else {
      x = linalg::cho_solve(f, b);
    }
    BOOST_TEST(residual_ratio<S>(heff, x, b) <= 30.0);
    const double cond = 1.0 / static_cast<double>(linalg::Cholesky<S>(a, {.lower = c.lower}).rcond());
    const MatrixT<S> x_ref = load<S>(c.name + "_x");
    BOOST_TEST(norm1<S>(x - x_ref) / norm1<S>(x_ref) <= 2 * 30 * static_cast<double>(a.rows()) * eps<S>() * 3 * cond);
  }
}

BOOST_AUTO_TEST_CASE(matches_scipy_on_every_reference_case) {
  for (const Case& c : read_cases("cholesky")) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_case<S>(c); });
  }
}

// The order cholesky's message names ("... of order K is not ...").
Index failing_order(const std::string& message) {
  const std::string prefix = "cholesky: the leading minor of order ";
  BOOST_TEST_REQUIRE(message.rfind(prefix, 0) == 0u);
  BOOST_TEST(message.substr(message.find(' ', prefix.size())) == " is not positive definite");
  return std::stol(message.substr(prefix.size()));
}

// lambda_min of D^-1 a D^-1, D = diag(a)^(1/2), computed in double.
template <class S>
double smallest_scaled_eigenvalue(const MatrixT<S>& a) {
  const auto wide = testing::widen<S>(a);
  const Eigen::VectorXd d = wide.diagonal().real().cwiseSqrt().cwiseInverse();
  const auto scaled = (d.asDiagonal() * wide * d.asDiagonal()).eval();
  return Eigen::SelfAdjointEigenSolver<std::decay_t<decltype(scaled)>>(scaled, Eigen::EigenvaluesOnly)
      .eigenvalues()(0);
}

// Demmel's success bound k g / (1 - k g), g = gamma_{k+1} (Higham 2002, Thm 10.7).
template <class S>
double demmel_bound(Index k) {
  const double u = static_cast<double>(eps<S>()) / 2;
  const double g = static_cast<double>(k + 1) * u / (1 - static_cast<double>(k + 1) * u);
  return static_cast<double>(k) * g / (1 - static_cast<double>(k) * g);
}

template <class S>
void check_failure(const Case& c) {
  BOOST_TEST_CONTEXT("case " << c.name) {
    const MatrixT<S> a = load<S>(c.name + "_a");
    const Index order = failing_order(message_of<LinAlgError>([&] { (void)linalg::cholesky(a, {.lower = c.lower}); }));
    if (c.cond_1 * eps<S>() < 1) {
      BOOST_TEST(order == c.error_order);  // an indefinite minor: no rounding decides it
    } else {
      // Positive definite in exact arithmetic, but cond * eps >= 1: which
      // pivot rounding drives to <= 0 depends on the BLAS kernel's rounding.
      // Demmel's theorem (Higham 2002, Thm 10.7) says where it may stop:
      // Cholesky in floating point succeeds on a k x k minor whose scaled
      // form H = D^-1 A D^-1 (unit diagonal) has lambda_min(H) > k g / (1 - k g),
      // g = gamma_{k+1} = (k+1) u / (1 - (k+1) u). So the named minor must miss
      // that bound, and the one before it must factor.
      BOOST_TEST_REQUIRE(order >= 1);
      BOOST_TEST(order <= a.rows());
      BOOST_TEST(smallest_scaled_eigenvalue<S>(a.topLeftCorner(order, order)) <= demmel_bound<S>(order));
      BOOST_CHECK_NO_THROW(
          (void)linalg::cholesky(MatrixT<S>(a.topLeftCorner(order - 1, order - 1)), {.lower = c.lower}));
    }
    BOOST_CHECK_THROW(linalg::cho_factor(a, {.lower = c.lower}), LinAlgError);
    const linalg::Cholesky<S> chol(a, {.lower = c.lower});
    BOOST_TEST((chol.info() == linalg::CholeskyInfo::not_positive_definite));
  }
}

BOOST_AUTO_TEST_CASE(not_positive_definite_names_the_minor_scipy_names) {
  for (const Case& c : read_cases("cholesky_fail")) {
    testing::with_scalar(c.dtype, [&]<class S>(std::type_identity<S>) { check_failure<S>(c); });
  }
}

BOOST_AUTO_TEST_CASE(docstring_example_is_exact) {
  const Matrix a{{4, 2}, {2, 5}};
  BOOST_TEST((linalg::cholesky(a) == Matrix{{2, 1}, {0, 2}}));
  BOOST_TEST((linalg::cholesky(a, {.lower = true}) == Matrix{{2, 0}, {1, 2}}));
  // cho_factor keeps a's entry in the triangle it does not use.
  BOOST_TEST((linalg::cho_factor(a).c == Matrix{{2, 1}, {2, 2}}));
}

BOOST_AUTO_TEST_CASE(inputs_are_not_modified) {
  std::srand(13);
  const Matrix m = Matrix::Random(6, 6);
  const Matrix a0 = m * m.transpose() + Matrix::Identity(6, 6);
  const Matrix b0 = Matrix::Random(6, 2);
  Matrix a = a0;
  Matrix b = b0;
  for (bool lower : {false, true}) {
    (void)linalg::cholesky(a, {.lower = lower});
    const auto f = linalg::cho_factor(a, {.lower = lower});
    const auto f0 = f;
    (void)linalg::cho_solve(f, b);
    (void)linalg::Cholesky<double>(a, {.lower = lower}).solve(b);
    BOOST_TEST((f.c == f0.c));
  }
  BOOST_TEST((a == a0));
  BOOST_TEST((b == b0));
}

BOOST_AUTO_TEST_CASE(large_random_matrices_have_small_backward_error) {
  std::srand(3);
  const Index n = 300;  // above LAPACK's block size: the blocked ?potrf
  const Matrix m = Matrix::Random(n, n);
  const Matrix a = m * m.transpose() + Matrix::Identity(n, n);
  const Matrix b = Matrix::Random(n, 3);
  const Matrix u = linalg::cholesky(a);
  BOOST_TEST(factorization_ratio<double>(a, u.transpose() * u) <= 30.0);
  BOOST_TEST(residual_ratio<double>(a, linalg::cho_solve(linalg::cho_factor(a, {.lower = true}), b), b) <= 30.0);
}

BOOST_AUTO_TEST_CASE(one_by_one_and_empty_matrices) {
  BOOST_TEST((linalg::cholesky(Matrix{{9.0}}) == Matrix{{3.0}}));
  const Matrix empty = linalg::cholesky(Matrix(0, 0));
  BOOST_TEST(empty.size() == 0);
  const auto f = linalg::cho_factor(Matrix(0, 0), {.lower = true});
  BOOST_TEST(f.c.size() == 0);
  BOOST_TEST(f.lower);
  BOOST_TEST(linalg::cho_solve(f, Matrix(0, 3)).cols() == 3);  // SciPy: empty b in, empty x out
  BOOST_TEST(linalg::cho_solve(linalg::cho_factor(Matrix::Identity(2, 2)), Matrix(2, 0)).rows() == 2);
}

BOOST_AUTO_TEST_CASE(non_square_or_mismatched_input_is_a_value_error) {
  BOOST_TEST(message_of<ValueError>([] { (void)linalg::cholesky(Matrix::Identity(2, 3)); }) ==
             "cholesky: a is 2x3, expected a square matrix");
  const auto f = linalg::cho_factor(Matrix::Identity(3, 3));
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::cho_solve(f, Vector::Ones(2)); }) ==
             "cho_solve: c is 3x3 but b has 2 rows");
  const linalg::ChoFactor<double> not_square{Matrix::Identity(3, 2), false};
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::cho_solve(not_square, Vector::Ones(3)); }) ==
             "cho_solve: c is 3x2, expected a square matrix");
}

BOOST_AUTO_TEST_CASE(nan_or_inf_is_a_value_error_unless_unchecked) {
  Matrix a = Matrix::Identity(3, 3);
  a(2, 0) = std::numeric_limits<double>::quiet_NaN();  // in the triangle the upper factor ignores
  BOOST_TEST(message_of<ValueError>([&] { (void)linalg::cholesky(a); }) ==
             "cholesky: a must contain only finite values, but entry (2, 0) is nan");
  BOOST_CHECK_THROW(linalg::cho_factor(a), ValueError);
  BOOST_CHECK_THROW((void)linalg::Cholesky<double>{a}, ValueError);
  // Unchecked, as SciPy: the ignored triangle does not matter.
  BOOST_TEST((linalg::cholesky(a, {.check_finite = false}) == Matrix::Identity(3, 3)));
  const auto f = linalg::cho_factor(a, {.check_finite = false});
  BOOST_CHECK_THROW(linalg::cho_solve(f, Vector::Ones(3)), ValueError);  // SciPy scans all of c
  BOOST_TEST(linalg::cho_solve(f, Vector::Ones(3), {.check_finite = false}).allFinite());
}

// ---- linalg::Cholesky, the factorization object ---------------------------

BOOST_AUTO_TEST_CASE(object_solves_as_cho_solve_does) {
  using C = std::complex<double>;
  std::srand(17);
  const MatrixT<C> m = MatrixT<C>::Random(7, 7);
  const MatrixT<C> a = m * m.adjoint() + MatrixT<C>::Identity(7, 7);
  const VectorT<C> b = VectorT<C>::Random(7);
  for (bool lower : {false, true}) {
    linalg::Cholesky<C> chol;
    BOOST_TEST((&chol.compute(a, {.lower = lower}) == &chol));  // compute() returns *this
    BOOST_TEST((chol.info() == linalg::CholeskyInfo::success));
    const VectorT<C> x = chol.solve(b);
    BOOST_TEST((x == linalg::cho_solve(chol.factor(), b)));
    BOOST_TEST(residual_ratio<C>(a, x, b) <= 30.0);
    BOOST_TEST((chol.matrixU() == chol.matrixL().adjoint()));
    BOOST_TEST(factorization_ratio<C>(a, chol.matrixL() * chol.matrixU()) <= 30.0);
    BOOST_TEST(chol.matrixL().template triangularView<Eigen::StrictlyUpper>().toDenseMatrix().isZero(0));
  }
}

BOOST_AUTO_TEST_CASE(object_rcond_estimates_the_reciprocal_condition_number) {
  const Matrix h{{1, 1.0 / 2, 1.0 / 3}, {1.0 / 2, 1.0 / 3, 1.0 / 4}, {1.0 / 3, 1.0 / 4, 1.0 / 5}};  // hilbert(3)
  // NumPy: 1 / cond(hilbert(3), 1) = 1 / 748; ?pocon is exact on this matrix.
  BOOST_TEST(linalg::Cholesky<double>(h).rcond() == 1.0 / 748.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(linalg::Cholesky<float>(MatrixT<float>::Identity(3, 3)).rcond() == 1.0f);
  BOOST_TEST(linalg::Cholesky<double>(Matrix(0, 0)).rcond() == 1.0);
}

BOOST_AUTO_TEST_CASE(object_reports_an_indefinite_matrix_through_info) {
  const linalg::Cholesky<double> chol(Matrix{{1, 2}, {2, 1}});
  BOOST_TEST((chol.info() == linalg::CholeskyInfo::not_positive_definite));
  BOOST_TEST(message_of<LinAlgError>([&] { (void)chol.solve(Vector::Ones(2)); }) ==
             "Cholesky::solve: the leading minor of order 2 is not positive definite");
  BOOST_CHECK_THROW((void)chol.matrixL(), LinAlgError);
  BOOST_CHECK_THROW((void)chol.rcond(), LinAlgError);
}

BOOST_AUTO_TEST_CASE(object_used_before_compute_is_a_not_fitted_error) {
  const linalg::Cholesky<double> chol;
  BOOST_TEST(message_of<NotFittedError>([&] { (void)chol.solve(Vector::Ones(2)); }) ==
             "Cholesky::solve: compute() has not been called");
  BOOST_CHECK_THROW((void)chol.info(), NotFittedError);
  BOOST_CHECK_THROW((void)chol.matrixU(), NotFittedError);
}

BOOST_AUTO_TEST_CASE(object_rejects_a_non_square_matrix_and_keeps_its_factor) {
  linalg::Cholesky<double> chol(Matrix{{4.0}});
  BOOST_TEST(message_of<ValueError>([&] { chol.compute(Matrix::Ones(2, 3)); }) ==
             "Cholesky::compute: a is 2x3, expected a square matrix");
  BOOST_TEST(chol.solve(Vector{{8.0}})(0) == 2.0);
}

BOOST_AUTO_TEST_SUITE_END()
