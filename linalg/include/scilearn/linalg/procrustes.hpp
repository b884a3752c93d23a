#pragma once
/// \file
/// linalg::orthogonal_procrustes: the unitary matrix that maps one set of
/// points closest onto another, as scipy.linalg.orthogonal_procrustes.

#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>
#include <type_traits>

namespace scilearn::linalg {

/// What orthogonal_procrustes() returns, SciPy's (R, scale): `auto [r, scale] = ...`.
template <LapackScalar Scalar>
struct ProcrustesResult {
  using Real = typename Eigen::NumTraits<Scalar>::Real;
  MatrixT<Scalar> r;  ///< n x n unitary (real: orthogonal) matrix minimizing ||a r - b||_F
  Real scale = 0;     ///< sum of the singular values of a^H b (the trace of r^H a^H b)
};

namespace detail {
/// The compiled implementation, one plain overload per LAPACK scalar type.
void orthogonal_procrustes(const Eigen::Ref<const MatrixT<float>>& a, const Eigen::Ref<const MatrixT<float>>& b,
                           bool check_finite, ProcrustesResult<float>& out);
void orthogonal_procrustes(const Eigen::Ref<const MatrixT<double>>& a, const Eigen::Ref<const MatrixT<double>>& b,
                           bool check_finite, ProcrustesResult<double>& out);
void orthogonal_procrustes(const Eigen::Ref<const MatrixT<std::complex<float>>>& a,
                           const Eigen::Ref<const MatrixT<std::complex<float>>>& b, bool check_finite,
                           ProcrustesResult<std::complex<float>>& out);
void orthogonal_procrustes(const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
                           const Eigen::Ref<const MatrixT<std::complex<double>>>& b, bool check_finite,
                           ProcrustesResult<std::complex<double>>& out);
}  // namespace detail

/// The orthogonal Procrustes problem, as scipy.linalg.orthogonal_procrustes:
/// the unitary r minimizing ||a r - b||_F, r = U V^H from the full SVD
/// a^H b = U diag(s) V^H (?gesdd), and scale = sum(s).
///
/// \param a             m x n matrix (float, double, std::complex<float> or
///                      std::complex<double>); any Eigen dense expression.
/// \param b             m x n matrix of the same scalar type.
/// \param check_finite  ValueError on NaN / Inf (SciPy's default: true).
/// \returns             ProcrustesResult {r (n x n), scale}. m == 0: a^H b is
///                      the n x n zero matrix, whose SVD gives an orthogonal r
///                      (LAPACK's: the identity, as SciPy) and scale 0.
///
/// Requires: a and b of the same shape; finite (when check_finite).
/// Ensures:  a and b are not modified; r^H r = I to O(n eps).
/// Throws:   ValueError when the shapes differ (naming both) or an entry is
///           NaN / Inf; LinAlgError when the SVD does not converge.
/// Complexity: O(m n^2 + n^3) time, O(n^2) memory.
///
/// Example:
/// \code
///   Matrix a{{1, 0}, {0, 1}, {1, 1}};
///   Matrix rot{{0, -1}, {1, 0}};                                  // 90 degrees
///   auto [r, scale] = scilearn::linalg::orthogonal_procrustes(a, Matrix(a * rot));  // r == rot
/// \endcode
template <class DerivedA, class DerivedB>
ProcrustesResult<typename DerivedA::Scalar> orthogonal_procrustes(const Eigen::MatrixBase<DerivedA>& a,
                                                                  const Eigen::MatrixBase<DerivedB>& b,
                                                                  bool check_finite = true) {
  using Scalar = typename DerivedA::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>,
                "orthogonal_procrustes: the scalar must be float, double or std::complex of either");
  static_assert(std::is_same_v<Scalar, typename DerivedB::Scalar>,
                "orthogonal_procrustes: a and b must have the same scalar type");
  ProcrustesResult<Scalar> result;
  detail::orthogonal_procrustes(Eigen::Ref<const MatrixT<Scalar>>(a), Eigen::Ref<const MatrixT<Scalar>>(b),
                                check_finite, result);
  return result;
}

}  // namespace scilearn::linalg
