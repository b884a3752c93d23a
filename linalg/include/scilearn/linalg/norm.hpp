#pragma once
/// \file
/// linalg::norm (scipy.linalg.norm) and linalg::cond (numpy.linalg.cond):
/// vector and matrix norms, and the condition number in any of the matrix norms.

#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>

namespace scilearn::linalg {

/// The order of a norm: SciPy's / NumPy's `ord` argument of norm() and `p` of
/// cond(). Default-constructed it is None (the 2-norm of a vector, the
/// Frobenius norm of a matrix for norm(); the 2-norm for cond()); a number
/// converts implicitly; 'fro' and 'nuc' are NormOrder::fro() and NormOrder::nuc().
///
/// | order | vector x | matrix a |
/// |---|---|---|
/// | none (default) | 2-norm | Frobenius (norm) / 2-norm (cond) |
/// | fro() | ValueError | sqrt(sum \|a_ij\|^2) |
/// | nuc() | ValueError | sum of the singular values |
/// | inf | max \|x_i\| | max row sum of \|a_ij\| |
/// | -inf | min \|x_i\| | min row sum |
/// | 0 | number of non-zero entries | ValueError |
/// | 1 | sum \|x_i\| | max column sum |
/// | -1 | (sum \|x_i\|^-1)^-1 | min column sum |
/// | 2 | 2-norm | largest singular value |
/// | -2 | (sum \|x_i\|^-2)^(-1/2) | smallest singular value |
/// | other p | (sum \|x_i\|^p)^(1/p) | ValueError |
///
/// \code
///   linalg::norm(x);                              // 2-norm of a vector
///   linalg::norm(x, 1);                           // 1-norm
///   linalg::norm(a, std::numeric_limits<double>::infinity());
///   linalg::norm(a, linalg::NormOrder::nuc());    // nuclear norm
/// \endcode
struct NormOrder {
  /// Which family of order.
  enum class Kind {
    none,  ///< SciPy's ord=None
    p,     ///< a number (p holds it)
    fro,   ///< 'fro'
    nuc,   ///< 'nuc'
  };
  Kind kind = Kind::none;  ///< the family
  double p = 0;            ///< the number, for Kind::p

  /// None.
  constexpr NormOrder() = default;
  /// A numeric order (implicit, so norm(x, 1) reads as in SciPy).
  constexpr NormOrder(double value) : kind(Kind::p), p(value) {}  // NOLINT(google-explicit-constructor)
  /// 'fro', the Frobenius norm (matrices only).
  static constexpr NormOrder fro() { return NormOrder(Kind::fro); }
  /// 'nuc', the nuclear norm (matrices only).
  static constexpr NormOrder nuc() { return NormOrder(Kind::nuc); }

 private:
  constexpr explicit NormOrder(Kind k) : kind(k) {}
};

namespace detail {
/// The compiled norms and condition numbers, one plain overload per LAPACK scalar type.
float vector_norm(const Eigen::Ref<const VectorT<float>>& x, NormOrder ord, bool check_finite);
double vector_norm(const Eigen::Ref<const VectorT<double>>& x, NormOrder ord, bool check_finite);
float vector_norm(const Eigen::Ref<const VectorT<std::complex<float>>>& x, NormOrder ord, bool check_finite);
double vector_norm(const Eigen::Ref<const VectorT<std::complex<double>>>& x, NormOrder ord, bool check_finite);

float matrix_norm(const Eigen::Ref<const MatrixT<float>>& a, NormOrder ord, bool check_finite);
double matrix_norm(const Eigen::Ref<const MatrixT<double>>& a, NormOrder ord, bool check_finite);
float matrix_norm(const Eigen::Ref<const MatrixT<std::complex<float>>>& a, NormOrder ord, bool check_finite);
double matrix_norm(const Eigen::Ref<const MatrixT<std::complex<double>>>& a, NormOrder ord, bool check_finite);

float cond(const Eigen::Ref<const MatrixT<float>>& a, NormOrder p, bool check_finite);
double cond(const Eigen::Ref<const MatrixT<double>>& a, NormOrder p, bool check_finite);
float cond(const Eigen::Ref<const MatrixT<std::complex<float>>>& a, NormOrder p, bool check_finite);
double cond(const Eigen::Ref<const MatrixT<std::complex<double>>>& a, NormOrder p, bool check_finite);
}  // namespace detail

/// A vector or matrix norm, as scipy.linalg.norm(a, ord) (NumPy's semantics;
/// see NormOrder for every order).
///
/// \param a             a vector type (Eigen's IsVectorAtCompileTime: VectorT,
///                      a row vector, a column or row block), which takes the
///                      vector norms as SciPy's 1-D arrays; or any other dense
///                      matrix expression, which takes the matrix norms (even
///                      with one row or column, as a 2-D array). float, double,
///                      std::complex<float> or std::complex<double>.
/// \param ord           the order (default: none).
/// \param check_finite  ValueError on NaN / Inf (SciPy's default: true).
/// \returns             the norm in the real type of a's scalar (float for
///                      std::complex<float>, as SciPy). Empty a, as SciPy 1.17.1:
///                      0 for every order except those that take a minimum over
///                      no values (vector -inf; matrix -2 always, -1 with no
///                      columns, -inf with no rows), which throw; a vector
///                      p < 0 gives inf.
///
/// Requires: an order valid for a vector or a matrix (table in NormOrder).
/// Ensures:  a is not modified. The 2-norm of a vector and the Frobenius norm
///           are computed with scaling (no overflow or underflow in the sum of
///           squares, where NumPy's sqrt(sum(|a|^2)) has one); the others as
///           NumPy. Matrix 2, -2 and nuc use the singular values (?gesdd).
/// Throws:   ValueError for an order invalid for the shape ("norm: invalid norm
///           order ..."), a minimum over no values, a NaN order, or NaN / Inf in a
///           (with check_finite); LinAlgError when the SVD does not converge.
/// Complexity: O(size) for all but matrix 2 / -2 / nuc: O(m n min(m, n)).
/// Not offered: SciPy's axis and keepdims (use Eigen's colwise() / rowwise()).
///
/// Example:
/// \code
///   Vector x{{3, 0, -4}};
///   double two = scilearn::linalg::norm(x);       // 5
///   double one = scilearn::linalg::norm(x, 1);    // 7
///   double nnz = scilearn::linalg::norm(x, 0);    // 2
///   Matrix a{{1, 2}, {3, 4}};
///   double fro = scilearn::linalg::norm(a);       // sqrt(30)
///   double nuc = scilearn::linalg::norm(a, scilearn::linalg::NormOrder::nuc());
/// \endcode
template <class Derived>
typename Eigen::NumTraits<typename Derived::Scalar>::Real norm(const Eigen::MatrixBase<Derived>& a, NormOrder ord = {},
                                                               bool check_finite = true) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "norm: the scalar must be float, double or std::complex of either");
  if constexpr (Derived::IsVectorAtCompileTime) {
    if constexpr (Derived::ColsAtCompileTime == 1) {
      return detail::vector_norm(Eigen::Ref<const VectorT<Scalar>>(a), ord, check_finite);
    } else {
      return detail::vector_norm(Eigen::Ref<const VectorT<Scalar>>(a.transpose()), ord, check_finite);
    }
  } else {
    return detail::matrix_norm(Eigen::Ref<const MatrixT<Scalar>>(a), ord, check_finite);
  }
}

/// The condition number of a matrix, as numpy.linalg.cond(x, p):
/// s_max / s_min for p = none or 2 (any m x n), s_min / s_max for p = -2;
/// norm(a, p) * norm(a^-1, p) for fro, nuc, 1, -1, inf, -inf (square a).
///
/// \param a             m x n matrix (square unless p is none, 2 or -2).
/// \param p             none, 2, -2, 1, -1, inf, -inf, NormOrder::fro() or NormOrder::nuc().
/// \param check_finite  ValueError on NaN / Inf (NumPy has no such argument; its
///                      SVD fails on NaN instead).
/// \returns             the condition number in a's real type. As NumPy: inf
///                      for a singular a (s_min = 0, an exactly zero LU pivot, or
///                      0 / 0 for a zero matrix); no warning is raised.
///
/// Requires: a not empty; a square for the norms other than none / 2 / -2.
/// Ensures:  a is not modified. p = none / 2 / -2 use the singular values
///           (?gesdd); the others a's LU factors (?getrf) and inverse (?getri).
/// Throws:   LinAlgError "cond: cond is not defined on empty arrays" for an
///           empty a (as NumPy) or when the SVD does not converge; ValueError for
///           an invalid p, a non-square a with a p that needs the inverse
///           (NumPy raises LinAlgError there), or NaN / Inf (with check_finite).
/// Complexity: O(m n min(m, n)) (SVD) or O(n^3) (LU and inverse), O(m n) memory.
/// Note:     NumPy 2.4 raises "SVD did not converge" for cond(singular, 'nuc')
///           (the SVD of its NaN inverse); here it is inf, as for every other p.
///
/// Example:
/// \code
///   Matrix a{{1, 0}, {0, 1e-3}};
///   double k2 = scilearn::linalg::cond(a);        // 1000
///   double k1 = scilearn::linalg::cond(a, 1);     // 1000
/// \endcode
template <class Derived>
typename Eigen::NumTraits<typename Derived::Scalar>::Real cond(const Eigen::MatrixBase<Derived>& a, NormOrder p = {},
                                                               bool check_finite = true) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "cond: the scalar must be float, double or std::complex of either");
  return detail::cond(Eigen::Ref<const MatrixT<Scalar>>(a), p, check_finite);
}

}  // namespace scilearn::linalg
