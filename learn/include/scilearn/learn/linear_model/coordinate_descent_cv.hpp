#pragma once
/// \file
/// LassoCV and ElasticNetCV: the penalty chosen by K-fold cross-validation
/// along the regularization path, then a refit on all the data, as
/// scikit-learn 1.9's sklearn.linear_model.LassoCV and ElasticNetCV.
///
/// For each l1_ratio, the alphas (an automatic grid from the whole data, or
/// the given list sorted decreasing) are fitted on each training fold as one
/// warm-started path (centered, weighted as ElasticNet.fit does; the Gram
/// matrix when precompute is "auto" and the fold has more samples than
/// features) and scored by the (sample-weighted) mean squared error on the
/// test fold. The alpha and l1_ratio of the smallest mean over the folds win
/// (the first on ties, as numpy.argmin); the model is then refitted on all
/// samples with them (precompute "auto" becomes false for that fit, as in
/// scikit-learn).
///
/// `cv` is a number of folds: scikit-learn's KFold(cv) without shuffling
/// (splitter objects are not accepted here). With n_jobs != 1 the
/// (l1_ratio, fold) paths run on several threads, each with one BLAS thread;
/// every path is computed exactly as with one thread, so the result does not
/// depend on the thread count.

#include <scilearn/learn/linear_model/coordinate_descent.hpp>

namespace scilearn::learn {

/// LassoCV's hyper-parameters: scikit-learn's names and defaults (`copy_X`
/// and `verbose` are absent).
struct LassoCVParams {
  /// alpha_min / alpha_max of the automatic grid.
  double eps = 1e-3;
  /// A number of alphas on the automatic grid, or the alphas.
  AlphaGrid alphas = 100;
  bool fit_intercept = true;
  Precompute precompute = "auto";
  int max_iter = 1000;
  double tol = 1e-4;
  /// The number of KFold splits (>= 2).
  int cv = 5;
  /// Threads for the folds (scikit-learn's n_jobs; -1: all CPUs).
  int n_jobs = 1;
  bool positive = false;
  std::optional<std::uint64_t> random_state{};
  CdSelection selection = CdSelection::cyclic;
};

/// ElasticNetCV's hyper-parameters: LassoCV's plus the l1_ratio candidates.
struct ElasticNetCVParams {
  /// The L1 shares to try, each in [0, 1] (0 only with a given list of alphas).
  std::vector<double> l1_ratio{0.5};
  double eps = 1e-3;
  AlphaGrid alphas = 100;
  bool fit_intercept = true;
  Precompute precompute = "auto";
  int max_iter = 1000;
  double tol = 1e-4;
  int cv = 5;
  int n_jobs = 1;
  bool positive = false;
  std::optional<std::uint64_t> random_state{};
  CdSelection selection = CdSelection::cyclic;
};

/// What the CV estimators learn.
struct EnetCVFitted {
  Index n_features_in = 0;
  /// The refitted model's coef_, intercept_, dual_gap_, n_iter_.
  Vector coef;
  double intercept = 0;
  double dual_gap = 0;
  Index n_iter = 0;
  /// The chosen alpha_ and l1_ratio_.
  double alpha = 0;
  double l1_ratio = 1;
  /// The alphas tried: one row per l1_ratio (scikit-learn's alphas_; one row
  /// for LassoCV and for a given list).
  Matrix alphas;
  /// The test MSE: one n_alphas x n_folds matrix per l1_ratio (mse_path_).
  std::vector<Matrix> mse_path;
};

namespace detail {
struct EnetCVSettings {
  std::vector<double> l1_ratios;
  double eps;
  AlphaGrid alphas;
  bool fit_intercept;
  Precompute precompute;
  int max_iter;
  double tol;
  int cv;
  int n_jobs;
  bool positive;
  std::optional<std::uint64_t> random_state;
  CdSelection selection;
};
EnetCVFitted enet_cv_fit(std::string_view where, const EnetCVSettings& settings, const MatrixView& X,
                         const VectorView& y, const VectorView* sample_weight);
EnetCVFitted enet_cv_fit(std::string_view where, const EnetCVSettings& settings, const CscMatrix& X,
                         const VectorView& y, const VectorView* sample_weight);
void check_cv_state(const EnetCVFitted& s);
}  // namespace detail

/// Lasso with the alpha chosen by cross-validation (sklearn.linear_model.LassoCV).
/// Throws ValueError (fit): as Lasso, cv < 2 or more folds than samples,
/// eps <= 0, alphas < 1 or a negative alpha.
/// Complexity: n_folds paths of n_alphas warm-started fits, and one refit.
///
/// \code
///   LassoCV model({.cv = 5});
///   model.fit(X, y);
///   double chosen = model.alpha();
///   const Matrix& mse = model.mse_path();   // n_alphas x n_folds
/// \endcode
class LassoCV final : public EstimatorBase<LassoCV, Regressor, LassoCVParams, EnetCVFitted> {
 public:
  static constexpr std::string_view class_name = "LassoCV";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("eps", p.eps);
    f("alphas", p.alphas);
    f("fit_intercept", p.fit_intercept);
    f("precompute", p.precompute);
    f("max_iter", p.max_iter);
    f("tol", p.tol);
    f("cv", p.cv);
    f("n_jobs", p.n_jobs);
    f("positive", p.positive);
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
    f("alpha", s.alpha);
    f("l1_ratio", s.l1_ratio);
    f("alphas", s.alphas);
    f("mse_path", s.mse_path);
  }
  static void check_fitted(const Fitted& s) { detail::check_cv_state(s); }
  using EstimatorBase::EstimatorBase;
  using EstimatorBase::fit;
  using Regressor::predict;

  /// Fits sparse X (CSC).
  LassoCV& fit(const CscMatrix& X, const VectorView& y, const VectorView& sample_weight = Vector());

  [[nodiscard]] bool has(Method method) const override { return method == Method::predict || method == Method::score; }
  [[nodiscard]] Vector predict(const MatrixView& X) const override;
  /// The same on sparse X (CSR).
  [[nodiscard]] Vector predict(const CsrMatrix& X) const;

  /// scikit-learn's coef_, intercept_, dual_gap_, n_iter_ (NotFittedError before fit).
  [[nodiscard]] const Vector& coef() const { return fitted().coef; }
  [[nodiscard]] double intercept() const { return fitted().intercept; }
  [[nodiscard]] double dual_gap() const { return fitted().dual_gap; }
  [[nodiscard]] Index n_iter() const { return fitted().n_iter; }
  /// The chosen alpha (scikit-learn's alpha_).
  [[nodiscard]] double alpha() const { return fitted().alpha; }
  /// The alphas tried (alphas_).
  [[nodiscard]] Vector alphas() const { return fitted().alphas.row(0).transpose(); }
  /// n_alphas x n_folds test MSE (mse_path_).
  [[nodiscard]] const Matrix& mse_path() const { return fitted().mse_path.front(); }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
  [[nodiscard]] detail::EnetCVSettings settings() const;
};

/// Elastic net with alpha and l1_ratio chosen by cross-validation
/// (sklearn.linear_model.ElasticNetCV).
/// Throws ValueError (fit): as LassoCV, an empty l1_ratio list, an l1_ratio
/// outside [0, 1], or 0 with an automatic alpha grid.
///
/// \code
///   ElasticNetCV model({.l1_ratio = {0.1, 0.5, 0.9}, .cv = 3});
///   model.fit(X, y);
///   double a = model.alpha(), r = model.l1_ratio();
/// \endcode
class ElasticNetCV final : public EstimatorBase<ElasticNetCV, Regressor, ElasticNetCVParams, EnetCVFitted> {
 public:
  static constexpr std::string_view class_name = "ElasticNetCV";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("l1_ratio", p.l1_ratio);
    f("eps", p.eps);
    f("alphas", p.alphas);
    f("fit_intercept", p.fit_intercept);
    f("precompute", p.precompute);
    f("max_iter", p.max_iter);
    f("tol", p.tol);
    f("cv", p.cv);
    f("n_jobs", p.n_jobs);
    f("positive", p.positive);
    f("random_state", p.random_state);
    f("selection", p.selection);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    LassoCV::visit_fitted(s, f);
  }
  static void check_fitted(const Fitted& s) { detail::check_cv_state(s); }
  using EstimatorBase::EstimatorBase;
  using EstimatorBase::fit;
  using Regressor::predict;

  /// Fits sparse X (CSC; a CSR matrix converts once), with the checks and results of the dense fit.
  ElasticNetCV& fit(const CscMatrix& X, const VectorView& y, const VectorView& sample_weight = Vector());

  [[nodiscard]] bool has(Method method) const override { return method == Method::predict || method == Method::score; }
  [[nodiscard]] Vector predict(const MatrixView& X) const override;
  /// The same on sparse X (CSR).
  [[nodiscard]] Vector predict(const CsrMatrix& X) const;

  /// scikit-learn's coef_, intercept_, dual_gap_, n_iter_, alpha_ (NotFittedError before fit).
  [[nodiscard]] const Vector& coef() const { return fitted().coef; }
  [[nodiscard]] double intercept() const { return fitted().intercept; }
  [[nodiscard]] double dual_gap() const { return fitted().dual_gap; }
  [[nodiscard]] Index n_iter() const { return fitted().n_iter; }
  [[nodiscard]] double alpha() const { return fitted().alpha; }
  /// The chosen l1_ratio (l1_ratio_).
  [[nodiscard]] double l1_ratio() const { return fitted().l1_ratio; }
  /// n_l1_ratio x n_alphas (alphas_; one row for a given list of alphas).
  [[nodiscard]] const Matrix& alphas() const { return fitted().alphas; }
  /// Per l1_ratio, n_alphas x n_folds test MSE (mse_path_).
  [[nodiscard]] const std::vector<Matrix>& mse_path() const { return fitted().mse_path; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
  [[nodiscard]] detail::EnetCVSettings settings() const;
};

}  // namespace scilearn::learn
