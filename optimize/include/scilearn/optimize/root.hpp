#pragma once
/// \file
/// scipy.optimize.root and fsolve: a zero of a vector function of as many
/// unknowns (hybr), or a least-squares zero (lm).

#include <scilearn/optimize/functions.hpp>
#include <string>

namespace scilearn::optimize {

/// The method (SciPy's `method` of root).
enum class RootMethod {
  hybr,  ///< Powell's hybrid dogleg method with Broyden updates, MINPACK's hybrd / hybrj (SciPy's default)
  lm,    ///< Levenberg-Marquardt on ||fun(x)||^2, MINPACK's lmdif / lmder (as SciPy's root(method='lm'))
};

/// Options of root, with SciPy's names and defaults (those of the two MINPACK drivers).
struct RootOptions {
  RootMethod method = RootMethod::hybr;
  /// The Jacobian (n x n); empty: MINPACK's forward differences.
  JacobianFunction jac{};
  double xtol = 1.49012e-08;  ///< stop when the relative change of x is at most xtol
  double ftol = 1.49012e-08;  ///< lm: relative reduction of the sum of squares
  double gtol = 0.0;          ///< lm: cosine between f and the Jacobian's columns
  int maxfev = 0;             ///< evaluation limit; 0: 200 (n + 1), 100 (n + 1) with jac
  double epsfcn = 0.0;        ///< forward-difference step sqrt(max(epsfcn, eps)) |x_j|
  double factor = 100.0;      ///< initial step bound: factor |diag x|
  Vector diag{};              ///< variable scaling (positive); empty: from the Jacobian's column norms
};

/// SciPy's OptimizeResult of root.
struct RootResult {
  Vector x{};
  Vector fun{};       ///< fun(x)
  bool success = false;
  int status = 0;     ///< MINPACK's info (hybr: 1 converged, 2 maxfev, 3 xtol too small, 4-5 no progress; lm: as leastsq)
  std::string message{};
  int nfev = 0;       ///< evaluations of fun, finite-difference ones included
  int njev = 0;       ///< evaluations of jac
  std::string method{};
};

/// Finds x with fun(x) = 0 from x0.
/// Requires: x0 non-empty and finite; fun returns as many values as x0 has
/// (hybr; at least as many for lm), the same count every call; jac (if
/// given) of that shape; xtol, ftol, gtol >= 0; maxfev >= 0; factor > 0;
/// diag empty or positive with n entries.
/// Ensures: success (status 1, or 1-4 for lm) or a status and message saying
/// why not; x is the best point found.
/// Throws: ValueError on bad input; whatever fun or jac throws.
/// Complexity: O(n^2) per step between Jacobians (Broyden updates of the QR
/// factors), O(n^3) per Jacobian (hybr).
[[nodiscard]] RootResult root(const VectorFunction& fun, const Vector& x0, const RootOptions& options = {});

/// scipy.optimize.fsolve: root with method hybr, returning x (check the
/// result of root() when convergence matters: fsolve, like SciPy's, warns
/// instead of failing).
[[nodiscard]] Vector fsolve(const VectorFunction& fun, const Vector& x0, const RootOptions& options = {});

}  // namespace scilearn::optimize
