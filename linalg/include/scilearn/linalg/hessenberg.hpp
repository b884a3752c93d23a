#pragma once
/// \file
/// Hessenberg form of a square matrix, as scipy.linalg.hessenberg.

#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>

namespace scilearn::linalg {

/// Options of hessenberg(), with SciPy's names and defaults (SciPy's
/// overwrite_a has no counterpart: a is never overwritten).
struct HessenbergOptions {
  /// Also compute the unitary transformation q (a = q h q^H).
  bool calc_q = false;
  /// Check that a contains only finite numbers (ValueError otherwise).
  bool check_finite = true;
};

/// Result of hessenberg(): a = q h q^H.
template <LapackScalar Scalar>
struct HessenbergResult {
  /// n x n upper Hessenberg matrix (zero below the first subdiagonal).
  MatrixT<Scalar> h;
  /// n x n orthogonal (unitary) q with calc_q; 0 x 0 without it (SciPy then
  /// returns h alone).
  MatrixT<Scalar> q;
};

namespace detail {
/// Validates a, then overwrites it by h by ?gehrd; forms q by ?orghr / ?unghr when calc_q.
void hessenberg_in_place(MatrixT<float>& a, MatrixT<float>& q, const HessenbergOptions& options);
void hessenberg_in_place(MatrixT<double>& a, MatrixT<double>& q, const HessenbergOptions& options);
void hessenberg_in_place(MatrixT<std::complex<float>>& a, MatrixT<std::complex<float>>& q,
                         const HessenbergOptions& options);
void hessenberg_in_place(MatrixT<std::complex<double>>& a, MatrixT<std::complex<double>>& q,
                         const HessenbergOptions& options);
}  // namespace detail

/// Hessenberg decomposition a = q h q^H, as scipy.linalg.hessenberg, by LAPACK
/// ?gehrd (Householder reflections) and ?orghr / ?unghr for q.
///
/// \param a        n x n matrix (float, double, std::complex<float> or
///                 std::complex<double>); any Eigen dense expression.
/// \param options  calc_q, check_finite (see HessenbergOptions).
/// \returns        HessenbergResult{h, q}; q is 0 x 0 unless calc_q. As SciPy,
///                 an a of order 1 or 2 is returned as is, with q the identity.
///                 Empty a: 0 x 0 h (and q with calc_q).
///
/// Requires: a square; finite entries (when check_finite).
/// Ensures:  a is not modified; h(i, j) = 0 for i > j + 1; q unitary and
///           ||a - q h q^H|| of order n eps ||a|| (backward stable).
/// Throws:   ValueError when a is not square or holds NaN / Inf.
/// Complexity: O(10 n^3 / 3) flops for h, O(4 n^3 / 3) more for q; O(n^2) memory.
///
/// Example:
/// \code
///   Matrix a{{2, 5, 8, 7}, {5, 2, 2, 8}, {7, 5, 6, 6}, {5, 4, 4, 8}};
///   auto [h, q] = scilearn::linalg::hessenberg(a, {.calc_q = true});
///   // h(2, 0) == h(3, 0) == h(3, 1) == 0, a == q h q^T up to rounding
/// \endcode
template <class Derived>
HessenbergResult<typename Derived::Scalar> hessenberg(const Eigen::MatrixBase<Derived>& a,
                                                      const HessenbergOptions& options = {}) {
  using Scalar = typename Derived::Scalar;
  static_assert(is_lapack_scalar_v<Scalar>, "hessenberg: the scalar must be float, double or std::complex of either");
  HessenbergResult<Scalar> result;
  result.h = a;
  detail::hessenberg_in_place(result.h, result.q, options);
  return result;
}

}  // namespace scilearn::linalg
