#pragma once
/// \file
/// scipy.optimize.minimize: local minimization of a scalar function of a
/// vector, with SciPy's method names, options, defaults and result.

#include <functional>
#include <limits>
#include <optional>
#include <scilearn/optimize/finite_differences.hpp>
#include <scilearn/optimize/functions.hpp>
#include <scilearn/optimize/result.hpp>

namespace scilearn::optimize {

/// The minimization method (SciPy's `method`).
enum class Method {
  nelder_mead,  ///< downhill simplex (Nelder and Mead 1965; Gao and Han 2012 when adaptive); no gradient; bounds by clipping
  cg,           ///< nonlinear conjugate gradients, Polak-Ribiere+ (Nocedal and Wright 2006, Sec. 5.2)
  bfgs,         ///< quasi-Newton BFGS with a dense inverse Hessian (Nocedal and Wright 2006, Alg. 6.1)
  lbfgsb,       ///< limited-memory BFGS with bounds (Byrd, Lu, Nocedal and Zhu 1995; v3.0, Morales and Nocedal 2011)
  powell,       ///< modified Powell conjugate directions (Powell 1964) with Brent line searches; no gradient; bounds
  newton_cg,    ///< truncated Newton: CG on the Newton system, Wolfe line search (Nocedal and Wright 2006, Alg. 7.1); needs jac
};

/// The Hessian of an Objective at x (SciPy's `hess` callable).
using Hessian = std::function<Matrix(const Vector& x)>;

/// The Hessian at x times a vector p (SciPy's `hessp`): lets newton_cg run
/// without forming the matrix.
using HessianVectorProduct = std::function<Vector(const Vector& x, const Vector& p)>;

/// Box constraints lb <= x <= ub (SciPy's `Bounds`); use -inf / +inf for a
/// free side. One entry applies to every component.
struct Bounds {
  Vector lb{};
  Vector ub{};
};

/// Called after each iteration with the current x and fun (SciPy's
/// `callback(intermediate_result)`); returning true stops the run, which
/// then ends with success = false, status 99 (SciPy's StopIteration).
using Callback = std::function<bool(const OptimizeResult& intermediate)>;

/// Options of minimize: SciPy's arguments and per-method `options`, with
/// SciPy's defaults. Options a method does not use are ignored, as in SciPy.
struct MinimizeOptions {
  Method method = Method::bfgs;
  /// The gradient (SciPy's `jac` callable); empty: finite differences by
  /// `finite_diff` with absolute step `eps` (turned around or shortened at a
  /// bound). Ignored by nelder_mead and powell. (For an objective that returns its
  /// gradient, SciPy's jac=True, pass an ObjectiveWithGradient to minimize instead.)
  Gradient jac{};
  /// newton_cg: the Hessian, or (if hess is empty) Hessian-vector products;
  /// neither: forward differences of the gradient with step `eps`.
  Hessian hess{};
  HessianVectorProduct hessp{};
  FiniteDifference finite_diff = FiniteDifference::two_point;
  /// The finite-difference step, absolute as in SciPy's `eps` option; default
  /// sqrt(eps) = 1.49e-8 (bfgs, cg) or 1e-8 (lbfgsb).
  std::optional<double> eps{};
  /// Box constraints (lbfgsb and powell honour them, nelder_mead clips to
  /// them; bfgs and cg reject them).
  std::optional<Bounds> bounds{};
  /// SciPy's `tol`: sets gtol (bfgs, cg), ftol and gtol (lbfgsb), xatol
  /// and fatol (nelder_mead), xtol and ftol (powell), or xtol (newton_cg).
  std::optional<double> tol{};
  Callback callback{};
  /// Iteration limit; 0: the method's SciPy default (200 n; 15000 for
  /// lbfgsb; for nelder_mead and powell see maxfev).
  int maxiter = 0;
  /// Evaluation limit of nelder_mead and powell; 0: 200 n (nelder_mead) or
  /// 1000 n (powell) when maxiter is 0 too, else none. Likewise a maxiter of 0
  /// with maxfev set means no iteration limit, as in SciPy.
  int maxfev = 0;
  // bfgs, cg, lbfgsb
  double gtol = 1e-5;                                    ///< stop when norm(gradient, `norm`) <= gtol (lbfgsb: of the projected gradient, max norm)
  double norm = std::numeric_limits<double>::infinity();  ///< the order of that norm (inf: max |g_i|)
  double c1 = 1e-4;                                      ///< Armijo constant of the Wolfe line search
  std::optional<double> c2{};                            ///< curvature constant; default 0.9 (bfgs), 0.4 (cg)
  double xrtol = 0;                                      ///< bfgs: stop when the step is below xrtol (xrtol + |x|)
  Matrix hess_inv0{};                                    ///< bfgs: initial inverse Hessian (symmetric positive definite); empty: I
  // lbfgsb
  int maxcor = 10;                       ///< correction pairs held (the m of L-BFGS)
  /// lbfgsb: stop when (f_k - f_k+1) / max(|f_k|, |f_k+1|, 1) <= ftol; powell: stop when
  /// 2 (f_k - f_k+1) <= ftol (|f_k| + |f_k+1|) + 1e-20. Empty: the method's
  /// SciPy default, 2.2e-9 (lbfgsb) or 1e-4 (powell).
  std::optional<double> ftol{};
  int maxfun = 15000;                    ///< evaluation limit (checked after each iteration, as in SciPy)
  int maxls = 20;                        ///< evaluations per line search
  // nelder_mead
  double xatol = 1e-4;          ///< stop when every simplex vertex is within xatol of the best (max norm) ...
  double fatol = 1e-4;          ///< ... and every vertex value within fatol of the best
  bool adaptive = false;        ///< dimension-dependent coefficients (Gao and Han 2012), for large n
  Matrix initial_simplex{};     ///< (n + 1) x n, one vertex per row; empty: x0 and x0 with each entry scaled by 1.05 (0.00025 if zero)
  // powell (also ftol above)
  /// powell: relative tolerance of each line search (Brent's xtol = 100
  /// xtol; bounded: xatol = xtol), default 1e-4; newton_cg: stop when the
  /// step's 1-norm is below n xtol, default 1e-5.
  std::optional<double> xtol{};
  Matrix direc{};      ///< n x n initial directions, one per row; empty: the identity. Rank deficient: a warning
};

/// Minimizes fun from x0.
/// Requires: x0 non-empty and finite; options valid for the method (gtol,
/// xatol, fatol >= 0, 0 < c1 < c2 < 1, bounds of n or 1 entries with
/// lb <= ub, hess_inv0 n x n symmetric positive definite, initial_simplex
/// (n + 1) x n, direc n x n and finite, xtol, ftol >= 0).
/// Ensures: result.x is the best point found (inside the bounds for
/// lbfgsb, and for powell from an x0 inside them); success is false with
/// status and message when a limit was hit (status 1, or 2 for nelder_mead's
/// and powell's iterations, as in SciPy; powell: 4 when x ends outside the
/// bounds), the line
/// search failed (bfgs / cg status 2, "precision loss"; lbfgsb status 2,
/// "ABNORMAL: "), a NaN appeared (status 3) or the callback stopped the run
/// (status 99). nfev / njev count calls as SciPy counts them; messages are SciPy's.
/// Throws: ValueError on bad input; whatever fun or jac throws, unchanged.
/// Complexity: per iteration, one gradient and a few function values
/// (bfgs, cg, lbfgsb; O(n^2) more for bfgs's n x n update, O(m n) for
/// lbfgsb, O(m^2 n) when its free set changes), or 1-2 values (n + 1 on a
/// shrink) for nelder_mead; for powell, n + 1 line searches (each a bracket
/// search and Brent's method, a few tens of values) and O(n^2) per iteration.
[[nodiscard]] OptimizeResult minimize(const Objective& fun, const Vector& x0, const MinimizeOptions& options = {});

/// minimize for an objective that returns its gradient too (SciPy's
/// jac=True); options.jac must be empty.
[[nodiscard]] OptimizeResult minimize(const ObjectiveWithGradient& fun, const Vector& x0,
                                      const MinimizeOptions& options = {});

}  // namespace scilearn::optimize
