#pragma once
/// \file
/// Eigenvalues and eigenvectors of a Hermitian (real: symmetric) band matrix
/// given by its bands, and of a real symmetric tridiagonal matrix given by
/// its diagonals, as scipy.linalg.eig_banded, eigvals_banded,
/// eigh_tridiagonal and eigvalsh_tridiagonal.

#include <array>
#include <optional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>
#include <scilearn/linalg/eigh.hpp>
#include <type_traits>

namespace scilearn::linalg {

/// Which eigenvalues to compute, as SciPy's `select`.
enum class EigSelect {
  a,  ///< all of them
  v,  ///< those in the half-open interval (select_range[0], select_range[1]]
  i,  ///< those with 0-based ascending indices select_range[0] to select_range[1], inclusive
};

/// Options of eig_banded() and eigvals_banded(), with scipy.linalg.eig_banded's
/// names and defaults.
struct EigBandedOptions {
  /// a_band holds the lower bands (true) or the upper bands (false).
  bool lower = false;
  /// Compute only the eigenvalues (EighResult::v is then left empty).
  bool eigvals_only = false;
  /// Which eigenvalues.
  EigSelect select = EigSelect::a;
  /// {low, high} for select v (low < high); {first, last} for select i
  /// (whole numbers, 0 <= first <= last < n). Ignored for select a.
  std::optional<std::array<double, 2>> select_range = std::nullopt;
  /// Check that a_band contains only finite numbers (all of it, as SciPy).
  bool check_finite = true;
};

/// The LAPACK routine of eigh_tridiagonal(), as SciPy's `lapack_driver`.
enum class TridiagonalDriver {
  automatic,  ///< SciPy's 'auto': stevd for select a, stebz otherwise
  stemr,      ///< ?stemr: MRRR; any select
  stebz,      ///< ?stebz bisection (+ ?stein inverse iteration for vectors); any select; honours tol
  sterf,      ///< ?sterf: root-free QR; select a and eigvals_only only
  stev,       ///< ?stev: QR; select a only
  stevd,      ///< ?stevd: divide and conquer; select a only
};

/// Options of eigh_tridiagonal() and eigvalsh_tridiagonal(), with
/// scipy.linalg.eigh_tridiagonal's names and defaults.
struct EighTridiagonalOptions {
  /// Compute only the eigenvalues (EighResult::v is then left empty).
  bool eigvals_only = false;
  /// Which eigenvalues (see EigBandedOptions::select_range for select_range).
  EigSelect select = EigSelect::a;
  std::optional<std::array<double, 2>> select_range = std::nullopt;
  /// Check that d and e contain only finite numbers. Turned off, NaN / Inf
  /// may make LAPACK loop forever (?stemr does), as SciPy warns.
  bool check_finite = true;
  /// stebz only: the absolute tolerance of each eigenvalue; <= 0 (default):
  /// eps |a|, LAPACK's choice.
  double tol = 0.0;
  /// The LAPACK routine.
  TridiagonalDriver lapack_driver = TridiagonalDriver::automatic;
};

namespace detail {
/// The compiled implementations, one plain overload per scalar type.
void eig_banded_into(const Eigen::Ref<const MatrixT<float>>& a_band, const EigBandedOptions& options, VectorT<float>& w,
                     MatrixT<float>& v);
void eig_banded_into(const Eigen::Ref<const MatrixT<double>>& a_band, const EigBandedOptions& options,
                     VectorT<double>& w, MatrixT<double>& v);
void eig_banded_into(const Eigen::Ref<const MatrixT<std::complex<float>>>& a_band, const EigBandedOptions& options,
                     VectorT<float>& w, MatrixT<std::complex<float>>& v);
void eig_banded_into(const Eigen::Ref<const MatrixT<std::complex<double>>>& a_band, const EigBandedOptions& options,
                     VectorT<double>& w, MatrixT<std::complex<double>>& v);
void eigh_tridiagonal_into(const char* where, const Eigen::Ref<const VectorT<float>>& d,
                           const Eigen::Ref<const VectorT<float>>& e, const EighTridiagonalOptions& options,
                           VectorT<float>& w, MatrixT<float>& v);
void eigh_tridiagonal_into(const char* where, const Eigen::Ref<const VectorT<double>>& d,
                           const Eigen::Ref<const VectorT<double>>& e, const EighTridiagonalOptions& options,
                           VectorT<double>& w, MatrixT<double>& v);
}  // namespace detail

/// Eigenvalues and eigenvectors of a Hermitian (real: symmetric) band
/// matrix a stored by its bands, as scipy.linalg.eig_banded.
///
/// \param a_band   (u + 1) x n: a's diagonal and its u off-diagonals in
///                 LAPACK's band storage. Upper form (default):
///                 a_band(u + i - j, j) = a(i, j) for i <= j; lower form:
///                 a_band(i - j, j) = a(i, j) for i >= j. Entries outside the
///                 band's triangle are not read. Any scalar LAPACK has.
/// \param options  form, select, eigvals_only (see EigBandedOptions).
/// \returns        EighResult{w, v}: the m selected eigenvalues, ascending,
///                 and their orthonormal eigenvectors (n x m). An empty
///                 a_band (no rows or no columns): empty w and v, as SciPy.
///
/// Requires: finite a_band (with check_finite); select_range as
///           EigBandedOptions says for select v / i.
/// Ensures:  a_band is not modified. Backward stable, as eigh().
/// Throws:   ValueError for a missing, decreasing or out-of-bounds
///           select_range (SciPy's messages), a non-integral one for select
///           i, or low == high for select v; LinAlgError when LAPACK does
///           not converge ("sbevd did not converge (LAPACK info=k)").
/// Complexity: O(n^2 u) for the reduction to tridiagonal form, plus O(n^2)
///           (values) or O(n^3) (vectors); select a: ?sbevd / ?hbevd, else
///           ?sbevx / ?hbevx with SciPy's abstol (2 x LAPACK's safe minimum).
///
/// Example:
/// \code
///   Matrix a_band{{1, 2, 3, 4}, {0.5, 0.5, 0.5, 0}};     // lower form, one off-diagonal
///   auto [w, v] = scilearn::linalg::eig_banded(a_band, {.lower = true});
///   auto top = scilearn::linalg::eig_banded(a_band, {.lower = true,
///       .select = linalg::EigSelect::i, .select_range = {{3, 3}}});    // the largest
/// \endcode
template <class Derived>
EighResult<typename Derived::Scalar> eig_banded(const Eigen::MatrixBase<Derived>& a_band,
                                                const EigBandedOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "eig_banded: the scalar must be float, double or std::complex of either");
  EighResult<Scalar> result;
  detail::eig_banded_into(Eigen::Ref<const MatrixT<Scalar>>(a_band), options, result.w, result.v);
  return result;
}

/// Eigenvalues only of a band matrix, as scipy.linalg.eigvals_banded:
/// eig_banded(a_band, options).w with eigvals_only set.
template <class Derived>
VectorT<typename Eigen::NumTraits<typename Derived::Scalar>::Real> eigvals_banded(
    const Eigen::MatrixBase<Derived>& a_band, EigBandedOptions options = {}) {
  options.eigvals_only = true;
  return eig_banded(a_band, options).w;
}

/// Eigenvalues and eigenvectors of the real symmetric tridiagonal matrix with
/// diagonal d and off-diagonal e, as scipy.linalg.eigh_tridiagonal.
///
/// \param d        n diagonal entries (float or double; SciPy supports no
///                 complex either).
/// \param e        n - 1 off-diagonal entries, d's type.
/// \param options  select, driver, tol (see EighTridiagonalOptions).
/// \returns        EighResult{w, v}: the m selected eigenvalues, ascending,
///                 and their orthonormal eigenvectors (n x m).
///
/// Requires: e.size() == d.size() - 1 (so n >= 1: SciPy rejects an empty d);
///           finite (with check_finite); a driver that can do the select
///           (sterf: select a and eigvals_only; stev, stevd: select a).
/// Ensures:  d and e are not modified. n == 1 short-cuts as SciPy (w = d,
///           v = {1}; select v with d(0) outside (low, high]: nothing).
/// Throws:   ValueError for the violations above (SciPy's messages);
///           LinAlgError when LAPACK does not converge.
/// Complexity: O(n^2) for values (O(n m) for stebz's m of them), O(n^2) to
///           O(n^3) with vectors.
///
/// Example:
/// \code
///   Vector d{{3, 3, 3}}, e{{-1, -1}};
///   auto [w, v] = scilearn::linalg::eigh_tridiagonal(d, e);   // w = 3 - sqrt(2), 3, 3 + sqrt(2)
/// \endcode
template <class DerivedD, class DerivedE>
EighResult<typename DerivedD::Scalar> eigh_tridiagonal(const Eigen::MatrixBase<DerivedD>& d,
                                                       const Eigen::MatrixBase<DerivedE>& e,
                                                       const EighTridiagonalOptions& options = {}) {
  using Real = typename DerivedD::Scalar;
  static_assert(std::is_same_v<Real, float> || std::is_same_v<Real, double>,
                "eigh_tridiagonal: only real arrays (float or double) are supported, as SciPy");
  static_assert(std::is_same_v<Real, typename DerivedE::Scalar>, "eigh_tridiagonal: d and e must have the same type");
  static_assert(DerivedD::ColsAtCompileTime == 1 && DerivedE::ColsAtCompileTime == 1,
                "eigh_tridiagonal: d and e must be column vectors");
  EighResult<Real> result;
  detail::eigh_tridiagonal_into("eigh_tridiagonal", Eigen::Ref<const VectorT<Real>>(d),
                                Eigen::Ref<const VectorT<Real>>(e), options, result.w, result.v);
  return result;
}

/// Eigenvalues only of a symmetric tridiagonal matrix, as
/// scipy.linalg.eigvalsh_tridiagonal: eigh_tridiagonal(d, e, options).w with
/// eigvals_only set (messages name eigvalsh_tridiagonal).
template <class DerivedD, class DerivedE>
VectorT<typename DerivedD::Scalar> eigvalsh_tridiagonal(const Eigen::MatrixBase<DerivedD>& d,
                                                        const Eigen::MatrixBase<DerivedE>& e,
                                                        EighTridiagonalOptions options = {}) {
  using Real = typename DerivedD::Scalar;
  static_assert(std::is_same_v<Real, float> || std::is_same_v<Real, double>,
                "eigvalsh_tridiagonal: only real arrays (float or double) are supported, as SciPy");
  static_assert(std::is_same_v<Real, typename DerivedE::Scalar>,
                "eigvalsh_tridiagonal: d and e must have the same type");
  options.eigvals_only = true;
  EighResult<Real> result;
  detail::eigh_tridiagonal_into("eigvalsh_tridiagonal", Eigen::Ref<const VectorT<Real>>(d),
                                Eigen::Ref<const VectorT<Real>>(e), options, result.w, result.v);
  return result.w;
}

}  // namespace scilearn::linalg
