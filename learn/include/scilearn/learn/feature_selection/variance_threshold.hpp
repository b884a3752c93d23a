#pragma once
/// \file
/// VarianceThreshold: drops the features whose variance is at most a
/// threshold, as sklearn.feature_selection.VarianceThreshold.

#include <scilearn/learn/base/estimator_base.hpp>
#include <vector>

namespace scilearn::learn {

/// VarianceThreshold's hyper-parameters.
struct VarianceThresholdParams {
  /// Keep features with a variance above this (>= 0); 0 drops constant ones.
  double threshold = 0.0;
};

/// VarianceThreshold's learned state.
struct VarianceThresholdFitted {
  Index n_features_in = 0;
  /// Per feature: the population variance of its non-NaN values (NumPy's
  /// nanvar), NaN for an all-NaN feature; with threshold 0 the smaller of
  /// that and max - min (so a constant feature is exactly 0), as scikit-learn.
  Vector variances;
};

/// Unsupervised: keeps the features with variances > threshold (y is
/// ignored). NaN is allowed in fit and transform and ignored by the
/// variances. Each variance is computed in two passes after shifting by the
/// feature's first value, so a constant feature has variance exactly 0.
///
/// Throws ValueError from fit when no feature has a finite variance above the
/// threshold: "No feature in X meets the variance threshold 0.00000" (with
/// " (X contains only one sample)" for one row), scikit-learn's message; for
/// a negative threshold; for sample_weight.
///
/// Complexity: fit O(n_samples n_features), features in parallel; transform
/// the copy of the kept columns.
///
/// \code
///   VarianceThreshold selector({.threshold = 0.1});
///   Matrix Z = selector.fit_transform(X);
/// \endcode
class VarianceThreshold final
    : public EstimatorBase<VarianceThreshold, Transformer, VarianceThresholdParams, VarianceThresholdFitted> {
 public:
  static constexpr std::string_view class_name = "VarianceThreshold";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("threshold", p.threshold);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("variances", s.variances);
  }
  static void check_fitted(const Fitted& state);
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override {
    return method == Method::transform || method == Method::inverse_transform;
  }
  /// The kept columns of X (NaN passes through).
  [[nodiscard]] Matrix transform(const MatrixView& X) const override;
  /// n_samples x n_features_in with zeros in the dropped columns.
  [[nodiscard]] Matrix inverse_transform(const MatrixView& X) const override;
  [[nodiscard]] std::vector<std::string> get_feature_names_out(
      const std::vector<std::string>& input_features = {}) const override;

  /// variances > threshold, feature by feature (the current threshold).
  [[nodiscard]] std::vector<bool> get_support() const;
  [[nodiscard]] std::vector<Index> get_support_indices() const;
  [[nodiscard]] const Vector& variances() const { return fitted().variances; }

 private:
  friend EstimatorBase;
  static constexpr bool allows_nan = true;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
