#pragma once
/// \file
/// SciPy's two Wolfe line searches, one at a time, for solvers outside
/// optimize that chain them their own way (learn's newton-cg runs
/// scikit-learn's _line_search_wolfe12: the first, its own fallback, then the
/// second). Internals, not a user API: `minimize` is.

#include <optional>
#include <scilearn/optimize/functions.hpp>

namespace scilearn::optimize::detail {

/// A step along pk that satisfies the strong Wolfe conditions (c1 = 1e-4,
/// c2 = 0.9): alpha, and the objective and its gradient at xk + alpha pk.
struct WolfeLineStep {
  double alpha = 0;
  double f = 0;
  Vector grad;
};

/// SciPy's line_search_wolfe1: Moré and Thuente's search (MINPACK-2 dcsrch,
/// xtol 1e-14) over steps in [1e-8, 50], from phi(0) = old_fval and
/// phi'(0) = gfk . pk < 0, the first trial step min(1, 2.02 (old_fval -
/// old_old_fval) / phi'(0)) (1 when that is negative or old_old_fval is +inf).
/// nullopt when it ends without a Wolfe step (rounding, a bound on the step).
/// Cost: one evaluation of fun per trial step.
[[nodiscard]] std::optional<WolfeLineStep> line_search_wolfe1(const ObjectiveWithGradient& fun, const Vector& xk,
                                                              const Vector& pk, const Vector& gfk, double old_fval,
                                                              double old_old_fval);

/// SciPy's line_search_wolfe2 with no bound on the step: the bracketing and
/// zoom search of Nocedal and Wright (2006, Algorithms 3.5 and 3.6), the same
/// first trial step. nullopt when the zoom fails.
[[nodiscard]] std::optional<WolfeLineStep> line_search_wolfe2(const ObjectiveWithGradient& fun, const Vector& xk,
                                                              const Vector& pk, const Vector& gfk, double old_fval,
                                                              double old_old_fval);

}  // namespace scilearn::optimize::detail
