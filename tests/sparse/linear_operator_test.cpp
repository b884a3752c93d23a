#include <boost/test/unit_test.hpp>
#include <scilearn/core/errors.hpp>
#include <scilearn/sparse/linear_operator.hpp>
#include <scilearn/sparse/preconditioners.hpp>
#include <utility>

#include "problems.hpp"

BOOST_AUTO_TEST_SUITE(linear_operator)

using namespace scilearn;
using namespace scilearn::sparse;

namespace {

CsrMatrix rectangular() {
  CsrMatrix a(2, 3);
  const std::vector<Triplet> t{{0, 0, 1.0}, {0, 2, 2.0}, {1, 1, -3.0}, {1, 2, 0.5}};
  a.setFromTriplets(t.begin(), t.end());
  return a;
}

}  // namespace

BOOST_AUTO_TEST_CASE(operator_from_csr_csc_64_bit_and_dense_agree_with_the_product) {
  const CsrMatrix a = rectangular();
  const CscMatrix a_csc = a;
  const CsrMatrix64 a64 = a;
  const CscMatrix64 a64_csc = a;
  const Matrix a_dense = Matrix(a);
  const Vector x{{1.0, 2.0, -1.0}};
  const Vector u{{0.5, -2.0}};
  for (const LinearOperator& op : {LinearOperator(a), LinearOperator(a_csc), LinearOperator(a64),
                                   LinearOperator(a64_csc), LinearOperator(a_dense)}) {
    BOOST_TEST(op.rows() == 2);
    BOOST_TEST(op.cols() == 3);
    BOOST_TEST(op.has_rmatvec());
    BOOST_TEST((op.matvec(x) - a_dense * x).norm() == 0.0);
    BOOST_TEST((op.rmatvec(u) - a_dense.transpose() * u).norm() == 0.0);
    const LinearOperator t = op.transpose();
    BOOST_TEST(t.rows() == 3);
    BOOST_TEST((t.matvec(u) - a_dense.transpose() * u).norm() == 0.0);
  }
}

BOOST_AUTO_TEST_CASE(operator_from_an_rvalue_owns_its_matrix) {
  const LinearOperator op = [] { return LinearOperator(rectangular()); }();  // the matrix is gone
  const Vector x{{1.0, 1.0, 1.0}};
  BOOST_TEST((op.matvec(x) - Vector{{3.0, -2.5}}).norm() == 0.0);
}

BOOST_AUTO_TEST_CASE(matrix_free_operator_calls_its_callables) {
  Index n = 5;  // not const: clang would call the capture unnecessary
  // The 1-D Laplacian, never stored.
  const LinearOperator::MatVec laplacian = [n](const VectorView& x, VectorRef y) {
    for (Index i = 0; i < n; ++i) y(i) = 2 * x(i) - (i > 0 ? x(i - 1) : 0) - (i + 1 < n ? x(i + 1) : 0);
  };
  const LinearOperator op(n, n, laplacian);
  BOOST_TEST(!op.has_rmatvec());
  BOOST_TEST((op.matvec(Vector::Ones(n)) - Vector{{1.0, 0.0, 0.0, 0.0, 1.0}}).norm() == 0.0);
  BOOST_CHECK_THROW((void)op.rmatvec(Vector::Ones(n)), ValueError);
  BOOST_CHECK_THROW((void)op.transpose(), ValueError);
}

BOOST_AUTO_TEST_CASE(wrong_sizes_and_bad_construction_throw_value_error) {
  const CsrMatrix a = rectangular();
  const LinearOperator op(a);
  BOOST_CHECK_THROW((void)op.matvec(Vector::Ones(2)), ValueError);
  BOOST_CHECK_THROW((void)op.rmatvec(Vector::Ones(3)), ValueError);
  BOOST_CHECK_THROW(LinearOperator(-1, 2, [](const VectorView&, VectorRef) {}), ValueError);
  BOOST_CHECK_THROW(LinearOperator(2, 2, LinearOperator::MatVec{}), ValueError);
}

BOOST_AUTO_TEST_CASE(identity_operator_copies) {
  const Vector x{{1.0, -2.0, 3.0}};
  BOOST_TEST((identity_operator(3).matvec(x) - x).norm() == 0.0);
}

BOOST_AUTO_TEST_CASE(jacobi_divides_by_the_diagonal) {
  const CsrMatrix a = testing::scaled_poisson(3);
  const LinearOperator m = jacobi(a);
  const Vector x = Vector::LinSpaced(9, 1, 9);
  const Vector expected = x.cwiseQuotient(Vector(a.diagonal()));
  BOOST_TEST((m.matvec(x) - expected).norm() <= 1e-15 * expected.norm());
  BOOST_TEST((jacobi(CscMatrix(a)).matvec(x) - expected).norm() <= 1e-15 * expected.norm());
}

BOOST_AUTO_TEST_CASE(jacobi_rejects_a_zero_diagonal_and_non_square_input) {
  CsrMatrix a = testing::poisson2d(3);
  a.coeffRef(4, 4) = 0.0;
  BOOST_CHECK_THROW((void)jacobi(a), ValueError);
  BOOST_CHECK_THROW((void)jacobi(rectangular()), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
