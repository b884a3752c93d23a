#pragma once
/// \file
/// Matrix functions by the Schur method, as scipy.linalg: the principal square
/// root (sqrtm), the principal logarithm (logm), a general function by the
/// Schur-Parlett recurrence (funm) and real powers (fractional_matrix_power).
///
/// Real input, real or complex result. SciPy returns a real array for real
/// input when the function value is real (a square root of a matrix without
/// negative real eigenvalues, say) and a complex one otherwise, a choice made
/// at run time. A C++ return type is fixed at compile time, so these functions
/// return a MatrixFunctionValue: the value as a complex matrix, and is_real,
/// true exactly when SciPy would return a real array (the imaginary parts are
/// then exactly zero, and real() gives the real matrix).
///
/// \code
///   Matrix a{{1, 3}, {1, 4}};
///   Matrix r = scilearn::linalg::sqrtm(a).real();           // r * r == a
///   auto c = scilearn::linalg::sqrtm(Matrix{{-1, 0}, {0, 4}});  // c.is_real == false, c.value = diag(i, 2)
/// \endcode

#include <complex>
#include <functional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>
#include <type_traits>
#include <utility>

namespace scilearn::linalg {

/// The value of a matrix function, with SciPy's real / complex result type
/// decided at run time (see the file comment).
template <class Real>
struct MatrixFunctionValue {
  /// n x n value (complex; imaginary parts exactly zero when is_real).
  MatrixT<std::complex<Real>> value;
  /// True when SciPy returns a real array for this input (real input only).
  bool is_real = false;

  /// The value as a real matrix. Throws ValueError when !is_real (the value
  /// has non-zero imaginary parts, or the input was complex).
  [[nodiscard]] MatrixT<Real> real() const {
    if (!is_real) throw ValueError("matrix function value is complex (SciPy returns a complex array here)");
    return value.real();
  }
};

/// Result of funm(): the value and SciPy's error estimate (disp=False).
template <class Real>
struct FunmResult : MatrixFunctionValue<Real> {
  /// SciPy's errest: min(1, max(eps, eps / minden * ||triu(t, 1)||_1)) with
  /// t the complex Schur form, minden the smallest |t_jj - t_ii| met by the
  /// recurrence (|t_00| to start, eps where that is 0) and eps the result
  /// precision's; infinity when the value has a non-finite entry.
  Real errest = 0;
};

/// Options of sqrtm() (SciPy's disp and blocksize are deprecated and have no
/// counterpart: singular input always warns, as SciPy's default).
struct SqrtmOptions {
  /// Check that a contains only finite numbers (ValueError otherwise).
  bool check_finite = true;
};

/// Options of logm() (SciPy's deprecated disp has no counterpart, see logm()).
struct LogmOptions {
  /// Check that a contains only finite numbers (ValueError otherwise).
  bool check_finite = true;
};

/// Options of funm().
struct FunmOptions {
  /// SciPy's disp: warn (WarningCategory::runtime, where SciPy prints) when
  /// the error estimate exceeds 1000 eps. The estimate is returned either way.
  bool disp = true;
  /// Check that a contains only finite numbers (ValueError otherwise).
  bool check_finite = true;
};

/// Options of fractional_matrix_power().
struct FractionalMatrixPowerOptions {
  /// Check that a contains only finite numbers (ValueError otherwise).
  bool check_finite = true;
};

namespace detail {
// The compiled implementations, one plain overload per LAPACK scalar type.
template <class S>
using matfun_real_t = typename Eigen::NumTraits<S>::Real;

void sqrtm(const MatrixT<float>& a, MatrixFunctionValue<float>& out, const SqrtmOptions& options);
void sqrtm(const MatrixT<double>& a, MatrixFunctionValue<double>& out, const SqrtmOptions& options);
void sqrtm(const MatrixT<std::complex<float>>& a, MatrixFunctionValue<float>& out, const SqrtmOptions& options);
void sqrtm(const MatrixT<std::complex<double>>& a, MatrixFunctionValue<double>& out, const SqrtmOptions& options);

void logm(const MatrixT<float>& a, MatrixFunctionValue<float>& out, const LogmOptions& options);
void logm(const MatrixT<double>& a, MatrixFunctionValue<double>& out, const LogmOptions& options);
void logm(const MatrixT<std::complex<float>>& a, MatrixFunctionValue<float>& out, const LogmOptions& options);
void logm(const MatrixT<std::complex<double>>& a, MatrixFunctionValue<double>& out, const LogmOptions& options);

/// funm's scalar function, evaluated on the eigenvalues.
template <class Real>
using FunmFunction = std::function<std::complex<Real>(std::complex<Real>)>;

void funm(const MatrixT<float>& a, const FunmFunction<float>& func, FunmResult<float>& out, const FunmOptions& options);
void funm(const MatrixT<double>& a, const FunmFunction<double>& func, FunmResult<double>& out,
          const FunmOptions& options);
void funm(const MatrixT<std::complex<float>>& a, const FunmFunction<float>& func, FunmResult<float>& out,
          const FunmOptions& options);
void funm(const MatrixT<std::complex<double>>& a, const FunmFunction<double>& func, FunmResult<double>& out,
          const FunmOptions& options);

void fractional_matrix_power(const MatrixT<float>& a, double t, MatrixFunctionValue<float>& out,
                             const FractionalMatrixPowerOptions& options);
void fractional_matrix_power(const MatrixT<double>& a, double t, MatrixFunctionValue<double>& out,
                             const FractionalMatrixPowerOptions& options);
void fractional_matrix_power(const MatrixT<std::complex<float>>& a, double t, MatrixFunctionValue<float>& out,
                             const FractionalMatrixPowerOptions& options);
void fractional_matrix_power(const MatrixT<std::complex<double>>& a, double t, MatrixFunctionValue<double>& out,
                             const FractionalMatrixPowerOptions& options);

template <class Derived>
using matfun_plain_t = MatrixT<typename Derived::Scalar>;
}  // namespace detail

/// Principal matrix square root, as scipy.linalg.sqrtm: x with x x = a and
/// eigenvalues in the open right half plane (when a has no eigenvalue on the
/// closed negative real axis; otherwise a square root of SciPy's choice).
///
/// Method: Schur form, then the triangular square root recurrence of Björck
/// and Hammarling. Real a: real Schur form and Higham's real recurrence
/// (2 x 2 blocks for complex conjugate pairs), so the result is real; when a
/// real eigenvalue is negative, as SciPy, the complex Schur form instead, and
/// a complex result.
///
/// \param a        n x n matrix (float, double, std::complex<float> or
///                 std::complex<double>); any Eigen dense expression.
/// \param options  check_finite.
/// \returns        MatrixFunctionValue in a's precision: is_real for real a
///                 without negative real eigenvalues. Empty a: 0 x 0, real.
///
/// Requires: a square; finite entries (when check_finite).
/// Ensures:  a is not modified; ||x x - a|| of order n eps ||a|| times the
///           condition of the square root (Higham 1987).
/// Throws:   ValueError when a is not square or holds NaN / Inf; LinAlgError
///           when the Schur form is not found.
/// Warns:    WarningCategory::linalg "Matrix is singular. ..." when the Schur
///           form has an exactly zero eigenvalue (as SciPy's LinAlgWarning);
///           the result then may hold inf / NaN (a with no square root, such
///           as [[0, 1], [0, 0]]).
/// Complexity: O(n^3) time (the Schur form, about 25 n^3 flops, dominates),
///           O(n^2) memory.
///
/// \code
///   Matrix a{{1, 3}, {1, 4}};
///   auto x = scilearn::linalg::sqrtm(a).real();  // {{0.7559.., 1.1338..}, {0.3779.., 1.8898..}}
/// \endcode
template <class Derived>
MatrixFunctionValue<detail::matfun_real_t<typename Derived::Scalar>> sqrtm(const Eigen::MatrixBase<Derived>& a,
                                                                           const SqrtmOptions& options = {}) {
  static_assert(is_lapack_scalar_v<typename Derived::Scalar>,
                "sqrtm: the scalar must be float, double or std::complex of either");
  MatrixFunctionValue<detail::matfun_real_t<typename Derived::Scalar>> out;
  detail::sqrtm(detail::matfun_plain_t<Derived>(a), out, options);
  return out;
}

/// Principal matrix logarithm, as scipy.linalg.logm: the x with exp(x) = a
/// whose eigenvalues have imaginary parts in (-pi, pi].
///
/// Method (SciPy's): Schur form (skipped when a is upper triangular), then
/// the inverse scaling and squaring algorithm of Al-Mohy and Higham (2012):
/// s triangular square roots bring t near the identity, an m-point
/// Gauss-Legendre quadrature (the [m/m] Padé approximant) of log(I + r) is
/// scaled by 2^s, with the diagonal and first superdiagonal recomputed
/// directly (for the principal branch). float / std::complex<float> input is
/// computed in double and rounded (SciPy returns float64 here).
///
/// \param a        n x n matrix (any of the four scalar types).
/// \param options  check_finite.
/// \returns        MatrixFunctionValue in a's precision; is_real as SciPy's
///                 logm: real a and a value whose imaginary parts are all
///                 within 1e6 eps of 0 (they are then set to 0). Empty: 0 x 0.
///
/// Requires: a square; finite entries (when check_finite).
/// Ensures:  a is not modified.
/// Throws:   ValueError when a is not square or holds NaN / Inf; LinAlgError
///           when the Schur form is not found.
/// Warns:    WarningCategory::user "The logm input matrix is exactly singular."
///           when t has a zero eigenvalue (replaced by 1e-20, as SciPy), "...
///           may be nearly singular." when one is below 1e-20 in modulus.
///           SciPy's accuracy warning needs expm(logm(a)); it is not raised
///           here: check norm(expm(x) - a) / norm(a) where it matters.
/// Complexity: O(n^3) time (about 25 n^3 for the Schur form, plus n^3 / 3
///           per square root and per quadrature point), O(n^2) memory.
///
/// \code
///   Matrix a{{1, 3}, {1, 4}};
///   auto x = scilearn::linalg::logm(a).real();  // {{-1.0257.., 2.0514..}, {0.6838.., 1.0257..}}
/// \endcode
template <class Derived>
MatrixFunctionValue<detail::matfun_real_t<typename Derived::Scalar>> logm(const Eigen::MatrixBase<Derived>& a,
                                                                          const LogmOptions& options = {}) {
  static_assert(is_lapack_scalar_v<typename Derived::Scalar>,
                "logm: the scalar must be float, double or std::complex of either");
  MatrixFunctionValue<detail::matfun_real_t<typename Derived::Scalar>> out;
  detail::logm(detail::matfun_plain_t<Derived>(a), out, options);
  return out;
}

/// A matrix function f(a) by the Schur-Parlett recurrence, as
/// scipy.linalg.funm: complex Schur form a = z t z^H, f on t's diagonal (the
/// eigenvalues), then Parlett's recurrence (Golub and Van Loan, Algorithm
/// 11.1.1) for the strictly upper triangle. Accurate for well separated
/// eigenvalues; for repeated or close ones the recurrence divides by (nearly)
/// zero, which the error estimate reports.
///
/// \param a        n x n matrix (any of the four scalar types).
/// \param func     the scalar function: any callable taking and returning
///                 std::complex of a's precision (SciPy's func, which NumPy
///                 applies elementwise to the eigenvalues).
/// \param options  disp, check_finite.
/// \returns        FunmResult{value, is_real, errest}: is_real as SciPy (real
///                 a and imaginary parts within 1e3 eps (float) or 1e6 eps
///                 (double) of 0, then set to 0). Empty a: 0 x 0, errest 0.
///
/// Requires: a square; finite entries (when check_finite).
/// Ensures:  a is not modified; func is called once per eigenvalue.
/// Throws:   ValueError when a is not square or holds NaN / Inf; LinAlgError
///           when the Schur form is not found; whatever func throws.
/// Warns:    WarningCategory::runtime "funm result may be inaccurate, ..."
///           when disp and errest > 1000 eps (SciPy prints this).
/// Complexity: O(n^3) time, O(n^2) memory.
///
/// \code
///   Matrix a{{1, 3}, {1, 4}};
///   auto r = scilearn::linalg::funm(a, [](std::complex<double> x) { return std::exp(x); });
///   // r.real() is expm(a); r.errest is about 1e-16
/// \endcode
template <class Derived, class F>
requires std::is_invocable_v<F&, std::complex<detail::matfun_real_t<typename Derived::Scalar>>>
    FunmResult<detail::matfun_real_t<typename Derived::Scalar>> funm(const Eigen::MatrixBase<Derived>& a, F&& func,
                                                                     const FunmOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "funm: the scalar must be float, double or std::complex of either");
  using R = detail::matfun_real_t<Scalar>;
  FunmResult<R> out;
  const detail::FunmFunction<R> f = [&func](std::complex<R> x) { return std::complex<R>(func(x)); };
  detail::funm(detail::matfun_plain_t<Derived>(a), f, out, options);
  return out;
}

/// The real power a^t, as scipy.linalg.fractional_matrix_power.
///
/// Method (SciPy's): integer t, repeated squaring (negative t: of the
/// inverse). Otherwise, for nonsingular a, t = k + b with k an integer and
/// b in (-1, 1) chosen from the 2-norm condition number as Higham and Lin
/// (2011), a^t = a^k a^b with a^b by their Schur-Padé algorithm (inverse
/// scaling and squaring, Padé approximant of (I - x)^b, superdiagonal
/// recomputed directly). Singular a: t > 0 by funm's recurrence with the
/// scalar x^(t - floor t); t < 0 gives an all-NaN matrix, as SciPy.
/// float / std::complex<float> input is computed in double and rounded
/// (SciPy returns float64 here).
///
/// \param a        n x n matrix (any of the four scalar types).
/// \param t        the power.
/// \param options  check_finite.
/// \returns        MatrixFunctionValue in a's precision; is_real exactly
///                 where SciPy returns a real array for real a: integer t;
///                 Schur-Padé with all eigenvalues real and positive; the
///                 funm path when its imaginary parts are negligible; the
///                 NaN result. Empty a: 0 x 0.
///
/// Requires: a square; finite entries (when check_finite).
/// Ensures:  a is not modified; t = 1/2 agrees with sqrtm for matrices
///           without non-positive real eigenvalues.
/// Throws:   ValueError when a is not square or holds NaN / Inf; LinAlgError
///           "Singular matrix" for a negative integer t and exactly singular
///           a (NumPy's matrix_power), or when the Schur form is not found.
/// Complexity: O(n^3 (log2 |t| + s + m)) time with s square roots and an
///           m-term Padé approximant (m <= 7), O(n^2) memory.
///
/// \code
///   Matrix a{{1, 3}, {1, 4}};
///   auto b = scilearn::linalg::fractional_matrix_power(a, 0.5).real();  // equals sqrtm(a)
/// \endcode
template <class Derived>
MatrixFunctionValue<detail::matfun_real_t<typename Derived::Scalar>> fractional_matrix_power(
    const Eigen::MatrixBase<Derived>& a, double t, const FractionalMatrixPowerOptions& options = {}) {
  static_assert(is_lapack_scalar_v<typename Derived::Scalar>,
                "fractional_matrix_power: the scalar must be float, double or std::complex of either");
  MatrixFunctionValue<detail::matfun_real_t<typename Derived::Scalar>> out;
  detail::fractional_matrix_power(detail::matfun_plain_t<Derived>(a), t, out, options);
  return out;
}

}  // namespace scilearn::linalg
