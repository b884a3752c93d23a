#pragma once
/// \file
/// Sylvester and Lyapunov matrix equations, as scipy.linalg.solve_sylvester,
/// solve_continuous_lyapunov and solve_discrete_lyapunov.

#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>
#include <type_traits>

namespace scilearn::linalg {

/// How solve_discrete_lyapunov() solves, SciPy's `method`.
enum class DiscreteLyapunovMethod {
  automatic,  ///< SciPy's None: direct below order 10, bilinear from 10 on
  direct,     ///< 'direct': the n^2 x n^2 linear system (I - conj(a) kron a) vec(x) = vec(q)
  bilinear,   ///< 'bilinear': the bilinear transformation to a continuous Lyapunov equation
};

/// Options of solve_discrete_lyapunov(), with SciPy's names and defaults.
struct DiscreteLyapunovOptions {
  DiscreteLyapunovMethod method = DiscreteLyapunovMethod::automatic;
};

namespace detail {
// The compiled implementation, one plain overload per LAPACK scalar type.
MatrixT<float> solve_sylvester(const MatrixT<float>& a, const MatrixT<float>& b, const MatrixT<float>& q);
MatrixT<double> solve_sylvester(const MatrixT<double>& a, const MatrixT<double>& b, const MatrixT<double>& q);
MatrixT<std::complex<float>> solve_sylvester(const MatrixT<std::complex<float>>& a,
                                             const MatrixT<std::complex<float>>& b,
                                             const MatrixT<std::complex<float>>& q);
MatrixT<std::complex<double>> solve_sylvester(const MatrixT<std::complex<double>>& a,
                                              const MatrixT<std::complex<double>>& b,
                                              const MatrixT<std::complex<double>>& q);

MatrixT<float> solve_continuous_lyapunov(const MatrixT<float>& a, const MatrixT<float>& q);
MatrixT<double> solve_continuous_lyapunov(const MatrixT<double>& a, const MatrixT<double>& q);
MatrixT<std::complex<float>> solve_continuous_lyapunov(const MatrixT<std::complex<float>>& a,
                                                       const MatrixT<std::complex<float>>& q);
MatrixT<std::complex<double>> solve_continuous_lyapunov(const MatrixT<std::complex<double>>& a,
                                                        const MatrixT<std::complex<double>>& q);

MatrixT<float> solve_discrete_lyapunov(const MatrixT<float>& a, const MatrixT<float>& q,
                                       const DiscreteLyapunovOptions& options);
MatrixT<double> solve_discrete_lyapunov(const MatrixT<double>& a, const MatrixT<double>& q,
                                        const DiscreteLyapunovOptions& options);
MatrixT<std::complex<float>> solve_discrete_lyapunov(const MatrixT<std::complex<float>>& a,
                                                     const MatrixT<std::complex<float>>& q,
                                                     const DiscreteLyapunovOptions& options);
MatrixT<std::complex<double>> solve_discrete_lyapunov(const MatrixT<std::complex<double>>& a,
                                                      const MatrixT<std::complex<double>>& q,
                                                      const DiscreteLyapunovOptions& options);
}  // namespace detail

/// Solves the Sylvester equation a x + x b = q, as scipy.linalg.solve_sylvester:
/// Bartels-Stewart, i.e. Schur forms a = u r u^H and b^H = v s v^H (?gees),
/// then LAPACK ?trsyl on r y + y s^H = u^H q v, and x = u y v^H.
///
/// \param a  m x m matrix (float, double, std::complex<float> or std::complex<double>).
/// \param b  n x n matrix, a's scalar type.
/// \param q  m x n matrix, a's scalar type.
/// \returns  x, m x n. Empty a or b: an empty m x n x.
///
/// Requires: a, b square, q m x n; a and b finite (SciPy checks them through
///           its schur calls; q is not scanned, as in SciPy).
/// Ensures:  inputs not modified. Unique solution when a and -b have no
///           common eigenvalue; otherwise ?trsyl perturbs the problem and,
///           as SciPy, no error or warning is raised. As SciPy, x is ?trsyl's
///           y times its overflow-guarding `scale` (1 except near overflow).
/// Throws:   ValueError naming the shapes or the non-finite entry;
///           LinAlgError when a Schur form is not found.
/// Complexity: O(m^3 + n^3 + m n (m + n)).
///
/// Example:
/// \code
///   Matrix a{{-3, -2, 0}, {-1, -1, 3}, {3, -5, -1}};
///   Matrix b{{1.0}};
///   Matrix q{{1}, {2}, {3}};
///   Matrix x = scilearn::linalg::solve_sylvester(a, b, q);   // a x + x b == q
/// \endcode
template <class DerivedA, class DerivedB, class DerivedQ>
MatrixT<typename DerivedA::Scalar> solve_sylvester(const Eigen::MatrixBase<DerivedA>& a,
                                                   const Eigen::MatrixBase<DerivedB>& b,
                                                   const Eigen::MatrixBase<DerivedQ>& q) {
  using Scalar = typename DerivedA::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>,
                "solve_sylvester: the scalar must be float, double or std::complex of either");
  static_assert(std::is_same_v<Scalar, typename DerivedB::Scalar> && std::is_same_v<Scalar, typename DerivedQ::Scalar>,
                "solve_sylvester: a, b and q must have the same scalar type");
  return detail::solve_sylvester(MatrixT<Scalar>(a), MatrixT<Scalar>(b), MatrixT<Scalar>(q));
}

/// Solves the continuous Lyapunov equation a x + x a^H = q, as
/// scipy.linalg.solve_continuous_lyapunov: Schur form a = u r u^H (?gees),
/// ?trsyl on r y + y r^H = u^H q u, x = u y u^H.
///
/// \param a  n x n matrix (float, double, std::complex<float> or std::complex<double>).
/// \param q  n x n matrix, a's scalar type.
/// \returns  x, n x n (Hermitian when q is). Empty a: 0 x 0.
///
/// Requires: a and q square, of the same order, finite.
/// Ensures:  inputs not modified.
/// Warns:    WarningCategory::runtime (SciPy's RuntimeWarning) when a has an
///           eigenvalue pair whose sum is (nearly) zero: ?trsyl perturbed
///           the problem to solve it.
/// Throws:   ValueError naming the shapes or the non-finite entry;
///           LinAlgError when the Schur form is not found.
/// Complexity: O(n^3).
///
/// Example:
/// \code
///   Matrix a{{-3, -2, 0}, {-1, -1, 0}, {0, -5, -1}};
///   Matrix q = Matrix::Identity(3, 3);
///   Matrix x = scilearn::linalg::solve_continuous_lyapunov(a, q);   // a x + x a^T == q
/// \endcode
template <class DerivedA, class DerivedQ>
MatrixT<typename DerivedA::Scalar> solve_continuous_lyapunov(const Eigen::MatrixBase<DerivedA>& a,
                                                             const Eigen::MatrixBase<DerivedQ>& q) {
  using Scalar = typename DerivedA::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>,
                "solve_continuous_lyapunov: the scalar must be float, double or std::complex of either");
  static_assert(std::is_same_v<Scalar, typename DerivedQ::Scalar>,
                "solve_continuous_lyapunov: a and q must have the same scalar type");
  return detail::solve_continuous_lyapunov(MatrixT<Scalar>(a), MatrixT<Scalar>(q));
}

/// Solves the discrete Lyapunov (Stein) equation a x a^H - x + q = 0, as
/// scipy.linalg.solve_discrete_lyapunov.
///
/// \param a        n x n matrix (float, double, std::complex<float> or std::complex<double>).
/// \param q        n x n matrix, a's scalar type.
/// \param options  method: automatic (SciPy's default: direct for n < 10,
///                 bilinear otherwise), direct or bilinear.
/// \returns        x, n x n. Empty a: 0 x 0.
///
/// Requires: a and q square, of the same order, finite. Direct: no product
///           of two eigenvalues of a equal to 1; bilinear: also -1 not an
///           eigenvalue of a.
/// Ensures:  inputs not modified.
/// Warns:    WarningCategory::linalg when the linear system (direct) or
///           a + I (bilinear) is ill-conditioned, as SciPy's solve / inv.
/// Throws:   ValueError naming the shapes or the non-finite entry;
///           LinAlgError when that system or a + I is exactly singular.
/// Complexity: direct O(n^6) time and O(n^4) memory; bilinear O(n^3).
///
/// Example:
/// \code
///   Matrix a{{0.2, 0.5}, {0.7, -0.9}};
///   Matrix x = scilearn::linalg::solve_discrete_lyapunov(a, Matrix::Identity(2, 2));  // a x a^T - x + I == 0
/// \endcode
template <class DerivedA, class DerivedQ>
MatrixT<typename DerivedA::Scalar> solve_discrete_lyapunov(const Eigen::MatrixBase<DerivedA>& a,
                                                           const Eigen::MatrixBase<DerivedQ>& q,
                                                           const DiscreteLyapunovOptions& options = {}) {
  using Scalar = typename DerivedA::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>,
                "solve_discrete_lyapunov: the scalar must be float, double or std::complex of either");
  static_assert(std::is_same_v<Scalar, typename DerivedQ::Scalar>,
                "solve_discrete_lyapunov: a and q must have the same scalar type");
  return detail::solve_discrete_lyapunov(MatrixT<Scalar>(a), MatrixT<Scalar>(q), options);
}

}  // namespace scilearn::linalg
