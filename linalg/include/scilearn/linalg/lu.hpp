#pragma once
/// \file
/// LU decomposition with partial pivoting, as scipy.linalg.lu, lu_factor and
/// lu_solve, and linalg::LU, a factorization object (Eigen style) that factors
/// a square matrix once and solves many right-hand sides.

#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/types.hpp>
#include <scilearn/linalg/trans.hpp>
#include <type_traits>
#include <utility>

namespace scilearn::linalg {

/// Options of lu(), with scipy.linalg.lu's names and defaults.
struct LuOptions {
  /// Return pl = p @ l (a = pl @ u) instead of p and l.
  bool permute_l = false;
  /// Check that a contains only finite numbers (ValueError otherwise). Off:
  /// one pass less; with NaN / Inf the factors are unspecified (no crash).
  bool check_finite = true;
  /// Do not build the m x m permutation matrix p (LuResult::p stays empty);
  /// the row indices LuResult::p_indices carry the same information.
  bool p_indices = false;
};

/// Result of lu(): a = p @ l @ u (or a = pl @ u), a being m x n and k = min(m, n).
template <LapackScalar Scalar>
struct LuResult {
  using Real = typename Eigen::NumTraits<Scalar>::Real;
  /// m x m permutation matrix (real, as SciPy's, also for complex a);
  /// 0 x 0 when p_indices or permute_l is set.
  MatrixT<Real> p;
  /// m row indices, always filled: row i of a is row p_indices(i) of l times
  /// u, i.e. a = l(p_indices, all) * u (SciPy's `p` with p_indices=True), and
  /// p(i, p_indices(i)) = 1.
  IndexVector p_indices;
  /// m x k lower trapezoidal factor with unit diagonal; 0 x 0 with permute_l.
  MatrixT<Scalar> l;
  /// m x k, p @ l, with permute_l (else 0 x 0).
  MatrixT<Scalar> pl;
  /// k x n upper trapezoidal factor.
  MatrixT<Scalar> u;
};

/// Options of lu_factor() and LU::compute().
struct LuFactorOptions {
  /// Check that a contains only finite numbers (ValueError otherwise).
  bool check_finite = true;
};

/// Result of lu_factor(), SciPy's (lu, piv) pair: the input of lu_solve().
template <LapackScalar Scalar>
struct LuFactor {
  /// m x n: U in the upper triangle (diagonal included), L's strictly lower
  /// part below it (L's unit diagonal is not stored). LAPACK ?getrf's layout.
  MatrixT<Scalar> lu;
  /// min(m, n) pivot indices, 0-based as SciPy's: row i was interchanged with
  /// row piv(i), for i = 0, 1, ... in turn.
  IndexVector piv;
};

/// Options of lu_solve(), with scipy.linalg.lu_solve's names and defaults.
struct LuSolveOptions {
  /// Which system: a x = b (N, SciPy's 0), a^T x = b (T, 1) or a^H x = b
  /// (C, 2: the conjugate transpose; the same as T for real a).
  Trans trans = Trans::N;
  /// Check that b contains only finite numbers (ValueError otherwise). As in
  /// SciPy, the factor itself is not scanned.
  bool check_finite = true;
};

/// Status of an LU factorization (LU::info()).
enum class LuInfo {
  success,   ///< all pivots non-zero: solve() can be used
  singular,  ///< a pivot U(i, i) is exactly zero: the factors are valid, solve() throws
};

namespace detail {
// The compiled implementation, one plain overload per LAPACK scalar type (not
// templates: g++ and clang mangle templates over Eigen::Ref differently).

/// Factors lu (a on entry) in place by ?getrf; sets piv (0-based). When anorm
/// is not null, a is square and *anorm receives its 1-norm (for rcond). Returns
/// 0, or i + 1 for the first exactly zero pivot U(i, i). `where` names the
/// caller in error messages.
Index lu_factor_in_place(const char* where, MatrixT<float>& lu, IndexVector& piv, bool check_finite, float* anorm);
Index lu_factor_in_place(const char* where, MatrixT<double>& lu, IndexVector& piv, bool check_finite, double* anorm);
Index lu_factor_in_place(const char* where, MatrixT<std::complex<float>>& lu, IndexVector& piv, bool check_finite,
                         float* anorm);
Index lu_factor_in_place(const char* where, MatrixT<std::complex<double>>& lu, IndexVector& piv, bool check_finite,
                         double* anorm);

/// Raises lu_factor's LinAlgWarning when info (from lu_factor_in_place) > 0.
void warn_if_singular(const char* where, Index info);

/// lu(): factors a (consumed) and unpacks the result.
void lu_in_place(MatrixT<float>& a, LuResult<float>& out, const LuOptions& options);
void lu_in_place(MatrixT<double>& a, LuResult<double>& out, const LuOptions& options);
void lu_in_place(MatrixT<std::complex<float>>& a, LuResult<std::complex<float>>& out, const LuOptions& options);
void lu_in_place(MatrixT<std::complex<double>>& a, LuResult<std::complex<double>>& out, const LuOptions& options);

/// Validates the factor and x, then solves in place by ?getrs: x holds b on
/// entry and the solution on exit.
void lu_solve_in_place(const char* where, const LuFactor<float>& f, Eigen::Ref<MatrixT<float>> x,
                       const LuSolveOptions& options);
void lu_solve_in_place(const char* where, const LuFactor<double>& f, Eigen::Ref<MatrixT<double>> x,
                       const LuSolveOptions& options);
void lu_solve_in_place(const char* where, const LuFactor<std::complex<float>>& f,
                       Eigen::Ref<MatrixT<std::complex<float>>> x, const LuSolveOptions& options);
void lu_solve_in_place(const char* where, const LuFactor<std::complex<double>>& f,
                       Eigen::Ref<MatrixT<std::complex<double>>> x, const LuSolveOptions& options);

/// ?gecon's reciprocal 1-norm condition estimate of a square, non-singular factor.
float lu_rcond(const LuFactor<float>& f, float anorm);
double lu_rcond(const LuFactor<double>& f, double anorm);
float lu_rcond(const LuFactor<std::complex<float>>& f, float anorm);
double lu_rcond(const LuFactor<std::complex<double>>& f, double anorm);

/// Throws NotFittedError naming `where` (a factorization object used before compute()).
[[noreturn]] void throw_not_computed(const char* where);

/// The solution type for right-hand side B: a vector for a vector type, else a matrix.
template <class Scalar, class DerivedB>
using solution_t = std::conditional_t<DerivedB::ColsAtCompileTime == 1, VectorT<Scalar>, MatrixT<Scalar>>;
}  // namespace detail

/// LU decomposition with partial pivoting, a = p @ l @ u, as scipy.linalg.lu.
///
/// \param a        m x n matrix (any m, n; float, double, std::complex<float>
///                 or std::complex<double>); any Eigen dense expression.
/// \param options  permute_l, check_finite, p_indices (see LuOptions).
/// \returns        LuResult: p (m x m), p_indices (m), l (m x k) and u (k x n),
///                 k = min(m, n); with permute_l, pl = p @ l instead of p and l.
///                 For an empty a (m or n zero), as SciPy 1.17.1: l is m x 0, u
///                 0 x n, pl m x 0, and p is 0 x 0 / p_indices has 0 entries
///                 (not m: SciPy's quirk, kept for parity).
///
/// Requires: finite entries (when check_finite).
/// Ensures:  a is not modified; |l(i, j)| <= 1; a = p l u up to rounding
///           (||a - p l u|| of order eps ||a||, LAPACK ?getrf's backward
///           stability). A singular a is factored without error or warning,
///           as SciPy (u then has a zero on its diagonal).
/// Throws:   ValueError when an entry is NaN / Inf or a dimension exceeds
///           LAPACK's 32-bit index range.
/// Complexity: O(m n k) time, O(m n + m^2) memory (O(m n) with p_indices).
///
/// Example:
/// \code
///   Matrix a{{1, 2}, {3, 4}};
///   auto [p, p_indices, l, pl, u] = scilearn::linalg::lu(a);   // p = {{0, 1}, {1, 0}}
///   // l = {{1, 0}, {1/3, 1}}, u = {{3, 4}, {0, 2/3}}
/// \endcode
template <class Derived>
auto lu(const Eigen::MatrixBase<Derived>& a, const LuOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "lu: the scalar must be float, double or std::complex of either");
  MatrixT<Scalar> work = a;
  LuResult<Scalar> result;
  detail::lu_in_place(work, result, options);
  return result;
}

/// LU decomposition in LAPACK's compact form, for lu_solve(), as
/// scipy.linalg.lu_factor.
///
/// \param a        m x n matrix (any m, n); any Eigen dense expression.
/// \returns        LuFactor{lu, piv}: lu is m x n, piv has min(m, n) 0-based
///                 entries. Empty a: lu of a's shape, piv empty.
///
/// Requires: finite entries (when check_finite).
/// Ensures:  a is not modified.
/// Warns:    WarningCategory::linalg "lu_factor: Diagonal number i is exactly
///           zero. Singular matrix." (i 1-based, SciPy's LinAlgWarning) when
///           U(i-1, i-1) is exactly zero; the factor is still returned.
/// Throws:   ValueError when an entry is NaN / Inf or a dimension exceeds
///           LAPACK's 32-bit index range.
/// Complexity: O(m n min(m, n)) time, O(m n) memory.
template <class Derived>
LuFactor<typename Derived::Scalar> lu_factor(const Eigen::MatrixBase<Derived>& a, const LuFactorOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "lu_factor: the scalar must be float, double or std::complex of either");
  LuFactor<Scalar> f{a, {}};
  detail::warn_if_singular("lu_factor",
                           detail::lu_factor_in_place("lu_factor", f.lu, f.piv, options.check_finite, nullptr));
  return f;
}

/// Solves a x = b (a^T x = b, a^H x = b) from lu_factor(a), as scipy.linalg.lu_solve.
///
/// \param lu_and_piv  the result of lu_factor() for a square a (n x n).
/// \param b           a vector of n entries or an n x k matrix, a's scalar type.
/// \param options     trans (Trans::N / T / C), check_finite (see LuSolveOptions).
/// \returns           x with b's shape (a vector type in, a vector out);
///                    empty b: empty x of b's shape.
///
/// Requires: lu square; piv with n entries in [0, n); b.rows() == n.
/// Ensures:  lu_and_piv and b are not modified. Backward stable.
///           A singular factor (a zero U(i, i)) is not an error, as in SciPy:
///           the division by zero makes x Inf / NaN.
/// Throws:   ValueError when lu is not square, piv has the wrong size or an
///           entry out of range, b's rows disagree, trans is not a Trans value,
///           or b holds NaN / Inf (with check_finite).
/// Complexity: O(n^2 k).
template <class DerivedB, class Scalar = typename DerivedB::Scalar>
auto lu_solve(const LuFactor<Scalar>& lu_and_piv, const Eigen::MatrixBase<DerivedB>& b,
              const LuSolveOptions& options = {}) {
  static_assert(std::is_same_v<Scalar, typename DerivedB::Scalar>, "lu_solve: lu and b must have the same scalar type");
  detail::solution_t<Scalar, DerivedB> x = b;
  detail::lu_solve_in_place("lu_solve", lu_and_piv, Eigen::Ref<MatrixT<Scalar>>(x), options);
  return x;
}

/// LU factorization object, Eigen style: factor a square matrix once with
/// compute(), check info(), then solve() as many right-hand sides as needed.
/// Runs the same compiled code as lu_factor() / lu_solve().
///
/// \code
///   linalg::LU<double> lu(a);                  // or: LU<double> lu; lu.compute(a);
///   if (lu.info() == linalg::LuInfo::success) {
///     Vector x = lu.solve(b);
///     double r = lu.rcond();                   // 1-norm reciprocal condition estimate
///   }
/// \endcode
///
/// Thread safety: const members may be called concurrently; compute() may not
/// run concurrently with anything else on the same object.
template <LapackScalar Scalar>
class LU {
 public:
  using Real = typename Eigen::NumTraits<Scalar>::Real;

  /// An empty object; compute() must be called before use.
  LU() = default;

  /// Factors a (same as LU().compute(a, options)).
  template <class Derived>
  explicit LU(const Eigen::MatrixBase<Derived>& a, const LuFactorOptions& options = {}) {
    compute(a, options);
  }

  /// Factors the square matrix a (copied; a is not modified). An exactly
  /// singular a is not an error here: info() reports it.
  /// Throws ValueError when a is not square or (with check_finite) not finite;
  /// the object then keeps its previous state.
  /// Complexity: O(n^3).
  template <class Derived>
  LU& compute(const Eigen::MatrixBase<Derived>& a, const LuFactorOptions& options = {}) {
    static_assert(std::is_same_v<typename Derived::Scalar, Scalar>, "LU::compute: a must have the LU's scalar type");
    LuFactor<Scalar> f{a, {}};
    Real anorm = 0;
    const Index first_zero = detail::lu_factor_in_place("LU::compute", f.lu, f.piv, options.check_finite, &anorm);
    factor_ = std::move(f);
    anorm_ = anorm;
    check_finite_ = options.check_finite;
    info_ = first_zero == 0 ? LuInfo::success : LuInfo::singular;
    first_zero_pivot_ = first_zero - 1;
    computed_ = true;
    return *this;
  }

  /// success, or singular when a pivot is exactly zero.
  /// Throws NotFittedError before compute().
  [[nodiscard]] LuInfo info() const {
    require_computed("LU::info");
    return info_;
  }

  /// Solves a x = b (Trans::N), a^T x = b (T) or a^H x = b (C); x has b's shape.
  /// Throws NotFittedError before compute(); LinAlgError when a is singular;
  /// ValueError when b.rows() differs from a's order, trans is not a Trans value,
  /// or b holds NaN / Inf (checked when compute() was asked to check).
  /// Complexity: O(n^2 k) for k right-hand sides.
  template <class DerivedB>
  auto solve(const Eigen::MatrixBase<DerivedB>& b, Trans trans = Trans::N) const {
    static_assert(std::is_same_v<typename DerivedB::Scalar, Scalar>, "LU::solve: b must have the LU's scalar type");
    require_computed("LU::solve");
    if (info_ == LuInfo::singular) {
      throw LinAlgError(
          cat("LU::solve: matrix is singular (U(", first_zero_pivot_, ", ", first_zero_pivot_, ") is exactly zero)"));
    }
    detail::solution_t<Scalar, DerivedB> x = b;
    detail::lu_solve_in_place("LU::solve", factor_, Eigen::Ref<MatrixT<Scalar>>(x),
                              {.trans = trans, .check_finite = check_finite_});
    return x;
  }

  /// LAPACK ?gecon's estimate of 1 / (||a||_1 ||a^-1||_1), in [0, 1]; 0 when
  /// singular, 1 for an empty (0 x 0) a (LAPACK's convention). Throws NotFittedError before compute(). Complexity:
  /// O(n^2).
  [[nodiscard]] Real rcond() const {
    require_computed("LU::rcond");
    if (info_ == LuInfo::singular) return 0;
    return detail::lu_rcond(factor_, anorm_);
  }

  /// The compact factor (U and L's strictly lower part), as lu_factor()'s lu.
  [[nodiscard]] const MatrixT<Scalar>& matrixLU() const {
    require_computed("LU::matrixLU");
    return factor_.lu;
  }
  /// The 0-based pivot indices, as lu_factor()'s piv.
  [[nodiscard]] const IndexVector& pivots() const {
    require_computed("LU::pivots");
    return factor_.piv;
  }
  /// Both, as lu_factor() returns them: lu_solve(lu.factor(), b) == lu.solve(b).
  [[nodiscard]] const LuFactor<Scalar>& factor() const {
    require_computed("LU::factor");
    return factor_;
  }

 private:
  void require_computed(const char* where) const {
    if (!computed_) detail::throw_not_computed(where);
  }

  LuFactor<Scalar> factor_;
  Real anorm_ = 0;
  LuInfo info_ = LuInfo::success;
  Index first_zero_pivot_ = -1;
  bool check_finite_ = true;
  bool computed_ = false;
};

}  // namespace scilearn::linalg
