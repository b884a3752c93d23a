#pragma once
/// \file
/// SimpleImputer: fills missing values column by column with a statistic of
/// the column, as sklearn.impute.SimpleImputer.

#include <array>
#include <limits>
#include <optional>
#include <scilearn/learn/base/estimator_base.hpp>
#include <scilearn/learn/impute/missing_indicator.hpp>
#include <utility>
#include <vector>

namespace scilearn::learn {

/// What SimpleImputer fills a column with.
enum class SimpleImputerStrategy {
  mean,           ///< the mean of the column's present values
  median,         ///< their median (the mean of the two middle values for an even count)
  most_frequent,  ///< their mode; among equally frequent values, the smallest
  constant,       ///< fill_value
};
constexpr auto param_names(SimpleImputerStrategy) {
  return std::array{std::pair{SimpleImputerStrategy::mean, "mean"}, std::pair{SimpleImputerStrategy::median, "median"},
                    std::pair{SimpleImputerStrategy::most_frequent, "most_frequent"},
                    std::pair{SimpleImputerStrategy::constant, "constant"}};
}

/// SimpleImputer's hyper-parameters, scikit-learn's names and defaults.
/// Numeric data only: strategy is one of the four names (no callable), and
/// `copy` has no counterpart (inputs are never modified).
struct SimpleImputerParams {
  /// The placeholder of a missing value: NaN (the default) or a number. With
  /// a number, entries equal to it are missing and NaN in X is an error, as
  /// in scikit-learn.
  double missing_values = std::numeric_limits<double>::quiet_NaN();
  SimpleImputerStrategy strategy = SimpleImputerStrategy::mean;
  /// The value of strategy "constant"; none (the default) means 0.
  std::optional<double> fill_value = std::nullopt;
  /// Stack MissingIndicator's columns (error_on_new = false) after the imputed ones.
  bool add_indicator = false;
  /// Keep the features with no present value in fit, filled with 0
  /// (fill_value for "constant"); by default they are dropped from the output.
  bool keep_empty_features = false;
};

/// SimpleImputer's learned state.
struct SimpleImputerFitted {
  Index n_features_in = 0;
  /// scikit-learn's `statistics_`: the fill value of each feature; NaN for a
  /// feature with no present value in fit (dropped by transform) unless
  /// keep_empty_features.
  Vector statistics;
  /// Whether fit had add_indicator (then indicator_features is the indicator's state).
  bool add_indicator = false;
  /// The features with missing values in fit (the indicator's `features_`).
  std::vector<Index> indicator_features;
};

/// Replaces each missing entry of a feature by the feature's statistic
/// learned in fit (mean, median, most frequent value, or a constant).
/// Features with no present value in fit are dropped by transform (with a
/// UserWarning through scilearn::warn), unless keep_empty_features; with
/// add_indicator the indicator columns of the features that had missing
/// values in fit follow. fit takes no sample_weight (ValueError), as
/// scikit-learn 1.9's fit(X, y=None).
///
/// Errors: ValueError for Inf in X, for NaN when missing_values is a number,
/// for a wrong feature count, and for inverse_transform without add_indicator.
/// Complexity: fit O(n_samples n_features) (mean, constant), O(n_samples log
/// n_samples) per feature (median, most_frequent); transform
/// O(n_samples n_features). Features in parallel.
///
/// \code
///   SimpleImputer imputer({.strategy = SimpleImputerStrategy::median});
///   Matrix filled = imputer.fit_transform(X);   // NaN replaced by column medians
/// \endcode
class SimpleImputer final : public EstimatorBase<SimpleImputer, Transformer, SimpleImputerParams, SimpleImputerFitted> {
 public:
  static constexpr std::string_view class_name = "SimpleImputer";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("add_indicator", p.add_indicator);
    f("fill_value", p.fill_value);
    f("keep_empty_features", p.keep_empty_features);
    f("missing_values", p.missing_values);
    f("strategy", p.strategy);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("statistics", s.statistics);
    f("add_indicator", s.add_indicator);
    f("indicator_features", s.indicator_features);
  }
  static void check_fitted(const Fitted& s);
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override {
    return method == Method::transform || (method == Method::inverse_transform && params_.add_indicator);
  }
  /// X with missing entries replaced by statistics(), dropped features
  /// removed, then the indicator columns (add_indicator).
  [[nodiscard]] Matrix transform(const MatrixView& X) const override;
  /// The original layout, with the entries marked by the indicator columns
  /// set back to missing_values; needs add_indicator (ValueError otherwise),
  /// as scikit-learn. It follows scikit-learn's column matching: an original
  /// feature whose indicator column is 1 in every row of X is taken for a
  /// dropped feature (all missing_values), the others take X's imputed
  /// columns in order; features without an indicator cannot be restored.
  [[nodiscard]] Matrix inverse_transform(const MatrixView& X) const override;
  /// The kept input names, then "missingindicator_<name>" (add_indicator).
  [[nodiscard]] std::vector<std::string> get_feature_names_out(
      const std::vector<std::string>& input_features = {}) const override;

  /// scikit-learn's `statistics_`.
  [[nodiscard]] const Vector& statistics() const { return fitted().statistics; }
  /// scikit-learn's `indicator_`: the fitted MissingIndicator; NotFittedError
  /// before fit, ValueError when fitted without add_indicator (scikit-learn's is None).
  [[nodiscard]] MissingIndicator indicator() const;

 private:
  friend EstimatorBase;
  static constexpr bool allows_nan = true;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
