#pragma once
/// \file
/// Roots of a scalar function of one variable: scipy.optimize's `brentq`,
/// `brenth`, `ridder`, `bisect`, `toms748`, `newton` (Newton, secant and
/// Halley) and the `root_scalar` front end, with SciPy's defaults, iterates and
/// result.
///
///     auto r = scilearn::optimize::brentq([](double x) { return x * x * x - 2; }, 0, 2);
///     // r.root == 1.2599210498949..., r.converged, r.function_calls == 9 (as SciPy)
///
/// How a run ends, as in SciPy's `full_output=True` / `disp=False`, plus a
/// warning for what SciPy's `disp=True` would have raised:
/// - bad input (same-sign bracket, NaN / Inf end point, xtol <= 0, rtol too
///   small, maxiter out of range): ValueError;
/// - the callable throws: the exception reaches the caller unchanged;
/// - f returns NaN in a bracketing method: ValueError "the function value at
///   x=... is NaN" (SciPy since gh-17622); `root_scalar` instead returns
///   converged = false with that message as `flag`, as SciPy's does;
/// - maxiter reached: converged = false, flag "convergence error"; with
///   disp = true also a WarningCategory::convergence warning (SciPy raises
///   RuntimeError there);
/// - newton's zero derivative, the secant method's f(x0) == f(x1): converged =
///   false at the current point, flag "convergence error", and one warning:
///   convergence with disp = true, runtime (SciPy's RuntimeWarning) with
///   disp = false.

#include <array>
#include <limits>
#include <optional>
#include <scilearn/optimize/functions.hpp>
#include <string>
#include <string_view>

namespace scilearn::optimize {

/// How a scalar root finder ended: SciPy's `RootResults`.
struct RootResults {
  double root = 0;         ///< the estimated root (the last iterate when not converged)
  int iterations = 0;      ///< iterations taken
  int function_calls = 0;  ///< evaluations, counted as SciPy counts them (newton: f, fprime and fprime2 calls)
  bool converged = false;  ///< true when the termination test was met
  std::string flag{};      ///< "converged", "convergence error", or the reason it stopped
  std::string method{};    ///< "brentq", "brenth", "ridder", "bisect", "toms748", "newton", "secant", "halley"
};

/// Options of the bracketing solvers, with SciPy's names and defaults.
struct BracketRootOptions {
  /// Absolute tolerance: the root x0 returned satisfies |x - x0| <= xtol + rtol |x0|
  /// (about) for the exact root x. Must be > 0.
  double xtol = 2e-12;
  /// Relative tolerance; must be >= 4 eps (toms748: >= eps), as in SciPy.
  double rtol = 4 * std::numeric_limits<double>::epsilon();
  /// Iteration limit (>= 0; toms748: >= 1).
  int maxiter = 100;
  /// Warn (WarningCategory::convergence) when the limit is reached.
  bool disp = true;
};

/// Brent's method with inverse quadratic interpolation (Brent 1973, ch. 4):
/// scipy.optimize.brentq, with the same iterates (and so the same
/// function_calls) as SciPy's C implementation.
/// Requires: a and b finite, f(a) and f(b) of opposite signs (or one zero).
/// Throws: ValueError on bad input or when f returns NaN.
/// Complexity: at most maxiter + 2 evaluations of f.
[[nodiscard]] RootResults brentq(const ScalarFunction& f, double a, double b, const BracketRootOptions& options = {});

/// Brent's method with hyperbolic extrapolation (Bus & Dekker 1975):
/// scipy.optimize.brenth. Requires / Throws / Complexity: as brentq.
[[nodiscard]] RootResults brenth(const ScalarFunction& f, double a, double b, const BracketRootOptions& options = {});

/// Ridders' method (Ridders 1979): scipy.optimize.ridder.
/// Requires / Throws: as brentq. Complexity: at most 2 maxiter + 2 evaluations.
[[nodiscard]] RootResults ridder(const ScalarFunction& f, double a, double b, const BracketRootOptions& options = {});

/// Bisection: scipy.optimize.bisect. Requires / Throws / Complexity: as brentq.
[[nodiscard]] RootResults bisect(const ScalarFunction& f, double a, double b, const BracketRootOptions& options = {});

/// Alefeld, Potra & Shi's Algorithm 748 (ACM TOMS 1995) through Boost.Math's
/// toms748_solve, with SciPy's termination test (|a - b| <= xtol + rtol |b|
/// on the bracket, whose midpoint is returned).
/// Boost implements the paper's Algorithm 4.2, two interpolation steps per
/// iteration (SciPy's `k=2`); SciPy's default is `k=1`, so the roots agree to
/// the tolerance but function_calls may differ from SciPy's default run.
/// Boost counts steps, not iterations: here `maxiter` bounds, and `iterations`
/// reports, the evaluations after the two at a and b.
/// Requires: a < b, both finite; f(a), f(b) finite and of opposite signs (or one
/// zero); rtol >= eps; maxiter >= 1.
/// Throws: ValueError on bad input or when f returns NaN.
[[nodiscard]] RootResults toms748(const ScalarFunction& f, double a, double b, const BracketRootOptions& options = {});

/// Options of newton, with SciPy's names and defaults.
struct NewtonOptions {
  /// f'(x). Given: Newton's method (Halley's with fprime2); empty: the secant method.
  ScalarFunction fprime{};
  /// f''(x), used with fprime (Halley's method). Ignored without fprime.
  ScalarFunction fprime2{};
  /// The secant method's second start point; default x0 (1 + 1e-4) +- 1e-4.
  std::optional<double> x1{};
  /// Stop when |x_new - x| <= tol + rtol |x| (secant: relative to the newer
  /// point). Must be > 0.
  double tol = 1.48e-8;
  int maxiter = 50;  ///< iteration limit, >= 1
  double rtol = 0.0;
  /// Warn (WarningCategory::convergence) when the run did not converge.
  bool disp = true;
};

/// scipy.optimize.newton for a scalar x0: Newton-Raphson with fprime, Halley
/// with fprime and fprime2, the secant method without fprime; SciPy's iterates.
/// A NaN from f is not an error (as in SciPy): the run ends unconverged.
/// Requires: x0 (and x1) finite, x1 != x0, tol > 0, maxiter >= 1.
/// Throws: ValueError on bad input. Complexity: at most maxiter iterations of
/// 1 (secant), 2 (Newton) or 3 (Halley) calls.
[[nodiscard]] RootResults newton(const ScalarFunction& func, double x0, const NewtonOptions& options = {});

/// The solvers root_scalar dispatches to.
enum class RootScalarMethod { bisect, brentq, brenth, ridder, toms748, newton, secant, halley };

/// SciPy's name of a method ("brentq", ...).
[[nodiscard]] std::string_view to_string(RootScalarMethod method) noexcept;

/// Options of root_scalar, with SciPy's names. Unset tolerances take the
/// chosen method's defaults (bracketing: xtol 2e-12, rtol 4 eps, maxiter 100;
/// newton / secant / halley: xtol 1.48e-8, rtol 0, maxiter 50).
struct RootScalarOptions {
  /// Unset: brentq with a bracket; else, from x0, halley (fprime and fprime2),
  /// newton (fprime), secant (x1), newton with a finite-difference derivative
  /// (none of those), as SciPy 1.17 chooses.
  std::optional<RootScalarMethod> method{};
  std::optional<std::array<double, 2>> bracket{};  ///< [a, b] for the bracketing methods
  std::optional<double> x0{};                      ///< start point of newton / secant / halley
  std::optional<double> x1{};                      ///< second start point of secant
  ScalarFunction fprime{};                         ///< f'
  ScalarFunction fprime2{};                        ///< f''
  std::optional<double> xtol{};
  std::optional<double> rtol{};
  std::optional<int> maxiter{};
};

/// scipy.optimize.root_scalar: finds a root of f with the method chosen (or
/// implied) by options. Never warns about non-convergence (SciPy passes
/// disp=False): read `converged`. A NaN from f in a bracketing method ends the
/// run with converged = false and the message as `flag`. Method newton without
/// fprime uses a forward-difference derivative (approx_derivative, 2-point),
/// counted, as in SciPy, as one call per derivative.
/// Throws: ValueError when the method's inputs are missing (no bracket, no x0,
/// no fprime / fprime2 for halley) or bad (as the method's own function).
[[nodiscard]] RootResults root_scalar(const ScalarFunction& f, const RootScalarOptions& options = {});

}  // namespace scilearn::optimize
