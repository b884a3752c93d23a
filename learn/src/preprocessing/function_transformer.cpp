#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/preprocessing/function_transformer.hpp>

#include "preprocessing_detail.hpp"

namespace scilearn::learn {

void FunctionTransformer::check(std::string_view method, const MatrixView& X) const {
  if (params_.validate) check_finite(cat(class_name, ".", method), "X", X);
}

FunctionTransformer::Fitted FunctionTransformer::learn(const MatrixView& X, const VectorView*,
                                                       const VectorView* sample_weight) const {
  detail::reject_sample_weight(class_name, sample_weight);
  check("fit", X);
  if (params_.check_inverse && params_.func && params_.inverse_func) {
    // Every (n / 100)-th row, as scikit-learn's slice(None, None, max(1, n // 100)).
    const Index step = std::max<Index>(1, X.rows() / 100);
    const Index m = (X.rows() + step - 1) / step;
    Matrix sample(m, X.cols());
    for (Index r = 0; r < m; ++r) sample.row(r) = X.row(r * step);
    const Matrix round_trip = params_.inverse_func(params_.func(sample));
    bool close = round_trip.rows() == sample.rows() && round_trip.cols() == sample.cols();
    // np.allclose(a, b, rtol=1e-7, atol=1e-9): |a - b| <= atol + rtol |b|, NaN unequal.
    for (Index j = 0; close && j < sample.cols(); ++j)
      for (Index i = 0; close && i < sample.rows(); ++i)
        close = std::abs(sample(i, j) - round_trip(i, j)) <= 1e-9 + 1e-7 * std::abs(round_trip(i, j));
    if (!close)
      warn(WarningCategory::user,
           "The provided functions are not strictly inverse of each other. If you are sure you want to proceed "
           "regardless, set 'check_inverse=False'.");
  }
  return Fitted{X.cols()};
}

Matrix FunctionTransformer::transform(const MatrixView& X) const {
  check_input("transform", X);
  check("transform", X);
  return params_.func ? params_.func(X) : Matrix(X);
}

Matrix FunctionTransformer::inverse_transform(const MatrixView& X) const {
  (void)fitted();
  check_X(cat(class_name, ".inverse_transform"), X, /*allow_nan=*/true);
  check("inverse_transform", X);
  return params_.inverse_func ? params_.inverse_func(X) : Matrix(X);
}

std::vector<std::string> FunctionTransformer::get_feature_names_out(
    const std::vector<std::string>& input_features) const {
  const auto names = one_to_one_feature_names(class_name, input_features, fitted().n_features_in);
  if (params_.one_to_one_feature_names) return names;
  if (params_.feature_names_out) return params_.feature_names_out(names);
  throw ValueError(
      "FunctionTransformer has no get_feature_names_out(): set one_to_one_feature_names or feature_names_out");
}

}  // namespace scilearn::learn
