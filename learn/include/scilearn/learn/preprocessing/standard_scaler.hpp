#pragma once
/// \file
/// StandardScaler: removes each feature's mean and divides by its standard
/// deviation, as sklearn.preprocessing.StandardScaler.

#include <scilearn/learn/base/device.hpp>
#include <scilearn/learn/base/estimator_base.hpp>

namespace scilearn::learn {

/// StandardScaler's hyper-parameters (scikit-learn's `copy` has no C++
/// counterpart: inputs are never modified).
struct StandardScalerParams {
  /// Subtract the mean before scaling.
  bool with_mean = true;
  /// Divide by the standard deviation (population, ddof = 0).
  bool with_std = true;
  /// Device::gpu computes fit's means and variances with scilearn::gpu (the
  /// GPU in a CUDA build); they equal the CPU path's to a few units of
  /// rounding. Data with NaN, and sample weights, take the CPU path.
  /// (Not a scikit-learn parameter; cuML's name.)
  Device device = Device::cpu;
};

/// StandardScaler's learned state.
struct StandardScalerFitted {
  Index n_features_in = 0;
  /// Per-feature (weighted) mean; empty when with_mean and with_std are both false.
  Vector mean;
  /// Per-feature (weighted) population variance; empty unless with_std.
  Vector var;
  /// Per-feature divisor: the standard deviation, 1 for (near-)constant
  /// features; empty unless with_std.
  Vector scale;
  /// Per-feature count of samples seen (sum of their weights), NaN entries excluded.
  Vector n_samples_seen;
};

/// Standardizes features: z = (x - mean) / scale.
///
/// NaN entries are treated as missing: ignored by fit / partial_fit, kept as
/// NaN by transform (as scikit-learn). A feature whose variance is within
/// rounding error of zero (Chan, Golub & LeVeque's bound for the two-pass
/// algorithm, as scikit-learn) gets scale 1.
///
/// Complexity: fit O(n_samples n_features) in two passes over each column;
/// transform O(n_samples n_features). Columns run in parallel (OpenMP).
///
/// \code
///   StandardScaler scaler;
///   Matrix Z = scaler.fit_transform(X);          // columns with mean 0, std 1
///   Matrix back = scaler.inverse_transform(Z);   // X again
/// \endcode
class StandardScaler final
    : public EstimatorBase<StandardScaler, Transformer, StandardScalerParams, StandardScalerFitted> {
 public:
  static constexpr std::string_view class_name = "StandardScaler";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("with_mean", p.with_mean);
    f("with_std", p.with_std);
    f("device", p.device);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("mean", s.mean);
    f("var", s.var);
    f("scale", s.scale);
    f("n_samples_seen", s.n_samples_seen);
  }
  /// Throws ValueError when a loaded state's sizes disagree.
  static void check_fitted(const Fitted& s);
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override {
    return method == Method::transform || method == Method::inverse_transform;
  }
  /// (X - mean) / scale. Throws NotFittedError before fit; ValueError for a
  /// different feature count or Inf in X.
  [[nodiscard]] Matrix transform(const MatrixView& X) const override;
  /// X * scale + mean.
  [[nodiscard]] Matrix inverse_transform(const MatrixView& X) const override;
  /// fit then transform, with X validated once (fit's check) instead of twice.
  Matrix fit_transform(const MatrixView& X, const VectorView& y = Vector(),
                       const VectorView& sample_weight = Vector()) override;
  /// The input feature names, unchanged (one output per input).
  [[nodiscard]] std::vector<std::string> get_feature_names_out(
      const std::vector<std::string>& input_features = {}) const override;

  /// Updates mean and variance with one more batch (Chan, Golub & LeVeque's
  /// pairwise update), as scikit-learn's partial_fit; fits when unfitted.
  /// Throws ValueError for a batch with a different feature count.
  StandardScaler& partial_fit(const MatrixView& X, const VectorView& sample_weight = Vector());

  /// Learned state, as scikit-learn's attributes (NotFittedError before fit).
  [[nodiscard]] const Vector& mean() const { return fitted().mean; }
  [[nodiscard]] const Vector& var() const { return fitted().var; }
  [[nodiscard]] const Vector& scale() const { return fitted().scale; }
  [[nodiscard]] const Vector& n_samples_seen() const { return fitted().n_samples_seen; }

 private:
  friend EstimatorBase;
  static constexpr bool allows_nan = true;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
  // Combines `previous` (possibly empty) with the statistics of one batch.
  [[nodiscard]] Fitted update(const Fitted* previous, const MatrixView& X, const VectorView* sample_weight) const;
  // (X - mean) / scale for an X already validated.
  [[nodiscard]] Matrix standardize(const Fitted& state, const MatrixView& X) const;
};

}  // namespace scilearn::learn
