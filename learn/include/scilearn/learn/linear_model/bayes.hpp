#pragma once
/// \file
/// Bayesian linear regression: BayesianRidge and ARDRegression, as
/// sklearn.linear_model.BayesianRidge / ARDRegression.

#include <optional>
#include <scilearn/learn/base/estimator_base.hpp>

namespace scilearn::learn {

/// The mean and standard deviation of a Bayesian model's predictive
/// distribution (scikit-learn's `predict(X, return_std=True)`).
struct PredictionWithStd {
  Vector mean;
  Vector std;
};

/// BayesianRidge's hyper-parameters, scikit-learn's names and defaults
/// (`copy_X` and `verbose` have no counterpart: inputs are never modified).
struct BayesianRidgeParams {
  /// Evidence-maximization iterations (>= 1).
  Index max_iter = 300;
  /// Stop when sum |coef - previous coef| < tol (> 0).
  double tol = 1e-3;
  /// Shape and rate of the Gamma prior on alpha (the noise precision), >= 0.
  double alpha_1 = 1e-6;
  double alpha_2 = 1e-6;
  /// Shape and rate of the Gamma prior on lambda (the weights' precision), >= 0.
  double lambda_1 = 1e-6;
  double lambda_2 = 1e-6;
  /// First alpha; None: 1 / (Var(y) + eps).
  std::optional<double> alpha_init{};
  /// First lambda; None: 1.
  std::optional<double> lambda_init{};
  /// Record the log marginal likelihood at each iteration (scores()).
  bool compute_score = false;
  bool fit_intercept = true;
};

/// BayesianRidge's learned state.
struct BayesianRidgeFitted {
  Index n_features_in = 0;
  Vector coef;
  double intercept = 0;
  double alpha = 0;   ///< noise precision
  double lambda = 0;  ///< weights' precision
  Matrix sigma;       ///< posterior covariance of the weights, p x p
  Vector scores;      ///< log marginal likelihood per iteration (and at the end); empty without compute_score
  Index n_iter = 0;
  Vector x_offset;  ///< the (weighted) feature means subtracted at fit (zeros without intercept)
};

/// Bayesian ridge regression (MacKay 1992; Tipping 2001): a Gaussian prior of
/// precision lambda on the weights, Gaussian noise of precision alpha, Gamma
/// priors on both; alpha and lambda maximize the evidence by MacKay's
/// fixed-point updates, as scikit-learn 1.9 does, on one SVD of the centered
/// X (rows scaled by sqrt(sample_weight)), so every iteration is O(p min(n, p)).
///
/// Throws ValueError for invalid parameters (max_iter < 1, tol <= 0, negative
/// priors or initial values) or input (the EstimatorBase checks).
/// Complexity: one SVD, O(n p min(n, p)), then O(p min(n, p)) per iteration;
/// sigma costs O(p^3).
///
/// \code
///   BayesianRidge model({.compute_score = true});
///   model.fit(X, y);
///   auto [mean, std] = model.predict_with_std(X_test);
/// \endcode
class BayesianRidge final : public EstimatorBase<BayesianRidge, Regressor, BayesianRidgeParams, BayesianRidgeFitted> {
 public:
  static constexpr std::string_view class_name = "BayesianRidge";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("max_iter", p.max_iter);
    f("tol", p.tol);
    f("alpha_1", p.alpha_1);
    f("alpha_2", p.alpha_2);
    f("lambda_1", p.lambda_1);
    f("lambda_2", p.lambda_2);
    f("alpha_init", p.alpha_init);
    f("lambda_init", p.lambda_init);
    f("compute_score", p.compute_score);
    f("fit_intercept", p.fit_intercept);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("coef", s.coef);
    f("intercept", s.intercept);
    f("alpha", s.alpha);
    f("lambda", s.lambda);
    f("sigma", s.sigma);
    f("scores", s.scores);
    f("n_iter", s.n_iter);
    f("x_offset", s.x_offset);
  }
  /// Throws ValueError when a loaded state's sizes disagree.
  static void check_fitted(const Fitted& s);
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override { return method == Method::predict || method == Method::score; }
  /// The predictive mean X coef + intercept.
  [[nodiscard]] Vector predict(const MatrixView& X) const override;
  /// The predictive mean and its standard deviation
  /// sqrt(x' sigma x + 1 / alpha) with x centered by x_offset.
  [[nodiscard]] PredictionWithStd predict_with_std(const MatrixView& X) const;

  /// scikit-learn's coef_, intercept_, alpha_, lambda_, sigma_, scores_, n_iter_, X_offset_.
  [[nodiscard]] const Vector& coef() const { return fitted().coef; }
  [[nodiscard]] double intercept() const { return fitted().intercept; }
  [[nodiscard]] double alpha() const { return fitted().alpha; }
  [[nodiscard]] double lambda() const { return fitted().lambda; }
  [[nodiscard]] const Matrix& sigma() const { return fitted().sigma; }
  [[nodiscard]] const Vector& scores() const { return fitted().scores; }
  [[nodiscard]] Index n_iter() const { return fitted().n_iter; }
  [[nodiscard]] const Vector& x_offset() const { return fitted().x_offset; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

/// ARDRegression's hyper-parameters, scikit-learn's names and defaults.
struct ARDRegressionParams {
  Index max_iter = 300;
  double tol = 1e-3;
  double alpha_1 = 1e-6;
  double alpha_2 = 1e-6;
  double lambda_1 = 1e-6;
  double lambda_2 = 1e-6;
  bool compute_score = false;
  /// Weights whose precision lambda_j reaches this are pruned (set to 0).
  double threshold_lambda = 1e4;
  bool fit_intercept = true;
};

/// ARDRegression's learned state.
struct ARDRegressionFitted {
  Index n_features_in = 0;
  Vector coef;
  double intercept = 0;
  double alpha = 0;  ///< noise precision
  Vector lambda;     ///< each weight's precision
  /// Posterior covariance of the kept weights (lambda < threshold_lambda),
  /// k x k; 0 x 0 when every weight was pruned.
  Matrix sigma;
  Vector scores;
  Index n_iter = 0;
  Vector x_offset;
};

/// Automatic relevance determination regression (MacKay 1994; Tipping 2001):
/// as BayesianRidge with one precision lambda_j per weight; weights whose
/// precision passes threshold_lambda are pruned. Follows scikit-learn 1.9:
/// the posterior covariance from the Gram matrix (n >= p) or by the Woodbury
/// identity (n < p), each through a pseudo-inverse (pinvh). fit takes no
/// sample_weight (ValueError), and needs at least 2 samples.
///
/// Complexity: per iteration O(n k^2 + k^3) (n >= p) or O(n^2 k + n^3) for k kept weights.
class ARDRegression final : public EstimatorBase<ARDRegression, Regressor, ARDRegressionParams, ARDRegressionFitted> {
 public:
  static constexpr std::string_view class_name = "ARDRegression";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("max_iter", p.max_iter);
    f("tol", p.tol);
    f("alpha_1", p.alpha_1);
    f("alpha_2", p.alpha_2);
    f("lambda_1", p.lambda_1);
    f("lambda_2", p.lambda_2);
    f("compute_score", p.compute_score);
    f("threshold_lambda", p.threshold_lambda);
    f("fit_intercept", p.fit_intercept);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("coef", s.coef);
    f("intercept", s.intercept);
    f("alpha", s.alpha);
    f("lambda", s.lambda);
    f("sigma", s.sigma);
    f("scores", s.scores);
    f("n_iter", s.n_iter);
    f("x_offset", s.x_offset);
  }
  static void check_fitted(const Fitted& s);
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override { return method == Method::predict || method == Method::score; }
  [[nodiscard]] Vector predict(const MatrixView& X) const override;
  /// The predictive mean and sqrt(x_k' sigma x_k + 1 / alpha), x_k the
  /// centered kept features.
  [[nodiscard]] PredictionWithStd predict_with_std(const MatrixView& X) const;

  /// scikit-learn's coef_, intercept_, alpha_, lambda_, sigma_, scores_, n_iter_, X_offset_ (NotFittedError before
  /// fit).
  [[nodiscard]] const Vector& coef() const { return fitted().coef; }
  [[nodiscard]] double intercept() const { return fitted().intercept; }
  [[nodiscard]] double alpha() const { return fitted().alpha; }
  [[nodiscard]] const Vector& lambda() const { return fitted().lambda; }
  [[nodiscard]] const Matrix& sigma() const { return fitted().sigma; }
  [[nodiscard]] const Vector& scores() const { return fitted().scores; }
  [[nodiscard]] Index n_iter() const { return fitted().n_iter; }
  [[nodiscard]] const Vector& x_offset() const { return fitted().x_offset; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
