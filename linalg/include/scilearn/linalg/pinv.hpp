#pragma once
/// \file
/// Rank-revealing uses of the SVD: linalg::pinv (scipy.linalg.pinv), the
/// Moore-Penrose pseudo-inverse, and linalg::matrix_rank
/// (numpy.linalg.matrix_rank), the numerical rank.

#include <optional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>
#include <scilearn/core/validation.hpp>

namespace scilearn::linalg {

/// Options of pinv() and pinv_with_rank(), with scipy.linalg.pinv's names and
/// defaults. Singular values s_i <= atol + rtol * s_max count as zero.
struct PinvOptions {
  /// Absolute threshold; unset (SciPy's None): 0.
  std::optional<double> atol = std::nullopt;
  /// Relative threshold; unset (SciPy's None): max(m, n) * eps, eps the
  /// spacing of 1 in the scalar's real type (1.19e-7 float, 2.2e-16 double).
  /// As SciPy 1.17.1 (and unlike numpy.linalg.pinv's rtol), this default
  /// applies also when atol is set: pass rtol = 0 for a purely absolute cut.
  std::optional<double> rtol = std::nullopt;
  /// Check that a contains only finite numbers (ValueError otherwise).
  bool check_finite = true;
};

/// What pinv_with_rank() returns, SciPy's pinv(..., return_rank=True) pair.
template <LapackScalar Scalar>
struct PinvResult {
  MatrixT<Scalar> pinv;  ///< n x m pseudo-inverse
  Index rank = 0;        ///< the number of singular values kept (the effective rank)
};

/// Options of matrix_rank(), with numpy.linalg.matrix_rank's names and defaults.
/// At most one of tol and rtol may be set.
struct MatrixRankOptions {
  /// Absolute threshold: singular values > tol count. Unset: from rtol.
  std::optional<double> tol = std::nullopt;
  /// Relative threshold: singular values > rtol * s_max count. Unset (both
  /// unset): max(m, n) * eps, eps the spacing of 1 in the real type.
  std::optional<double> rtol = std::nullopt;
  /// Check that a contains only finite numbers (ValueError otherwise). NumPy
  /// has no such check (its SVD fails on NaN instead).
  bool check_finite = true;
};

namespace detail {
/// The compiled implementation, one plain overload per LAPACK scalar type; a
/// is consumed.
void pinv_in_place(MatrixT<float>& a, PinvResult<float>& out, const PinvOptions& options);
void pinv_in_place(MatrixT<double>& a, PinvResult<double>& out, const PinvOptions& options);
void pinv_in_place(MatrixT<std::complex<float>>& a, PinvResult<std::complex<float>>& out, const PinvOptions& options);
void pinv_in_place(MatrixT<std::complex<double>>& a, PinvResult<std::complex<double>>& out, const PinvOptions& options);

Index matrix_rank_in_place(MatrixT<float>& a, const MatrixRankOptions& options);
Index matrix_rank_in_place(MatrixT<double>& a, const MatrixRankOptions& options);
Index matrix_rank_in_place(MatrixT<std::complex<float>>& a, const MatrixRankOptions& options);
Index matrix_rank_in_place(MatrixT<std::complex<double>>& a, const MatrixRankOptions& options);
}  // namespace detail

/// The Moore-Penrose pseudo-inverse and the effective rank, as
/// scipy.linalg.pinv(a, atol=, rtol=, return_rank=True).
///
/// \param a        m x n matrix (any m, n; float, double, std::complex<float> or
///                 std::complex<double>); any Eigen dense expression.
/// \param options  atol, rtol, check_finite (see PinvOptions).
/// \returns        PinvResult {pinv, rank}: pinv = V_r diag(1 / s_r) U_r^H
///                 (n x m) from the economy SVD a = U diag(s) V^H (?gesdd),
///                 keeping the rank singular values s_i > atol + rtol * s_max.
///                 Empty a: an n x m zero-size pinv, rank 0.
///
/// Requires: finite entries (when check_finite); atol, rtol >= 0.
/// Ensures:  a is not modified. For the kept part, a pinv a = a and
///           pinv a pinv = pinv hold to O(max(m, n) eps cond_r), cond_r =
///           s_max / s_rank; a full-rank square a gives its inverse.
/// Throws:   ValueError when a holds NaN / Inf, or atol / rtol is negative
///           (SciPy: "atol and rtol values must be positive") or NaN;
///           LinAlgError when the SVD does not converge.
/// Complexity: O(m n min(m, n)) time, O(m n) memory beyond the result.
///
/// Example:
/// \code
///   Matrix a{{1, 2}, {2, 4}, {0, 0}};                      // rank 1
///   auto [p, rank] = scilearn::linalg::pinv_with_rank(a);  // p = a^T / 25, rank = 1
/// \endcode
template <class Derived>
PinvResult<typename Derived::Scalar> pinv_with_rank(const Eigen::MatrixBase<Derived>& a,
                                                    const PinvOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "pinv: the scalar must be float, double or std::complex of either");
  MatrixT<Scalar> work = a;
  PinvResult<Scalar> result;
  detail::pinv_in_place(work, result, options);
  return result;
}

/// The Moore-Penrose pseudo-inverse, as scipy.linalg.pinv(a, atol=, rtol=):
/// pinv_with_rank(a, options).pinv (see there for what happens, the errors and
/// the cost).
///
/// Example:
/// \code
///   Matrix a{{1, 0}, {0, 2}, {0, 0}};
///   Matrix p = scilearn::linalg::pinv(a);                    // {{1, 0, 0}, {0, 0.5, 0}}
///   Matrix q = scilearn::linalg::pinv(a, {.atol = 1.5, .rtol = 0});  // drops 1: {{0, 0, 0}, {0, 0.5, 0}}
/// \endcode
template <class Derived>
MatrixT<typename Derived::Scalar> pinv(const Eigen::MatrixBase<Derived>& a, const PinvOptions& options = {}) {
  return pinv_with_rank(a, options).pinv;
}

/// The numerical rank of a: how many singular values exceed a tolerance, as
/// numpy.linalg.matrix_rank(A, tol=, rtol=).
///
/// \param a        an m x n matrix, or a vector type (NumPy's 1-D input: rank 1
///                 unless every entry is zero; tol and rtol do not apply).
/// \param options  tol or rtol, check_finite (see MatrixRankOptions).
/// \returns        the number of singular values (?gesdd, no vectors) above tol,
///                 or above rtol * s_max; 0 for an empty a.
///
/// Requires: not both tol and rtol; finite entries (when check_finite).
/// Ensures:  a is not modified.
/// Throws:   ValueError when both tol and rtol are set (NumPy: "`tol` and `rtol`
///           can't be both set."), one is NaN, or a holds NaN / Inf;
///           LinAlgError when the SVD does not converge.
/// Complexity: O(m n min(m, n)) time, one m x n copy.
/// Note:     NumPy's hermitian=True (eigenvalues instead of the SVD, reading one
///           triangle) is not offered: the SVD gives the same rank on the full
///           Hermitian matrix.
///
/// Example:
/// \code
///   Matrix a{{1, 2}, {2, 4.0000001}};
///   Index r = scilearn::linalg::matrix_rank(a);                 // 2
///   Index q = scilearn::linalg::matrix_rank(a, {.tol = 1e-6});  // 1
/// \endcode
template <class Derived>
Index matrix_rank(const Eigen::MatrixBase<Derived>& a, const MatrixRankOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "matrix_rank: the scalar must be float, double or std::complex of either");
  if constexpr (Derived::IsVectorAtCompileTime) {
    if (options.check_finite) check_finite("matrix_rank", "a", a);
    for (Index i = 0; i < a.size(); ++i) {
      if (a(i) != Scalar(0)) return 1;
    }
    return 0;
  } else {
    MatrixT<Scalar> work = a;
    return detail::matrix_rank_in_place(work, options);
  }
}

}  // namespace scilearn::linalg
