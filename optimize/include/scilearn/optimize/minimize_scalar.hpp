#pragma once
/// \file
/// Minimization of a scalar function of one variable: scipy.optimize's
/// `minimize_scalar` (methods brent, golden, bounded) and `bracket`, with
/// SciPy's defaults and iterates (the same evaluation count on the same
/// function).
///
///     auto r = scilearn::optimize::minimize_scalar([](double x) { return (x - 2) * x * (x + 2) * (x + 2); });
///     // Brent's method from the bracket search at 0, 1: r.x == 1.2807764..., r.success
///
/// Misuse (a malformed bracket, bounds with brent / golden, a negative
/// tolerance) throws ValueError; a bracket search that fails, an iteration
/// limit and a NaN from f end the run with success = false and a message, as
/// SciPy's minimize_scalar does. Exceptions from f reach the caller unchanged.

#include <array>
#include <optional>
#include <scilearn/optimize/functions.hpp>
#include <string>
#include <vector>

namespace scilearn::optimize {

/// How a run of minimize_scalar ended: SciPy's `OptimizeResult` for scalars.
struct ScalarOptimizeResult {
  double x = 0;    ///< the minimizer found (the best point seen when success is false)
  double fun = 0;  ///< f(x)
  int nit = 0;     ///< iterations (bounded: evaluations, as SciPy reports)
  int nfev = 0;    ///< evaluations of f, the bracket search's included
  bool success = false;
  /// 0: converged; 1: maxiter reached (bounded: maxiter evaluations); 2: a NaN
  /// was met; 3: no valid bracket was found (SciPy leaves status unset there).
  int status = 0;
  std::string message{};
};

/// What bracket() found: xa, xb, xc in order (increasing or decreasing) with
/// f(xb) below f(xa) and f(xc) (one of them may tie), scipy.optimize.bracket's
/// tuple plus how the search ended.
struct BracketResult {
  double xa = 0, xb = 0, xc = 0;
  double fa = 0, fb = 0, fc = 0;
  int funcalls = 0;
  /// False when the search stopped without a valid bracket (SciPy raises
  /// BracketError, or RuntimeError at maxiter): the points are the last tried.
  bool success = false;
  std::string message{};  ///< why the search failed; empty on success
};

/// scipy.optimize.bracket: searches downhill from xa, xb for three points
/// that bracket a minimum, growing the step by the golden ratio and trying
/// parabolic extrapolation, limited to grow_limit times the last step (Press
/// et al., Numerical Recipes, mnbrak).
/// Requires: xa, xb finite. Throws: ValueError otherwise.
/// Complexity: at most about 2 maxiter + 3 evaluations.
[[nodiscard]] BracketResult bracket(const ScalarFunction& f, double xa = 0.0, double xb = 1.0,
                                    double grow_limit = 110.0, int maxiter = 1000);

/// The methods of minimize_scalar.
enum class ScalarMinimizeMethod {
  brent,    ///< Brent's parabolic interpolation with golden-section safeguard (Brent 1973, ch. 5)
  golden,   ///< golden-section search
  bounded,  ///< Brent's method on an interval (fminbound), needs bounds
};

/// Options of minimize_scalar, with SciPy's names and defaults.
struct MinimizeScalarOptions {
  /// Unset: bounded when bounds are given, else brent.
  std::optional<ScalarMinimizeMethod> method{};
  /// brent / golden: empty (bracket search from 0, 1), two points (bracket
  /// search from them), or three points xa < xb < xc (either order) with
  /// f(xb) < f(xa), f(xc).
  std::vector<double> bracket{};
  /// bounded: the interval [lower, upper], finite, lower <= upper. Not allowed
  /// with brent or golden.
  std::optional<std::array<double, 2>> bounds{};
  /// Tolerance: brent / golden's relative xtol (defaults 1.48e-8 and sqrt(eps));
  /// for bounded, xatol when xatol is unset (with a runtime warning, as SciPy).
  std::optional<double> tol{};
  /// Iteration limit: brent 500, golden 5000; bounded: evaluations, 500.
  std::optional<int> maxiter{};
  /// bounded: absolute tolerance in x, default 1e-5.
  std::optional<double> xatol{};
};

/// scipy.optimize.minimize_scalar: a local minimizer of f.
/// Requires: the bracket or bounds as documented in MinimizeScalarOptions;
/// tolerances >= 0; maxiter >= 0.
/// Throws: ValueError on malformed options (SciPy's messages).
[[nodiscard]] ScalarOptimizeResult minimize_scalar(const ScalarFunction& f, const MinimizeScalarOptions& options = {});

}  // namespace scilearn::optimize
