#pragma once
/// \file
/// Ridge and RidgeClassifier: linear least squares with an L2 penalty, as
/// sklearn.linear_model.Ridge / RidgeClassifier (1.9).

#include <array>
#include <cstdint>
#include <optional>
#include <scilearn/learn/base/estimator_base.hpp>
#include <scilearn/learn/sparse_input.hpp>
#include <string>
#include <utility>
#include <vector>

namespace scilearn::learn {

/// Ridge's `solver` (scikit-learn's names).
enum class RidgeSolver { automatic, svd, cholesky, lsqr, sparse_cg, sag, saga, lbfgs };

constexpr auto param_names(RidgeSolver) {
  return std::array{std::pair{RidgeSolver::automatic, "auto"},      std::pair{RidgeSolver::svd, "svd"},
                    std::pair{RidgeSolver::cholesky, "cholesky"},   std::pair{RidgeSolver::lsqr, "lsqr"},
                    std::pair{RidgeSolver::sparse_cg, "sparse_cg"}, std::pair{RidgeSolver::sag, "sag"},
                    std::pair{RidgeSolver::saga, "saga"},           std::pair{RidgeSolver::lbfgs, "lbfgs"}};
}

/// Ridge's hyper-parameters: scikit-learn's names and defaults. `copy_X` has
/// no counterpart (inputs are never modified).
struct RidgeParams {
  /// The penalty strength (>= 0), the same for every target.
  double alpha = 1.0;
  /// One penalty per target: scikit-learn's array-valued `alpha`. Empty
  /// (the default): `alpha` for every target; else its length must equal the
  /// number of targets (1 for a 1-D y).
  std::vector<double> alpha_per_target{};
  /// Fit an (unpenalized) intercept: X and y are centered by their weighted
  /// means (implicitly for sparse X, which is never densified).
  bool fit_intercept = true;
  /// Iteration limit of lsqr, sparse_cg, sag / saga (epochs) and lbfgs
  /// (>= 1); None: the solver's default (2 n_features for lsqr, 10 times the
  /// system size for sparse_cg, 1000 epochs for sag / saga, 15000 for lbfgs).
  std::optional<int> max_iter{};
  /// Stopping tolerance (>= 0) of lsqr (atol = btol = tol), sparse_cg
  /// (relative residual), sag / saga (an epoch's largest coefficient change
  /// relative to the largest coefficient) and lbfgs (SciPy's `tol`); unused by
  /// cholesky and svd.
  double tol = 1e-4;
  /// "auto": lbfgs when positive, cholesky for dense X, sparse_cg for sparse X.
  /// "cholesky": the normal equations X'X + alpha I (n >= p) or the kernel
  /// form XX' + alpha I (n < p), LAPACK potrf, falling back to svd when the
  /// factorization fails; "svd": the thin SVD of the centered X (dense only);
  /// "lsqr": LSQR with damp = sqrt(alpha); "sparse_cg": conjugate gradients
  /// on the normal (n >= p) or kernel (n < p) equations; "sag" / "saga":
  /// stochastic average gradient (Schmidt, Le Roux and Bach 2017; Defazio,
  /// Bach and Lacoste-Julien 2014) with scikit-learn's step sizes, on the
  /// implicitly centered rows (saga refuses sparse X with fit_intercept, as
  /// scikit-learn); "lbfgs": L-BFGS-B, only with positive.
  RidgeSolver solver = RidgeSolver::automatic;
  /// Constrain the coefficients to be >= 0 (solver lbfgs).
  bool positive = false;
  /// Seed of sag / saga's sample order; None: seed 0 (scikit-learn draws a
  /// fresh seed; here a fit is reproducible).
  std::optional<std::uint64_t> random_state{};
};

/// Ridge's learned state.
struct RidgeFitted {
  Index n_features_in = 0;
  /// n_targets x n_features (one row for a 1-D y: scikit-learn's coef_ raveled).
  Matrix coef;
  /// One per target; zeros without fit_intercept.
  Vector intercept;
  /// Whether fit saw a 2-D Y (predict_targets) or a 1-D y (predict).
  bool multi_target = false;
  /// Iterations per target (lsqr; epochs for sag / saga); empty for the
  /// other solvers (scikit-learn's n_iter_ is None there).
  std::vector<Index> n_iter;
  /// The solver that ran ("cholesky", ...), scikit-learn's solver_.
  std::string solver;
};

/// Linear least squares with L2 regularization: minimizes, per target,
///
///   sum_i w_i (y_i - x_i . coef - intercept)^2 + alpha ||coef||^2.
///
/// The data are centered by their weighted means (fit_intercept) and rows
/// scaled by sqrt(w_i), as scikit-learn does; dense X is centered a block of
/// rows at a time (cholesky), or implicitly in the iterative solvers'
/// products, like sparse X always: X itself is never copied or densified,
/// except by svd and the kernel form (n < p), which need the centered matrix.
///
/// Solvers (see RidgeParams::solver): cholesky on n >= p accumulates X'X with
/// BLAS-3 rank updates (syrk) over blocks of rows, in parallel over fixed
/// chunks (the result does not depend on the thread count), and solves with
/// a Cholesky factorization; with n < p it factors the kernel XX' + alpha I
/// and returns X' dual_coef. Multi-target Y (fit with a matrix) shares one
/// factorization when every target has the same alpha.
///
/// Throws ValueError (fit): alpha < 0 or an alpha_per_target entry < 0 or of
/// the wrong length, tol < 0, max_iter < 1, positive with a solver other than
/// auto / lbfgs, lbfgs without positive, svd on sparse X, cholesky on sparse X
/// with fit_intercept (as scikit-learn), y of the wrong length.
///
/// Complexity: cholesky O(n p^2 + p^3) (n >= p) or O(n^2 p + n^3); svd
/// O(n p min(n, p)); lsqr and sparse_cg O(nnz(X)) per iteration.
///
/// \code
///   Ridge model({.alpha = 0.5});
///   Vector yhat = model.fit(X, y).predict(X_test);
///   Matrix Yhat = Ridge().fit(X, Y).predict_targets(X_test);   // Y: n x n_targets
/// \endcode
class Ridge final : public EstimatorBase<Ridge, Regressor, RidgeParams, RidgeFitted> {
 public:
  static constexpr std::string_view class_name = "Ridge";
  static constexpr bool checks_X_in_learn = true;  // in the first pass of fit_ridge
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("alpha", p.alpha);
    f("alpha_per_target", p.alpha_per_target);
    f("fit_intercept", p.fit_intercept);
    f("max_iter", p.max_iter);
    f("tol", p.tol);
    f("solver", p.solver);
    f("positive", p.positive);
    f("random_state", p.random_state);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("coef", s.coef);
    f("intercept", s.intercept);
    f("multi_target", s.multi_target);
    f("n_iter", s.n_iter);
    f("solver", s.solver);
  }
  /// Throws ValueError when a loaded state's sizes disagree.
  static void check_fitted(const Fitted& s);
  using EstimatorBase::EstimatorBase;
  using EstimatorBase::fit;

  /// Multi-target fit: Y is n_samples x n_targets (a matrix expression; a
  /// vector picks the 1-D fit). coef() gets one row per target.
  template <class D>
  requires(D::ColsAtCompileTime == Eigen::Dynamic) Ridge& fit(const MatrixView& X, const Eigen::MatrixBase<D>& Y,
                                                              const VectorView& sample_weight = Vector()) {
    fit_dense_targets(X, Y, sample_weight);
    return *this;
  }
  /// Sparse X, 1-D y (solvers auto / sparse_cg / lsqr / lbfgs, and cholesky
  /// without fit_intercept). CSC input is converted to CSR once.
  Ridge& fit(const CsrMatrix& X, const VectorView& y, const VectorView& sample_weight = Vector());
  /// Sparse X, multi-target Y.
  template <class D>
  requires(D::ColsAtCompileTime == Eigen::Dynamic) Ridge& fit(const CsrMatrix& X, const Eigen::MatrixBase<D>& Y,
                                                              const VectorView& sample_weight = Vector()) {
    fit_sparse_targets(X, Y, sample_weight);
    return *this;
  }

  [[nodiscard]] bool has(Method method) const override { return method == Method::predict || method == Method::score; }
  /// X coef' + intercept for a model fitted on a 1-D y. Throws NotFittedError
  /// before fit, ValueError for a different feature count, non-finite X or a
  /// multi-target model (use predict_targets).
  [[nodiscard]] Vector predict(const MatrixView& X) const override;
  /// The same for sparse X.
  [[nodiscard]] Vector predict(const CsrMatrix& X) const;
  /// n_samples x n_targets predictions (any fitted model).
  [[nodiscard]] Matrix predict_targets(const MatrixView& X) const;
  [[nodiscard]] Matrix predict_targets(const CsrMatrix& X) const;

  /// scikit-learn's coef_ (n_targets x n_features), intercept_, n_iter_, solver_.
  [[nodiscard]] const Matrix& coef() const { return fitted().coef; }
  [[nodiscard]] const Vector& intercept() const { return fitted().intercept; }
  [[nodiscard]] const std::vector<Index>& n_iter() const { return fitted().n_iter; }
  [[nodiscard]] const std::string& solver() const { return fitted().solver; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
  void fit_dense_targets(const MatrixView& X, const MatrixView& Y, const VectorView& sample_weight);
  void fit_sparse_targets(const CsrMatrix& X, const MatrixView& Y, const VectorView& sample_weight);
};

/// RidgeClassifier's hyper-parameters: Ridge's, and class_weight ("" for
/// None, or "balanced": class k weighs n_samples / (n_classes n_k), computed
/// on the labels as scikit-learn's compute_sample_weight; it multiplies
/// sample_weight).
struct RidgeClassifierParams {
  double alpha = 1.0;
  bool fit_intercept = true;
  std::optional<int> max_iter{};
  double tol = 1e-4;
  std::string class_weight{};
  RidgeSolver solver = RidgeSolver::automatic;
  bool positive = false;
  std::optional<std::uint64_t> random_state{};
};

/// RidgeClassifier's learned state.
struct RidgeClassifierFitted {
  Index n_features_in = 0;
  /// The sorted labels.
  Vector classes;
  /// 1 x n_features for two classes (positive: classes[1]), else n_classes x n_features.
  Matrix coef;
  Vector intercept;
  std::vector<Index> n_iter;
  std::string solver;
};

/// Classifier using ridge regression: the labels become targets in {-1, 1}
/// (one column, +1 for classes[1], with two classes; one column per class
/// otherwise, +1 in the sample's class) and Ridge fits them. predict takes
/// the sign (two classes) or the largest decision value (the first on ties).
///
/// Throws ValueError (fit): fewer than 2 classes, non-integer labels, a
/// class_weight other than "" / "balanced", and Ridge's errors.
///
/// \code
///   RidgeClassifier clf({.alpha = 2.0});
///   Vector labels = clf.fit(X, y).predict(X_test);
/// \endcode
class RidgeClassifier final
    : public EstimatorBase<RidgeClassifier, Classifier, RidgeClassifierParams, RidgeClassifierFitted> {
 public:
  static constexpr std::string_view class_name = "RidgeClassifier";
  static constexpr bool checks_X_in_learn = true;  // in the first pass of fit_ridge
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("alpha", p.alpha);
    f("fit_intercept", p.fit_intercept);
    f("max_iter", p.max_iter);
    f("tol", p.tol);
    f("class_weight", p.class_weight);
    f("solver", p.solver);
    f("positive", p.positive);
    f("random_state", p.random_state);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("classes", s.classes);
    f("coef", s.coef);
    f("intercept", s.intercept);
    f("n_iter", s.n_iter);
    f("solver", s.solver);
  }
  static void check_fitted(const Fitted& s);
  using Classifier::predict;
  using EstimatorBase::EstimatorBase;
  using EstimatorBase::fit;

  /// Sparse X (as Ridge).
  RidgeClassifier& fit(const CsrMatrix& X, const VectorView& y, const VectorView& sample_weight = Vector());

  [[nodiscard]] bool has(Method method) const override {
    return method == Method::predict || method == Method::decision_function || method == Method::score;
  }
  /// The predicted labels.
  [[nodiscard]] Vector predict(const MatrixView& X) const override;
  /// The same on sparse X (CSR).
  [[nodiscard]] Vector predict(const CsrMatrix& X) const;
  /// X coef' + intercept: n_samples x 1 (two classes) or n_samples x n_classes.
  [[nodiscard]] Matrix decision_function(const MatrixView& X) const override;
  /// The same on sparse X (CSR).
  [[nodiscard]] Matrix decision_function(const CsrMatrix& X) const;
  [[nodiscard]] Vector classes() const override { return fitted().classes; }

  /// scikit-learn's coef_, intercept_, solver_ (NotFittedError before fit).
  [[nodiscard]] const Matrix& coef() const { return fitted().coef; }
  [[nodiscard]] const Vector& intercept() const { return fitted().intercept; }
  [[nodiscard]] const std::string& solver() const { return fitted().solver; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
