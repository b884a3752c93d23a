// Restarted GMRES (Saad & Schultz 1986): Arnoldi with modified Gram-Schmidt,
// the Hessenberg least-squares problem kept triangular by Givens rotations, and
// SciPy 1.17's tolerance control for the inner loop (scipy gh-8400): the inner
// loop watches the left-preconditioned residual estimate, each cycle ends with
// the true residual, and the inner target adapts to how far the two disagreed.
#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>

#include "krylov_common.hpp"

namespace scilearn::sparse {

namespace {

// LAPACK dlartg's convention (3.10 and later): c >= 0, r carries f's sign, so
// [c s; -s c] [f; g] = [r; 0].
struct Givens {
  double c, s, r;
};

Givens givens(double f, double g) {
  if (g == 0) return {1, 0, f};
  if (f == 0) return {0, std::copysign(1.0, g), std::abs(g)};
  const double d = std::hypot(f, g);
  const double r = std::copysign(d, f);
  return {std::abs(f) / d, g / r, r};
}

// Solves the leading (k+1) x (k+1) upper triangle of H for y in place; a zero
// right-hand entry skips its division, so a zero pivot with a zero entry (an
// exactly singular, consistent case) leaves 0 instead of NaN, as SciPy's loop.
void back_substitute(const Matrix& h, Index k, Vector& y) {
  for (Index j = k; j >= 0; --j) {
    if (y(j) == 0) continue;
    y(j) /= h(j, j);
    y.head(j) -= y(j) * h.col(j).head(j);
  }
}

void validate(const GmresOptions& options) {
  if (options.restart < 1) throw ValueError(cat("gmres: restart must be >= 1, got ", options.restart));
}

}  // namespace

KrylovResult gmres(const LinearOperator& A, const VectorView& b, const GmresOptions& options) {
  constexpr std::string_view where = "gmres";
  detail::check_square_system(where, A, b, options.x0, options.M);
  detail::check_tolerances(where, options.rtol, options.atol, options.maxiter);
  validate(options);
  const Index n = b.size();
  const double b_norm = b.norm();
  const double atol = detail::target_residual(options.rtol, options.atol, b_norm);
  if (b_norm == 0) return detail::zero_rhs_result(n);
  const int maxiter = detail::default_limit(options.maxiter, 10 * n);
  const Index restart = std::min<Index>(options.restart, n);
  constexpr double eps = std::numeric_limits<double>::epsilon();
  // SciPy drops the callback type when there is no callback: without a
  // pr_norm callback, "legacy" changes nothing.
  const bool report_pr_norm = options.callback_type != GmresCallbackType::x && options.pr_norm_callback;
  const bool legacy = options.callback_type == GmresCallbackType::legacy && report_pr_norm;
  const bool report_x = options.callback_type == GmresCallbackType::x && options.callback;

  Vector x = detail::starting_point(options.x0, n);
  Vector r;
  detail::initial_residual(A, b, x, r);
  if (r.norm() < atol) return detail::finish(std::move(x), 0, 0);

  Vector w(n), av(n);
  detail::precondition(options.M, Vector(b), w);
  double ptol_max_factor = 1;
  double ptol = w.norm() * std::min(ptol_max_factor, atol / b_norm);
  double presid = 0;
  double r_norm = 0;

  Matrix v(n, restart + 1);        // the Arnoldi basis, one vector per column
  Matrix h(restart + 1, restart);  // the rotated Hessenberg matrix
  Vector cs(restart), sn(restart), s(restart + 1);
  int inner = 0;
  for (int cycle = 0; cycle < maxiter; ++cycle) {
    detail::precondition(options.M, r, w);
    const double beta = w.norm();
    if (beta == 0 || !std::isfinite(beta)) {
      return detail::finish(std::move(x), -10, inner, "the preconditioned residual is zero or not finite");
    }
    v.col(0) = w / beta;
    s.setZero();
    s(0) = beta;
    h.setZero();
    bool breakdown = false;
    Index col = 0;
    for (;; ++col) {
      A.apply(v.col(col), av);
      detail::precondition(options.M, av, w);
      const double h0 = w.norm();
      for (Index k = 0; k <= col; ++k) {
        h(k, col) = v.col(k).dot(w);
        w -= h(k, col) * v.col(k);
      }
      const double h1 = w.norm();
      h(col + 1, col) = h1;
      v.col(col + 1) = w;
      if (h1 <= eps * h0) {
        // The Krylov space is invariant: the cycle's solution is exact.
        h(col + 1, col) = 0;
        breakdown = true;
      } else {
        v.col(col + 1) /= h1;
      }
      for (Index k = 0; k < col; ++k) {
        const double n0 = h(k, col), n1 = h(k + 1, col);
        h(k, col) = cs(k) * n0 + sn(k) * n1;
        h(k + 1, col) = -sn(k) * n0 + cs(k) * n1;
      }
      const Givens g = givens(h(col, col), h(col + 1, col));
      cs(col) = g.c;
      sn(col) = g.s;
      h(col, col) = g.r;
      h(col + 1, col) = 0;
      s(col + 1) = -g.s * s(col);
      s(col) = g.c * s(col);
      presid = std::abs(s(col + 1));
      ++inner;
      if (report_pr_norm) options.pr_norm_callback(presid / b_norm);
      if (legacy && inner == maxiter) break;
      if (presid <= ptol || breakdown || col + 1 == restart) break;
    }
    if (h(col, col) == 0) s(col) = 0;
    Vector y = s.head(col + 1);
    back_substitute(h, col, y);
    x += v.leftCols(col + 1) * y;
    A.apply(x, av);
    r = b - av;
    r_norm = r.norm();
    if (!std::isfinite(r_norm)) return detail::finish(std::move(x), -10, inner, "the residual is not finite");
    if (legacy && inner == maxiter) return detail::finish(std::move(x), r_norm <= atol ? 0 : maxiter, inner);
    if (report_x) options.callback(x);
    if (r_norm <= atol || breakdown) break;
    // The inner estimate met its target but the true residual did not: aim
    // lower next time; it missed: relax towards the plain target.
    ptol_max_factor = presid <= ptol ? std::max(eps, 0.25 * ptol_max_factor) : std::min(1.0, 1.5 * ptol_max_factor);
    ptol = presid * std::min(ptol_max_factor, atol / r_norm);
  }
  return detail::finish(std::move(x), r_norm <= atol ? 0 : maxiter, inner);
}

}  // namespace scilearn::sparse
