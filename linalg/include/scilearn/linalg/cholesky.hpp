#pragma once
/// \file
/// Cholesky decomposition of a Hermitian (real: symmetric) positive definite
/// matrix, as scipy.linalg.cholesky, cho_factor and cho_solve, and
/// linalg::Cholesky, a factorization object (Eigen style) that factors once
/// and solves many right-hand sides.

#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>
#include <type_traits>
#include <utility>

namespace scilearn::linalg {

/// Options of cholesky(), cho_factor() and Cholesky::compute(), with SciPy's
/// names and defaults.
struct CholeskyOptions {
  /// Compute a = l l^H (true) or a = u^H u (false). Only that triangle of a is
  /// read; the other one is assumed to mirror it (a Hermitian).
  bool lower = false;
  /// Check that all of a (both triangles, as SciPy) contains only finite
  /// numbers (ValueError otherwise).
  bool check_finite = true;
};

/// Result of cho_factor(), SciPy's (c, lower) pair: the input of cho_solve().
template <LapackScalar Scalar>
struct ChoFactor {
  /// n x n: the factor in the triangle given by `lower` (diagonal included).
  /// The other, strict triangle holds a's entries unchanged (SciPy documents
  /// it as "random data"; in SciPy 1.17.1 it is, as here, a's entries).
  MatrixT<Scalar> c;
  /// Whether c holds l (a = l l^H) in its lower triangle, or u (a = u^H u) in its upper.
  bool lower = false;
};

/// Options of cho_solve().
struct ChoSolveOptions {
  /// Check that c (all of it, as SciPy) and b contain only finite numbers.
  bool check_finite = true;
};

/// Status of a Cholesky factorization (Cholesky::info()).
enum class CholeskyInfo {
  success,                ///< a is positive definite: solve() can be used
  not_positive_definite,  ///< a leading minor is not positive: solve() throws
};

namespace detail {
// The compiled implementation, one plain overload per LAPACK scalar type.

/// Factors c (a on entry) in place by ?potrf, after validating a (square;
/// finite when check_finite). With `clean`, zeroes the triangle outside the
/// factor. When anorm is not null, *anorm receives the 1-norm of the Hermitian
/// matrix that the chosen triangle defines (for rcond). Returns 0, or the
/// order of the first leading minor that is not positive.
Index cholesky_in_place(const char* where, MatrixT<float>& c, const CholeskyOptions& options, bool clean, float* anorm);
Index cholesky_in_place(const char* where, MatrixT<double>& c, const CholeskyOptions& options, bool clean,
                        double* anorm);
Index cholesky_in_place(const char* where, MatrixT<std::complex<float>>& c, const CholeskyOptions& options, bool clean,
                        float* anorm);
Index cholesky_in_place(const char* where, MatrixT<std::complex<double>>& c, const CholeskyOptions& options, bool clean,
                        double* anorm);

/// Throws LinAlgError naming `where` and the order when info (from cholesky_in_place) > 0.
void check_positive_definite(const char* where, Index info);

/// Validates the factor and x, then solves in place by ?potrs: x holds b on
/// entry and the solution on exit.
void cho_solve_in_place(const char* where, const ChoFactor<float>& f, Eigen::Ref<MatrixT<float>> x,
                        const ChoSolveOptions& options);
void cho_solve_in_place(const char* where, const ChoFactor<double>& f, Eigen::Ref<MatrixT<double>> x,
                        const ChoSolveOptions& options);
void cho_solve_in_place(const char* where, const ChoFactor<std::complex<float>>& f,
                        Eigen::Ref<MatrixT<std::complex<float>>> x, const ChoSolveOptions& options);
void cho_solve_in_place(const char* where, const ChoFactor<std::complex<double>>& f,
                        Eigen::Ref<MatrixT<std::complex<double>>> x, const ChoSolveOptions& options);

/// ?pocon's reciprocal 1-norm condition estimate of a successful factor.
float cho_rcond(const ChoFactor<float>& f, float anorm);
double cho_rcond(const ChoFactor<double>& f, double anorm);
float cho_rcond(const ChoFactor<std::complex<float>>& f, float anorm);
double cho_rcond(const ChoFactor<std::complex<double>>& f, double anorm);

/// Throws NotFittedError naming `where` (also declared in lu.hpp; defined in lu.cpp).
[[noreturn]] void throw_not_computed(const char* where);
}  // namespace detail

/// Cholesky factor of a Hermitian positive definite matrix, as scipy.linalg.cholesky:
/// u with a = u^H u (default), or l with a = l l^H (lower).
///
/// \param a        n x n matrix (float, double, std::complex<float> or
///                 std::complex<double>); any Eigen dense expression. Only the
///                 triangle named by `lower` is read.
/// \returns        the n x n triangular factor, zero outside its triangle; the
///                 diagonal is real and positive. Empty a: a 0 x 0 result.
///
/// Requires: a square; finite entries (when check_finite).
/// Ensures:  a is not modified; ||a - u^H u|| of order n eps ||a|| (LAPACK
///           ?potrf is backward stable).
/// Throws:   ValueError when a is not square or holds NaN / Inf;
///           LinAlgError "cholesky: the leading minor of order k is not
///           positive definite" when a is not positive definite (SciPy:
///           "k-th leading minor of the array is not positive definite").
/// Complexity: O(n^3 / 3) time, O(n^2) memory.
///
/// Example:
/// \code
///   Matrix a{{4, 2}, {2, 5}};
///   Matrix u = scilearn::linalg::cholesky(a);                  // {{2, 1}, {0, 2}}
///   Matrix l = scilearn::linalg::cholesky(a, {.lower = true}); // u^T
/// \endcode
template <class Derived>
MatrixT<typename Derived::Scalar> cholesky(const Eigen::MatrixBase<Derived>& a, const CholeskyOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "cholesky: the scalar must be float, double or std::complex of either");
  MatrixT<Scalar> c = a;
  detail::check_positive_definite("cholesky",
                                  detail::cholesky_in_place("cholesky", c, options, /*clean=*/true, nullptr));
  return c;
}

/// Cholesky factorization for cho_solve(), as scipy.linalg.cho_factor.
///
/// \returns  ChoFactor{c, lower}: the factor in c's `lower` triangle, a's
///           entries in the other one (see ChoFactor::c). Empty a: 0 x 0 c.
/// Requires, Ensures, Throws, Complexity: as cholesky() (messages name cho_factor).
template <class Derived>
ChoFactor<typename Derived::Scalar> cho_factor(const Eigen::MatrixBase<Derived>& a,
                                               const CholeskyOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "cho_factor: the scalar must be float, double or std::complex of either");
  ChoFactor<Scalar> f{a, options.lower};
  detail::check_positive_definite("cho_factor",
                                  detail::cholesky_in_place("cho_factor", f.c, options, /*clean=*/false, nullptr));
  return f;
}

/// Solves a x = b from cho_factor(a), as scipy.linalg.cho_solve.
///
/// \param c_and_lower  the result of cho_factor() (only c's `lower` triangle is used).
/// \param b            a vector of n entries or an n x k matrix, a's scalar type.
/// \returns            x with b's shape (a vector type in, a vector out);
///                     empty b: empty x of b's shape.
///
/// Requires: c square; b.rows() == n.
/// Ensures:  c_and_lower and b are not modified. Backward stable.
/// Throws:   ValueError when c is not square, b's rows disagree, or (with
///           check_finite) c or b holds NaN / Inf.
/// Complexity: O(n^2 k).
template <class DerivedB, class Scalar = typename DerivedB::Scalar>
auto cho_solve(const ChoFactor<Scalar>& c_and_lower, const Eigen::MatrixBase<DerivedB>& b,
               const ChoSolveOptions& options = {}) {
  static_assert(std::is_same_v<Scalar, typename DerivedB::Scalar>, "cho_solve: c and b must have the same scalar type");
  std::conditional_t<DerivedB::ColsAtCompileTime == 1, VectorT<Scalar>, MatrixT<Scalar>> x = b;
  detail::cho_solve_in_place("cho_solve", c_and_lower, Eigen::Ref<MatrixT<Scalar>>(x), options);
  return x;
}

/// Cholesky factorization object, Eigen style: factor a Hermitian positive
/// definite matrix once with compute(), check info(), then solve() as many
/// right-hand sides as needed. Runs the same compiled code as cho_factor() /
/// cho_solve().
///
/// \code
///   linalg::Cholesky<double> chol(a, {.lower = true});
///   if (chol.info() == linalg::CholeskyInfo::success) {
///     Vector x = chol.solve(b);
///     Matrix l = chol.matrixL();                 // a = l l^T
///   }
/// \endcode
///
/// Thread safety: const members may be called concurrently; compute() may not
/// run concurrently with anything else on the same object.
template <LapackScalar Scalar>
class Cholesky {
 public:
  using Real = typename Eigen::NumTraits<Scalar>::Real;

  /// An empty object; compute() must be called before use.
  Cholesky() = default;

  /// Factors a (same as Cholesky().compute(a, options)).
  template <class Derived>
  explicit Cholesky(const Eigen::MatrixBase<Derived>& a, const CholeskyOptions& options = {}) {
    compute(a, options);
  }

  /// Factors a (copied; only the `lower` triangle is read). A matrix that is
  /// not positive definite is not an error here: info() reports it.
  /// Throws ValueError when a is not square or (with check_finite) not
  /// finite; the object then keeps its previous state.
  /// Complexity: O(n^3 / 3).
  template <class Derived>
  Cholesky& compute(const Eigen::MatrixBase<Derived>& a, const CholeskyOptions& options = {}) {
    static_assert(std::is_same_v<typename Derived::Scalar, Scalar>,
                  "Cholesky::compute: a must have the Cholesky's scalar type");
    ChoFactor<Scalar> f{a, options.lower};
    Real anorm = 0;
    const Index info = detail::cholesky_in_place("Cholesky::compute", f.c, options, /*clean=*/true, &anorm);
    factor_ = std::move(f);
    anorm_ = anorm;
    failed_order_ = info;
    check_finite_ = options.check_finite;
    computed_ = true;
    return *this;
  }

  /// success, or not_positive_definite. Throws NotFittedError before compute().
  [[nodiscard]] CholeskyInfo info() const {
    require_computed("Cholesky::info");
    return failed_order_ == 0 ? CholeskyInfo::success : CholeskyInfo::not_positive_definite;
  }

  /// Solves a x = b; x has b's shape.
  /// Throws NotFittedError before compute(); LinAlgError when a is not
  /// positive definite; ValueError when b.rows() differs from a's order or b
  /// holds NaN / Inf (checked when compute() was asked to check).
  /// Complexity: O(n^2 k) for k right-hand sides.
  template <class DerivedB>
  auto solve(const Eigen::MatrixBase<DerivedB>& b) const {
    static_assert(std::is_same_v<typename DerivedB::Scalar, Scalar>,
                  "Cholesky::solve: b must have the Cholesky's scalar type");
    require_factor("Cholesky::solve");
    std::conditional_t<DerivedB::ColsAtCompileTime == 1, VectorT<Scalar>, MatrixT<Scalar>> x = b;
    detail::cho_solve_in_place("Cholesky::solve", factor_, Eigen::Ref<MatrixT<Scalar>>(x),
                               {.check_finite = check_finite_});
    return x;
  }

  /// LAPACK ?pocon's estimate of 1 / (||a||_1 ||a^-1||_1), in [0, 1]; 1 for
  /// an empty a. Throws as solve() when there is no factor. Complexity: O(n^2).
  [[nodiscard]] Real rcond() const {
    require_factor("Cholesky::rcond");
    return detail::cho_rcond(factor_, anorm_);
  }

  /// The lower triangular factor l, a = l l^H (zero above the diagonal),
  /// whichever triangle compute() used. Throws as solve() when there is no factor.
  [[nodiscard]] MatrixT<Scalar> matrixL() const {
    require_factor("Cholesky::matrixL");
    if (factor_.lower) return factor_.c;
    return factor_.c.adjoint();
  }
  /// The upper triangular factor u = l^H, a = u^H u.
  [[nodiscard]] MatrixT<Scalar> matrixU() const {
    require_factor("Cholesky::matrixU");
    if (!factor_.lower) return factor_.c;
    return factor_.c.adjoint();
  }
  /// The factor as cho_factor() returns it (here zero outside its triangle):
  /// cho_solve(chol.factor(), b) == chol.solve(b).
  [[nodiscard]] const ChoFactor<Scalar>& factor() const {
    require_factor("Cholesky::factor");
    return factor_;
  }

 private:
  void require_computed(const char* where) const {
    if (!computed_) detail::throw_not_computed(where);
  }
  void require_factor(const char* where) const {
    require_computed(where);
    detail::check_positive_definite(where, failed_order_);
  }

  ChoFactor<Scalar> factor_;
  Real anorm_ = 0;
  Index failed_order_ = 0;
  bool check_finite_ = true;
  bool computed_ = false;
};

}  // namespace scilearn::linalg
