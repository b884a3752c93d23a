// The Cholesky object (CHOLMOD): solves by residual, the log-determinant
// against the closed-form eigenvalues of 2-D Poisson, the factor against its
// defining equation, and update / downdate against dense factorizations.
#include <Eigen/Cholesky>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <numbers>
#include <scilearn/core/errors.hpp>
#include <scilearn/sparse/cholesky.hpp>
#include <vector>

#include "problems.hpp"

BOOST_AUTO_TEST_SUITE(cholesky)

using namespace scilearn;
using namespace scilearn::sparse;

namespace {

/// log det of 2-D Poisson on an nx x nx grid, shifted by beta: the sum of the
/// logs of its eigenvalues 4 - 2 cos(i pi / (nx + 1)) - 2 cos(j pi / (nx + 1)) + beta.
double poisson_logdet(int nx, double beta) {
  double sum = 0;
  const double h = std::numbers::pi / (nx + 1);
  for (int i = 1; i <= nx; ++i) {
    for (int j = 1; j <= nx; ++j) sum += std::log(4 - 2 * std::cos(i * h) - 2 * std::cos(j * h) + beta);
  }
  return sum;
}

/// The n x 2 update C with a few entries of either sign.
CscMatrix low_rank(Index n) {
  std::vector<Triplet> t;
  for (Index i = 0; i < n; i += 7) t.emplace_back(static_cast<int>(i), 0, 0.5 + static_cast<double>(i % 3));
  for (Index i = 3; i < n; i += 11) t.emplace_back(static_cast<int>(i), 1, -1.0 + 0.25 * static_cast<double>(i % 5));
  CscMatrix c(n, 2);
  c.setFromTriplets(t.begin(), t.end());
  return c;
}

double dense_logdet(const Matrix& a) {
  const Eigen::LLT<Matrix> llt(a);
  BOOST_TEST_REQUIRE(llt.info() == Eigen::Success);
  return 2 * llt.matrixLLT().diagonal().array().log().sum();
}

}  // namespace

// n eps-sized relative errors: the factorization is backward stable and Poisson
// is well conditioned (cond < 200 at nx = 20), so 1e-12 leaves a wide margin.
BOOST_AUTO_TEST_CASE(solves_and_logdet_match_closed_forms) {
  const CscMatrix a = testing::poisson2d(20);
  const Cholesky chol(a);
  BOOST_TEST(chol.rows() == 400);
  const Vector b = testing::rhs(400);
  const Vector x = chol.solve(b);
  BOOST_TEST((a * x - b).norm() / b.norm() <= 1e-12);
  BOOST_TEST(std::abs(chol.logdet() - poisson_logdet(20, 0.0)) <= 1e-12 * std::abs(poisson_logdet(20, 0.0)));
  const Cholesky shifted(a, {.beta = 0.5});
  BOOST_TEST(std::abs(shifted.logdet() - poisson_logdet(20, 0.5)) <= 1e-12 * std::abs(poisson_logdet(20, 0.5)));
  const Matrix B = Matrix::Ones(400, 3);
  const Matrix X = shifted.solve(B);
  BOOST_TEST((Matrix(a * X) + 0.5 * X - B).norm() / B.norm() <= 1e-12);
  const Cholesky from_csr(testing::poisson2d(20));  // CSR storage, same factor
  BOOST_TEST((from_csr.solve(b) - x).norm() <= 1e-12 * x.norm());
}

BOOST_AUTO_TEST_CASE(factor_satisfies_p_a_pt_equals_l_lt) {
  const CscMatrix a = testing::scaled_poisson(12);
  for (const auto ordering : {CholeskyOrdering::automatic, CholeskyOrdering::natural, CholeskyOrdering::amd,
                              CholeskyOrdering::metis, CholeskyOrdering::nesdis}) {
    BOOST_TEST_CONTEXT("ordering " << static_cast<int>(ordering)) {
      const Cholesky chol(a, {.ordering = ordering});
      const CscMatrix l = chol.L();
      const std::vector<Index> p = chol.P();
      BOOST_TEST_REQUIRE(p.size() == 144u);
      Matrix pap(144, 144);
      const Matrix dense = Matrix(a);
      for (Index i = 0; i < 144; ++i) {
        for (Index j = 0; j < 144; ++j) pap(i, j) = dense(p[static_cast<std::size_t>(i)], p[static_cast<std::size_t>(j)]);
      }
      const Matrix ld = Matrix(l);
      BOOST_TEST(ld.isLowerTriangular());
      BOOST_TEST((ld * ld.transpose() - pap).norm() <= 1e-12 * pap.norm());
      if (ordering == CholeskyOrdering::natural) {
        for (Index k = 0; k < 144; ++k) BOOST_TEST(p[static_cast<std::size_t>(k)] == k);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(update_and_downdate_match_dense_factorizations) {
  const CscMatrix a = testing::poisson2d(15);
  const CscMatrix c = low_rank(225);
  Cholesky chol(a);
  const double original = chol.logdet();
  chol.update(c);
  const Matrix updated = Matrix(a) + Matrix(c) * Matrix(c).transpose();
  BOOST_TEST(std::abs(chol.logdet() - dense_logdet(updated)) <= 1e-11 * std::abs(original));
  const Vector b = testing::rhs(225);
  BOOST_TEST((updated * chol.solve(b) - b).norm() / b.norm() <= 1e-12);
  const Matrix lu = Matrix(chol.L());  // the factor after an update is still L L^T of P (A + C C^T) P^T
  BOOST_TEST(lu.isLowerTriangular());
  const std::vector<Index> p = chol.P();
  Matrix permuted(225, 225);
  for (Index i = 0; i < 225; ++i) {
    for (Index j = 0; j < 225; ++j) permuted(i, j) = updated(p[static_cast<std::size_t>(i)], p[static_cast<std::size_t>(j)]);
  }
  BOOST_TEST((lu * lu.transpose() - permuted).norm() <= 1e-12 * permuted.norm());
  chol.downdate(c);
  BOOST_TEST(std::abs(chol.logdet() - original) <= 1e-11 * std::abs(original));
  BOOST_TEST((a * chol.solve(b) - b).norm() / b.norm() <= 1e-12);
}

BOOST_AUTO_TEST_CASE(failed_downdate_leaves_the_factor_unchanged) {
  const CscMatrix a = testing::poisson2d(10);
  Cholesky chol(a);
  const double before = chol.logdet();
  CscMatrix c(100, 1);
  c.insert(0, 0) = 3.0;  // A - 9 e_0 e_0^T has A_00 = -5
  BOOST_CHECK_THROW(chol.downdate(c), LinAlgError);
  BOOST_TEST(chol.logdet() == before);
  const Vector b = testing::rhs(100);
  BOOST_TEST((a * chol.solve(b) - b).norm() / b.norm() <= 1e-12);
}

BOOST_AUTO_TEST_CASE(bad_input_and_edge_cases) {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  const CscMatrix a = testing::poisson2d(5);
  BOOST_CHECK_THROW(Cholesky(CscMatrix(3, 4)), ValueError);
  CscMatrix with_nan = a;
  with_nan.coeffRef(1, 1) = nan;
  BOOST_CHECK_THROW(Cholesky{with_nan}, ValueError);
  BOOST_CHECK_THROW(Cholesky(a, {.beta = nan}), ValueError);
  BOOST_CHECK_THROW(Cholesky(a, {.beta = -10.0}), LinAlgError);  // eigenvalues of A lie in (0, 8)
  const Cholesky chol(a);
  BOOST_CHECK_THROW((void)chol.solve(Vector::Ones(24)), ValueError);
  Vector b = Vector::Ones(25);
  b(4) = nan;
  BOOST_CHECK_THROW((void)chol.solve(b), ValueError);
  Cholesky movable(a);
  BOOST_CHECK_THROW(movable.update(CscMatrix(24, 1)), ValueError);
  CscMatrix c_nan(25, 1);
  c_nan.insert(3, 0) = nan;
  BOOST_CHECK_THROW(movable.update(c_nan), ValueError);
  const Cholesky moved(std::move(movable));
  BOOST_CHECK_THROW((void)movable.logdet(), ValueError);  // NOLINT(bugprone-use-after-move): the moved-from state is tested
  CscMatrix lower_only = CscMatrix(CsrMatrix(a).triangularView<Eigen::Lower>());
  BOOST_CHECK_THROW(Cholesky{lower_only}, ValueError);  // scikit-sparse's convention, refused
  BOOST_TEST((a * moved.solve(Vector::Ones(25)) - Vector::Ones(25)).norm() <= 1e-12 * 5);
  const Cholesky empty{CscMatrix(0, 0)};
  BOOST_TEST(empty.logdet() == 0.0);
  BOOST_TEST(empty.solve(Vector(0)).size() == 0);
  BOOST_TEST(empty.P().empty());
}

BOOST_AUTO_TEST_SUITE_END()
