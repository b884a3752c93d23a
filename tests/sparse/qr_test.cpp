// qr and qr_solve (SuiteSparseQR) against their defining properties: the
// normal equations of least squares, the minimum-norm solution from a dense
// complete orthogonal decomposition, and A(:, E) = Q R with orthonormal Q.
#include <Eigen/QR>
#include <boost/test/unit_test.hpp>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/sparse/qr.hpp>
#include <vector>

#include "problems.hpp"

BOOST_AUTO_TEST_SUITE(sparse_qr)

using namespace scilearn;
using namespace scilearn::sparse;

namespace {

/// 2-D Poisson (25 x 25) with 15 more rows below: overdetermined, full rank.
CscMatrix tall() {
  const CsrMatrix p = testing::poisson2d(5);
  std::vector<Triplet> t;
  for (int r = 0; r < 25; ++r) {
    for (CsrMatrix::InnerIterator it(p, r); it; ++it) t.emplace_back(r, it.col(), it.value());
  }
  for (int r = 0; r < 15; ++r) {
    t.emplace_back(25 + r, r, 1.0 + r % 3);
    t.emplace_back(25 + r, (3 * r + 7) % 25, -0.5);
  }
  CscMatrix a(40, 25);
  a.setFromTriplets(t.begin(), t.end());
  return a;
}

Vector rhs(Index m) {
  Vector b(m);
  for (Index k = 0; k < m; ++k) b(k) = std::sin(static_cast<double>(k) + 1.0);
  return b;
}

}  // namespace

// Rounding errors of a backward-stable QR are a few eps cond(A) ||b||; these
// matrices have cond < 100, so 1e-11 relative is a wide margin.
BOOST_AUTO_TEST_CASE(least_squares_solves_the_normal_equations) {
  const CscMatrix a = tall();
  const Vector b = rhs(40);
  const Vector x = qr_solve(a, b);
  const Vector gradient = a.transpose() * (a * x - b);
  BOOST_TEST(gradient.norm() <= 1e-11 * b.norm());
  const Vector dense = Matrix(a).colPivHouseholderQr().solve(b);
  BOOST_TEST((x - dense).norm() <= 1e-11 * dense.norm());
  const Matrix B = Matrix::Ones(40, 2);
  const Matrix X = qr_solve(a, B, {.ordering = QrOrdering::natural});
  BOOST_TEST((Matrix(a.transpose() * (a * X - B))).norm() <= 1e-11 * B.norm());
}

BOOST_AUTO_TEST_CASE(rank_deficient_gives_a_basic_solution) {
  CscMatrix a = tall();
  // column 7 := column 3: rank 24
  std::vector<Triplet> t;
  for (Index j = 0; j < a.outerSize(); ++j) {
    if (j == 7) continue;
    for (CscMatrix::InnerIterator it(a, j); it; ++it) {
      t.emplace_back(it.row(), it.col(), it.value());
      if (j == 3) t.emplace_back(it.row(), 7, it.value());
    }
  }
  CscMatrix deficient(40, 25);
  deficient.setFromTriplets(t.begin(), t.end());
  const Vector b = rhs(40);
  const Vector x = qr_solve(deficient, b);
  BOOST_TEST((deficient.transpose() * (deficient * x - b)).norm() <= 1e-10 * b.norm());
  BOOST_TEST((x.array() == 0.0).count() >= 1);  // basic: n - rank entries zero
  const SparseQR f = qr(deficient);
  BOOST_TEST(f.rank == 24);
}

BOOST_AUTO_TEST_CASE(underdetermined_gives_the_minimum_norm_solution) {
  const CscMatrix a = CscMatrix(tall().transpose());  // 25 x 40, full row rank
  const Vector b = rhs(25);
  const Vector x = qr_solve(a, b);
  BOOST_TEST((a * x - b).norm() <= 1e-11 * b.norm());
  const Vector min_norm = Matrix(a).completeOrthogonalDecomposition().solve(b);
  BOOST_TEST((x - min_norm).norm() <= 1e-11 * min_norm.norm());
}

BOOST_AUTO_TEST_CASE(factors_satisfy_a_e_equals_q_r) {
  const CscMatrix a = tall();
  for (const bool economy : {true, false}) {
    const SparseQR f = qr(a, {.ordering = QrOrdering::colamd}, economy);
    BOOST_TEST(f.rank == 25);
    BOOST_TEST(f.Q.rows() == 40);
    BOOST_TEST(f.Q.cols() == (economy ? 25 : 40));
    BOOST_TEST(f.R.rows() == f.Q.cols());
    const Matrix q = Matrix(f.Q);
    const Matrix r = Matrix(f.R);
    BOOST_TEST((q.transpose() * q - Matrix::Identity(q.cols(), q.cols())).norm() <= 1e-12 * 40);
    BOOST_TEST(r.isUpperTriangular());
    Matrix ae(40, 25);
    const Matrix dense = Matrix(a);
    for (Index k = 0; k < 25; ++k) ae.col(k) = dense.col(f.E[static_cast<std::size_t>(k)]);
    BOOST_TEST((q * r - ae).norm() <= 1e-12 * ae.norm());
  }
}

BOOST_AUTO_TEST_CASE(bad_input_and_empty) {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  const CscMatrix a = tall();
  BOOST_CHECK_THROW((void)qr_solve(a, Vector::Ones(39)), ValueError);
  Vector b = Vector::Ones(40);
  b(5) = nan;
  BOOST_CHECK_THROW((void)qr_solve(a, b), ValueError);
  CscMatrix with_nan = a;
  with_nan.coeffRef(0, 0) = nan;
  BOOST_CHECK_THROW((void)qr_solve(with_nan, Vector::Ones(40)), ValueError);
  BOOST_CHECK_THROW((void)qr(with_nan), ValueError);
  BOOST_TEST(qr_solve(CscMatrix(0, 3), Vector(0)).size() == 3);
  BOOST_TEST(qr(CscMatrix(4, 0)).E.empty());
}

BOOST_AUTO_TEST_SUITE_END()
