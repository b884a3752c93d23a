#pragma once
/// \file
/// Eigenvalues and left / right eigenvectors of a general square matrix,
/// standard (a v = w v) or generalized (a v = w b v), as scipy.linalg.eig
/// and eigvals.

#include <complex>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>
#include <type_traits>

namespace scilearn::linalg {

/// Options of eig(), with scipy.linalg.eig's names and defaults.
struct EigOptions {
  /// Compute the left eigenvectors vl (a^H vl = conj(w) b^H vl).
  bool left = false;
  /// Compute the right eigenvectors vr (a vr = w b vr).
  bool right = true;
  /// Check that a and b contain only finite numbers (ValueError otherwise).
  bool check_finite = true;
  /// Also return the eigenvalues in homogeneous coordinates (alpha, beta),
  /// w = alpha / beta, in EigResult::w_homogeneous (SciPy's 2 x n w).
  bool homogeneous_eigvals = false;
};

/// Options of eigvals().
struct EigvalsOptions {
  /// Check that a and b contain only finite numbers (ValueError otherwise).
  bool check_finite = true;
};

/// What eig() returns. The eigenvalues and vectors are complex for every
/// scalar type: a real matrix can have complex eigenvalues.
template <class Scalar>
struct EigResult {
  using Real = typename Eigen::NumTraits<Scalar>::Real;
  using Complex = std::complex<Real>;
  /// The n eigenvalues, in LAPACK's order (not sorted), each repeated by its
  /// multiplicity. A real a's complex eigenvalues come in conjugate pairs,
  /// the one with positive imaginary part first. Generalized problem:
  /// alpha / beta, with SciPy's rules where beta = 0: inf (+0i) when alpha
  /// != 0; NaN (real NaN + 0i when every alpha is real, else NaN + NaN i) when
  /// alpha = 0 (a singular pencil).
  VectorT<Complex> w;
  /// With homogeneous_eigvals: 2 x n, row 0 alpha and row 1 beta (1 for the
  /// standard problem), so that beta a vr = alpha b vr. Empty otherwise.
  MatrixT<Complex> w_homogeneous;
  /// With left: n x n, column i the left eigenvector of w(i). Empty otherwise.
  MatrixT<Complex> vl;
  /// With right (the default): n x n, column i the right eigenvector of w(i).
  /// Empty otherwise.
  MatrixT<Complex> vr;
};

namespace detail {
/// The compiled implementation, one plain overload per LAPACK scalar type;
/// b is null for the standard problem.
void eig_into(const char* where, const Eigen::Ref<const MatrixT<float>>& a, const Eigen::Ref<const MatrixT<float>>* b,
              const EigOptions& options, EigResult<float>& result);
void eig_into(const char* where, const Eigen::Ref<const MatrixT<double>>& a, const Eigen::Ref<const MatrixT<double>>* b,
              const EigOptions& options, EigResult<double>& result);
void eig_into(const char* where, const Eigen::Ref<const MatrixT<std::complex<float>>>& a,
              const Eigen::Ref<const MatrixT<std::complex<float>>>* b, const EigOptions& options,
              EigResult<std::complex<float>>& result);
void eig_into(const char* where, const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
              const Eigen::Ref<const MatrixT<std::complex<double>>>* b, const EigOptions& options,
              EigResult<std::complex<double>>& result);
}  // namespace detail

/// Eigenvalues and eigenvectors of a general square matrix, as
/// scipy.linalg.eig(a), by LAPACK ?geev.
///
/// \param a        n x n matrix (float, double, std::complex<float> or
///                 std::complex<double>); any Eigen dense expression.
/// \param options  which vectors, homogeneous eigenvalues (see EigOptions).
/// \returns        EigResult: w (n complex eigenvalues), vl / vr (n x n,
///                 complex) as asked. Every vector has unit 2-norm and its
///                 largest component real (LAPACK's normalization, which SciPy
///                 keeps). Empty a: everything empty, as SciPy.
///
/// Unlike SciPy, the vectors are complex for a real a even when every
/// eigenvalue is real (SciPy then returns real arrays; ours have zero
/// imaginary parts there, the same values). The complex pair of a real a
/// is unpacked from LAPACK's (re, im) columns as SciPy does.
///
/// Requires: a square; finite (with check_finite).
/// Ensures:  a is not modified. ||a vr - vr diag(w)|| of order n eps ||a||
///           (backward stable); an eigenvalue's accuracy depends on its
///           condition number (1 / |vl^H vr|).
/// Throws:   ValueError when a is not square or not finite; LinAlgError
///           when the QR algorithm does not converge (SciPy: "eig algorithm
///           (geev) did not converge (only eigenvalues with order >= k have
///           converged)").
/// Complexity: O(n^3): about 10 n^3 flops for w only, 25 n^3 with vectors.
///
/// Example:
/// \code
///   Matrix a{{0, -1}, {1, 0}};                         // a rotation
///   auto r = scilearn::linalg::eig(a);                  // r.w = {i, -i}
///   // r.vr.col(0) = {1, -i} / sqrt(2)
/// \endcode
template <class Derived>
EigResult<typename Derived::Scalar> eig(const Eigen::MatrixBase<Derived>& a, const EigOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "eig: the scalar must be float, double or std::complex of either");
  EigResult<Scalar> result;
  detail::eig_into("eig", Eigen::Ref<const MatrixT<Scalar>>(a), nullptr, options, result);
  return result;
}

/// The generalized problem a vr = w b vr, as scipy.linalg.eig(a, b), by
/// LAPACK ?ggev (QZ).
///
/// \param b  n x n, a's scalar type; may be singular (infinite eigenvalues).
/// \returns  as eig(a); w = alpha / beta (see EigResult::w). The vectors are
///           scaled to unit 2-norm (SciPy divides LAPACK's by their norm).
///
/// Requires: a and b square, same shape, finite (with check_finite).
/// Ensures:  a and b are not modified. For each finite w(i),
///           ||a vr_i - w_i b vr_i|| is of order n eps (||a|| + |w_i| ||b||).
/// Throws:   ValueError for a non-square a or b ("a and b must have the same
///           shape" when they differ); LinAlgError when QZ does not converge
///           ("generalized eig algorithm (ggev) did not converge (LAPACK info=k)").
/// Complexity: O(n^3) (about 3 times eig(a)'s).
///
/// \code
///   Matrix a{{0, -1}, {1, 0}}, b{{0, 1}, {1, 1}};
///   auto w = scilearn::linalg::eig(a, b).w;              // {1, -1}
/// \endcode
template <class DerivedA, class DerivedB>
EigResult<typename DerivedA::Scalar> eig(const Eigen::MatrixBase<DerivedA>& a, const Eigen::MatrixBase<DerivedB>& b,
                                         const EigOptions& options = {}) {
  using Scalar = typename DerivedA::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "eig: the scalar must be float, double or std::complex of either");
  static_assert(std::is_same_v<Scalar, typename DerivedB::Scalar>, "eig: a and b must have the same scalar type");
  EigResult<Scalar> result;
  const Eigen::Ref<const MatrixT<Scalar>> bref(b);
  detail::eig_into("eig", Eigen::Ref<const MatrixT<Scalar>>(a), &bref, options, result);
  return result;
}

/// Eigenvalues of a general square matrix, as scipy.linalg.eigvals(a):
/// eig(a).w without computing any vector. For homogeneous coordinates use
/// eig(a, {.right = false, .homogeneous_eigvals = true}).w_homogeneous.
///
/// \returns  the n complex eigenvalues, in LAPACK's order.
/// Requires, Ensures, Throws, Complexity: as eig(a) (messages name eigvals).
///
/// \code
///   VectorT<std::complex<double>> w = scilearn::linalg::eigvals(Matrix{{0, -1}, {1, 0}});  // {i, -i}
/// \endcode
template <class Derived>
VectorT<std::complex<typename Eigen::NumTraits<typename Derived::Scalar>::Real>> eigvals(
    const Eigen::MatrixBase<Derived>& a, const EigvalsOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "eigvals: the scalar must be float, double or std::complex of either");
  EigResult<Scalar> result;
  detail::eig_into("eigvals", Eigen::Ref<const MatrixT<Scalar>>(a), nullptr,
                   {.left = false, .right = false, .check_finite = options.check_finite}, result);
  return result.w;
}

/// Eigenvalues of the generalized problem, as scipy.linalg.eigvals(a, b):
/// eig(a, b).w without computing any vector. As eig(a, b) (messages name eigvals).
template <class DerivedA, class DerivedB>
VectorT<std::complex<typename Eigen::NumTraits<typename DerivedA::Scalar>::Real>> eigvals(
    const Eigen::MatrixBase<DerivedA>& a, const Eigen::MatrixBase<DerivedB>& b, const EigvalsOptions& options = {}) {
  using Scalar = typename DerivedA::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "eigvals: the scalar must be float, double or std::complex of either");
  static_assert(std::is_same_v<Scalar, typename DerivedB::Scalar>, "eigvals: a and b must have the same scalar type");
  EigResult<Scalar> result;
  const Eigen::Ref<const MatrixT<Scalar>> bref(b);
  detail::eig_into("eigvals", Eigen::Ref<const MatrixT<Scalar>>(a), &bref,
                   {.left = false, .right = false, .check_finite = options.check_finite}, result);
  return result.w;
}

}  // namespace scilearn::linalg
