#pragma once
// The Trust Region Reflective method of least_squares without bounds, as
// SciPy's trf_no_bounds runs it (Branch, Coleman and Li 1999; with no bounds
// it is a trust-region Gauss-Newton method): each step solves the trust-
// region subproblem exactly through the SVD of the scaled Jacobian (Moré's
// iteration for the Levenberg-Marquardt parameter, Moré 1978 / Nocedal and
// Wright 2006, Alg. 4.3).

#include <scilearn/optimize/least_squares.hpp>

namespace scilearn::optimize::detail {

struct TrfOutcome {
  Vector x, f;
  Matrix jac;
  Vector grad;
  double cost = 0, optimality = 0;
  int nfev = 0, njev = 0, status = 0;
};

/// fun and jac as least_squares resolved them (jac: the user's or finite
/// differences); x_scale empty means 'jac' scaling. max_nfev > 0.
TrfOutcome trf_no_bounds(const VectorFunction& fun, const JacobianFunction& jac, const Vector& x0, double ftol,
                         double xtol, double gtol, int max_nfev, const Vector& x_scale);

}  // namespace scilearn::optimize::detail
