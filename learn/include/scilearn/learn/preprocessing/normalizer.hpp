#pragma once
/// \file
/// Normalizer: scales each sample (row) to unit norm, as
/// sklearn.preprocessing.Normalizer.

#include <array>
#include <scilearn/learn/base/estimator_base.hpp>
#include <utility>

namespace scilearn::learn {

/// The norm Normalizer divides each row by.
enum class NormalizerNorm {
  l1,   ///< sum of absolute values
  l2,   ///< Euclidean norm
  max,  ///< largest absolute value
};
constexpr auto param_names(NormalizerNorm) {
  return std::array{std::pair{NormalizerNorm::l1, "l1"}, std::pair{NormalizerNorm::l2, "l2"},
                    std::pair{NormalizerNorm::max, "max"}};
}

/// Normalizer's hyper-parameters (scikit-learn's `copy` has no C++ counterpart).
struct NormalizerParams {
  /// The norm each non-zero row is divided by.
  NormalizerNorm norm = NormalizerNorm::l2;
};

/// Normalizer's learned state: only the feature count (fit is stateless).
struct NormalizerFitted {
  Index n_features_in = 0;
};

/// Divides each row by its l1, l2 or max norm; a row whose norm is below
/// 10 eps (all zeros) is left unchanged. fit only records the feature count
/// (scikit-learn's fit only validates); it takes no sample_weight (ValueError).
/// X must be finite.
///
/// Complexity: transform O(n_samples n_features).
///
/// \code
///   Matrix unit_rows = Normalizer({.norm = NormalizerNorm::l1}).fit_transform(X);
/// \endcode
class Normalizer final : public EstimatorBase<Normalizer, Transformer, NormalizerParams, NormalizerFitted> {
 public:
  static constexpr std::string_view class_name = "Normalizer";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("norm", p.norm);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
  }
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override { return method == Method::transform; }
  /// Each row of X divided by its norm.
  [[nodiscard]] Matrix transform(const MatrixView& X) const override;
  /// The input feature names, unchanged.
  [[nodiscard]] std::vector<std::string> get_feature_names_out(
      const std::vector<std::string>& input_features = {}) const override;

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
