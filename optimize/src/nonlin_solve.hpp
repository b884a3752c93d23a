#pragma once
// The quasi-Newton root finders of scipy.optimize._nonlin (nonlin_solve with
// the BroydenFirst, BroydenSecond and Anderson inverse-Jacobian
// approximations), driven by root() for methods broyden1, broyden2, anderson.

#include <scilearn/optimize/root.hpp>

namespace scilearn::optimize::detail {

struct NonlinResult {
  Vector x;
  Vector fun;
  int status = 0;  // 1 converged, 2 iteration limit, 3 zero step from the Jacobian approximation
  int nit = 0;     // convergence checks made (SciPy's nit)
  int nfev = 0;
};

/// Inputs validated by root(): x0 finite and non-empty, options in range.
NonlinResult nonlin_solve(const VectorFunction& fun, const Vector& x0, RootMethod method, const NonlinOptions& options);

}  // namespace scilearn::optimize::detail
