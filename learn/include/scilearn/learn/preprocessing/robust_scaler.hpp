#pragma once
/// \file
/// RobustScaler: centers on the median and scales by an interquantile range,
/// as sklearn.preprocessing.RobustScaler.

#include <scilearn/learn/base/estimator_base.hpp>
#include <vector>

namespace scilearn::learn {

/// RobustScaler's hyper-parameters (scikit-learn's `copy` has no C++ counterpart).
struct RobustScalerParams {
  /// Subtract the median before scaling.
  bool with_centering = true;
  /// Divide by the interquantile range.
  bool with_scaling = true;
  /// The (q_min, q_max) percentiles of the range, 0 <= q_min <= q_max <= 100.
  std::vector<double> quantile_range = {25.0, 75.0};
  /// Divide the range by that of the standard normal distribution, so that a
  /// normal feature ends with unit variance.
  bool unit_variance = false;
};

/// RobustScaler's learned state.
struct RobustScalerFitted {
  Index n_features_in = 0;
  /// Per-feature median (NaN ignored); empty unless with_centering.
  Vector center;
  /// Per-feature interquantile range (1 where below 10 eps); empty unless with_scaling.
  Vector scale;
};

/// Scales features with statistics that outliers barely move: (x - median) /
/// (percentile(q_max) - percentile(q_min)). Percentiles are NumPy's default
/// (linear interpolation between order statistics), NaN entries ignored in fit
/// and kept by transform. fit takes no sample_weight (ValueError).
///
/// Throws ValueError from fit for a quantile_range outside 0 <= q_min <= q_max <= 100.
/// Complexity: fit O(n log n) per feature (a sort), columns in parallel;
/// transform O(n_samples n_features).
///
/// \code
///   RobustScaler scaler({.quantile_range = {10, 90}});
///   Matrix Z = scaler.fit_transform(X);
/// \endcode
class RobustScaler final : public EstimatorBase<RobustScaler, Transformer, RobustScalerParams, RobustScalerFitted> {
 public:
  static constexpr std::string_view class_name = "RobustScaler";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("quantile_range", p.quantile_range);
    f("unit_variance", p.unit_variance);
    f("with_centering", p.with_centering);
    f("with_scaling", p.with_scaling);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("center", s.center);
    f("scale", s.scale);
  }
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override {
    return method == Method::transform || method == Method::inverse_transform;
  }
  /// (X - center) / scale.
  [[nodiscard]] Matrix transform(const MatrixView& X) const override;
  /// X * scale + center.
  [[nodiscard]] Matrix inverse_transform(const MatrixView& X) const override;
  /// The input feature names, unchanged.
  [[nodiscard]] std::vector<std::string> get_feature_names_out(
      const std::vector<std::string>& input_features = {}) const override;

  /// The medians (empty unless with_centering; scikit-learn: None).
  [[nodiscard]] const Vector& center() const { return fitted().center; }
  /// The ranges (empty unless with_scaling; scikit-learn: None).
  [[nodiscard]] const Vector& scale() const { return fitted().scale; }

 private:
  friend EstimatorBase;
  static constexpr bool allows_nan = true;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
