#pragma once
/// \file
/// Initial value problems for systems of ODEs: scipy.integrate.solve_ivp with
/// its six methods, dense output and events.
///
///     namespace si = scilearn::integrate;
///     auto decay = [](double, const Vector& y) -> Vector { return -0.5 * y; };
///     auto r = si::solve_ivp(decay, {0, 10}, Vector::Constant(1, 2.0),
///                            {.method = si::OdeMethod::dop853, .rtol = 1e-10, .atol = 1e-12,
///                             .dense_output = true});
///     // r.success, r.t (the accepted steps), r.y (1 x r.t.size()), (*r.sol)(3.7)
///
/// How a run ends, as in SciPy:
/// - bad input (t_span or y0 not finite, rtol NaN, atol negative or of the
///   wrong length, max_step <= 0, first_step out of range, t_eval outside
///   t_span or not monotone in the direction of integration, fun returning a
///   vector of the wrong length): ValueError; an rtol below 100 eps is raised
///   to it with a warning;
/// - the step size falls below the spacing of the floating-point numbers near
///   t (this is also where a right-hand side that returns NaN or Inf ends up,
///   after its steps have been rejected), or an implicit method cannot make
///   its Newton iteration converge: status = -1, success = false, and a
///   message that says at which t; the solution up to there is returned;
/// - a terminal event: status = 1, the solution ends at the event;
/// - fun, jac or an event function throws: the exception reaches the caller
///   unchanged;
/// - an event whose sign change the step's end values show but the step's
///   interpolant does not (an event function exactly 0 at an end, met by the
///   interpolant with a rounding error): ValueError from the root finder, as
///   SciPy's brentq raises.
/// SciPy's `args` is a capture of the lambda here.

#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <scilearn/core/types.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace scilearn::integrate {

/// The right-hand side dy/dt = fun(t, y); returns a vector of y's length.
using OdeFunction = std::function<Vector(double t, const Vector& y)>;

/// The Jacobian d fun / d y at (t, y), n x n.
using OdeJacobian = std::function<Matrix(double t, const Vector& y)>;

/// An event function: the solver locates the zeros of event(t, y(t)).
using EventFunction = std::function<double(double t, const Vector& y)>;

/// The integration methods of scipy.integrate.solve_ivp.
enum class OdeMethod {
  rk45,    ///< explicit Runge-Kutta 5(4), Dormand & Prince (1980), quartic interpolant (Shampine 1986)
  rk23,    ///< explicit Runge-Kutta 3(2), Bogacki & Shampine (1989), cubic Hermite interpolant
  dop853,  ///< explicit Runge-Kutta 8(5,3), Hairer, Norsett & Wanner's DOP853, 7th-order interpolant
  radau,   ///< implicit Runge-Kutta Radau IIA of order 5 (Hairer & Wanner 1996), for stiff problems
  bdf,     ///< variable-order (1 to 5) backward differentiation, quasi-constant step (Shampine & Reichelt 1997)
  lsoda,   ///< automatic switching between a non-stiff (Adams) and a stiff (BDF) method, as Petzold's LSODA
};

/// SciPy's name of a method ("RK45", "Radau", ...).
[[nodiscard]] std::string_view to_string(OdeMethod method) noexcept;

/// One event, as SciPy's event function with its `terminal` and `direction`
/// attributes.
struct Event {
  EventFunction fun;
  /// 0: record every zero and go on; k > 0: stop at the k-th zero (SciPy's
  /// terminal = True is 1, terminal = k is k).
  int terminal = 0;
  /// > 0: only zeros where the function goes from negative to positive; < 0:
  /// positive to negative; 0: both.
  double direction = 0;
};

/// solve_ivp's options, with SciPy's names and defaults.
struct SolveIvpOptions {
  OdeMethod method = OdeMethod::rk45;
  /// Times at which to store the solution, inside t_span and sorted in the
  /// direction of integration; empty: the solver's own steps.
  std::vector<double> t_eval{};
  /// Build an OdeSolution over the whole span (OdeResult::sol).
  bool dense_output = false;
  std::vector<Event> events{};
  double rtol = 1e-3;  ///< relative tolerance; values below 100 eps are raised to it with a warning, as SciPy
  double atol = 1e-6;  ///< absolute tolerance for every component
  /// Absolute tolerance per component (length n); when non-empty it replaces atol.
  Vector atol_per_component{};
  double max_step = std::numeric_limits<double>::infinity();
  std::optional<double> first_step{};  ///< unset: chosen by Hairer, Norsett & Wanner's algorithm (II.4)
  /// Radau, BDF and LSODA: the Jacobian; unset: forward differences with
  /// SciPy's adaptive step (Salane 1986's num_jac).
  OdeJacobian jac{};
  /// LSODA only (other methods warn and ignore it, as SciPy): a floor on the
  /// step size, ODEPACK's hmin. Steps are raised to it, and a step at it that
  /// fails the error test ends the run (status -1).
  double min_step = 0;
};

/// A continuous solution over the whole integration: the steps' local
/// interpolants stitched together, as scipy.integrate.OdeSolution. Outside
/// [t_min, t_max] it extrapolates with the first or the last piece, as SciPy.
class OdeSolution {
 public:
  struct Impl;
  /// Made by solve_ivp (Impl is internal); copies share the pieces.
  explicit OdeSolution(std::shared_ptr<const Impl> impl);

  /// y(t), of length n.
  [[nodiscard]] Vector operator()(double t) const;
  /// y at every t: n x t.size().
  [[nodiscard]] Matrix operator()(const Vector& t) const;
  /// The step boundaries, in the direction of integration.
  [[nodiscard]] const Vector& ts() const;
  /// The smallest and the largest step boundary: the span the pieces cover.
  [[nodiscard]] double t_min() const;
  [[nodiscard]] double t_max() const;

 private:
  std::shared_ptr<const Impl> impl_;
};

/// What solve_ivp returns: SciPy's OdeResult fields.
struct OdeResult {
  Vector t;     ///< time points
  Matrix y;     ///< n x t.size(): the solution at t, one column per time
  std::optional<OdeSolution> sol;  ///< with dense_output
  std::vector<Vector> t_events;    ///< per event, the times it fired
  std::vector<Matrix> y_events;    ///< per event, n x t_events[i].size()
  long nfev = 0;  ///< right-hand side evaluations (finite-difference Jacobians included)
  long njev = 0;  ///< Jacobian evaluations
  long nlu = 0;   ///< LU decompositions
  int status = 0;  ///< -1 failed, 0 reached the end of t_span, 1 a terminal event
  std::string message;
  bool success = false;  ///< status >= 0
};

/// Integrates dy/dt = fun(t, y) from t_span.first to t_span.second (either
/// direction), starting at y0.
/// Requires: t_span finite with t_span.first != t_span.second, y0 finite.
/// Ensures: r.t starts at t_span.first (or is t_eval); r.success == false with
///   a message when the solver failed.
/// Throws: ValueError on bad input; whatever fun, jac or an event throws.
/// Complexity: per step, a method-dependent number of fun calls (RK23: 3,
///   RK45: 6, DOP853: 12; implicit methods: Newton iterations, an n x n LU
///   when the step size or Jacobian changes).
[[nodiscard]] OdeResult solve_ivp(const OdeFunction& fun, std::pair<double, double> t_span,
                                  const Eigen::Ref<const Vector>& y0, const SolveIvpOptions& options = {});

}  // namespace scilearn::integrate
