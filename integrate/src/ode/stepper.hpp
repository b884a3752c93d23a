#pragma once
// The internal interface of the ODE methods, after SciPy's OdeSolver and
// DenseOutput classes: solve_ivp drives a Stepper one step at a time and asks
// it for the interpolant of the step just taken.

#include <limits>
#include <memory>
#include <optional>
#include <scilearn/core/types.hpp>
#include <scilearn/integrate/solve_ivp.hpp>
#include <string>
#include <string_view>

namespace scilearn::integrate::detail {

// The right-hand side as the methods see it: counts the calls (SciPy's nfev)
// and checks that each result has y's length.
class OdeRhs {
 public:
  OdeRhs(const OdeFunction& fun, Index n) : fun_(fun), n_(n) {}
  Vector operator()(double t, const Vector& y);
  [[nodiscard]] long nfev() const { return nfev_; }

 private:
  const OdeFunction& fun_;
  Index n_;
  long nfev_ = 0;
};

// A local interpolant of one step, valid on [t_old, t] (it extrapolates
// outside, as SciPy's).
class StepInterpolant {
 public:
  StepInterpolant(double t_old, double t) : t_old_(t_old), t_(t) {}
  virtual ~StepInterpolant() = default;
  [[nodiscard]] virtual Vector operator()(double t) const = 0;
  [[nodiscard]] double t_old() const { return t_old_; }
  [[nodiscard]] double t() const { return t_; }

 private:
  double t_old_;
  double t_;
};

// y(t) = y for every t: the interpolant of a system with no unknowns.
class ConstantInterpolant final : public StepInterpolant {
 public:
  ConstantInterpolant(double t_old, double t, Vector value) : StepInterpolant(t_old, t), value_(std::move(value)) {}
  [[nodiscard]] Vector operator()(double) const override { return value_; }

 private:
  Vector value_;
};

// The tolerances and limits every method takes, validated by solve_ivp:
// rtol >= 100 eps, atol of length n and >= 0, max_step > 0, first_step (if
// set) in (0, |t_bound - t0|].
struct StepperSettings {
  double rtol = 1e-3;
  Vector atol;
  double max_step = std::numeric_limits<double>::infinity();
  std::optional<double> first_step;
  OdeJacobian jac;
  // A floor on the step size (LSODA's min_step, ODEPACK's hmin): steps are
  // raised to it, and a rejected step at it fails. 0 for the other methods.
  double min_step = 0;
};

class Stepper {
 public:
  enum class Status { running, finished, failed };

  Stepper(OdeRhs& fun, double t0, Vector y0, double t_bound);
  virtual ~Stepper() = default;
  Stepper(const Stepper&) = delete;
  Stepper& operator=(const Stepper&) = delete;

  // One step towards t_bound (SciPy's OdeSolver.step). Returns the failure
  // message when the step failed; then status() == failed.
  std::optional<std::string> step();

  // The interpolant of the last step taken, over [t_old(), t()].
  [[nodiscard]] std::unique_ptr<StepInterpolant> dense_output() const;

  // Whether OdeSolution gives a step boundary to the later piece (SciPy's
  // alt_segment, true for BDF and LSODA, whose interpolants look back).
  [[nodiscard]] virtual bool alt_segment() const { return false; }

  // |h| times an estimate of the spectral radius of d fun / d y over the last
  // step: LSODA's stiffness test. NaN where the method makes none.
  [[nodiscard]] virtual double stiffness_estimate() const { return std::numeric_limits<double>::quiet_NaN(); }

  [[nodiscard]] Status status() const { return status_; }
  [[nodiscard]] double t() const { return t_; }
  [[nodiscard]] double t_old() const { return t_old_; }
  [[nodiscard]] const Vector& y() const { return y_; }
  [[nodiscard]] int direction() const { return direction_; }
  [[nodiscard]] long njev() const { return njev_; }
  [[nodiscard]] long nlu() const { return nlu_; }

 protected:
  // Advances t_ and y_ by one accepted step; returns the failure message
  // instead when no step can be taken. t_old_ is set by step().
  virtual std::optional<std::string> step_impl() = 0;
  // The interpolant of the step from t_old_ to t_; never called for n == 0
  // or a step of length zero.
  [[nodiscard]] virtual std::unique_ptr<StepInterpolant> dense_output_impl() const = 0;

  OdeRhs& fun_;
  double t_;
  double t_old_;
  Vector y_;
  double t_bound_;
  int direction_;
  Index n_;
  long njev_ = 0;
  long nlu_ = 0;

 private:
  Status status_ = Status::running;
};

// solve_ivp's tolerances and limits, checked as SciPy's validate_tol,
// validate_max_step and validate_first_step do, for a system of n unknowns
// integrated from t0 to tf; an rtol below 100 eps is raised to it with a
// warning. Messages name `where` (solve_ivp or odeint). Throws ValueError.
[[nodiscard]] StepperSettings make_settings(std::string_view where, const SolveIvpOptions& options, double t0,
                                            double tf, Index n);

// The method's stepper, started at (t0, y0).
std::unique_ptr<Stepper> make_stepper(OdeMethod method, OdeRhs& fun, double t0, const Vector& y0, double t_bound,
                                      const StepperSettings& settings);

// SciPy's OdeSolver.TOO_SMALL_STEP: every method's failure when the step it
// needs is below min_step_near.
inline constexpr std::string_view kTooSmallStep = "Required step size is less than spacing between numbers.";

// The failure when a step at the user's min_step (LSODA's hmin) is rejected.
inline constexpr std::string_view kBelowMinStep = "The error test failed with the step size at min_step.";

// The smallest step SciPy's methods try from t: ten times the spacing of the
// doubles next to t in the direction of integration (below it, t + h cannot
// be told from t).
[[nodiscard]] double min_step_near(double t, int direction);

// The root-mean-square norm SciPy's methods measure errors in.
[[nodiscard]] double rms_norm(const Vector& x);

// Hairer, Norsett & Wanner (1993), Sec. II.4: a first step whose error
// estimate for a method of the given order is about the tolerance; one call
// to fun. Returns 0 for an empty y0 or t_bound == t0.
[[nodiscard]] double select_initial_step(OdeRhs& fun, double t0, const Vector& y0, double t_bound, double max_step,
                                         const Vector& f0, int direction, double order, double rtol,
                                         const Vector& atol);

// The spectral radius of J (its largest |eigenvalue|), estimated by 20 steps
// of the power iteration: the geometric mean of the last 10 growth factors of
// ||J^k v|| (Gelfand's formula), which also converges when the dominant
// eigenvalues are a complex pair. O(n^2) per step.
[[nodiscard]] double spectral_radius_estimate(const Matrix& J);

}  // namespace scilearn::integrate::detail
