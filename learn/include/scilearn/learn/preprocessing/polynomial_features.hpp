#pragma once
/// \file
/// PolynomialFeatures: all products of the features up to a degree, as
/// sklearn.preprocessing.PolynomialFeatures.

#include <scilearn/learn/base/estimator_base.hpp>

namespace scilearn::learn {

/// PolynomialFeatures' hyper-parameters (scikit-learn's `order` has no
/// counterpart: the output is a column-major Matrix; a (min_degree,
/// max_degree) tuple for `degree` is not supported yet).
struct PolynomialFeaturesParams {
  /// The largest total degree of a term (>= 0).
  Index degree = 2;
  /// Only products of distinct features (no x0^2).
  bool interaction_only = false;
  /// Start with the constant column of ones (the degree-0 term).
  bool include_bias = true;
};

/// PolynomialFeatures' learned state.
struct PolynomialFeaturesFitted {
  Index n_features_in = 0;
  /// n_output_features x n_features_in: row t holds the exponent of each
  /// feature in output column t.
  Eigen::Matrix<Index, Eigen::Dynamic, Eigen::Dynamic> powers;
};

/// Expands X into its polynomial terms: the bias 1 (include_bias), then the
/// terms of degree 1, 2, ..., degree, each degree's terms in lexicographic
/// order of their feature indices (x0, x1, x0^2, x0 x1, x1^2 for two features
/// and degree 2), as scikit-learn orders them. A term of degree d is computed
/// as (term of degree d - 1) * x_i, scikit-learn's recursion, so the products
/// round as theirs. fit takes no sample_weight (ValueError).
///
/// Throws ValueError from fit for degree < 0, or degree 0 without include_bias
/// (an empty output).
///
/// Complexity: O(n_samples n_output_features) for transform, where
/// n_output_features = C(n_features + degree, degree) (fewer with interaction_only).
///
/// \code
///   PolynomialFeatures poly({.degree = 3, .interaction_only = true});
///   Matrix Z = poly.fit_transform(X);
///   auto names = poly.get_feature_names_out();   // "1", "x0", "x1", "x0 x1", ...
/// \endcode
class PolynomialFeatures final
    : public EstimatorBase<PolynomialFeatures, Transformer, PolynomialFeaturesParams, PolynomialFeaturesFitted> {
 public:
  static constexpr std::string_view class_name = "PolynomialFeatures";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("degree", p.degree);
    f("include_bias", p.include_bias);
    f("interaction_only", p.interaction_only);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("powers", s.powers);
  }
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override { return method == Method::transform; }
  /// The n_samples x n_output_features matrix of terms.
  [[nodiscard]] Matrix transform(const MatrixView& X) const override;
  /// One name per term: "1", "x0", "x0^2", "x0 x1", "x0^2 x1" (features in
  /// index order, exponents above 1 after '^').
  [[nodiscard]] std::vector<std::string> get_feature_names_out(
      const std::vector<std::string>& input_features = {}) const override;

  /// The exponents of each output term (rows) in each feature (columns).
  [[nodiscard]] const Eigen::Matrix<Index, Eigen::Dynamic, Eigen::Dynamic>& powers() const { return fitted().powers; }
  /// The number of output columns.
  [[nodiscard]] Index n_output_features() const { return fitted().powers.rows(); }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
