#pragma once
/// \file
/// linalg::lstsq: the least-squares solution of a @ x = b for any m x n matrix
/// a, as scipy.linalg.lstsq.

#include <optional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>
#include <type_traits>

namespace scilearn::linalg {

/// Which LAPACK driver solves the problem, as scipy.linalg.lstsq's `lapack_driver`.
/// All three return the minimum-norm least-squares solution.
enum class LstsqDriver {
  gelsd,  ///< SVD by divide and conquer (?gelsd): SciPy's default, fast and robust
  gelsy,  ///< complete orthogonal factorization, QR with column pivoting (?gelsy): often fastest; no singular values
  gelss,  ///< classical SVD (?gelss): slower, less memory
};

/// Options of lstsq(), with scipy.linalg.lstsq's names and defaults.
struct LstsqOptions {
  /// Singular values (gelsd / gelss) or the condition estimate of the leading
  /// triangle (gelsy) below cond * (the largest one) count as zero, which sets
  /// the effective rank. Unset (SciPy's None): the machine epsilon of the
  /// scalar's real type (2.2e-16 for double, 1.2e-7 for float), as SciPy.
  /// The value is passed to LAPACK as given (rounded to the real type).
  std::optional<double> cond = std::nullopt;
  /// Check that a and b contain only finite numbers (ValueError otherwise).
  /// Turned off, NaN / Inf give an unspecified result, or a LinAlgError when
  /// the SVD then fails to converge.
  bool check_finite = true;
  /// The LAPACK driver.
  LstsqDriver lapack_driver = LstsqDriver::gelsd;
  /// Rounds of iterative refinement (not in SciPy; 0, the default, gives
  /// SciPy's result). When a has full column rank (m >= n == rank), x is
  /// refined on the augmented system [I a; a^H 0] [r; x] = [b; 0] with its
  /// residuals computed in extended precision (long double) and a Householder
  /// QR of a, which recovers digits the working precision loses on
  /// ill-conditioned problems with large residuals (NIST's Wampler4 / 5);
  /// it stops early once a correction no longer halves. Ignored for a
  /// rank-deficient or wide a. Costs a QR factorization of a plus O(m n k)
  /// per round; 2 or 3 rounds suffice while cond(a) eps << 1.
  int refine = 0;
};

/// What lstsq() returns, field for field scipy.linalg.lstsq's tuple
/// (x, residues, rank, s); `auto [x, residues, rank, s] = lstsq(a, b);` works.
/// X is VectorT<Scalar> when b is a vector type, else MatrixT<Scalar>.
template <class Scalar, class X = MatrixT<Scalar>>
struct LstsqResult {
  using Real = typename Eigen::NumTraits<Scalar>::Real;
  /// The minimum-norm least-squares solution: n entries (vector b) or n x k.
  X x;
  /// Squared 2-norm of each column of b - a x (k entries; 1 for a vector b)
  /// when m > n, rank == n and the driver is gelsd / gelss; empty otherwise
  /// (always empty for gelsy, as SciPy). For n == 0: the squared norms of b's columns.
  VectorT<Real> residues;
  /// Effective rank of a (0 for an empty a).
  Index rank = 0;
  /// Singular values of a, descending, min(m, n) of them (gelsd / gelss);
  /// empty for gelsy (SciPy returns None) and for an empty a.
  /// The 2-norm condition number of a is s(0) / s(s.size() - 1).
  VectorT<Real> s;
};

namespace detail {
/// The compiled implementation behind lstsq(), one plain overload per LAPACK
/// scalar type (not a template: g++ and clang mangle templates over Eigen::Ref
/// differently). x must be sized a.cols() x b.cols() on entry.
void lstsq_into(const Eigen::Ref<const MatrixT<float>>& a, const Eigen::Ref<const MatrixT<float>>& b,
                Eigen::Ref<MatrixT<float>> x, VectorT<float>& residues, Index& rank, VectorT<float>& s,
                const LstsqOptions& options);
void lstsq_into(const Eigen::Ref<const MatrixT<double>>& a, const Eigen::Ref<const MatrixT<double>>& b,
                Eigen::Ref<MatrixT<double>> x, VectorT<double>& residues, Index& rank, VectorT<double>& s,
                const LstsqOptions& options);
void lstsq_into(const Eigen::Ref<const MatrixT<std::complex<float>>>& a,
                const Eigen::Ref<const MatrixT<std::complex<float>>>& b, Eigen::Ref<MatrixT<std::complex<float>>> x,
                VectorT<float>& residues, Index& rank, VectorT<float>& s, const LstsqOptions& options);
void lstsq_into(const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
                const Eigen::Ref<const MatrixT<std::complex<double>>>& b, Eigen::Ref<MatrixT<std::complex<double>>> x,
                VectorT<double>& residues, Index& rank, VectorT<double>& s, const LstsqOptions& options);
}  // namespace detail

/// Computes x minimizing the 2-norm ||b - a x|| (the minimum-norm one when a
/// is rank-deficient or wide), as scipy.linalg.lstsq.
///
/// \param a        m x n matrix (float, double, std::complex<float> or
///                 std::complex<double>), any m and n; any Eigen dense expression.
/// \param b        m-vector or m x k matrix of the same scalar type.
/// \param options  cutoff cond, finiteness check, LAPACK driver, refinement.
/// \returns        LstsqResult: x (a VectorT<Scalar> of n entries when b is a
///                 column vector type, else an n x k MatrixT<Scalar>), residues,
///                 rank, s, with SciPy's meanings (see LstsqResult).
///                 Empty a (m == 0 or n == 0): x is zero, rank 0, s empty, as
///                 SciPy; k == 0: x is n x 0, rank and s are still computed.
///
/// Requires: b.rows() == a.rows(); finite entries (when check_finite).
/// Ensures:  a and b are not modified. x is backward stable (LAPACK).
/// Throws:   ValueError when b.rows() != a.rows() (naming both shapes),
///           options.refine < 0, an entry is NaN / Inf, or a size exceeds
///           LAPACK's 32-bit index range;
///           LinAlgError when the SVD does not converge (gelsd / gelss);
///           BackendError if LAPACK rejects an argument (an internal error).
/// Complexity: O(m n min(m, n) + max(m, n) min(m, n) k); O(m n + max(m, n) k)
///           extra memory (copies of a and b: LAPACK works in place) plus
///           LAPACK's workspace; with refine, one more QR of a plus O(m n k)
///           per round.
/// Thread safety: safe to call concurrently; uses the BLAS thread pool.
///
/// Example:
/// \code
///   Matrix a{{1, 1}, {1, 2}, {1, 3}};       // fit y = c0 + c1 t at t = 1, 2, 3
///   Vector y{{1, 2, 2}};
///   auto [x, residues, rank, s] = scilearn::linalg::lstsq(a, y);
///   // x = {2/3, 1/2}, residues = {1/6}, rank = 2
/// \endcode
template <class DerivedA, class DerivedB>
auto lstsq(const Eigen::MatrixBase<DerivedA>& a, const Eigen::MatrixBase<DerivedB>& b,
           const LstsqOptions& options = {}) {
  using Scalar = typename DerivedA::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "lstsq: the scalar must be float, double or std::complex of either");
  static_assert(std::is_same_v<Scalar, typename DerivedB::Scalar>, "lstsq: a and b must have the same scalar type");
  using X = std::conditional_t<DerivedB::ColsAtCompileTime == 1, VectorT<Scalar>, MatrixT<Scalar>>;
  LstsqResult<Scalar, X> result;
  if constexpr (DerivedB::ColsAtCompileTime == 1) {
    result.x.resize(a.cols());
  } else {
    result.x.resize(a.cols(), b.cols());
  }
  detail::lstsq_into(Eigen::Ref<const MatrixT<Scalar>>(a), Eigen::Ref<const MatrixT<Scalar>>(b),
                     Eigen::Ref<MatrixT<Scalar>>(result.x), result.residues, result.rank, result.s, options);
  return result;
}

}  // namespace scilearn::linalg
