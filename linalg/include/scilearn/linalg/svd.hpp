#pragma once
/// \file
/// linalg::svd and linalg::svdvals: the singular value decomposition
/// a = u diag(s) vh of any m x n matrix, as scipy.linalg.svd and svdvals.

#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>
#include <utility>

namespace scilearn::linalg {

/// Which LAPACK routine computes the SVD, as scipy.linalg.svd's `lapack_driver`.
enum class SvdDriver {
  gesdd,  ///< divide and conquer (?gesdd): SciPy's default, fastest for large matrices with vectors
  gesvd,  ///< QR iteration (?gesvd): slower, less workspace; MATLAB's and Octave's choice
};

/// Options of svd(), with scipy.linalg.svd's names and defaults.
struct SvdOptions {
  /// u is m x m and vh n x n (true), or m x k and k x n with k = min(m, n).
  bool full_matrices = true;
  /// Compute u and vh (true) or only s (false: u and vh are left 0 x 0).
  bool compute_uv = true;
  /// Check that a contains only finite numbers (ValueError otherwise). Off,
  /// a NaN is still a ValueError with gesdd (LAPACK rejects it, as in SciPy);
  /// with gesvd the result is unspecified (NaN) or a LinAlgError.
  bool check_finite = true;
  /// The LAPACK driver. Under gesdd (the default) a real square matrix of
  /// order <= 8 is decomposed by the one-sided Jacobi method instead (same
  /// factors up to rounding and signs, several times faster there); gesvd is
  /// always LAPACK's.
  SvdDriver lapack_driver = SvdDriver::gesdd;
};

/// What svd() returns, SciPy's (U, s, Vh): a = u * diag(s) * vh, with
/// `auto [u, s, vh] = svd(a);`.
template <LapackScalar Scalar>
struct SvdResult {
  using Real = typename Eigen::NumTraits<Scalar>::Real;
  /// Left singular vectors as columns (unitary): m x m (full_matrices),
  /// m x k (economy), 0 x 0 without compute_uv.
  MatrixT<Scalar> u;
  /// The k = min(m, n) singular values, real, non-negative, non-increasing.
  VectorT<Real> s;
  /// Right singular vectors as rows (unitary): n x n, k x n, or 0 x 0.
  MatrixT<Scalar> vh;
};

namespace detail {
/// The compiled SVD, one plain overload per LAPACK scalar type: validates a
/// (finite when options.check_finite; a valid driver), then decomposes it in
/// place (a is consumed) into out. `where` names the caller in error messages.
void svd_in_place(const char* where, MatrixT<float>& a, SvdResult<float>& out, const SvdOptions& options);
void svd_in_place(const char* where, MatrixT<double>& a, SvdResult<double>& out, const SvdOptions& options);
void svd_in_place(const char* where, MatrixT<std::complex<float>>& a, SvdResult<std::complex<float>>& out,
                  const SvdOptions& options);
void svd_in_place(const char* where, MatrixT<std::complex<double>>& a, SvdResult<std::complex<double>>& out,
                  const SvdOptions& options);
}  // namespace detail

/// Singular value decomposition a = u diag(s) vh, as scipy.linalg.svd.
///
/// \param a        m x n matrix (any m, n; float, double, std::complex<float> or
///                 std::complex<double>); any Eigen dense expression.
/// \param options  full_matrices, compute_uv, check_finite, lapack_driver (see SvdOptions).
/// \returns        SvdResult {u, s, vh}: s has min(m, n) entries, descending;
///                 u and vh as SvdResult describes (0 x 0 without compute_uv).
///                 Empty a (m or n zero), as SciPy: s empty; with full_matrices
///                 u = I (m x m) and vh = I (n x n), else u m x 0 and vh 0 x n.
///
/// Requires: finite entries (when check_finite).
/// Ensures:  a is not modified. ||a - u diag(s) vh|| and ||u^H u - I||,
///           ||vh vh^H - I|| are of order max(m, n) eps (||a|| for the first):
///           LAPACK's SVDs are backward stable, and each computed singular
///           value is within a small multiple of max(m, n) eps s(0) of the
///           exact one. The singular vectors of a repeated or tiny singular
///           value are not unique (nor are signs / phases): compare through
///           the reconstruction, not entrywise.
/// Throws:   ValueError when a holds NaN / Inf (with check_finite; a NaN also
///           without it under gesdd), lapack_driver is not an SvdDriver value,
///           or u / vh would exceed LAPACK's 32-bit index range (SciPy's
///           check); LinAlgError "svd: SVD did not converge" when LAPACK's
///           iteration fails (info > 0).
/// Complexity: O(m n min(m, n)) time; O(m n) for the copy of a (LAPACK
///           overwrites it) plus u, vh and LAPACK's workspace.
/// Thread safety: safe to call concurrently; uses the BLAS thread pool.
///
/// Example:
/// \code
///   Matrix a{{3, 0}, {4, 5}};
///   auto [u, s, vh] = scilearn::linalg::svd(a);          // s = {sqrt(45), sqrt(5)}
///   Matrix back = u * s.asDiagonal() * vh;              // == a up to rounding
///   auto thin = scilearn::linalg::svd(Matrix::Ones(5, 2), {.full_matrices = false});  // u is 5 x 2
/// \endcode
template <class Derived>
SvdResult<typename Derived::Scalar> svd(const Eigen::MatrixBase<Derived>& a, const SvdOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "svd: the scalar must be float, double or std::complex of either");
  MatrixT<Scalar> work = a;
  SvdResult<Scalar> result;
  detail::svd_in_place("svd", work, result, options);
  return result;
}

/// The singular values of a, as scipy.linalg.svdvals: svd(a, {.compute_uv = false}).s.
///
/// \param a             m x n matrix (any m, n); any Eigen dense expression.
/// \param check_finite  ValueError on NaN / Inf (SciPy's default: true).
/// \returns             the min(m, n) singular values, real, descending (by ?gesdd
///                      without vectors); empty for an empty a.
/// Requires, Ensures, Throws: as svd() (messages name svdvals).
/// Complexity: O(m n min(m, n)), about a third of svd()'s with vectors.
///
/// Example:
/// \code
///   Vector s = scilearn::linalg::svdvals(Matrix{{1, 0}, {2, 3}, {1, 1}, {0, 2}, {1, 0}});
///   // {4.28091555, 1.63516424}
/// \endcode
template <class Derived>
VectorT<typename Eigen::NumTraits<typename Derived::Scalar>::Real> svdvals(const Eigen::MatrixBase<Derived>& a,
                                                                           bool check_finite = true) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "svdvals: the scalar must be float, double or std::complex of either");
  MatrixT<Scalar> work = a;
  SvdResult<Scalar> result;
  detail::svd_in_place("svdvals", work, result, {.compute_uv = false, .check_finite = check_finite});
  return std::move(result.s);
}

}  // namespace scilearn::linalg
