#include <cmath>
#include <scilearn/learn/preprocessing/normalizer.hpp>

#include "preprocessing_detail.hpp"

namespace scilearn::learn {

Normalizer::Fitted Normalizer::learn(const MatrixView& X, const VectorView*, const VectorView* sample_weight) const {
  detail::reject_sample_weight(class_name, sample_weight);
  return Fitted{X.cols()};
}

Matrix Normalizer::transform(const MatrixView& X) const {
  check_input("transform", X);
  const Index n = X.rows(), p = X.cols();
  // Norms accumulated column by column (X is column-major), then applied.
  Vector norms = Vector::Zero(n);
  for (Index j = 0; j < p; ++j) {
    const auto x = X.col(j).array();
    switch (params_.norm) {
      case NormalizerNorm::l1: norms.array() += x.abs(); break;
      case NormalizerNorm::l2: norms.array() += x.square(); break;
      case NormalizerNorm::max: norms = norms.cwiseMax(x.abs().matrix()); break;
    }
  }
  if (params_.norm == NormalizerNorm::l2) norms = norms.cwiseSqrt();
  detail::handle_zeros_in_scale(norms);
  Matrix Z(n, p);
  // Division, not multiplication by the inverse, to round as scikit-learn does.
  for (Index j = 0; j < p; ++j) Z.col(j) = X.col(j).cwiseQuotient(norms);
  return Z;
}

std::vector<std::string> Normalizer::get_feature_names_out(const std::vector<std::string>& input_features) const {
  return one_to_one_feature_names(class_name, input_features, fitted().n_features_in);
}

}  // namespace scilearn::learn
