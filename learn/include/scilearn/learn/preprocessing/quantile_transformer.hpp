#pragma once
/// \file
/// QuantileTransformer: maps each feature through its empirical cumulative
/// distribution onto a uniform or normal one, as
/// sklearn.preprocessing.QuantileTransformer.

#include <array>
#include <cstdint>
#include <optional>
#include <scilearn/learn/base/estimator_base.hpp>
#include <utility>

namespace scilearn::learn {

/// The distribution QuantileTransformer maps onto.
enum class QuantileOutput { uniform, normal };
constexpr auto param_names(QuantileOutput) {
  return std::array{std::pair{QuantileOutput::uniform, "uniform"}, std::pair{QuantileOutput::normal, "normal"}};
}

/// QuantileTransformer's hyper-parameters (ignore_implicit_zeros concerns
/// sparse input, which is not available; `copy` has no counterpart).
struct QuantileTransformerParams {
  /// The number of quantiles (landmarks of the cumulative distribution), >= 1;
  /// at most n_samples are used.
  Index n_quantiles = 1000;
  QuantileOutput output_distribution = QuantileOutput::uniform;
  /// The number of rows the quantiles are estimated from (drawn without
  /// replacement when n_samples is larger); None: all rows.
  std::optional<Index> subsample = 10'000;
  /// The seed of that draw (None: fresh entropy). Our draw is not NumPy's: with
  /// subsampling, the quantiles differ from scikit-learn's by sampling noise.
  std::optional<std::uint64_t> random_state = std::nullopt;
};

/// QuantileTransformer's learned state.
struct QuantileTransformerFitted {
  Index n_features_in = 0;
  /// The number of quantiles used: min(n_quantiles, n_samples).
  Index n_quantiles = 0;
  /// n_quantiles x n_features: NumPy's linear percentiles (NaN ignored) at references.
  Matrix quantiles;
  /// The n_quantiles evenly spaced probabilities 0 .. 1.
  Vector references;
};

/// Transforms each feature by x -> F(x), F the piecewise-linear interpolation
/// of (quantiles, references), averaged over the interpolations from the left
/// and from the right as scikit-learn does (so tied quantiles map to the
/// middle of their range); then, for a normal output, the standard normal's
/// ppf, clipped to ppf(1e-7 - eps) and ppf(1 - 1e-7 + eps). Values at or
/// beyond the extreme quantiles map to 0 or 1 (within 1e-7 for normal).
/// NaN is ignored by fit and kept by transform. fit takes no sample_weight.
/// A UserWarning is raised when n_quantiles exceeds n_samples.
///
/// Throws ValueError from fit for n_quantiles < 1, subsample < 1, or
/// n_quantiles > subsample.
///
/// Complexity: fit O(n log n) per feature (a sort), transform
/// O(n_samples n_features log n_quantiles); features in parallel.
///
/// \code
///   QuantileTransformer qt({.n_quantiles = 100, .output_distribution = QuantileOutput::normal});
///   Matrix Z = qt.fit_transform(X);
/// \endcode
class QuantileTransformer final
    : public EstimatorBase<QuantileTransformer, Transformer, QuantileTransformerParams, QuantileTransformerFitted> {
 public:
  static constexpr std::string_view class_name = "QuantileTransformer";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("n_quantiles", p.n_quantiles);
    f("output_distribution", p.output_distribution);
    f("random_state", p.random_state);
    f("subsample", p.subsample);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("n_quantiles", s.n_quantiles);
    f("quantiles", s.quantiles);
    f("references", s.references);
  }
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override {
    return method == Method::transform || method == Method::inverse_transform;
  }
  [[nodiscard]] Matrix transform(const MatrixView& X) const override;
  /// The interpolation back from references to quantiles (after the normal
  /// cdf for a normal output).
  [[nodiscard]] Matrix inverse_transform(const MatrixView& X) const override;
  /// The input feature names, unchanged.
  [[nodiscard]] std::vector<std::string> get_feature_names_out(
      const std::vector<std::string>& input_features = {}) const override;

  [[nodiscard]] Index n_quantiles() const { return fitted().n_quantiles; }
  [[nodiscard]] const Matrix& quantiles() const { return fitted().quantiles; }
  [[nodiscard]] const Vector& references() const { return fitted().references; }

 private:
  friend EstimatorBase;
  static constexpr bool allows_nan = true;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
  [[nodiscard]] Matrix apply(std::string_view method, const MatrixView& X, bool inverse) const;
};

}  // namespace scilearn::learn
