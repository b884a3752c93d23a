#pragma once
/// \file
/// RidgeCV and RidgeClassifierCV: ridge regression with the penalty chosen
/// by efficient leave-one-out cross-validation (or k-fold), as
/// sklearn.linear_model.RidgeCV / RidgeClassifierCV (1.9).

#include <array>
#include <optional>
#include <scilearn/learn/base/estimator_base.hpp>
#include <scilearn/learn/sparse_input.hpp>
#include <string>
#include <utility>
#include <vector>

namespace scilearn::learn {

/// How the leave-one-out errors are computed (cv = None). "auto" and
/// "eigen": the eigendecomposition of X'X (n > p) or XX' (n <= p); "svd":
/// the thin SVD of X (dense X only; sparse X falls back to eigen with a
/// FutureWarning, as scikit-learn 1.9).
enum class RidgeGcvMode { automatic, svd, eigen };

constexpr auto param_names(RidgeGcvMode) {
  return std::array{std::pair{RidgeGcvMode::automatic, "auto"}, std::pair{RidgeGcvMode::svd, "svd"},
                    std::pair{RidgeGcvMode::eigen, "eigen"}};
}

/// RidgeCV's hyper-parameters: scikit-learn's names and defaults.
struct RidgeCVParams {
  /// The penalties to try (each > 0 for leave-one-out, >= 0 for k-fold).
  std::vector<double> alphas{0.1, 1.0, 10.0};
  bool fit_intercept = true;
  /// A scorer name (get_scorer) for k-fold cv; "" (None): with cv = None the
  /// mean squared leave-one-out error (negated), with k-fold the estimator's
  /// score (R^2 / accuracy). With cv = None only "" is supported.
  std::string scoring{};
  /// None: efficient leave-one-out; k >= 2: k-fold cross-validation of Ridge
  /// over the alphas (GridSearchCV; KFold, StratifiedKFold for the classifier).
  std::optional<int> cv{};
  RidgeGcvMode gcv_mode = RidgeGcvMode::automatic;
  /// Keep the leave-one-out squared errors of every alpha (cv = None only).
  bool store_cv_results = false;
  /// Choose an alpha per target (multi-target fit, cv = None only).
  bool alpha_per_target = false;
};

/// RidgeCV's learned state.
struct RidgeCVFitted {
  Index n_features_in = 0;
  /// n_targets x n_features (one row for a 1-D y).
  Matrix coef;
  Vector intercept;
  bool multi_target = false;
  /// The chosen penalty: one entry, or one per target with alpha_per_target.
  Vector alpha;
  /// The best score: one entry, or one per target with alpha_per_target.
  Vector best_score;
  /// With store_cv_results: (n_samples n_targets) x n_alphas, row i n_targets
  /// + j holding sample i, target j: scikit-learn's cv_results_ of shape
  /// (n_samples, n_alphas) or (n_samples, n_targets, n_alphas). Empty otherwise.
  Matrix cv_results;
};

/// Ridge regression with built-in cross-validation of alpha.
///
/// With cv = None, every alpha's leave-one-out residuals come in closed form
/// from one decomposition of the centered, sqrt(w)-scaled X (scikit-learn's
/// _RidgeGCV): looe_i = (y_i - yhat_i) / (1 - h_ii), h_ii the diagonal of the
/// hat matrix (with the intercept's share). For n > p the eigenvectors V of
/// X'X are turned once into XV, after which each alpha costs O(n p t); for
/// n <= p, XX' = Q diag(e) Q' gives O(n^2 t) per alpha. Sparse X is centered
/// implicitly. The score is the mean of -looe^2 (the larger the better); the
/// first best alpha wins ties, as in scikit-learn.
///
/// Throws ValueError (fit): an empty alphas list or an alpha <= 0 (< 0 for
/// k-fold), cv < 2, store_cv_results or alpha_per_target with k-fold,
/// scoring with cv = None, y of the wrong length.
///
/// Complexity (cv = None, n > p): O(n p^2 + p^3) once, O(n p t) per alpha.
///
/// \code
///   RidgeCV model({.alphas = {0.01, 0.1, 1, 10}, .store_cv_results = true});
///   model.fit(X, y);
///   double alpha = model.alpha()(0);
/// \endcode
class RidgeCV final : public EstimatorBase<RidgeCV, Regressor, RidgeCVParams, RidgeCVFitted> {
 public:
  static constexpr std::string_view class_name = "RidgeCV";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("alphas", p.alphas);
    f("fit_intercept", p.fit_intercept);
    f("scoring", p.scoring);
    f("cv", p.cv);
    f("gcv_mode", p.gcv_mode);
    f("store_cv_results", p.store_cv_results);
    f("alpha_per_target", p.alpha_per_target);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("coef", s.coef);
    f("intercept", s.intercept);
    f("multi_target", s.multi_target);
    f("alpha", s.alpha);
    f("best_score", s.best_score);
    f("cv_results", s.cv_results);
  }
  static void check_fitted(const Fitted& s);
  using EstimatorBase::EstimatorBase;
  using EstimatorBase::fit;

  /// Multi-target fit (Y: n_samples x n_targets).
  template <class D>
  requires(D::ColsAtCompileTime == Eigen::Dynamic) RidgeCV& fit(const MatrixView& X, const Eigen::MatrixBase<D>& Y,
                                                                const VectorView& sample_weight = Vector()) {
    fit_dense_targets(X, Y, sample_weight);
    return *this;
  }
  /// Sparse X (cv = None: implicit centering; k-fold: not supported).
  RidgeCV& fit(const CsrMatrix& X, const VectorView& y, const VectorView& sample_weight = Vector());

  [[nodiscard]] bool has(Method method) const override { return method == Method::predict || method == Method::score; }
  /// X coef' + intercept (1-D fit; a multi-target model: use predict_targets).
  [[nodiscard]] Vector predict(const MatrixView& X) const override;
  /// The same on sparse X (CSR).
  [[nodiscard]] Vector predict(const CsrMatrix& X) const;
  [[nodiscard]] Matrix predict_targets(const MatrixView& X) const;
  [[nodiscard]] Matrix predict_targets(const CsrMatrix& X) const;

  /// scikit-learn's coef_, intercept_, alpha_, best_score_, cv_results_.
  [[nodiscard]] const Matrix& coef() const { return fitted().coef; }
  [[nodiscard]] const Vector& intercept() const { return fitted().intercept; }
  [[nodiscard]] const Vector& alpha() const { return fitted().alpha; }
  [[nodiscard]] const Vector& best_score() const { return fitted().best_score; }
  [[nodiscard]] const Matrix& cv_results() const { return fitted().cv_results; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
  void fit_dense_targets(const MatrixView& X, const MatrixView& Y, const VectorView& sample_weight);
};

/// RidgeClassifierCV's hyper-parameters (scikit-learn's names and defaults;
/// class_weight "" or "balanced" as RidgeClassifier).
struct RidgeClassifierCVParams {
  std::vector<double> alphas{0.1, 1.0, 10.0};
  bool fit_intercept = true;
  /// k-fold only (see RidgeCVParams::scoring).
  std::string scoring{};
  std::optional<int> cv{};
  std::string class_weight{};
  bool store_cv_results = false;
};

/// RidgeClassifierCV's learned state.
struct RidgeClassifierCVFitted {
  Index n_features_in = 0;
  Vector classes;
  Matrix coef;
  Vector intercept;
  double alpha = 0;
  double best_score = 0;
  /// (n_samples n_columns) x n_alphas, n_columns = 1 (two classes) or n_classes.
  Matrix cv_results;
};

/// RidgeClassifier with built-in cross-validation of alpha: the {-1, 1}
/// targets of RidgeClassifier, leave-one-out as RidgeCV (gcv_mode auto) on
/// all the target columns together, or k-fold (StratifiedKFold) over
/// RidgeClassifier.
///
/// \code
///   RidgeClassifierCV clf({.alphas = {0.1, 1, 10}});
///   Vector labels = clf.fit(X, y).predict(X_test);
/// \endcode
class RidgeClassifierCV final
    : public EstimatorBase<RidgeClassifierCV, Classifier, RidgeClassifierCVParams, RidgeClassifierCVFitted> {
 public:
  static constexpr std::string_view class_name = "RidgeClassifierCV";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("alphas", p.alphas);
    f("fit_intercept", p.fit_intercept);
    f("scoring", p.scoring);
    f("cv", p.cv);
    f("class_weight", p.class_weight);
    f("store_cv_results", p.store_cv_results);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("classes", s.classes);
    f("coef", s.coef);
    f("intercept", s.intercept);
    f("alpha", s.alpha);
    f("best_score", s.best_score);
    f("cv_results", s.cv_results);
  }
  static void check_fitted(const Fitted& s);
  using EstimatorBase::EstimatorBase;
  using EstimatorBase::fit;

  /// Sparse X (cv = None).
  RidgeClassifierCV& fit(const CsrMatrix& X, const VectorView& y, const VectorView& sample_weight = Vector());

  [[nodiscard]] bool has(Method method) const override {
    return method == Method::predict || method == Method::decision_function || method == Method::score;
  }
  [[nodiscard]] Vector predict(const MatrixView& X) const override;
  /// The same on sparse X (CSR).
  [[nodiscard]] Vector predict(const CsrMatrix& X) const;
  /// X coef' + intercept: n_samples x 1 (two classes) or n_samples x n_classes.
  [[nodiscard]] Matrix decision_function(const MatrixView& X) const override;
  /// The same on sparse X (CSR).
  [[nodiscard]] Matrix decision_function(const CsrMatrix& X) const;
  [[nodiscard]] Vector classes() const override { return fitted().classes; }

  /// scikit-learn's coef_, intercept_, alpha_, best_score_, cv_results_ (NotFittedError before fit).
  [[nodiscard]] const Matrix& coef() const { return fitted().coef; }
  [[nodiscard]] const Vector& intercept() const { return fitted().intercept; }
  [[nodiscard]] double alpha() const { return fitted().alpha; }
  [[nodiscard]] double best_score() const { return fitted().best_score; }
  [[nodiscard]] const Matrix& cv_results() const { return fitted().cv_results; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
