#pragma once
/// \file
/// The matrix exponential and its Frechet derivative, as scipy.linalg.expm and
/// scipy.linalg.expm_frechet (Al-Mohy and Higham's scaling and squaring).

#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>
#include <type_traits>

namespace scilearn::linalg {

/// Options of expm() (and of cosm(), sinm(), tanm()).
struct ExpmOptions {
  /// ValueError on NaN / Inf in a. SciPy's expm has no such check (NaN in,
  /// NaN out); false restores that behaviour.
  bool check_finite = true;
};

/// How expm_frechet() computes, as scipy.linalg.expm_frechet's `method`.
enum class ExpmFrechetMethod {
  SPS,            ///< Al-Mohy and Higham's scaling-Pade-squaring of the pair (SciPy's default)
  block_enlarge,  ///< expm of the 2n x 2n block matrix [[a, e], [0, a]] (slower; for checking)
};

/// Options of expm_frechet(), with SciPy's names and defaults.
struct ExpmFrechetOptions {
  ExpmFrechetMethod method = ExpmFrechetMethod::SPS;
  /// Also return expm(a) (SciPy returns the pair; false returns only the derivative).
  bool compute_expm = true;
  bool check_finite = true;  ///< ValueError on NaN / Inf in a or e
};

/// Result of expm_frechet(): SciPy's (expm_A, expm_frechet_AE) pair.
template <LapackScalar Scalar>
struct ExpmFrechet {
  MatrixT<Scalar> expm;     ///< exp(a); 0 x 0 when compute_expm is false
  MatrixT<Scalar> frechet;  ///< L(a, e), the derivative of exp at a in the direction e
};

namespace detail {
// The compiled implementations, one plain overload per LAPACK scalar type.
MatrixT<float> expm(const Eigen::Ref<const MatrixT<float>>& a, const ExpmOptions& options);
MatrixT<double> expm(const Eigen::Ref<const MatrixT<double>>& a, const ExpmOptions& options);
MatrixT<std::complex<float>> expm(const Eigen::Ref<const MatrixT<std::complex<float>>>& a, const ExpmOptions& options);
MatrixT<std::complex<double>> expm(const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
                                   const ExpmOptions& options);

ExpmFrechet<float> expm_frechet(const Eigen::Ref<const MatrixT<float>>& a, const Eigen::Ref<const MatrixT<float>>& e,
                                const ExpmFrechetOptions& options);
ExpmFrechet<double> expm_frechet(const Eigen::Ref<const MatrixT<double>>& a, const Eigen::Ref<const MatrixT<double>>& e,
                                 const ExpmFrechetOptions& options);
ExpmFrechet<std::complex<float>> expm_frechet(const Eigen::Ref<const MatrixT<std::complex<float>>>& a,
                                              const Eigen::Ref<const MatrixT<std::complex<float>>>& e,
                                              const ExpmFrechetOptions& options);
ExpmFrechet<std::complex<double>> expm_frechet(const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
                                               const Eigen::Ref<const MatrixT<std::complex<double>>>& e,
                                               const ExpmFrechetOptions& options);
}  // namespace detail

/// The matrix exponential exp(a) = sum_k a^k / k!, as scipy.linalg.expm.
///
/// Al-Mohy and Higham's algorithm (SIAM J. Matrix Anal. Appl. 31(3), 2009) with
/// SciPy's choices: a Pade approximant of degree 3, 5, 7, 9 or 13 and a number
/// s of squarings picked from ||a^k||_1^(1/k) (exact norms below order 400,
/// LAPACK's 1-norm estimator from 400 on) and the backward error bound that
/// guards against overscaling; then r(a / 2^s)^(2^s). A diagonal a is
/// exponentiated entrywise; for a triangular a the diagonal and first off
/// diagonal are recomputed exactly at every squaring (Code Fragment 2.1), and
/// the result is triangular.
///
/// \param a        n x n matrix of float, double or std::complex of either;
///                 any Eigen dense expression.
/// \returns        exp(a), n x n. 0 x 0 in, 0 x 0 out; 1 x 1: the scalar exp.
///
/// Requires: a square; finite (when check_finite).
/// Ensures:  a is not modified; the relative error is of order
///           cond_exp(a) * u (u the unit roundoff), cond_exp the condition
///           number of expm_cond().
/// Throws:   ValueError when a is not square ("expm: a is 2x3, expected a
///           square matrix") or (check_finite) holds NaN / Inf; LinAlgError
///           if the Pade denominator is exactly singular (impossible for
///           finite a in exact arithmetic).
/// Complexity: (6 + s) n x n products and one LU solve for degree 13, fewer
///           for low degrees; O(n^2) extra memory (six n x n buffers).
///
/// Example:
/// \code
///   Matrix g{{0, -1}, {1, 0}};                 // generator of rotations
///   Matrix r = scilearn::linalg::expm(0.5 * g);  // {{cos .5, -sin .5}, {sin .5, cos .5}}
/// \endcode
template <class Derived>
MatrixT<typename Derived::Scalar> expm(const Eigen::MatrixBase<Derived>& a, const ExpmOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "expm: the scalar must be float, double or std::complex of either");
  return detail::expm(Eigen::Ref<const MatrixT<Scalar>>(a), options);
}

/// The Frechet derivative L(a, e) of the matrix exponential at a in the
/// direction e, with exp(a) itself, as scipy.linalg.expm_frechet:
/// exp(a + t e) = exp(a) + t L(a, e) + O(t^2).
///
/// Method SPS is Al-Mohy and Higham's Algorithm 6.4 (SIAM J. Matrix Anal.
/// Appl. 30(4), 2009) as SciPy implements it: Pade degree 3, 5, 7 or 9 when
/// ||a||_1 is below the table's bound, else degree 13 after scaling a and e by
/// 2^-s, then s squarings of the pair (L <- R L + L R, R <- R^2).
///
/// \param a, e     n x n matrices of one scalar type (float, double or
///                 std::complex of either).
/// \returns        {expm, frechet}: exp(a) (empty unless compute_expm) and
///                 L(a, e), both n x n. Empty a and e: empty results.
///
/// Requires: a and e square, of one shape; finite (when check_finite).
/// Ensures:  a and e are not modified; L is linear in e.
/// Throws:   ValueError when a or e is not square, their shapes differ, or
///           (check_finite) they hold NaN / Inf; LinAlgError if the Pade
///           denominator is exactly singular.
/// Complexity: about 3 times the products of expm(a) (SPS); 8 times expm's
///           work (block_enlarge).
///
/// Example:
/// \code
///   Matrix a{{1, 2}, {0, 3}}, e{{0, 1}, {0, 0}};
///   auto [ea, l] = scilearn::linalg::expm_frechet(a, e);
///   // l ~ (expm(a + h e) - expm(a - h e)) / (2 h)
/// \endcode
template <class DerivedA, class DerivedE>
ExpmFrechet<typename DerivedA::Scalar> expm_frechet(const Eigen::MatrixBase<DerivedA>& a,
                                                    const Eigen::MatrixBase<DerivedE>& e,
                                                    const ExpmFrechetOptions& options = {}) {
  using Scalar = typename DerivedA::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "expm_frechet: the scalar must be float, double or std::complex of either");
  static_assert(std::is_same_v<Scalar, typename DerivedE::Scalar>,
                "expm_frechet: a and e must have the same scalar type");
  return detail::expm_frechet(Eigen::Ref<const MatrixT<Scalar>>(a), Eigen::Ref<const MatrixT<Scalar>>(e), options);
}

}  // namespace scilearn::linalg
