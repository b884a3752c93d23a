#include <cmath>

#include "line_search.hpp"
#include "minimize_methods.hpp"

namespace scilearn::optimize::detail {

// SciPy's _minimize_bfgs step for step (same line search, same stopping
// tests, same status codes), so that iterates and evaluation counts agree.
OptimizeResult minimize_bfgs(ScalarObjective& objective, const Vector& x0, const MinimizeOptions& options) {
  const Index n = x0.size();
  Vector xk = x0;
  double old_fval = objective.fun(xk);
  Vector gfk = objective.grad(xk);
  Matrix h = options.hess_inv0.size() > 0 ? options.hess_inv0 : Matrix::Identity(n, n);
  double old_old_fval = old_fval + gfk.norm() / 2;  // makes the first trial step 1 (SciPy)
  const WolfeOptions line_options{.c1 = options.c1, .c2 = options.c2.value_or(0.9)};
  int k = 0;
  bool precision_loss = false;
  double gnorm = vector_norm(gfk, options.norm);
  while (gnorm > *options.gtol && k < options.maxiter) {
    const Vector pk = -(h * gfk);
    const auto step = line_search_wolfe12(objective, xk, pk, gfk, old_fval, old_old_fval, line_options);
    if (!step) {
      precision_loss = true;
      break;
    }
    old_old_fval = old_fval;
    old_fval = step->f_new;
    const Vector sk = step->alpha * pk;
    xk = xk + sk;
    const Vector gfkp1 = step->g_new ? *step->g_new : objective.grad(xk);
    const Vector yk = gfkp1 - gfk;
    gfk = gfkp1;
    ++k;
    if (options.callback && options.callback(OptimizeResult{.x = xk, .fun = old_fval})) break;
    gnorm = vector_norm(gfk, options.norm);
    if (gnorm <= *options.gtol) break;
    if (step->alpha * pk.norm() <= options.xrtol * (options.xrtol + xk.norm())) break;
    if (!std::isfinite(old_fval)) {
      precision_loss = true;
      break;
    }
    // H <- (I - rho s y^T) H (I - rho y s^T) + rho s s^T (Nocedal and Wright
    // 2006, eq. 6.17), expanded to rank-two updates: O(n^2), not O(n^3).
    // SciPy takes rho = 1000 when y^T s is exactly 0.
    const double ys = yk.dot(sk);
    const double rho = ys == 0 ? 1000.0 : 1.0 / ys;
    const Vector hy = h * yk;
    const double yhy = yk.dot(hy);
    h.noalias() -= rho * (hy * sk.transpose() + sk * hy.transpose());
    h.noalias() += (rho * rho * yhy + rho) * (sk * sk.transpose());
  }
  OptimizeResult result{.x = xk, .fun = old_fval, .jac = gfk, .hess_inv = h, .nit = k};
  finish_gradient_run(result, precision_loss, options, gnorm, objective);
  return result;
}

}  // namespace scilearn::optimize::detail
