#pragma once
/// \file
/// FunctionTransformer: a transformer made of a user function, as
/// sklearn.preprocessing.FunctionTransformer.

#include <functional>
#include <scilearn/learn/base/estimator_base.hpp>

namespace scilearn::learn {

/// A function from one data matrix to another (func, inverse_func).
using MatrixFunction = std::function<Matrix(const MatrixView&)>;

/// A function naming the outputs of func from the input names (feature_names_out).
using FeatureNamesFunction = std::function<std::vector<std::string>(const std::vector<std::string>&)>;

/// FunctionTransformer's hyper-parameters. func, inverse_func and
/// feature_names_out are set through this struct only (get_params /
/// set_params by name cover validate and check_inverse: a std::function has
/// no ParamValue). kw_args / inv_kw_args: capture them in the functions.
struct FunctionTransformerParams {
  /// The transform; empty: the identity.
  MatrixFunction func = nullptr;
  /// The inverse transform; empty: the identity.
  MatrixFunction inverse_func = nullptr;
  /// Reject NaN in X (scikit-learn's check_array); otherwise NaN passes to func.
  bool validate = false;
  /// In fit, warn (UserWarning) when inverse_func(func(X)) is not close to X
  /// on every 100th row (np.allclose: rtol 1e-7, atol 1e-9). Only when both
  /// functions are given.
  bool check_inverse = true;
  /// Output names: empty (get_feature_names_out throws, as scikit-learn's
  /// attribute is absent), one_to_one = true for the input names, or a function.
  bool one_to_one_feature_names = false;
  FeatureNamesFunction feature_names_out = nullptr;
};

/// FunctionTransformer's learned state: the feature count.
struct FunctionTransformerFitted {
  Index n_features_in = 0;
};

/// Applies func in transform and inverse_func in inverse_transform.
///
/// Differences from scikit-learn, which keeps FunctionTransformer stateless:
/// transform requires fit (NotFittedError before) and checks the feature
/// count of fit (ValueError), as every estimator here; X may not hold Inf.
/// fit takes no sample_weight (ValueError). Exceptions from the functions
/// reach the caller unchanged.
///
/// \code
///   FunctionTransformer log1p({.func = [](const MatrixView& X) { return Matrix(X.array().log1p()); },
///                              .inverse_func = [](const MatrixView& X) { return Matrix(X.array().exp() - 1); }});
///   Matrix Z = log1p.fit_transform(X);
/// \endcode
class FunctionTransformer final
    : public EstimatorBase<FunctionTransformer, Transformer, FunctionTransformerParams, FunctionTransformerFitted> {
 public:
  static constexpr std::string_view class_name = "FunctionTransformer";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("check_inverse", p.check_inverse);
    f("validate", p.validate);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
  }
  using EstimatorBase::EstimatorBase;

  /// Throws ValueError when func, inverse_func or feature_names_out is set
  /// (a function cannot be saved to a model file).
  void write(io::BinaryWriter& out) const override {
    if (params_.func || params_.inverse_func || params_.feature_names_out)
      throw ValueError("FunctionTransformer with functions cannot be saved");
    EstimatorBase::write(out);
  }
  [[nodiscard]] bool has(Method method) const override {
    return method == Method::transform || method == Method::inverse_transform;
  }
  /// func(X), or X.
  [[nodiscard]] Matrix transform(const MatrixView& X) const override;
  /// inverse_func(X), or X.
  [[nodiscard]] Matrix inverse_transform(const MatrixView& X) const override;
  /// The input names (one_to_one_feature_names), feature_names_out(input
  /// names), or ValueError when neither is set.
  [[nodiscard]] std::vector<std::string> get_feature_names_out(
      const std::vector<std::string>& input_features = {}) const override;

 private:
  friend EstimatorBase;
  static constexpr bool allows_nan = true;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
  void check(std::string_view method, const MatrixView& X) const;
};

}  // namespace scilearn::learn
