#pragma once
// minimize_scalar's line searches for the other methods of the module
// (Powell's line search), with the same iterates as the public
// minimize_scalar; defined in minimize_scalar.cpp.

#include <scilearn/optimize/minimize_scalar.hpp>

namespace scilearn::optimize::detail {

// SciPy's brent(f, tol=xtol, maxiter) with no bracket given, as
// _linesearch_powell calls it through _recover_from_bracket_error: Brent's
// method from bracket(f, 0, 1); when no valid bracket is found, the best of
// the last three points (NaN if one is NaN) with status 3.
[[nodiscard]] ScalarOptimizeResult brent_from_unit_bracket(const ScalarFunction& f, double xtol, int maxiter = 500);

// SciPy's _minimize_scalar_bounded(f, (lower, upper), xatol, maxiter=maxfun):
// Brent's fmin on [lower, upper]. Requires lower <= upper, both finite, xatol >= 0.
[[nodiscard]] ScalarOptimizeResult bounded_scalar_minimize(const ScalarFunction& f, double lower, double upper,
                                                           double xatol, int maxfun = 500);

}  // namespace scilearn::optimize::detail
