#pragma once
// What the SGD estimators share (stochastic_gradient.cpp): one description of
// a fit, built from any of SGDClassifier, Perceptron,
// PassiveAggressiveClassifier, SGDRegressor, PassiveAggressiveRegressor, and
// the fit / partial_fit drivers around plain_sgd (sgd_fast.hpp).

#include <optional>
#include <scilearn/learn/linear_model/stochastic_gradient.hpp>
#include <scilearn/learn/sparse_input.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace scilearn::learn::detail {

struct SgdSpec {
  std::string_view name;  // the estimator's class name, for messages
  SGDLoss loss = SGDLoss::hinge;
  std::optional<SGDPenalty> penalty = SGDPenalty::l2;
  double alpha = 1e-4;
  std::optional<double> l1_ratio = 0.15;
  bool fit_intercept = true;
  int max_iter = 1000;
  std::optional<double> tol = 1e-3;
  bool shuffle = true;
  double epsilon = 0.1;
  std::optional<int> n_jobs{};
  std::optional<std::uint64_t> random_state{};
  SGDLearningRate learning_rate = SGDLearningRate::optimal;
  double eta0 = 0.01;
  double power_t = 0.5;
  bool early_stopping = false;
  double validation_fraction = 0.1;
  int n_iter_no_change = 5;
  std::string class_weight{};
  std::vector<double> class_weight_labels{};
  std::vector<double> class_weight_values{};
  bool warm_start = false;
  std::int64_t average = 0;
  // The name of eta0 in messages ("C" for the passive-aggressive estimators).
  std::string_view eta0_name = "eta0";
};

// The training rows: dense, or sparse (CSR) from the fit overloads.
struct SgdInput {
  const MatrixView* dense = nullptr;
  const CsrMatrix* sparse = nullptr;
  [[nodiscard]] Index rows() const { return dense ? dense->rows() : sparse->rows(); }
  [[nodiscard]] Index cols() const { return dense ? dense->cols() : sparse->cols(); }
};

// fit (partial = false) or partial_fit (partial = true) of a classifier;
// `previous` is the current state (null before the first fit), `classes`
// partial_fit's argument (may be empty).
SGDClassifierFitted sgd_fit_classifier(const SgdSpec& spec, const SgdInput& X, const VectorView& y,
                                       const VectorView* sample_weight, const SGDClassifierFitted* previous,
                                       bool partial, const VectorView& classes);

SGDRegressorFitted sgd_fit_regressor(const SgdSpec& spec, const SgdInput& X, const VectorView& y,
                                     const VectorView* sample_weight, const SGDRegressorFitted* previous, bool partial);

}  // namespace scilearn::learn::detail
