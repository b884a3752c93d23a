#pragma once
// What scikit-learn's solvers for smooth linear-model losses share, used by
// LogisticRegression and the GLMs: L-BFGS-B with scikit-learn's options and
// its convergence warning, and NewtonCholeskySolver's line search and warnings.

#include <scilearn/core/types.hpp>
#include <scilearn/optimize/functions.hpp>
#include <string_view>

namespace scilearn::learn::detail {

// L-BFGS-B from x with the options scikit-learn passes to SciPy (maxiter =
// max_iter, at least 1; maxls = 50; gtol = tol; ftol = 64 eps). Warns
// (WarningCategory::convergence) when it stops unconverged, with `hint`
// appended to scikit-learn's message. x receives the result; returns the
// iterations, at most max_iter.
Index minimize_lbfgs(const optimize::ObjectiveWithGradient& fun, Vector& x, int max_iter, double tol,
                     std::string_view hint = {});

// NewtonCholeskySolver's backtracking line search from x_old (objective
// value_old, gradient grad_old) along a descent direction `step` (g_step =
// grad_old . step < 0): halves the step up to 20 times until the Armijo
// condition (sigma = 1/2048) holds, or the objective moved by no more than
// rounding (16 eps) and the gradient's 1-norm shrank. x, value and grad hold
// the last point tried; returns whether it was accepted.
bool newton_line_search(const optimize::ObjectiveWithGradient& fun, const Vector& x_old, double value_old,
                        const Vector& grad_old, const Vector& step, double g_step, Vector& x, double& value,
                        Vector& grad);

// NewtonCholeskySolver's warnings before it hands over to lbfgs.
void warn_ill_conditioned_hessian(Index iteration);
void warn_line_search_failed(Index iteration);

}  // namespace scilearn::learn::detail
