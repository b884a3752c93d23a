#include <scilearn/core/validation.hpp>
#include <scilearn/learn/base/estimator.hpp>

namespace scilearn::learn {

void Estimator::throw_unsupported(std::string_view method) const {
  throw ValueError(cat(name(), " has no ", method, "()"));
}

Vector Estimator::predict(const MatrixView&) const { throw_unsupported("predict"); }
Matrix Estimator::predict_proba(const MatrixView&) const { throw_unsupported("predict_proba"); }
Matrix Estimator::predict_log_proba(const MatrixView&) const { throw_unsupported("predict_log_proba"); }
Matrix Estimator::decision_function(const MatrixView&) const { throw_unsupported("decision_function"); }
Matrix Estimator::transform(const MatrixView&) const { throw_unsupported("transform"); }
Matrix Estimator::inverse_transform(const MatrixView&) const { throw_unsupported("inverse_transform"); }
double Estimator::score(const MatrixView&, const VectorView&, const VectorView&) const { throw_unsupported("score"); }
Vector Estimator::classes() const { throw_unsupported("classes"); }

Matrix Estimator::fit_transform(const MatrixView& X, const VectorView& y, const VectorView& sample_weight) {
  if (!has(Method::transform)) throw_unsupported("fit_transform");
  fit_impl(X, y.size() ? &y : nullptr, sample_weight.size() ? &sample_weight : nullptr);
  return transform(X);
}

void Estimator::write(io::BinaryWriter&) const { throw ValueError(cat(name(), " cannot be saved to a model file")); }

std::vector<std::string> Estimator::get_feature_names_out(const std::vector<std::string>&) const {
  throw_unsupported("get_feature_names_out");
}

double Classifier::score(const MatrixView& X, const VectorView& y, const VectorView& sample_weight) const {
  const Vector predicted = predict(X);
  check_same_length(cat(name(), ".score"), "X", X.rows(), "y", y.size());
  check_sample_weight(cat(name(), ".score"), sample_weight, y.size());
  const Vector w = sample_weight_or_ones(sample_weight, y.size());
  return (predicted.array() == y.array()).select(w, 0.0).sum() / w.sum();
}

double Regressor::score(const MatrixView& X, const VectorView& y, const VectorView& sample_weight) const {
  const Vector predicted = predict(X);
  check_same_length(cat(name(), ".score"), "X", X.rows(), "y", y.size());
  check_sample_weight(cat(name(), ".score"), sample_weight, y.size());
  const Vector w = sample_weight_or_ones(sample_weight, y.size());
  const double y_mean = w.dot(y) / w.sum();
  const double residual = w.dot((y - predicted).cwiseAbs2());
  const double total = w.dot((y.array() - y_mean).matrix().cwiseAbs2());
  // r2_score's convention for a constant y: 1 for a perfect fit, 0 otherwise.
  if (total == 0) return residual == 0 ? 1.0 : 0.0;
  return 1 - residual / total;
}

std::vector<std::string> default_feature_names(Index n) {
  std::vector<std::string> names;
  names.reserve(static_cast<std::size_t>(n));
  for (Index i = 0; i < n; ++i) names.push_back(cat("x", i));
  return names;
}

std::vector<std::string> one_to_one_feature_names(std::string_view estimator,
                                                  const std::vector<std::string>& input_features, Index n_features) {
  if (input_features.empty()) return default_feature_names(n_features);
  if (static_cast<Index>(input_features.size()) != n_features)
    throw ValueError(cat(estimator, ".get_feature_names_out: input_features has ", input_features.size(),
                         " names, but ", n_features, " features were seen in fit"));
  return input_features;
}

std::string not_fitted_message(std::string_view estimator) {
  return cat("This ", estimator,
             " instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.");
}

}  // namespace scilearn::learn
