#pragma once
/// \file
/// linalg::inv: the inverse of a square matrix, as scipy.linalg.inv.

#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>
#include <scilearn/linalg/solve.hpp>

namespace scilearn::linalg {

/// Options of inv(), with scipy.linalg.inv's names and defaults.
struct InvOptions {
  /// Structure of a (the same choices as solve's): gen (LU: ?getrf / ?getri),
  /// sym (?sytrf / ?sytri), her (?hetrf / ?hetri), pos (?potrf / ?potri).
  /// SciPy 1.17's default (None) detects structure; ours is gen, correct for
  /// every invertible a.
  AssumeA assume_a = AssumeA::gen;
  bool lower = false;        ///< sym / her / pos: read only this triangle of a
  bool check_finite = true;  ///< ValueError on NaN / Inf
};

namespace detail {
/// The compiled inverse, one overload per LAPACK scalar type (plain overloads
/// so that g++- and clang-built code link).
MatrixT<float> inv(const Eigen::Ref<const MatrixT<float>>& a, const InvOptions& options);
MatrixT<double> inv(const Eigen::Ref<const MatrixT<double>>& a, const InvOptions& options);
MatrixT<std::complex<float>> inv(const Eigen::Ref<const MatrixT<std::complex<float>>>& a, const InvOptions& options);
MatrixT<std::complex<double>> inv(const Eigen::Ref<const MatrixT<std::complex<double>>>& a, const InvOptions& options);
}  // namespace detail

/// The inverse of a square matrix, as scipy.linalg.inv.
///
/// \param a        n x n matrix of float, double or std::complex of either.
/// \param options  structure of a, triangle to read, finiteness check.
/// \returns        a^-1 (n x n); for sym / her / pos the full symmetric /
///                 Hermitian inverse, both triangles filled. 0 x 0 in, 0 x 0 out.
/// Requires: a square, invertible, finite (when check_finite).
/// Ensures:  a is not modified; ||a inv(a) - I|| is of order n eps cond(a).
/// Warns:    WarningCategory::linalg when rcond is below the unit roundoff, as
///           solve() and SciPy's LinAlgWarning.
/// Throws:   ValueError (not square, NaN / Inf, n beyond 32-bit LAPACK indices);
///           LinAlgError when a is exactly singular, or not positive definite
///           with assume_a = pos.
/// Complexity: O(n^3) (2n^3 flops for gen), O(n^2) memory. Prefer solve() to
///           inv() followed by a product: it is faster and more accurate.
template <class Derived>
MatrixT<typename Derived::Scalar> inv(const Eigen::MatrixBase<Derived>& a, const InvOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "inv: the scalar must be float, double or std::complex of either");
  return detail::inv(Eigen::Ref<const MatrixT<Scalar>>(a), options);
}

}  // namespace scilearn::linalg
