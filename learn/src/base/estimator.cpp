#include <scilearn/core/validation.hpp>
#include <scilearn/learn/base/estimator.hpp>
#include <scilearn/learn/metrics/classification.hpp>
#include <scilearn/learn/metrics/regression.hpp>

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
  return accuracy_score(y, predict(X), true, sample_weight);
}

double Regressor::score(const MatrixView& X, const VectorView& y, const VectorView& sample_weight) const {
  return r2_score(y, predict(X), sample_weight);
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
