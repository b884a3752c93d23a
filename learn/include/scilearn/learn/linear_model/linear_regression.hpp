#pragma once
/// \file
/// LinearRegression: ordinary least squares, as sklearn.linear_model.LinearRegression.

#include <scilearn/learn/base/estimator_base.hpp>

namespace scilearn::learn {

/// LinearRegression's hyper-parameters, scikit-learn's names and defaults
/// (`copy_X` has no C++ counterpart: inputs are never modified; `n_jobs` is
/// absent because the work is one LAPACK call, threaded by BLAS).
struct LinearRegressionParams {
  /// Fit an intercept (the data are centered first); false: through the origin.
  bool fit_intercept = true;
  /// Singular values below tol times the largest count as zero (LAPACK
  /// gelsd's rcond, as scikit-learn passes `cond=tol` to scipy.linalg.lstsq);
  /// this sets rank().
  double tol = 1e-6;
  /// Constrain the coefficients to be non-negative (scipy.optimize.nnls).
  bool positive = false;
};

/// LinearRegression's learned state.
struct LinearRegressionFitted {
  Index n_features_in = 0;
  Vector coef;
  double intercept = 0;
  /// Effective rank of the (centered, weighted) X; -1 when positive (not computed).
  Index rank = -1;
  /// Singular values of the centered, weighted X, descending; empty when positive.
  Vector singular;
};

/// Ordinary least squares: minimizes sum_i w_i (y_i - x_i . coef - intercept)^2.
///
/// X and y are centered by their (weighted) means when fit_intercept and rows
/// are scaled by sqrt(w_i), as scikit-learn does. Then:
/// - tall, well-conditioned X (n >= max(4 p, 1000), condition number <= 1e4,
///   checked on the eigenvalues of X'X): Cholesky of the normal equations,
///   accumulated in row blocks without copying X, plus one round of iterative
///   refinement on the true residual (Björck's corrected semi-normal
///   equations). The coefficients agree with the SVD solution to about
///   cond * eps; singular() comes from the eigenvalues of X'X (relative
///   accuracy ~cond^2 eps, 5e-9 at the limit);
/// - otherwise LAPACK's gelsd (SVD, minimum-norm solution when X is
///   rank-deficient at `tol`), exactly as scikit-learn;
/// - with `positive`, Lawson-Hanson NNLS.
///
/// Complexity: O(n_samples n_features^2) time; the fast path needs O(p^2 +
/// 4096 p) extra memory, gelsd a copy of X. Row chunks run in parallel with a
/// fixed summation order, so results do not depend on the thread count.
///
/// \code
///   LinearRegression model;
///   Vector yhat = model.fit(X, y).predict(X_test);
///   double r2 = model.score(X_test, y_test);
/// \endcode
class LinearRegression final
    : public EstimatorBase<LinearRegression, Regressor, LinearRegressionParams, LinearRegressionFitted> {
 public:
  static constexpr std::string_view class_name = "LinearRegression";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("fit_intercept", p.fit_intercept);
    f("tol", p.tol);
    f("positive", p.positive);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("coef", s.coef);
    f("intercept", s.intercept);
    f("rank", s.rank);
    f("singular", s.singular);
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

  /// scikit-learn's coef_, intercept_, rank_, singular_ (NotFittedError before fit).
  [[nodiscard]] const Vector& coef() const { return fitted().coef; }
  [[nodiscard]] double intercept() const { return fitted().intercept; }
  [[nodiscard]] Index rank() const { return fitted().rank; }
  [[nodiscard]] const Vector& singular() const { return fitted().singular; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
