#include <boost/mpl/list.hpp>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io/npy.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/gpu/sparse.hpp>
#include <string>
#include <vector>

#include "gpu/gpu_testing.hpp"
#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(sparse)

using namespace scilearn;
using gpu_testing::relative_error;
using scilearn::testing::message_of;
using gpu_testing::HostMatrix;
using gpu_testing::HostVector;
using gpu_testing::Reals;
using gpu_testing::fixture_vector;

template <class T>
using Csr = Eigen::SparseMatrix<T, Eigen::RowMajor, int>;


// A random sparse matrix, about 20% filled, with an empty row.
template <class T>
Csr<T> random_csr(Index rows, Index cols, std::uint64_t seed) {
  Generator rng(seed);
  std::vector<Eigen::Triplet<T>> entries;
  for (Index i = 0; i < rows; ++i)
    for (Index j = 0; j < cols; ++j)
      if (i != 3 && rng.random() < 0.2) entries.emplace_back(i, j, static_cast<T>(rng.uniform(-1.0, 1.0)));
  Csr<T> A(rows, cols);
  A.setFromTriplets(entries.begin(), entries.end());
  return A;
}

// The shifted 5-point Laplacian of tests/reference/gpu_sparse.py.
Csr<double> shifted_poisson(const Vector& shift) {
  const Index m = 30;
  std::vector<Eigen::Triplet<double>> entries;
  for (Index i = 0; i < m; ++i)
    for (Index j = 0; j < m; ++j) {
      const Index k = i * m + j;
      entries.emplace_back(k, k, 4.0 + shift[k]);
      if (i > 0) entries.emplace_back(k, k - m, -1.0);
      if (i + 1 < m) entries.emplace_back(k, k + m, -1.0);
      if (j > 0) entries.emplace_back(k, k - 1, -1.0);
      if (j + 1 < m) entries.emplace_back(k, k + 1, -1.0);
    }
  Csr<double> A(m * m, m * m);
  A.setFromTriplets(entries.begin(), entries.end());
  return A;
}

BOOST_AUTO_TEST_CASE_TEMPLATE(csr_round_trips_and_products_equal_eigen, T, Reals) {
  const Csr<T> A = random_csr<T>(23, 17, 5);
  const auto dA = gpu::DeviceCsrMatrix<T>::from_host(A);
  BOOST_TEST((dA.rows() == 23 && dA.cols() == 17 && dA.nnz() == A.nonZeros()));
  BOOST_TEST((HostMatrix<T>(dA.to_host()).array() == HostMatrix<T>(A).array()).all());
  const HostVector<T> x = HostVector<T>::Random(17), y0 = HostVector<T>::Random(23);
  auto dy = gpu::DeviceVector<T>::from_host(y0);
  gpu::spmv(T(2), dA, gpu::DeviceVector<T>::from_host(x), T(-1), dy);
  // Each entry a sum of at most 17 products of numbers in [-1, 1].
  const double tol = 4 * 17 * std::numeric_limits<T>::epsilon();
  BOOST_TEST(relative_error(dy.to_host(), HostVector<T>(T(2) * (A * x) - y0)) <= tol);
  const HostMatrix<T> B = HostMatrix<T>::Random(17, 4);
  auto dC = gpu::DeviceMatrix<T>::from_host(HostMatrix<T>::Constant(23, 4, std::numeric_limits<T>::quiet_NaN()));
  gpu::spmm(T(1), dA, gpu::DeviceMatrix<T>::from_host(B), T(0), dC);  // beta = 0: the NaN is ignored
  BOOST_TEST(relative_error(dC.to_host(), HostMatrix<T>(A * B)) <= tol);
}

BOOST_AUTO_TEST_CASE(empty_matrices_scale_or_zero_the_output) {
  BOOST_TEST(gpu::DeviceCsrMatrix<double>().to_host().size() == 0);
  const auto zero = gpu::DeviceCsrMatrix<double>::from_host(Csr<double>(3, 2));  // no entries
  auto y = gpu::DeviceVector<double>::from_host(Vector::Constant(3, 4.0));
  gpu::spmv(1.0, zero, gpu::DeviceVector<double>(2), 0.5, y);
  BOOST_TEST((y.to_host().array() == 2.0).all());
  auto C = gpu::DeviceMatrix<double>::from_host(Matrix::Constant(3, 2, std::numeric_limits<double>::quiet_NaN()));
  gpu::spmm(1.0, zero, gpu::DeviceMatrix<double>(2, 2), 0.0, C);
  BOOST_TEST(C.to_host().isZero(0.0));
}

BOOST_AUTO_TEST_CASE(uncompressed_matrices_are_compressed_on_the_way) {
  Csr<double> A(3, 3);
  A.insert(0, 1) = 2.0;
  A.insert(2, 0) = -1.0;  // not compressed: Eigen keeps room per row
  BOOST_TEST(!A.isCompressed());
  const auto dA = gpu::DeviceCsrMatrix<double>::from_host(A);
  BOOST_TEST(dA.nnz() == 2);
  BOOST_TEST((Matrix(dA.to_host()).array() == Matrix(A).array()).all());
}

BOOST_AUTO_TEST_CASE(cg_takes_scipys_steps) {
  const Csr<double> A = shifted_poisson(fixture_vector("cg_shift"));
  const Vector b = fixture_vector("cg_b");
  const auto iterations = gpu_testing::fixture_indices("cg_iterations");
  const auto dA = gpu::DeviceCsrMatrix<double>::from_host(A);
  const auto db = gpu::DeviceVector<double>::from_host(b);
  for (bool jacobi : {false, true}) {
    BOOST_TEST_CONTEXT("jacobi " << jacobi) {
      const auto result = gpu::cg(dA, db, {.rtol = 1e-8, .jacobi = jacobi});
      BOOST_TEST(result.info == 0);
      BOOST_TEST(result.iterations == iterations[jacobi ? 1 : 0]);  // the same stopping test on the same recurrence
      const Vector x = result.x.to_host();
      BOOST_TEST((b - A * x).norm() <= 1.01e-8 * b.norm());  // the recurrence's residual tracks the true one closely
      // SciPy stops at the same iteration: the iterates agree to rounding.
      BOOST_TEST(relative_error(x, fixture_vector(jacobi ? "cg_x_jacobi" : "cg_x")) <= 1e-12);
    }
  }
}

BOOST_AUTO_TEST_CASE(cg_reports_maxiter_and_handles_a_zero_rhs) {
  const Csr<double> A = shifted_poisson(fixture_vector("cg_shift"));
  const auto dA = gpu::DeviceCsrMatrix<double>::from_host(A);
  const auto result = gpu::cg(dA, gpu::DeviceVector<double>::from_host(fixture_vector("cg_b")), {.rtol = 1e-12, .maxiter = 5});
  BOOST_TEST(result.info == 5);
  BOOST_TEST(result.iterations == 5);
  const auto zero = gpu::cg(dA, gpu::DeviceVector<double>(900));
  BOOST_TEST((zero.info == 0 && zero.iterations == 0));
  BOOST_TEST(zero.x.to_host().isZero(0.0));
}

BOOST_AUTO_TEST_CASE(bad_inputs_are_value_errors) {
  const auto dA = gpu::DeviceCsrMatrix<double>::from_host(random_csr<double>(5, 4, 1));
  gpu::DeviceVector<double> y(5);
  BOOST_TEST(message_of<ValueError>([&] { gpu::spmv(1.0, dA, gpu::DeviceVector<double>(5), 0.0, y); })
                 .find("x needs 4 and y 5 elements, got 5 and 5") != std::string::npos);
  gpu::DeviceMatrix<double> C(5, 2);
  BOOST_CHECK_THROW(gpu::spmm(1.0, dA, gpu::DeviceMatrix<double>(3, 2), 0.0, C), ValueError);
  BOOST_CHECK_THROW((void)gpu::cg(dA, gpu::DeviceVector<double>(5)), ValueError);
  const auto square = gpu::DeviceCsrMatrix<double>::from_host(random_csr<double>(6, 6, 2));  // row 3 empty
  BOOST_TEST(message_of<ValueError>([&] { (void)gpu::cg(square, gpu::DeviceVector<double>(6), {.jacobi = true}); })
                 .find("diagonal without zeros") != std::string::npos);
  BOOST_CHECK_THROW((void)gpu::cg(square, gpu::DeviceVector<double>(6), {.rtol = -1.0}), ValueError);
  Vector nan_b = Vector::Ones(6);
  nan_b[2] = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)gpu::cg(square, gpu::DeviceVector<double>::from_host(nan_b)), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
