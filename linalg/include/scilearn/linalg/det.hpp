#pragma once
/// \file
/// linalg::det (scipy.linalg.det) and linalg::slogdet (numpy.linalg.slogdet):
/// the determinant of a square matrix from its LU factorization.

#include <complex>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>
#include <type_traits>

namespace scilearn::linalg {

/// det()'s result type, as SciPy's: double for real matrices (float ones
/// included: a float determinant over- or underflows already at moderate n),
/// std::complex<double> for complex ones.
template <class Scalar>
using DetResult = std::conditional_t<Eigen::NumTraits<Scalar>::IsComplex, std::complex<double>, double>;

/// The sign and the logarithm of the absolute value of a determinant, as
/// numpy.linalg.slogdet: det = sign * exp(logabsdet), without over- or
/// underflow. In the matrix's own precision, as NumPy.
template <class Scalar>
struct SlogdetResult {
  Scalar sign;  ///< +1 / -1 (real), a unit-modulus number (complex); 0 when singular
  typename Eigen::NumTraits<Scalar>::Real logabsdet;  ///< log|det|; -inf when singular
};

namespace detail {
/// LU-based determinant pieces (plain overloads per scalar type, so g++- and
/// clang-built code link): det and slogdet share them.
SlogdetResult<float> slogdet_lu(const Eigen::Ref<const MatrixT<float>>& a, bool check_finite);
SlogdetResult<double> slogdet_lu(const Eigen::Ref<const MatrixT<double>>& a, bool check_finite);
SlogdetResult<std::complex<float>> slogdet_lu(const Eigen::Ref<const MatrixT<std::complex<float>>>& a,
                                              bool check_finite);
SlogdetResult<std::complex<double>> slogdet_lu(const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
                                               bool check_finite);
DetResult<float> det_lu(const Eigen::Ref<const MatrixT<float>>& a, bool check_finite);
DetResult<double> det_lu(const Eigen::Ref<const MatrixT<double>>& a, bool check_finite);
DetResult<std::complex<float>> det_lu(const Eigen::Ref<const MatrixT<std::complex<float>>>& a, bool check_finite);
DetResult<std::complex<double>> det_lu(const Eigen::Ref<const MatrixT<std::complex<double>>>& a, bool check_finite);
}  // namespace detail

/// The determinant of a square matrix, as scipy.linalg.det: the product of the
/// diagonal of its LU factors (LAPACK ?getrf) times the permutation's sign,
/// accumulated in double precision.
///
/// \param a             n x n matrix of float, double or std::complex of either.
/// \param check_finite  ValueError on NaN / Inf (SciPy's default: true).
/// \returns             double (std::complex<double> for complex a); 1 for a 0 x 0
///                      matrix, 0 for a singular one (no exception, as SciPy).
/// Throws:   ValueError for a non-square a, NaN / Inf (with check_finite), or n
///           beyond LAPACK's 32-bit index range.
/// Complexity: O(n^3) time, one n x n copy.
/// Note:     the determinant over- or underflows easily (det(0.1 I) at n = 400 is
///           1e-400); use slogdet() for its magnitude.
template <class Derived>
DetResult<typename Derived::Scalar> det(const Eigen::MatrixBase<Derived>& a, bool check_finite = true) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "det: the scalar must be float, double or std::complex of either");
  return detail::det_lu(Eigen::Ref<const MatrixT<Scalar>>(a), check_finite);
}

/// Sign and log of the absolute value of the determinant, as
/// numpy.linalg.slogdet (with SciPy's check_finite, default true).
/// \returns  {sign, logabsdet} with det = sign * exp(logabsdet): {1, 0} for a
///           0 x 0 matrix, {0, -inf} for a singular one.
/// Throws:   as det().
/// Complexity: O(n^3) time, one n x n copy.
template <class Derived>
SlogdetResult<typename Derived::Scalar> slogdet(const Eigen::MatrixBase<Derived>& a, bool check_finite = true) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "slogdet: the scalar must be float, double or std::complex of either");
  return detail::slogdet_lu(Eigen::Ref<const MatrixT<Scalar>>(a), check_finite);
}

}  // namespace scilearn::linalg
