// eye, diags, kron, hstack, vstack, block_diag, tril, triu against their
// dense definitions (exact: the values are only copied or multiplied once).
#include <boost/test/unit_test.hpp>
#include <scilearn/core/errors.hpp>
#include <scilearn/sparse/construct.hpp>

#include "problems.hpp"

BOOST_AUTO_TEST_SUITE(construct)

using namespace scilearn;
using namespace scilearn::sparse;

namespace {

CsrMatrix small(Index m, Index n, double start) {
  Matrix d = Matrix::Zero(m, n);
  for (Index i = 0; i < m; ++i) {
    for (Index j = 0; j < n; ++j) {
      if ((i + 2 * j) % 3 != 0) d(i, j) = start + static_cast<double>(i * n + j);
    }
  }
  return d.sparseView();
}

bool equal(const CsrMatrix& a, const Matrix& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() && (Matrix(a) - b).cwiseAbs().maxCoeff() == 0.0;
}

}  // namespace

BOOST_AUTO_TEST_CASE(eye_puts_ones_on_a_diagonal) {
  BOOST_TEST(equal(eye(3), Matrix::Identity(3, 3)));
  Matrix expected = Matrix::Zero(3, 5);
  expected(0, 2) = expected(1, 3) = expected(2, 4) = 1;
  BOOST_TEST(equal(eye(3, 5, 2), expected));
  expected.setZero(4, 3);
  expected(1, 0) = expected(2, 1) = expected(3, 2) = 1;
  BOOST_TEST(equal(eye(4, 3, -1), expected));
  BOOST_TEST(eye(2, 2, 5).nonZeros() == 0);
  BOOST_CHECK_THROW((void)eye(-1), ValueError);
}

BOOST_AUTO_TEST_CASE(diags_builds_the_poisson_matrix) {
  const Index n = 5;
  const CsrMatrix t =
      diags({Vector::Constant(n - 1, -1.0), Vector::Constant(n, 2.0), Vector::Constant(n - 1, -1.0)}, {-1, 0, 1});
  Matrix expected = 2 * Matrix::Identity(n, n);
  for (Index i = 0; i + 1 < n; ++i) expected(i, i + 1) = expected(i + 1, i) = -1;
  BOOST_TEST(equal(t, expected));
  // 2-D Poisson as kron(I, T) + kron(T, I) - 0 I: the same as the 5-point stencil.
  const CsrMatrix a = kron(eye(n), t) + kron(t, eye(n));
  BOOST_TEST(equal(a, Matrix(testing::poisson2d(static_cast<int>(n)))));
}

BOOST_AUTO_TEST_CASE(diags_broadcasts_scalars_and_takes_a_shape) {
  const CsrMatrix a = diags({Vector::Constant(1, 3.0), Vector{{1.0, 2.0}}}, {0, 2}, std::pair<Index, Index>{3, 4});
  Matrix expected = Matrix::Zero(3, 4);
  expected(0, 0) = expected(1, 1) = expected(2, 2) = 3;
  expected(0, 2) = 1;
  expected(1, 3) = 2;
  BOOST_TEST(equal(a, expected));
  // Without a shape: square of size len(d0) + |k0|.
  BOOST_TEST(diags({Vector{{1.0, 2.0}}}, {-1}).rows() == 3);
  // Zeros are not stored.
  BOOST_TEST(diags({Vector{{1.0, 0.0, 2.0}}}, {0}).nonZeros() == 2);
}

BOOST_AUTO_TEST_CASE(diags_rejects_inconsistent_input) {
  BOOST_CHECK_THROW((void)diags({Vector::Ones(3)}, {0, 1}), ValueError);
  BOOST_CHECK_THROW((void)diags({Vector::Ones(3), Vector::Ones(3)}, {0, 0}), ValueError);
  BOOST_CHECK_THROW((void)diags({Vector::Ones(3), Vector::Ones(3)}, {0, 1}), ValueError);
  BOOST_CHECK_THROW((void)diags({Vector::Ones(2)}, {5}, std::pair<Index, Index>{3, 3}), ValueError);
  BOOST_CHECK_THROW((void)diags({Vector::Ones(2)}, {0}, std::pair<Index, Index>{-1, 3}), ValueError);
}

BOOST_AUTO_TEST_CASE(kron_matches_the_dense_kronecker_product) {
  const CsrMatrix a = small(2, 3, 1.0), b = small(3, 2, -4.0);
  const Matrix da = Matrix(a), db = Matrix(b);
  Matrix expected(6, 6);
  for (Index i = 0; i < 2; ++i) {
    for (Index j = 0; j < 3; ++j) expected.block(i * 3, j * 2, 3, 2) = da(i, j) * db;
  }
  BOOST_TEST(equal(kron(a, b), expected));
}

BOOST_AUTO_TEST_CASE(stacking_and_block_diag_place_the_blocks) {
  const CsrMatrix a = small(2, 3, 1.0), b = small(2, 2, 10.0), c = small(3, 3, 20.0);
  Matrix h(2, 5);
  h << Matrix(a), Matrix(b);
  BOOST_TEST(equal(hstack({a, b}), h));
  Matrix v(5, 3);
  v << Matrix(a), Matrix(c);
  BOOST_TEST(equal(vstack({a, c}), v));
  Matrix d = Matrix::Zero(5, 6);
  d.topLeftCorner(2, 3) = Matrix(a);
  d.bottomRightCorner(3, 3) = Matrix(c);
  BOOST_TEST(equal(block_diag({a, c}), d));
  BOOST_TEST(block_diag({}).rows() == 0);
  BOOST_CHECK_THROW((void)hstack({a, c}), ValueError);
  BOOST_CHECK_THROW((void)vstack({a, b}), ValueError);
  BOOST_CHECK_THROW((void)hstack({}), ValueError);
}

BOOST_AUTO_TEST_CASE(tril_and_triu_keep_a_triangle) {
  const CsrMatrix a = small(4, 5, 1.0);
  const Matrix d = Matrix(a);
  for (Index k = -2; k <= 2; ++k) {
    Matrix lower = d, upper = d;
    for (Index i = 0; i < 4; ++i) {
      for (Index j = 0; j < 5; ++j) {
        if (j - i > k) lower(i, j) = 0;
        if (j - i < k) upper(i, j) = 0;
      }
    }
    BOOST_TEST(equal(tril(a, k), lower));
    BOOST_TEST(equal(triu(a, k), upper));
  }
}

// CsrMatrix has 32-bit indices: a result beyond them is refused before any
// index is narrowed (the inputs here are wide but store almost nothing).
BOOST_AUTO_TEST_CASE(results_beyond_32_bit_indices_are_refused) {
  CsrMatrix wide(1, 1500000000);
  wide.insert(0, 1499999999) = 1.0;
  BOOST_CHECK_THROW((void)hstack({wide, wide}), ValueError);
  BOOST_CHECK_THROW((void)block_diag({wide, wide}), ValueError);
  CsrMatrix a(1, 100000), b(1, 30000);
  a.insert(0, 99999) = 1.0;
  b.insert(0, 29999) = 1.0;
  BOOST_CHECK_THROW((void)kron(a, b), ValueError);
  BOOST_CHECK_THROW((void)eye(3000000000), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
