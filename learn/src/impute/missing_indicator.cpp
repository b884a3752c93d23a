#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/learn/impute/missing_indicator.hpp>

#include "impute/impute_detail.hpp"
#include "preprocessing/preprocessing_detail.hpp"

namespace scilearn::learn {

MissingIndicator::Fitted MissingIndicator::learn(const MatrixView& X, const VectorView*,
                                                 const VectorView* sample_weight) const {
  detail::reject_sample_weight(class_name, sample_weight);
  detail::check_no_nan_unless_placeholder("MissingIndicator.fit", X, params_.missing_values);
  Fitted out;
  out.n_features_in = X.cols();
  if (params_.features == MissingFeatures::all) {
    out.features.resize(static_cast<std::size_t>(X.cols()));
    for (Index j = 0; j < X.cols(); ++j) out.features[static_cast<std::size_t>(j)] = j;
  } else {
    out.features = detail::features_with_missing(X, params_.missing_values);
  }
  return out;
}

MissingIndicator MissingIndicator::from_fitted(const Params& params, Fitted state) {
  MissingIndicator indicator(params);
  indicator.fitted_ = std::move(state);
  return indicator;
}

void MissingIndicator::check_fitted(const Fitted& s) { detail::check_indicator_features(s.features, s.n_features_in); }

Matrix MissingIndicator::transform(const MatrixView& X) const {
  const Fitted& state = check_input("transform", X);
  const double missing = params_.missing_values;
  detail::check_no_nan_unless_placeholder("MissingIndicator.transform", X, missing);
  if (params_.features == MissingFeatures::missing_only && params_.error_on_new) {
    std::vector<Index> fresh;
    std::size_t k = 0;
    for (const Index j : detail::features_with_missing(X, missing)) {
      while (k < state.features.size() && state.features[k] < j) ++k;
      if (k == state.features.size() || state.features[k] != j) fresh.push_back(j);
    }
    if (!fresh.empty()) {
      std::string list;
      for (const Index j : fresh) list += cat(list.empty() ? "" : " ", j);
      throw ValueError(cat("MissingIndicator.transform: The features [", list,
                           "] have missing values in transform but have no missing values in fit."));
    }
  }
  Matrix out(X.rows(), static_cast<Index>(state.features.size()));
  detail::indicator_columns(X, state.features, missing, out);
  return out;
}

std::vector<std::string> MissingIndicator::get_feature_names_out(const std::vector<std::string>& input_features) const {
  const Fitted& state = fitted();
  return detail::indicator_feature_names(one_to_one_feature_names(class_name, input_features, state.n_features_in),
                                         state.features);
}

}  // namespace scilearn::learn
