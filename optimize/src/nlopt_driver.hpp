#pragma once
// Runs one of NLopt's local methods (SLSQP, COBYLA) on our callables. NLopt
// is a C library that cannot unwind C++ exceptions: whatever the objective
// or a constraint throws is caught at the boundary, the run is stopped, and
// the exception is rethrown from run_nlopt once NLopt has returned.
#include <functional>
#include <limits>
#include <scilearn/core/types.hpp>

#include "constraint_set.hpp"

namespace scilearn::optimize::detail {

/// The objective as NLopt asks for it: f(x), and the gradient when `grad` is
/// not null (sized to x). May throw; StopRun is the way to end a run early.
using NloptObjective = std::function<double(const Vector& x, Vector* grad)>;

/// Thrown by an NloptObjective to end the run (callback stop, iteration
/// limit); run_nlopt rethrows it like any other exception.
struct StopRun {
  int status;
};

enum class NloptMethod { slsqp, cobyla };

struct NloptSettings {
  NloptMethod method = NloptMethod::slsqp;
  Vector lb{}, ub{};              // empty: unbounded
  double ftol_abs = 0;            // stop when |f_k - f_k-1| < ftol_abs (SLSQP)
  double xtol_abs = 0;            // stop when every |x_k - x_k-1| < xtol_abs; COBYLA: final radius
  double constraint_tol = 0;      // violation NLopt counts as feasible
  double initial_step = 0;        // COBYLA's rhobeg; 0: NLopt's default
  double stopval = -std::numeric_limits<double>::infinity();  // stop once f <= stopval (feasible)
  int maxeval = 0;                // 0: none
};

/// Why NLopt stopped (its nlopt_result codes, grouped).
enum class NloptEnd {
  converged,         ///< ftol or xtol (COBYLA: the final radius) reached
  target_reached,    ///< f <= stopval at a feasible point
  maxeval,           ///< the evaluation limit
  roundoff_limited,  ///< SLSQP: a line search uphill or a singular subproblem
  failure,           ///< SLSQP: incompatible constraints or a stalled subproblem
};

/// The best point NLopt found and why it stopped.
struct NloptOutcome {
  Vector x;
  double f = 0;
  NloptEnd end = NloptEnd::converged;
};

/// Minimizes objective from x0 (inside the bounds) subject to constraints.
/// Throws what the objective or a constraint threw (StopRun included).
NloptOutcome run_nlopt(const NloptObjective& objective, const ConstraintSet& constraints, const Vector& x0,
                       const NloptSettings& settings);

}  // namespace scilearn::optimize::detail
