#include <scilearn/learn/preprocessing/binarizer.hpp>

#include "preprocessing_detail.hpp"

namespace scilearn::learn {

Binarizer::Fitted Binarizer::learn(const MatrixView& X, const VectorView*, const VectorView* sample_weight) const {
  detail::reject_sample_weight(class_name, sample_weight);
  if (std::isnan(params_.threshold)) throw ValueError("Binarizer: threshold must be a number, got nan");
  return Fitted{X.cols()};
}

Matrix Binarizer::transform(const MatrixView& X) const {
  check_input("transform", X);
  return (X.array() > params_.threshold).cast<double>().matrix();
}

std::vector<std::string> Binarizer::get_feature_names_out(const std::vector<std::string>& input_features) const {
  return one_to_one_feature_names(class_name, input_features, fitted().n_features_in);
}

}  // namespace scilearn::learn
