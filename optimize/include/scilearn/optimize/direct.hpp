#pragma once
/// \file
/// scipy.optimize.direct: deterministic global minimization over a box by
/// DIviding RECTangles (Jones, Perttunen and Stuckman 1993, "Lipschitzian
/// optimization without the Lipschitz constant"), by default in the locally
/// biased form DIRECT-L (Gablonsky and Kelley 2001, "A locally-biased form of
/// the DIRECT algorithm"), with SciPy 1.17's options, defaults, stopping
/// rules, status codes and messages.
///
///     auto r = scilearn::optimize::direct(f, {.lb = lb, .ub = ub});
///     // r.x, r.fun, r.nfev, r.nit; r.success when f_min, vol_tol or len_tol stopped it
///
/// Our own implementation of the published algorithm; SciPy wraps Gablonsky's
/// Fortran-derived C code. Both pick the same kind of rectangles and stop by
/// the same rules, but ties, the order of divisions within an iteration and
/// the check of maxfun are our own, so the evaluation sequences differ in
/// detail and nfev / nit may differ from SciPy's on the same problem.

#include <functional>
#include <limits>
#include <scilearn/optimize/functions.hpp>
#include <scilearn/optimize/minimize.hpp>
#include <scilearn/optimize/result.hpp>

namespace scilearn::optimize {

/// Options of direct: SciPy's names and defaults.
struct DirectOptions {
  /// Jones's epsilon: a rectangle is divided only if, with some Lipschitz
  /// constant K > 0, its lower bound f(c) - K d undercuts the best value by
  /// at least eps |f_best|. Larger values search more globally.
  double eps = 1e-4;
  int maxfun = 0;       ///< evaluation limit; 0: 1000 n (SciPy's default)
  int maxiter = 1000;   ///< iteration limit
  bool locally_biased = true;  ///< DIRECT-L (true) or the original DIRECT (false)
  /// The known global minimum, if any: stop once (f_best - f_min) / |f_min|
  /// (or f_best - f_min when f_min = 0) is at most f_min_rtol.
  double f_min = -std::numeric_limits<double>::infinity();
  double f_min_rtol = 1e-4;
  /// Stop once the rectangle holding the best point has a volume, relative to
  /// the box, of at most vol_tol. In [0, 1].
  double vol_tol = 1e-16;
  /// Stop once that rectangle's size measure, relative to the box (half its
  /// longest side for DIRECT-L, half its diagonal for DIRECT), is at most
  /// len_tol. In [0, 1].
  double len_tol = 1e-6;
  /// Called after each iteration with the best point so far (SciPy's callback(xk)).
  std::function<void(const Vector& xk)> callback{};
};

/// Minimizes func over the box bounds.lb <= x <= bounds.ub by DIRECT(-L).
/// Requires: bounds.lb, bounds.ub of the same size n >= 1, finite, lb < ub;
/// eps >= 0; maxfun >= 0; maxiter >= 1; f_min_rtol >= 0; vol_tol and
/// len_tol in [0, 1]; f_min not NaN.
/// Ensures: x is the best point evaluated, fun = func(x) (NaN values count as
/// +inf); status and message as SciPy's: 1 maxfun reached, 2 maxiter reached
/// (success false), 3 f_min reached, 4 vol_tol reached, 5 len_tol reached
/// (success true). The limits are checked between rectangle divisions, so
/// nfev may pass maxfun by up to 2 n - 1.
/// Throws: ValueError on bad input; whatever func or the callback throws.
/// Complexity: one evaluation of func per sampled point, and O(R) work per
/// iteration for R rectangles besides them (R = nfev).
[[nodiscard]] OptimizeResult direct(const Objective& func, const Bounds& bounds, const DirectOptions& options = {});

}  // namespace scilearn::optimize
