#pragma once
/// \file
/// HuberRegressor: linear regression robust to outliers, as
/// sklearn.linear_model.HuberRegressor.

#include <scilearn/learn/base/estimator_base.hpp>
#include <scilearn/learn/sparse_input.hpp>
#include <vector>

namespace scilearn::learn {

/// HuberRegressor's hyper-parameters, scikit-learn's names and defaults
/// (`warm_start` is not supported).
struct HuberRegressorParams {
  /// Residuals beyond epsilon * scale count as outliers (>= 1).
  double epsilon = 1.35;
  /// L-BFGS-B iterations at most (>= 0).
  Index max_iter = 100;
  /// L2 penalty on the coefficients (>= 0).
  double alpha = 1e-4;
  bool fit_intercept = true;
  /// L-BFGS-B stops when the projected gradient's largest entry is <= tol (> 0).
  double tol = 1e-5;
};

struct HuberRegressorFitted {
  Index n_features_in = 0;
  Vector coef;
  double intercept = 0;
  /// sigma, the residuals' scale.
  double scale = 1;
  Index n_iter = 0;
  /// 1 where the training sample's |residual| > epsilon * scale, else 0.
  Vector outliers;
};

/// Minimizes Owen's (2007) joint objective in the coefficients w, the
/// intercept b and the scale sigma > 0:
///   sum_i s_i (sigma + H_eps((y_i - x_i w - b) / sigma) sigma) + alpha ||w||^2,
/// with H_eps(z) = z^2 for |z| <= eps and 2 eps |z| - eps^2 beyond, s_i the
/// sample weights: convex, scale-equivariant. As scikit-learn 1.9, from w = 0,
/// b = 0, sigma = 1 by L-BFGS-B (optimize::minimize) with sigma >= 10 eps and
/// the analytic gradient.
///
/// Throws ValueError for epsilon < 1, alpha < 0, tol <= 0, max_iter < 0, bad
/// input, or when L-BFGS-B stops abnormally (its status 2).
/// Complexity: two passes over X (O(n p)) per objective evaluation.
class HuberRegressor final
    : public EstimatorBase<HuberRegressor, Regressor, HuberRegressorParams, HuberRegressorFitted> {
 public:
  static constexpr std::string_view class_name = "HuberRegressor";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("epsilon", p.epsilon);
    f("max_iter", p.max_iter);
    f("alpha", p.alpha);
    f("fit_intercept", p.fit_intercept);
    f("tol", p.tol);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("coef", s.coef);
    f("intercept", s.intercept);
    f("scale", s.scale);
    f("n_iter", s.n_iter);
    f("outliers", s.outliers);
  }
  static void check_fitted(const Fitted& s) {
    if (s.coef.size() != s.n_features_in) throw ValueError("coef and n_features_in disagree");
  }
  using EstimatorBase::EstimatorBase;
  using EstimatorBase::fit;

  /// Sparse X (scikit-learn accepts CSR); an empty sample_weight means equal
  /// weights. The same answer as the dense fit of the same matrix.
  HuberRegressor& fit(const CsrMatrix& X, const VectorView& y, const VectorView& sample_weight = Vector());

  [[nodiscard]] bool has(Method method) const override { return method == Method::predict || method == Method::score; }
  [[nodiscard]] Vector predict(const MatrixView& X) const override;
  /// X coef + intercept for sparse X.
  [[nodiscard]] Vector predict(const CsrMatrix& X) const;

  /// scikit-learn's coef_, intercept_, scale_, n_iter_.
  [[nodiscard]] const Vector& coef() const { return fitted().coef; }
  [[nodiscard]] double intercept() const { return fitted().intercept; }
  [[nodiscard]] double scale() const { return fitted().scale; }
  [[nodiscard]] Index n_iter() const { return fitted().n_iter; }
  /// scikit-learn's outliers_: one flag per training sample.
  [[nodiscard]] std::vector<bool> outliers() const;

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
