#include <Eigen/Eigenvalues>
#include <Eigen/SVD>
#include <boost/mpl/list.hpp>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/gpu/linalg.hpp>

#include "gpu/gpu_testing.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(linalg)

using namespace scilearn;
using scilearn::testing::message_of;
using gpu_testing::HostMatrix;
using gpu_testing::HostVector;
using gpu_testing::Reals;


// LAPACK-style ratios (QUALITY.md): a backward-stable factorization gives a
// residual of a few n eps relative to the data; 30 is the usual pass mark.
template <class T>
double ratio(double residual, double scale, Index n) {
  return residual / (std::max(scale, std::numeric_limits<double>::min()) * static_cast<double>(std::max<Index>(n, 1)) *
                     std::numeric_limits<T>::epsilon());
}

template <class T>
double norm1(const HostMatrix<T>& M) {
  return M.size() == 0 ? 0.0 : static_cast<double>(M.cwiseAbs().colwise().sum().maxCoeff());
}

template <class T>
double orthogonality(const HostMatrix<T>& Q) {
  return norm1<T>(HostMatrix<T>(Q.transpose() * Q - HostMatrix<T>::Identity(Q.cols(), Q.cols())));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(solve_general_and_positive_definite_systems, T, Reals) {
  const Index n = 40;
  const HostMatrix<T> A = HostMatrix<T>::Random(n, n) + T(n) * HostMatrix<T>::Identity(n, n) / T(4);
  const HostMatrix<T> S = A * A.transpose() + HostMatrix<T>::Identity(n, n);
  const HostMatrix<T> B = HostMatrix<T>::Random(n, 3);
  for (const auto& [M, assume] : {std::pair{A, gpu::AssumeA::gen}, std::pair{S, gpu::AssumeA::pos}}) {
    const HostMatrix<T> X =
        gpu::solve(gpu::DeviceMatrix<T>::from_host(M), gpu::DeviceMatrix<T>::from_host(B), assume).to_host();
    // ||B - M X|| / (n eps ||M|| ||X||): the backward error of the solve.
    BOOST_TEST(ratio<T>(norm1<T>(HostMatrix<T>(B - M * X)), norm1<T>(M) * norm1<T>(X), n) <= 30.0);
  }
}

BOOST_AUTO_TEST_CASE(solve_reports_singular_and_indefinite_matrices) {
  Matrix A = Matrix::Random(4, 4);
  A.col(2) = A.col(0);  // an exactly repeated column: exactly singular in floating point
  A.row(3).setZero();
  const auto b = gpu::DeviceMatrix<double>::from_host(Matrix::Ones(4, 1));
  BOOST_TEST(message_of<LinAlgError>([&] { (void)gpu::solve(gpu::DeviceMatrix<double>::from_host(A), b); })
                 .find("singular") != std::string::npos);
  const Matrix indefinite{{1.0, 2.0}, {2.0, 1.0}};
  BOOST_TEST(message_of<LinAlgError>([&] {
               (void)gpu::solve(gpu::DeviceMatrix<double>::from_host(indefinite),
                                gpu::DeviceMatrix<double>::from_host(Matrix::Ones(2, 1)), gpu::AssumeA::pos);
             }).find("leading minor of order 2") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(solve_checks_shapes_and_finiteness_and_keeps_its_inputs) {
  const Matrix A = Matrix::Identity(3, 3) * 2.0;
  const auto dA = gpu::DeviceMatrix<double>::from_host(A);
  BOOST_TEST(message_of<ValueError>([&] { (void)gpu::solve(dA, gpu::DeviceMatrix<double>(2, 1)); })
                 .find("a is 3x3 but b has 2 rows") != std::string::npos);
  BOOST_CHECK_THROW((void)gpu::solve(gpu::DeviceMatrix<double>(3, 2), gpu::DeviceMatrix<double>(3, 1)), ValueError);
  Matrix bad = A;
  bad(1, 1) = std::numeric_limits<double>::infinity();
  BOOST_TEST(message_of<ValueError>([&] {
               (void)gpu::solve(gpu::DeviceMatrix<double>::from_host(bad), gpu::DeviceMatrix<double>(3, 1));
             }).find("a contains 1 NaN or infinite entries") != std::string::npos);
  const auto b = gpu::DeviceMatrix<double>::from_host(Matrix::Ones(3, 2));
  const Matrix x = gpu::solve(dA, b).to_host();
  BOOST_TEST((x.array() == 0.5).all());
  BOOST_TEST((dA.to_host().array() == A.array()).all());
  BOOST_TEST((b.to_host().array() == 1.0).all());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(qr_is_backward_stable_for_tall_square_and_wide, T, Reals) {
  for (const auto& [m, n] : {std::pair<Index, Index>{30, 12}, {15, 15}, {8, 20}}) {
    const HostMatrix<T> A = HostMatrix<T>::Random(m, n);
    const auto f = gpu::qr(gpu::DeviceMatrix<T>::from_host(A));
    const HostMatrix<T> Q = f.Q.to_host(), R = f.R.to_host();
    const Index k = std::min(m, n);
    BOOST_TEST((Q.rows() == m && Q.cols() == k && R.rows() == k && R.cols() == n));
    BOOST_TEST(ratio<T>(norm1<T>(HostMatrix<T>(A - Q * R)), norm1<T>(A), std::max(m, n)) <= 30.0);
    BOOST_TEST(ratio<T>(orthogonality<T>(Q), 1.0, m) <= 30.0);
    BOOST_TEST(R.template triangularView<Eigen::StrictlyLower>().toDenseMatrix().isZero(0));
  }
}

BOOST_AUTO_TEST_CASE_TEMPLATE(eigh_equals_the_host_eigenvalues_with_orthonormal_vectors, T, Reals) {
  const Index n = 25;
  const HostMatrix<T> R = HostMatrix<T>::Random(n, n);
  const HostMatrix<T> A = R + R.transpose();
  const auto e = gpu::eigh(gpu::DeviceMatrix<T>::from_host(A));
  const HostVector<T> w = e.w.to_host();
  const HostMatrix<T> V = e.v.to_host();
  const Eigen::SelfAdjointEigenSolver<HostMatrix<T>> host(A, Eigen::EigenvaluesOnly);
  // Eigenvalues of a symmetric matrix are perfectly conditioned: |dw| <= ||dA||.
  BOOST_TEST(static_cast<double>((w - host.eigenvalues()).cwiseAbs().maxCoeff()) <=
             30.0 * n * std::numeric_limits<T>::epsilon() * norm1<T>(A));
  BOOST_TEST(ratio<T>(norm1<T>(HostMatrix<T>(A * V - V * w.asDiagonal())), norm1<T>(A), n) <= 30.0);
  BOOST_TEST(ratio<T>(orthogonality<T>(V), 1.0, n) <= 30.0);
  for (Index i = 1; i < n; ++i) BOOST_TEST(w[i - 1] <= w[i]);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(svd_equals_the_host_singular_values_for_tall_and_wide, T, Reals) {
  for (const auto& [m, n] : {std::pair<Index, Index>{30, 12}, {9, 21}}) {
    const HostMatrix<T> A = HostMatrix<T>::Random(m, n);
    const auto f = gpu::svd(gpu::DeviceMatrix<T>::from_host(A));
    const HostMatrix<T> U = f.U.to_host(), Vh = f.Vh.to_host();
    const HostVector<T> s = f.s.to_host();
    const Index k = std::min(m, n);
    BOOST_TEST((U.rows() == m && U.cols() == k && s.size() == k && Vh.rows() == k && Vh.cols() == n));
    const Eigen::BDCSVD<HostMatrix<T>> host(A);
    // Singular values are perfectly conditioned: |ds| <= ||dA||_2.
    BOOST_TEST(static_cast<double>((s - host.singularValues()).cwiseAbs().maxCoeff()) <=
               30.0 * std::max(m, n) * std::numeric_limits<T>::epsilon() * norm1<T>(A));
    BOOST_TEST(ratio<T>(norm1<T>(HostMatrix<T>(A - U * s.asDiagonal() * Vh)), norm1<T>(A), std::max(m, n)) <= 30.0);
    BOOST_TEST(ratio<T>(orthogonality<T>(U), 1.0, m) <= 30.0);
    BOOST_TEST(ratio<T>(orthogonality<T>(HostMatrix<T>(Vh.transpose())), 1.0, n) <= 30.0);
  }
}

BOOST_AUTO_TEST_CASE(empty_and_non_square_inputs) {
  BOOST_TEST(gpu::svd(gpu::DeviceMatrix<double>(0, 3)).Vh.cols() == 3);
  BOOST_TEST(gpu::qr(gpu::DeviceMatrix<double>(4, 0)).Q.rows() == 4);
  BOOST_TEST(gpu::eigh(gpu::DeviceMatrix<double>(0, 0)).w.size() == 0);
  BOOST_TEST(message_of<ValueError>([] { (void)gpu::eigh(gpu::DeviceMatrix<double>(2, 3)); })
                 .find("a must be square, got 2x3") != std::string::npos);
  Matrix nan_a = Matrix::Ones(2, 2);
  nan_a(0, 1) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)gpu::svd(gpu::DeviceMatrix<double>::from_host(nan_a)), ValueError);
  BOOST_CHECK_THROW((void)gpu::qr(gpu::DeviceMatrix<double>::from_host(nan_a)), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
