#pragma once
// What the imputers share (private to the module): the missing-value test for
// a NaN or numeric placeholder, the input check that goes with it, and the
// missing indicator that add_indicator stacks onto the output.

#include <cmath>
#include <scilearn/learn/validation.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace scilearn::learn::detail {

// scikit-learn's _get_mask: NaN entries for a NaN placeholder, entries equal
// to it otherwise.
inline bool is_missing(double value, double missing_values) {
  return std::isnan(missing_values) ? std::isnan(value) : value == missing_values;
}

// With a numeric placeholder scikit-learn's check refuses NaN
// (ensure_all_finite=True); EstimatorBase has already refused Inf and empty X.
void check_no_nan_unless_placeholder(std::string_view where, const MatrixView& X, double missing_values);

// The features of X with at least one missing entry, ascending.
std::vector<Index> features_with_missing(const MatrixView& X, double missing_values);

// The indicator columns: 1 where X(i, features[k]) is missing, 0 elsewhere,
// written into out (n_samples x features.size()).
void indicator_columns(const MatrixView& X, const std::vector<Index>& features, double missing_values,
                       Eigen::Ref<Matrix> out);

// "missingindicator_<name>" of each indicated feature.
std::vector<std::string> indicator_feature_names(const std::vector<std::string>& names,
                                                 const std::vector<Index>& features);

// Checks a loaded indicator state: ascending indices within [0, n_features).
void check_indicator_features(const std::vector<Index>& features, Index n_features);

}  // namespace scilearn::learn::detail
