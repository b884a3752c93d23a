#pragma once
/// \file
/// Perceptron, as sklearn.linear_model.Perceptron (1.9): SGDClassifier with
/// loss "perceptron", learning_rate "constant" and eta0 = 1.

#include <scilearn/learn/linear_model/stochastic_gradient.hpp>

namespace scilearn::learn {

/// Perceptron's hyper-parameters: scikit-learn's names and defaults (note
/// random_state = 0 and no penalty by default). class_weight as SGDClassifier.
struct PerceptronParams {
  std::optional<SGDPenalty> penalty{};
  double alpha = 1e-4;
  double l1_ratio = 0.15;
  bool fit_intercept = true;
  int max_iter = 1000;
  std::optional<double> tol = 1e-3;
  bool shuffle = true;
  int verbose = 0;
  double eta0 = 1.0;
  std::optional<int> n_jobs{};
  std::optional<std::uint64_t> random_state = 0;
  bool early_stopping = false;
  double validation_fraction = 0.1;
  int n_iter_no_change = 5;
  std::string class_weight{};
  std::vector<double> class_weight_labels{};
  std::vector<double> class_weight_values{};
  bool warm_start = false;
};

/// The perceptron (Rosenblatt 1958): w <- w + eta0 y_i x_i on each sample
/// with y_i (w . x_i + b) <= 0, one versus all for more than two classes;
/// exactly SGDClassifier(loss = perceptron, learning_rate = constant, eta0,
/// penalty, alpha, l1_ratio, ...). Errors, complexity and the departures from
/// scikit-learn as SGDClassifier.
///
/// \code
///   Perceptron clf;
///   Vector labels = clf.fit(X, y).predict(X_test);
/// \endcode
class Perceptron final : public SGDClassifierBase<Perceptron, PerceptronParams> {
 public:
  static constexpr std::string_view class_name = "Perceptron";
  static constexpr bool checks_X_in_learn = true;  // while copying X to rows
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("penalty", p.penalty);
    f("alpha", p.alpha);
    f("l1_ratio", p.l1_ratio);
    f("fit_intercept", p.fit_intercept);
    f("max_iter", p.max_iter);
    f("tol", p.tol);
    f("shuffle", p.shuffle);
    f("verbose", p.verbose);
    f("eta0", p.eta0);
    f("n_jobs", p.n_jobs);
    f("random_state", p.random_state);
    f("early_stopping", p.early_stopping);
    f("validation_fraction", p.validation_fraction);
    f("n_iter_no_change", p.n_iter_no_change);
    f("class_weight", p.class_weight);
    f("class_weight_labels", p.class_weight_labels);
    f("class_weight_values", p.class_weight_values);
    f("warm_start", p.warm_start);
  }
  using SGDClassifierBase::SGDClassifierBase;

  [[nodiscard]] bool has(Method method) const override {
    return method == Method::predict || method == Method::decision_function || method == Method::score;
  }

  /// One epoch on (X, y), as SGDClassifier::partial_fit.
  Perceptron& partial_fit(const MatrixView& X, const VectorView& y, const VectorView& classes = Vector(),
                          const VectorView& sample_weight = Vector());

  using EstimatorBase::fit;
  /// fit on sparse X (CSR), as SGDClassifier's: the steps touch the stored
  /// entries only, the intercept moves at 0.01 of the rate (scikit-learn's
  /// sparse path).
  Perceptron& fit(const CsrMatrix& X, const VectorView& y, const VectorView& sample_weight = Vector());
  /// partial_fit on sparse X (CSR).
  Perceptron& partial_fit(const CsrMatrix& X, const VectorView& y, const VectorView& classes = Vector(),
                          const VectorView& sample_weight = Vector());

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
