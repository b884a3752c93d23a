#pragma once
// Powell's hybrid method for a system of n equations in n unknowns as
// MINPACK's hybrd / hybrj run it (Moré, Garbow and Hillstrom 1980; Powell
// 1970): a dogleg step in a trust region, Broyden rank-one updates of the
// Jacobian's QR factors between recomputations. SciPy's root(method='hybr')
// and fsolve call it.

#include <scilearn/optimize/functions.hpp>

namespace scilearn::optimize::detail {

struct HybrdSettings {
  double xtol = 1.49012e-08;
  int maxfev = 0;        // 0: 200 (n + 1) (hybrd) or 100 (n + 1) (hybrj)
  double epsfcn = 0.0;   // forward-difference step sqrt(max(epsfcn, eps)) |x_j|
  double factor = 100.0;
  Vector diag{};         // empty: from the Jacobian's column norms (mode 1)
};

struct HybrdResult {
  Vector x;
  Vector fvec;
  Matrix fjac;  // the orthogonal Q of the final Jacobian's QR
  Matrix r;     // its upper triangular R
  Vector qtf;   // Q' fvec
  int nfev = 0;
  int njev = 0;
  int info = 0;  // 1 converged, 2 maxfev, 3 xtol too small, 4-5 no progress
};

/// hybrj when jac is given, hybrd (forward differences) otherwise. fun must
/// return n values for n unknowns (ValueError otherwise).
HybrdResult minpack_hybrd(const VectorFunction& fun, const JacobianFunction& jac, const Vector& x0,
                          const HybrdSettings& settings);

}  // namespace scilearn::optimize::detail
