#pragma once
/// \file
/// The graphical lasso: a sparse inverse covariance by l1-penalized maximum
/// likelihood, as sklearn.covariance.graphical_lasso and GraphicalLasso
/// (scikit-learn 1.9, mode "cd").

#include <optional>
#include <scilearn/learn/covariance/empirical_covariance.hpp>
#include <string>
#include <vector>

namespace scilearn::learn {

/// The options of graphical_lasso, with scikit-learn's names and defaults
/// (mode "cd" only; verbose is not offered).
struct GraphicalLassoOptions {
  /// Stop when the dual gap of the whole problem is below tol (> 0).
  double tol = 1e-4;
  /// The tolerance of each row's lasso (coordinate descent; > 0).
  double enet_tol = 1e-4;
  /// The most sweeps over the rows (>= 0).
  Index max_iter = 100;
  /// Added to the diagonal term of the initial lasso coefficients, times 1000
  /// (scikit-learn's eps, the machine epsilon by default; >= 0).
  double eps = 2.220446049250313e-16;
};

/// What graphical_lasso returns (scikit-learn's tuple with return_costs and
/// return_n_iter).
struct GraphicalLassoResult {
  Matrix covariance;
  Matrix precision;
  /// One row per sweep: the objective and the dual gap.
  Matrix costs;
  Index n_iter = 0;
};

/// The l1-penalized Gaussian maximum likelihood precision of an empirical
/// covariance, by Friedman, Hastie & Tibshirani's (2008) block coordinate
/// descent with a coordinate-descent lasso per row (cyclic, with gap-safe
/// screening, as scikit-learn 1.9's enet_coordinate_descent_gram), as
/// sklearn.covariance.graphical_lasso(emp_cov, alpha, mode="cd").
///
/// alpha = 0 returns emp_cov and its inverse. A sweep limit reached warns
/// (ConvergenceWarning) with the dual gap.
/// Throws ValueError: emp_cov not square or not finite, fewer than 2
/// features, alpha < 0, tol or enet_tol <= 0, max_iter < 0, eps < 0;
/// LinAlgError: "The system is too ill-conditioned for this solver" when the
/// precision stops being finite (scikit-learn's FloatingPointError).
/// Complexity: O(max_iter p^2 (p + the lasso sweeps)).
[[nodiscard]] GraphicalLassoResult graphical_lasso(const MatrixView& emp_cov, double alpha,
                                                   const GraphicalLassoOptions& options = {});

/// GraphicalLasso's hyper-parameters.
struct GraphicalLassoParams {
  /// The l1 penalty (>= 0).
  double alpha = 0.01;
  /// Only "cd" is offered (ValueError otherwise).
  std::string mode = "cd";
  /// None: X holds samples; "precomputed": X is the empirical covariance.
  std::optional<std::string> covariance{};
  double tol = 1e-4;
  double enet_tol = 1e-4;
  Index max_iter = 100;
  double eps = 2.220446049250313e-16;
  bool assume_centered = false;
};

/// GraphicalLasso's learned state: the covariance family's, plus n_iter and costs.
struct GraphicalLassoFitted : CovarianceFitted {
  Index n_iter = 0;
  Matrix costs;
};

/// Sparse inverse covariance estimation, as sklearn.covariance.GraphicalLasso.
/// fit(X) needs at least 2 samples and 2 features (scikit-learn's checks);
/// then graphical_lasso on the empirical covariance (or on X itself with
/// covariance = "precomputed", location 0).
class GraphicalLasso final : public CovarianceEstimator<GraphicalLasso, GraphicalLassoParams, GraphicalLassoFitted> {
 public:
  static constexpr std::string_view class_name = "GraphicalLasso";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("alpha", p.alpha);
    f("assume_centered", p.assume_centered);
    f("covariance", p.covariance);
    f("enet_tol", p.enet_tol);
    f("eps", p.eps);
    f("max_iter", p.max_iter);
    f("mode", p.mode);
    f("tol", p.tol);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    CovarianceEstimator::visit_fitted(s, f);
    f("n_iter", s.n_iter);
    f("costs", s.costs);
  }
  using CovarianceEstimator::CovarianceEstimator;
  /// scikit-learn's n_iter_ and costs_ (objective, dual gap per sweep).
  [[nodiscard]] Index n_iter() const { return fitted().n_iter; }
  [[nodiscard]] const Matrix& costs() const { return fitted().costs; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
