#pragma once
/// \file
/// Binarizer: 1 where a value exceeds a threshold, 0 elsewhere, as
/// sklearn.preprocessing.Binarizer.

#include <scilearn/learn/base/estimator_base.hpp>

namespace scilearn::learn {

/// Binarizer's hyper-parameters (scikit-learn's `copy` has no C++ counterpart).
struct BinarizerParams {
  /// Values strictly above it become 1, the others 0.
  double threshold = 0.0;
};

/// Binarizer's learned state: only the feature count (fit is stateless).
struct BinarizerFitted {
  Index n_features_in = 0;
};

/// Thresholds every entry: x > threshold ? 1 : 0. fit only records the
/// feature count; it takes no sample_weight (ValueError). X must be finite.
///
/// Complexity: transform O(n_samples n_features).
///
/// \code
///   Matrix B = Binarizer({.threshold = 0.5}).fit_transform(X);
/// \endcode
class Binarizer final : public EstimatorBase<Binarizer, Transformer, BinarizerParams, BinarizerFitted> {
 public:
  static constexpr std::string_view class_name = "Binarizer";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("threshold", p.threshold);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
  }
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override { return method == Method::transform; }
  /// 1 where X > threshold, 0 elsewhere.
  [[nodiscard]] Matrix transform(const MatrixView& X) const override;
  /// The input feature names, unchanged.
  [[nodiscard]] std::vector<std::string> get_feature_names_out(
      const std::vector<std::string>& input_features = {}) const override;

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
