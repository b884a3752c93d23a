#pragma once
/// \file
/// Algebraic Riccati equations, as scipy.linalg.solve_continuous_are and
/// scipy.linalg.solve_discrete_are: the stabilizing solution from the stable
/// deflating subspace of the extended Hamiltonian (continuous) or symplectic
/// (discrete) pencil, computed by QZ with reordering (ordqz).

#include <optional>
#include <scilearn/core/types.hpp>

namespace scilearn::linalg {

/// Options of solve_continuous_are() and solve_discrete_are(), with SciPy's
/// names and defaults. Unlike SciPy, whose solvers take no check_finite, there
/// is no switch: every input is always checked.
template <LapackScalar Scalar>
struct AreOptions {
  /// The m x m matrix e of the generalized equation; absent: the identity.
  /// Must be nonsingular.
  std::optional<MatrixT<Scalar>> e{};
  /// The m x n cross term s; absent: zero.
  std::optional<MatrixT<Scalar>> s{};
  /// Balance the pencil first (SciPy's default): a symplectic diagonal scaling
  /// by powers of 2 (Benner), so no rounding is introduced, that equilibrates
  /// the pencil's rows and columns and helps badly scaled problems.
  bool balanced = true;
};

namespace detail {
// The compiled implementation, one plain overload per LAPACK scalar type.

enum class AreKind { continuous, discrete };

void solve_are(AreKind kind, const MatrixT<float>& a, const MatrixT<float>& b, const MatrixT<float>& q,
               const MatrixT<float>& r, const AreOptions<float>& options, MatrixT<float>& x);
void solve_are(AreKind kind, const MatrixT<double>& a, const MatrixT<double>& b, const MatrixT<double>& q,
               const MatrixT<double>& r, const AreOptions<double>& options, MatrixT<double>& x);
void solve_are(AreKind kind, const MatrixT<std::complex<float>>& a, const MatrixT<std::complex<float>>& b,
               const MatrixT<std::complex<float>>& q, const MatrixT<std::complex<float>>& r,
               const AreOptions<std::complex<float>>& options, MatrixT<std::complex<float>>& x);
void solve_are(AreKind kind, const MatrixT<std::complex<double>>& a, const MatrixT<std::complex<double>>& b,
               const MatrixT<std::complex<double>>& q, const MatrixT<std::complex<double>>& r,
               const AreOptions<std::complex<double>>& options, MatrixT<std::complex<double>>& x);

template <class DA, class DB, class DQ, class DR>
MatrixT<typename DA::Scalar> solve_are(AreKind kind, const Eigen::MatrixBase<DA>& a, const Eigen::MatrixBase<DB>& b,
                                       const Eigen::MatrixBase<DQ>& q, const Eigen::MatrixBase<DR>& r,
                                       const AreOptions<typename DA::Scalar>& options) {
  using Scalar = typename DA::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "solve_*_are: the scalar must be float, double or std::complex of either");
  static_assert(std::is_same_v<Scalar, typename DB::Scalar> && std::is_same_v<Scalar, typename DQ::Scalar> &&
                    std::is_same_v<Scalar, typename DR::Scalar>,
                "solve_*_are: a, b, q and r must have the same scalar type");
  MatrixT<Scalar> x;
  solve_are(kind, MatrixT<Scalar>(a), MatrixT<Scalar>(b), MatrixT<Scalar>(q), MatrixT<Scalar>(r), options, x);
  return x;
}
}  // namespace detail

/// Solves the continuous-time algebraic Riccati equation (CARE), as
/// scipy.linalg.solve_continuous_are:
///
///     a^H x + x a - (x b + s) r^-1 (b^H x + s^H) + q = 0,
///
/// or, with options.e, the generalized form
///
///     a^H x e + e^H x a - (e^H x b + s) r^-1 (b^H x e + s^H) + q = 0,
///
/// for the stabilizing Hermitian solution x (the closed loop
/// a - b r^-1 (b^H x e + s^H) has its generalized eigenvalues, with e, in the
/// open left half plane).
///
/// \param a        m x m (float, double, std::complex<float> or std::complex<double>).
/// \param b        m x n, the same scalar type.
/// \param q        m x m Hermitian (real: symmetric).
/// \param r        n x n Hermitian and nonsingular.
/// \param options  e, s, balanced (see AreOptions).
/// \returns        the m x m Hermitian solution x. m = 0: a 0 x 0 x (SciPy
///                 1.17.1 fails inside LAPACK there).
///
/// Requires: the shapes above; q and r Hermitian to within 100 ulps of their
///           1-norm; r and e nonsingular (smallest singular value at least eps
///           times the 1-norm, as SciPy); all entries finite.
/// Ensures:  inputs are not modified. The residual is small relative to the
///           terms of the equation when the problem is well conditioned.
///           Computed in the scalar's own precision (SciPy promotes float to
///           double): thresholds use that precision's eps and spacing.
/// Throws:   ValueError "solve_continuous_are: b is 3x2, expected 2 rows (a is
///           2x2)" and the like for shapes, "q should be symmetric/hermitian",
///           "r is numerically singular", "e is numerically singular",
///           NaN / Inf; LinAlgError "Failed to find a finite solution." when
///           the stable subspace has no graph form (e.g. (a, b) not
///           stabilizable), "The associated Hamiltonian pencil has eigenvalues
///           too close to the imaginary axis" when the subspace found is not
///           Lagrangian.
/// Complexity: O((2m + n)^3): one QR of 2m + n rows, one QZ of order 2m.
///
/// Example (the double integrator, x = {{sqrt 3, 1}, {1, sqrt 3}}):
/// \code
///   Matrix a{{0, 1}, {0, 0}}, b{{0}, {1}};
///   Matrix x = scilearn::linalg::solve_continuous_are(a, b, Matrix::Identity(2, 2), Matrix::Identity(1, 1));
/// \endcode
template <class DA, class DB, class DQ, class DR>
MatrixT<typename DA::Scalar> solve_continuous_are(const Eigen::MatrixBase<DA>& a, const Eigen::MatrixBase<DB>& b,
                                                  const Eigen::MatrixBase<DQ>& q, const Eigen::MatrixBase<DR>& r,
                                                  const AreOptions<typename DA::Scalar>& options = {}) {
  return detail::solve_are(detail::AreKind::continuous, a, b, q, r, options);
}

/// Solves the discrete-time algebraic Riccati equation (DARE), as
/// scipy.linalg.solve_discrete_are:
///
///     a^H x a - x - (a^H x b + s) (r + b^H x b)^-1 (b^H x a + s^H) + q = 0,
///
/// or, with options.e, the generalized form with e^H x e in place of x, for
/// the stabilizing Hermitian solution x (closed-loop eigenvalues inside the
/// unit circle).
///
/// \param a, b, q, r, options  as solve_continuous_are(); r need not be
///                 nonsingular here (only r + b^H x b must be).
/// \returns        the m x m Hermitian solution x; m = 0: 0 x 0.
///
/// Requires, Ensures: as solve_continuous_are() (no condition on r's singularity).
/// Throws:   as solve_continuous_are() (messages name solve_discrete_are);
///           LinAlgError "The associated symplectic pencil has eigenvalues
///           too close to the unit circle" when the subspace found is not
///           Lagrangian.
/// Complexity: O((2m + n)^3).
///
/// Example:
/// \code
///   Matrix a{{1, 1}, {0, 1}}, b{{0}, {1}};
///   Matrix x = scilearn::linalg::solve_discrete_are(a, b, Matrix::Identity(2, 2), Matrix::Identity(1, 1));
/// \endcode
template <class DA, class DB, class DQ, class DR>
MatrixT<typename DA::Scalar> solve_discrete_are(const Eigen::MatrixBase<DA>& a, const Eigen::MatrixBase<DB>& b,
                                                const Eigen::MatrixBase<DQ>& q, const Eigen::MatrixBase<DR>& r,
                                                const AreOptions<typename DA::Scalar>& options = {}) {
  return detail::solve_are(detail::AreKind::discrete, a, b, q, r, options);
}

}  // namespace scilearn::linalg
