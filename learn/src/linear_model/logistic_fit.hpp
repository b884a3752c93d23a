#pragma once
// LogisticRegression's fit and its score-to-prediction maps, shared with
// LogisticRegressionCV (which fits regularization paths from given starts).

#include <optional>
#include <scilearn/learn/linear_model/logistic_regression.hpp>

namespace scilearn::learn::detail {

// Fits LogisticRegression's objective with p's solver and penalty; with
// p.warm_start and a `start` of matching shape, from start's coefficients.
// Checks p, y and the class weights as LogisticRegression::fit does.
[[nodiscard]] LogisticRegressionFitted fit_logistic(const MatrixView& X, const VectorView& y,
                                                    const VectorView* sample_weight, const LogisticRegressionParams& p,
                                                    const std::optional<LogisticRegressionFitted>& start);

// The sorted distinct labels of y; ValueError for non-integer labels
// ("Unknown label type: continuous"), as LogisticRegression.fit.
[[nodiscard]] Vector logistic_classes(const VectorView& y);

// The logistic function of a single score column, or the softmax of several.
[[nodiscard]] Matrix logistic_proba(const Matrix& scores);
// log(logistic_proba(scores)) as log-sigmoid / log-softmax, without underflow to -inf.
[[nodiscard]] Matrix logistic_log_proba(const Matrix& scores);

}  // namespace scilearn::learn::detail
