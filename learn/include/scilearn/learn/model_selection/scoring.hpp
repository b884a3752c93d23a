#pragma once
/// \file
/// Scorers: "how good is this fitted estimator on (X, y)", by scikit-learn's
/// names ("accuracy", "f1_macro", "roc_auc", "neg_mean_squared_error", "r2",
/// ...), as sklearn.metrics.get_scorer. Greater is always better: losses are
/// negated ("neg_...").

#include <functional>
#include <scilearn/learn/base/estimator.hpp>
#include <string>
#include <vector>

namespace scilearn::learn {

/// A named scoring rule for a fitted estimator.
struct Scorer {
  /// The name ("accuracy"), or "score" for the estimator's own score().
  std::string name;
  /// The score of `estimator` on X against y (greater is better).
  std::function<double(const Estimator& estimator, const MatrixView& X, const VectorView& y)> score;
};

/// The scorer called `name`: one of get_scorer_names(), or "score" (the
/// estimator's score method: accuracy or R²).
/// Classification: accuracy, balanced_accuracy, f1, f1_micro, f1_macro,
/// f1_weighted, precision(_micro / _macro / _weighted), recall(...),
/// matthews_corrcoef, roc_auc (binary: decision_function, or predict_proba's
/// second column), roc_auc_ovr, roc_auc_ovo, roc_auc_ovr_weighted,
/// roc_auc_ovo_weighted, average_precision, neg_log_loss, neg_brier_score,
/// top_k_accuracy; regression: r2, explained_variance,
/// neg_mean_squared_error, neg_root_mean_squared_error,
/// neg_mean_absolute_error, neg_median_absolute_error, neg_max_error,
/// neg_mean_absolute_percentage_error, neg_mean_squared_log_error,
/// neg_mean_poisson_deviance, neg_mean_gamma_deviance; clustering:
/// adjusted_rand_score, rand_score, adjusted_mutual_info_score,
/// normalized_mutual_info_score, mutual_info_score, homogeneity_score,
/// completeness_score, v_measure_score, fowlkes_mallows_score.
/// Throws: ValueError for an unknown name, listing the valid ones.
[[nodiscard]] Scorer get_scorer(std::string_view name);

/// Every name get_scorer() accepts (besides "score"), sorted.
[[nodiscard]] std::vector<std::string> get_scorer_names();

/// What a metric of make_scorer reads from the estimator.
enum class Response { predict, predict_proba, decision_function };

/// A scorer from a metric m(y_true, y_response): y_response is predict(X), the
/// positive-class column of predict_proba(X) / decision_function(X) for two
/// classes, or the whole matrix otherwise; the score is m(...) when
/// greater_is_better, -m(...) otherwise (sklearn.metrics.make_scorer).
[[nodiscard]] Scorer make_scorer(std::string name,
                                 std::function<double(const VectorView& y_true, const MatrixView& y_response)> metric,
                                 bool greater_is_better = true, Response response = Response::predict);

}  // namespace scilearn::learn
