#pragma once
/// \file
/// Matrix cosine, sine and tangent, as scipy.linalg.cosm, sinm and tanm:
/// from the matrix exponential of i a.

#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>
#include <scilearn/linalg/expm.hpp>

namespace scilearn::linalg {

namespace detail {
// The compiled implementations, one plain overload per LAPACK scalar type.
MatrixT<float> cosm(const Eigen::Ref<const MatrixT<float>>& a, const ExpmOptions& options);
MatrixT<double> cosm(const Eigen::Ref<const MatrixT<double>>& a, const ExpmOptions& options);
MatrixT<std::complex<float>> cosm(const Eigen::Ref<const MatrixT<std::complex<float>>>& a, const ExpmOptions& options);
MatrixT<std::complex<double>> cosm(const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
                                   const ExpmOptions& options);
MatrixT<float> sinm(const Eigen::Ref<const MatrixT<float>>& a, const ExpmOptions& options);
MatrixT<double> sinm(const Eigen::Ref<const MatrixT<double>>& a, const ExpmOptions& options);
MatrixT<std::complex<float>> sinm(const Eigen::Ref<const MatrixT<std::complex<float>>>& a, const ExpmOptions& options);
MatrixT<std::complex<double>> sinm(const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
                                   const ExpmOptions& options);
MatrixT<float> tanm(const Eigen::Ref<const MatrixT<float>>& a, const ExpmOptions& options);
MatrixT<double> tanm(const Eigen::Ref<const MatrixT<double>>& a, const ExpmOptions& options);
MatrixT<std::complex<float>> tanm(const Eigen::Ref<const MatrixT<std::complex<float>>>& a, const ExpmOptions& options);
MatrixT<std::complex<double>> tanm(const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
                                   const ExpmOptions& options);
}  // namespace detail

/// The matrix cosine cos(a) = sum_k (-1)^k a^2k / (2k)!, as scipy.linalg.cosm.
///
/// Real a: the real part of expm(i a) (one complex exponential). Complex a:
/// (expm(i a) + expm(-i a)) / 2.
///
/// \param a        n x n matrix of float, double or std::complex of either.
/// \returns        cos(a), n x n, a's scalar type. 0 x 0 in, 0 x 0 out.
/// Requires: a square; finite (when check_finite; SciPy does not check).
/// Ensures:  a is not modified; accuracy that of expm().
/// Throws:   ValueError when a is not square or (check_finite) holds NaN / Inf.
/// Complexity: one (real a) or two (complex a) complex expm() of order n.
///
/// Example:
/// \code
///   Matrix a{{1, 2}, {-1, 3}};
///   Matrix c = scilearn::linalg::cosm(a), s = scilearn::linalg::sinm(a);
///   // c * c + s * s ~ identity
/// \endcode
template <class Derived>
MatrixT<typename Derived::Scalar> cosm(const Eigen::MatrixBase<Derived>& a, const ExpmOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "cosm: the scalar must be float, double or std::complex of either");
  return detail::cosm(Eigen::Ref<const MatrixT<Scalar>>(a), options);
}

/// The matrix sine sin(a) = sum_k (-1)^k a^(2k+1) / (2k+1)!, as scipy.linalg.sinm.
///
/// Real a: the imaginary part of expm(i a). Complex a:
/// -i (expm(i a) - expm(-i a)) / 2.
/// Requires, Ensures, Throws, Complexity: as cosm().
template <class Derived>
MatrixT<typename Derived::Scalar> sinm(const Eigen::MatrixBase<Derived>& a, const ExpmOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "sinm: the scalar must be float, double or std::complex of either");
  return detail::sinm(Eigen::Ref<const MatrixT<Scalar>>(a), options);
}

/// The matrix tangent tan(a) = cos(a)^-1 sin(a), as scipy.linalg.tanm
/// (solve(cosm(a), sinm(a)), here from one set of exponentials for both).
///
/// \returns        tan(a), n x n, a's scalar type. 0 x 0 in, 0 x 0 out.
/// Requires: a square, cos(a) invertible; finite (when check_finite).
/// Warns:    WarningCategory::linalg when cos(a) is ill-conditioned (rcond
///           below the unit roundoff), as solve() and SciPy's LinAlgWarning.
/// Throws:   as cosm(); LinAlgError when cos(a) is exactly singular.
/// Complexity: cosm()'s plus one LU solve.
template <class Derived>
MatrixT<typename Derived::Scalar> tanm(const Eigen::MatrixBase<Derived>& a, const ExpmOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "tanm: the scalar must be float, double or std::complex of either");
  return detail::tanm(Eigen::Ref<const MatrixT<Scalar>>(a), options);
}

}  // namespace scilearn::linalg
