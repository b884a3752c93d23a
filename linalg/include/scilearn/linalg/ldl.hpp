#pragma once
/// \file
/// LDL^T (Bunch-Kaufman) decomposition of a symmetric or Hermitian matrix, as
/// scipy.linalg.ldl, and linalg::LDL, a factorization object (Eigen style)
/// that factors once and solves many right-hand sides.

#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/types.hpp>
#include <type_traits>
#include <utility>

namespace scilearn::linalg {

/// Options of ldl() and LDL::compute(), with scipy.linalg.ldl's names and defaults.
struct LdlOptions {
  /// Read a's lower triangle and return lower triangular (up to a row
  /// permutation) outer factors (true), or the upper ones (false). The other
  /// triangle is not read: a is assumed to mirror it.
  bool lower = true;
  /// For complex a: a = a^H (true, ?hetrf) or a = a^T (false, complex
  /// symmetric, ?sytrf). No effect for real a.
  bool hermitian = true;
  /// Check that all of a (both triangles, as SciPy) contains only finite
  /// numbers (ValueError otherwise).
  bool check_finite = true;
};

/// Result of ldl(): a = lu d lu^H (hermitian) or lu d lu^T, SciPy's (lu, d, perm).
/// `auto [lu, d, perm] = ldl(a);` works.
template <LapackScalar Scalar>
struct LdlResult {
  /// n x n outer factor: lu(perm, all) is unit lower (lower) or unit upper
  /// triangular. Not triangular itself when LAPACK pivoted.
  MatrixT<Scalar> lu;
  /// n x n block diagonal factor, 1 x 1 and 2 x 2 blocks (Hermitian blocks
  /// for hermitian, symmetric otherwise); real diagonal when hermitian.
  MatrixT<Scalar> d;
  /// n row indices (0-based, SciPy's perm) that make lu(perm, all) triangular.
  IndexVector perm;
};

/// Status of an LDL factorization (LDL::info()).
enum class LdlInfo {
  success,   ///< d is non-singular: solve() can be used
  singular,  ///< a 1 x 1 block d(i, i) is exactly zero: the factors are valid, solve() throws
};

namespace detail {
/// Bunch-Kaufman factor in LAPACK's compact form (?sytrf / ?hetrf): the
/// factors in c's `lower` triangle, the block structure and interchanges in
/// ipiv (LAPACK's 1-based encoding).
template <LapackScalar Scalar>
struct LdlFactor {
  MatrixT<Scalar> c;
  IndexVector ipiv;
  bool lower = true;
  bool hermitian = true;
};

// The compiled implementation, one plain overload per LAPACK scalar type.

/// Validates f.c (a on entry: square, finite when check_finite), warns as
/// SciPy's ComplexWarning when a Hermitian a's diagonal is not real, and
/// factors it in place. When anorm is not null, *anorm receives the 1-norm of
/// the matrix the triangle defines. Returns 0, or i + 1 for the first exactly
/// zero d(i, i).
Index ldl_factor_in_place(const char* where, LdlFactor<float>& f, bool check_finite, float* anorm);
Index ldl_factor_in_place(const char* where, LdlFactor<double>& f, bool check_finite, double* anorm);
Index ldl_factor_in_place(const char* where, LdlFactor<std::complex<float>>& f, bool check_finite, float* anorm);
Index ldl_factor_in_place(const char* where, LdlFactor<std::complex<double>>& f, bool check_finite, double* anorm);

/// ldl()'s (lu, d, perm) from the compact factor, as SciPy builds them.
void ldl_unpack(const LdlFactor<float>& f, LdlResult<float>& out);
void ldl_unpack(const LdlFactor<double>& f, LdlResult<double>& out);
void ldl_unpack(const LdlFactor<std::complex<float>>& f, LdlResult<std::complex<float>>& out);
void ldl_unpack(const LdlFactor<std::complex<double>>& f, LdlResult<std::complex<double>>& out);

/// Validates x (b on entry) and solves in place by ?sytrs / ?hetrs.
void ldl_solve_in_place(const char* where, const LdlFactor<float>& f, Eigen::Ref<MatrixT<float>> x, bool check_finite);
void ldl_solve_in_place(const char* where, const LdlFactor<double>& f, Eigen::Ref<MatrixT<double>> x,
                        bool check_finite);
void ldl_solve_in_place(const char* where, const LdlFactor<std::complex<float>>& f,
                        Eigen::Ref<MatrixT<std::complex<float>>> x, bool check_finite);
void ldl_solve_in_place(const char* where, const LdlFactor<std::complex<double>>& f,
                        Eigen::Ref<MatrixT<std::complex<double>>> x, bool check_finite);

/// ?sycon / ?hecon's reciprocal 1-norm condition estimate of a non-singular factor.
float ldl_rcond(const LdlFactor<float>& f, float anorm);
double ldl_rcond(const LdlFactor<double>& f, double anorm);
float ldl_rcond(const LdlFactor<std::complex<float>>& f, float anorm);
double ldl_rcond(const LdlFactor<std::complex<double>>& f, double anorm);

/// Throws LinAlgError naming `where` and d(i, i) when info (from ldl_factor_in_place) > 0.
void check_ldl_info(const char* where, Index info);

/// Throws NotFittedError naming `where` (declared in lu.hpp too; defined in lu.cpp).
[[noreturn]] void throw_not_computed(const char* where);
}  // namespace detail

/// LDL^T decomposition with Bunch-Kaufman pivoting, a = lu d lu^H (hermitian)
/// or a = lu d lu^T, as scipy.linalg.ldl (LAPACK ?hetrf / ?sytrf).
///
/// \param a        n x n symmetric or Hermitian matrix (float, double,
///                 std::complex<float> or std::complex<double>); any Eigen
///                 dense expression. Only the triangle named by `lower` is read.
/// \param options  lower, hermitian, check_finite (see LdlOptions).
/// \returns        LdlResult{lu, d, perm}, each n x n (perm n entries) as
///                 SciPy's; empty a: all empty.
///
/// Requires: a square; finite entries (when check_finite).
/// Ensures:  a is not modified; lu(perm, all) unit triangular; d block
///           diagonal with 1 x 1 and 2 x 2 blocks; ||a - lu d lu^H|| of order
///           n eps ||a|| times the element growth (at most 2.57^(n-1), small
///           in practice). A singular a is factored without error, as SciPy
///           (d then has a zero block).
/// Warns:    WarningCategory::runtime (SciPy's ComplexWarning) when hermitian
///           and a complex a has a diagonal entry with a non-zero imaginary
///           part: LAPACK ignores it.
/// Throws:   ValueError when a is not square (naming its shape), holds NaN /
///           Inf (with check_finite), or exceeds LAPACK's 32-bit index range.
/// Complexity: O(n^3 / 3) time, O(n^2) memory.
///
/// Example:
/// \code
///   Matrix a{{2, -1, 3}, {-1, 2, 0}, {3, 0, 1}};
///   auto [lu, d, perm] = scilearn::linalg::ldl(a, {.lower = false});
///   // lu = {{0, 0, 1}, {0, 1, -0.5}, {1, 1, 1.5}}, d = diag(-5, 1.5, 2), perm = {2, 1, 0}
/// \endcode
template <class Derived>
LdlResult<typename Derived::Scalar> ldl(const Eigen::MatrixBase<Derived>& a, const LdlOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "ldl: the scalar must be float, double or std::complex of either");
  detail::LdlFactor<Scalar> f{a, {}, options.lower, options.hermitian};
  (void)detail::ldl_factor_in_place("ldl", f, options.check_finite, nullptr);  // SciPy: singular is no error
  LdlResult<Scalar> result;
  detail::ldl_unpack(f, result);
  return result;
}

/// LDL^T factorization object, Eigen style: factor a symmetric or Hermitian
/// (indefinite) matrix once with compute(), check info(), then solve() as many
/// right-hand sides as needed, by ?sytrs / ?hetrs. Runs the same compiled
/// code as ldl().
///
/// \code
///   linalg::LDL<double> ldl(a);                 // only a's lower triangle is read
///   if (ldl.info() == linalg::LdlInfo::success) {
///     Vector x = ldl.solve(b);
///     double rc = ldl.rcond();                  // 1-norm reciprocal condition estimate
///     auto [lu, d, perm] = ldl.factors();       // as linalg::ldl(a)
///   }
/// \endcode
///
/// Thread safety: const members may be called concurrently; compute() may not
/// run concurrently with anything else on the same object.
template <LapackScalar Scalar>
class LDL {
 public:
  using Real = typename Eigen::NumTraits<Scalar>::Real;

  /// An empty object; compute() must be called before use.
  LDL() = default;

  /// Factors a (same as LDL().compute(a, options)).
  template <class Derived>
  explicit LDL(const Eigen::MatrixBase<Derived>& a, const LdlOptions& options = {}) {
    compute(a, options);
  }

  /// Factors a (copied; only the `lower` triangle is read). An exactly
  /// singular a is not an error here: info() reports it.
  /// Throws ValueError when a is not square or (with check_finite) not
  /// finite; the object then keeps its previous state. Warns as ldl().
  /// Complexity: O(n^3 / 3).
  template <class Derived>
  LDL& compute(const Eigen::MatrixBase<Derived>& a, const LdlOptions& options = {}) {
    static_assert(std::is_same_v<typename Derived::Scalar, Scalar>, "LDL::compute: a must have the LDL's scalar type");
    detail::LdlFactor<Scalar> f{a, {}, options.lower, options.hermitian};
    Real anorm = 0;
    const Index info = detail::ldl_factor_in_place("LDL::compute", f, options.check_finite, &anorm);
    factor_ = std::move(f);
    anorm_ = anorm;
    info_ = info;
    check_finite_ = options.check_finite;
    computed_ = true;
    return *this;
  }

  /// success, or singular when a diagonal block of d is exactly zero.
  /// Throws NotFittedError before compute().
  [[nodiscard]] LdlInfo info() const {
    require_computed("LDL::info");
    return info_ == 0 ? LdlInfo::success : LdlInfo::singular;
  }

  /// Solves a x = b; x has b's shape (a vector type in, a vector out).
  /// Throws NotFittedError before compute(); LinAlgError when a is singular;
  /// ValueError when b.rows() differs from a's order or b holds NaN / Inf
  /// (checked when compute() was asked to check).
  /// Complexity: O(n^2 k) for k right-hand sides.
  template <class DerivedB>
  auto solve(const Eigen::MatrixBase<DerivedB>& b) const {
    static_assert(std::is_same_v<typename DerivedB::Scalar, Scalar>, "LDL::solve: b must have the LDL's scalar type");
    require_factor("LDL::solve");
    std::conditional_t<DerivedB::ColsAtCompileTime == 1, VectorT<Scalar>, MatrixT<Scalar>> x = b;
    detail::ldl_solve_in_place("LDL::solve", factor_, Eigen::Ref<MatrixT<Scalar>>(x), check_finite_);
    return x;
  }

  /// LAPACK ?sycon / ?hecon's estimate of 1 / (||a||_1 ||a^-1||_1), in [0, 1];
  /// 0 when singular, 1 for an empty a. Throws NotFittedError before compute().
  /// Complexity: O(n^2).
  [[nodiscard]] Real rcond() const {
    require_computed("LDL::rcond");
    if (info_ != 0) return 0;
    return detail::ldl_rcond(factor_, anorm_);
  }

  /// ldl()'s (lu, d, perm) for the factored matrix (also when singular).
  /// Throws NotFittedError before compute(). Complexity: O(n^2).
  [[nodiscard]] LdlResult<Scalar> factors() const {
    require_computed("LDL::factors");
    LdlResult<Scalar> result;
    detail::ldl_unpack(factor_, result);
    return result;
  }

 private:
  void require_computed(const char* where) const {
    if (!computed_) detail::throw_not_computed(where);
  }
  void require_factor(const char* where) const {
    require_computed(where);
    detail::check_ldl_info(where, info_);
  }

  detail::LdlFactor<Scalar> factor_;
  Real anorm_ = 0;
  Index info_ = 0;
  bool check_finite_ = true;
  bool computed_ = false;
};

}  // namespace scilearn::linalg
