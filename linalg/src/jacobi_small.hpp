#pragma once
// Internal: Jacobi methods for real matrices of small order, which eigh() and
// svd() run instead of LAPACK up to kJacobiMaxOrder.
//
// Why: at these orders LAPACK's drivers spend most of their time on what each
// call costs regardless of the matrix (workspace queries and allocation, the
// reduction to tridiagonal / bidiagonal form and back, blocked-code setup):
// at order 4, dsyevr took 5.5 us and dgesdd 4.7 us a call, against 1.3 us and
// 1.5 us for the Jacobi sweeps here, which work on a stack copy of the matrix.
// Jacobi is also at least as accurate: backward stable, with vectors orthonormal to a few
// eps, and eigenvalues / singular values of graded matrices to high relative
// accuracy (Demmel & Veselic, "Jacobi's method is more accurate than QR",
// SIAM J. Matrix Anal. Appl. 13, 1992).
//
// The matrix is first scaled by a power of 2 (exact) so that its largest
// entry lies in [1/2, 1): no rotation can then overflow, and the results are
// scaled back. Each function returns false, having written nothing, when the
// method is not applicable or has not converged (non-finite entries with
// check_finite off, or entries so far below the largest that their squares
// underflow); the caller then runs LAPACK, whose answer stands.

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <type_traits>
#include <scilearn/core/types.hpp>

namespace scilearn::linalg::detail {

/// The largest order that eigh() and svd() hand to the Jacobi methods.
// Measured per call against dsyevr / dgesdd (double, one thread): Jacobi was
// 4 times faster at order 4, 2 to 3 times at 5 to 8, even at 12 and slower
// at 16 (eigh 76 us against 48 us).
inline constexpr Index kJacobiMaxOrder = 8;

namespace jacobi {

// Stack storage for the working copies.
template <class R>
using Work = Eigen::Matrix<R, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor, kJacobiMaxOrder, kJacobiMaxOrder>;
template <class R>
using WorkVector = Eigen::Matrix<R, Eigen::Dynamic, 1, Eigen::ColMajor, kJacobiMaxOrder, 1>;

// Sweeps before giving up: convergence is quadratic, and orders up to
// kJacobiMaxOrder need about 4 to 8 sweeps on any finite matrix.
inline constexpr int kMaxSweeps = 40;

// Scales m by 2^-e so that its largest |entry| lies in [1/2, 1) (e = 0 for
// the zero matrix), and returns e through *e; false when an entry is not finite.
template <class R>
bool scale_to_unit(Work<R>& m, int* e) {
  const R amax = m.cwiseAbs().maxCoeff();
  if (!std::isfinite(amax)) return false;
  *e = 0;
  if (amax == 0) return true;
  std::frexp(amax, e);
  // One multiplication by the power of 2 when it is a normal number (exact,
  // like ldexp), entry by entry ldexp otherwise (amax near the ends of the range).
  if (std::abs(*e) < std::numeric_limits<R>::max_exponent - 2) {
    m *= std::ldexp(R(1), -*e);
  } else {
    for (R& x : m.reshaped()) x = std::ldexp(x, -*e);
  }
  return true;
}

// The rotation (c, s) = (1, t) / sqrt(1 + t^2) that diagonalizes the symmetric
// 2 x 2 [[app, apq], [apq, aqq]], apq != 0, with |t| <= 1 (the smaller angle,
// Rutishauser's choice, which keeps the off-diagonal mass decreasing).
template <class R>
R rotation_tangent(R app, R aqq, R apq) {
  const R theta = (aqq - app) / (2 * apq);
  // Beyond 1/eps, sqrt(1 + theta^2) rounds to |theta|, and theta^2 may overflow.
  const R t = std::abs(theta) > 1 / std::numeric_limits<R>::epsilon()
                  ? R(0.5) / std::abs(theta)
                  : 1 / (std::abs(theta) + std::sqrt(1 + theta * theta));
  return theta < 0 ? -t : t;
}

// Applies the rotation to columns p and q of m: (m_p, m_q) <- (c m_p - s m_q, s m_p + c m_q).
template <class R>
void rotate_columns(Work<R>& m, Index p, Index q, R c, R s) {
  for (Index r = 0; r < m.rows(); ++r) {
    const R x = m(r, p);
    const R y = m(r, q);
    m(r, p) = c * x - s * y;
    m(r, q) = s * x + c * y;
  }
}

// The permutation that sorts `values` ascending (descending: largest first);
// stable, so equal values keep their order. Insertion sort: a handful of
// entries, and std::stable_sort would allocate a buffer.
template <class Values>
std::array<Index, kJacobiMaxOrder> sorting_order(const Values& values, bool descending) {
  std::array<Index, kJacobiMaxOrder> order{};
  const auto before = [&](Index i, Index j) { return descending ? values(i) > values(j) : values(i) < values(j); };
  for (Index i = 0; i < values.size(); ++i) {
    Index k = i;
    for (; k > 0 && before(i, order[k - 1]); --k) order[k] = order[k - 1];
    order[k] = i;
  }
  return order;
}

}  // namespace jacobi

/// Eigenvalues (ascending) and, with `vectors`, orthonormal eigenvectors of
/// the real symmetric n x n matrix whose triangle `lower` / upper is `a`'s,
/// n <= kJacobiMaxOrder, by the cyclic Jacobi method. Returns false (w and v
/// untouched) when not applicable; see the file comment.
template <class R>
bool jacobi_eigh(const Eigen::Ref<const MatrixT<R>>& a, bool lower, bool vectors, VectorT<R>& w, MatrixT<R>& v) {
  using jacobi::Work;
  const Index n = a.rows();
  if (n > kJacobiMaxOrder) return false;
  Work<R> m(n, n);
  for (Index j = 0; j < n; ++j) {
    for (Index i = 0; i < n; ++i) m(i, j) = (i >= j) == lower ? a(i, j) : a(j, i);
  }
  int e = 0;
  if (!jacobi::scale_to_unit(m, &e)) return false;
  Work<R> q = Work<R>::Identity(n, n);
  // An off-diagonal entry below eps sqrt(|app aqq|) no longer moves app or aqq
  // in working precision; one below `negligible` (absolutely, against the
  // largest entry's 1/2 to 1) is far below the backward error eps ||a||.
  constexpr R eps = std::numeric_limits<R>::epsilon() / 2;
  constexpr R negligible = std::numeric_limits<R>::min() / std::numeric_limits<R>::epsilon();
  bool converged = false;
  for (int sweep = 0; sweep < jacobi::kMaxSweeps && !converged; ++sweep) {
    converged = true;
    for (Index p = 0; p + 1 < n; ++p) {
      for (Index r = p + 1; r < n; ++r) {
        const R apq = m(p, r);
        const R app = m(p, p);
        const R arr = m(r, r);
        if (std::abs(apq) <= std::max(eps * std::sqrt(std::abs(app) * std::abs(arr)), negligible)) continue;
        converged = false;
        const R t = jacobi::rotation_tangent(app, arr, apq);
        const R c = 1 / std::sqrt(1 + t * t);
        const R s = t * c;
        // m <- J^T m J, J the rotation in the (p, r) plane. Off the 2 x 2
        // block, rows p, r are the transposes of columns p, r (m stays
        // symmetric); the block itself comes from the closed form
        // (Rutishauser), more accurate than rotating its entries.
        for (Index k = 0; k < n; ++k) {
          if (k == p || k == r) continue;
          const R x = m(k, p);
          const R y = m(k, r);
          m(k, p) = m(p, k) = c * x - s * y;
          m(k, r) = m(r, k) = s * x + c * y;
        }
        m(p, p) = app - t * apq;
        m(r, r) = arr + t * apq;
        m(p, r) = 0;
        m(r, p) = 0;
        if (vectors) jacobi::rotate_columns(q, p, r, c, s);
      }
    }
  }
  if (!converged) return false;
  const jacobi::WorkVector<R> d = m.diagonal();
  const auto order = jacobi::sorting_order(d, /*descending=*/false);
  w.resize(n);
  for (Index i = 0; i < n; ++i) w(i) = std::ldexp(d(order[i]), e);
  if (vectors) {
    v.resize(n, n);
    for (Index i = 0; i < n; ++i) v.col(i) = q.col(order[i]);
  }
  return true;
}

/// The singular values (descending) and, with `vectors`, u and vh of the real
/// square n x n matrix a, n <= kJacobiMaxOrder, by the one-sided Jacobi method
/// (Hestenes): rotations from the right make a's columns orthogonal; their
/// norms are the singular values, the normalized columns u, and the
/// accumulated rotations v. Returns false (outputs untouched) when not
/// applicable; see the file comment.
template <class R>
bool jacobi_svd(const Eigen::Ref<const MatrixT<R>>& a, bool vectors, VectorT<R>& s, MatrixT<R>& u, MatrixT<R>& vh) {
  using jacobi::Work;
  const Index n = a.rows();
  if (n != a.cols() || n > kJacobiMaxOrder) return false;
  Work<R> g = a;
  int e = 0;
  if (!jacobi::scale_to_unit(g, &e)) return false;
  Work<R> v = Work<R>::Identity(n, n);
  // Columns p and q count as orthogonal once |g_p . g_q| <= tol ||g_p|| ||g_q||;
  // the computed dot product itself errs by up to about n eps ||g_p|| ||g_q||,
  // so a smaller tol could keep rotating on rounding noise. The squared norms
  // and dot products accumulate in Acc (double for float), whose range keeps
  // the squares of a float matrix's smallest columns clear of underflow. A
  // column has lost digits all the same when its norm^2 falls below `tiny`:
  // in double, where the squares themselves underflow; in float, where the
  // column's own entries become subnormal. LAPACK takes over then.
  using Acc = std::conditional_t<std::is_same_v<R, float>, double, R>;
  const Acc tol = static_cast<Acc>(n) * std::numeric_limits<R>::epsilon();
  constexpr Acc tiny_entry = Acc(std::numeric_limits<R>::min()) / std::numeric_limits<R>::epsilon();
  constexpr Acc tiny = std::is_same_v<Acc, R> ? tiny_entry : tiny_entry * tiny_entry;
  bool converged = false;
  for (int sweep = 0; sweep < jacobi::kMaxSweeps && !converged; ++sweep) {
    converged = true;
    for (Index p = 0; p + 1 < n; ++p) {
      for (Index q = p + 1; q < n; ++q) {
        Acc alpha = 0;
        Acc beta = 0;
        Acc gamma = 0;
        for (Index k = 0; k < n; ++k) {
          const Acc x = g(k, p);
          const Acc y = g(k, q);
          alpha += x * x;
          beta += y * y;
          gamma += x * y;
        }
        if (std::abs(gamma) <= tol * std::sqrt(alpha) * std::sqrt(beta)) continue;
        converged = false;
        // The rotation that diagonalizes the Gram matrix [[alpha, gamma], [gamma, beta]].
        const Acc t = jacobi::rotation_tangent(alpha, beta, gamma);
        const auto c = static_cast<R>(1 / std::sqrt(1 + t * t));
        const auto sn = static_cast<R>(t / std::sqrt(1 + t * t));
        jacobi::rotate_columns(g, p, q, c, sn);
        jacobi::rotate_columns(v, p, q, c, sn);
      }
    }
  }
  if (!converged) return false;
  jacobi::WorkVector<R> sigma(n);
  for (Index j = 0; j < n; ++j) {
    const Acc norm2 = g.col(j).template cast<Acc>().squaredNorm();
    if (norm2 < tiny && !g.col(j).isZero(0)) return false;
    sigma(j) = static_cast<R>(std::sqrt(norm2));
  }
  const auto order = jacobi::sorting_order(sigma, /*descending=*/true);
  s.resize(n);
  for (Index i = 0; i < n; ++i) s(i) = std::ldexp(sigma(order[i]), e);
  if (!vectors) return true;
  u.resize(n, n);
  vh.resize(n, n);
  for (Index i = 0; i < n; ++i) {
    const Index k = order[i];
    vh.row(i) = v.col(k).transpose();
    if (sigma(k) > 0) {
      u.col(i) = g.col(k) / sigma(k);
      continue;
    }
    // A zero column (sorted last): complete u with the unit vector farthest
    // from the columns so far, orthogonalized against them twice (Gram-Schmidt
    // with reorthogonalization, orthogonal to working precision).
    R best = -1;
    for (Index m = 0; m < n; ++m) {
      VectorT<R> x = VectorT<R>::Unit(n, m);
      for (int pass = 0; pass < 2; ++pass) x -= u.leftCols(i) * (u.leftCols(i).transpose() * x);
      const R norm = x.norm();
      if (norm > best) {
        best = norm;
        u.col(i) = x / norm;
      }
    }
  }
  return true;
}

}  // namespace scilearn::linalg::detail
