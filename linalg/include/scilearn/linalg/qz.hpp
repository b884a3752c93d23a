#pragma once
/// \file
/// Generalized Schur (QZ) decomposition of a matrix pencil, as scipy.linalg.qz
/// and scipy.linalg.ordqz.

#include <complex>
#include <functional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>
#include <scilearn/linalg/schur.hpp>
#include <type_traits>
#include <utility>

namespace scilearn::linalg {

/// Options of qz(), with SciPy's names and defaults. SciPy 1.17.1's qz
/// rejects any `sort` (ordqz() sorts), and its lwork / overwrite_a /
/// overwrite_b have no counterpart: LAPACK's optimal workspace is always
/// used and the inputs are never overwritten.
struct QzOptions {
  /// Check that a and b contain only finite numbers (ValueError otherwise).
  bool check_finite = true;
};

/// Result of qz(): a = q aa z^H, b = q bb z^H.
template <LapackScalar Scalar>
struct QzResult {
  /// n x n generalized Schur form of a: upper triangular (complex), or quasi
  /// upper triangular with 2 x 2 blocks for complex conjugate pairs (real).
  MatrixT<Scalar> aa;
  /// n x n upper triangular form of b (real: with 2 x 2 blocks of aa, the
  /// matching 2 x 2 block of bb is diagonal with non-negative entries).
  MatrixT<Scalar> bb;
  MatrixT<Scalar> q;  ///< n x n orthogonal (unitary) left Schur vectors
  MatrixT<Scalar> z;  ///< n x n orthogonal (unitary) right Schur vectors
};

/// ordqz()'s `sort`: a SortRegion (SciPy's default 'lhp') or a predicate on a
/// generalized eigenvalue given as the pair (alpha, beta), eigenvalue alpha /
/// beta (SciPy's callable sort(alpha, beta)). The regions, exactly as SciPy's
/// ordqz, in the scalar's precision: lhp Re(alpha / beta) < 0, rhp
/// Re(alpha / beta) > 0, iuc |alpha / beta| < 1, all three false for beta = 0;
/// ouc |alpha / beta| > 1, or beta = 0 with alpha != 0. The predicate sees
/// alpha and beta as std::complex<double> (beta real for real input). For real
/// input a complex conjugate pair is moved when either of it is selected.
class QzSort {
 public:
  /// A predicate on (alpha, beta).
  using Predicate = std::function<bool(std::complex<double>, std::complex<double>)>;

  /// SciPy's default, 'lhp'.
  QzSort() = default;
  /// One of SciPy's named regions.
  QzSort(SortRegion region) : region_(region) {}  // NOLINT(google-explicit-constructor)
  /// A user predicate (any callable taking two std::complex<double> and returning bool).
  template <class F>
  requires(std::is_invocable_r_v<bool, F&, std::complex<double>, std::complex<double>> &&
           !std::is_same_v<std::decay_t<F>, QzSort>) QzSort(F predicate)
      : predicate_(std::move(predicate)) {}  // NOLINT(google-explicit-constructor)

  /// True when a user predicate was given (then region() is not used).
  [[nodiscard]] bool has_predicate() const { return static_cast<bool>(predicate_); }
  [[nodiscard]] SortRegion region() const { return region_; }
  [[nodiscard]] const Predicate& predicate() const { return predicate_; }

 private:
  Predicate predicate_;
  SortRegion region_ = SortRegion::lhp;
};

/// Options of ordqz(), with SciPy's names and defaults.
struct OrdqzOptions {
  /// Which generalized eigenvalues go to the top left (see QzSort); 'lhp' by default.
  QzSort sort{};
  /// Check that a and b contain only finite numbers (ValueError otherwise).
  bool check_finite = true;
};

/// Result of ordqz(): a = q aa z^H, b = q bb z^H, the selected eigenvalues first.
template <LapackScalar Scalar>
struct OrdqzResult {
  using Complex = std::complex<typename Eigen::NumTraits<Scalar>::Real>;
  MatrixT<Scalar> aa;      ///< n x n, as QzResult::aa
  MatrixT<Scalar> bb;      ///< n x n, as QzResult::bb
  VectorT<Complex> alpha;  ///< n generalized eigenvalue numerators (complex also for real input, as SciPy)
  VectorT<Scalar> beta;    ///< n denominators: eigenvalue j is alpha(j) / beta(j) (infinite when beta(j) = 0)
  MatrixT<Scalar> q;       ///< n x n orthogonal (unitary)
  MatrixT<Scalar> z;       ///< n x n orthogonal (unitary)
};

namespace detail {
// The compiled implementation, one plain overload per LAPACK scalar type.

/// Validates a and b, then overwrites them by (aa, bb) by ?gges; sets q, z.
void qz_in_place(MatrixT<float>& a, MatrixT<float>& b, MatrixT<float>& q, MatrixT<float>& z, const QzOptions& options);
void qz_in_place(MatrixT<double>& a, MatrixT<double>& b, MatrixT<double>& q, MatrixT<double>& z,
                 const QzOptions& options);
void qz_in_place(MatrixT<std::complex<float>>& a, MatrixT<std::complex<float>>& b, MatrixT<std::complex<float>>& q,
                 MatrixT<std::complex<float>>& z, const QzOptions& options);
void qz_in_place(MatrixT<std::complex<double>>& a, MatrixT<std::complex<double>>& b, MatrixT<std::complex<double>>& q,
                 MatrixT<std::complex<double>>& z, const QzOptions& options);

/// ordqz(): ?gges, then ?tgsen with the selection; fills out (its aa and bb hold a and b on entry).
void ordqz_in_place(OrdqzResult<float>& out, const OrdqzOptions& options);
void ordqz_in_place(OrdqzResult<double>& out, const OrdqzOptions& options);
void ordqz_in_place(OrdqzResult<std::complex<float>>& out, const OrdqzOptions& options);
void ordqz_in_place(OrdqzResult<std::complex<double>>& out, const OrdqzOptions& options);

/// A Result whose aa and bb hold a and b in Output's scalar (what qz() and
/// ordqz() factor in place).
template <template <class> class Result, SchurOutput Output, class DerivedA, class DerivedB>
Result<schur_scalar_t<typename DerivedA::Scalar, Output>> pencil_copy(const Eigen::MatrixBase<DerivedA>& a,
                                                                      const Eigen::MatrixBase<DerivedB>& b) {
  using Scalar = typename DerivedA::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "qz, ordqz: the scalar must be float, double or std::complex of either");
  static_assert(std::is_same_v<Scalar, typename DerivedB::Scalar>, "qz, ordqz: a and b must have the same scalar type");
  using Out = schur_scalar_t<Scalar, Output>;
  Result<Out> result;
  result.aa = a.template cast<Out>();
  result.bb = b.template cast<Out>();
  return result;
}
}  // namespace detail

/// QZ decomposition of the pencil (a, b): a = q aa z^H, b = q bb z^H, as
/// scipy.linalg.qz, by LAPACK ?gges (no reordering).
///
/// \tparam Output  SchurOutput::real (default) or SchurOutput::complex (real
///                 input is converted to complex first, as SciPy's output='complex').
/// \param a, b     n x n matrices of the same scalar type (float, double,
///                 std::complex<float> or std::complex<double>).
/// \returns        QzResult{aa, bb, q, z}. The generalized eigenvalues are
///                 aa(j, j) / bb(j, j) (from the 2 x 2 blocks for real output).
///                 Empty a and b: four 0 x 0 matrices (SciPy 1.17.1 fails
///                 inside its LAPACK wrapper there).
///
/// Requires: a and b square, of the same order; finite (when check_finite).
/// Ensures:  a and b are not modified; q and z unitary; ||a - q aa z^H|| and
///           ||b - q bb z^H|| of order n eps (||a||, ||b||) (backward stable).
/// Warns:    WarningCategory::linalg (SciPy's LinAlgWarning) when the QZ
///           iteration failed (info = i in 1..n): (aa, bb) are not in
///           generalized Schur form, but the eigenvalues j >= i are correct.
/// Throws:   ValueError "qz: a is 2x3, expected a square matrix", when the
///           orders differ or an entry is NaN / Inf; LinAlgError when
///           something other than the QZ iteration failed.
/// Complexity: O(n^3) time (about 66 n^3 flops), O(n^2) memory.
///
/// Example:
/// \code
///   Matrix a{{1, 2, -1}, {5, 5, 5}, {2, 4, -8}};
///   Matrix b{{1, 1, -3}, {3, 1, -1}, {5, 6, -2}};
///   auto [aa, bb, q, z] = scilearn::linalg::qz(a, b);   // a = q aa z^T, b = q bb z^T
///   auto c = scilearn::linalg::qz<linalg::SchurOutput::complex>(a, b);  // c.aa upper triangular
/// \endcode
template <SchurOutput Output = SchurOutput::real, class DerivedA, class DerivedB>
QzResult<detail::schur_scalar_t<typename DerivedA::Scalar, Output>> qz(const Eigen::MatrixBase<DerivedA>& a,
                                                                       const Eigen::MatrixBase<DerivedB>& b,
                                                                       const QzOptions& options = {}) {
  auto result = detail::pencil_copy<QzResult, Output>(a, b);
  detail::qz_in_place(result.aa, result.bb, result.q, result.z, options);
  return result;
}

/// QZ decomposition with reordering, as scipy.linalg.ordqz: ?gges, then
/// ?tgsen moves the generalized eigenvalues selected by `sort` to the top left
/// of (aa, bb).
///
/// \tparam Output  SchurOutput::real (default) or SchurOutput::complex (as qz()).
/// \param a, b     n x n matrices of the same scalar type.
/// \param options  sort ('lhp' by default), check_finite (see OrdqzOptions).
/// \returns        OrdqzResult{aa, bb, alpha, beta, q, z}: the selected
///                 eigenvalues alpha(j) / beta(j) come first. Empty a and b:
///                 empty results (SciPy 1.17.1 fails on them, see qz()).
///
/// Requires, Ensures: as qz(); also the eigenvalues j < k satisfy the sort
///           condition and j >= k do not, k being how many do.
/// Warns:    as qz().
/// Throws:   as qz() (messages name ordqz); ValueError, as SciPy, when ?tgsen
///           cannot reorder (the pencil would be too far from generalized
///           Schur form; very ill-conditioned); whatever the predicate throws.
/// Complexity: O(n^3) time, O(n^2) memory.
///
/// Example:
/// \code
///   Matrix a{{-1, 0, 0}, {0, 2, 0}, {0, 0, -3}};
///   auto r = scilearn::linalg::ordqz(a, Matrix::Identity(3, 3), {.sort = linalg::SortRegion::rhp});
///   // r.alpha(0) / r.beta(0) == 2: the eigenvalue in the right half plane first
/// \endcode
template <SchurOutput Output = SchurOutput::real, class DerivedA, class DerivedB>
OrdqzResult<detail::schur_scalar_t<typename DerivedA::Scalar, Output>> ordqz(const Eigen::MatrixBase<DerivedA>& a,
                                                                             const Eigen::MatrixBase<DerivedB>& b,
                                                                             const OrdqzOptions& options = {}) {
  auto result = detail::pencil_copy<OrdqzResult, Output>(a, b);
  detail::ordqz_in_place(result, options);
  return result;
}

}  // namespace scilearn::linalg
