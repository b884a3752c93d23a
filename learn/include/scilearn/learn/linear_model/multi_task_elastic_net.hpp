#pragma once
/// \file
/// MultiTaskElasticNet and MultiTaskLasso: several targets fitted jointly
/// with a mixed L1/L2 penalty that keeps or drops each feature for all
/// targets at once, as scikit-learn 1.9's sklearn.linear_model.MultiTaskElasticNet
/// and MultiTaskLasso.
///
/// The objective, Y being n_samples x n_targets and W n_targets x n_features
/// (scikit-learn's coef_ layout), is
///
///   1 / (2 n_samples) ||Y - X W' - 1 b'||_Fro^2 + alpha l1_ratio ||W||_21
///     + alpha (1 - l1_ratio) / 2 ||W||_Fro^2,
///
/// ||W||_21 = sum_j ||W[:, j]||_2 (one feature's coefficients over the
/// targets), minimized by block coordinate descent (one feature's block per
/// step) with scikit-learn's duality-gap stopping rule and Gap Safe screening.
///
/// The targets are a matrix, so fit and predict are the non-virtual
/// fit(X, Y) (which hides the vector overloads: a Vector passed as Y is one
/// target, a 1-column Y) and predict_targets(X); the virtual
/// Estimator::fit(X, y) throws ValueError ("For mono-task outputs, use
/// ElasticNet"), as scikit-learn does for a 1-D y.

#include <scilearn/learn/linear_model/coordinate_descent.hpp>

namespace scilearn::learn {

/// MultiTaskElasticNet's hyper-parameters: scikit-learn's names and defaults.
struct MultiTaskElasticNetParams {
  double alpha = 1.0;
  /// The L1/L2 share in [0, 1]: 1 is MultiTaskLasso.
  double l1_ratio = 0.5;
  bool fit_intercept = true;
  int max_iter = 1000;
  double tol = 1e-4;
  bool warm_start = false;
  std::optional<std::uint64_t> random_state{};
  CdSelection selection = CdSelection::cyclic;
};

/// MultiTaskLasso's hyper-parameters: MultiTaskElasticNet's without l1_ratio.
struct MultiTaskLassoParams {
  double alpha = 1.0;
  bool fit_intercept = true;
  int max_iter = 1000;
  double tol = 1e-4;
  bool warm_start = false;
  std::optional<std::uint64_t> random_state{};
  CdSelection selection = CdSelection::cyclic;
};

/// What the multi-task models learn.
struct MultiTaskFitted {
  Index n_features_in = 0;
  /// n_targets x n_features.
  Matrix coef;
  /// One per target.
  Vector intercept;
  /// The final duality gap divided by n_samples.
  double dual_gap = 0;
  Index n_iter = 0;
};

namespace detail {
MultiTaskFitted multi_task_fit(std::string_view where, const EnetSettings& settings, const MatrixView& X,
                               const MatrixView& Y, const VectorView& sample_weight, const Matrix* start);
Matrix multi_task_predict(std::string_view name, const MultiTaskFitted& state, const MatrixView& X);
void check_multi_task_state(const MultiTaskFitted& s);
}  // namespace detail

/// Multi-task elastic net (sklearn.linear_model.MultiTaskElasticNet).
/// Throws ValueError (fit): as ElasticNet, and Y with a row count other than X's
/// or with NaN / infinity.
/// Complexity: per sweep O(n_samples n_targets n_active).
///
/// \code
///   MultiTaskElasticNet model({.alpha = 0.1, .l1_ratio = 0.7});
///   model.fit(X, Y);                         // Y: n_samples x n_targets
///   Matrix Yhat = model.predict_targets(X_test);
/// \endcode
class MultiTaskElasticNet final
    : public EstimatorBase<MultiTaskElasticNet, Regressor, MultiTaskElasticNetParams, MultiTaskFitted> {
 public:
  static constexpr std::string_view class_name = "MultiTaskElasticNet";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("alpha", p.alpha);
    f("l1_ratio", p.l1_ratio);
    f("fit_intercept", p.fit_intercept);
    f("max_iter", p.max_iter);
    f("tol", p.tol);
    f("warm_start", p.warm_start);
    f("random_state", p.random_state);
    f("selection", p.selection);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("coef", s.coef);
    f("intercept", s.intercept);
    f("dual_gap", s.dual_gap);
    f("n_iter", s.n_iter);
  }
  static void check_fitted(const Fitted& s) { detail::check_multi_task_state(s); }
  using EstimatorBase::EstimatorBase;

  /// Fits the targets Y (n_samples x n_targets), optionally weighted.
  MultiTaskElasticNet& fit(const MatrixView& X, const MatrixView& Y, const VectorView& sample_weight = Vector());
  /// X coef' + intercept': n_samples x n_targets.
  [[nodiscard]] Matrix predict_targets(const MatrixView& X) const;

  [[nodiscard]] bool has(Method method) const override { return method == Method::predict; }
  /// The prediction of a model with one target; ValueError with several (use predict_targets).
  [[nodiscard]] Vector predict(const MatrixView& X) const override;

  /// scikit-learn's coef_, intercept_, dual_gap_, n_iter_ (NotFittedError before fit).
  [[nodiscard]] const Matrix& coef() const { return fitted().coef; }
  [[nodiscard]] const Vector& intercept() const { return fitted().intercept; }
  [[nodiscard]] double dual_gap() const { return fitted().dual_gap; }
  [[nodiscard]] Index n_iter() const { return fitted().n_iter; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

/// Multi-task Lasso (sklearn.linear_model.MultiTaskLasso): l1_ratio = 1.
///
/// \code
///   MultiTaskLasso model({.alpha = 0.1});
///   Matrix Yhat = model.fit(X, Y).predict_targets(X);
/// \endcode
class MultiTaskLasso final : public EstimatorBase<MultiTaskLasso, Regressor, MultiTaskLassoParams, MultiTaskFitted> {
 public:
  static constexpr std::string_view class_name = "MultiTaskLasso";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("alpha", p.alpha);
    f("fit_intercept", p.fit_intercept);
    f("max_iter", p.max_iter);
    f("tol", p.tol);
    f("warm_start", p.warm_start);
    f("random_state", p.random_state);
    f("selection", p.selection);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    MultiTaskElasticNet::visit_fitted(s, f);
  }
  static void check_fitted(const Fitted& s) { detail::check_multi_task_state(s); }
  using EstimatorBase::EstimatorBase;

  MultiTaskLasso& fit(const MatrixView& X, const MatrixView& Y, const VectorView& sample_weight = Vector());
  [[nodiscard]] Matrix predict_targets(const MatrixView& X) const;

  [[nodiscard]] bool has(Method method) const override { return method == Method::predict; }
  [[nodiscard]] Vector predict(const MatrixView& X) const override;

  /// scikit-learn's coef_, intercept_, dual_gap_, n_iter_ (NotFittedError before fit).
  [[nodiscard]] const Matrix& coef() const { return fitted().coef; }
  [[nodiscard]] const Vector& intercept() const { return fitted().intercept; }
  [[nodiscard]] double dual_gap() const { return fitted().dual_gap; }
  [[nodiscard]] Index n_iter() const { return fitted().n_iter; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
