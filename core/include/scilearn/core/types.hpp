#pragma once
/// \file
/// The vocabulary types of scilearn: Eigen 3.4 dense and sparse containers.
///
/// Dense matrices are column-major (LAPACK's layout). Samples are rows: `X` is
/// n_samples x n_features and `y` has n_samples entries, as in scikit-learn.

// EIGEN_USE_BLAS is a PUBLIC compile definition of scilearn::core, so every
// translation unit sees the same Eigen. Including Eigen in a unit compiled
// without it would give two different definitions of Eigen's kernels (an ODR
// violation), so refuse that here rather than fail mysteriously at run time.
#if !defined(EIGEN_USE_BLAS)
#error "scilearn: link scilearn::core (or use pkg-config's cflags) so that EIGEN_USE_BLAS is defined"
#endif

#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <complex>
#include <cstdint>
#include <type_traits>

namespace scilearn {

/// Sizes and indices (signed, 64-bit on 64-bit platforms): Eigen's own index type.
using Index = Eigen::Index;
/// Dense column-major matrix of double: data `X` (n_samples x n_features), operators.
using Matrix = Eigen::MatrixXd;
/// Dense column vector of double: targets `y`, coefficients, right-hand sides.
using Vector = Eigen::VectorXd;
/// Dense column vector of int: labels, counts.
using IndexVector = Eigen::VectorXi;

/// Dense column-major matrix of any scalar type.
template <class Scalar>
using MatrixT = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
/// Dense column vector of any scalar type.
template <class Scalar>
using VectorT = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;

/// CSC (compressed sparse column) matrix of double with 32-bit indices.
using SparseMatrix = Eigen::SparseMatrix<double, Eigen::ColMajor, int>;
/// CSR (compressed sparse row) matrix of double with 32-bit indices.
using SparseMatrixCSR = Eigen::SparseMatrix<double, Eigen::RowMajor, int>;

/// True for the four scalar types LAPACK provides routines for.
template <class Scalar>
inline constexpr bool is_lapack_scalar_v =
    std::is_same_v<Scalar, float> || std::is_same_v<Scalar, double> || std::is_same_v<Scalar, std::complex<float>> ||
    std::is_same_v<Scalar, std::complex<double>>;

/// Constrains a template to LAPACK's four scalar types.
template <class Scalar>
concept LapackScalar = is_lapack_scalar_v<Scalar>;

}  // namespace scilearn
