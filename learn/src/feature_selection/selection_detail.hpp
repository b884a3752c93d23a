#pragma once
// What the feature selectors share (scikit-learn's SelectorMixin): applying a
// support mask to X, its inverse, the kept names, and the univariate filters'
// score step and ranking rules. Private to scilearn::learn.

#include <scilearn/learn/feature_selection/univariate_selection.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace scilearn::learn::detail {

/// The positions of the true entries, increasing.
[[nodiscard]] std::vector<Index> support_indices(const std::vector<bool>& mask);

/// The columns of X where mask is true; none kept: a UserWarning and
/// n_samples x 0, as scikit-learn.
[[nodiscard]] Matrix select_columns(const MatrixView& X, const std::vector<bool>& mask);

/// X's columns put back where mask is true, zeros elsewhere. Checks X (finite,
/// not empty, as scikit-learn's check_array) and its column count.
[[nodiscard]] Matrix unselect_columns(std::string_view estimator, const MatrixView& X, const std::vector<bool>& mask);

/// The input names (or x0, x1, ...) where mask is true.
[[nodiscard]] std::vector<std::string> selected_names(std::string_view estimator,
                                                      const std::vector<std::string>& input_features,
                                                      const std::vector<bool>& mask);

/// Runs the selector's score function on X and y, checks what it returns
/// (one score per feature; p-values none or one per feature), and returns the
/// fitted state.
[[nodiscard]] UnivariateSelectionFitted univariate_fit(std::string_view estimator, ScoreFunc score_func,
                                                       const ScoreFunction& score_callable, const MatrixView& X,
                                                       const VectorView* y);

/// SelectKBest's support: the k highest scores, NaN as the lowest double,
/// ties as NumPy's stable argsort (the later feature ranks higher).
[[nodiscard]] std::vector<bool> k_best_support(const Vector& scores, const FeatureCount& k);

/// SelectPercentile's support (scikit-learn's rule, see the class).
[[nodiscard]] std::vector<bool> percentile_support(const Vector& scores, double percentile);

/// ValueError unless the state has n_features_in scores and none or as many p-values.
void check_univariate_state(const UnivariateSelectionFitted& state);

}  // namespace scilearn::learn::detail
