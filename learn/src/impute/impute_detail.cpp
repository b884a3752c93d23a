#include "impute/impute_detail.hpp"

#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>

namespace scilearn::learn::detail {

void check_no_nan_unless_placeholder(std::string_view where, const MatrixView& X, double missing_values) {
  if (std::isnan(missing_values)) return;
  for (Index j = 0; j < X.cols(); ++j)
    for (Index i = 0; i < X.rows(); ++i)
      if (std::isnan(X(i, j)))
        throw ValueError(cat(where, ": Input X contains NaN at (", i, ", ", j, "), but missing_values is ",
                             missing_values, ", not NaN"));
}

std::vector<Index> features_with_missing(const MatrixView& X, double missing_values) {
  std::vector<Index> features;
  for (Index j = 0; j < X.cols(); ++j)
    for (Index i = 0; i < X.rows(); ++i)
      if (is_missing(X(i, j), missing_values)) {
        features.push_back(j);
        break;
      }
  return features;
}

void indicator_columns(const MatrixView& X, const std::vector<Index>& features, double missing_values,
                       Eigen::Ref<Matrix> out) {
  for (std::size_t k = 0; k < features.size(); ++k) {
    const Index j = features[k];
    for (Index i = 0; i < X.rows(); ++i) out(i, static_cast<Index>(k)) = is_missing(X(i, j), missing_values) ? 1 : 0;
  }
}

std::vector<std::string> indicator_feature_names(const std::vector<std::string>& names,
                                                 const std::vector<Index>& features) {
  std::vector<std::string> out;
  out.reserve(features.size());
  for (const Index j : features) out.push_back("missingindicator_" + names[static_cast<std::size_t>(j)]);
  return out;
}

void check_indicator_features(const std::vector<Index>& features, Index n_features) {
  for (std::size_t k = 0; k < features.size(); ++k) {
    if (features[k] < 0 || features[k] >= n_features)
      throw ValueError(cat("indicator feature ", features[k], " is not in [0, ", n_features, ")"));
    if (k > 0 && features[k] <= features[k - 1]) throw ValueError("indicator features are not ascending");
  }
}

}  // namespace scilearn::learn::detail
