#pragma once
/// \file
/// PassiveAggressiveClassifier and PassiveAggressiveRegressor, as
/// sklearn.linear_model's (1.9, where they are deprecated in favour of
/// SGDClassifier / SGDRegressor with learning_rate "pa1" / "pa2", which
/// scilearn has too): the online passive-aggressive algorithms PA-I and PA-II
/// of Crammer, Dekel, Keshet, Shalev-Shwartz & Singer (JMLR 2006).

#include <scilearn/learn/linear_model/stochastic_gradient.hpp>

namespace scilearn::learn {

/// The classifier's `loss`: hinge gives PA-I, squared_hinge PA-II.
enum class PassiveAggressiveClassifierLoss { hinge, squared_hinge };

constexpr auto param_names(PassiveAggressiveClassifierLoss) {
  return std::array{std::pair{PassiveAggressiveClassifierLoss::hinge, "hinge"},
                    std::pair{PassiveAggressiveClassifierLoss::squared_hinge, "squared_hinge"}};
}

/// The regressor's `loss`: epsilon_insensitive gives PA-I,
/// squared_epsilon_insensitive PA-II.
enum class PassiveAggressiveRegressorLoss { epsilon_insensitive, squared_epsilon_insensitive };

constexpr auto param_names(PassiveAggressiveRegressorLoss) {
  return std::array{
      std::pair{PassiveAggressiveRegressorLoss::epsilon_insensitive, "epsilon_insensitive"},
      std::pair{PassiveAggressiveRegressorLoss::squared_epsilon_insensitive, "squared_epsilon_insensitive"}};
}

/// PassiveAggressiveClassifier's hyper-parameters: scikit-learn's names and defaults.
struct PassiveAggressiveClassifierParams {
  /// The aggressiveness (> 0): PA-I's largest step, PA-II's regularization.
  double C = 1.0;
  bool fit_intercept = true;
  int max_iter = 1000;
  std::optional<double> tol = 1e-3;
  bool early_stopping = false;
  double validation_fraction = 0.1;
  int n_iter_no_change = 5;
  bool shuffle = true;
  int verbose = 0;
  PassiveAggressiveClassifierLoss loss = PassiveAggressiveClassifierLoss::hinge;
  std::optional<int> n_jobs{};
  std::optional<std::uint64_t> random_state{};
  bool warm_start = false;
  std::string class_weight{};
  std::vector<double> class_weight_labels{};
  std::vector<double> class_weight_values{};
  std::int64_t average = 0;
};

/// Passive-aggressive classification: on each sample with hinge loss l =
/// max(0, 1 - y (w . x + b)), w <- w + tau y x and b <- b + tau y with tau =
/// min(C, l / ||x||^2) (PA-I; samples with x = 0 are skipped) or l / (||x||^2
/// + 1 / (2 C)) (PA-II); one versus all for more than two classes. The
/// machinery of SGDClassifier (penalty None, learning_rate pa1 / pa2, eta0 =
/// C): its errors, complexity and departures apply. fit takes no
/// sample_weight (ValueError), as in scikit-learn.
class PassiveAggressiveClassifier final
    : public SGDClassifierBase<PassiveAggressiveClassifier, PassiveAggressiveClassifierParams> {
 public:
  static constexpr std::string_view class_name = "PassiveAggressiveClassifier";
  static constexpr bool checks_X_in_learn = true;  // while copying X to rows
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("C", p.C);
    f("fit_intercept", p.fit_intercept);
    f("max_iter", p.max_iter);
    f("tol", p.tol);
    f("early_stopping", p.early_stopping);
    f("validation_fraction", p.validation_fraction);
    f("n_iter_no_change", p.n_iter_no_change);
    f("shuffle", p.shuffle);
    f("verbose", p.verbose);
    f("loss", p.loss);
    f("n_jobs", p.n_jobs);
    f("random_state", p.random_state);
    f("warm_start", p.warm_start);
    f("class_weight", p.class_weight);
    f("class_weight_labels", p.class_weight_labels);
    f("class_weight_values", p.class_weight_values);
    f("average", p.average);
  }
  using SGDClassifierBase::SGDClassifierBase;

  [[nodiscard]] bool has(Method method) const override {
    return method == Method::predict || method == Method::decision_function || method == Method::score;
  }

  using EstimatorBase::fit;
  /// fit on sparse X (CSR), as SGDClassifier's: the steps touch the stored
  /// entries only, the intercept moves at 0.01 of the rate (scikit-learn's
  /// sparse path).
  PassiveAggressiveClassifier& fit(const CsrMatrix& X, const VectorView& y);
  /// partial_fit on sparse X (CSR).
  PassiveAggressiveClassifier& partial_fit(const CsrMatrix& X, const VectorView& y,
                                           const VectorView& classes = Vector());
  /// One epoch on (X, y), as SGDClassifier::partial_fit (without weights).
  PassiveAggressiveClassifier& partial_fit(const MatrixView& X, const VectorView& y,
                                           const VectorView& classes = Vector());

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

/// PassiveAggressiveRegressor's hyper-parameters: scikit-learn's names and defaults.
struct PassiveAggressiveRegressorParams {
  double C = 1.0;
  bool fit_intercept = true;
  int max_iter = 1000;
  std::optional<double> tol = 1e-3;
  bool early_stopping = false;
  double validation_fraction = 0.1;
  int n_iter_no_change = 5;
  bool shuffle = true;
  int verbose = 0;
  PassiveAggressiveRegressorLoss loss = PassiveAggressiveRegressorLoss::epsilon_insensitive;
  /// The insensitive band (>= 0).
  double epsilon = 0.1;
  std::optional<std::uint64_t> random_state{};
  bool warm_start = false;
  std::int64_t average = 0;
};

/// Passive-aggressive regression: with l = max(0, |y - (w . x + b)| -
/// epsilon), w <- w + tau sign(y - w . x - b) x with tau as in
/// PassiveAggressiveClassifier. SGDRegressor's machinery (penalty None,
/// learning_rate pa1 / pa2, eta0 = C). fit takes no sample_weight.
class PassiveAggressiveRegressor final
    : public SGDRegressorBase<PassiveAggressiveRegressor, PassiveAggressiveRegressorParams> {
 public:
  static constexpr std::string_view class_name = "PassiveAggressiveRegressor";
  static constexpr bool checks_X_in_learn = true;  // while copying X to rows
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("C", p.C);
    f("fit_intercept", p.fit_intercept);
    f("max_iter", p.max_iter);
    f("tol", p.tol);
    f("early_stopping", p.early_stopping);
    f("validation_fraction", p.validation_fraction);
    f("n_iter_no_change", p.n_iter_no_change);
    f("shuffle", p.shuffle);
    f("verbose", p.verbose);
    f("loss", p.loss);
    f("epsilon", p.epsilon);
    f("random_state", p.random_state);
    f("warm_start", p.warm_start);
    f("average", p.average);
  }
  using SGDRegressorBase::SGDRegressorBase;

  /// One epoch on (X, y), as SGDRegressor::partial_fit (without weights).
  PassiveAggressiveRegressor& partial_fit(const MatrixView& X, const VectorView& y);
  using EstimatorBase::fit;
  /// fit on sparse X (CSR), as SGDRegressor's (scikit-learn's sparse path).
  PassiveAggressiveRegressor& fit(const CsrMatrix& X, const VectorView& y);
  /// partial_fit on sparse X (CSR).
  PassiveAggressiveRegressor& partial_fit(const CsrMatrix& X, const VectorView& y);

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
