#pragma once
/// \file
/// TheilSenRegressor: the Theil-Sen estimator, as sklearn.linear_model.TheilSenRegressor (1.9).

#include <cstdint>
#include <optional>
#include <scilearn/learn/base/estimator_base.hpp>

namespace scilearn::learn {

/// TheilSenRegressor's hyper-parameters: scikit-learn's names and defaults.
struct TheilSenRegressorParams {
  /// Fit an intercept (a column of ones joins X in every least-squares fit).
  bool fit_intercept = true;
  /// The most subsets to use (>= 1): when C(n_samples, n_subsamples) is
  /// larger, that many random subsets are drawn; otherwise all subsets.
  double max_subpopulation = 1e4;
  /// Rows per subset; none: n_features + 1 with fit_intercept, n_features
  /// without (at most n_samples). Must lie between that and n_samples, or
  /// equal n_samples when n_samples < n_features.
  std::optional<Index> n_subsamples{};
  /// Iteration limit of the spatial median (>= 0).
  int max_iter = 300;
  /// The spatial median stops when a step moves it by less than tol (>= 0).
  double tol = 1e-3;
  /// Seed of the random subsets (used only when they are not all enumerated).
  std::optional<std::uint64_t> random_state{};
  /// Threads for the subsets' least-squares fits (none or -1: all); the
  /// result does not depend on it.
  std::optional<int> n_jobs{};
  /// Accepted for compatibility; nothing is printed.
  bool verbose = false;
};

/// TheilSenRegressor's learned state.
struct TheilSenRegressorFitted {
  Index n_features_in = 0;
  Vector coef;
  double intercept = 0;
  /// The approximate breakdown point: the fraction of outliers tolerated.
  double breakdown = 0;
  /// The spatial median's iterations (scikit-learn's count: the 0-based
  /// index of the last iteration).
  Index n_iter = 0;
  /// The number of subsets used.
  Index n_subpopulation = 0;
};

/// The Theil-Sen estimator, generalized to several features (Dang et al.
/// 2008): the least-squares solution of every subset of n_subsamples rows
/// (LAPACK-style minimum-norm solution by a complete orthogonal
/// decomposition), then their spatial (L1) median by the modified Weiszfeld
/// iteration (Vardi & Zhang 2000), started at their mean, as scikit-learn.
///
/// With C(n_samples, n_subsamples) <= max_subpopulation every subset is used,
/// in lexicographic order, and the result equals scikit-learn's to rounding.
/// Otherwise max_subpopulation random subsets are drawn from our own
/// generator: the result is reproducible for a seed but differs from
/// scikit-learn's draw. With one column (one feature and no intercept) the
/// spatial median is the median.
///
/// fit takes no sample_weight (scikit-learn's has none): ValueError.
/// Throws ValueError (fit): n_subsamples outside the range above,
/// max_subpopulation < 1, max_iter < 0, tol < 0. Warns (convergence) when
/// the spatial median stops at max_iter.
///
/// Complexity: O(n_subpopulation n_subsamples n_dim^2) for the fits (run in
/// parallel), O(max_iter n_subpopulation n_dim) for the median.
///
/// \code
///   TheilSenRegressor ts({.random_state = 0});
///   Vector yhat = ts.fit(X, y).predict(X_test);
/// \endcode
class TheilSenRegressor final
    : public EstimatorBase<TheilSenRegressor, Regressor, TheilSenRegressorParams, TheilSenRegressorFitted> {
 public:
  static constexpr std::string_view class_name = "TheilSenRegressor";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("fit_intercept", p.fit_intercept);
    f("max_subpopulation", p.max_subpopulation);
    f("n_subsamples", p.n_subsamples);
    f("max_iter", p.max_iter);
    f("tol", p.tol);
    f("random_state", p.random_state);
    f("n_jobs", p.n_jobs);
    f("verbose", p.verbose);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("coef", s.coef);
    f("intercept", s.intercept);
    f("breakdown", s.breakdown);
    f("n_iter", s.n_iter);
    f("n_subpopulation", s.n_subpopulation);
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

  /// scikit-learn's coef_, intercept_, breakdown_, n_iter_, n_subpopulation_.
  [[nodiscard]] const Vector& coef() const { return fitted().coef; }
  [[nodiscard]] double intercept() const { return fitted().intercept; }
  [[nodiscard]] double breakdown() const { return fitted().breakdown; }
  [[nodiscard]] Index n_iter() const { return fitted().n_iter; }
  [[nodiscard]] Index n_subpopulation() const { return fitted().n_subpopulation; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
