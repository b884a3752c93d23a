#pragma once
/// \file
/// Schur decomposition, as scipy.linalg.schur, and the conversion of a real
/// Schur form to a complex one, as scipy.linalg.rsf2csf.

#include <complex>
#include <concepts>
#include <functional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>
#include <type_traits>
#include <utility>

namespace scilearn::linalg {

/// SciPy's `output` argument of schur(), qz() and ordqz(): the real Schur form
/// (quasi upper triangular, 2 x 2 blocks for complex conjugate eigenvalue
/// pairs) or the complex one (upper triangular). A template argument here,
/// since it decides the result's scalar type; complex input always gives the
/// complex form, as in SciPy.
enum class SchurOutput {
  real,     ///< 'real' (SciPy's default)
  complex,  ///< 'complex': real input is converted to std::complex of the same precision first
};

/// SciPy's named eigenvalue regions for the `sort` argument of schur() and ordqz().
enum class SortRegion {
  lhp,  ///< 'lhp': left half plane
  rhp,  ///< 'rhp': right half plane
  iuc,  ///< 'iuc': inside the unit circle
  ouc,  ///< 'ouc': outside the unit circle
};

/// schur()'s `sort`: none (SciPy's None, the default), a SortRegion, or a
/// predicate on an eigenvalue w (SciPy's callable). Selected eigenvalues are
/// moved to the top left of the Schur form. The regions, exactly as SciPy's
/// schur: lhp Re w < 0, rhp Re w >= 0, iuc |w| <= 1, ouc |w| > 1. They and
/// the predicate see w as std::complex<double> for every scalar type (exact
/// for float; SciPy's callbacks also get Python floats); for real input, as in
/// LAPACK, a complex conjugate pair is selected when either is.
///
/// \code
///   linalg::schur(a, {.sort = linalg::SortRegion::lhp});
///   linalg::schur(a, {.sort = [](std::complex<double> w) { return std::abs(w) < 0.5; }});
/// \endcode
class SchurSort {
 public:
  /// A predicate on an eigenvalue.
  using Predicate = std::function<bool(std::complex<double>)>;

  /// No sorting.
  SchurSort() = default;
  /// One of SciPy's named regions.
  SchurSort(SortRegion region) : region_(region), has_region_(true) {}  // NOLINT(google-explicit-constructor)
  /// A user predicate (any callable taking std::complex<double> and returning bool).
  template <class F>
  requires(std::is_invocable_r_v<bool, F&, std::complex<double>> && !std::is_same_v<std::decay_t<F>, SchurSort>)
      SchurSort(F predicate)
      : predicate_(std::move(predicate)) {}  // NOLINT(google-explicit-constructor)

  /// True when eigenvalues are reordered (a region or a predicate was given).
  [[nodiscard]] bool sorts() const { return has_region_ || static_cast<bool>(predicate_); }
  /// The region, when one was given.
  [[nodiscard]] bool has_region() const { return has_region_; }
  [[nodiscard]] SortRegion region() const { return region_; }
  /// The user predicate (empty when none was given).
  [[nodiscard]] const Predicate& predicate() const { return predicate_; }

 private:
  Predicate predicate_;
  SortRegion region_ = SortRegion::lhp;
  bool has_region_ = false;
};

/// Options of schur(), with SciPy's names and defaults (`output` is schur()'s
/// template argument; SciPy's lwork and overwrite_a have no counterpart:
/// LAPACK's optimal workspace is always used and a is never overwritten).
struct SchurOptions {
  /// Reorder the eigenvalues (see SchurSort); none by default.
  SchurSort sort{};
  /// Check that a contains only finite numbers (ValueError otherwise).
  bool check_finite = true;
};

/// Result of schur(): a = z t z^H.
template <LapackScalar Scalar>
struct SchurResult {
  /// n x n Schur form: upper triangular (complex), or quasi upper triangular
  /// with standardized 2 x 2 diagonal blocks (equal diagonal entries,
  /// off-diagonal entries of opposite signs) for complex conjugate pairs (real).
  MatrixT<Scalar> t;
  /// n x n orthogonal (unitary) Schur vectors.
  MatrixT<Scalar> z;
  /// With sorting: how many eigenvalues satisfy the sort condition (the order
  /// of the leading block holding them; a complex pair counts 2). SciPy
  /// returns it only when sorting; 0 otherwise.
  Index sdim = 0;
};

/// Options of rsf2csf().
struct Rsf2csfOptions {
  /// Check that t and z contain only finite numbers (ValueError otherwise).
  bool check_finite = true;
};

/// Result of rsf2csf(): the complex Schur form, a = z t z^H with t upper triangular.
template <LapackScalar Scalar>
struct Rsf2csfResult {
  MatrixT<Scalar> t;  ///< n x n upper triangular
  MatrixT<Scalar> z;  ///< n x n unitary
};

namespace detail {
// The compiled implementation, one plain overload per LAPACK scalar type.

/// Validates a, then overwrites it by its Schur form t by ?gees; sets z and
/// (when sorting) sdim. `where` names the caller in messages.
void schur_in_place(const char* where, MatrixT<float>& a, MatrixT<float>& z, Index& sdim, const SchurOptions& options);
void schur_in_place(const char* where, MatrixT<double>& a, MatrixT<double>& z, Index& sdim,
                    const SchurOptions& options);
void schur_in_place(const char* where, MatrixT<std::complex<float>>& a, MatrixT<std::complex<float>>& z, Index& sdim,
                    const SchurOptions& options);
void schur_in_place(const char* where, MatrixT<std::complex<double>>& a, MatrixT<std::complex<double>>& z, Index& sdim,
                    const SchurOptions& options);

/// Validates t and z (complex copies of the caller's), then triangularizes t's
/// 2 x 2 blocks in place, updating z.
void rsf2csf_in_place(MatrixT<std::complex<float>>& t, MatrixT<std::complex<float>>& z, const Rsf2csfOptions& options);
void rsf2csf_in_place(MatrixT<std::complex<double>>& t, MatrixT<std::complex<double>>& z,
                      const Rsf2csfOptions& options);

/// The scalar of a SchurOutput for input scalar S.
template <class S, SchurOutput Output>
using schur_scalar_t =
    std::conditional_t<Output == SchurOutput::complex, std::complex<typename Eigen::NumTraits<S>::Real>, S>;
}  // namespace detail

/// Schur decomposition a = z t z^H, as scipy.linalg.schur, by LAPACK ?gees.
///
/// \tparam Output  SchurOutput::real (default) or SchurOutput::complex (SciPy's
///                 output='complex': real a is converted to complex first).
/// \param a        n x n matrix (float, double, std::complex<float> or
///                 std::complex<double>); any Eigen dense expression.
/// \param options  sort, check_finite (see SchurOptions).
/// \returns        SchurResult{t, z, sdim}, of a's scalar type, or its complex
///                 counterpart with Output = complex. Empty a: 0 x 0 t and z, sdim 0.
///
/// Requires: a square; finite entries (when check_finite).
/// Ensures:  a is not modified; z unitary and ||a - z t z^H|| of order
///           n eps ||a|| (?gees is backward stable); with sorting, the first
///           sdim diagonal entries (blocks) of t are the selected eigenvalues.
/// Throws:   ValueError when a is not square or holds NaN / Inf;
///           LinAlgError when the QR algorithm does not converge ("Schur form
///           not found"), when eigenvalues are too close to be reordered, or
///           (real a) when rounding in the reordering changed which
///           eigenvalues satisfy the sort condition; whatever the sort
///           predicate throws.
/// Complexity: O(n^3) time (about 25 n^3 flops with z), O(n^2) memory.
///
/// Example:
/// \code
///   Matrix a{{0, 2, 2}, {0, 1, 2}, {1, 0, 1}};
///   auto [t, z, sdim] = scilearn::linalg::schur(a);           // t(0, 0) = 2.65896708...
///   auto c = scilearn::linalg::schur<linalg::SchurOutput::complex>(a);  // c.t upper triangular
///   auto s = scilearn::linalg::schur(a, {.sort = linalg::SortRegion::lhp});  // s.sdim == 2
/// \endcode
template <SchurOutput Output = SchurOutput::real, class Derived>
SchurResult<detail::schur_scalar_t<typename Derived::Scalar, Output>> schur(const Eigen::MatrixBase<Derived>& a,
                                                                            const SchurOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "schur: the scalar must be float, double or std::complex of either");
  using Out = detail::schur_scalar_t<Scalar, Output>;
  SchurResult<Out> result;
  result.t = a.template cast<Out>();
  detail::schur_in_place("schur", result.t, result.z, result.sdim, options);
  return result;
}

/// Converts a real Schur form (t, z) into the complex one, as scipy.linalg.rsf2csf:
/// each 2 x 2 block of t (a non-negligible subdiagonal entry t(m, m-1)) is
/// triangularized by a complex Givens rotation, which also updates z.
///
/// \param t  n x n real Schur form, as schur() returns it (float or double;
///           complex input is accepted and treated the same way, as SciPy).
/// \param z  n x n Schur vectors, t's scalar type.
/// \returns  Rsf2csfResult{t, z} in std::complex of t's precision: t upper
///           triangular (entries below the diagonal set to exactly 0), z unitary,
///           z t z^H equal to the input's z t z^T up to rounding.
///
/// Requires: t and z square, of the same order; finite (when check_finite).
/// Ensures:  t and z are not modified. As SciPy, a subdiagonal entry counts
///           as a block when |t(m, m-1)| > eps (|t(m-1, m-1)| + |t(m, m)|)
///           with eps the double epsilon (also for float, as SciPy).
/// Throws:   ValueError "rsf2csf: t is 2x3, expected a square matrix" (z
///           likewise), or when the orders differ or an entry is NaN / Inf.
/// Complexity: O(n^2) per block, O(n^3) at most.
///
/// Example:
/// \code
///   auto [t, z, sdim] = scilearn::linalg::schur(a);
///   auto [tc, zc] = scilearn::linalg::rsf2csf(t, z);   // tc upper triangular, a = zc tc zc^H
/// \endcode
template <class DerivedT, class DerivedZ>
auto rsf2csf(const Eigen::MatrixBase<DerivedT>& t, const Eigen::MatrixBase<DerivedZ>& z,
             const Rsf2csfOptions& options = {}) {
  using Scalar = typename DerivedT::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "rsf2csf: the scalar must be float, double or std::complex of either");
  static_assert(std::is_same_v<Scalar, typename DerivedZ::Scalar>, "rsf2csf: t and z must have the same scalar type");
  using C = std::complex<typename Eigen::NumTraits<Scalar>::Real>;
  Rsf2csfResult<C> result{t.template cast<C>(), z.template cast<C>()};
  detail::rsf2csf_in_place(result.t, result.z, options);
  return result;
}

}  // namespace scilearn::linalg
