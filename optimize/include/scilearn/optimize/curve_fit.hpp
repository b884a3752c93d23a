#pragma once
/// \file
/// scipy.optimize.curve_fit: fits a model's parameters to data by nonlinear
/// least squares, with their covariance.

#include <functional>
#include <optional>
#include <scilearn/core/types.hpp>
#include <scilearn/optimize/minimize.hpp>
#include <string>

namespace scilearn::optimize {

/// The model: its predictions at the points `x` (one row per point, one
/// column per independent variable) for the parameters `p`.
using Model = std::function<Vector(const Matrix& x, const Vector& p)>;

/// The model's Jacobian with respect to p: one row per point, one column per parameter.
using ModelJacobian = std::function<Matrix(const Matrix& x, const Vector& p)>;

/// Options of curve_fit, with SciPy's names and defaults: without bounds the
/// Levenberg-Marquardt method (SciPy's 'lm', through leastsq), with bounds
/// the Trust Region Reflective method (SciPy's 'trf', through least_squares).
struct CurveFitOptions {
  /// The starting parameters; required (SciPy counts f's arguments, which C++
  /// cannot), and it sets the number of parameters.
  Vector p0{};
  /// Uncertainty in ydata: empty (none), one value, one per point (the
  /// residuals are divided by it), or the points' covariance matrix (the
  /// residuals are whitened with its Cholesky factor).
  Matrix sigma{};
  /// True: sigma is absolute and pcov is not rescaled by the residual variance.
  bool absolute_sigma = false;
  bool check_finite = true;  ///< reject NaN / Inf in xdata and ydata
  ModelJacobian jac{};       ///< empty: forward differences (MINPACK's for lm, approx_derivative's for trf)
  /// lb <= p <= ub (1 or n entries each); p0 must lie inside.
  std::optional<Bounds> bounds{};
  /// Tolerances; empty: the method's SciPy defaults (lm: 1.49012e-8,
  /// 1.49012e-8, 0; trf: 1e-8 each).
  std::optional<double> ftol{};
  std::optional<double> xtol{};
  std::optional<double> gtol{};
  int maxfev = 0;        ///< 0: lm 200 (n + 1) (100 (n + 1) with jac); trf 100 n
  double epsfcn = 0.0;   ///< lm: forward-difference step sqrt(max(epsfcn, eps)) |p_j|
};

/// What curve_fit returns (SciPy's popt, pcov and full_output's infodict, mesg, ier).
struct CurveFitResult {
  Vector popt{};     ///< the fitted parameters
  Matrix pcov{};     ///< their estimated covariance; +inf entries when it cannot be estimated
  Vector fvec{};     ///< the (weighted) residuals at popt
  int nfev = 0;      ///< model evaluations (finite-difference ones included)
  int ier = 0;       ///< lm: MINPACK's info (1-4 converged, 5 maxfev, 6-8 tolerances too small); trf: least_squares' status
  std::string mesg{};
  bool success = false;  ///< converged (SciPy raises RuntimeError otherwise)
};

/// Fits p in ydata ~ f(xdata, p), from options.p0, by Levenberg-Marquardt
/// (MINPACK's lmdif / lmder, as SciPy's method 'lm'), or with bounds by the
/// Trust Region Reflective method (least_squares, SciPy's 'trf').
/// Requires: p0 non-empty and finite; ydata non-empty with as many entries as
/// xdata has rows, at least as many as parameters; f returns ydata.size()
/// values; sigma of a valid shape (and positive definite when a matrix).
/// Ensures: success false with mesg when MINPACK stopped without converging
/// (where SciPy raises RuntimeError); pcov = (J'J)^-1 (lm: from the final
/// Jacobian's R; trf: J's pseudo-inverse through its SVD, singular values
/// below eps max(m, n) s_max dropped), scaled by the residual variance sum(fvec^2) / (m - n)
/// unless absolute_sigma; a warning and +inf when it cannot be estimated.
/// Throws: ValueError on bad input; whatever f or jac throws.
[[nodiscard]] CurveFitResult curve_fit(const Model& f, const Eigen::Ref<const Matrix>& xdata,
                                       const Eigen::Ref<const Vector>& ydata, const CurveFitOptions& options);

}  // namespace scilearn::optimize
