#pragma once
/// \file
/// MaxAbsScaler: divides each feature by its maximum absolute value, as
/// sklearn.preprocessing.MaxAbsScaler.

#include <scilearn/learn/base/estimator_base.hpp>

namespace scilearn::learn {

/// MaxAbsScaler's hyper-parameters (scikit-learn's `copy` has no C++ counterpart).
struct MaxAbsScalerParams {
  /// Clip transformed values of held-out data to [-1, 1].
  bool clip = false;
};

/// MaxAbsScaler's learned state.
struct MaxAbsScalerFitted {
  Index n_features_in = 0;
  /// Per-feature maximum absolute value seen (NaN ignored).
  Vector max_abs;
  /// Per-feature divisor: max_abs, or 1 where max_abs is below 10 eps.
  Vector scale;
  /// Number of samples seen (over all partial_fit batches).
  Index n_samples_seen = 0;
};

/// Scales each feature into [-1, 1] by its maximum absolute value, keeping
/// zeros (and so sparsity) in place. NaN is ignored by fit and kept by
/// transform. fit takes no sample_weight (ValueError).
///
/// Complexity: fit and transform O(n_samples n_features), columns in parallel.
///
/// \code
///   Matrix Z = MaxAbsScaler().fit_transform(X);   // |Z| <= 1
/// \endcode
class MaxAbsScaler final : public EstimatorBase<MaxAbsScaler, Transformer, MaxAbsScalerParams, MaxAbsScalerFitted> {
 public:
  static constexpr std::string_view class_name = "MaxAbsScaler";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("clip", p.clip);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("max_abs", s.max_abs);
    f("scale", s.scale);
    f("n_samples_seen", s.n_samples_seen);
  }
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override {
    return method == Method::transform || method == Method::inverse_transform;
  }
  /// X / scale (clipped to [-1, 1] when `clip`).
  [[nodiscard]] Matrix transform(const MatrixView& X) const override;
  /// X * scale.
  [[nodiscard]] Matrix inverse_transform(const MatrixView& X) const override;
  /// The input feature names, unchanged.
  [[nodiscard]] std::vector<std::string> get_feature_names_out(
      const std::vector<std::string>& input_features = {}) const override;
  /// Updates max_abs with one more batch (fits when unfitted).
  MaxAbsScaler& partial_fit(const MatrixView& X);

  [[nodiscard]] const Vector& max_abs() const { return fitted().max_abs; }
  [[nodiscard]] const Vector& scale() const { return fitted().scale; }
  [[nodiscard]] Index n_samples_seen() const { return fitted().n_samples_seen; }

 private:
  friend EstimatorBase;
  static constexpr bool allows_nan = true;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
  [[nodiscard]] Fitted update(const Fitted* previous, const MatrixView& X) const;
};

}  // namespace scilearn::learn
