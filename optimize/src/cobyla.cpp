// minimize(method = cobyla): Powell's constrained optimization by linear
// approximations (Powell 1994), through NLopt's C translation of Powell's
// code. SciPy 1.17 runs PRIMA's modernized COBYLA instead: the same method,
// with other numerics, so iterates and counts differ while the options
// (rhobeg, tol as the final trust-region radius, maxiter as the evaluation
// limit, catol, f_target) and the result's statuses and messages are
// SciPy's.
#include <scilearn/core/validation.hpp>

#include "minimize_methods.hpp"
#include "nlopt_driver.hpp"

namespace scilearn::optimize::detail {

namespace {

// PRIMA's exit codes (infos.py) and SciPy's messages for them.
constexpr int kSmallRadius = 0, kTargetReached = 1, kMaxfun = 3, kDamagingRounding = 7;

std::string prima_message(int info) {
  const char* reason = "";
  switch (info) {
    case kSmallRadius: reason = "the trust region radius reaches its lower bound."; break;
    case kTargetReached: reason = "the target function value is achieved."; break;
    case kMaxfun: reason = "the objective function has been evaluated MAXFUN times."; break;
    default: reason = "rounding errors are becoming damaging."; break;
  }
  return cat("Return from COBYLA because ", reason);
}

}  // namespace

OptimizeResult minimize_cobyla(const Objective& fun, const Vector& x0, const MinimizeOptions& options,
                               const ConstraintSet& constraints) {
  NloptSettings settings{.method = NloptMethod::cobyla,
                         .xtol_abs = options.tol.value_or(1e-4),
                         .initial_step = options.rhobeg,
                         .stopval = options.f_target,
                         .maxeval = options.maxiter};
  Vector x = x0;
  if (options.bounds) {
    settings.lb = options.bounds->lb;
    settings.ub = options.bounds->ub;
    x = x.cwiseMax(settings.lb).cwiseMin(settings.ub);
  }
  OptimizeResult result;
  int nfev = 0;
  const NloptObjective objective = [&](const Vector& xk, Vector*) {
    const double f = fun(xk);
    ++nfev;
    if (options.callback) {  // NLopt shows no iterations: the callback sees each evaluation
      OptimizeResult intermediate;
      intermediate.x = xk;
      intermediate.fun = f;
      intermediate.nfev = nfev;
      if (options.callback(intermediate)) throw StopRun{30};
    }
    result.x = xk;  // what a stop reports
    result.fun = f;
    return f;
  };
  int info = kSmallRadius;
  try {
    const NloptOutcome out = run_nlopt(objective, constraints, x, settings);
    result.x = out.x;
    result.fun = out.f;
    switch (out.end) {
      case NloptEnd::converged: info = kSmallRadius; break;
      case NloptEnd::target_reached: info = kTargetReached; break;
      case NloptEnd::maxeval: info = kMaxfun; break;
      default: info = kDamagingRounding; break;
    }
  } catch (const StopRun& stop) {
    info = stop.status;
  }
  result.nfev = nfev;
  result.maxcv = constraints.violations(result.x).maxCoeff();
  result.status = info;
  // Powell's original code, which this is, ends within O(rho^2) of the
  // constraints, not within PRIMA's sqrt(eps): the default is SciPy's catol
  // from when it ran Powell's code (up to 1.15).
  const double catol = options.catol.value_or(2e-4);
  if (result.maxcv > catol) {
    result.success = false;
    result.message =
        "Did not converge to a solution satisfying the constraints. See `maxcv` for the magnitude of the violation.";
  } else {
    result.success = info == kSmallRadius || info == kTargetReached;
    result.message = prima_message(info);
  }
  return result;
}

}  // namespace scilearn::optimize::detail
