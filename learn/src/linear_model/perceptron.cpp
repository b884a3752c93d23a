#include <scilearn/learn/linear_model/perceptron.hpp>

#include "linear_model/sgd_common.hpp"

namespace scilearn::learn {

namespace {

detail::SgdSpec perceptron_spec(const PerceptronParams& p) {
  detail::SgdSpec s;
  s.name = Perceptron::class_name;
  s.loss = SGDLoss::perceptron;
  s.penalty = p.penalty;
  s.alpha = p.alpha;
  s.l1_ratio = p.l1_ratio;
  s.fit_intercept = p.fit_intercept;
  s.max_iter = p.max_iter;
  s.tol = p.tol;
  s.shuffle = p.shuffle;
  s.n_jobs = p.n_jobs;
  s.random_state = p.random_state;
  s.learning_rate = SGDLearningRate::constant;
  s.eta0 = p.eta0;
  s.power_t = 0.5;
  s.early_stopping = p.early_stopping;
  s.validation_fraction = p.validation_fraction;
  s.n_iter_no_change = p.n_iter_no_change;
  s.class_weight = p.class_weight;
  s.class_weight_labels = p.class_weight_labels;
  s.class_weight_values = p.class_weight_values;
  s.warm_start = p.warm_start;
  return s;
}

}  // namespace

Perceptron::Fitted Perceptron::learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const {
  if (!y) throw ValueError("Perceptron.fit: y is required");
  return detail::sgd_fit_classifier(perceptron_spec(params_), detail::SgdInput{&X}, *y, sample_weight,
                                    fitted_ ? &*fitted_ : nullptr, false, Vector());
}

Perceptron& Perceptron::partial_fit(const MatrixView& X, const VectorView& y, const VectorView& classes,
                                    const VectorView& sample_weight) {
  const std::string where = "Perceptron.partial_fit";
  check_X_y_shape(where, X, y);
  check_sample_weight(where, sample_weight, X.rows());
  fitted_ = detail::sgd_fit_classifier(perceptron_spec(params_), detail::SgdInput{&X}, y,
                                       sample_weight.size() ? &sample_weight : nullptr, fitted_ ? &*fitted_ : nullptr,
                                       true, classes);
  return *this;
}

Perceptron& Perceptron::fit(const CsrMatrix& X, const VectorView& y, const VectorView& sample_weight) {
  check_sparse_X_y("Perceptron.fit", X, y, sample_weight);
  fitted_ = detail::sgd_fit_classifier(perceptron_spec(params_), detail::SgdInput{nullptr, &X}, y,
                                       sample_weight.size() ? &sample_weight : nullptr, fitted_ ? &*fitted_ : nullptr,
                                       false, Vector());
  return *this;
}

Perceptron& Perceptron::partial_fit(const CsrMatrix& X, const VectorView& y, const VectorView& classes,
                                    const VectorView& sample_weight) {
  check_sparse_X_y("Perceptron.partial_fit", X, y, sample_weight);
  fitted_ = detail::sgd_fit_classifier(perceptron_spec(params_), detail::SgdInput{nullptr, &X}, y,
                                       sample_weight.size() ? &sample_weight : nullptr, fitted_ ? &*fitted_ : nullptr,
                                       true, classes);
  return *this;
}

}  // namespace scilearn::learn
