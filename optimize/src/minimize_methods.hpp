#pragma once
// The methods behind minimize(). Each receives validated input and options
// whose method defaults (maxiter, tol) are already resolved.

#include <scilearn/optimize/minimize.hpp>

#include "constraint_set.hpp"
#include "scalar_objective.hpp"

namespace scilearn::optimize::detail {

// SciPy's _status_message texts, so that users can match on them.
inline constexpr const char* kMessageSuccess = "Optimization terminated successfully.";
inline constexpr const char* kMessageMaxfev = "Maximum number of function evaluations has been exceeded.";
inline constexpr const char* kMessageMaxiter = "Maximum number of iterations has been exceeded.";
inline constexpr const char* kMessagePrecisionLoss = "Desired error not necessarily achieved due to precision loss.";
inline constexpr const char* kMessageNan = "NaN result encountered.";
inline constexpr const char* kMessageOutOfBounds = "The result is outside of the provided bounds.";

// The gradient norm of SciPy's vecnorm: max |g_i| for inf, min for -inf.
double vector_norm(const Vector& g, double order);

// How a gradient method (bfgs, cg) ended, SciPy's way: status 2 when the
// line search failed or f stopped being finite (precision_loss), else 1 at the iteration limit, 3
// on NaN, 0 otherwise; fills status, success, message and the counts.
void finish_gradient_run(OptimizeResult& result, bool precision_loss, const MinimizeOptions& options,
                         double gnorm, const ScalarObjective& objective);

OptimizeResult minimize_bfgs(ScalarObjective& objective, const Vector& x0, const MinimizeOptions& options);
OptimizeResult minimize_lbfgsb(ScalarObjective& objective, const Vector& x0, const MinimizeOptions& options);
OptimizeResult minimize_newton_cg(ScalarObjective& objective, const Vector& x0, const MinimizeOptions& options);
OptimizeResult minimize_cg(ScalarObjective& objective, const Vector& x0, const MinimizeOptions& options);
OptimizeResult minimize_nelder_mead(const Objective& fun, const Vector& x0, const MinimizeOptions& options);
OptimizeResult minimize_powell(const Objective& fun, const Vector& x0, const MinimizeOptions& options);
OptimizeResult minimize_trust_region(ScalarObjective& objective, const Vector& x0, const MinimizeOptions& options);
OptimizeResult minimize_trust_constr(ScalarObjective& objective, const Vector& x0, const MinimizeOptions& options);
OptimizeResult minimize_slsqp(ScalarObjective& objective, const Vector& x0, const MinimizeOptions& options,
                              const ConstraintSet& constraints);
OptimizeResult minimize_cobyla(const Objective& fun, const Vector& x0, const MinimizeOptions& options,
                               const ConstraintSet& constraints);

}  // namespace scilearn::optimize::detail
