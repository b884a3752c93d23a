#pragma once
/// \file
/// scipy.integrate.odeint for code ported from it: the solution at given
/// times, by our LSODA (see solve_ivp.hpp), with odeint's argument order
/// func(y, t), defaults and output layout (one row per time).
///
///     namespace si = scilearn::integrate;
///     // A damped pendulum, SciPy's odeint example: theta'' + b theta' + c sin(theta) = 0.
///     auto pend = [](const Vector& y, double) -> Vector { return Vector{{y(1), -0.25 * y(1) - 5 * std::sin(y(0))}}; };
///     Matrix sol = si::odeint(pend, Vector{{3.0416, 0.0}}, Vector::LinSpaced(101, 0, 10)).y;  // 101 x 2
///
/// New code should call solve_ivp, which reports failures in its result and
/// offers every method, events and dense output.

#include <functional>
#include <scilearn/core/types.hpp>
#include <string>

namespace scilearn::integrate {

/// odeint's right-hand side: dy/dt = func(y, t) (SciPy's default tfirst = False).
using OdeintFunction = std::function<Vector(const Vector& y, double t)>;

/// odeint's Jacobian d func / d y at (y, t), n x n (SciPy's Dfun, col_deriv = 0).
using OdeintJacobian = std::function<Matrix(const Vector& y, double t)>;

/// odeint's options, with SciPy's names and defaults (0 means "the solver's
/// choice", as in SciPy).
struct OdeintOptions {
  OdeintJacobian Dfun{};
  double rtol = 1.49012e-8;
  double atol = 1.49012e-8;
  double h0 = 0;    ///< the first step; 0: chosen by the solver
  double hmax = 0;  ///< the largest step; 0: unbounded
  double hmin = 0;  ///< the smallest step; 0: none
  int mxstep = 0;   ///< the most steps between two output times; 0: 500, as SciPy
};

/// odeint's result: y and the infodict of full_output = True that our solver
/// can fill.
struct OdeintResult {
  Matrix y;              ///< t.size() x n: row i is the solution at t(i)
  IndexVector nst;       ///< cumulative steps taken up to each output time (t.size() - 1 entries)
  IndexVector nfe;       ///< cumulative evaluations of func
  IndexVector nje;       ///< cumulative Jacobian evaluations
  Vector tcur;           ///< the time the solver had reached at each output time
  bool success = false;  ///< false: integration stopped early; rows past it are NaN
  std::string message;   ///< "Integration successful." or why it stopped
};

/// The solution of dy/dt = func(y, t), y(t(0)) = y0, at the times t.
/// Requires: t monotone (repeated values allowed), finite; y0 finite.
/// Ensures: y.row(0) == y0; on failure (too many steps between two output
///   times, a step size below hmin or the spacing of the doubles) the rows
///   from there on are NaN, success == false, and a warning is issued (SciPy
///   prints one and returns the garbage rows).
/// Throws: ValueError on bad input; whatever func or Dfun throws.
/// Complexity: as solve_ivp's LSODA, plus one interpolation per output time.
[[nodiscard]] OdeintResult odeint(const OdeintFunction& func, const Eigen::Ref<const Vector>& y0, const Vector& t,
                                  const OdeintOptions& options = {});

}  // namespace scilearn::integrate
