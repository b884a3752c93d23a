#pragma once
// What SciPy's two implicit methods, Radau and BDF, share: the Jacobian
// (the user's, or num_jac's finite differences) and the tolerance of their
// simplified Newton iterations.

#include <scilearn/core/types.hpp>

#include "ode/stepper.hpp"

namespace scilearn::integrate::detail {

// d fun / d y for a stiff method: settings.jac when given, else num_jac's
// forward differences with the step factors carried from call to call.
// Counting the evaluations (njev) is the caller's.
class OdeJacobianSource {
 public:
  OdeJacobianSource(OdeRhs& fun, const StepperSettings& settings, Index n);

  // The Jacobian at (t, y). f is fun(t, y) when the caller has it; without it
  // the finite-difference Jacobian evaluates it first (as SciPy's BDF does).
  // Throws ValueError when the user's jac returns a matrix that is not n x n.
  [[nodiscard]] Matrix operator()(double t, const Vector& y, const Vector* f);

 private:
  OdeRhs& fun_;
  OdeJacobian jac_;
  Vector atol_;
  Index n_;
  Vector factor_;  // num_jac's step factors, empty before the first call
};

// The tolerance the Newton iterations of Radau and BDF stop at, for rtol
// (Hairer & Wanner's choice, bounded below by round-off): max(10 eps / rtol,
// min(0.03, sqrt(rtol))).
[[nodiscard]] double newton_tolerance(double rtol);

}  // namespace scilearn::integrate::detail
