#pragma once
/// \file
/// QuantileRegressor: linear quantile regression with an L1 penalty, as
/// sklearn.linear_model.QuantileRegressor (1.9).

#include <array>
#include <scilearn/learn/base/estimator_base.hpp>
#include <scilearn/learn/sparse_input.hpp>
#include <utility>

namespace scilearn::learn {

/// The linear-programming method: scikit-learn's "highs" (default),
/// "highs-ds" and "highs-ipm" run optimize::linprog's dual simplex, dual
/// simplex and barrier (with crossover); "interior-point" and "revised
/// simplex" left SciPy in 1.11 and are rejected, as scikit-learn does.
enum class QuantileSolver { highs, highs_ds, highs_ipm, interior_point, revised_simplex };

constexpr auto param_names(QuantileSolver) {
  return std::array{std::pair{QuantileSolver::highs, "highs"}, std::pair{QuantileSolver::highs_ds, "highs-ds"},
                    std::pair{QuantileSolver::highs_ipm, "highs-ipm"},
                    std::pair{QuantileSolver::interior_point, "interior-point"},
                    std::pair{QuantileSolver::revised_simplex, "revised simplex"}};
}

/// QuantileRegressor's hyper-parameters (scikit-learn's names and defaults;
/// `solver_options`, a dict of HiGHS options, has no counterpart).
struct QuantileRegressorParams {
  /// The quantile to predict, in (0, 1).
  double quantile = 0.5;
  /// L1 penalty strength (>= 0), on the mean pinball loss's scale.
  double alpha = 1.0;
  /// Fit an (unpenalized) intercept.
  bool fit_intercept = true;
  QuantileSolver solver = QuantileSolver::highs;
};

/// QuantileRegressor's learned state.
struct QuantileRegressorFitted {
  Index n_features_in = 0;
  Vector coef;
  double intercept = 0;
  /// The LP solver's iterations.
  Index n_iter = 0;
};

/// Minimizes (1 / S) sum_i s_i pinball_q(y_i - x_i . coef - intercept) + alpha ||coef||_1,
/// pinball_q(r) = q max(r, 0) + (1 - q) max(-r, 0), s_i the sample weights
/// and S their sum, as the linear program scikit-learn builds: with
/// coef = a - b, intercept = a0 - b0 and residual = u - v, all of them >= 0,
///
///   min  S alpha 1'(a + b) + sum_i s_i (q u_i + (1 - q) v_i)
///   s.t. [1 X] (a0, a) - [1 X] (b0, b) + u - v = y,
///
/// solved by optimize::linprog (rows of weight 0 dropped first, as
/// scikit-learn does). The optimal objective is unique; the coefficients are
/// a vertex of the optimal face and may differ from scikit-learn's (HiGHS)
/// where that face is not a point. When the LP does not succeed a
/// ConvergenceWarning names its status and the last iterate is kept.
///
/// Throws ValueError (fit): quantile outside (0, 1), alpha < 0 or not
/// finite, solver "interior-point" or "revised simplex", all weights 0.
///
/// Complexity: a simplex on n equality rows and 2 (p + 1) + 2 n columns with
/// n (p + 3) non-zeros: typically O(n) pivots, each sparse.
///
/// \code
///   QuantileRegressor q90({.quantile = 0.9, .alpha = 0.0});
///   Vector upper = q90.fit(X, y).predict(X_test);
/// \endcode
class QuantileRegressor final
    : public EstimatorBase<QuantileRegressor, Regressor, QuantileRegressorParams, QuantileRegressorFitted> {
 public:
  static constexpr std::string_view class_name = "QuantileRegressor";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("quantile", p.quantile);
    f("alpha", p.alpha);
    f("fit_intercept", p.fit_intercept);
    f("solver", p.solver);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("coef", s.coef);
    f("intercept", s.intercept);
    f("n_iter", s.n_iter);
  }
  /// Throws ValueError when a loaded state's sizes disagree.
  static void check_fitted(const Fitted& s) {
    if (s.coef.size() != s.n_features_in) throw ValueError("coef and n_features_in disagree");
  }
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override { return method == Method::predict || method == Method::score; }
  /// X coef + intercept. Throws NotFittedError before fit, ValueError for a
  /// different feature count or non-finite X.
  [[nodiscard]] Vector predict(const MatrixView& X) const override;

  using EstimatorBase::fit;
  /// Learns from sparse X (CSR; CSC converts once, implicitly): the same LP,
  /// built from X's stored entries, as scikit-learn on scipy.sparse input.
  QuantileRegressor& fit(const CsrMatrix& X, const VectorView& y, const VectorView& sample_weight = Vector());
  /// predict on sparse X.
  [[nodiscard]] Vector predict(const CsrMatrix& X) const;

  /// scikit-learn's coef_, intercept_, n_iter_.
  [[nodiscard]] const Vector& coef() const { return fitted().coef; }
  [[nodiscard]] double intercept() const { return fitted().intercept; }
  [[nodiscard]] Index n_iter() const { return fitted().n_iter; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
