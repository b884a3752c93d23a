// spsolve through UMFPACK and CHOLMOD, checked by backward error (LAPACK's
// residual ratio ||b - A x|| / (||A|| ||x|| n eps)) and against known solutions;
// singular and indefinite matrices throw LinAlgError.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/sparse/factorized.hpp>
#include <scilearn/sparse/spsolve.hpp>
#include <vector>

#include "problems.hpp"

BOOST_AUTO_TEST_SUITE(spsolve)

using namespace scilearn;
using namespace scilearn::sparse;

namespace {

constexpr double eps = std::numeric_limits<double>::epsilon();

// LAPACK's test ratio for a solve; <= 30 passes (QUALITY.md). ||A|| is the
// Frobenius norm, an upper bound of the 2-norm.
template <class M>
double residual_ratio(const M& a, const Vector& x, const Vector& b) {
  const double n = static_cast<double>(a.rows());
  return (b - a * x).norm() / (a.norm() * x.norm() * n * eps);
}

CscMatrix from_triplets(Index n, const std::vector<Triplet>& t) {
  CscMatrix a(n, n);
  a.setFromTriplets(t.begin(), t.end());
  return a;
}

}  // namespace

BOOST_AUTO_TEST_CASE(umfpack_solves_a_nonsymmetric_system) {
  const CsrMatrix a_csr = testing::convection_diffusion(30);
  const CscMatrix a = a_csr;
  const Vector x_true = Vector::LinSpaced(a.rows(), -1, 2);
  const Vector b = a * x_true;
  const Vector x = sparse::spsolve(a, b);
  BOOST_TEST(residual_ratio(a, x, b) <= 30.0);
  // cond(A) is below 1e3 for this diagonally dominant matrix.
  BOOST_TEST((x - x_true).norm() <= 1e3 * a.rows() * eps * x_true.norm());
  // CSR input is solved as the transpose of its CSC arrays: the same answer.
  const Vector x_csr = sparse::spsolve(a_csr, b);
  BOOST_TEST(residual_ratio(a, x_csr, b) <= 30.0);
}

BOOST_AUTO_TEST_CASE(cholmod_solves_an_spd_system_from_csc_and_csr) {
  const CsrMatrix a_csr = testing::scaled_poisson(25);
  const CscMatrix a = a_csr;
  const Vector b = testing::rhs(a.rows());
  const SpsolveOptions pos{.assume_a = AssumeA::pos};
  const Vector x = sparse::spsolve(a, b, pos);
  BOOST_TEST(residual_ratio(a, x, b) <= 30.0);
  BOOST_TEST(residual_ratio(a, Vector(sparse::spsolve(a_csr, b, pos)), b) <= 30.0);
  // LU on the same matrix agrees to the conditioning (cond(A) < 1e5 here).
  const Vector x_lu = sparse::spsolve(a, b);
  BOOST_TEST((x - x_lu).norm() <= 1e5 * a.rows() * eps * x.norm());
}

BOOST_AUTO_TEST_CASE(cholmod_reads_only_the_upper_triangle) {
  CscMatrix a = testing::poisson2d(6);
  const Vector b = testing::rhs(a.rows());
  const Vector x = sparse::spsolve(a, b, {.assume_a = AssumeA::pos});
  CscMatrix upper = a.triangularView<Eigen::Upper>();
  // Garbage below the diagonal must not matter, as scipy.linalg.solve(lower=False).
  for (Index j = 0; j + 1 < upper.cols(); ++j) upper.coeffRef(j + 1, j) = 1e3;
  const Vector x_upper = sparse::spsolve(upper, b, {.assume_a = AssumeA::pos});
  BOOST_TEST((x - x_upper).norm() <= 100 * eps * x.norm());
}

BOOST_AUTO_TEST_CASE(several_right_hand_sides_share_one_factorization) {
  const CscMatrix a = testing::convection_diffusion(8);
  Matrix b(a.rows(), 3);
  b.col(0) = testing::rhs(a.rows());
  b.col(1) = Vector::Ones(a.rows());
  b.col(2) = Vector::LinSpaced(a.rows(), 0, 1);
  for (const AssumeA assume : {AssumeA::gen, AssumeA::pos}) {
    const CscMatrix m = assume == AssumeA::pos ? CscMatrix(testing::poisson2d(8)) : a;
    const Matrix x = sparse::spsolve(m, b, {.assume_a = assume});
    BOOST_TEST_REQUIRE(x.cols() == 3);
    for (Index j = 0; j < 3; ++j) BOOST_TEST(residual_ratio(m, Vector(x.col(j)), Vector(b.col(j))) <= 30.0);
  }
}

BOOST_AUTO_TEST_CASE(an_uncompressed_matrix_is_solved) {
  CscMatrix a(3, 3);
  a.insert(0, 0) = 2.0;
  a.insert(1, 1) = 4.0;
  a.insert(2, 2) = 8.0;
  a.insert(0, 2) = 1.0;
  BOOST_TEST_REQUIRE(!a.isCompressed());
  const Vector x = sparse::spsolve(a, Vector{{3.0, 4.0, 8.0}});
  BOOST_TEST((x - Vector{{1.0, 1.0, 1.0}}).norm() <= 4 * eps);
}

BOOST_AUTO_TEST_CASE(singular_matrices_throw_linalg_error) {
  // Structurally singular: column 1 is empty.
  const CscMatrix empty_column = from_triplets(3, {{0, 0, 1.0}, {2, 2, 1.0}, {1, 0, 1.0}});
  BOOST_CHECK_THROW((void)sparse::spsolve(empty_column, Vector::Ones(3)), LinAlgError);
  // Numerically singular: row 2 = row 0 + row 1.
  const CscMatrix dependent =
      from_triplets(3, {{0, 0, 1.0}, {0, 1, 2.0}, {1, 1, 1.0}, {1, 2, 1.0}, {2, 0, 1.0}, {2, 1, 3.0}, {2, 2, 1.0}});
  BOOST_CHECK_THROW((void)sparse::spsolve(dependent, Vector::Ones(3)), LinAlgError);
  BOOST_CHECK_THROW((void)sparse::spsolve(CscMatrix(4, 4), Vector::Ones(4)), LinAlgError);
}

BOOST_AUTO_TEST_CASE(non_spd_matrix_given_as_spd_throws_linalg_error) {
  const CscMatrix indefinite = testing::indefinite_poisson(6);
  BOOST_CHECK_THROW((void)sparse::spsolve(indefinite, testing::rhs(36), {.assume_a = AssumeA::pos}), LinAlgError);
  // LU handles it.
  const Vector x = sparse::spsolve(indefinite, testing::rhs(36));
  BOOST_TEST(residual_ratio(indefinite, x, testing::rhs(36)) <= 30.0);
  const CscMatrix negative = -CscMatrix(testing::poisson2d(3));
  BOOST_CHECK_THROW((void)sparse::spsolve(negative, testing::rhs(9), {.assume_a = AssumeA::pos}), LinAlgError);
}

BOOST_AUTO_TEST_CASE(bad_input_throws_value_error) {
  const CscMatrix a = testing::poisson2d(3);
  BOOST_CHECK_THROW((void)sparse::spsolve(a, Vector::Ones(8)), ValueError);
  BOOST_CHECK_THROW((void)sparse::spsolve(CscMatrix(3, 4), Vector::Ones(3)), ValueError);
  Vector b = Vector::Ones(9);
  b(4) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)sparse::spsolve(a, b), ValueError);
  CscMatrix bad = a;
  bad.coeffRef(2, 2) = std::numeric_limits<double>::infinity();
  BOOST_CHECK_THROW((void)sparse::spsolve(bad, Vector::Ones(9)), ValueError);
  BOOST_CHECK_THROW((void)sparse::spsolve(bad, Vector::Ones(9), {.assume_a = AssumeA::pos}), ValueError);
}

BOOST_AUTO_TEST_CASE(empty_system_gives_empty_solution) {
  BOOST_TEST(sparse::spsolve(CscMatrix(0, 0), Vector()).size() == 0);
}

BOOST_AUTO_TEST_CASE(factorized_solves_many_right_hand_sides_after_the_matrix_is_gone) {
  const CsrMatrix a = testing::convection_diffusion(12);
  const CsrMatrix spd = testing::scaled_poisson(12);
  const auto make = [](const CsrMatrix& m, AssumeA assume) {
    const CscMatrix temporary = m;  // destroyed on return: the object keeps its own copy
    return sparse::factorized(temporary, {.assume_a = assume});
  };
  const Factorized lu = make(a, AssumeA::gen);
  const Factorized chol = make(spd, AssumeA::pos);
  const Factorized lu_csr = sparse::factorized(a);
  BOOST_TEST(lu.rows() == a.rows());
  for (int k = 0; k < 3; ++k) {
    const Vector b = Vector::LinSpaced(a.rows(), k, 2 * k + 1);
    BOOST_TEST(residual_ratio(a, lu(b), b) <= 30.0);
    BOOST_TEST(residual_ratio(a, lu_csr(b), b) <= 30.0);
    BOOST_TEST(residual_ratio(spd, chol(b), b) <= 30.0);
    BOOST_TEST((lu_csr(b) - sparse::spsolve(a, b)).norm() == 0.0);  // the same factorization
  }
  const Matrix x = chol.solve(Matrix::Ones(spd.rows(), 2));
  BOOST_TEST(residual_ratio(spd, Vector(x.col(1)), Vector::Ones(spd.rows())) <= 30.0);
}

BOOST_AUTO_TEST_CASE(factorized_rejects_what_spsolve_rejects) {
  BOOST_CHECK_THROW((void)sparse::factorized(CscMatrix(3, 3)), LinAlgError);
  BOOST_CHECK_THROW((void)sparse::factorized(CscMatrix(testing::indefinite_poisson(4)), {.assume_a = AssumeA::pos}),
                    LinAlgError);
  BOOST_CHECK_THROW((void)sparse::factorized(CscMatrix(2, 3)), ValueError);
  const Factorized lu = sparse::factorized(CscMatrix(testing::poisson2d(3)));
  BOOST_CHECK_THROW((void)lu(Vector::Ones(8)), ValueError);
  Vector b = Vector::Ones(9);
  b(0) = std::numeric_limits<double>::infinity();
  BOOST_CHECK_THROW((void)lu(b), ValueError);
  BOOST_TEST(sparse::factorized(CscMatrix(0, 0)).solve(Matrix(0, 2)).cols() == 2);
}

BOOST_AUTO_TEST_SUITE_END()
