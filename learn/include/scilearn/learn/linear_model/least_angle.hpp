#pragma once
/// \file
/// Least angle regression: lars_path, Lars, LassoLars and LassoLarsIC, as
/// sklearn.linear_model's functions and classes of those names.

#include <cstdint>
#include <limits>
#include <optional>
#include <scilearn/learn/base/estimator_base.hpp>
#include <scilearn/learn/linear_model/gram_precompute.hpp>
#include <vector>

namespace scilearn::learn {

/// lars_path's `method`: plain LARS, or its lasso modification (a variable
/// leaves the active set when its coefficient crosses zero).
enum class LarsMethod { lar, lasso };
constexpr auto param_names(LarsMethod) {
  return std::array{std::pair{LarsMethod::lar, "lar"}, std::pair{LarsMethod::lasso, "lasso"}};
}

/// Options of lars_path, scikit-learn's names and defaults.
struct LarsPathOptions {
  LarsMethod method = LarsMethod::lar;
  /// Steps at most (>= 0).
  Index max_iter = 500;
  /// Stop at this alpha (the regularization of the lasso), >= 0; the last
  /// coefficients are interpolated to it.
  double alpha_min = 0;
  /// Smallest Cholesky pivot accepted (regularizes ill-conditioned systems), > 0.
  double eps = std::numeric_limits<double>::epsilon();
  /// Coefficients >= 0 (method lasso only).
  bool positive = false;
};

/// What lars_path returns: scikit-learn's (alphas, active, coefs, n_iter).
struct LarsPathResult {
  /// Largest |correlation| / n_samples at each step, n_iter + 1 entries, decreasing.
  Vector alphas;
  /// The active variables at the end, in the order they entered.
  std::vector<Index> active;
  /// Coefficients along the path, n_features x (n_iter + 1).
  Matrix coefs;
  Index n_iter = 0;
};

/// The LARS (Efron, Hastie, Johnstone and Tibshirani 2004) or lasso-LARS path
/// of min (1 / (2 n)) ||y - X w||^2 + alpha ||w||_1, as scikit-learn 1.9's
/// lars_path with Gram=None: the Cholesky factor of the active set's Gram
/// matrix is updated by one row per entering variable and downdated by Givens
/// rotations when one leaves. X and y are used as given (no centering).
///
/// Warnings (core/warnings.hpp), as scikit-learn's ConvergenceWarning: a
/// degenerate regressor dropped; lasso path stopped early because alpha grew.
/// Throws ValueError: positive with method lar, max_iter < 0, alpha_min < 0,
/// eps <= 0, non-finite or empty input, size mismatch.
/// Complexity: per step O(n p) without Gram (O(p k) with it) plus O(k^2) for
/// k active variables.
[[nodiscard]] LarsPathResult lars_path(const MatrixView& X, const VectorView& y, const LarsPathOptions& options = {});

/// lars_path with a Gram matrix X'X (scikit-learn's Gram=array, or
/// Gram=True when Gram is X.transpose() * X): the steps use Gram and X'y only.
[[nodiscard]] LarsPathResult lars_path(const MatrixView& X, const VectorView& y, const MatrixView& Gram,
                                       const LarsPathOptions& options = {});

/// scikit-learn's lars_path_gram: the path from Xy = X'y, Gram = X'X and the
/// sample count alone.
[[nodiscard]] LarsPathResult lars_path_gram(const VectorView& Xy, const MatrixView& Gram, Index n_samples,
                                            const LarsPathOptions& options = {});

/// The learned state of Lars, LassoLars and LassoLarsIC.
struct LarsFitted {
  Index n_features_in = 0;
  Vector coef;
  double intercept = 0;
  /// The path's alphas (fit_path), or the final alpha alone.
  Vector alphas;
  /// The active variables at the end of the path (empty without fit_path).
  std::vector<Index> active;
  /// n_features x n_alphas (empty without fit_path).
  Matrix coef_path;
  Index n_iter = 0;
  /// LassoLarsIC only: the chosen alpha, the criterion along the path, the noise variance.
  double alpha = 0;
  Vector criterion;
  double noise_variance = 0;
  /// Lars and LassoLars fitted on a matrix Y (n_samples x n_targets): the
  /// fields below, one entry per target, in place of the single-target ones
  /// above (then empty); scikit-learn's 2-D coef_ and lists of paths.
  bool multi_target = false;
  Matrix coef_targets;  ///< n_targets x n_features
  Vector intercept_targets;
  std::vector<Index> n_iter_targets;
  std::vector<Vector> alphas_targets;
  std::vector<std::vector<Index>> active_targets;  ///< empty without fit_path
  std::vector<Matrix> coef_path_targets;           ///< empty without fit_path
};

namespace detail {
// The multi-target fit of Lars and LassoLars (least_angle.cpp).
LarsFitted fit_lars_targets(std::string_view where, const MatrixView& X, const MatrixView& Y, bool fit_intercept,
                            const GramPrecompute& precompute, const LarsPathOptions& options, bool fit_path);
// predict_targets of a Lars-family state.
Matrix predict_lars_targets(const LarsFitted& state, const MatrixView& X);
}  // namespace detail

/// Lars's hyper-parameters, scikit-learn's names and defaults (`verbose` and
/// `copy_X` have no counterpart).
struct LarsParams {
  bool fit_intercept = true;
  /// Use the Gram matrix: true, false or "auto" (when n_samples > n_features).
  GramPrecompute precompute{};
  /// Target number of non-zero coefficients (>= 1): the path's step limit.
  Index n_nonzero_coefs = 500;
  double eps = std::numeric_limits<double>::epsilon();
  /// Keep the whole path in coef_path, alphas and active.
  bool fit_path = true;
  /// When set (>= 0): noise uniform on [0, jitter) is added to y before the
  /// fit, one draw per sample, to break ties between equally correlated
  /// features, as scikit-learn's jitter. With several target columns every
  /// column gets the same noise (scikit-learn's broadcasting fails there).
  std::optional<double> jitter{};
  /// The seed of the jitter noise; none: fresh entropy. Our Generator, not
  /// NumPy's: the noise differs from scikit-learn's for the same seed.
  std::optional<std::uint64_t> random_state{};
};

/// Least angle regression (LARS) model: lars_path with method lar on the
/// centered data, stopped after n_nonzero_coefs steps. fit takes no
/// sample_weight (ValueError).
class Lars final : public EstimatorBase<Lars, Regressor, LarsParams, LarsFitted> {
 public:
  static constexpr std::string_view class_name = "Lars";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("fit_intercept", p.fit_intercept);
    f("precompute", p.precompute);
    f("n_nonzero_coefs", p.n_nonzero_coefs);
    f("eps", p.eps);
    f("fit_path", p.fit_path);
    f("jitter", p.jitter);
    f("random_state", p.random_state);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("coef", s.coef);
    f("intercept", s.intercept);
    f("alphas", s.alphas);
    f("active", s.active);
    f("coef_path", s.coef_path);
    f("n_iter", s.n_iter);
    f("multi_target", s.multi_target);
    f("coef_targets", s.coef_targets);
    f("intercept_targets", s.intercept_targets);
    f("n_iter_targets", s.n_iter_targets);
    f("alphas_targets", s.alphas_targets);
    f("active_targets", s.active_targets);
    f("coef_path_targets", s.coef_path_targets);
  }
  static void check_fitted(const Fitted& s);
  using EstimatorBase::EstimatorBase;
  using EstimatorBase::fit;

  /// Multi-target fit: Y is n_samples x n_targets (a matrix; a vector picks
  /// the 1-D fit). With precompute "auto" the Gram matrix is used whenever Y
  /// has several columns, as in scikit-learn.
  template <class D>
  requires(D::ColsAtCompileTime == Eigen::Dynamic) Lars& fit(const MatrixView& X, const Eigen::MatrixBase<D>& Y) {
    fit_targets(X, Y);
    return *this;
  }

  [[nodiscard]] bool has(Method method) const override { return method == Method::predict || method == Method::score; }
  /// X coef + intercept (a model fitted on a 1-D y; ValueError for a
  /// multi-target one: use predict_targets).
  [[nodiscard]] Vector predict(const MatrixView& X) const override;
  /// n_samples x n_targets predictions (any fitted model).
  [[nodiscard]] Matrix predict_targets(const MatrixView& X) const {
    return detail::predict_lars_targets(check_input("predict", X), X);
  }

  /// Multi-target state (fit with a matrix Y): coef_targets() is n_targets x n_features.
  [[nodiscard]] const Matrix& coef_targets() const { return fitted().coef_targets; }
  [[nodiscard]] const Vector& intercept_targets() const { return fitted().intercept_targets; }
  [[nodiscard]] const std::vector<Index>& n_iter_targets() const { return fitted().n_iter_targets; }
  [[nodiscard]] const std::vector<Vector>& alphas_targets() const { return fitted().alphas_targets; }
  [[nodiscard]] const std::vector<std::vector<Index>>& active_targets() const { return fitted().active_targets; }
  [[nodiscard]] const std::vector<Matrix>& coef_path_targets() const { return fitted().coef_path_targets; }

  /// scikit-learn's coef_, intercept_, alphas_, active_, coef_path_, n_iter_.
  [[nodiscard]] const Vector& coef() const { return fitted().coef; }
  [[nodiscard]] double intercept() const { return fitted().intercept; }
  [[nodiscard]] const Vector& alphas() const { return fitted().alphas; }
  [[nodiscard]] const std::vector<Index>& active() const { return fitted().active; }
  [[nodiscard]] const Matrix& coef_path() const { return fitted().coef_path; }
  [[nodiscard]] Index n_iter() const { return fitted().n_iter; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
  void fit_targets(const MatrixView& X, const MatrixView& Y);
};

/// LassoLars's hyper-parameters, scikit-learn's names and defaults.
struct LassoLarsParams {
  /// The lasso's regularization (>= 0): the path stops at alpha.
  double alpha = 1.0;
  bool fit_intercept = true;
  GramPrecompute precompute{};
  Index max_iter = 500;
  double eps = std::numeric_limits<double>::epsilon();
  bool fit_path = true;
  bool positive = false;
  /// As Lars's: uniform noise on [0, jitter) added to y before the fit.
  std::optional<double> jitter{};
  /// The seed of the jitter noise; none: fresh entropy.
  std::optional<std::uint64_t> random_state{};
};

/// The lasso min (1 / (2 n)) ||y - X w - b||^2 + alpha ||w||_1 fitted by
/// LARS (lars_path with method lasso, stopped at alpha). fit takes no sample_weight.
class LassoLars final : public EstimatorBase<LassoLars, Regressor, LassoLarsParams, LarsFitted> {
 public:
  static constexpr std::string_view class_name = "LassoLars";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("alpha", p.alpha);
    f("fit_intercept", p.fit_intercept);
    f("precompute", p.precompute);
    f("max_iter", p.max_iter);
    f("eps", p.eps);
    f("fit_path", p.fit_path);
    f("positive", p.positive);
    f("jitter", p.jitter);
    f("random_state", p.random_state);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    Lars::visit_fitted(s, f);
  }
  static void check_fitted(const Fitted& s) { Lars::check_fitted(s); }
  using EstimatorBase::EstimatorBase;
  using EstimatorBase::fit;

  /// Multi-target fit, as Lars's.
  template <class D>
  requires(D::ColsAtCompileTime == Eigen::Dynamic) LassoLars& fit(const MatrixView& X, const Eigen::MatrixBase<D>& Y) {
    fit_targets(X, Y);
    return *this;
  }

  [[nodiscard]] bool has(Method method) const override { return method == Method::predict || method == Method::score; }
  [[nodiscard]] Vector predict(const MatrixView& X) const override;
  [[nodiscard]] Matrix predict_targets(const MatrixView& X) const {
    return detail::predict_lars_targets(check_input("predict", X), X);
  }
  /// After a multi-target fit(X, Y): scikit-learn's 2-D coef_ (n_targets x
  /// n_features) and intercept_, and per target its n_iter_, alphas_,
  /// active_ and coef_path_ (NotFittedError before fit).
  [[nodiscard]] const Matrix& coef_targets() const { return fitted().coef_targets; }
  [[nodiscard]] const Vector& intercept_targets() const { return fitted().intercept_targets; }
  [[nodiscard]] const std::vector<Index>& n_iter_targets() const { return fitted().n_iter_targets; }
  [[nodiscard]] const std::vector<Vector>& alphas_targets() const { return fitted().alphas_targets; }
  [[nodiscard]] const std::vector<std::vector<Index>>& active_targets() const { return fitted().active_targets; }
  [[nodiscard]] const std::vector<Matrix>& coef_path_targets() const { return fitted().coef_path_targets; }

  /// scikit-learn's coef_, intercept_, alphas_, active_, coef_path_, n_iter_ (NotFittedError before fit).
  [[nodiscard]] const Vector& coef() const { return fitted().coef; }
  [[nodiscard]] double intercept() const { return fitted().intercept; }
  [[nodiscard]] const Vector& alphas() const { return fitted().alphas; }
  [[nodiscard]] const std::vector<Index>& active() const { return fitted().active; }
  [[nodiscard]] const Matrix& coef_path() const { return fitted().coef_path; }
  [[nodiscard]] Index n_iter() const { return fitted().n_iter; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
  void fit_targets(const MatrixView& X, const MatrixView& Y);
};

/// LassoLarsIC's information criterion.
enum class InformationCriterion { aic, bic };
constexpr auto param_names(InformationCriterion) {
  return std::array{std::pair{InformationCriterion::aic, "aic"}, std::pair{InformationCriterion::bic, "bic"}};
}

/// LassoLarsIC's hyper-parameters, scikit-learn's names and defaults.
struct LassoLarsICParams {
  InformationCriterion criterion = InformationCriterion::aic;
  bool fit_intercept = true;
  GramPrecompute precompute{};
  Index max_iter = 500;
  double eps = std::numeric_limits<double>::epsilon();
  bool positive = false;
  /// The noise variance sigma^2; None: estimated by an unpenalized least
  /// squares fit, RSS / (n - p - fit_intercept) (needs n > p + fit_intercept).
  std::optional<double> noise_variance{};
};

/// The lasso with alpha chosen on the LARS path by AIC or BIC (Zou, Hastie
/// and Tibshirani 2007): criterion = n log(2 pi sigma^2) + RSS / sigma^2 +
/// k df, with k = 2 (aic) or log n (bic) and df the non-zero coefficients.
/// fit takes no sample_weight.
class LassoLarsIC final : public EstimatorBase<LassoLarsIC, Regressor, LassoLarsICParams, LarsFitted> {
 public:
  static constexpr std::string_view class_name = "LassoLarsIC";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("criterion", p.criterion);
    f("fit_intercept", p.fit_intercept);
    f("precompute", p.precompute);
    f("max_iter", p.max_iter);
    f("eps", p.eps);
    f("positive", p.positive);
    f("noise_variance", p.noise_variance);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("coef", s.coef);
    f("intercept", s.intercept);
    f("alphas", s.alphas);
    f("n_iter", s.n_iter);
    f("alpha", s.alpha);
    f("criterion", s.criterion);
    f("noise_variance", s.noise_variance);
  }
  static void check_fitted(const Fitted& s);
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override { return method == Method::predict || method == Method::score; }
  [[nodiscard]] Vector predict(const MatrixView& X) const override;

  /// scikit-learn's coef_, intercept_, alpha_, alphas_, criterion_, noise_variance_, n_iter_.
  [[nodiscard]] const Vector& coef() const { return fitted().coef; }
  [[nodiscard]] double intercept() const { return fitted().intercept; }
  [[nodiscard]] double alpha() const { return fitted().alpha; }
  [[nodiscard]] const Vector& alphas() const { return fitted().alphas; }
  [[nodiscard]] const Vector& criterion() const { return fitted().criterion; }
  [[nodiscard]] double noise_variance() const { return fitted().noise_variance; }
  [[nodiscard]] Index n_iter() const { return fitted().n_iter; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
