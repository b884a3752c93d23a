#include <boost/mpl/list.hpp>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/gpu/blas.hpp>

#include "gpu/gpu_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(blas)

using namespace scilearn;
using gpu_testing::relative_error;
using scilearn::testing::message_of;
using gpu_testing::HostMatrix;
using gpu_testing::HostVector;
using gpu_testing::Reals;


// A product of inner dimension k, entries in [-1, 1]: each entry is a sum of k
// products, so k units of rounding relative to its magnitude bound (Higham 2002,
// eq. 3.5); measured against max(1, |C|), a few k eps covers any summation order.
template <class T>
double product_tolerance(Index k) {
  return 4.0 * static_cast<double>(std::max<Index>(k, 1)) * std::numeric_limits<T>::epsilon();
}

BOOST_AUTO_TEST_CASE_TEMPLATE(gemm_equals_the_host_product_for_every_op, T, Reals) {
  const Index m = 17, n = 9, k = 23;
  for (gpu::Op op_a : {gpu::Op::none, gpu::Op::transpose}) {
    for (gpu::Op op_b : {gpu::Op::none, gpu::Op::transpose}) {
      const HostMatrix<T> A = op_a == gpu::Op::none ? HostMatrix<T>::Random(m, k) : HostMatrix<T>::Random(k, m);
      const HostMatrix<T> B = op_b == gpu::Op::none ? HostMatrix<T>::Random(k, n) : HostMatrix<T>::Random(n, k);
      const HostMatrix<T> C0 = HostMatrix<T>::Random(m, n);
      const HostMatrix<T> opA = op_a == gpu::Op::none ? A : HostMatrix<T>(A.transpose());
      const HostMatrix<T> opB = op_b == gpu::Op::none ? B : HostMatrix<T>(B.transpose());
      auto dC = gpu::DeviceMatrix<T>::from_host(C0);
      gpu::gemm(op_a, op_b, T(0.5), gpu::DeviceMatrix<T>::from_host(A), gpu::DeviceMatrix<T>::from_host(B), T(-2), dC);
      const HostMatrix<T> expected = T(0.5) * opA * opB - T(2) * C0;
      BOOST_TEST(relative_error(dC.to_host(), expected) <= product_tolerance<T>(k));
      const HostMatrix<T> plain =
          gpu::matmul(gpu::DeviceMatrix<T>::from_host(A), gpu::DeviceMatrix<T>::from_host(B), op_a, op_b).to_host();
      BOOST_TEST(relative_error(plain, HostMatrix<T>(opA * opB)) <= product_tolerance<T>(k));
    }
  }
}

BOOST_AUTO_TEST_CASE(beta_zero_ignores_nan_in_c) {
  const Matrix A = Matrix::Random(3, 4), B = Matrix::Random(4, 2);
  auto dC = gpu::DeviceMatrix<double>::from_host(Matrix::Constant(3, 2, std::numeric_limits<double>::quiet_NaN()));
  gpu::gemm(gpu::Op::none, gpu::Op::none, 1.0, gpu::DeviceMatrix<double>::from_host(A),
            gpu::DeviceMatrix<double>::from_host(B), 0.0, dC);
  BOOST_TEST(relative_error(dC.to_host(), Matrix(A * B)) <= product_tolerance<double>(4));
}

BOOST_AUTO_TEST_CASE(an_empty_inner_dimension_scales_c) {
  auto dC = gpu::DeviceMatrix<double>::from_host(Matrix::Ones(2, 3));
  gpu::gemm(gpu::Op::none, gpu::Op::none, 1.0, gpu::DeviceMatrix<double>(2, 0), gpu::DeviceMatrix<double>(0, 3), 3.0,
            dC);
  BOOST_TEST((dC.to_host().array() == 3.0).all());
}

BOOST_AUTO_TEST_CASE(gemv_with_no_columns_scales_y) {
  auto y = gpu::DeviceVector<double>::from_host(Vector::Constant(3, 2.0));
  gpu::gemv(gpu::Op::none, 1.0, gpu::DeviceMatrix<double>(3, 0), gpu::DeviceVector<double>(0), 0.5, y);
  BOOST_TEST((y.to_host().array() == 1.0).all());
  auto z = gpu::DeviceVector<double>::from_host(Vector::Constant(3, std::numeric_limits<double>::quiet_NaN()));
  gpu::gemv(gpu::Op::none, 1.0, gpu::DeviceMatrix<double>(3, 0), gpu::DeviceVector<double>(0), 0.0, z);
  BOOST_TEST(z.to_host().isZero(0.0));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(gemv_equals_the_host_product, T, Reals) {
  const HostMatrix<T> A = HostMatrix<T>::Random(12, 7);
  const auto dA = gpu::DeviceMatrix<T>::from_host(A);
  const HostVector<T> x7 = HostVector<T>::Random(7), x12 = HostVector<T>::Random(12);
  const HostVector<T> y12 = HostVector<T>::Random(12), y7 = HostVector<T>::Random(7);
  auto dy = gpu::DeviceVector<T>::from_host(y12);
  gpu::gemv(gpu::Op::none, T(2), dA, gpu::DeviceVector<T>::from_host(x7), T(1), dy);
  BOOST_TEST(relative_error(dy.to_host(), HostVector<T>(T(2) * A * x7 + y12)) <= product_tolerance<T>(7));
  auto dz = gpu::DeviceVector<T>::from_host(y7);
  gpu::gemv(gpu::Op::transpose, T(1), dA, gpu::DeviceVector<T>::from_host(x12), T(0), dz);
  BOOST_TEST(relative_error(dz.to_host(), HostVector<T>(A.transpose() * x12)) <= product_tolerance<T>(12));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(syrk_writes_both_triangles_of_the_gram_matrix, T, Reals) {
  const HostMatrix<T> X = HostMatrix<T>::Random(30, 6);  // samples in rows
  const auto dX = gpu::DeviceMatrix<T>::from_host(X);
  gpu::DeviceMatrix<T> G(6, 6);
  gpu::syrk(gpu::Op::transpose, T(1), dX, T(0), G);  // X^T X
  const HostMatrix<T> g = G.to_host();
  BOOST_TEST(relative_error(g, HostMatrix<T>(X.transpose() * X)) <= product_tolerance<T>(30));
  BOOST_TEST((g.array() == g.transpose().array()).all());
  const HostMatrix<T> C0 = HostMatrix<T>::Identity(30, 30);
  auto dK = gpu::DeviceMatrix<T>::from_host(C0);
  gpu::syrk(gpu::Op::none, T(-1), dX, T(2), dK);  // 2 I - X X^T
  BOOST_TEST(relative_error(dK.to_host(), HostMatrix<T>(T(2) * C0 - X * X.transpose())) <= product_tolerance<T>(6));
}

BOOST_AUTO_TEST_CASE(mismatched_shapes_are_value_errors) {
  const gpu::DeviceMatrix<double> A(3, 4), B(5, 2);
  gpu::DeviceMatrix<double> C(3, 2);
  BOOST_TEST(message_of<ValueError>([&] { gpu::gemm(gpu::Op::none, gpu::Op::none, 1.0, A, B, 0.0, C); })
                 .find("op(A) is 3x4 but op(B) is 5x2") != std::string::npos);
  const gpu::DeviceMatrix<double> B2(4, 2);
  gpu::DeviceMatrix<double> wrong(2, 3);
  BOOST_CHECK_THROW(gpu::gemm(gpu::Op::none, gpu::Op::none, 1.0, A, B2, 0.0, wrong), ValueError);
  gpu::DeviceVector<double> y(3);
  BOOST_CHECK_THROW(gpu::gemv(gpu::Op::none, 1.0, A, gpu::DeviceVector<double>(3), 0.0, y), ValueError);
  gpu::DeviceMatrix<double> G(3, 3);
  BOOST_CHECK_THROW(gpu::syrk(gpu::Op::transpose, 1.0, A, 0.0, G), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
