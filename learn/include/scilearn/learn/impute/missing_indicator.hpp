#pragma once
/// \file
/// MissingIndicator: binary indicators of missing values, as
/// sklearn.impute.MissingIndicator (what SimpleImputer and KNNImputer stack
/// onto their output with add_indicator).

#include <array>
#include <limits>
#include <scilearn/learn/base/estimator_base.hpp>
#include <utility>
#include <vector>

namespace scilearn::learn {

/// Which features MissingIndicator reports.
enum class MissingFeatures {
  missing_only,  ///< "missing-only": the features with missing values in fit
  all,           ///< "all": every feature
};
constexpr auto param_names(MissingFeatures) {
  return std::array{std::pair{MissingFeatures::missing_only, "missing-only"}, std::pair{MissingFeatures::all, "all"}};
}

/// MissingIndicator's hyper-parameters. scikit-learn's `sparse` has no
/// counterpart: the output is always dense (its "auto" on dense input).
struct MissingIndicatorParams {
  /// The placeholder of a missing value: NaN (the default) or a number. With
  /// a number, NaN in X is an error (scikit-learn's check), and entries equal
  /// to it are missing.
  double missing_values = std::numeric_limits<double>::quiet_NaN();
  /// "missing-only" (the default) or "all".
  MissingFeatures features = MissingFeatures::missing_only;
  /// With "missing-only": transform throws ValueError when a feature has
  /// missing values that had none in fit.
  bool error_on_new = true;
};

/// MissingIndicator's learned state.
struct MissingIndicatorFitted {
  Index n_features_in = 0;
  /// scikit-learn's `features_`: the indices of the reported features, ascending.
  std::vector<Index> features;
};

/// Marks the missing entries of the reported features: transform returns an
/// n_samples x features().size() matrix of 0 and 1 (scikit-learn returns
/// booleans). fit takes no sample_weight (ValueError), as scikit-learn's fit(X, y=None).
///
/// Errors: ValueError for Inf, for NaN when missing_values is a number, and
/// (error_on_new) for missing values in features that had none in fit.
/// Complexity: O(n_samples n_features).
///
/// \code
///   Matrix mask = MissingIndicator().fit_transform(X);   // one column per feature with NaN
/// \endcode
class MissingIndicator final
    : public EstimatorBase<MissingIndicator, Transformer, MissingIndicatorParams, MissingIndicatorFitted> {
 public:
  static constexpr std::string_view class_name = "MissingIndicator";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("error_on_new", p.error_on_new);
    f("features", p.features);
    f("missing_values", p.missing_values);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("features", s.features);
  }
  static void check_fitted(const Fitted& s);
  using EstimatorBase::EstimatorBase;

  /// A fitted indicator with the given state (what an imputer's indicator() returns).
  [[nodiscard]] static MissingIndicator from_fitted(const Params& params, Fitted state);

  [[nodiscard]] bool has(Method method) const override { return method == Method::transform; }
  /// 1 where X(i, features()[k]) is missing, 0 elsewhere.
  [[nodiscard]] Matrix transform(const MatrixView& X) const override;
  /// "missingindicator_<name>" for each reported feature.
  [[nodiscard]] std::vector<std::string> get_feature_names_out(
      const std::vector<std::string>& input_features = {}) const override;

  /// scikit-learn's `features_`.
  [[nodiscard]] const std::vector<Index>& features() const { return fitted().features; }

 private:
  friend EstimatorBase;
  static constexpr bool allows_nan = true;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
