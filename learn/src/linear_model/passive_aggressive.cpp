#include <scilearn/learn/linear_model/passive_aggressive.hpp>

#include "linear_model/sgd_common.hpp"

namespace scilearn::learn {

namespace {

// scikit-learn runs both as SGD with the hinge (epsilon-insensitive) loss,
// penalty None, alpha 1 and eta0 = C; the loss parameter picks PA-I or PA-II.
detail::SgdSpec classifier_spec(const PassiveAggressiveClassifierParams& p) {
  detail::SgdSpec s;
  s.name = PassiveAggressiveClassifier::class_name;
  s.loss = SGDLoss::hinge;
  s.penalty.reset();
  s.alpha = 1.0;
  s.fit_intercept = p.fit_intercept;
  s.max_iter = p.max_iter;
  s.tol = p.tol;
  s.shuffle = p.shuffle;
  s.n_jobs = p.n_jobs;
  s.random_state = p.random_state;
  s.learning_rate = p.loss == PassiveAggressiveClassifierLoss::hinge ? SGDLearningRate::pa1 : SGDLearningRate::pa2;
  s.eta0 = p.C;
  s.eta0_name = "C";
  s.early_stopping = p.early_stopping;
  s.validation_fraction = p.validation_fraction;
  s.n_iter_no_change = p.n_iter_no_change;
  s.class_weight = p.class_weight;
  s.class_weight_labels = p.class_weight_labels;
  s.class_weight_values = p.class_weight_values;
  s.warm_start = p.warm_start;
  s.average = p.average;
  return s;
}

detail::SgdSpec regressor_spec(const PassiveAggressiveRegressorParams& p) {
  detail::SgdSpec s;
  s.name = PassiveAggressiveRegressor::class_name;
  s.loss = SGDLoss::epsilon_insensitive;
  s.penalty.reset();
  s.alpha = 1.0;
  s.l1_ratio = 0.0;
  s.epsilon = p.epsilon;
  s.fit_intercept = p.fit_intercept;
  s.max_iter = p.max_iter;
  s.tol = p.tol;
  s.shuffle = p.shuffle;
  s.random_state = p.random_state;
  s.learning_rate =
      p.loss == PassiveAggressiveRegressorLoss::epsilon_insensitive ? SGDLearningRate::pa1 : SGDLearningRate::pa2;
  s.eta0 = p.C;
  s.eta0_name = "C";
  s.early_stopping = p.early_stopping;
  s.validation_fraction = p.validation_fraction;
  s.n_iter_no_change = p.n_iter_no_change;
  s.warm_start = p.warm_start;
  s.average = p.average;
  return s;
}

}  // namespace

PassiveAggressiveClassifier::Fitted PassiveAggressiveClassifier::learn(const MatrixView& X, const VectorView* y,
                                                                       const VectorView* sample_weight) const {
  if (!y) throw ValueError("PassiveAggressiveClassifier.fit: y is required");
  if (sample_weight) throw ValueError("PassiveAggressiveClassifier.fit takes no sample_weight");
  return detail::sgd_fit_classifier(classifier_spec(params_), detail::SgdInput{&X}, *y, nullptr,
                                    fitted_ ? &*fitted_ : nullptr, false, Vector());
}

PassiveAggressiveClassifier& PassiveAggressiveClassifier::partial_fit(const MatrixView& X, const VectorView& y,
                                                                      const VectorView& classes) {
  check_X_y_shape("PassiveAggressiveClassifier.partial_fit", X, y);
  fitted_ = detail::sgd_fit_classifier(classifier_spec(params_), detail::SgdInput{&X}, y, nullptr,
                                       fitted_ ? &*fitted_ : nullptr, true, classes);
  return *this;
}

PassiveAggressiveRegressor::Fitted PassiveAggressiveRegressor::learn(const MatrixView& X, const VectorView* y,
                                                                     const VectorView* sample_weight) const {
  if (!y) throw ValueError("PassiveAggressiveRegressor.fit: y is required");
  if (sample_weight) throw ValueError("PassiveAggressiveRegressor.fit takes no sample_weight");
  return detail::sgd_fit_regressor(regressor_spec(params_), detail::SgdInput{&X}, *y, nullptr,
                                   fitted_ ? &*fitted_ : nullptr, false);
}

PassiveAggressiveRegressor& PassiveAggressiveRegressor::partial_fit(const MatrixView& X, const VectorView& y) {
  check_X_y_shape("PassiveAggressiveRegressor.partial_fit", X, y);
  fitted_ = detail::sgd_fit_regressor(regressor_spec(params_), detail::SgdInput{&X}, y, nullptr,
                                      fitted_ ? &*fitted_ : nullptr, true);
  return *this;
}

PassiveAggressiveClassifier& PassiveAggressiveClassifier::fit(const CsrMatrix& X, const VectorView& y) {
  check_sparse_X_y("PassiveAggressiveClassifier.fit", X, y, Vector());
  fitted_ = detail::sgd_fit_classifier(classifier_spec(params_), detail::SgdInput{nullptr, &X}, y, nullptr,
                                       fitted_ ? &*fitted_ : nullptr, false, Vector());
  return *this;
}

PassiveAggressiveClassifier& PassiveAggressiveClassifier::partial_fit(const CsrMatrix& X, const VectorView& y,
                                                                      const VectorView& classes) {
  check_sparse_X_y("PassiveAggressiveClassifier.partial_fit", X, y, Vector());
  fitted_ = detail::sgd_fit_classifier(classifier_spec(params_), detail::SgdInput{nullptr, &X}, y, nullptr,
                                       fitted_ ? &*fitted_ : nullptr, true, classes);
  return *this;
}

PassiveAggressiveRegressor& PassiveAggressiveRegressor::fit(const CsrMatrix& X, const VectorView& y) {
  check_sparse_X_y("PassiveAggressiveRegressor.fit", X, y, Vector());
  fitted_ = detail::sgd_fit_regressor(regressor_spec(params_), detail::SgdInput{nullptr, &X}, y, nullptr,
                                      fitted_ ? &*fitted_ : nullptr, false);
  return *this;
}

PassiveAggressiveRegressor& PassiveAggressiveRegressor::partial_fit(const CsrMatrix& X, const VectorView& y) {
  check_sparse_X_y("PassiveAggressiveRegressor.partial_fit", X, y, Vector());
  fitted_ = detail::sgd_fit_regressor(regressor_spec(params_), detail::SgdInput{nullptr, &X}, y, nullptr,
                                      fitted_ ? &*fitted_ : nullptr, true);
  return *this;
}

}  // namespace scilearn::learn
