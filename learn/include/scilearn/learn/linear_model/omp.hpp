#pragma once
/// \file
/// Orthogonal matching pursuit: orthogonal_mp, orthogonal_mp_gram and
/// OrthogonalMatchingPursuit, as in sklearn.linear_model.

#include <optional>
#include <scilearn/learn/base/estimator_base.hpp>
#include <scilearn/learn/linear_model/gram_precompute.hpp>
#include <vector>

namespace scilearn::learn {

/// Options of orthogonal_mp / orthogonal_mp_gram, scikit-learn's names and defaults.
struct OrthogonalMpOptions {
  /// Atoms to select (1 <= k <= n_features); None: max(n_features / 10, 1).
  /// Ignored when tol is set.
  std::optional<Index> n_nonzero_coefs{};
  /// Stop when the squared residual norm is at most tol (>= 0).
  std::optional<double> tol{};
  /// orthogonal_mp: work on the Gram matrix (true, false or "auto": n_samples > n_features).
  GramPrecompute precompute = false;
};

/// What orthogonal_mp returns: the coefficients (zero off the selected atoms)
/// and the number of atoms selected (scikit-learn's n_iter).
struct OrthogonalMpResult {
  Vector coef;
  Index n_iter = 0;
};

/// Orthogonal matching pursuit (Mallat and Zhang 1993; Rubinstein, Zibulevsky
/// and Elad 2008, the Cholesky-update variant scikit-learn implements): picks
/// the column most correlated with the residual, then refits y on all picked
/// columns by an updated Cholesky factor of their Gram matrix. X and y are
/// used as given (no centering).
///
/// Stops after n_nonzero_coefs atoms, or when the squared residual norm is
/// at most tol, or (RuntimeWarning, "ended prematurely") when the next atom is
/// already selected, its correlation squared is below eps, or it is linearly
/// dependent on the selected ones.
/// Throws ValueError: n_nonzero_coefs outside [1, n_features], tol < 0,
/// non-finite or empty input, size mismatch.
/// Complexity: O(n p) per atom without the Gram matrix (O(p k) with it) plus O(k^2).
[[nodiscard]] OrthogonalMpResult orthogonal_mp(const MatrixView& X, const VectorView& y,
                                               const OrthogonalMpOptions& options = {});

/// OMP from Gram = X'X and Xy = X'y alone; `norms_squared` (||y||^2) is
/// needed with tol. Default n_nonzero_coefs: n_features / 10 (at least 1 is
/// required, as in scikit-learn).
[[nodiscard]] OrthogonalMpResult orthogonal_mp_gram(const MatrixView& Gram, const VectorView& Xy,
                                                    const OrthogonalMpOptions& options = {},
                                                    std::optional<double> norms_squared = std::nullopt);

/// OrthogonalMatchingPursuit's hyper-parameters, scikit-learn's names and defaults.
struct OrthogonalMatchingPursuitParams {
  /// None: max(n_features / 10, 1) (when tol is None too).
  std::optional<Index> n_nonzero_coefs{};
  /// The squared residual norm to reach; overrides n_nonzero_coefs.
  std::optional<double> tol{};
  bool fit_intercept = true;
  GramPrecompute precompute{};
};

struct OrthogonalMatchingPursuitFitted {
  Index n_features_in = 0;
  Vector coef;
  double intercept = 0;
  Index n_iter = 0;
  /// The atom count used; -1 when tol decided (scikit-learn's None).
  Index n_nonzero_coefs = -1;
  /// Fitted on a matrix Y (n_samples x n_targets): the fields below in place
  /// of coef, intercept and n_iter (then empty).
  bool multi_target = false;
  Matrix coef_targets;  ///< n_targets x n_features (scikit-learn's 2-D coef_)
  Vector intercept_targets;
  std::vector<Index> n_iter_targets;
};

/// Orthogonal matching pursuit model on the centered data (the Gram matrix of
/// the centered X when precompute resolves to true). fit takes no sample_weight.
class OrthogonalMatchingPursuit final
    : public EstimatorBase<OrthogonalMatchingPursuit, Regressor, OrthogonalMatchingPursuitParams,
                           OrthogonalMatchingPursuitFitted> {
 public:
  static constexpr std::string_view class_name = "OrthogonalMatchingPursuit";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("n_nonzero_coefs", p.n_nonzero_coefs);
    f("tol", p.tol);
    f("fit_intercept", p.fit_intercept);
    f("precompute", p.precompute);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("coef", s.coef);
    f("intercept", s.intercept);
    f("n_iter", s.n_iter);
    f("n_nonzero_coefs", s.n_nonzero_coefs);
    f("multi_target", s.multi_target);
    f("coef_targets", s.coef_targets);
    f("intercept_targets", s.intercept_targets);
    f("n_iter_targets", s.n_iter_targets);
  }
  static void check_fitted(const Fitted& s);
  using EstimatorBase::EstimatorBase;
  using EstimatorBase::fit;

  /// Multi-target fit: Y is n_samples x n_targets (a matrix; a vector picks
  /// the 1-D fit); each target gets its own atoms.
  template <class D>
  requires(D::ColsAtCompileTime == Eigen::Dynamic) OrthogonalMatchingPursuit& fit(const MatrixView& X,
                                                                                  const Eigen::MatrixBase<D>& Y) {
    fit_targets(X, Y);
    return *this;
  }

  [[nodiscard]] bool has(Method method) const override { return method == Method::predict || method == Method::score; }
  /// X coef + intercept (1-D fits; ValueError for a multi-target model: use predict_targets).
  [[nodiscard]] Vector predict(const MatrixView& X) const override;
  /// n_samples x n_targets predictions (any fitted model).
  [[nodiscard]] Matrix predict_targets(const MatrixView& X) const;

  /// The multi-target state.
  [[nodiscard]] const Matrix& coef_targets() const { return fitted().coef_targets; }
  [[nodiscard]] const Vector& intercept_targets() const { return fitted().intercept_targets; }
  [[nodiscard]] const std::vector<Index>& n_iter_targets() const { return fitted().n_iter_targets; }

  /// scikit-learn's coef_, intercept_, n_iter_, n_nonzero_coefs_ (-1 for None).
  [[nodiscard]] const Vector& coef() const { return fitted().coef; }
  [[nodiscard]] double intercept() const { return fitted().intercept; }
  [[nodiscard]] Index n_iter() const { return fitted().n_iter; }
  [[nodiscard]] Index n_nonzero_coefs() const { return fitted().n_nonzero_coefs; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
  void fit_targets(const MatrixView& X, const MatrixView& Y);
};

}  // namespace scilearn::learn
