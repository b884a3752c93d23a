#pragma once
/// \file
/// Regression metrics, scikit-learn's `sklearn.metrics` regression scores and
/// losses: mean squared / absolute / percentage / log errors, the median
/// absolute error, R^2, explained variance, max error, the Tweedie deviances
/// and D^2 of the absolute error.
///
/// Every function has a single-output form on vectors that returns a double.
/// Those scikit-learn accepts for several outputs also have a multi-output
/// form on n_samples x n_outputs matrices that takes a Multioutput choice and
/// returns a Vector: the n_outputs scores for Multioutput::raw_values, one
/// entry (their average) otherwise.
///
/// `sample_weight` is optional everywhere it appears: an empty vector means
/// "all ones". Weights must be finite, non-negative and have a positive sum.
///
/// Errors: ValueError (naming the function and the numbers) for y_true and
/// y_pred of different lengths or output counts, empty input, NaN / Inf,
/// bad weights, and the domain errors listed at each function.
/// Complexity: O(n_samples x n_outputs) unless said otherwise.

#include <scilearn/learn/validation.hpp>

namespace scilearn::learn {

/// How the scores of several outputs combine (scikit-learn's `multioutput`).
enum class Multioutput {
  uniform_average,    ///< the plain mean of the outputs' scores
  raw_values,         ///< one score per output
  variance_weighted,  ///< mean weighted by each output's variance of y_true (R^2, explained variance only)
};

/// Mean of (y_true - y_pred)^2, weighted by sample_weight.
[[nodiscard]] double mean_squared_error(const VectorView& y_true, const VectorView& y_pred,
                                        const VectorView& sample_weight = Vector());
/// Multi-output mean_squared_error. Throws ValueError for Multioutput::variance_weighted.
[[nodiscard]] Vector mean_squared_error(const MatrixView& y_true, const MatrixView& y_pred, Multioutput multioutput,
                                        const VectorView& sample_weight = Vector());

/// Square root of mean_squared_error; with several outputs, the average of
/// the outputs' roots.
[[nodiscard]] double root_mean_squared_error(const VectorView& y_true, const VectorView& y_pred,
                                             const VectorView& sample_weight = Vector());
/// Multi-output root_mean_squared_error. Throws ValueError for Multioutput::variance_weighted.
[[nodiscard]] Vector root_mean_squared_error(const MatrixView& y_true, const MatrixView& y_pred,
                                             Multioutput multioutput, const VectorView& sample_weight = Vector());

/// Mean of |y_true - y_pred|, weighted by sample_weight.
[[nodiscard]] double mean_absolute_error(const VectorView& y_true, const VectorView& y_pred,
                                         const VectorView& sample_weight = Vector());
/// Multi-output mean_absolute_error. Throws ValueError for Multioutput::variance_weighted.
[[nodiscard]] Vector mean_absolute_error(const MatrixView& y_true, const MatrixView& y_pred, Multioutput multioutput,
                                         const VectorView& sample_weight = Vector());

/// Median of |y_true - y_pred|. With sample_weight, scikit-learn's weighted
/// median (`_weighted_percentile(..., average=True)`): the smallest error
/// whose cumulative weight reaches half the total, averaged with the next one
/// (of non-zero weight) when the cumulative weight equals half exactly.
/// Complexity: O(n log n) per output.
[[nodiscard]] double median_absolute_error(const VectorView& y_true, const VectorView& y_pred,
                                           const VectorView& sample_weight = Vector());
/// Multi-output median_absolute_error. Throws ValueError for Multioutput::variance_weighted.
[[nodiscard]] Vector median_absolute_error(const MatrixView& y_true, const MatrixView& y_pred, Multioutput multioutput,
                                           const VectorView& sample_weight = Vector());

/// Coefficient of determination R^2 = 1 - sum w (y - y_pred)^2 / sum w (y - mean_w(y))^2.
/// For a constant y_true (zero denominator) the score is not finite; with
/// `force_finite` (the default) it is 1.0 when the predictions are perfect
/// and 0.0 otherwise, without it NaN or -Inf, as scikit-learn 1.9 does.
/// With fewer than two samples: NaN and a warning (WarningCategory::runtime).
[[nodiscard]] double r2_score(const VectorView& y_true, const VectorView& y_pred,
                              const VectorView& sample_weight = Vector(), bool force_finite = true);
/// Multi-output r2_score. Multioutput::variance_weighted weights each output
/// by its denominator (uniform weights when all of them are zero).
[[nodiscard]] Vector r2_score(const MatrixView& y_true, const MatrixView& y_pred, Multioutput multioutput,
                              const VectorView& sample_weight = Vector(), bool force_finite = true);

/// Explained variance 1 - Var_w(y_true - y_pred) / Var_w(y_true), with the
/// same force_finite rule as r2_score for a constant y_true.
[[nodiscard]] double explained_variance_score(const VectorView& y_true, const VectorView& y_pred,
                                              const VectorView& sample_weight = Vector(), bool force_finite = true);
/// Multi-output explained_variance_score (variance_weighted as in r2_score).
[[nodiscard]] Vector explained_variance_score(const MatrixView& y_true, const MatrixView& y_pred,
                                              Multioutput multioutput, const VectorView& sample_weight = Vector(),
                                              bool force_finite = true);

/// Largest |y_true - y_pred| (single output only, no weights).
[[nodiscard]] double max_error(const VectorView& y_true, const VectorView& y_pred);

/// Mean of |y_true - y_pred| / max(|y_true|, machine epsilon), weighted: a
/// relative error, not a percentage (0.25, not 25), as scikit-learn returns.
[[nodiscard]] double mean_absolute_percentage_error(const VectorView& y_true, const VectorView& y_pred,
                                                    const VectorView& sample_weight = Vector());
/// Multi-output mean_absolute_percentage_error. Throws ValueError for Multioutput::variance_weighted.
[[nodiscard]] Vector mean_absolute_percentage_error(const MatrixView& y_true, const MatrixView& y_pred,
                                                    Multioutput multioutput,
                                                    const VectorView& sample_weight = Vector());

/// mean_squared_error of log1p(y_true) and log1p(y_pred).
/// Throws ValueError when an entry of either is <= -1.
[[nodiscard]] double mean_squared_log_error(const VectorView& y_true, const VectorView& y_pred,
                                            const VectorView& sample_weight = Vector());
/// Multi-output mean_squared_log_error. Throws ValueError for Multioutput::variance_weighted.
[[nodiscard]] Vector mean_squared_log_error(const MatrixView& y_true, const MatrixView& y_pred, Multioutput multioutput,
                                            const VectorView& sample_weight = Vector());

/// Mean Tweedie deviance with the given power (single output), weighted:
/// power 0 is the squared error, 1 Poisson, 2 Gamma; power < 0 needs
/// y_pred > 0; 1 <= power < 2 needs y_true >= 0 and y_pred > 0; power >= 2
/// needs y_true > 0 and y_pred > 0. Throws ValueError for 0 < power < 1
/// (no Tweedie distribution exists there) and for values outside the domain.
[[nodiscard]] double mean_tweedie_deviance(const VectorView& y_true, const VectorView& y_pred,
                                           const VectorView& sample_weight = Vector(), double power = 0.0);
/// mean_tweedie_deviance with power 1: 2 (y log(y / y_pred) - y + y_pred), 0 log 0 = 0.
[[nodiscard]] double mean_poisson_deviance(const VectorView& y_true, const VectorView& y_pred,
                                           const VectorView& sample_weight = Vector());
/// mean_tweedie_deviance with power 2: 2 (log(y_pred / y) + y / y_pred - 1).
[[nodiscard]] double mean_gamma_deviance(const VectorView& y_true, const VectorView& y_pred,
                                         const VectorView& sample_weight = Vector());

/// D^2 of the Tweedie deviance with the given power: 1 - mean_tweedie_deviance(y_true, y_pred)
/// / mean_tweedie_deviance(y_true, weighted mean of y_true), the fraction of
/// deviance explained (scikit-learn's d2_tweedie_score). Fewer than two
/// samples: NaN and a warning. Throws ValueError as mean_tweedie_deviance.
[[nodiscard]] double d2_tweedie_score(const VectorView& y_true, const VectorView& y_pred,
                                      const VectorView& sample_weight = Vector(), double power = 0.0);

/// D^2 of the absolute error: 1 - sum w |y - y_pred| / sum w |y - median_w(y)|,
/// the weighted median as in median_absolute_error; 1.0 / 0.0 for a constant
/// y_true as r2_score's force_finite. Fewer than two samples: NaN and a warning.
[[nodiscard]] double d2_absolute_error_score(const VectorView& y_true, const VectorView& y_pred,
                                             const VectorView& sample_weight = Vector());
/// Multi-output d2_absolute_error_score. Throws ValueError for Multioutput::variance_weighted.
[[nodiscard]] Vector d2_absolute_error_score(const MatrixView& y_true, const MatrixView& y_pred,
                                             Multioutput multioutput, const VectorView& sample_weight = Vector());

}  // namespace scilearn::learn
