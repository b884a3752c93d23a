#pragma once
/// \file
/// linalg::solve: the solution of a @ x = b for a square matrix a, as
/// scipy.linalg.solve.

#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>
#include <type_traits>

namespace scilearn::linalg {

/// Which structure of `a` to assume, as scipy.linalg.solve's `assume_a`.
enum class AssumeA {
  gen,  ///< general: LU with partial pivoting (LAPACK ?getrf / ?getrs / ?gecon)
  sym,  ///< symmetric (also complex symmetric): Bunch-Kaufman (?sytrf / ?sytrs / ?sycon)
  her,  ///< Hermitian: Bunch-Kaufman (?hetrf / ?hetrs / ?hecon); same as sym for real scalars
  pos,  ///< symmetric / Hermitian positive definite: Cholesky (?potrf / ?potrs / ?pocon)
};

/// Options of solve(), with scipy.linalg.solve's names and defaults.
struct SolveOptions {
  /// Structure of a. SciPy 1.17's default (None) detects structure at run time;
  /// here the default is the general solver, which is correct for every a (a
  /// structured solver is only faster). Structure detection is planned.
  AssumeA assume_a = AssumeA::gen;
  /// For sym / her / pos: read only the lower triangle of a (true) or only the
  /// upper triangle (false). Ignored for gen.
  bool lower = false;
  /// Check that a and b contain only finite numbers (ValueError otherwise).
  /// Turning it off saves one pass over the data; with NaN / Inf in the input
  /// the result is then unspecified (but no crash).
  bool check_finite = true;
  /// Solve a^T x = b instead (transpose, not conjugate transpose, also for
  /// complex a, where SciPy raises NotImplementedError).
  bool transposed = false;
};

namespace detail {
/// Solves in place: x holds b on entry and the solution on exit. The compiled
/// implementation behind solve(), one overload per LAPACK scalar type (plain
/// overloads, not a function template: g++ and clang mangle a template over
/// Eigen::Ref differently, and the library must link with either).
void solve_in_place(const Eigen::Ref<const MatrixT<float>>& a, Eigen::Ref<MatrixT<float>> x,
                    const SolveOptions& options);
void solve_in_place(const Eigen::Ref<const MatrixT<double>>& a, Eigen::Ref<MatrixT<double>> x,
                    const SolveOptions& options);
void solve_in_place(const Eigen::Ref<const MatrixT<std::complex<float>>>& a, Eigen::Ref<MatrixT<std::complex<float>>> x,
                    const SolveOptions& options);
void solve_in_place(const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
                    Eigen::Ref<MatrixT<std::complex<double>>> x, const SolveOptions& options);
}  // namespace detail

/// Solves a @ x = b (or a^T @ x = b with `transposed`) for x, as scipy.linalg.solve.
///
/// \param a        n x n matrix (float, double, std::complex<float> or
///                 std::complex<double>); any Eigen dense expression.
/// \param b        right-hand side(s): a vector of n entries or an n x k matrix,
///                 of the same scalar type as a.
/// \param options  structure of a, triangle to read, finiteness check, transpose.
/// \returns        x with b's shape: a VectorT<Scalar> when b is a column vector
///                 type (Eigen::VectorXd, ...), else an n x k MatrixT<Scalar>.
///                 For n == 0 or k == 0, an empty result of that shape.
///
/// Requires: a square; b.rows() == a.rows(); finite entries (when
///           check_finite); for pos, a positive definite.
/// Ensures:  a and b are not modified. Backward stable (LAPACK): the residual
///           ||a x - b|| is of order eps * ||a|| * ||x||.
/// Warns:    WarningCategory::linalg ("ill-conditioned matrix (rcond=...)") when
///           LAPACK's reciprocal condition estimate rcond is below the unit
///           roundoff of Scalar (SciPy's LinAlgWarning rule): x may be inaccurate.
/// Throws:   ValueError when a is not square, the shapes disagree, an entry
///           is NaN / Inf, or n exceeds LAPACK's 32-bit index range;
///           LinAlgError when a is exactly singular (a zero pivot), or not
///           positive definite with assume_a = pos; BackendError if LAPACK
///           rejects an argument (an internal error, never the data's fault).
/// Note:     the default warning handler prints a given warning site once per
///           process, so only the first ill-conditioned solve is reported on
///           stderr; install a handler (ScopedWarningHandler) to see each one.
/// Complexity: O(n^3) for the factorization + O(n^2 k) for the solves;
///           O(n^2) extra memory (a copy of a: LAPACK factors in place).
/// Thread safety: safe to call concurrently; uses the BLAS thread pool.
///
/// Example:
/// \code
///   Matrix a{{3, 2, 0}, {1, -1, 0}, {0, 5, 1}};
///   Vector b{{2, 4, -1}};
///   Vector x = scilearn::linalg::solve(a, b);   // {2, -2, 9}
/// \endcode
template <class DerivedA, class DerivedB>
auto solve(const Eigen::MatrixBase<DerivedA>& a, const Eigen::MatrixBase<DerivedB>& b,
           const SolveOptions& options = {}) {
  using Scalar = typename DerivedA::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "solve: the scalar must be float, double or std::complex of either");
  static_assert(std::is_same_v<Scalar, typename DerivedB::Scalar>, "solve: a and b must have the same scalar type");
  using Result = std::conditional_t<DerivedB::ColsAtCompileTime == 1, VectorT<Scalar>, MatrixT<Scalar>>;
  Result x = b;
  detail::solve_in_place(Eigen::Ref<const MatrixT<Scalar>>(a), Eigen::Ref<MatrixT<Scalar>>(x), options);
  return x;
}

}  // namespace scilearn::linalg
