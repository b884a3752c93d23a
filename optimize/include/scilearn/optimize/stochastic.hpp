#pragma once
/// \file
/// Stochastic gradient update rules on plain arrays: SGD (momentum,
/// dampening, Nesterov, weight decay), Adam / AdamW (AMSGrad), RMSprop
/// (centered, momentum) and Adagrad. SciPy has none of these; they follow
/// PyTorch's torch.optim (its documented algorithms and its single-tensor
/// implementation, operation by operation), so that a network trained here
/// takes the steps PyTorch would take from the same gradients.
///
/// Use: an optimizer object holds its hyper-parameters (a `Params` struct
/// with torch.optim's names and defaults) and per-parameter state (a `State`
/// struct of matrices and a step counter, plain data that a model file can
/// save and restore with state() / set_state()). `step(params, grads)`
/// updates one array, or a list of arrays, in place:
///
/// \code
/// Adam<> adam({.lr = 1e-3});
/// Matrix W = ...; Vector b = ...;
/// for (...) { /* gradients gW, gb of the loss at W, b */ adam.step({W, b}, {gW, gb}); }
/// adam.set_lr(adam.lr() * 0.5);   // a schedule drives the learning rate
/// \endcode
///
/// The i-th array of every call is the same parameter (its state is the
/// i-th entry of state()); a Vector is a one-column matrix. Gradients with
/// NaN or Inf are not checked: they propagate into the parameters and the
/// state, as in PyTorch (check the loss, or the gradients, before step()).
/// All element types: float and double (instantiated in the library).
/// Coefficients (bias corrections, step sizes) are computed in double and
/// rounded to the element type, as PyTorch does with its Python scalars.
///
/// Thread safety: one optimizer must not be stepped from two threads at once.

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

namespace scilearn::optimize {

/// The interface every stochastic optimizer implements, so that a model
/// (nn's Sequential, learn's MLP estimators) can hold any of them.
template <typename Scalar>
class StochasticOptimizer {
 public:
  using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;

  virtual ~StochasticOptimizer() = default;

  /// One update of every array in params from its gradient (grads[i] has
  /// params[i]'s shape). All shapes (and the state's, see set_state) are
  /// checked before any array changes.
  /// Throws: ValueError when the lists differ in length, a gradient's shape
  /// differs from its parameter's, or a restored state does not fit.
  /// Complexity: O(total number of entries).
  void step(std::vector<Eigen::Ref<Matrix>> params, const std::vector<Eigen::Ref<const Matrix>>& grads);

  /// One update of a single array (the first parameter of a list).
  void step(Eigen::Ref<Matrix> param, const Eigen::Ref<const Matrix>& grad) {
    step(std::vector<Eigen::Ref<Matrix>>{param}, std::vector<Eigen::Ref<const Matrix>>{grad});
  }

  /// The learning rate the next step uses.
  [[nodiscard]] virtual double lr() const = 0;
  /// Sets the learning rate (a schedule's hook). Throws ValueError unless finite and >= 0.
  virtual void set_lr(double lr) = 0;
  /// Forgets all per-parameter state (moments, buffers, step counters): the
  /// next step is a first step. Hyper-parameters are kept.
  virtual void reset() = 0;
  /// torch.optim's class name ("SGD", "Adam", "AdamW", "RMSprop", "Adagrad").
  [[nodiscard]] virtual std::string name() const = 0;

 protected:
  StochasticOptimizer() = default;
  StochasticOptimizer(const StochasticOptimizer&) = default;
  StochasticOptimizer& operator=(const StochasticOptimizer&) = default;

 private:
  // Grows the state to n parameters (fresh entries for new ones) and checks
  // that state i fits a rows x cols parameter.
  virtual void prepare(std::size_t n) = 0;
  virtual void check_state(std::size_t i, Eigen::Index rows, Eigen::Index cols) const = 0;
  virtual void update(std::size_t i, Eigen::Ref<Matrix> param, const Eigen::Ref<const Matrix>& grad) = 0;
};

/// What the rules below share: their hyper-parameters P (torch.optim's
/// names and defaults), one state S per parameter array (plain data), and
/// the accessors a model file needs to save and restore them.
template <typename Scalar, typename P, typename S>
class UpdateRule : public StochasticOptimizer<Scalar> {
 public:
  using Params = P;
  using State = S;
  using StochasticOptimizer<Scalar>::step;
  [[nodiscard]] const Params& params() const { return params_; }
  [[nodiscard]] const std::vector<State>& state() const { return state_; }
  /// Restores a saved state (checked against the parameters at the next step).
  void set_state(std::vector<State> state) { state_ = std::move(state); }
  [[nodiscard]] double lr() const override { return params_.lr; }
  void set_lr(double lr) override;
  void reset() override { state_.clear(); }

 protected:
  explicit UpdateRule(Params p) : params_(std::move(p)) {}
  Params params_;
  std::vector<State> state_;

 private:
  void prepare(std::size_t n) override {
    if (state_.size() < n) state_.resize(n);
  }
};

/// SGD's hyper-parameters (SGD<Scalar>::Params).
struct SGDParams {
  double lr = 1e-3;
  double momentum = 0.0;
  double dampening = 0.0;
  double weight_decay = 0.0;
  bool nesterov = false;
  bool maximize = false;
};
/// SGD's state of one parameter array (SGD<Scalar>::State).
template <typename Scalar>
struct SGDState {
  std::int64_t step = 0;  ///< steps taken with this parameter (not used by the rule)
  Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic> momentum_buffer;  ///< empty: none yet
};

/// torch.optim.SGD. With g = grad (-grad if maximize):
///
///     g <- g + weight_decay p                                  (if weight_decay != 0)
///     b <- g on the first step, else momentum b + (1 - dampening) g   (if momentum != 0)
///     g <- g + momentum b if nesterov, else b                  (if momentum != 0)
///     p <- p - lr g
///
/// State: momentum_buffer b (empty until the first step with momentum != 0).
/// Requires: lr, momentum, weight_decay finite and >= 0; dampening finite;
/// nesterov only with momentum > 0 and dampening = 0. Throws ValueError otherwise.
///
/// scikit-learn's SGDOptimizer (MLPClassifier's solver='sgd') keeps the
/// velocity v = -lr b instead of b: the same steps while lr is constant.
template <typename Scalar = double>
class SGD final : public UpdateRule<Scalar, SGDParams, SGDState<Scalar>> {
 public:
  using Base = UpdateRule<Scalar, SGDParams, SGDState<Scalar>>;
  using typename Base::Params;
  using typename Base::State;
  using Matrix = typename StochasticOptimizer<Scalar>::Matrix;

  explicit SGD(Params params = {});
  [[nodiscard]] std::string name() const override { return "SGD"; }

 private:
  void check_state(std::size_t i, Eigen::Index rows, Eigen::Index cols) const override;
  void update(std::size_t i, Eigen::Ref<Matrix> p, const Eigen::Ref<const Matrix>& grad) override;
};

/// Where Adam adds eps.
enum class AdamEpsilon {
  /// torch.optim.Adam / AdamW: p <- p - lr/(1 - beta1^t) m / (sqrt(v)/sqrt(1 - beta2^t) + eps).
  after_bias_correction,
  /// scikit-learn's AdamOptimizer (MLPClassifier's solver='adam'; Kingma and
  /// Ba's "more efficient" ordering, Section 2): p <- p - lr sqrt(1 -
  /// beta2^t)/(1 - beta1^t) m / (sqrt(v) + eps), i.e. PyTorch's rule with
  /// eps scaled by sqrt(1 - beta2^t) (a larger effective eps early on).
  before_bias_correction,
};

/// Adam's hyper-parameters (Adam<Scalar>::Params).
struct AdamParams {
  double lr = 1e-3;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
  double weight_decay = 0.0;
  bool amsgrad = false;
  bool maximize = false;
  bool decoupled_weight_decay = false;  ///< AdamW's rule (torch.optim.Adam's flag of that name)
  AdamEpsilon epsilon_placement = AdamEpsilon::after_bias_correction;
};
/// Adam's state of one parameter array (Adam<Scalar>::State).
template <typename Scalar>
struct AdamState {
  std::int64_t step = 0;
  Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic> exp_avg;
  Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic> exp_avg_sq;
  Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic> max_exp_avg_sq;  ///< amsgrad only; empty otherwise
};

/// torch.optim.Adam (Kingma and Ba 2015; AMSGrad: Reddi et al. 2018). With
/// g = grad (-grad if maximize) and t the parameter's step count after
/// incrementing:
///
///     p <- p (1 - lr weight_decay)                   (decoupled_weight_decay: AdamW)
///     g <- g + weight_decay p                        (otherwise, if weight_decay != 0)
///     m <- m + (1 - beta1) (g - m)                   (PyTorch's lerp)
///     v <- beta2 v + (1 - beta2) g^2
///     v_max <- max(v_max, v)                         (amsgrad; then v_max replaces v below)
///     p <- p - lr/(1 - beta1^t) m / (sqrt(v)/sqrt(1 - beta2^t) + eps)
///
/// State: step t, exp_avg m, exp_avg_sq v, max_exp_avg_sq v_max (amsgrad
/// only), zero before the first step.
/// Requires: lr, weight_decay finite and >= 0; 0 <= beta1, beta2 < 1;
/// eps finite and > 0 (PyTorch also allows 0). Throws ValueError otherwise.
template <typename Scalar = double>
class Adam : public UpdateRule<Scalar, AdamParams, AdamState<Scalar>> {
 public:
  using Base = UpdateRule<Scalar, AdamParams, AdamState<Scalar>>;
  using typename Base::Params;
  using typename Base::State;
  using Matrix = typename StochasticOptimizer<Scalar>::Matrix;

  explicit Adam(Params params = {});
  [[nodiscard]] std::string name() const override { return this->params_.decoupled_weight_decay ? "AdamW" : "Adam"; }

 private:
  void check_state(std::size_t i, Eigen::Index rows, Eigen::Index cols) const override;
  void update(std::size_t i, Eigen::Ref<Matrix> p, const Eigen::Ref<const Matrix>& grad) override;
};

/// torch.optim.AdamW (Loshchilov and Hutter 2019): Adam with decoupled
/// weight decay, p <- p (1 - lr weight_decay) before the moment updates,
/// and PyTorch's default weight_decay 0.01.
template <typename Scalar = double>
class AdamW final : public Adam<Scalar> {
 public:
  struct Params {
    double lr = 1e-3;
    double beta1 = 0.9;
    double beta2 = 0.999;
    double eps = 1e-8;
    double weight_decay = 1e-2;
    bool amsgrad = false;
    bool maximize = false;
  };
  explicit AdamW(Params p = {})
      : Adam<Scalar>({.lr = p.lr,
                      .beta1 = p.beta1,
                      .beta2 = p.beta2,
                      .eps = p.eps,
                      .weight_decay = p.weight_decay,
                      .amsgrad = p.amsgrad,
                      .maximize = p.maximize,
                      .decoupled_weight_decay = true}) {}
};

/// RMSprop's hyper-parameters (RMSprop<Scalar>::Params).
struct RMSpropParams {
  double lr = 1e-2;
  double alpha = 0.99;
  double eps = 1e-8;
  double weight_decay = 0.0;
  double momentum = 0.0;
  bool centered = false;
  bool maximize = false;
};
/// RMSprop's state of one parameter array (RMSprop<Scalar>::State).
template <typename Scalar>
struct RMSpropState {
  std::int64_t step = 0;
  Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic> square_avg;
  Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic> momentum_buffer;  ///< momentum > 0 only
  Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic> grad_avg;         ///< centered only
};

/// torch.optim.RMSprop (Hinton's lecture 6e; centered: Graves 2013). With
/// g = grad (-grad if maximize):
///
///     g <- g + weight_decay p                        (if weight_decay != 0)
///     s <- alpha s + (1 - alpha) g^2
///     a <- a + (1 - alpha) (g - a)                   (centered; PyTorch's lerp)
///     d <- sqrt(s - a^2) + eps if centered, else sqrt(s) + eps
///     b <- momentum b + g / d;  p <- p - lr b        (if momentum > 0)
///     p <- p - lr g / d                              (otherwise)
///
/// State: step, square_avg s, momentum_buffer b (momentum > 0), grad_avg a
/// (centered), zero before the first step.
/// Requires: lr, momentum, weight_decay, alpha finite and >= 0; eps finite
/// and > 0 (PyTorch also allows 0). Throws ValueError otherwise.
template <typename Scalar = double>
class RMSprop final : public UpdateRule<Scalar, RMSpropParams, RMSpropState<Scalar>> {
 public:
  using Base = UpdateRule<Scalar, RMSpropParams, RMSpropState<Scalar>>;
  using typename Base::Params;
  using typename Base::State;
  using Matrix = typename StochasticOptimizer<Scalar>::Matrix;

  explicit RMSprop(Params params = {});
  [[nodiscard]] std::string name() const override { return "RMSprop"; }

 private:
  void check_state(std::size_t i, Eigen::Index rows, Eigen::Index cols) const override;
  void update(std::size_t i, Eigen::Ref<Matrix> p, const Eigen::Ref<const Matrix>& grad) override;
};

/// Adagrad's hyper-parameters (Adagrad<Scalar>::Params).
struct AdagradParams {
  double lr = 1e-2;
  double lr_decay = 0.0;
  double weight_decay = 0.0;
  double initial_accumulator_value = 0.0;
  double eps = 1e-10;
  bool maximize = false;
};
/// Adagrad's state of one parameter array (Adagrad<Scalar>::State).
template <typename Scalar>
struct AdagradState {
  std::int64_t step = 0;
  Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic> sum;
};

/// torch.optim.Adagrad (Duchi, Hazan and Singer 2011). With g = grad (-grad
/// if maximize) and t the step count after incrementing:
///
///     g <- g + weight_decay p                        (if weight_decay != 0)
///     lr_t = lr / (1 + (t - 1) lr_decay)
///     s <- s + g^2                                   (s starts at initial_accumulator_value)
///     p <- p - lr_t g / (sqrt(s) + eps)
///
/// State: step, sum s.
/// Requires: lr, lr_decay, weight_decay, initial_accumulator_value finite
/// and >= 0; eps finite and > 0. Throws ValueError otherwise.
template <typename Scalar = double>
class Adagrad final : public UpdateRule<Scalar, AdagradParams, AdagradState<Scalar>> {
 public:
  using Base = UpdateRule<Scalar, AdagradParams, AdagradState<Scalar>>;
  using typename Base::Params;
  using typename Base::State;
  using Matrix = typename StochasticOptimizer<Scalar>::Matrix;

  explicit Adagrad(Params params = {});
  [[nodiscard]] std::string name() const override { return "Adagrad"; }

 private:
  void check_state(std::size_t i, Eigen::Index rows, Eigen::Index cols) const override;
  void update(std::size_t i, Eigen::Ref<Matrix> p, const Eigen::Ref<const Matrix>& grad) override;
};

extern template class StochasticOptimizer<float>;
extern template class StochasticOptimizer<double>;
extern template class UpdateRule<float, SGDParams, SGDState<float>>;
extern template class UpdateRule<double, SGDParams, SGDState<double>>;
extern template class UpdateRule<float, AdamParams, AdamState<float>>;
extern template class UpdateRule<double, AdamParams, AdamState<double>>;
extern template class UpdateRule<float, RMSpropParams, RMSpropState<float>>;
extern template class UpdateRule<double, RMSpropParams, RMSpropState<double>>;
extern template class UpdateRule<float, AdagradParams, AdagradState<float>>;
extern template class UpdateRule<double, AdagradParams, AdagradState<double>>;
extern template class SGD<float>;
extern template class SGD<double>;
extern template class Adam<float>;
extern template class Adam<double>;
extern template class AdamW<float>;
extern template class AdamW<double>;
extern template class RMSprop<float>;
extern template class RMSprop<double>;
extern template class Adagrad<float>;
extern template class Adagrad<double>;

}  // namespace scilearn::optimize
