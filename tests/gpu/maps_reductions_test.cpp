#include <boost/test/unit_test.hpp>
#include <boost/mpl/list.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/gpu/primitives.hpp>

#include "gpu/gpu_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(maps_reductions)

using namespace scilearn;
using gpu_testing::relative_error;
using gpu_testing::sum_tolerance;
using scilearn::testing::message_of;
using gpu_testing::HostMatrix;
using gpu_testing::HostVector;
using gpu_testing::Reals;


BOOST_AUTO_TEST_CASE_TEMPLATE(unary_maps_equal_the_host_functions, T, Reals) {
  const HostVector<T> x = (HostVector<T>::Random(50).array() + T(1.5)).matrix();  // positive: log, sqrt
  const auto dx = gpu::DeviceVector<T>::from_host(x);
  const T tol = 4 * std::numeric_limits<T>::epsilon();  // each map is one correctly or nearly rounded call
  BOOST_TEST(relative_error(gpu::map(gpu::UnaryOp::negate, dx).to_host(), HostVector<T>(-x)) == 0.0);
  BOOST_TEST(relative_error(gpu::map(gpu::UnaryOp::abs, gpu::map(gpu::UnaryOp::negate, dx)).to_host(), x) == 0.0);
  BOOST_TEST(relative_error(gpu::map(gpu::UnaryOp::square, dx).to_host(), HostVector<T>(x.array().square())) <= tol);
  BOOST_TEST(relative_error(gpu::map(gpu::UnaryOp::sqrt, dx).to_host(), HostVector<T>(x.array().sqrt())) <= tol);
  BOOST_TEST(relative_error(gpu::map(gpu::UnaryOp::exp, dx).to_host(), HostVector<T>(x.array().exp())) <= tol);
  BOOST_TEST(relative_error(gpu::map(gpu::UnaryOp::log, dx).to_host(), HostVector<T>(x.array().log())) <= tol);
  BOOST_TEST(relative_error(gpu::map(gpu::UnaryOp::reciprocal, dx).to_host(), HostVector<T>(x.array().inverse())) <=
             tol);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(binary_maps_and_axpy_equal_the_host_arithmetic, T, Reals) {
  const HostVector<T> x = HostVector<T>::Random(40), y = HostVector<T>::Random(40);
  const auto dx = gpu::DeviceVector<T>::from_host(x), dy = gpu::DeviceVector<T>::from_host(y);
  BOOST_TEST(relative_error(gpu::map(gpu::BinaryOp::add, dx, dy).to_host(), HostVector<T>(x + y)) == 0.0);
  BOOST_TEST(relative_error(gpu::map(gpu::BinaryOp::subtract, dx, dy).to_host(), HostVector<T>(x - y)) == 0.0);
  BOOST_TEST(relative_error(gpu::map(gpu::BinaryOp::multiply, dx, dy).to_host(),
                            HostVector<T>(x.cwiseProduct(y))) == 0.0);
  BOOST_TEST(relative_error(gpu::map(gpu::BinaryOp::divide, dx, dy).to_host(), HostVector<T>(x.cwiseQuotient(y))) ==
             0.0);
  BOOST_TEST(relative_error(gpu::map(gpu::BinaryOp::minimum, dx, dy).to_host(), HostVector<T>(x.cwiseMin(y))) == 0.0);
  BOOST_TEST(relative_error(gpu::map(gpu::BinaryOp::maximum, dx, dy).to_host(), HostVector<T>(x.cwiseMax(y))) == 0.0);
  auto dz = dy.clone();
  gpu::axpy(T(2.5), dx, dz);
  BOOST_TEST(relative_error(dz.to_host(), HostVector<T>(T(2.5) * x + y)) <= 2 * std::numeric_limits<T>::epsilon());
  BOOST_TEST((dx.to_host().array() == x.array()).all());  // inputs untouched
}

BOOST_AUTO_TEST_CASE(minimum_and_maximum_propagate_nan_as_numpy) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const auto x = gpu::DeviceVector<double>::from_host(Vector{{nan, 1.0, 2.0}});
  const auto y = gpu::DeviceVector<double>::from_host(Vector{{0.0, nan, 1.0}});
  const Vector lo = gpu::map(gpu::BinaryOp::minimum, x, y).to_host();
  const Vector hi = gpu::map(gpu::BinaryOp::maximum, x, y).to_host();
  BOOST_TEST((std::isnan(lo[0]) && std::isnan(lo[1]) && lo[2] == 1.0));
  BOOST_TEST((std::isnan(hi[0]) && std::isnan(hi[1]) && hi[2] == 2.0));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(vector_reductions_equal_the_host_ones, T, Reals) {
  const HostVector<T> x = HostVector<T>::Random(1001);
  const auto dx = gpu::DeviceVector<T>::from_host(x);
  BOOST_TEST(std::abs(gpu::sum(dx) - x.sum()) <= sum_tolerance<T>(x.size()) * x.cwiseAbs().sum());
  BOOST_TEST(gpu::min(dx) == x.minCoeff());
  BOOST_TEST(gpu::max(dx) == x.maxCoeff());
  BOOST_TEST(gpu::sum(gpu::DeviceVector<T>()) == T(0));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(axis_reductions_equal_the_host_ones, T, Reals) {
  const HostMatrix<T> M = HostMatrix<T>::Random(37, 11);
  const auto dM = gpu::DeviceMatrix<T>::from_host(M);
  const T tol = sum_tolerance<T>(37) * 4;  // a sum and the mean's division, or var's two passes
  for (int axis : {0, 1}) {
    const HostMatrix<T> A = axis == 0 ? HostMatrix<T>(M) : HostMatrix<T>(M.transpose());  // runs as columns
    const HostVector<T> sums = A.colwise().sum().transpose();
    const HostVector<T> means = sums / static_cast<T>(A.rows());
    HostVector<T> var0(A.cols()), var1(A.cols());
    for (Index j = 0; j < A.cols(); ++j) {
      const T ss = (A.col(j).array() - means[j]).square().sum();
      var0[j] = ss / static_cast<T>(A.rows());
      var1[j] = ss / static_cast<T>(A.rows() - 1);
    }
    BOOST_TEST(relative_error(gpu::sum(dM, axis).to_host(), sums) <= tol);
    BOOST_TEST(relative_error(gpu::mean(dM, axis).to_host(), means) <= tol);
    BOOST_TEST(relative_error(gpu::var(dM, axis).to_host(), var0) <= tol);
    BOOST_TEST(relative_error(gpu::var(dM, axis, 1).to_host(), var1) <= tol);
    BOOST_TEST((gpu::min(dM, axis).to_host().array() == A.colwise().minCoeff().transpose().array()).all());
    BOOST_TEST((gpu::max(dM, axis).to_host().array() == A.colwise().maxCoeff().transpose().array()).all());
    const auto amin = gpu::argmin(dM, axis).to_host(), amax = gpu::argmax(dM, axis).to_host();
    for (Index j = 0; j < A.cols(); ++j) {
      Index i_min = 0, i_max = 0;
      A.col(j).minCoeff(&i_min);
      A.col(j).maxCoeff(&i_max);
      BOOST_TEST(amin[j] == i_min);
      BOOST_TEST(amax[j] == i_max);
    }
  }
}

BOOST_AUTO_TEST_CASE(argmin_takes_the_first_tie_and_the_first_nan) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  // Columns: ties at rows 1 and 3; a NaN at rows 2 and 3; no NaN.
  const Matrix M{{5.0, 1.0, 4.0}, {1.0, 1.0, 3.0}, {2.0, nan, 3.0}, {1.0, nan, 9.0}};
  const auto dM = gpu::DeviceMatrix<double>::from_host(M);
  const auto amin = gpu::argmin(dM, 0).to_host(), amax = gpu::argmax(dM, 0).to_host();
  BOOST_TEST(amin[0] == 1);
  BOOST_TEST(amin[1] == 2);
  BOOST_TEST(amax[1] == 2);
  BOOST_TEST(amin[2] == 1);
  BOOST_TEST(amax[2] == 3);
  const Vector mins = gpu::min(dM, 0).to_host();
  BOOST_TEST((mins[0] == 1.0 && std::isnan(mins[1]) && mins[2] == 3.0));
  BOOST_TEST(std::isnan(gpu::max(dM.flat())));
}

BOOST_AUTO_TEST_CASE(sums_of_empty_runs_are_zero_other_reductions_refuse) {
  const gpu::DeviceMatrix<double> M(0, 3);
  const Vector s = gpu::sum(M, 0).to_host();
  BOOST_TEST((s.size() == 3 && s.isZero(0.0)));
  BOOST_TEST(gpu::sum(M, 1).size() == 0);
  BOOST_TEST(message_of<ValueError>([&] { (void)gpu::mean(M, 0); }).find("zero-size reduction along axis 0") !=
             std::string::npos);
  BOOST_CHECK_THROW((void)gpu::min(M, 0), ValueError);
  BOOST_CHECK_THROW((void)gpu::argmax(M, 0), ValueError);
  BOOST_CHECK_THROW((void)gpu::min(gpu::DeviceVector<double>()), ValueError);
}

BOOST_AUTO_TEST_CASE(bad_axis_ddof_and_sizes_are_value_errors) {
  const auto M = gpu::DeviceMatrix<double>::from_host(Matrix::Random(4, 3));
  BOOST_TEST(message_of<ValueError>([&] { (void)gpu::sum(M, 2); }).find("axis must be 0 or 1, got 2") !=
             std::string::npos);
  BOOST_CHECK_THROW((void)gpu::var(M, 0, 4), ValueError);
  BOOST_CHECK_THROW((void)gpu::var(M, 0, -1), ValueError);
  BOOST_CHECK_NO_THROW((void)gpu::var(M, 0, 3));
  const gpu::DeviceVector<double> a(3), b(4);
  BOOST_TEST(message_of<ValueError>([&] { (void)gpu::map(gpu::BinaryOp::add, a, b); })
                 .find("x has 3 elements but y has 4") != std::string::npos);
  gpu::DeviceVector<double> c(4);
  BOOST_CHECK_THROW(gpu::axpy(1.0, a, c), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
