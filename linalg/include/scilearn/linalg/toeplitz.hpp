#pragma once
/// \file
/// Structured solvers as scipy.linalg: solve_toeplitz (Levinson-Durbin
/// recursion, O(n^2)) and solve_circulant (division in Fourier space, O(n log n)).

#include <optional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>
#include <scilearn/linalg/lu.hpp>  // detail::solution_t
#include <type_traits>

namespace scilearn::linalg {

/// Options of solve_toeplitz().
struct SolveToeplitzOptions {
  /// Check that c, r and b contain only finite numbers (ValueError otherwise).
  bool check_finite = true;
};

/// What solve_circulant() does with a (near) singular circulant matrix,
/// SciPy's `singular` argument.
enum class CirculantSingular {
  raise,  ///< throw LinAlgError ("raise", SciPy's default)
  lstsq,  ///< return the least-squares (minimum norm) solution ("lstsq")
};

/// Options of solve_circulant(), with SciPy's names and defaults.
struct SolveCirculantOptions {
  /// Handling of a near singular matrix: one whose Fourier coefficients
  /// (eigenvalues) include some of magnitude <= tol.
  CirculantSingular singular = CirculantSingular::raise;
  /// The threshold; by default max |fft(c)| n eps (numpy.linalg.matrix_rank's).
  std::optional<double> tol = std::nullopt;
};

namespace detail {
// The compiled implementation, one plain overload per scalar type: solves in
// place (x holds b on entry). c and r are vectors of any orientation; r may
// be null (then r = conj(c)).

void solve_toeplitz_in_place(const Eigen::Ref<const MatrixT<float>>& c, const Eigen::Ref<const MatrixT<float>>* r,
                             Eigen::Ref<MatrixT<float>> x, const SolveToeplitzOptions& options);
void solve_toeplitz_in_place(const Eigen::Ref<const MatrixT<double>>& c, const Eigen::Ref<const MatrixT<double>>* r,
                             Eigen::Ref<MatrixT<double>> x, const SolveToeplitzOptions& options);
void solve_toeplitz_in_place(const Eigen::Ref<const MatrixT<std::complex<float>>>& c,
                             const Eigen::Ref<const MatrixT<std::complex<float>>>* r,
                             Eigen::Ref<MatrixT<std::complex<float>>> x, const SolveToeplitzOptions& options);
void solve_toeplitz_in_place(const Eigen::Ref<const MatrixT<std::complex<double>>>& c,
                             const Eigen::Ref<const MatrixT<std::complex<double>>>* r,
                             Eigen::Ref<MatrixT<std::complex<double>>> x, const SolveToeplitzOptions& options);

void solve_circulant_in_place(const Eigen::Ref<const MatrixT<float>>& c, Eigen::Ref<MatrixT<float>> x,
                              const SolveCirculantOptions& options);
void solve_circulant_in_place(const Eigen::Ref<const MatrixT<double>>& c, Eigen::Ref<MatrixT<double>> x,
                              const SolveCirculantOptions& options);
void solve_circulant_in_place(const Eigen::Ref<const MatrixT<std::complex<float>>>& c,
                              Eigen::Ref<MatrixT<std::complex<float>>> x, const SolveCirculantOptions& options);
void solve_circulant_in_place(const Eigen::Ref<const MatrixT<std::complex<double>>>& c,
                              Eigen::Ref<MatrixT<std::complex<double>>> x, const SolveCirculantOptions& options);

}  // namespace detail

/// Solves T @ x = b for the Toeplitz matrix T with first column c and first
/// row r, as scipy.linalg.solve_toeplitz((c, r), b) (Levinson-Durbin
/// recursion, as SciPy's `levinson`).
///
/// \param c  the first column of T: a vector of n entries (float, double,
///           std::complex<float> or std::complex<double>).
/// \param r  the first row of T, n entries; r(0) is ignored (T(0, 0) = c(0)).
/// \param b  a vector of n entries or an n x k matrix, c's scalar type.
/// \returns  x with b's shape; empty b: empty x of b's shape.
///
/// Requires: c, r vectors of the same length n; b.rows() == n; every leading
///           principal submatrix of T nonsingular (Levinson's requirement,
///           stronger than T nonsingular).
/// Ensures:  inputs are not modified. float and std::complex<float> are
///           solved in double precision, as SciPy (which upcasts), and
///           rounded back. Levinson is only weakly stable (Cybenko 1980):
///           accurate for symmetric positive definite T, possibly not for
///           other well-conditioned T; use solve() on toeplitz(c, r) then.
/// Throws:   ValueError when c or r is not a vector, the lengths disagree
///           (SciPy: "Incompatible dimensions."), or (with check_finite) NaN /
///           Inf; LinAlgError "solve_toeplitz: singular principal minor (the
///           leading k x k submatrix is singular)" when the recursion meets an
///           exactly zero pivot (SciPy: "Singular principal minor").
/// Complexity: O(n^2 (k + 1)) time, O(n) extra memory.
///
/// Example:
/// \code
///   Vector c{{1, 3, 6, 10}}, r{{1, -1, -2, -3}}, b{{1, 2, 2, 5}};
///   Vector x = linalg::solve_toeplitz(c, r, b);   // {1.66666667, -1, -2.66666667, 2.33333333}
/// \endcode
template <class DerivedC, class DerivedR, class DerivedB>
detail::solution_t<typename DerivedB::Scalar, DerivedB> solve_toeplitz(const Eigen::MatrixBase<DerivedC>& c,
                                                                       const Eigen::MatrixBase<DerivedR>& r,
                                                                       const Eigen::MatrixBase<DerivedB>& b,
                                                                       const SolveToeplitzOptions& options = {}) {
  using Scalar = typename DerivedC::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>,
                "solve_toeplitz: the scalar must be float, double or std::complex of either");
  static_assert(std::is_same_v<Scalar, typename DerivedR::Scalar> && std::is_same_v<Scalar, typename DerivedB::Scalar>,
                "solve_toeplitz: c, r and b must have the same scalar type");
  detail::solution_t<typename DerivedB::Scalar, DerivedB> x = b;
  const Eigen::Ref<const MatrixT<Scalar>> rr(r);
  detail::solve_toeplitz_in_place(Eigen::Ref<const MatrixT<Scalar>>(c), &rr, Eigen::Ref<MatrixT<Scalar>>(x), options);
  return x;
}

/// Solves T @ x = b for the Toeplitz matrix with first column c and first row
/// conj(c) (Hermitian when c(0) is real), as scipy.linalg.solve_toeplitz(c, b).
/// Everything else as the (c, r, b) overload.
///
/// \code
///   Vector x = linalg::solve_toeplitz(Vector{{2, 1}}, Vector{{3, 3}});   // {1, 1}
/// \endcode
template <class DerivedC, class DerivedB>
detail::solution_t<typename DerivedB::Scalar, DerivedB> solve_toeplitz(const Eigen::MatrixBase<DerivedC>& c,
                                                                       const Eigen::MatrixBase<DerivedB>& b,
                                                                       const SolveToeplitzOptions& options = {}) {
  using Scalar = typename DerivedC::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>,
                "solve_toeplitz: the scalar must be float, double or std::complex of either");
  static_assert(std::is_same_v<Scalar, typename DerivedB::Scalar>, "solve_toeplitz: c and b must have the same scalar");
  detail::solution_t<typename DerivedB::Scalar, DerivedB> x = b;
  detail::solve_toeplitz_in_place(Eigen::Ref<const MatrixT<Scalar>>(c), nullptr, Eigen::Ref<MatrixT<Scalar>>(x),
                                  options);
  return x;
}

/// Solves C @ x = b for the circulant matrix C with first column c
/// (C(i, j) = c((i - j) mod n)), as scipy.linalg.solve_circulant: C is
/// diagonalized by the DFT, so x = ifft(fft(b) / fft(c)) (Eigen's FFT module, kissfft).
///
/// \param c  the first column of C: a vector of n entries (float, double,
///           std::complex<float> or std::complex<double>).
/// \param b  a vector of n entries or an n x k matrix (each column solved), c's scalar type.
/// \returns  x with b's shape (real for real c and b); empty b: empty x of b's shape.
///
/// Requires: c a vector; b.rows() == c.size().
/// Ensures:  inputs are not modified. With singular = lstsq, the Fourier
///           coefficients of magnitude <= tol are treated as zero: x is the
///           minimum-norm least-squares solution of that nearby matrix.
///           NaN / Inf are not checked (SciPy has no check_finite here): they
///           propagate into x.
/// Throws:   ValueError when c is not a vector or b's rows differ from its
///           length (SciPy: "Shapes of c (n,) and b (m,) are incompatible");
///           LinAlgError "solve_circulant: near singular circulant matrix"
///           with singular = raise.
/// Complexity: O((k + 1) n log n) for n with small prime factors, up to
///           O((k + 1) n^2) for a prime n (kissfft's generic radix).
///
/// Example:
/// \code
///   Vector x = linalg::solve_circulant(Vector{{2, 2, 5}}, Vector{{1, 2, 3}});
///   // C = {{2, 5, 2}, {2, 2, 5}, {5, 2, 2}}: x = {5, -1, 2} / 9
/// \endcode
template <class DerivedC, class DerivedB>
detail::solution_t<typename DerivedB::Scalar, DerivedB> solve_circulant(const Eigen::MatrixBase<DerivedC>& c,
                                                                        const Eigen::MatrixBase<DerivedB>& b,
                                                                        const SolveCirculantOptions& options = {}) {
  using Scalar = typename DerivedC::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>,
                "solve_circulant: the scalar must be float, double or std::complex of either");
  static_assert(std::is_same_v<Scalar, typename DerivedB::Scalar>,
                "solve_circulant: c and b must have the same scalar");
  detail::solution_t<typename DerivedB::Scalar, DerivedB> x = b;
  detail::solve_circulant_in_place(Eigen::Ref<const MatrixT<Scalar>>(c), Eigen::Ref<MatrixT<Scalar>>(x), options);
  return x;
}

}  // namespace scilearn::linalg
