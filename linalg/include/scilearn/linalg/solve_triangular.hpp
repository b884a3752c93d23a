#pragma once
/// \file
/// linalg::solve_triangular: a @ x = b for a triangular a, as
/// scipy.linalg.solve_triangular.

#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>
#include <scilearn/linalg/trans.hpp>
#include <type_traits>

namespace scilearn::linalg {

/// Options of solve_triangular(), with scipy.linalg.solve_triangular's names and defaults.
struct SolveTriangularOptions {
  Trans trans = Trans::N;      ///< which system: a, its transpose or its conjugate transpose
  bool lower = false;          ///< use only the lower (true) or upper (false) triangle of a
  bool unit_diagonal = false;  ///< take a's diagonal as all ones, without reading it
  bool check_finite = true;    ///< ValueError on NaN / Inf in a or b (all of a is scanned, as SciPy)
};

namespace detail {
/// Solves in place (x holds b on entry); one overload per LAPACK scalar type
/// (plain overloads, not a template, so g++- and clang-built code link).
void solve_triangular_in_place(const Eigen::Ref<const MatrixT<float>>& a, Eigen::Ref<MatrixT<float>> x,
                               const SolveTriangularOptions& options);
void solve_triangular_in_place(const Eigen::Ref<const MatrixT<double>>& a, Eigen::Ref<MatrixT<double>> x,
                               const SolveTriangularOptions& options);
void solve_triangular_in_place(const Eigen::Ref<const MatrixT<std::complex<float>>>& a,
                               Eigen::Ref<MatrixT<std::complex<float>>> x, const SolveTriangularOptions& options);
void solve_triangular_in_place(const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
                               Eigen::Ref<MatrixT<std::complex<double>>> x, const SolveTriangularOptions& options);
}  // namespace detail

/// Solves a @ x = b (or a^T / a^H, see Trans) for square a whose strictly
/// upper (lower = true) or lower (lower = false) triangle is taken as zero,
/// as scipy.linalg.solve_triangular (LAPACK ?trtrs).
///
/// \param a        n x n matrix; only the chosen triangle is used (the diagonal
///                 too unless unit_diagonal).
/// \param b        a vector of n entries or an n x k matrix, a's scalar type.
/// \returns        x with b's shape (a VectorT for a vector type); empty for n == 0 or k == 0.
/// Requires: a square, b.rows() == a.rows(), finite entries (when check_finite).
/// Ensures:  a and b are not modified; x is backward stable (Higham 2002, Thm 8.5).
/// Throws:   ValueError for a non-square a, mismatched shapes, NaN / Inf, or n
///           beyond LAPACK's 32-bit index range; LinAlgError when a diagonal
///           entry is exactly zero ("singular matrix: resolution failed at
///           diagonal i", as SciPy).
/// Complexity: O(n^2 k) time, no extra memory beyond the result.
///
/// Example:
/// \code
///   Matrix a{{3, 0, 0}, {1, 2, 0}, {1, 1, 1}};
///   Vector x = linalg::solve_triangular(a, Vector{{3, 5, 4}}, {.lower = true});   // {1, 2, 1}
/// \endcode
template <class DerivedA, class DerivedB>
auto solve_triangular(const Eigen::MatrixBase<DerivedA>& a, const Eigen::MatrixBase<DerivedB>& b,
                      const SolveTriangularOptions& options = {}) {
  using Scalar = typename DerivedA::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>,
                "solve_triangular: the scalar must be float, double or std::complex of either");
  static_assert(std::is_same_v<Scalar, typename DerivedB::Scalar>,
                "solve_triangular: a and b must have the same scalar type");
  using Result = std::conditional_t<DerivedB::ColsAtCompileTime == 1, VectorT<Scalar>, MatrixT<Scalar>>;
  Result x = b;
  detail::solve_triangular_in_place(Eigen::Ref<const MatrixT<Scalar>>(a), Eigen::Ref<MatrixT<Scalar>>(x), options);
  return x;
}

}  // namespace scilearn::linalg
