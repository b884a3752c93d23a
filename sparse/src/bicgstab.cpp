// BiCGSTAB (van der Vorst 1992) with right preconditioning, following Barrett
// et al., "Templates" (1994), Fig. 2.10, with SciPy 1.17's breakdown tests and
// codes (-10: rho, -11: omega or r~^T v).
#include <cmath>
#include <limits>

#include "krylov_common.hpp"

namespace scilearn::sparse {

KrylovResult bicgstab(const LinearOperator& A, const VectorView& b, const KrylovOptions& options) {
  constexpr std::string_view where = "bicgstab";
  detail::check_square_system(where, A, b, options.x0, options.M);
  detail::check_tolerances(where, options.rtol, options.atol, options.maxiter);
  const Index n = b.size();
  const double b_norm = b.norm();
  const double atol = detail::target_residual(options.rtol, options.atol, b_norm);
  if (b_norm == 0) return detail::zero_rhs_result(n);
  const int maxiter = detail::default_limit(options.maxiter, 10 * n);
  // SciPy keeps the templates' thresholds, eps^2 (its comment doubts them too).
  constexpr double eps = std::numeric_limits<double>::epsilon();
  constexpr double rhotol = eps * eps;
  constexpr double omegatol = rhotol;

  Vector x = detail::starting_point(options.x0, n);
  Vector r;
  detail::initial_residual(A, b, x, r);
  const Vector r_tilde = r;
  Vector p(n), p_hat(n), v(n), s_hat(n), t(n);
  double rho_prev = 0, alpha = 0, omega = 0;
  for (int it = 0; it < maxiter; ++it) {
    const double r_norm = r.norm();
    if (r_norm < atol) return detail::finish(std::move(x), 0, it);
    if (!std::isfinite(r_norm)) return detail::finish(std::move(x), -10, it, "the residual is not finite");
    const double rho = r_tilde.dot(r);
    if (std::abs(rho) < rhotol) return detail::finish(std::move(x), -10, it, "rho = r~^T r vanished");
    if (it > 0) {
      if (std::abs(omega) < omegatol) return detail::finish(std::move(x), -11, it, "omega vanished");
      const double beta = (rho / rho_prev) * (alpha / omega);
      p = r + beta * (p - omega * v);
    } else {
      p = r;
    }
    detail::precondition(options.M, p, p_hat);
    A.apply(p_hat, v);
    const double rv = r_tilde.dot(v);
    if (rv == 0) return detail::finish(std::move(x), -11, it, "r~^T A p vanished");
    alpha = rho / rv;
    r -= alpha * v;  // r is now s, the half-step residual
    if (r.norm() < atol) {
      x += alpha * p_hat;
      return detail::finish(std::move(x), 0, it + 1);
    }
    detail::precondition(options.M, r, s_hat);
    A.apply(s_hat, t);
    omega = t.dot(r) / t.squaredNorm();
    x += alpha * p_hat + omega * s_hat;
    r -= omega * t;
    rho_prev = rho;
    if (options.callback) options.callback(x);
  }
  return detail::finish(std::move(x), maxiter, maxiter);
}

}  // namespace scilearn::sparse
