#pragma once
/// \file
/// PowerTransformer: per-feature Yeo-Johnson or Box-Cox power transforms that
/// make data more Gaussian, as sklearn.preprocessing.PowerTransformer.

#include <array>
#include <scilearn/learn/base/estimator_base.hpp>
#include <utility>

namespace scilearn::learn {

/// The power transform family.
enum class PowerMethod {
  yeo_johnson,  ///< "yeo-johnson": any real data (Yeo & Johnson 2000)
  box_cox,      ///< "box-cox": strictly positive data (Box & Cox 1964)
};
constexpr auto param_names(PowerMethod) {
  return std::array{std::pair{PowerMethod::yeo_johnson, "yeo-johnson"}, std::pair{PowerMethod::box_cox, "box-cox"}};
}

/// PowerTransformer's hyper-parameters (scikit-learn's `copy` has no counterpart).
struct PowerTransformerParams {
  PowerMethod method = PowerMethod::yeo_johnson;
  /// Standardize the transformed features to mean 0, variance 1.
  bool standardize = true;
};

/// PowerTransformer's learned state.
struct PowerTransformerFitted {
  Index n_features_in = 0;
  /// Per-feature lambda maximizing the Gaussian log-likelihood.
  Vector lambdas;
  /// The standardization of the transformed features (empty unless standardize):
  /// its mean and its scale (the standard deviation, 1 for constant features).
  Vector mean, scale;
};

/// Fits one lambda per feature by maximum likelihood, as scipy.stats'
/// yeojohnson_normmax (bounded Brent, fminbound, on the interval that keeps
/// the transform finite, xtol 1.48e-8) and boxcox_normmax (Brent from the
/// bracket (-2, 2), tol 1.48e-8), then optionally standardizes. A constant
/// feature gets lambda 1 under Yeo-Johnson. NaN is ignored by fit and kept by
/// transform. fit takes no sample_weight (ValueError).
///
/// Box-Cox's adjustment of lambda for outputs beyond 1e304 (SciPy's ymax) is
/// not applied.
///
/// Throws ValueError from fit for Box-Cox on data with an entry <= 0, or a
/// column that is all NaN.
///
/// Complexity: fit O(n_samples n_features k), k ~ 20-40 likelihood
/// evaluations per feature (features in parallel); transform O(n_samples n_features).
///
/// \code
///   PowerTransformer pt({.method = PowerMethod::box_cox});
///   Matrix Z = pt.fit_transform(X);   // X > 0
///   Vector lambdas = pt.lambdas();
/// \endcode
class PowerTransformer final
    : public EstimatorBase<PowerTransformer, Transformer, PowerTransformerParams, PowerTransformerFitted> {
 public:
  static constexpr std::string_view class_name = "PowerTransformer";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("method", p.method);
    f("standardize", p.standardize);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("lambdas", s.lambdas);
    f("mean", s.mean);
    f("scale", s.scale);
  }
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override {
    return method == Method::transform || method == Method::inverse_transform;
  }
  /// The power transform of each feature with its lambda, then the standardization.
  [[nodiscard]] Matrix transform(const MatrixView& X) const override;
  /// The inverse: undo the standardization, then the power transform.
  [[nodiscard]] Matrix inverse_transform(const MatrixView& X) const override;
  /// The input feature names, unchanged.
  [[nodiscard]] std::vector<std::string> get_feature_names_out(
      const std::vector<std::string>& input_features = {}) const override;

  [[nodiscard]] const Vector& lambdas() const { return fitted().lambdas; }

 private:
  friend EstimatorBase;
  static constexpr bool allows_nan = true;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
  [[nodiscard]] Matrix power(const MatrixView& X, const Vector& lambdas) const;
};

}  // namespace scilearn::learn
