#pragma once
/// \file
/// SGDClassifier and SGDRegressor: regularized linear models fitted by plain
/// stochastic gradient descent, as sklearn.linear_model.SGDClassifier /
/// SGDRegressor (1.9). Perceptron (perceptron.hpp) and the passive-aggressive
/// estimators (passive_aggressive.hpp) are the same machine with fixed
/// settings.

#include <array>
#include <cstdint>
#include <optional>
#include <scilearn/learn/base/estimator_base.hpp>
#include <scilearn/learn/sparse_input.hpp>
#include <string>
#include <utility>
#include <vector>

namespace scilearn::learn {

/// The `loss` parameter. SGDClassifier takes every one (the regression
/// losses on labels mapped to +1 / -1); SGDRegressor the last four.
enum class SGDLoss {
  hinge,
  log_loss,
  modified_huber,
  squared_hinge,
  perceptron,
  squared_error,
  huber,
  epsilon_insensitive,
  squared_epsilon_insensitive
};

constexpr auto param_names(SGDLoss) {
  return std::array{std::pair{SGDLoss::hinge, "hinge"},
                    std::pair{SGDLoss::log_loss, "log_loss"},
                    std::pair{SGDLoss::modified_huber, "modified_huber"},
                    std::pair{SGDLoss::squared_hinge, "squared_hinge"},
                    std::pair{SGDLoss::perceptron, "perceptron"},
                    std::pair{SGDLoss::squared_error, "squared_error"},
                    std::pair{SGDLoss::huber, "huber"},
                    std::pair{SGDLoss::epsilon_insensitive, "epsilon_insensitive"},
                    std::pair{SGDLoss::squared_epsilon_insensitive, "squared_epsilon_insensitive"}};
}

/// The `penalty` parameter; an empty optional is Python's None (no penalty).
enum class SGDPenalty { l2, l1, elasticnet };

constexpr auto param_names(SGDPenalty) {
  return std::array{std::pair{SGDPenalty::l2, "l2"}, std::pair{SGDPenalty::l1, "l1"},
                    std::pair{SGDPenalty::elasticnet, "elasticnet"}};
}

/// The `learning_rate` schedule (t counts the samples seen, from 1):
/// constant eta0; optimal 1 / (alpha (t0 + t - 1)), t0 from Bottou's
/// heuristic; invscaling eta0 / t^power_t; adaptive eta0, divided by 5 each
/// time n_iter_no_change epochs pass without improvement; pa1 / pa2 the
/// passive-aggressive steps (hinge or epsilon_insensitive loss only).
enum class SGDLearningRate { constant, optimal, invscaling, adaptive, pa1, pa2 };

constexpr auto param_names(SGDLearningRate) {
  return std::array{std::pair{SGDLearningRate::constant, "constant"},
                    std::pair{SGDLearningRate::optimal, "optimal"},
                    std::pair{SGDLearningRate::invscaling, "invscaling"},
                    std::pair{SGDLearningRate::adaptive, "adaptive"},
                    std::pair{SGDLearningRate::pa1, "pa1"},
                    std::pair{SGDLearningRate::pa2, "pa2"}};
}

/// SGDClassifier's hyper-parameters: scikit-learn's names and defaults.
///
/// `class_weight` is "" (None) or "balanced"; a dict {label: weight} is given
/// as two aligned lists, class_weight_labels / class_weight_values (classes
/// not listed weigh 1). `average` is an integer: 0 (False), 1 (True: average
/// from the first step) or k (average from the k-th step on).
struct SGDClassifierParams {
  SGDLoss loss = SGDLoss::hinge;
  std::optional<SGDPenalty> penalty = SGDPenalty::l2;
  /// Regularization strength (>= 0; > 0 with learning_rate optimal).
  double alpha = 1e-4;
  /// Elastic-net mixing in [0, 1] (used with penalty elasticnet; may be None otherwise).
  std::optional<double> l1_ratio = 0.15;
  bool fit_intercept = true;
  /// Most epochs of fit (>= 1); partial_fit runs one.
  int max_iter = 1000;
  /// Stop when the epoch's objective (or validation score) has not improved
  /// by tol for n_iter_no_change epochs; None: run max_iter epochs.
  std::optional<double> tol = 1e-3;
  /// Reshuffle the samples before each epoch.
  bool shuffle = true;
  /// Accepted for compatibility; nothing is printed.
  int verbose = 0;
  /// Epsilon of huber / epsilon_insensitive / squared_epsilon_insensitive (>= 0).
  double epsilon = 0.1;
  /// Threads for the one-versus-all problems (scikit-learn's convention; None:
  /// OpenMP's default). The result does not depend on it.
  std::optional<int> n_jobs{};
  /// Seed of the shuffling and of the validation split; None: fresh entropy.
  std::optional<std::uint64_t> random_state{};
  SGDLearningRate learning_rate = SGDLearningRate::optimal;
  /// Initial learning rate (> 0); the aggressiveness C with pa1 / pa2.
  double eta0 = 0.01;
  /// Exponent of invscaling.
  double power_t = 0.5;
  /// Hold out validation_fraction of the samples (stratified) and stop on
  /// their accuracy instead of the training objective.
  bool early_stopping = false;
  double validation_fraction = 0.1;
  int n_iter_no_change = 5;
  std::string class_weight{};
  std::vector<double> class_weight_labels{};
  std::vector<double> class_weight_values{};
  /// Start fit from the previous fit's coefficients.
  bool warm_start = false;
  std::int64_t average = 0;
};

/// The learned state of the SGD classifiers (SGDClassifier, Perceptron,
/// PassiveAggressiveClassifier).
struct SGDClassifierFitted {
  Index n_features_in = 0;
  Vector classes;
  /// 1 x n_features for two classes (positive class classes[1]), n_classes x n_features otherwise.
  Matrix coef;
  Vector intercept;
  /// Epochs of the last fit / partial_fit (the largest over the classes).
  Index n_iter = 0;
  /// 1 + the samples seen (scikit-learn's t_): where the learning rate continues in partial_fit.
  double t = 1;
  /// With averaging: the plain SGD iterate and the running averages (coef /
  /// intercept are one or the other); empty otherwise.
  Matrix standard_coef, average_coef;
  Vector standard_intercept, average_intercept;
};

/// The learned state of SGDRegressor and PassiveAggressiveRegressor.
struct SGDRegressorFitted {
  Index n_features_in = 0;
  Vector coef;
  double intercept = 0;
  Index n_iter = 0;
  double t = 1;
  Vector standard_coef, average_coef;
  double standard_intercept = 0, average_intercept = 0;
};

namespace detail {
// The shared bodies (stochastic_gradient.cpp).
// Dense X's scores with X's finiteness checked in the same pass (ValueError naming `where`).
Matrix sgd_decision_function(const SGDClassifierFitted& state, const MatrixView& X, std::string_view where);
Matrix sgd_decision_function(const SGDClassifierFitted& state, const CsrMatrix& X);
Vector sgd_predict_labels(const SGDClassifierFitted& state, const Matrix& scores);
Matrix sgd_predict_proba(SGDLoss loss, const Matrix& scores);
void check_sgd_classifier_state(const SGDClassifierFitted& state);
void check_sgd_regressor_state(const SGDRegressorFitted& state);
}  // namespace detail

/// What SGDClassifier, Perceptron and PassiveAggressiveClassifier share:
/// predict, decision_function, classes and the fitted attributes.
template <class Derived, class ParamsT>
class SGDClassifierBase : public EstimatorBase<Derived, Classifier, ParamsT, SGDClassifierFitted> {
  using Base = EstimatorBase<Derived, Classifier, ParamsT, SGDClassifierFitted>;

 public:
  using Base::Base;
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("classes", s.classes);
    f("coef", s.coef);
    f("intercept", s.intercept);
    f("n_iter", s.n_iter);
    f("t", s.t);
    f("standard_coef", s.standard_coef);
    f("standard_intercept", s.standard_intercept);
    f("average_coef", s.average_coef);
    f("average_intercept", s.average_intercept);
  }
  static void check_fitted(const SGDClassifierFitted& s) { detail::check_sgd_classifier_state(s); }

  /// X coef^T + intercept: n_samples x 1 for two classes, n_samples x n_classes otherwise.
  /// Throws NotFittedError before fit, ValueError for a different feature count or non-finite X.
  [[nodiscard]] Matrix decision_function(const MatrixView& X) const override {
    return detail::sgd_decision_function(this->check_input_shape("decision_function", X), X,
                                         cat(Derived::class_name, ".decision_function"));
  }
  /// The same for sparse X (CSR).
  [[nodiscard]] Matrix decision_function(const CsrMatrix& X) const {
    return detail::sgd_decision_function(check_sparse("decision_function", X), X);
  }
  /// classes()[1] where the decision function is positive (two classes), else
  /// the class of the largest score (the first on ties).
  [[nodiscard]] Vector predict(const MatrixView& X) const override {
    const SGDClassifierFitted& s = this->check_input_shape("predict", X);
    return detail::sgd_predict_labels(s, detail::sgd_decision_function(s, X, cat(Derived::class_name, ".predict")));
  }
  /// The same for sparse X (CSR).
  [[nodiscard]] Vector predict(const CsrMatrix& X) const {
    const SGDClassifierFitted& s = check_sparse("predict", X);
    return detail::sgd_predict_labels(s, detail::sgd_decision_function(s, X));
  }
  [[nodiscard]] Vector classes() const override { return this->fitted().classes; }

  /// scikit-learn's coef_, intercept_, n_iter_ and t_ (NotFittedError before fit).
  [[nodiscard]] const Matrix& coef() const { return this->fitted().coef; }
  [[nodiscard]] const Vector& intercept() const { return this->fitted().intercept; }
  [[nodiscard]] Index n_iter() const { return this->fitted().n_iter; }
  [[nodiscard]] double t() const { return this->fitted().t; }

 protected:
  const SGDClassifierFitted& check_sparse(std::string_view method, const CsrMatrix& X) const {
    const SGDClassifierFitted& s = this->fitted();
    check_sparse_predict(Derived::class_name, method, X, s.n_features_in);
    return s;
  }
};

/// Linear classifiers (SVM, logistic regression, ...) fitted by SGD, as
/// sklearn.linear_model.SGDClassifier: for each class (one versus all; the
/// positive class alone for two classes), minimizes
///
///   (1/n) sum_i loss(y_i, w . x_i + b) + alpha R(w),
///   R(w) = (1 - l1_ratio) ||w||^2 / 2 + l1_ratio ||w||_1,
///
/// one sample at a time: w <- (1 - eta alpha (1 - l1_ratio)) w - eta
/// loss'(y_i, w . x_i + b) s_i x_i (s_i = sample weight times class weight),
/// then the cumulative L1 truncation. The steps are scikit-learn's, in its
/// order: with shuffle = false the coefficients agree with scikit-learn's to
/// rounding. The shuffling draws from our own generator (not NumPy's), and
/// the early-stopping split is ours too (so those results agree in
/// distribution, not bit for bit).
///
/// Departures from scikit-learn 1.9, where its behaviour is a slip: the
/// early-stopping score is computed from the current weights (scikit-learn
/// passes the unscaled vector v of w = scale v) and, with log_loss, against
/// labels of the same encoding (scikit-learn compares {0, 1} labels to {-1,
/// 1} predictions); after an averaged two-class fit partial_fit continues
/// from the last plain intercept (scikit-learn from the initial one).
///
/// Multi-class problems run in parallel (OpenMP over the classes), each with
/// its own random stream drawn from random_state, so the result does not
/// depend on the thread count.
///
/// Throws ValueError (fit): fewer than 2 classes, non-integer labels, alpha
/// < 0 (or 0 with optimal), l1_ratio outside [0, 1] (or None with
/// elasticnet), max_iter < 1, tol < 0, eta0 <= 0, epsilon < 0, average < 0,
/// validation_fraction outside (0, 1), n_iter_no_change < 1, pa1 / pa2 with a
/// loss other than hinge, class weights as LogisticRegression; an empty
/// training or validation part with early_stopping; weights that overflow.
///
/// Complexity: O(max_iter n_samples n_features) per class, O(n_samples
/// n_features) extra memory for a row-major copy of X.
///
/// \code
///   SGDClassifier clf({.loss = SGDLoss::log_loss, .alpha = 1e-3, .random_state = 0});
///   clf.fit(X, y);
///   Matrix p = clf.predict_proba(X_test);
///   clf.partial_fit(X_more, y_more);    // one more epoch on new data
/// \endcode
class SGDClassifier final : public SGDClassifierBase<SGDClassifier, SGDClassifierParams> {
 public:
  static constexpr std::string_view class_name = "SGDClassifier";
  static constexpr bool checks_X_in_learn = true;  // while copying X to rows
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("loss", p.loss);
    f("penalty", p.penalty);
    f("alpha", p.alpha);
    f("l1_ratio", p.l1_ratio);
    f("fit_intercept", p.fit_intercept);
    f("max_iter", p.max_iter);
    f("tol", p.tol);
    f("shuffle", p.shuffle);
    f("verbose", p.verbose);
    f("epsilon", p.epsilon);
    f("n_jobs", p.n_jobs);
    f("random_state", p.random_state);
    f("learning_rate", p.learning_rate);
    f("eta0", p.eta0);
    f("power_t", p.power_t);
    f("early_stopping", p.early_stopping);
    f("validation_fraction", p.validation_fraction);
    f("n_iter_no_change", p.n_iter_no_change);
    f("class_weight", p.class_weight);
    f("class_weight_labels", p.class_weight_labels);
    f("class_weight_values", p.class_weight_values);
    f("warm_start", p.warm_start);
    f("average", p.average);
  }
  using SGDClassifierBase::SGDClassifierBase;

  [[nodiscard]] bool has(Method method) const override {
    const bool proba = params_.loss == SGDLoss::log_loss || params_.loss == SGDLoss::modified_huber;
    return method == Method::predict || method == Method::decision_function || method == Method::score ||
           (proba && (method == Method::predict_proba || method == Method::predict_log_proba));
  }

  /// log_loss: the logistic function of each one-versus-all score, normalized
  /// over the classes (Zadrozny & Elkan 2002); modified_huber: (clip(score,
  /// -1, 1) + 1) / 2, normalized likewise (uniform where all are 0).
  /// ValueError for the other losses.
  [[nodiscard]] Matrix predict_proba(const MatrixView& X) const override;
  /// The same for sparse X (CSR).
  [[nodiscard]] Matrix predict_proba(const CsrMatrix& X) const;
  /// log(predict_proba(X)).
  [[nodiscard]] Matrix predict_log_proba(const MatrixView& X) const override;

  using EstimatorBase::fit;
  /// fit on sparse X (CSR), as scikit-learn on scipy.sparse input: each step
  /// touches the stored entries only, and the intercept moves at 0.01 of the
  /// rate (scikit-learn's SPARSE_INTERCEPT_DECAY).
  SGDClassifier& fit(const CsrMatrix& X, const VectorView& y, const VectorView& sample_weight = Vector());
  /// partial_fit on sparse X (CSR).
  SGDClassifier& partial_fit(const CsrMatrix& X, const VectorView& y, const VectorView& classes = Vector(),
                             const VectorView& sample_weight = Vector());

  /// One epoch of SGD on (X, y), continuing from the current state (or from
  /// zero on the first call, which must list every class in `classes`; later
  /// calls may leave it empty). Throws ValueError: early_stopping, class_weight
  /// "balanced", no classes on the first call, classes other than the first
  /// call's, a label of y not in classes, a different feature count.
  SGDClassifier& partial_fit(const MatrixView& X, const VectorView& y, const VectorView& classes = Vector(),
                             const VectorView& sample_weight = Vector());

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

/// SGDRegressor's hyper-parameters: scikit-learn's names and defaults.
struct SGDRegressorParams {
  SGDLoss loss = SGDLoss::squared_error;
  std::optional<SGDPenalty> penalty = SGDPenalty::l2;
  double alpha = 1e-4;
  std::optional<double> l1_ratio = 0.15;
  bool fit_intercept = true;
  int max_iter = 1000;
  std::optional<double> tol = 1e-3;
  bool shuffle = true;
  int verbose = 0;
  double epsilon = 0.1;
  std::optional<std::uint64_t> random_state{};
  SGDLearningRate learning_rate = SGDLearningRate::invscaling;
  double eta0 = 0.01;
  double power_t = 0.25;
  bool early_stopping = false;
  double validation_fraction = 0.1;
  int n_iter_no_change = 5;
  bool warm_start = false;
  std::int64_t average = 0;
};

/// What SGDRegressor and PassiveAggressiveRegressor share.
template <class Derived, class ParamsT>
class SGDRegressorBase : public EstimatorBase<Derived, Regressor, ParamsT, SGDRegressorFitted> {
  using Base = EstimatorBase<Derived, Regressor, ParamsT, SGDRegressorFitted>;

 public:
  using Base::Base;
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("coef", s.coef);
    f("intercept", s.intercept);
    f("n_iter", s.n_iter);
    f("t", s.t);
    f("standard_coef", s.standard_coef);
    f("standard_intercept", s.standard_intercept);
    f("average_coef", s.average_coef);
    f("average_intercept", s.average_intercept);
  }
  static void check_fitted(const SGDRegressorFitted& s) { detail::check_sgd_regressor_state(s); }

  [[nodiscard]] bool has(Method method) const override { return method == Method::predict || method == Method::score; }
  /// X coef + intercept.
  [[nodiscard]] Vector predict(const MatrixView& X) const override {
    const SGDRegressorFitted& s = this->check_input("predict", X);
    Vector out = X * s.coef;
    out.array() += s.intercept;
    return out;
  }
  /// The same for sparse X (CSR).
  [[nodiscard]] Vector predict(const CsrMatrix& X) const {
    const SGDRegressorFitted& s = this->fitted();
    check_sparse_predict(Derived::class_name, "predict", X, s.n_features_in);
    Vector out = X * s.coef;
    out.array() += s.intercept;
    return out;
  }
  /// scikit-learn's coef_, intercept_[0], n_iter_ and t_.
  [[nodiscard]] const Vector& coef() const { return this->fitted().coef; }
  [[nodiscard]] double intercept() const { return this->fitted().intercept; }
  [[nodiscard]] Index n_iter() const { return this->fitted().n_iter; }
  [[nodiscard]] double t() const { return this->fitted().t; }
};

/// Linear regression fitted by SGD, as sklearn.linear_model.SGDRegressor:
/// minimizes (1/n) sum_i loss(y_i, w . x_i + b) + alpha R(w) (R as in
/// SGDClassifier) with the losses squared_error (half squared error), huber
/// (Huber's loss with delta = epsilon), epsilon_insensitive and
/// squared_epsilon_insensitive, and the schedules of SGDClassifier (default
/// invscaling). Same steps, order and departures as SGDClassifier (early
/// stopping: R^2 on a random validation_fraction of the samples).
///
/// Throws ValueError (fit): a classification loss, and the parameter errors
/// of SGDClassifier (pa1 / pa2 need epsilon_insensitive).
///
/// \code
///   SGDRegressor reg({.alpha = 1e-3, .random_state = 0});
///   Vector yhat = reg.fit(X, y).predict(X_test);
/// \endcode
class SGDRegressor final : public SGDRegressorBase<SGDRegressor, SGDRegressorParams> {
 public:
  static constexpr std::string_view class_name = "SGDRegressor";
  static constexpr bool checks_X_in_learn = true;  // while copying X to rows
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("loss", p.loss);
    f("penalty", p.penalty);
    f("alpha", p.alpha);
    f("l1_ratio", p.l1_ratio);
    f("fit_intercept", p.fit_intercept);
    f("max_iter", p.max_iter);
    f("tol", p.tol);
    f("shuffle", p.shuffle);
    f("verbose", p.verbose);
    f("epsilon", p.epsilon);
    f("random_state", p.random_state);
    f("learning_rate", p.learning_rate);
    f("eta0", p.eta0);
    f("power_t", p.power_t);
    f("early_stopping", p.early_stopping);
    f("validation_fraction", p.validation_fraction);
    f("n_iter_no_change", p.n_iter_no_change);
    f("warm_start", p.warm_start);
    f("average", p.average);
  }
  using SGDRegressorBase::SGDRegressorBase;

  /// One epoch of SGD on (X, y), continuing from the current state. Throws
  /// ValueError with early_stopping or a different feature count.
  SGDRegressor& partial_fit(const MatrixView& X, const VectorView& y, const VectorView& sample_weight = Vector());

  using EstimatorBase::fit;
  /// fit on sparse X (CSR), as SGDClassifier's.
  SGDRegressor& fit(const CsrMatrix& X, const VectorView& y, const VectorView& sample_weight = Vector());
  /// partial_fit on sparse X (CSR).
  SGDRegressor& partial_fit(const CsrMatrix& X, const VectorView& y, const VectorView& sample_weight = Vector());

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
