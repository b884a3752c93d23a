// Preconditioned conjugate gradients, following the loop of Barrett et al.,
// "Templates for the Solution of Linear Systems" (1994), Fig. 2.5, with
// SciPy 1.17's stopping test at the top of each iteration.
#include <cmath>

#include "krylov_common.hpp"

namespace scilearn::sparse {

KrylovResult cg(const LinearOperator& A, const VectorView& b, const KrylovOptions& options) {
  constexpr std::string_view where = "cg";
  detail::check_square_system(where, A, b, options.x0, options.M);
  detail::check_tolerances(where, options.rtol, options.atol, options.maxiter);
  const Index n = b.size();
  const double b_norm = b.norm();
  const double atol = detail::target_residual(options.rtol, options.atol, b_norm);
  if (b_norm == 0) return detail::zero_rhs_result(n);
  const int maxiter = detail::default_limit(options.maxiter, 10 * n);

  Vector x = detail::starting_point(options.x0, n);
  Vector r;
  detail::initial_residual(A, b, x, r);
  Vector z(n), p(n), q(n);
  double rho_prev = 0;
  for (int it = 0; it < maxiter; ++it) {
    const double r_norm = r.norm();
    if (r_norm < atol) return detail::finish(std::move(x), 0, it);
    if (!std::isfinite(r_norm)) return detail::finish(std::move(x), -10, it, "the residual is not finite");
    detail::precondition(options.M, r, z);
    const double rho = r.dot(z);
    if (it > 0) {
      p = z + (rho / rho_prev) * p;
    } else {
      p = z;
    }
    A.apply(p, q);
    const double pq = p.dot(q);
    // SciPy divides regardless and carries NaN to maxiter; stopping here says why.
    if (pq == 0 || !std::isfinite(pq)) {
      return detail::finish(std::move(x), -10, it, "p^T A p is zero or not finite (A or M not positive definite?)");
    }
    const double alpha = rho / pq;
    x += alpha * p;
    r -= alpha * q;
    rho_prev = rho;
    if (options.callback) options.callback(x);
  }
  return detail::finish(std::move(x), maxiter, maxiter);
}

}  // namespace scilearn::sparse
