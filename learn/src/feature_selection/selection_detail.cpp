#include "feature_selection/selection_detail.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/warnings.hpp>

#include "preprocessing/preprocessing_detail.hpp"

namespace scilearn::learn::detail {

std::vector<Index> support_indices(const std::vector<bool>& mask) {
  std::vector<Index> out;
  for (std::size_t j = 0; j < mask.size(); ++j)
    if (mask[j]) out.push_back(static_cast<Index>(j));
  return out;
}

Matrix select_columns(const MatrixView& X, const std::vector<bool>& mask) {
  const std::vector<Index> kept = support_indices(mask);
  if (kept.empty())
    warn(WarningCategory::user,
         "No features were selected: either the data is too noisy or the selection test too strict.");
  Matrix out(X.rows(), static_cast<Index>(kept.size()));
#pragma omp parallel for schedule(static) if (out.size() > 100000)
  for (Index c = 0; c < out.cols(); ++c) out.col(c) = X.col(kept[static_cast<std::size_t>(c)]);
  return out;
}

Matrix unselect_columns(std::string_view estimator, const MatrixView& X, const std::vector<bool>& mask) {
  check_X(cat(estimator, ".inverse_transform"), X);
  const std::vector<Index> kept = support_indices(mask);
  if (static_cast<Index>(kept.size()) != X.cols())
    throw ValueError(cat(estimator, ".inverse_transform: X has a different shape than during fitting (", X.cols(),
                         " columns for ", kept.size(), " selected features)."));
  Matrix out = Matrix::Zero(X.rows(), static_cast<Index>(mask.size()));
  for (Index c = 0; c < X.cols(); ++c) out.col(kept[static_cast<std::size_t>(c)]) = X.col(c);
  return out;
}

std::vector<std::string> selected_names(std::string_view estimator, const std::vector<std::string>& input_features,
                                        const std::vector<bool>& mask) {
  const std::vector<std::string> names =
      one_to_one_feature_names(estimator, input_features, static_cast<Index>(mask.size()));
  std::vector<std::string> out;
  for (std::size_t j = 0; j < mask.size(); ++j)
    if (mask[j]) out.push_back(names[j]);
  return out;
}

UnivariateSelectionFitted univariate_fit(std::string_view estimator, ScoreFunc score_func,
                                         const ScoreFunction& score_callable, const MatrixView& X,
                                         const VectorView* y) {
  if (!y) throw ValueError(cat(estimator, ".fit: y is required (the score functions compare X with the target)"));
  FeatureScores scores;
  switch (score_func) {
    case ScoreFunc::f_classif: scores = f_classif(X, *y); break;
    case ScoreFunc::f_regression: scores = f_regression(X, *y); break;
    case ScoreFunc::r_regression: scores.scores = r_regression(X, *y); break;
    case ScoreFunc::chi2: scores = chi2(X, *y); break;
    case ScoreFunc::callable:
      if (!score_callable)
        throw ValueError(cat(estimator, ".fit: score_func is 'callable' but no score_callable is given"));
      scores = score_callable(X, *y);
      break;
  }
  if (scores.scores.size() != X.cols() || (scores.pvalues.size() != 0 && scores.pvalues.size() != X.cols()))
    throw ValueError(cat(estimator, ".fit: the score function gave ", scores.scores.size(), " scores and ",
                         scores.pvalues.size(), " p-values for ", X.cols(), " features"));
  return {X.cols(), std::move(scores.scores), std::move(scores.pvalues)};
}

namespace {

// scikit-learn's _clean_nans: NaN becomes the lowest double, so that it
// compares (and ranks last).
Vector clean_nans(const Vector& scores) {
  return scores.unaryExpr([](double v) { return std::isnan(v) ? std::numeric_limits<double>::lowest() : v; });
}

}  // namespace

std::vector<bool> k_best_support(const Vector& scores, const FeatureCount& k) {
  const auto p = static_cast<std::size_t>(scores.size());
  if (k.is_all()) return std::vector<bool>(p, true);
  if (k.value() < 0) throw ValueError(cat("SelectKBest: k must be >= 0 or 'all', got ", k.value()));
  std::vector<bool> mask(p, false);
  if (k.value() == 0) return mask;
  const Vector clean = clean_nans(scores);
  std::vector<Index> order(p);
  std::iota(order.begin(), order.end(), Index{0});
  std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) { return clean(a) < clean(b); });
  const std::size_t keep = std::min(p, static_cast<std::size_t>(k.value()));
  for (std::size_t i = p - keep; i < p; ++i) mask[static_cast<std::size_t>(order[i])] = true;
  return mask;
}

std::vector<bool> percentile_support(const Vector& scores, double percentile) {
  const auto p = static_cast<std::size_t>(scores.size());
  if (!(percentile >= 0 && percentile <= 100))
    throw ValueError(cat("SelectPercentile: percentile must be in [0, 100], got ", percentile));
  if (percentile == 100) return std::vector<bool>(p, true);
  if (percentile == 0) return std::vector<bool>(p, false);
  const Vector clean = clean_nans(scores);
  std::vector<double> sorted(clean.begin(), clean.end());
  std::sort(sorted.begin(), sorted.end());
  const double threshold = quantile_sorted(sorted.data(), static_cast<Index>(sorted.size()), (100 - percentile) / 100);
  std::vector<bool> mask(p, false);
  std::vector<std::size_t> ties;
  std::ptrdiff_t above = 0;
  for (std::size_t j = 0; j < p; ++j) {
    if (clean(static_cast<Index>(j)) > threshold) {
      mask[j] = true;
      ++above;
    } else if (clean(static_cast<Index>(j)) == threshold) {
      ties.push_back(j);
    }
  }
  if (!ties.empty()) {
    // Python's ties[:m] with m = int(n percentile / 100) - above; a negative
    // m counts from the end.
    const auto max_features = static_cast<std::ptrdiff_t>(static_cast<double>(p) * percentile / 100);
    const auto n_ties = static_cast<std::ptrdiff_t>(ties.size());
    std::ptrdiff_t m = max_features - above;
    if (m < 0) m = std::max<std::ptrdiff_t>(n_ties + m, 0);
    m = std::min(m, n_ties);
    for (std::ptrdiff_t t = 0; t < m; ++t) mask[ties[static_cast<std::size_t>(t)]] = true;
  }
  return mask;
}

void check_univariate_state(const UnivariateSelectionFitted& state) {
  if (state.scores.size() != state.n_features_in ||
      (state.pvalues.size() != 0 && state.pvalues.size() != state.n_features_in))
    throw ValueError(cat(state.scores.size(), " scores and ", state.pvalues.size(), " p-values for ",
                         state.n_features_in, " features"));
}

}  // namespace scilearn::learn::detail
