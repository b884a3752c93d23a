#pragma once
/// \file
/// Subspaces from the SVD: linalg::orth (range), linalg::null_space (kernel)
/// and linalg::subspace_angles (principal angles between two ranges), as
/// scipy.linalg.orth, null_space and subspace_angles.

#include <optional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>
#include <scilearn/linalg/svd.hpp>

namespace scilearn::linalg {

/// Options of orth(), with scipy.linalg.orth's names and defaults.
struct OrthOptions {
  /// Relative condition number: singular values s_i <= rcond * s_max count as
  /// zero. Unset (SciPy's None): max(m, n) * eps, eps the spacing of 1 in the
  /// scalar's real type. A negative value keeps every singular value.
  std::optional<double> rcond = std::nullopt;
};

/// Options of null_space(), with scipy.linalg.null_space's names and defaults.
struct NullSpaceOptions {
  /// As OrthOptions::rcond.
  std::optional<double> rcond = std::nullopt;
  /// Check that a contains only finite numbers (ValueError otherwise).
  bool check_finite = true;
  /// The SVD's LAPACK driver.
  SvdDriver lapack_driver = SvdDriver::gesdd;
};

namespace detail {
/// The compiled implementation, one plain overload per LAPACK scalar type;
/// a is consumed.
MatrixT<float> orth_in_place(MatrixT<float>& a, const OrthOptions& options);
MatrixT<double> orth_in_place(MatrixT<double>& a, const OrthOptions& options);
MatrixT<std::complex<float>> orth_in_place(MatrixT<std::complex<float>>& a, const OrthOptions& options);
MatrixT<std::complex<double>> orth_in_place(MatrixT<std::complex<double>>& a, const OrthOptions& options);

MatrixT<float> null_space_in_place(MatrixT<float>& a, const NullSpaceOptions& options);
MatrixT<double> null_space_in_place(MatrixT<double>& a, const NullSpaceOptions& options);
MatrixT<std::complex<float>> null_space_in_place(MatrixT<std::complex<float>>& a, const NullSpaceOptions& options);
MatrixT<std::complex<double>> null_space_in_place(MatrixT<std::complex<double>>& a, const NullSpaceOptions& options);

VectorT<float> subspace_angles(const Eigen::Ref<const MatrixT<float>>& a, const Eigen::Ref<const MatrixT<float>>& b);
VectorT<double> subspace_angles(const Eigen::Ref<const MatrixT<double>>& a, const Eigen::Ref<const MatrixT<double>>& b);
VectorT<float> subspace_angles(const Eigen::Ref<const MatrixT<std::complex<float>>>& a,
                               const Eigen::Ref<const MatrixT<std::complex<float>>>& b);
VectorT<double> subspace_angles(const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
                                const Eigen::Ref<const MatrixT<std::complex<double>>>& b);
}  // namespace detail

/// An orthonormal basis of the range of a, as scipy.linalg.orth.
///
/// \param a        m x n matrix (float, double, std::complex<float> or
///                 std::complex<double>); any Eigen dense expression.
/// \param options  rcond (see OrthOptions).
/// \returns        q, m x r: the left singular vectors (economy ?gesdd) of the
///                 r singular values above rcond * s_max; r is the effective
///                 rank (0 for a zero or empty a: an m x 0 q).
///
/// Requires: finite entries (always checked, as SciPy's orth).
/// Ensures:  a is not modified; q^H q = I to O(m eps); range(q) = range(a) up
///           to the discarded singular values.
/// Throws:   ValueError when a holds NaN / Inf or rcond is NaN; LinAlgError when
///           the SVD does not converge.
/// Complexity: O(m n min(m, n)) time, O(m n) memory.
///
/// Example:
/// \code
///   Matrix a{{1, 1}, {1, 1}, {0, 0}};
///   Matrix q = scilearn::linalg::orth(a);      // 3 x 1, +-{1, 1, 0} / sqrt(2)
/// \endcode
template <class Derived>
MatrixT<typename Derived::Scalar> orth(const Eigen::MatrixBase<Derived>& a, const OrthOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "orth: the scalar must be float, double or std::complex of either");
  MatrixT<Scalar> work = a;
  return detail::orth_in_place(work, options);
}

/// An orthonormal basis of the null space (kernel) of a, as scipy.linalg.null_space.
///
/// \param a        m x n matrix; any Eigen dense expression.
/// \param options  rcond, check_finite, lapack_driver (see NullSpaceOptions).
/// \returns        z, n x (n - r): the right singular vectors (full ?gesdd /
///                 ?gesvd) past the r singular values above rcond * s_max,
///                 conjugated into columns. Empty a, as SciPy: n x n identity
///                 for m == 0, 0 x 0 for n == 0.
///
/// Requires: finite entries (when check_finite).
/// Ensures:  a is not modified; z^H z = I and ||a z|| <= rcond s_max (plus
///           rounding, O(max(m, n) eps s_max)).
/// Throws:   ValueError when a holds NaN / Inf, rcond is NaN or lapack_driver
///           is not an SvdDriver value; LinAlgError when the SVD does not converge.
/// Complexity: O(m n max(m, n)) time (full SVD), O(m^2 + n^2) memory.
///
/// Example:
/// \code
///   Matrix a{{1, 1}, {1, 1}};
///   Matrix z = scilearn::linalg::null_space(a);   // 2 x 1, +-{1, -1} / sqrt(2)
/// \endcode
template <class Derived>
MatrixT<typename Derived::Scalar> null_space(const Eigen::MatrixBase<Derived>& a,
                                             const NullSpaceOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "null_space: the scalar must be float, double or std::complex of either");
  MatrixT<Scalar> work = a;
  return detail::null_space_in_place(work, options);
}

/// The principal angles between the column spaces of a and b, in radians,
/// largest first, as scipy.linalg.subspace_angles (Knyazev and Argentati's
/// algorithm: cosines from the SVD of Q_a^H Q_b, sines where the angles are small).
///
/// \param a  m x k matrix; any Eigen dense expression.
/// \param b  m x l matrix of the same scalar type.
/// \returns  min(r_a, r_b) angles in [0, pi / 2], descending, in the real type
///           (r_a, r_b: the ranks orth() finds); empty when either rank is 0.
///
/// Requires: a.rows() == b.rows(); finite entries (always checked, as SciPy).
/// Ensures:  a and b are not modified. Small angles keep their relative
///           accuracy (the sine formula), unlike acos of the cosines.
/// Throws:   ValueError when the row counts differ (naming both) or an entry is
///           NaN / Inf; LinAlgError when an SVD does not converge.
/// Complexity: O(m (k^2 + l^2)) time, O(m (k + l)) memory.
///
/// Example:
/// \code
///   Matrix a{{1, 0}, {0, 1}, {0, 0}};                  // the x-y plane
///   Matrix b{{1}, {0}, {1}};                           // a line at 45 degrees to it
///   Vector t = scilearn::linalg::subspace_angles(a, b);  // {pi / 4}
/// \endcode
template <class DerivedA, class DerivedB>
VectorT<typename Eigen::NumTraits<typename DerivedA::Scalar>::Real> subspace_angles(
    const Eigen::MatrixBase<DerivedA>& a, const Eigen::MatrixBase<DerivedB>& b) {
  using Scalar = typename DerivedA::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>,
                "subspace_angles: the scalar must be float, double or std::complex of either");
  static_assert(std::is_same_v<Scalar, typename DerivedB::Scalar>,
                "subspace_angles: a and b must have the same scalar type");
  return detail::subspace_angles(Eigen::Ref<const MatrixT<Scalar>>(a), Eigen::Ref<const MatrixT<Scalar>>(b));
}

}  // namespace scilearn::linalg
