#pragma once
/// \file
/// Two-point boundary value problems for systems of ODEs:
/// scipy.integrate.solve_bvp.
///
///     dy/dx = f(x, y, p) + S y / (x - a),   a <= x <= b,   bc(y(a), y(b), p) = 0
///
/// y(x) has n components, p holds k unknown parameters found with y, and bc
/// returns n + k residuals. The solution is a C1 cubic spline from 4th-order
/// collocation (Lobatto IIIA) with residual control (Kierzenka & Shampine
/// 2001), the collocation system solved by a damped Newton method with an
/// affine-invariant criterion (Ascher, Mattheij & Russell 1995) on a sparse LU.
///
///     namespace si = scilearn::integrate;
///     // Bratu's problem y'' + exp(y) = 0, y(0) = y(1) = 0, as y1' = y2, y2' = -exp(y1)
///     auto fun = [](const Vector&, const Matrix& y) -> Matrix {
///       Matrix f(2, y.cols());
///       f.row(0) = y.row(1);
///       f.row(1) = -y.row(0).array().exp();
///       return f;
///     };
///     auto bc = [](const Vector& ya, const Vector& yb) -> Vector { return Vector{{ya(0), yb(0)}}; };
///     Vector x = Vector::LinSpaced(5, 0, 1);
///     auto r = si::solve_bvp(fun, bc, x, Matrix::Zero(2, 5));
///     // r.success, r.x (the final mesh), r.y, r.sol(0.5) (the spline)
///
/// How a run ends, as in SciPy: status 0 converged, 1 the mesh would exceed
/// max_nodes, 2 the collocation Jacobian is singular, 3 the boundary
/// conditions did not reach bc_tol in 10 iterations; each with the solution
/// found so far. Bad input throws ValueError; fun, bc, fun_jac or bc_jac may
/// throw and the exception reaches the caller unchanged.
/// Differences from SciPy: real problems only (SciPy also takes complex y);
/// no `verbose`; SciPy's `args` is a capture of the lambda.

#include <functional>
#include <optional>
#include <scilearn/core/types.hpp>
#include <string>
#include <vector>

namespace scilearn::integrate {

/// The right-hand side on a mesh: x has m nodes, y is n x m (column q is
/// y(x[q])), p the k parameters; returns f, n x m (SciPy's vectorized fun).
using BvpFunction = std::function<Matrix(const Vector& x, const Matrix& y, const Vector& p)>;
/// The boundary residuals bc(y(a), y(b), p), of length n + k.
using BvpBoundary = std::function<Vector(const Vector& ya, const Vector& yb, const Vector& p)>;
/// The problem without unknown parameters: fun(x, y).
using BvpFunctionNoParams = std::function<Matrix(const Vector& x, const Matrix& y)>;
/// The problem without unknown parameters: bc(ya, yb), of length n.
using BvpBoundaryNoParams = std::function<Vector(const Vector& ya, const Vector& yb)>;

/// fun_jac's result, per mesh node q = 0..m-1 (SciPy's (n, n, m) and (n, k, m)
/// arrays, split along their last axis).
struct BvpFunJacobian {
  std::vector<Matrix> df_dy;  ///< m matrices n x n: d f_i(x_q, y_q, p) / d (y_q)_j
  std::vector<Matrix> df_dp;  ///< m matrices n x k: d f_i / d p_j; may be left empty when k = 0
};

/// bc_jac's result.
struct BvpBcJacobian {
  Matrix dbc_dya;  ///< (n + k) x n: d bc_i / d ya_j
  Matrix dbc_dyb;  ///< (n + k) x n: d bc_i / d yb_j
  Matrix dbc_dp;   ///< (n + k) x k: d bc_i / d p_j; may be left empty when k = 0
};

/// The derivatives of fun (p is empty in the no-parameter form).
using BvpFunJac = std::function<BvpFunJacobian(const Vector& x, const Matrix& y, const Vector& p)>;
/// The derivatives of bc (p is empty in the no-parameter form).
using BvpBcJac = std::function<BvpBcJacobian(const Vector& ya, const Vector& yb, const Vector& p)>;

/// solve_bvp's options, with SciPy's names and defaults.
struct SolveBvpOptions {
  /// The n x n matrix of the singular term S y / (x - a); unset: no singular
  /// term. The solver enforces S y(a) = 0, which must not contradict bc.
  std::optional<Matrix> S{};
  /// Derivatives of fun; unset: forward differences (step sqrt(eps) (1 + |y|)).
  BvpFunJac fun_jac{};
  /// Derivatives of bc; unset: forward differences.
  BvpBcJac bc_jac{};
  /// Wanted RMS of the relative residual (y' - f) / (1 + |f|) on every mesh
  /// interval; values below 100 eps are raised to it with a warning, as SciPy.
  double tol = 1e-3;
  /// The mesh may not grow past this many nodes (status 1).
  long max_nodes = 1000;
  /// Absolute tolerance for the boundary residuals; unset: tol.
  std::optional<double> bc_tol{};
};

/// The solution as a piecewise cubic, C1 across the mesh nodes, as the
/// scipy.interpolate.PPoly that SciPy returns (local power basis, evaluated in
/// the same order, extrapolating with the end pieces).
class BvpSpline {
 public:
  /// The cubic with values y and derivatives yp (n x m) at the nodes x (m).
  /// Requires: x strictly increasing (not checked: solve_bvp's mesh is).
  /// Throws: ValueError when m < 2 or y, yp are not n x m.
  BvpSpline(Vector x, const Matrix& y, const Matrix& yp);

  /// The nu-th derivative (0 to 3; above 3 it is 0) at t, of length n; NaN
  /// for t = NaN.
  [[nodiscard]] Vector operator()(double t, int nu = 0) const;
  /// The nu-th derivative at every t: n x t.size().
  [[nodiscard]] Matrix operator()(const Vector& t, int nu = 0) const;
  /// The breakpoints (the mesh).
  [[nodiscard]] const Vector& x() const noexcept { return x_; }
  /// The coefficients, PPoly's c: c[j] is n x (m - 1), the coefficient of
  /// (t - x_i)^(3 - j) on interval i.
  [[nodiscard]] const std::vector<Matrix>& c() const noexcept { return c_; }

 private:
  Vector x_;
  std::vector<Matrix> c_;
};

/// What solve_bvp returns: SciPy's BVPResult fields.
struct BvpResult {
  BvpSpline sol;         ///< the solution as a C1 cubic spline over x
  Vector p;              ///< the parameters found (empty without parameters; SciPy: None)
  Vector x;              ///< the final mesh, m nodes
  Matrix y;              ///< n x m: the solution at x
  Matrix yp;             ///< n x m: its derivative at x (f at the nodes)
  Vector rms_residuals;  ///< m - 1: RMS relative residual on each interval
  int niter = 0;         ///< completed iterations (Newton solves followed by a mesh check)
  int status = 0;        ///< 0 converged, 1 max_nodes exceeded, 2 singular Jacobian, 3 bc_tol not met
  std::string message;   ///< SciPy's text for the status
  bool success = false;  ///< status == 0
};

/// Solves the boundary value problem with k = p.size() unknown parameters.
/// Requires: x finite and strictly increasing with m >= 2 nodes; y finite,
///   n x m with n >= 1; p finite; S (if set) finite, n x n; fun returns n x m
///   and bc n + k entries; fun_jac / bc_jac (if set) return the shapes of
///   BvpFunJacobian / BvpBcJacobian.
/// Ensures: r.x starts at x[0] and ends at x[m-1], r.x.size() <= max_nodes
///   unless the initial mesh is larger; r.success == false with SciPy's
///   message when status != 0.
/// Throws: ValueError on bad input (or a fun / bc / jacobian result of the
///   wrong shape); whatever fun, bc, fun_jac or bc_jac throws.
/// Complexity: per iteration a Newton solve of at most 8 steps, with at most
///   4 Jacobians (each n + k + 1 fun calls on the mesh and its midpoints with
///   finite differences) and a sparse LU of the (n m + k) square collocation
///   matrix per Jacobian, and up to 5 residual evaluations (2 fun calls) per
///   step. The mesh check after each iteration adds at most 2 nodes per
///   interval; once 10 iterations are done and the mesh stops growing, an
///   unmet bc_tol ends the run (status 3).
[[nodiscard]] BvpResult solve_bvp(const BvpFunction& fun, const BvpBoundary& bc, const Eigen::Ref<const Vector>& x,
                                  const Eigen::Ref<const Matrix>& y, const Eigen::Ref<const Vector>& p,
                                  const SolveBvpOptions& options = {});

/// The same without unknown parameters (SciPy's p=None): fun(x, y),
/// bc(ya, yb) of length n; fun_jac and bc_jac receive an empty p.
[[nodiscard]] BvpResult solve_bvp(const BvpFunctionNoParams& fun, const BvpBoundaryNoParams& bc,
                                  const Eigen::Ref<const Vector>& x, const Eigen::Ref<const Matrix>& y,
                                  const SolveBvpOptions& options = {});

}  // namespace scilearn::integrate
