#include <cmath>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/optimize/stochastic.hpp>

// The update rules of torch.optim's single-tensor code paths (SGD, Adam with
// AdamW's decoupled decay, RMSprop, Adagrad), written from PyTorch's
// documented algorithms; where PyTorch's kernels fix an order of operations
// that the formula leaves open (lerp for the first moment, the division by
// sqrt(1 - beta2^t) before adding eps), the same order is used here.

namespace scilearn::optimize {
namespace {

using Eigen::Index;

void check_hyper(const char* who, const char* name, double value, bool positive = false) {
  if (!std::isfinite(value) || value < 0 || (positive && value == 0)) {
    throw ValueError(cat(who, ": ", name, " must be finite and ", positive ? "> 0" : ">= 0", ", got ", value));
  }
}

void check_beta(const char* who, const char* name, double value) {
  if (!(value >= 0 && value < 1)) throw ValueError(cat(who, ": ", name, " must be in [0, 1), got ", value));
}

// The buffer `what` of state i is empty or shaped as the parameter.
template <typename M>
void check_buffer(const char* who, std::size_t i, const char* what, const M& buffer, Index rows, Index cols,
                  bool required) {
  const bool empty = buffer.size() == 0 && !required;
  if (!empty && (buffer.rows() != rows || buffer.cols() != cols)) {
    throw ValueError(cat(who, ": state ", i, " has ", what, " of shape ", buffer.rows(), "x", buffer.cols(),
                         ", but parameter ", i, " is ", rows, "x", cols));
  }
}

// torch.lerp(start, end, weight) for a scalar weight: two formulas, chosen by
// the weight, to stay accurate at both ends.
template <typename A, typename B>
auto lerp(const A& start, const B& end, double weight) {
  using S = typename A::Scalar;
  return weight < 0.5 ? (start + S(weight) * (end - start)).eval() : (end - (end - start) * S(1 - weight)).eval();
}

}  // namespace

template <typename Scalar>
void StochasticOptimizer<Scalar>::step(std::vector<Eigen::Ref<Matrix>> params,
                                       const std::vector<Eigen::Ref<const Matrix>>& grads) {
  if (params.size() != grads.size()) {
    throw ValueError(cat(name(), ".step: ", params.size(), " parameter arrays but ", grads.size(), " gradients"));
  }
  prepare(params.size());
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (params[i].rows() != grads[i].rows() || params[i].cols() != grads[i].cols()) {
      throw ValueError(cat(name(), ".step: parameter ", i, " is ", params[i].rows(), "x", params[i].cols(),
                           " but its gradient is ", grads[i].rows(), "x", grads[i].cols()));
    }
    check_state(i, params[i].rows(), params[i].cols());
  }
  for (std::size_t i = 0; i < params.size(); ++i) update(i, params[i], grads[i]);
}

template <typename Scalar, typename P, typename S>
void UpdateRule<Scalar, P, S>::set_lr(double lr) {
  check_hyper(this->name().c_str(), "lr", lr);
  params_.lr = lr;
}

// ---- SGD

template <typename Scalar>
SGD<Scalar>::SGD(Params p) : Base(p) {
  check_hyper("SGD", "lr", p.lr);
  check_hyper("SGD", "momentum", p.momentum);
  check_hyper("SGD", "weight_decay", p.weight_decay);
  if (!std::isfinite(p.dampening)) throw ValueError(cat("SGD: dampening must be finite, got ", p.dampening));
  if (p.nesterov && (p.momentum <= 0 || p.dampening != 0)) {
    throw ValueError("SGD: Nesterov momentum requires a momentum > 0 and zero dampening");
  }
}

template <typename Scalar>
void SGD<Scalar>::check_state(std::size_t i, Index rows, Index cols) const {
  check_buffer("SGD", i, "momentum_buffer", this->state_[i].momentum_buffer, rows, cols, false);
}

template <typename Scalar>
void SGD<Scalar>::update(std::size_t i, Eigen::Ref<Matrix> p, const Eigen::Ref<const Matrix>& grad) {
  const Params& o = this->params_;
  State& s = this->state_[i];
  ++s.step;
  Matrix g = o.maximize ? Matrix(-grad) : Matrix(grad);
  if (o.weight_decay != 0) g += Scalar(o.weight_decay) * p;
  if (o.momentum != 0) {
    if (s.momentum_buffer.size() == 0) {
      s.momentum_buffer = g;
    } else {
      s.momentum_buffer = Scalar(o.momentum) * s.momentum_buffer + Scalar(1 - o.dampening) * g;
    }
    if (o.nesterov) {
      g += Scalar(o.momentum) * s.momentum_buffer;
    } else {
      g = s.momentum_buffer;
    }
  }
  p += Scalar(-o.lr) * g;
}

// ---- Adam, AdamW

template <typename Scalar>
Adam<Scalar>::Adam(Params p) : Base(p) {
  const char* who = p.decoupled_weight_decay ? "AdamW" : "Adam";
  check_hyper(who, "lr", p.lr);
  check_hyper(who, "eps", p.eps, true);
  check_beta(who, "beta1", p.beta1);
  check_beta(who, "beta2", p.beta2);
  check_hyper(who, "weight_decay", p.weight_decay);
}

template <typename Scalar>
void Adam<Scalar>::check_state(std::size_t i, Index rows, Index cols) const {
  const State& s = this->state_[i];
  if (s.step < 0) throw ValueError(cat(this->name(), ": state ", i, " has step ", s.step, " < 0"));
  if (s.step == 0) return;  // a first step: the moments start from zero
  const std::string who = this->name();
  check_buffer(who.c_str(), i, "exp_avg", s.exp_avg, rows, cols, true);
  check_buffer(who.c_str(), i, "exp_avg_sq", s.exp_avg_sq, rows, cols, true);
  // A state saved without amsgrad has no max_exp_avg_sq: it starts from zero.
  if (this->params_.amsgrad) check_buffer(who.c_str(), i, "max_exp_avg_sq", s.max_exp_avg_sq, rows, cols, false);
}

template <typename Scalar>
void Adam<Scalar>::update(std::size_t i, Eigen::Ref<Matrix> p, const Eigen::Ref<const Matrix>& grad) {
  const Params& o = this->params_;
  State& s = this->state_[i];
  if (s.step == 0) {
    s.exp_avg = Matrix::Zero(p.rows(), p.cols());
    s.exp_avg_sq = Matrix::Zero(p.rows(), p.cols());
  }
  if (o.amsgrad && s.max_exp_avg_sq.size() == 0) s.max_exp_avg_sq = Matrix::Zero(p.rows(), p.cols());
  ++s.step;
  Matrix g = o.maximize ? Matrix(-grad) : Matrix(grad);
  if (o.weight_decay != 0) {
    if (o.decoupled_weight_decay) {
      p *= Scalar(1 - o.lr * o.weight_decay);
    } else {
      g += Scalar(o.weight_decay) * p;
    }
  }
  s.exp_avg = lerp(s.exp_avg, g, 1 - o.beta1);
  s.exp_avg_sq = Scalar(o.beta2) * s.exp_avg_sq + Scalar(1 - o.beta2) * g.cwiseProduct(g);
  const auto t = static_cast<double>(s.step);
  const double bias_correction1 = 1 - std::pow(o.beta1, t);
  const double bias_correction2 = 1 - std::pow(o.beta2, t);
  if (o.amsgrad) s.max_exp_avg_sq = s.max_exp_avg_sq.cwiseMax(s.exp_avg_sq);
  const Matrix& second = o.amsgrad ? s.max_exp_avg_sq : s.exp_avg_sq;
  if (o.epsilon_placement == AdamEpsilon::after_bias_correction) {
    const double step_size = o.lr / bias_correction1;
    const Scalar bias_correction2_sqrt(std::sqrt(bias_correction2));
    const Matrix denom = ((second.array().sqrt() / bias_correction2_sqrt) + Scalar(o.eps)).matrix();
    p += Scalar(-step_size) * s.exp_avg.cwiseQuotient(denom);
  } else {
    const double step_size = o.lr * std::sqrt(bias_correction2) / bias_correction1;
    p += (Scalar(-step_size) * s.exp_avg.array() / (second.array().sqrt() + Scalar(o.eps))).matrix();
  }
}

// ---- RMSprop

template <typename Scalar>
RMSprop<Scalar>::RMSprop(Params p) : Base(p) {
  check_hyper("RMSprop", "lr", p.lr);
  check_hyper("RMSprop", "eps", p.eps, true);
  check_hyper("RMSprop", "momentum", p.momentum);
  check_hyper("RMSprop", "weight_decay", p.weight_decay);
  check_hyper("RMSprop", "alpha", p.alpha);
}

template <typename Scalar>
void RMSprop<Scalar>::check_state(std::size_t i, Index rows, Index cols) const {
  const State& s = this->state_[i];
  if (s.step < 0) throw ValueError(cat("RMSprop: state ", i, " has step ", s.step, " < 0"));
  if (s.step == 0) return;
  check_buffer("RMSprop", i, "square_avg", s.square_avg, rows, cols, true);
  check_buffer("RMSprop", i, "momentum_buffer", s.momentum_buffer, rows, cols, false);
  check_buffer("RMSprop", i, "grad_avg", s.grad_avg, rows, cols, false);
}

template <typename Scalar>
void RMSprop<Scalar>::update(std::size_t i, Eigen::Ref<Matrix> p, const Eigen::Ref<const Matrix>& grad) {
  const Params& o = this->params_;
  State& s = this->state_[i];
  if (s.step == 0) s.square_avg = Matrix::Zero(p.rows(), p.cols());
  if (o.momentum > 0 && s.momentum_buffer.size() == 0) s.momentum_buffer = Matrix::Zero(p.rows(), p.cols());
  if (o.centered && s.grad_avg.size() == 0) s.grad_avg = Matrix::Zero(p.rows(), p.cols());
  ++s.step;
  Matrix g = o.maximize ? Matrix(-grad) : Matrix(grad);
  if (o.weight_decay != 0) g += Scalar(o.weight_decay) * p;
  s.square_avg = Scalar(o.alpha) * s.square_avg + Scalar(1 - o.alpha) * g.cwiseProduct(g);
  Matrix avg;
  if (o.centered) {
    s.grad_avg = lerp(s.grad_avg, g, 1 - o.alpha);
    avg = (s.square_avg - s.grad_avg.cwiseProduct(s.grad_avg)).cwiseSqrt();
  } else {
    avg = s.square_avg.cwiseSqrt();
  }
  avg.array() += Scalar(o.eps);
  if (o.momentum > 0) {
    s.momentum_buffer = Scalar(o.momentum) * s.momentum_buffer + g.cwiseQuotient(avg);
    p += Scalar(-o.lr) * s.momentum_buffer;
  } else {
    p += Scalar(-o.lr) * g.cwiseQuotient(avg);
  }
}

// ---- Adagrad

template <typename Scalar>
Adagrad<Scalar>::Adagrad(Params p) : Base(p) {
  check_hyper("Adagrad", "lr", p.lr);
  check_hyper("Adagrad", "lr_decay", p.lr_decay);
  check_hyper("Adagrad", "weight_decay", p.weight_decay);
  check_hyper("Adagrad", "initial_accumulator_value", p.initial_accumulator_value);
  check_hyper("Adagrad", "eps", p.eps, true);
}

template <typename Scalar>
void Adagrad<Scalar>::check_state(std::size_t i, Index rows, Index cols) const {
  const State& s = this->state_[i];
  if (s.step < 0) throw ValueError(cat("Adagrad: state ", i, " has step ", s.step, " < 0"));
  if (s.step == 0) return;
  check_buffer("Adagrad", i, "sum", s.sum, rows, cols, true);
}

template <typename Scalar>
void Adagrad<Scalar>::update(std::size_t i, Eigen::Ref<Matrix> p, const Eigen::Ref<const Matrix>& grad) {
  const Params& o = this->params_;
  State& s = this->state_[i];
  if (s.step == 0) s.sum = Matrix::Constant(p.rows(), p.cols(), Scalar(o.initial_accumulator_value));
  ++s.step;
  Matrix g = o.maximize ? Matrix(-grad) : Matrix(grad);
  if (o.weight_decay != 0) g += Scalar(o.weight_decay) * p;
  const double clr = o.lr / (1 + static_cast<double>(s.step - 1) * o.lr_decay);
  s.sum += g.cwiseProduct(g);
  Matrix std_dev = s.sum.cwiseSqrt();
  std_dev.array() += Scalar(o.eps);
  p += Scalar(-clr) * g.cwiseQuotient(std_dev);
}

template class StochasticOptimizer<float>;
template class StochasticOptimizer<double>;
template class UpdateRule<float, SGDParams, SGDState<float>>;
template class UpdateRule<double, SGDParams, SGDState<double>>;
template class UpdateRule<float, AdamParams, AdamState<float>>;
template class UpdateRule<double, AdamParams, AdamState<double>>;
template class UpdateRule<float, RMSpropParams, RMSpropState<float>>;
template class UpdateRule<double, RMSpropParams, RMSpropState<double>>;
template class UpdateRule<float, AdagradParams, AdagradState<float>>;
template class UpdateRule<double, AdagradParams, AdagradState<double>>;
template class SGD<float>;
template class SGD<double>;
template class Adam<float>;
template class Adam<double>;
template class AdamW<float>;
template class AdamW<double>;
template class RMSprop<float>;
template class RMSprop<double>;
template class Adagrad<float>;
template class Adagrad<double>;

}  // namespace scilearn::optimize
