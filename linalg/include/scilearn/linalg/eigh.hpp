#pragma once
/// \file
/// Eigenvalues and eigenvectors of a real symmetric or complex Hermitian
/// matrix, standard (a v = w v) or generalized (a v = w b v and its two other
/// forms, b positive definite), as scipy.linalg.eigh and eigvalsh.

#include <array>
#include <optional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>
#include <type_traits>

namespace scilearn::linalg {

/// The LAPACK driver of eigh(), as scipy.linalg.eigh's `driver` (the
/// prefix sy for real, he for complex scalars is implied).
enum class EighDriver {
  ev,   ///< ?syev / ?heev: symmetric QR; slowest, most robust
  evd,  ///< ?syevd / ?heevd: divide and conquer; fast, more memory
  evr,  ///< ?syevr / ?heevr: MRRR; SciPy's default for standard problems; subsets
  evx,  ///< ?syevx / ?heevx: bisection and inverse iteration; subsets
  gv,   ///< ?sygv / ?hegv: generalized, symmetric QR
  gvd,  ///< ?sygvd / ?hegvd: generalized, divide and conquer; SciPy's default for all of a generalized problem
  gvx,  ///< ?sygvx / ?hegvx: generalized, bisection; SciPy's default for a subset of a generalized problem
};

/// Options of eigh() and eigvalsh(), with scipy.linalg.eigh's names and defaults.
struct EighOptions {
  /// Read a (and b) from the lower (true) or upper (false) triangle; the other
  /// triangle is never read (but check_finite scans all of a and b, as SciPy).
  bool lower = true;
  /// Compute only the eigenvalues (EighResult::v is then left empty).
  bool eigvals_only = false;
  /// The generalized problem (ignored without b): 1: a v = w b v;
  /// 2: a b v = w v; 3: b a v = w v.
  int type = 1;
  /// Check that a and b contain only finite numbers (ValueError otherwise).
  bool check_finite = true;
  /// Only the eigenvalues with these 0-based ascending indices, {first, last}
  /// inclusive ({n - 3, n - 1}: the three largest). Drivers evr, evx, gvx.
  std::optional<std::array<Index, 2>> subset_by_index = std::nullopt;
  /// Only the eigenvalues in the half-open interval (low, high]; infinite
  /// ends are allowed. Drivers evr, evx, gvx.
  std::optional<std::array<double, 2>> subset_by_value = std::nullopt;
  /// The LAPACK driver; unset (SciPy's None): evr for a standard problem,
  /// gvd for a generalized one, gvx for a generalized subset. Unset, a real
  /// standard problem of order <= 8 with no subset is solved by the cyclic
  /// Jacobi method instead (same eigenpairs up to rounding and signs, several
  /// times faster there); a driver named here is always LAPACK's.
  std::optional<EighDriver> driver = std::nullopt;
};

/// What eigh() returns: `auto [w, v] = eigh(a);` works.
template <class Scalar>
struct EighResult {
  using Real = typename Eigen::NumTraits<Scalar>::Real;
  /// The m selected eigenvalues (all n without a subset), ascending, each
  /// repeated by its multiplicity.
  VectorT<Real> w;
  /// n x m: column i is the eigenvector of w(i), normalized (standard
  /// problem: v^H v = I; generalized: v^H b v = I for type 1 and 2,
  /// v^H b^-1 v = I for type 3). Empty (0 x 0) with eigvals_only.
  MatrixT<Scalar> v;
};

namespace detail {
/// The compiled implementation, one plain overload per LAPACK scalar type.
/// b is null for the standard problem. Fills w and (unless eigvals_only) v.
void eigh_into(const char* where, const Eigen::Ref<const MatrixT<float>>& a, const Eigen::Ref<const MatrixT<float>>* b,
               const EighOptions& options, VectorT<float>& w, MatrixT<float>& v);
void eigh_into(const char* where, const Eigen::Ref<const MatrixT<double>>& a,
               const Eigen::Ref<const MatrixT<double>>* b, const EighOptions& options, VectorT<double>& w,
               MatrixT<double>& v);
void eigh_into(const char* where, const Eigen::Ref<const MatrixT<std::complex<float>>>& a,
               const Eigen::Ref<const MatrixT<std::complex<float>>>* b, const EighOptions& options, VectorT<float>& w,
               MatrixT<std::complex<float>>& v);
void eigh_into(const char* where, const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
               const Eigen::Ref<const MatrixT<std::complex<double>>>* b, const EighOptions& options, VectorT<double>& w,
               MatrixT<std::complex<double>>& v);
}  // namespace detail

/// Eigenvalues and eigenvectors of a Hermitian (real: symmetric) matrix, as
/// scipy.linalg.eigh(a).
///
/// \param a        n x n matrix (float, double, std::complex<float> or
///                 std::complex<double>); any Eigen dense expression. Only
///                 the triangle named by options.lower is read.
/// \param options  triangle, subset, driver, eigvals_only (see EighOptions).
/// \returns        EighResult{w, v}: w real (float for float and
///                 std::complex<float>), ascending; v n x m. Empty a: w and v
///                 empty (0 and 0 x 0), whatever the subset, as SciPy.
///
/// Requires: a square; finite (with check_finite); subset_by_index with
///           0 <= first <= last < n; subset_by_value with low < high; at most
///           one subset; a driver for the standard problem (ev, evd, evr,
///           evx), and evr or evx for a subset.
/// Ensures:  a is not modified. ||a v - v diag(w)|| of order n eps ||a||
///           and ||v^H v - I|| of order n eps (LAPACK is backward stable).
///           Eigenvalues may differ in the last bits between drivers and with
///           eigvals_only (different LAPACK algorithms).
/// Throws:   ValueError for the violations above (SciPy's messages);
///           LinAlgError when LAPACK fails to converge (rare).
/// Complexity: O(n^3) (about 9 n^3 flops with vectors, 4/3 n^3 without);
///           O(n^2) memory besides the result.
///
/// Example:
/// \code
///   Matrix a{{2, 1}, {1, 2}};
///   auto [w, v] = scilearn::linalg::eigh(a);               // w = {1, 3}
///   Vector top = scilearn::linalg::eigh(a, {.eigvals_only = true,
///                                           .subset_by_index = {{1, 1}}}).w;   // {3}
/// \endcode
template <class Derived>
EighResult<typename Derived::Scalar> eigh(const Eigen::MatrixBase<Derived>& a, const EighOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "eigh: the scalar must be float, double or std::complex of either");
  EighResult<Scalar> result;
  detail::eigh_into("eigh", Eigen::Ref<const MatrixT<Scalar>>(a), nullptr, options, result.w, result.v);
  return result;
}

/// The generalized problem of a Hermitian a and a Hermitian positive
/// definite b, as scipy.linalg.eigh(a, b): a v = w b v (type 1, default),
/// a b v = w v (type 2) or b a v = w v (type 3).
///
/// \param b  n x n, a's scalar type, positive definite; only the triangle
///           named by options.lower is read.
/// \returns  EighResult{w, v}, v normalized as EighResult::v says.
///
/// Requires: as eigh(a), plus b n x n and finite; type 1, 2 or 3; a driver
///           for the generalized problem (gv, gvd, gvx), gvx for a subset.
/// Ensures:  a and b are not modified. ||a v - b v diag(w)|| of order
///           n eps ||a|| ||b|| cond(b) (type 1: b's Cholesky factor enters).
/// Throws:   ValueError as eigh(a), or when b's shape differs from a's
///           ("wrong b dimensions (4, 4), should be (3, 3)") or type is not
///           1, 2 or 3; LinAlgError "The leading minor of order k of B is not
///           positive definite. ..." (SciPy's message) when b is not positive
///           definite, or when LAPACK fails to converge.
/// Complexity: O(n^3): a Cholesky factorization of b, a reduction to a
///           standard problem, then eigh's.
///
/// Example:
/// \code
///   Matrix a{{2, 0}, {0, 6}}, b{{1, 0}, {0, 2}};
///   auto [w, v] = scilearn::linalg::eigh(a, b);            // w = {2, 3}
/// \endcode
template <class DerivedA, class DerivedB>
EighResult<typename DerivedA::Scalar> eigh(const Eigen::MatrixBase<DerivedA>& a, const Eigen::MatrixBase<DerivedB>& b,
                                           const EighOptions& options = {}) {
  using Scalar = typename DerivedA::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "eigh: the scalar must be float, double or std::complex of either");
  static_assert(std::is_same_v<Scalar, typename DerivedB::Scalar>, "eigh: a and b must have the same scalar type");
  EighResult<Scalar> result;
  const Eigen::Ref<const MatrixT<Scalar>> bref(b);
  detail::eigh_into("eigh", Eigen::Ref<const MatrixT<Scalar>>(a), &bref, options, result.w, result.v);
  return result;
}

/// Eigenvalues only of a Hermitian (real: symmetric) matrix, as
/// scipy.linalg.eigvalsh(a): eigh(a, options).w with eigvals_only set.
///
/// \returns  the selected eigenvalues, ascending (real type of a's scalar).
/// Requires, Ensures, Throws, Complexity: as eigh(a) (messages name eigvalsh).
///
/// \code
///   Vector w = scilearn::linalg::eigvalsh(Matrix{{2, 1}, {1, 2}});   // {1, 3}
/// \endcode
template <class Derived>
VectorT<typename Eigen::NumTraits<typename Derived::Scalar>::Real> eigvalsh(const Eigen::MatrixBase<Derived>& a,
                                                                            EighOptions options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "eigvalsh: the scalar must be float, double or std::complex of either");
  options.eigvals_only = true;
  EighResult<Scalar> result;
  detail::eigh_into("eigvalsh", Eigen::Ref<const MatrixT<Scalar>>(a), nullptr, options, result.w, result.v);
  return result.w;
}

/// Eigenvalues only of the generalized Hermitian-definite problem, as
/// scipy.linalg.eigvalsh(a, b). As eigh(a, b) (messages name eigvalsh).
template <class DerivedA, class DerivedB>
VectorT<typename Eigen::NumTraits<typename DerivedA::Scalar>::Real> eigvalsh(const Eigen::MatrixBase<DerivedA>& a,
                                                                             const Eigen::MatrixBase<DerivedB>& b,
                                                                             EighOptions options = {}) {
  using Scalar = typename DerivedA::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "eigvalsh: the scalar must be float, double or std::complex of either");
  static_assert(std::is_same_v<Scalar, typename DerivedB::Scalar>, "eigvalsh: a and b must have the same scalar type");
  options.eigvals_only = true;
  EighResult<Scalar> result;
  const Eigen::Ref<const MatrixT<Scalar>> bref(b);
  detail::eigh_into("eigvalsh", Eigen::Ref<const MatrixT<Scalar>>(a), &bref, options, result.w, result.v);
  return result.w;
}

}  // namespace scilearn::linalg
