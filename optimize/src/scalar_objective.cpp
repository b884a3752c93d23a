#include "scalar_objective.hpp"

#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>

namespace scilearn::optimize::detail {

ScalarObjective::ScalarObjective(Objective fun, Gradient grad, FiniteDifferenceOptions finite_difference)
    : fun_(std::move(fun)), grad_(std::move(grad)), finite_difference_(std::move(finite_difference)) {}

ScalarObjective::ScalarObjective(ObjectiveWithGradient fun_and_grad) : fun_and_grad_(std::move(fun_and_grad)) {}

void ScalarObjective::move_to(const Vector& x) {
  if (has_x_ && x.size() == x_.size() && x == x_) return;
  x_ = x;
  has_x_ = true;
  has_f_ = has_g_ = has_memo_g_ = false;
}

double ScalarObjective::call_fun(const Vector& x) {
  ++nfev_;
  if (fun_and_grad_) {
    memo_g_.setZero(x.size());
    const double f = fun_and_grad_(x, memo_g_);
    if (memo_g_.size() != x.size()) {
      throw ValueError(cat("minimize: the gradient has ", memo_g_.size(), " entries, x has ", x.size()));
    }
    has_memo_g_ = true;
    return f;
  }
  return fun_(x);
}

double ScalarObjective::fun(const Vector& x) {
  move_to(x);
  if (!has_f_) {
    f_ = call_fun(x_);
    has_f_ = true;
  }
  return f_;
}

const Vector& ScalarObjective::grad(const Vector& x) {
  move_to(x);
  if (has_g_) return g_;
  if (fun_and_grad_) {
    if (!has_memo_g_) {  // SciPy's MemoizeJac re-evaluates; the call is a gradient one
      Vector g = Vector::Zero(x.size());
      (void)fun_and_grad_(x_, g);
      memo_g_ = std::move(g);
    }
    g_ = memo_g_;
  } else if (grad_) {
    g_ = grad_(x_);
    if (g_.size() != x_.size()) {
      throw ValueError(cat("minimize: jac returned ", g_.size(), " entries for x of size ", x_.size()));
    }
  } else {
    const double f0 = fun(x_);
    g_ = approx_derivative([this](const Vector& y) { return call_fun(y); }, x_, finite_difference_, f0);
  }
  ++ngev_;
  has_g_ = true;
  return g_;
}

}  // namespace scilearn::optimize::detail
