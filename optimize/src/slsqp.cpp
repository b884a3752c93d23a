// minimize(method = slsqp): Kraft's sequential least-squares quadratic
// programming (Kraft 1988, DFVLR-FB 88-28), the algorithm SciPy wraps, run
// through NLopt's C translation of Kraft's code. NLopt replaces Kraft's
// stopping test by its own, which tests the best feasible point seen rather
// than the iterate, and reports that point; so its tests are switched off
// here, Kraft's test runs after each line search, and the result is the
// last iterate, as in SciPy.
#include <cmath>
#include <scilearn/core/validation.hpp>
#include <utility>

#include "minimize_methods.hpp"
#include "nlopt_driver.hpp"

namespace scilearn::optimize::detail {

namespace {

// SciPy's exit_modes texts.
constexpr const char* kModeMessages[] = {
    "Optimization terminated successfully",
    "Function evaluation required (f & c)",
    "More equality constraints than independent variables",
    "More than 3*n iterations in LSQ subproblem",
    "Inequality constraints incompatible",
    "Singular matrix E in LSQ subproblem",
    "Singular matrix C in LSQ subproblem",
    "Rank-deficient equality constraint subproblem HFTI",
    "Positive directional derivative for linesearch",
    "Iteration limit reached",
};

// Kraft's exit mode for how NLopt ended. NLopt folds modes 5-7 (singular
// subproblems) and 8 into one code, and modes 3 and 4 into another; each
// group reports its most common mode.
int kraft_mode(NloptEnd end) {
  switch (end) {
    case NloptEnd::converged:
    case NloptEnd::target_reached: return 0;
    case NloptEnd::roundoff_limited: return 8;
    default: return 4;
  }
}

}  // namespace

OptimizeResult minimize_slsqp(ScalarObjective& objective, const Vector& x0, const MinimizeOptions& options,
                              const ConstraintSet& constraints) {
  OptimizeResult result;
  const Index n = x0.size();
  Vector x = x0;
  NloptSettings settings{.method = NloptMethod::slsqp};  // NLopt's own stopping tests off
  if (options.bounds) {  // SciPy clips x0 into the bounds
    settings.lb = options.bounds->lb;
    settings.ub = options.bounds->ub;
    x = x.cwiseMax(settings.lb).cwiseMin(settings.ub);
  }
  int mode = 0;
  if (constraints.n_eq() > n) {
    mode = 2;  // as Kraft's code, before any evaluation
    result.x = x;
    result.fun = objective.fun(x);
  } else {
    // Which points are iterates: NLopt takes the gradient at the first trial
    // point of each line search, before knowing whether the step is
    // accepted. The step was accepted when the next request is a gradient
    // too (at the next line search's first trial point, or once more at the
    // same point after backtracking); a value-only request means it was not.
    // At an accepted iterate comes Kraft's convergence test,
    // (|f_k - f_k-1| < acc or |x_k - x_k-1| < acc) with a total violation
    // sum |c_eq| + sum max(0, -c_in) < acc, and the iteration limit; both
    // stop the run before the next trial point is evaluated.
    const double acc = *options.ftol;
    int nit = 0;
    OptimizeResult iterate, previous, trial;  // trial: gradient taken, acceptance unknown
    const auto accept = [&](double tol) {
      previous = std::exchange(iterate, trial);
      trial = {};
      if (previous.x.size() == 0) return false;  // x0
      iterate.nit = ++nit;
      if (options.callback && options.callback(iterate)) throw StopRun{99};
      return (std::abs(iterate.fun - previous.fun) < tol || (iterate.x - previous.x).norm() < tol) &&
             constraints.violations(iterate.x).sum() < tol;
    };
    Vector value_only_x;  // the last point evaluated without its gradient
    const NloptObjective fun = [&](const Vector& xk, Vector* grad) {
      if (grad == nullptr) {
        trial = {};  // the trial step was rejected
        value_only_x = xk;
        return objective.fun(xk);
      }
      const bool same_point = value_only_x.size() > 0 && xk == value_only_x;
      if (trial.x.size() > 0 && !same_point) {
        if (accept(acc)) throw StopRun{0};
        if (nit >= options.maxiter) throw StopRun{9};
      }
      const double f = objective.fun(xk);
      *grad = objective.grad(xk);
      trial = {.x = xk, .fun = f, .jac = *grad};
      value_only_x.resize(0);
      if (same_point) {  // accepted after backtracking
        if (accept(acc)) throw StopRun{0};
        if (nit >= options.maxiter) throw StopRun{9};
      }
      return f;
    };
    try {
      mode = kraft_mode(run_nlopt(fun, constraints, x, settings).end);
      // NLopt ends only after a line search has finished: a pending trial
      // point was accepted.
      if (trial.x.size() > 0 && accept(acc)) mode = 0;
      // Kraft ends with mode 8 once the subproblem, with the Hessian reset
      // five times, still gives no descent direction, unless his relaxed
      // test passes: at that point f equals f0, so it asks that the
      // directional derivative and the violation be below 10 acc. NLopt runs
      // it with acc = 0, so it can never pass. A direction that is not
      // downhill even with the identity as Hessian means no first-order
      // progress is possible, so here the violation alone is tested.
      if (mode == 8 && constraints.violations(iterate.x).sum() < 10 * acc) mode = 0;
    } catch (const StopRun& stop) {
      mode = stop.status;
    }
    if (iterate.x.size() == 0) iterate = trial;  // stopped at x0
    // SciPy reports the last iterate whatever the exit, as Kraft's code does.
    result.x = iterate.x;
    result.fun = iterate.fun;
    result.jac = iterate.jac;
    result.nit = nit;
  }
  result.status = mode;
  result.message = mode == 99 ? "" : kModeMessages[mode];
  result.success = mode == 0;
  result.maxcv = constraints.violations(result.x).maxCoeff();
  result.nfev = objective.nfev();
  result.njev = objective.ngev();
  return result;
}

}  // namespace scilearn::optimize::detail
