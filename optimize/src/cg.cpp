#include <algorithm>
#include <cmath>

#include "line_search.hpp"
#include "minimize_methods.hpp"

namespace scilearn::optimize::detail {
namespace {

// One Polak-Ribiere+ update from (xk, pk, gfk) with step alpha: the next
// point, direction, gradient and gradient norm.
struct CgStep {
  double alpha;
  Vector x, p, g;
  double gnorm;
};

}  // namespace

// SciPy's _minimize_cg: Polak-Ribiere with beta clipped at 0 (Powell 1986;
// Nocedal and Wright 2006, eq. 5.45), a Wolfe line search that also demands
// a descent direction for the next step (sigma_3 = 0.01, their eq. 5.49 with
// the strong Wolfe c2 = 0.4).
OptimizeResult minimize_cg(ScalarObjective& objective, const Vector& x0, const MinimizeOptions& options) {
  constexpr double sigma3 = 0.01;
  Vector xk = x0;
  double old_fval = objective.fun(xk);
  Vector gfk = objective.grad(xk);
  double old_old_fval = old_fval + gfk.norm() / 2;
  Vector pk = -gfk;
  double gnorm = vector_norm(gfk, options.norm);
  int k = 0;
  bool precision_loss = false;
  while (gnorm > *options.gtol && k < options.maxiter) {
    const double deltak = gfk.dot(gfk);
    auto polak_ribiere = [&](double alpha, const Vector& gfkp1) {
      const Vector yk = gfkp1 - gfk;
      const double beta = std::max(0.0, yk.dot(gfkp1) / deltak);
      return CgStep{alpha, xk + alpha * pk, -gfkp1 + beta * pk, gfkp1, vector_norm(gfkp1, options.norm)};
    };
    std::optional<CgStep> cached;
    WolfeOptions line_options{.c1 = options.c1, .c2 = options.c2.value_or(0.4)};
    line_options.extra_condition = [&](double alpha, const Vector&, double, const Vector& gfkp1) {
      cached = polak_ribiere(alpha, gfkp1);
      if (cached->gnorm <= *options.gtol) return true;
      return cached->p.dot(cached->g) <= -sigma3 * cached->g.dot(cached->g);
    };
    const auto step = line_search_wolfe12(objective, xk, pk, gfk, old_fval, old_old_fval, line_options);
    if (!step) {
      precision_loss = true;
      break;
    }
    old_old_fval = old_fval;
    old_fval = step->f_new;
    const CgStep next = cached && cached->alpha == step->alpha
                            ? *cached
                            : polak_ribiere(step->alpha, step->g_new ? *step->g_new
                                                                     : objective.grad(xk + step->alpha * pk));
    xk = next.x;
    pk = next.p;
    gfk = next.g;
    gnorm = next.gnorm;
    ++k;
    if (options.callback && options.callback(OptimizeResult{.x = xk, .fun = old_fval})) break;
  }
  OptimizeResult result{.x = xk, .fun = old_fval, .jac = gfk, .nit = k};
  finish_gradient_run(result, precision_loss, options, gnorm, objective);
  return result;
}

}  // namespace scilearn::optimize::detail
