#pragma once
/// \file
/// TransformedTargetRegressor: a regressor fitted on a transformed target,
/// whose predictions are transformed back, as
/// sklearn.compose.TransformedTargetRegressor.

#include <functional>
#include <scilearn/learn/base/estimator_base.hpp>

namespace scilearn::learn {

/// TransformedTargetRegressor's hyper-parameters.
struct TransformedTargetRegressorParams {
  /// The regressor; null: LinearRegression().
  EstimatorPtr regressor = nullptr;
  /// A transformer of y (fitted on y as one column, e.g. StandardScaler);
  /// null: func / inverse_func, or the identity when those are empty too.
  EstimatorPtr transformer = nullptr;
  /// y -> the target the regressor learns (e.g. log); with inverse_func.
  /// Not a parameter by name and not saved: a model with func cannot be saved.
  std::function<Vector(const VectorView&)> func = {};
  /// The inverse of func (e.g. exp).
  std::function<Vector(const VectorView&)> inverse_func = {};
  /// Check on every (n / 10)-th target that inverse(transform(y)) == y within
  /// np.allclose's tolerance (1e-5 relative, 1e-8 absolute), as scikit-learn,
  /// and warn when it is not.
  bool check_inverse = true;
};

/// The fitted regressor and transformer.
struct TransformedTargetRegressorFitted {
  Index n_features_in = 0;
  EstimatorPtr regressor = nullptr;
  EstimatorPtr transformer = nullptr;
};

/// Fits the regressor on transform(y), predicts inverse_transform(regressor.predict(X)).
/// score() is R² on the original scale. sample_weight goes to the regressor.
///
/// \code
///   TransformedTargetRegressor model({.regressor = std::make_shared<LinearRegression>(),
///                                     .func = [](const VectorView& y) -> Vector { return y.array().log(); },
///                                     .inverse_func = [](const VectorView& z) -> Vector { return z.array().exp(); }});
///   model.fit(X, y);   // fits log(y)
/// \endcode
class TransformedTargetRegressor final
    : public EstimatorBase<TransformedTargetRegressor, Regressor, TransformedTargetRegressorParams,
                           TransformedTargetRegressorFitted> {
 public:
  static constexpr std::string_view class_name = "TransformedTargetRegressor";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("regressor", p.regressor);
    f("transformer", p.transformer);
    f("check_inverse", p.check_inverse);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("regressor", s.regressor);
    f("transformer", s.transformer);
  }
  /// Throws ValueError when a loaded state lacks its regressor.
  static void check_fitted(const Fitted& s);
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override { return method == Method::predict || method == Method::score; }
  [[nodiscard]] Vector predict(const MatrixView& X) const override;
  /// Throws ValueError when func is set (a function cannot be saved).
  void write(io::BinaryWriter& out) const override;

  /// The fitted regressor and transformer (scikit-learn's regressor_ and transformer_).
  [[nodiscard]] const Estimator& regressor() const { return *fitted().regressor; }
  [[nodiscard]] const EstimatorPtr& transformer() const { return fitted().transformer; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
  [[nodiscard]] Vector forward(const Fitted& state, const VectorView& y) const;
  [[nodiscard]] Vector inverse(const Fitted& state, const VectorView& z) const;
};

}  // namespace scilearn::learn
