#pragma once
// Line searches for the strong Wolfe conditions along x + alpha p, as SciPy's
// BFGS and CG run them: Moré and Thuente's safeguarded search (MINPACK-2
// dcsrch), and where it fails, the bracketing and zoom search of Nocedal and
// Wright (2006, Algorithms 3.5 and 3.6).

#include <functional>
#include <optional>

#include "scalar_objective.hpp"

namespace scilearn::optimize::detail {

/// A step that satisfies the strong Wolfe conditions, f there, and the
/// gradient there when the search evaluated it.
struct WolfeStep {
  double alpha = 0;
  double f_new = 0;
  std::optional<Vector> g_new;
};

/// An extra acceptance test for a Wolfe step (CG's descent condition):
/// (alpha, x_new, f_new, g_new) -> accept.
using StepCondition = std::function<bool(double, const Vector&, double, const Vector&)>;

struct WolfeOptions {
  double c1 = 1e-4;  // sufficient decrease
  double c2 = 0.9;   // curvature
  double amin = 1e-100;  // Moré-Thuente's step bounds (SciPy: BFGS and CG pass these;
  double amax = 1e100;   // Newton-CG leaves line_search_wolfe1's defaults 1e-8 and 50)
  double zoom_amax = 1e100;  // the zoom search's bound (Newton-CG: none)
  StepCondition extra_condition{};  // empty: none
};

/// SciPy's _line_search_wolfe12: Moré–Thuente first, the zoom search if it
/// fails (or its step fails extra_condition). old_fval = f(xk);
/// old_old_fval = f at the previous iterate, which sets the first trial step
/// (Nocedal and Wright, eq. 3.60). nullopt when neither finds a step.
std::optional<WolfeStep> line_search_wolfe12(ScalarObjective& objective, const Vector& xk, const Vector& pk,
                                             const Vector& gfk, double old_fval, double old_old_fval,
                                             const WolfeOptions& options);

}  // namespace scilearn::optimize::detail
