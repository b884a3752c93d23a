#pragma once
/// \file
/// Band matrices in LAPACK's band storage, as scipy.linalg: solve_banded (a
/// general band matrix), solveh_banded (Hermitian positive definite), and
/// cholesky_banded / cho_solve_banded (factor once, solve many).
///
/// Band storage ("matrix diagonal ordered form"): an n x n matrix a with l
/// sub-diagonals and u super-diagonals is held in an (l + u + 1) x n array ab
/// with ab(u + i - j, j) = a(i, j). Entries of ab outside the band (its
/// top-left and bottom-right corners) are never read. For example, with n = 5,
/// l = 1, u = 2 (* unused):
///
///     *    *    a02  a13  a24
///     *    a01  a12  a23  a34
///     a00  a11  a22  a33  a44
///     a10  a21  a32  a43  *
///
/// A Hermitian band matrix with kd off-diagonals is held in kd + 1 rows: the
/// upper form ab(kd + i - j, j) = a(i, j) for i <= j (the diagonal in the last
/// row), or the lower form ab(i - j, j) = a(i, j) for i >= j (the diagonal in
/// the first row).

#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>
#include <scilearn/linalg/lu.hpp>  // detail::solution_t
#include <type_traits>
#include <utility>

namespace scilearn::linalg {

/// Options of solve_banded().
struct SolveBandedOptions {
  /// Check that ab (all of it, as SciPy) and b contain only finite numbers.
  bool check_finite = true;
};

/// Options of solveh_banded(), with SciPy's names and defaults.
struct SolvehBandedOptions {
  /// ab holds the lower form (diagonal in row 0) rather than the upper one
  /// (diagonal in the last row).
  bool lower = false;
  /// Check that ab (all of it, as SciPy) and b contain only finite numbers.
  bool check_finite = true;
};

/// Options of cholesky_banded(), with SciPy's names and defaults.
struct CholeskyBandedOptions {
  /// ab holds the lower form, and the factor l (a = l l^H) is returned in it;
  /// otherwise the upper form and u (a = u^H u).
  bool lower = false;
  /// Check that ab contains only finite numbers.
  bool check_finite = true;
};

/// SciPy's (cb, lower) pair, the input of cho_solve_banded():
/// `{cholesky_banded(ab, {.lower = lower}), lower}`.
template <LapackScalar Scalar>
struct ChoBandedFactor {
  /// (kd + 1) x n: the band Cholesky factor in band storage, as cholesky_banded() returns it.
  MatrixT<Scalar> cb;
  /// Whether cb holds the lower form (l) or the upper one (u).
  bool lower = false;
};

/// Options of cho_solve_banded().
struct ChoSolveBandedOptions {
  /// Check that cb and b contain only finite numbers.
  bool check_finite = true;
};

namespace detail {
// The compiled implementation, one plain overload per LAPACK scalar type. Each
// validates its inputs and solves in place: x holds b on entry, the solution on exit.

void solve_banded_in_place(Index l, Index u, const Eigen::Ref<const MatrixT<float>>& ab, Eigen::Ref<MatrixT<float>> x,
                           const SolveBandedOptions& options);
void solve_banded_in_place(Index l, Index u, const Eigen::Ref<const MatrixT<double>>& ab, Eigen::Ref<MatrixT<double>> x,
                           const SolveBandedOptions& options);
void solve_banded_in_place(Index l, Index u, const Eigen::Ref<const MatrixT<std::complex<float>>>& ab,
                           Eigen::Ref<MatrixT<std::complex<float>>> x, const SolveBandedOptions& options);
void solve_banded_in_place(Index l, Index u, const Eigen::Ref<const MatrixT<std::complex<double>>>& ab,
                           Eigen::Ref<MatrixT<std::complex<double>>> x, const SolveBandedOptions& options);

void solveh_banded_in_place(const Eigen::Ref<const MatrixT<float>>& ab, Eigen::Ref<MatrixT<float>> x,
                            const SolvehBandedOptions& options);
void solveh_banded_in_place(const Eigen::Ref<const MatrixT<double>>& ab, Eigen::Ref<MatrixT<double>> x,
                            const SolvehBandedOptions& options);
void solveh_banded_in_place(const Eigen::Ref<const MatrixT<std::complex<float>>>& ab,
                            Eigen::Ref<MatrixT<std::complex<float>>> x, const SolvehBandedOptions& options);
void solveh_banded_in_place(const Eigen::Ref<const MatrixT<std::complex<double>>>& ab,
                            Eigen::Ref<MatrixT<std::complex<double>>> x, const SolvehBandedOptions& options);

/// Factors c (ab on entry) in place by ?pbtrf.
void cholesky_banded_in_place(MatrixT<float>& c, const CholeskyBandedOptions& options);
void cholesky_banded_in_place(MatrixT<double>& c, const CholeskyBandedOptions& options);
void cholesky_banded_in_place(MatrixT<std::complex<float>>& c, const CholeskyBandedOptions& options);
void cholesky_banded_in_place(MatrixT<std::complex<double>>& c, const CholeskyBandedOptions& options);

void cho_solve_banded_in_place(const ChoBandedFactor<float>& f, Eigen::Ref<MatrixT<float>> x,
                               const ChoSolveBandedOptions& options);
void cho_solve_banded_in_place(const ChoBandedFactor<double>& f, Eigen::Ref<MatrixT<double>> x,
                               const ChoSolveBandedOptions& options);
void cho_solve_banded_in_place(const ChoBandedFactor<std::complex<float>>& f,
                               Eigen::Ref<MatrixT<std::complex<float>>> x, const ChoSolveBandedOptions& options);
void cho_solve_banded_in_place(const ChoBandedFactor<std::complex<double>>& f,
                               Eigen::Ref<MatrixT<std::complex<double>>> x, const ChoSolveBandedOptions& options);

}  // namespace detail

/// Solves a @ x = b for a band matrix a given in band storage, as
/// scipy.linalg.solve_banded: LAPACK ?gtsv when l = u = 1 (tridiagonal),
/// ?gbsv (band LU with partial pivoting) otherwise.
///
/// \param l_and_u  {l, u}: the numbers of sub- and super-diagonals, >= 0.
/// \param ab       (l + u + 1) x n band storage of a: ab(u + i - j, j) = a(i, j)
///                 (see the file comment); float, double, std::complex<float>
///                 or std::complex<double>.
/// \param b        a vector of n entries or an n x k matrix, ab's scalar type.
/// \returns        x with b's shape (a vector type in, a vector out); empty b:
///                 empty x of b's shape.
///
/// Requires: l, u >= 0; ab.rows() == l + u + 1; b.rows() == ab.cols().
/// Ensures:  ab and b are not modified; x is backward stable (band LU with
///           partial pivoting, Higham 2002 Sec. 9.4).
/// Throws:   ValueError for negative l or u, mismatched shapes, or (with
///           check_finite) NaN / Inf in ab or b; LinAlgError "solve_banded:
///           singular matrix" when a pivot is exactly zero (SciPy's message),
///           including n = 1 with a zero entry, where SciPy divides by zero.
/// Complexity: O(n l (l + u)) to factor, O(n (2l + u) k) to solve.
///
/// Example:
/// \code
///   // a = {{5, 2, -1, 0, 0}, {1, 4, 2, -1, 0}, {0, 1, 3, 2, -1}, {0, 0, 1, 2, 2}, {0, 0, 0, 1, 1}}
///   Matrix ab{{0, 0, -1, -1, -1}, {0, 2, 2, 2, 2}, {5, 4, 3, 2, 1}, {1, 1, 1, 1, 0}};
///   Vector x = linalg::solve_banded({1, 2}, ab, Vector{{0, 1, 2, 2, 3}});
///   // x = {-2.37288136, 3.93220339, -4, 4.3559322, -1.3559322}
/// \endcode
template <class DerivedA, class DerivedB>
detail::solution_t<typename DerivedB::Scalar, DerivedB> solve_banded(std::pair<Index, Index> l_and_u,
                                                                     const Eigen::MatrixBase<DerivedA>& ab,
                                                                     const Eigen::MatrixBase<DerivedB>& b,
                                                                     const SolveBandedOptions& options = {}) {
  using Scalar = typename DerivedA::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "solve_banded: the scalar must be float, double or std::complex of either");
  static_assert(std::is_same_v<Scalar, typename DerivedB::Scalar>, "solve_banded: ab and b must have the same scalar");
  detail::solution_t<typename DerivedB::Scalar, DerivedB> x = b;
  detail::solve_banded_in_place(l_and_u.first, l_and_u.second, Eigen::Ref<const MatrixT<Scalar>>(ab),
                                Eigen::Ref<MatrixT<Scalar>>(x), options);
  return x;
}

/// Solves a @ x = b for a Hermitian (real: symmetric) positive definite band
/// matrix a in band storage, as scipy.linalg.solveh_banded: LAPACK ?ptsv
/// (L D L^H) when ab has 2 rows (tridiagonal), ?pbsv (band Cholesky) otherwise.
///
/// \param ab  (kd + 1) x n: the upper form (diagonal in the last row), or the
///            lower form (diagonal in row 0) with options.lower. Only the real
///            part of the diagonal is read.
/// \param b   a vector of n entries or an n x k matrix, ab's scalar type.
/// \returns   x with b's shape; empty b: empty x of b's shape.
///
/// Requires: b.rows() == ab.cols(); ab.rows() >= 1 unless b is empty.
/// Ensures:  ab and b are not modified; x backward stable.
/// Throws:   ValueError for mismatched shapes, an ab with no rows, or NaN /
///           Inf (with check_finite); LinAlgError "solveh_banded: the leading
///           minor of order k is not positive definite" (SciPy: "kth leading
///           minor not positive definite").
/// Complexity: O(n kd^2) to factor, O(n kd k) to solve.
///
/// Example:
/// \code
///   // a = {{4, 2, -1, 0}, {2, 5, 2, -1}, {-1, 2, 6, 2}, {0, -1, 2, 7}}, lower form:
///   Matrix ab{{4, 5, 6, 7}, {2, 2, 2, 0}, {-1, -1, 0, 0}};
///   Vector x = linalg::solveh_banded(ab, Vector{{1, 2, 2, 3}}, {.lower = true});
/// \endcode
template <class DerivedA, class DerivedB>
detail::solution_t<typename DerivedB::Scalar, DerivedB> solveh_banded(const Eigen::MatrixBase<DerivedA>& ab,
                                                                      const Eigen::MatrixBase<DerivedB>& b,
                                                                      const SolvehBandedOptions& options = {}) {
  using Scalar = typename DerivedA::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>,
                "solveh_banded: the scalar must be float, double or std::complex of either");
  static_assert(std::is_same_v<Scalar, typename DerivedB::Scalar>, "solveh_banded: ab and b must have the same scalar");
  detail::solution_t<typename DerivedB::Scalar, DerivedB> x = b;
  detail::solveh_banded_in_place(Eigen::Ref<const MatrixT<Scalar>>(ab), Eigen::Ref<MatrixT<Scalar>>(x), options);
  return x;
}

/// Cholesky factor of a Hermitian positive definite band matrix in band
/// storage, as scipy.linalg.cholesky_banded (LAPACK ?pbtrf): u with a = u^H u
/// in the upper form (default), or l with a = l l^H in the lower form.
///
/// \param ab  (kd + 1) x n band storage of a (see solveh_banded()).
/// \returns   the factor in the same band storage and shape as ab; the unused
///            corner of ab is copied unchanged, as SciPy. Empty ab: a copy.
///
/// Requires: finite entries (with check_finite).
/// Ensures:  ab is not modified; the factor's diagonal is real and positive.
/// Throws:   ValueError on NaN / Inf (with check_finite); LinAlgError
///           "cholesky_banded: the leading minor of order k is not positive
///           definite" (SciPy: "k-th leading minor not positive definite").
/// Complexity: O(n kd^2).
///
/// Example:
/// \code
///   Matrix ab{{0, 1, 1}, {4, 4, 4}};            // upper form of {{4, 1, 0}, {1, 4, 1}, {0, 1, 4}}
///   Matrix cb = linalg::cholesky_banded(ab);
///   Vector x = linalg::cho_solve_banded({cb, false}, Vector::Ones(3));
/// \endcode
template <class Derived>
MatrixT<typename Derived::Scalar> cholesky_banded(const Eigen::MatrixBase<Derived>& ab,
                                                  const CholeskyBandedOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>,
                "cholesky_banded: the scalar must be float, double or std::complex of either");
  MatrixT<Scalar> c = ab;
  detail::cholesky_banded_in_place(c, options);
  return c;
}

/// Solves a @ x = b from cholesky_banded(ab), as scipy.linalg.cho_solve_banded
/// (LAPACK ?pbtrs).
///
/// \param cb_and_lower  {cb, lower}: the factor as cholesky_banded() returns it
///                      and whether it is the lower form.
/// \param b             a vector of n entries or an n x k matrix, cb's scalar type.
/// \returns             x with b's shape; empty b: empty x of b's shape.
///
/// Requires: b.rows() == cb.cols(); cb.rows() >= 1 unless b is empty.
/// Ensures:  cb_and_lower and b are not modified.
/// Throws:   ValueError for mismatched shapes, a cb with no rows, or NaN / Inf
///           (with check_finite).
/// Complexity: O(n kd k).
template <class DerivedB, class Scalar = typename DerivedB::Scalar>
detail::solution_t<typename DerivedB::Scalar, DerivedB> cho_solve_banded(const ChoBandedFactor<Scalar>& cb_and_lower,
                                                                         const Eigen::MatrixBase<DerivedB>& b,
                                                                         const ChoSolveBandedOptions& options = {}) {
  static_assert(std::is_same_v<Scalar, typename DerivedB::Scalar>,
                "cho_solve_banded: cb and b must have the same scalar type");
  detail::solution_t<typename DerivedB::Scalar, DerivedB> x = b;
  detail::cho_solve_banded_in_place(cb_and_lower, Eigen::Ref<MatrixT<Scalar>>(x), options);
  return x;
}

}  // namespace scilearn::linalg
