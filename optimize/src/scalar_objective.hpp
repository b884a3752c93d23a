#pragma once
// An objective as the gradient-based minimizers see it: f and its gradient at
// the most recent point, cached so that asking for both at one x evaluates
// each once, and counted as SciPy's ScalarFunction counts them (nfev: calls of
// fun, finite-difference ones included; ngev: gradients, a finite-difference
// one counting once). Counts match SciPy's only if the caching does.

#include <scilearn/optimize/finite_differences.hpp>
#include <scilearn/optimize/functions.hpp>

namespace scilearn::optimize::detail {

class ScalarObjective {
 public:
  /// fun with an analytic gradient, or (empty `grad`) finite differences.
  ScalarObjective(Objective fun, Gradient grad, FiniteDifferenceOptions finite_difference);
  /// fun that returns its gradient too (SciPy's jac=True).
  explicit ScalarObjective(ObjectiveWithGradient fun_and_grad);

  double fun(const Vector& x);
  const Vector& grad(const Vector& x);

  int nfev() const { return nfev_; }
  int ngev() const { return ngev_; }

 private:
  void move_to(const Vector& x);
  double call_fun(const Vector& x);

  Objective fun_;
  Gradient grad_;
  ObjectiveWithGradient fun_and_grad_;
  FiniteDifferenceOptions finite_difference_;
  Vector x_;
  double f_ = 0;
  Vector g_;
  bool has_x_ = false, has_f_ = false, has_g_ = false;
  Vector memo_g_;  // fun_and_grad's gradient at x_, before grad() asks for it
  bool has_memo_g_ = false;
  int nfev_ = 0, ngev_ = 0;
};

}  // namespace scilearn::optimize::detail
