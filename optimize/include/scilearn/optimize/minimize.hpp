#pragma once
/// \file
/// scipy.optimize.minimize: local minimization of a scalar function of a
/// vector, with SciPy's method names, options, defaults and result.

#include <functional>
#include <limits>
#include <optional>
#include <scilearn/optimize/constraints.hpp>
#include <scilearn/optimize/finite_differences.hpp>
#include <vector>
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
  slsqp,        ///< sequential least-squares quadratic programming (Kraft 1988); bounds and constraints
  cobyla,       ///< linear approximations in a trust region (Powell 1994); no gradient; bounds and constraints
  trust_ncg,    ///< trust region, Steihaug's truncated CG subproblem (Nocedal and Wright 2006, Alg. 7.2); needs jac and hess or hessp
  trust_exact,  ///< trust region, nearly exact subproblem (Moré and Sorensen 1983; Conn, Gould and Toint 2000, Alg. 7.3.6); needs jac and hess
  trust_constr, ///< trust-region SQP (Lalee, Nocedal and Plantenga 1998) and barrier method (Byrd, Hribar and Nocedal 1999); bounds and constraints
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
  /// trust_ncg: one of the two (required); trust_exact: hess (required).
  Hessian hess{};
  HessianVectorProduct hessp{};
  FiniteDifference finite_diff = FiniteDifference::two_point;
  /// The finite-difference step, absolute as in SciPy's `eps` option; default
  /// sqrt(eps) = 1.49e-8 (bfgs, cg) or 1e-8 (lbfgsb).
  std::optional<double> eps{};
  /// Box constraints (lbfgsb, powell, slsqp, cobyla and trust_constr honour them,
  /// nelder_mead clips to them; bfgs, cg and newton_cg reject them).
  std::optional<Bounds> bounds{};
  /// Equality and inequality constraints, any mix of the three kinds
  /// (slsqp, cobyla, trust_constr; other methods reject them).
  std::vector<AnyConstraint> constraints{};
  /// SciPy's `tol`: sets gtol (bfgs, cg), ftol and gtol (lbfgsb), xatol
  /// and fatol (nelder_mead), xtol and ftol (powell), xtol (newton_cg), ftol
  /// (slsqp) or the final trust-region radius of cobyla (default 1e-4).
  std::optional<double> tol{};
  Callback callback{};
  /// Iteration limit; 0: the method's SciPy default (200 n, the trust methods included; 15000 for
  /// lbfgsb; 100 for slsqp; for cobyla the evaluation limit, 1000; for
  /// nelder_mead and powell see maxfev).
  int maxiter = 0;
  /// Evaluation limit of nelder_mead and powell; 0: 200 n (nelder_mead) or
  /// 1000 n (powell) when maxiter is 0 too, else none. Likewise a maxiter of 0
  /// with maxfev set means no iteration limit, as in SciPy.
  int maxfev = 0;
  // bfgs, cg, lbfgsb
  /// Stop when norm(gradient, `norm`) <= gtol (lbfgsb: of the projected
  /// gradient, max norm; trust methods: the 2-norm < gtol). Empty: 1e-5, or
  /// 1e-4 for the trust methods (SciPy's defaults).
  std::optional<double> gtol{};
  double norm = std::numeric_limits<double>::infinity();  ///< the order of that norm (inf: max |g_i|)
  double c1 = 1e-4;                                      ///< Armijo constant of the Wolfe line search
  std::optional<double> c2{};                            ///< curvature constant; default 0.9 (bfgs), 0.4 (cg)
  double xrtol = 0;                                      ///< bfgs: stop when the step is below xrtol (xrtol + |x|)
  Matrix hess_inv0{};                                    ///< bfgs: initial inverse Hessian (symmetric positive definite); empty: I
  // lbfgsb
  int maxcor = 10;                       ///< correction pairs held (the m of L-BFGS)
  /// lbfgsb: stop when (f_k - f_k+1) / max(|f_k|, |f_k+1|, 1) <= ftol; powell: stop when
  /// 2 (f_k - f_k+1) <= ftol (|f_k| + |f_k+1|) + 1e-20; slsqp: stop at a point whose
  /// constraint violation is below ftol when |f_k - f_k+1| or every |x_k - x_k+1|
  /// is below ftol. Empty: the method's SciPy default, 2.2e-9 (lbfgsb), 1e-4
  /// (powell) or 1e-6 (slsqp).
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
  // cobyla (also tol above)
  double rhobeg = 1.0;  ///< initial trust-region radius: about a tenth of the expected distance to the solution
  /// Largest constraint violation that counts as success; empty: 2e-4, the
  /// default of SciPy's COBYLA up to 1.15, which ran the same code as ours.
  std::optional<double> catol{};
  double f_target = -std::numeric_limits<double>::infinity();  ///< stop once a feasible f(x) <= f_target
  // trust_ncg, trust_exact, trust_constr (also gtol, xtol above)
  double initial_trust_radius = 1.0;  ///< the first step's bound (< max_trust_radius); trust_constr's initial_tr_radius
  double max_trust_radius = 1000.0;   ///< steps never grow longer than this
  double eta = 0.15;                  ///< accept a step when actual / predicted reduction > eta; 0 <= eta < 0.25
  int subproblem_maxiter = 25;        ///< trust_exact: factorizations per subproblem
  // trust_constr: stop when the Lagrangian gradient's largest entry and the
  // constraint violation are both < gtol (default 1e-8; status 1), or the trust
  // radius < xtol (default 1e-8) with the barrier parameter < barrier_tol (status 2).
  double barrier_tol = 1e-8;
  double initial_constr_penalty = 1.0;     ///< the merit function's first constraint penalty
  double initial_barrier_parameter = 0.1;  ///< the first barrier parameter mu (inequalities)
  double initial_barrier_tolerance = 0.1;  ///< when the first barrier subproblem counts as solved
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
/// slsqp: status is Kraft's exit mode (0 success, 2 more equalities than
/// variables, 4 incompatible constraints or a stalled subproblem, 8 an
/// uphill line search or a singular subproblem, 9 maxiter), nit counts
/// accepted steps, x0 is clipped into the bounds; the callback sees each
/// iterate. cobyla: status is PRIMA's code (0 final radius reached, 1
/// f_target reached, 3 maxiter evaluations, 7 rounding), success also needs
/// maxcv <= catol; nit stays 0 and the callback sees every evaluation.
/// trust_ncg / trust_exact: status 2 when the model predicts no decrease, 3
/// when no factorization solved a trust_exact subproblem. trust_constr:
/// SciPy's statuses (0 maxiter, 1 gtol, 2 xtol, 4 a violation above gtol at
/// either; success for 1 and 2); without hess or hessp the objective's
/// Hessian, and every nonlinear constraint's, is a BFGS approximation;
/// maxcv is the final violation.
/// Throws: ValueError on bad input (constraints of the wrong size, lb > ub
/// in one, constraints given to a method without them); whatever fun, jac
/// or a constraint throws, unchanged.
/// Complexity: per iteration, one gradient and a few function values
/// (bfgs, cg, lbfgsb; O(n^2) more for bfgs's n x n update, O(m n) for
/// lbfgsb, O(m^2 n) when its free set changes), or 1-2 values (n + 1 on a
/// shrink) for nelder_mead; for powell, n + 1 line searches (each a bracket
/// search and Brent's method, a few tens of values) and O(n^2) per iteration;
/// slsqp, per iteration one gradient (n values by differences), the
/// constraints and their Jacobians, a few values in the line search, and a
/// least-squares subproblem of O(n^2 (n + m)) for m constraints; cobyla,
/// one value and the constraints per evaluation, O(n^2 + m n) per step;
/// trust_ncg, one value, one gradient and up to n Hessian-vector products
/// (or one Hessian) per iteration; trust_exact, one value, gradient and
/// Hessian and a few O(n^3 / 3) Cholesky factorizations per iteration;
/// trust_constr, a value and a gradient (and every constraint's value and
/// Jacobian) per trial point, a QR factorization of the m x n constraint
/// Jacobian, O(m n^2), and up to n - m CG steps per iteration.
[[nodiscard]] OptimizeResult minimize(const Objective& fun, const Vector& x0, const MinimizeOptions& options = {});

/// minimize for an objective that returns its gradient too (SciPy's
/// jac=True); options.jac must be empty.
[[nodiscard]] OptimizeResult minimize(const ObjectiveWithGradient& fun, const Vector& x0,
                                      const MinimizeOptions& options = {});

}  // namespace scilearn::optimize
