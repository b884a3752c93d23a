#pragma once
/// \file
/// Generalized linear models with a Tweedie distribution: PoissonRegressor,
/// GammaRegressor and TweedieRegressor, as sklearn.linear_model's (1.9).
///
/// All three minimize scikit-learn's objective
///
///   (1 / S) sum_i s_i d(y_i, h(x_i . coef + intercept)) / 2 + alpha / 2 ||coef||^2,
///
/// d the unit deviance of the Tweedie distribution with the given power
/// (1: Poisson, 2: Gamma), h the inverse link (exp for the log link), s_i the
/// sample weights and S their sum; the intercept is not penalized. Terms that
/// do not depend on the coefficients are dropped from the objective, exactly
/// as scikit-learn's half-deviance losses drop them, so that the stopping
/// tests see the same values.
///
/// Solvers:
/// - "lbfgs" (default): optimize's L-BFGS-B with scikit-learn's options
///   (maxiter = max_iter, maxls = 50, gtol = tol, ftol = 64 eps);
/// - "newton-cholesky": Newton steps with the full Hessian (p + 1 square) and
///   a backtracking Armijo line search, as scikit-learn's
///   NewtonCholeskySolver: it stops when the largest gradient entry and half
///   the Newton decrement are both <= tol, and hands the remaining
///   iterations to lbfgs when the Hessian is singular, when more than a
///   quarter of the pointwise Hessian (non-canonical links) is <= 0, or when
///   the line search fails.
/// Both start from zero coefficients and the intercept link(mean of y) (or
/// from the previous fit with warm_start), and warn
/// (WarningCategory::convergence) when they stop at max_iter.
///
/// score() is D^2, the fraction of deviance explained:
/// 1 - sum s_i d(y_i, mu_i) / sum s_i d(y_i, ybar), ybar the weighted mean of y.
///
/// Complexity: per objective evaluation two passes over X (GEMV), O(n p);
/// newton-cholesky also O(n p^2) per iteration for the Hessian and O(p^3)
/// for its factorization.
///
/// \code
///   PoissonRegressor model({.alpha = 0.1});
///   model.fit(X, counts);
///   Vector rate = model.predict(X_test);       // exp(X_test coef + intercept)
///   double d2 = model.score(X_test, counts_test);
/// \endcode

#include <array>
#include <scilearn/learn/base/estimator_base.hpp>
#include <scilearn/learn/sparse_input.hpp>
#include <utility>

namespace scilearn::learn {

/// The GLM solver: scikit-learn's "lbfgs" (default) and "newton-cholesky".
enum class GLMSolver { lbfgs, newton_cholesky };

constexpr auto param_names(GLMSolver) {
  return std::array{std::pair{GLMSolver::lbfgs, "lbfgs"}, std::pair{GLMSolver::newton_cholesky, "newton-cholesky"}};
}

/// TweedieRegressor's link: "auto" (identity for power <= 0, log otherwise),
/// "identity" or "log".
enum class GLMLink { automatic, identity, log };

constexpr auto param_names(GLMLink) {
  return std::array{std::pair{GLMLink::automatic, "auto"}, std::pair{GLMLink::identity, "identity"},
                    std::pair{GLMLink::log, "log"}};
}

/// PoissonRegressor's and GammaRegressor's hyper-parameters (scikit-learn's
/// names and defaults).
struct GLMParams {
  /// L2 penalty strength (>= 0); 0: no penalty.
  double alpha = 1.0;
  /// Fit an (unpenalized) intercept.
  bool fit_intercept = true;
  GLMSolver solver = GLMSolver::lbfgs;
  /// Iteration limit (>= 1).
  int max_iter = 100;
  /// Stopping tolerance (> 0), see the solvers above.
  double tol = 1e-4;
  /// Start from the previous fit's coefficients.
  bool warm_start = false;
  /// Accepted for compatibility; nothing is printed.
  int verbose = 0;
};

/// TweedieRegressor's hyper-parameters (scikit-learn's names and defaults).
struct TweedieRegressorParams {
  /// The Tweedie power: 0 normal, 1 Poisson, (1, 2) compound Poisson-gamma,
  /// 2 gamma, 3 inverse Gaussian; any real number is accepted, as by
  /// scikit-learn (0 < power < 1 is no distribution but a consistent loss).
  double power = 0.0;
  double alpha = 1.0;
  bool fit_intercept = true;
  GLMLink link = GLMLink::automatic;
  GLMSolver solver = GLMSolver::lbfgs;
  int max_iter = 100;
  double tol = 1e-4;
  bool warm_start = false;
  int verbose = 0;
};

/// A fitted GLM: scikit-learn's coef_, intercept_, n_iter_.
struct GLMFitted {
  Index n_features_in = 0;
  Vector coef;
  double intercept = 0;
  /// The solver's iterations.
  Index n_iter = 0;
};

namespace detail {

/// What the three GLM classes share: the loss (power, link), fit, predict, score.
struct GLMSpec {
  std::string_view name;
  double power = 0;
  bool log_link = true;
};

/// The fitted state; ValueError for bad parameters or y outside the loss's domain.
[[nodiscard]] GLMFitted glm_fit(const GLMSpec& spec, const GLMParams& params, const MatrixView& X, const VectorView& y,
                                const VectorView* sample_weight, const GLMFitted* previous);
/// The same on sparse X, after checking X, y and sample_weight (empty: none).
[[nodiscard]] GLMFitted glm_fit(const GLMSpec& spec, const GLMParams& params, const CsrMatrix& X, const VectorView& y,
                                const VectorView& sample_weight, const GLMFitted* previous);
[[nodiscard]] Vector glm_predict(const GLMSpec& spec, const GLMFitted& state, const MatrixView& X);
[[nodiscard]] Vector glm_predict(const GLMSpec& spec, const GLMFitted& state, const CsrMatrix& X);
[[nodiscard]] double glm_score(const GLMSpec& spec, const GLMFitted& state, const MatrixView& X, const VectorView& y,
                               const VectorView& sample_weight);
[[nodiscard]] double glm_score(const GLMSpec& spec, const GLMFitted& state, const CsrMatrix& X, const VectorView& y,
                               const VectorView& sample_weight);
void glm_check_fitted(const GLMFitted& s);

}  // namespace detail

/// The shared class body of the three GLMs (CRTP over EstimatorBase).
template <class Derived, class ParamsT>
class GeneralizedLinearRegressor : public EstimatorBase<Derived, Regressor, ParamsT, GLMFitted> {
  using Base = EstimatorBase<Derived, Regressor, ParamsT, GLMFitted>;

 public:
  using Base::Base;
  using Base::fit;
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("coef", s.coef);
    f("intercept", s.intercept);
    f("n_iter", s.n_iter);
  }
  /// Throws ValueError when a loaded state's sizes disagree.
  static void check_fitted(const GLMFitted& s) { detail::glm_check_fitted(s); }

  [[nodiscard]] bool has(Method method) const override { return method == Method::predict || method == Method::score; }
  /// The predicted mean, h(X coef + intercept). Throws NotFittedError before
  /// fit, ValueError for a different feature count or non-finite X.
  [[nodiscard]] Vector predict(const MatrixView& X) const override {
    return detail::glm_predict(self().spec(), this->check_input("predict", X), X);
  }
  /// D^2 of predict(X) against y (see the file comment). Throws ValueError for
  /// y outside the loss's domain.
  [[nodiscard]] double score(const MatrixView& X, const VectorView& y,
                             const VectorView& sample_weight = Vector()) const override {
    return detail::glm_score(self().spec(), this->check_input("score", X), X, y, sample_weight);
  }

  /// Learns from sparse X (CSR; a CSC matrix converts once, implicitly), as
  /// scikit-learn on scipy.sparse input: the same objective and solvers, with
  /// sparse products (and a sparse X^T diag(h) X for newton-cholesky).
  Derived& fit(const CsrMatrix& X, const VectorView& y, const VectorView& sample_weight = Vector()) {
    const GLMParams p = self().glm_params();
    const GLMFitted* previous = p.warm_start && this->fitted_ ? &*this->fitted_ : nullptr;
    this->fitted_ = detail::glm_fit(self().spec(), p, X, y, sample_weight, previous);
    return static_cast<Derived&>(*this);
  }
  /// predict on sparse X.
  [[nodiscard]] Vector predict(const CsrMatrix& X) const {
    check_sparse_predict(Derived::class_name, "predict", X, this->fitted().n_features_in);
    return detail::glm_predict(self().spec(), this->fitted(), X);
  }
  /// score on sparse X.
  [[nodiscard]] double score(const CsrMatrix& X, const VectorView& y,
                             const VectorView& sample_weight = Vector()) const {
    check_sparse_predict(Derived::class_name, "score", X, this->fitted().n_features_in);
    return detail::glm_score(self().spec(), this->fitted(), X, y, sample_weight);
  }

  /// scikit-learn's coef_, intercept_ (0 without fit_intercept), n_iter_.
  [[nodiscard]] const Vector& coef() const { return this->fitted().coef; }
  [[nodiscard]] double intercept() const { return this->fitted().intercept; }
  [[nodiscard]] Index n_iter() const { return this->fitted().n_iter; }

 protected:
  [[nodiscard]] GLMFitted fit_glm(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const {
    if (!y) throw ValueError(cat(Derived::class_name, ".fit: y is required"));
    const GLMParams p = self().glm_params();
    const GLMFitted* previous = p.warm_start && this->fitted_ ? &*this->fitted_ : nullptr;
    return detail::glm_fit(self().spec(), p, X, *y, sample_weight, previous);
  }

 private:
  const Derived& self() const { return static_cast<const Derived&>(*this); }
};

/// Poisson regression with a log link (Tweedie power 1): counts and rates, y >= 0.
class PoissonRegressor final : public GeneralizedLinearRegressor<PoissonRegressor, GLMParams> {
 public:
  static constexpr std::string_view class_name = "PoissonRegressor";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("alpha", p.alpha);
    f("fit_intercept", p.fit_intercept);
    f("solver", p.solver);
    f("max_iter", p.max_iter);
    f("tol", p.tol);
    f("warm_start", p.warm_start);
    f("verbose", p.verbose);
  }
  using GeneralizedLinearRegressor::GeneralizedLinearRegressor;
  [[nodiscard]] detail::GLMSpec spec() const { return {class_name, 1.0, true}; }
  [[nodiscard]] GLMParams glm_params() const { return params_; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const {
    return fit_glm(X, y, sample_weight);
  }
};

/// Gamma regression with a log link (Tweedie power 2): positive, skewed y > 0.
class GammaRegressor final : public GeneralizedLinearRegressor<GammaRegressor, GLMParams> {
 public:
  static constexpr std::string_view class_name = "GammaRegressor";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    PoissonRegressor::visit_params(p, f);
  }
  using GeneralizedLinearRegressor::GeneralizedLinearRegressor;
  [[nodiscard]] detail::GLMSpec spec() const { return {class_name, 2.0, true}; }
  [[nodiscard]] GLMParams glm_params() const { return params_; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const {
    return fit_glm(X, y, sample_weight);
  }
};

/// A GLM with a Tweedie distribution of any power and an identity or log
/// link. y must be >= 0 for 0 < power < 2 and > 0 for power >= 2; with the
/// identity link and power > 0 the predictions must stay positive.
class TweedieRegressor final : public GeneralizedLinearRegressor<TweedieRegressor, TweedieRegressorParams> {
 public:
  static constexpr std::string_view class_name = "TweedieRegressor";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("power", p.power);
    f("alpha", p.alpha);
    f("fit_intercept", p.fit_intercept);
    f("link", p.link);
    f("solver", p.solver);
    f("max_iter", p.max_iter);
    f("tol", p.tol);
    f("warm_start", p.warm_start);
    f("verbose", p.verbose);
  }
  using GeneralizedLinearRegressor::GeneralizedLinearRegressor;
  [[nodiscard]] detail::GLMSpec spec() const {
    const bool log_link = params_.link == GLMLink::log || (params_.link == GLMLink::automatic && params_.power > 0);
    return {class_name, params_.power, log_link};
  }
  [[nodiscard]] GLMParams glm_params() const {
    const auto& p = params_;
    return {p.alpha, p.fit_intercept, p.solver, p.max_iter, p.tol, p.warm_start, p.verbose};
  }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const {
    return fit_glm(X, y, sample_weight);
  }
};

}  // namespace scilearn::learn
