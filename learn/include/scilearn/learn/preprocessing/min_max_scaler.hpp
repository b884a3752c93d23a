#pragma once
/// \file
/// MinMaxScaler: maps each feature linearly onto a given range, as
/// sklearn.preprocessing.MinMaxScaler.

#include <scilearn/learn/base/estimator_base.hpp>
#include <vector>

namespace scilearn::learn {

/// MinMaxScaler's hyper-parameters (scikit-learn's `copy` has no C++
/// counterpart: inputs are never modified).
struct MinMaxScalerParams {
  /// The (min, max) of the transformed training data; two values, min < max.
  std::vector<double> feature_range = {0.0, 1.0};
  /// Clip transformed values of held-out data to feature_range.
  bool clip = false;
};

/// MinMaxScaler's learned state.
struct MinMaxScalerFitted {
  Index n_features_in = 0;
  /// Per-feature shift: feature_range[0] - data_min * scale.
  Vector min;
  /// Per-feature factor: (feature_range[1] - feature_range[0]) / data_range
  /// (a range below 10 eps counts as 1).
  Vector scale;
  /// Per-feature minimum and maximum seen (NaN ignored) and their difference.
  Vector data_min, data_max, data_range;
  /// Number of samples seen (over all partial_fit batches).
  Index n_samples_seen = 0;
};

/// Scales each feature to feature_range: x * scale + min, where
/// scale = (hi - lo) / (data_max - data_min) and min = lo - data_min * scale.
///
/// NaN entries are ignored by fit and kept as NaN by transform, as in
/// scikit-learn. A constant feature maps to feature_range[0]. fit takes no
/// sample_weight (ValueError).
///
/// Throws ValueError from fit when feature_range does not hold two values with
/// min < max. Complexity: fit and transform O(n_samples n_features), columns
/// in parallel (OpenMP).
///
/// \code
///   MinMaxScaler scaler({.feature_range = {-1, 1}});
///   Matrix Z = scaler.fit_transform(X);   // every column spans [-1, 1]
/// \endcode
class MinMaxScaler final : public EstimatorBase<MinMaxScaler, Transformer, MinMaxScalerParams, MinMaxScalerFitted> {
 public:
  static constexpr std::string_view class_name = "MinMaxScaler";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("clip", p.clip);
    f("feature_range", p.feature_range);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("min", s.min);
    f("scale", s.scale);
    f("data_min", s.data_min);
    f("data_max", s.data_max);
    f("data_range", s.data_range);
    f("n_samples_seen", s.n_samples_seen);
  }
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override {
    return method == Method::transform || method == Method::inverse_transform;
  }
  /// X * scale + min, clipped to feature_range when `clip`.
  [[nodiscard]] Matrix transform(const MatrixView& X) const override;
  /// (X - min) / scale.
  [[nodiscard]] Matrix inverse_transform(const MatrixView& X) const override;
  /// The input feature names, unchanged.
  [[nodiscard]] std::vector<std::string> get_feature_names_out(
      const std::vector<std::string>& input_features = {}) const override;
  /// Widens data_min / data_max with one more batch (fits when unfitted).
  MinMaxScaler& partial_fit(const MatrixView& X);

  [[nodiscard]] const Vector& min() const { return fitted().min; }
  [[nodiscard]] const Vector& scale() const { return fitted().scale; }
  [[nodiscard]] const Vector& data_min() const { return fitted().data_min; }
  [[nodiscard]] const Vector& data_max() const { return fitted().data_max; }
  [[nodiscard]] const Vector& data_range() const { return fitted().data_range; }
  [[nodiscard]] Index n_samples_seen() const { return fitted().n_samples_seen; }

 private:
  friend EstimatorBase;
  static constexpr bool allows_nan = true;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
  [[nodiscard]] Fitted update(const Fitted* previous, const MatrixView& X) const;
};

}  // namespace scilearn::learn
