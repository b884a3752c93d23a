#pragma once
/// \file
/// linalg::polar: the polar decomposition a = u p (or a = p u) through the
/// SVD, as scipy.linalg.polar.

#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>

namespace scilearn::linalg {

/// Which side the Hermitian factor is on, as scipy.linalg.polar's `side`.
enum class PolarSide {
  right,  ///< a = u p, p n x n (SciPy's default)
  left,   ///< a = p u, p m x m
};

/// What polar() returns, SciPy's (u, p): `auto [u, p] = polar(a);`.
template <LapackScalar Scalar>
struct PolarResult {
  /// m x n with orthonormal columns (m >= n) or rows (m < n): unitary for a
  /// square a. The unitary factor nearest a in every unitarily invariant norm.
  MatrixT<Scalar> u;
  /// The Hermitian positive semidefinite factor: n x n (right) or m x m (left).
  MatrixT<Scalar> p;
};

namespace detail {
/// The compiled implementation, one plain overload per LAPACK scalar type; a is consumed.
void polar_in_place(MatrixT<float>& a, PolarSide side, PolarResult<float>& out);
void polar_in_place(MatrixT<double>& a, PolarSide side, PolarResult<double>& out);
void polar_in_place(MatrixT<std::complex<float>>& a, PolarSide side, PolarResult<std::complex<float>>& out);
void polar_in_place(MatrixT<std::complex<double>>& a, PolarSide side, PolarResult<std::complex<double>>& out);
}  // namespace detail

/// The polar decomposition, as scipy.linalg.polar: a = u p (side right) or
/// a = p u (side left), from the economy SVD a = W diag(s) V^H (?gesdd):
/// u = W V^H, p = V diag(s) V^H (right) or W diag(s) W^H (left).
///
/// \param a     m x n matrix (float, double, std::complex<float> or
///              std::complex<double>); any Eigen dense expression.
/// \param side  PolarSide::right (default) or PolarSide::left.
/// \returns     PolarResult {u, p} (see there). Empty a, as SciPy: u is m x n;
///              p is the zero matrix of its order (0 x 0 when that order is 0).
///
/// Requires: finite entries (always checked, as SciPy's SVD does).
/// Ensures:  a is not modified; ||a - u p|| (or ||a - p u||) and the
///           departure of u from orthonormality are O(max(m, n) eps) relative to
///           ||a|| and 1; p is Hermitian to rounding (not symmetrized, as SciPy).
/// Throws:   ValueError when a holds NaN / Inf or side is not a PolarSide value;
///           LinAlgError when the SVD does not converge.
/// Complexity: O(m n min(m, n)) time, O(m n + max(m, n)^2) memory.
///
/// Example:
/// \code
///   Matrix a{{1, -1}, {2, 4}};
///   auto [u, p] = scilearn::linalg::polar(a);                         // a = u p
///   auto [u2, p2] = scilearn::linalg::polar(a, scilearn::linalg::PolarSide::left);  // a = p2 u2
/// \endcode
template <class Derived>
PolarResult<typename Derived::Scalar> polar(const Eigen::MatrixBase<Derived>& a, PolarSide side = PolarSide::right) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "polar: the scalar must be float, double or std::complex of either");
  MatrixT<Scalar> work = a;
  PolarResult<Scalar> result;
  detail::polar_in_place(work, side, result);
  return result;
}

}  // namespace scilearn::linalg
