#include <cmath>
#include <limits>

#include "line_search.hpp"
#include "minimize_methods.hpp"

namespace scilearn::optimize::detail {

// SciPy's _minimize_newtoncg: a truncated Newton method (Nocedal and Wright
// 2006, Alg. 7.1). Each iteration solves H p = -g by conjugate gradients from
// p = 0 until the residual's 1-norm falls below min(0.5, sqrt(|g|_1)) |g|_1
// (at most 20 n steps), stopping early on non-positive curvature (taking the
// steepest-descent step if that happens first), then searches along p with
// the Wolfe line search of BFGS. H is the user's Hessian, Hessian-vector
// products, or forward differences of the gradient. Stops when the step's
// 1-norm is at most n xtol.
OptimizeResult minimize_newton_cg(ScalarObjective& objective, const Vector& x0, const MinimizeOptions& options) {
  const Index n = x0.size();
  const double xtol = static_cast<double>(n) * *options.xtol;
  const double eps = options.eps.value_or(1.4901161193847656e-08);
  const int cg_maxiter = static_cast<int>(20 * n);
  constexpr double kCurvatureFloor = 3 * std::numeric_limits<double>::epsilon();
  // SciPy's Newton-CG leaves line_search_wolfe1's step bounds [1e-8, 50] and
  // gives the zoom search none.
  const WolfeOptions line_options{.c1 = options.c1, .c2 = options.c2.value_or(0.9), .amin = 1e-8, .amax = 50,
                                  .zoom_amax = std::numeric_limits<double>::infinity()};
  Vector xk = x0;
  double old_fval = objective.fun(xk);
  // SciPy starts with old_old_fval = None, which makes the first trial step
  // 1; +inf does the same in the step formula 2 (f - f_old) / g'p.
  double old_old_fval = std::numeric_limits<double>::infinity();
  Vector gfk;
  int k = 0, hcalls = 0, status = 0;
  std::string message;
  double update_norm = 2 * xtol;
  for (;;) {
    if (!(update_norm > xtol)) {
      if (std::isnan(old_fval) || std::isnan(update_norm)) {
        status = 3;
        message = kMessageNan;
      } else {
        message = kMessageSuccess;
      }
      break;
    }
    if (k >= options.maxiter) {
      status = 1;
      message = std::string("Warning: ") + kMessageMaxiter;
      break;
    }
    const Vector b = -objective.grad(xk);
    const double maggrad = b.lpNorm<1>();
    const double termcond = std::min(0.5, std::sqrt(maggrad)) * maggrad;
    Vector xsupi = Vector::Zero(n);
    Vector ri = -b;
    Vector psupi = -ri;
    double dri0 = ri.dot(ri);
    Matrix a;
    if (options.hess) {
      a = options.hess(xk);
      ++hcalls;
    }
    bool converged = false;
    for (int k2 = 0, i = 0; k2 < cg_maxiter; ++k2) {
      if (ri.lpNorm<1>() <= termcond) {
        converged = true;
        break;
      }
      Vector ap;
      if (options.hess) {
        ap = a * psupi;
      } else if (options.hessp) {
        ap = options.hessp(xk, psupi);
        ++hcalls;
      } else {  // SciPy's approx_fhess_p: grad(x) first (often cached), then (grad(x + eps p) - grad(x)) / eps
        const Vector g0 = objective.grad(xk);
        ap = (objective.grad(Vector(xk + eps * psupi)) - g0) / eps;
      }
      const double curv = psupi.dot(ap);
      if (0 <= curv && curv <= kCurvatureFloor) {
        converged = true;
        break;
      }
      if (curv < 0) {
        if (i == 0) xsupi = dri0 / (-curv) * b;  // negative curvature at once: steepest descent
        converged = true;
        break;
      }
      const double alphai = dri0 / curv;
      xsupi += alphai * psupi;
      ri += alphai * ap;
      const double dri1 = ri.dot(ri);
      psupi = -ri + dri1 / dri0 * psupi;
      ++i;
      dri0 = dri1;
    }
    if (!converged) {
      status = 3;
      message = "Warning: CG iterations didn't converge. The Hessian is not positive definite.";
      gfk = -b;
      break;
    }
    gfk = -b;
    const auto step = line_search_wolfe12(objective, xk, xsupi, gfk, old_fval, old_old_fval, line_options);
    if (!step) {
      status = 2;
      message = std::string("Warning: ") + kMessagePrecisionLoss;
      break;
    }
    old_old_fval = old_fval;
    old_fval = step->f_new;
    const Vector update = step->alpha * xsupi;
    xk += update;
    ++k;
    if (options.callback && options.callback(OptimizeResult{.x = xk, .fun = old_fval})) break;
    update_norm = update.lpNorm<1>();
  }
  OptimizeResult result{.x = xk, .fun = old_fval, .jac = gfk, .nit = k};
  result.nfev = objective.nfev();
  result.njev = objective.ngev();
  result.nhev = hcalls;
  result.status = status;
  result.success = status == 0;
  result.message = message;
  return result;
}

}  // namespace scilearn::optimize::detail
