#pragma once
/// \file
/// scipy.optimize.curve_fit: fits a model's parameters to data by nonlinear
/// least squares, with their covariance.

#include <functional>
#include <scilearn/core/types.hpp>
#include <string>

namespace scilearn::optimize {

/// The model: its predictions at the points `x` (one row per point, one
/// column per independent variable) for the parameters `p`.
using Model = std::function<Vector(const Matrix& x, const Vector& p)>;

/// The model's Jacobian with respect to p: one row per point, one column per parameter.
using ModelJacobian = std::function<Matrix(const Matrix& x, const Vector& p)>;

/// Options of curve_fit, with SciPy's names and defaults (method 'lm': the
/// keyword arguments SciPy passes on to leastsq).
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
  ModelJacobian jac{};       ///< empty: MINPACK's forward differences (lmdif)
  double ftol = 1.49012e-08;
  double xtol = 1.49012e-08;
  double gtol = 0.0;
  int maxfev = 0;        ///< 0: 200 (n + 1), or 100 (n + 1) with jac
  double epsfcn = 0.0;   ///< forward-difference step sqrt(max(epsfcn, eps)) |p_j|
};

/// What curve_fit returns (SciPy's popt, pcov and full_output's infodict, mesg, ier).
struct CurveFitResult {
  Vector popt{};     ///< the fitted parameters
  Matrix pcov{};     ///< their estimated covariance; +inf entries when it cannot be estimated
  Vector fvec{};     ///< the (weighted) residuals at popt
  int nfev = 0;      ///< model evaluations (finite-difference ones included)
  int ier = 0;       ///< MINPACK's info: 1-4 converged, 5 maxfev reached, 6-8 tolerances too small
  std::string mesg{};
  bool success = false;  ///< ier in 1-4 (SciPy raises RuntimeError otherwise)
};

/// Fits p in ydata ~ f(xdata, p), from options.p0, by Levenberg-Marquardt
/// (MINPACK's lmdif / lmder, as SciPy's method 'lm').
/// Requires: p0 non-empty and finite; ydata non-empty with as many entries as
/// xdata has rows, at least as many as parameters; f returns ydata.size()
/// values; sigma of a valid shape (and positive definite when a matrix).
/// Ensures: success false with mesg when MINPACK stopped without converging
/// (where SciPy raises RuntimeError); pcov = (J'J)^-1 from the final
/// Jacobian's R, scaled by the residual variance sum(fvec^2) / (m - n)
/// unless absolute_sigma; a warning and +inf when it cannot be estimated.
/// Throws: ValueError on bad input; whatever f or jac throws.
[[nodiscard]] CurveFitResult curve_fit(const Model& f, const Eigen::Ref<const Matrix>& xdata,
                                       const Eigen::Ref<const Vector>& ydata, const CurveFitOptions& options);

}  // namespace scilearn::optimize
