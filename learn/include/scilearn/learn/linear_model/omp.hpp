#pragma once
/// \file
/// Orthogonal matching pursuit: orthogonal_mp, orthogonal_mp_gram and
/// OrthogonalMatchingPursuit, as in sklearn.linear_model.

#include <optional>
#include <scilearn/learn/base/estimator_base.hpp>
#include <scilearn/learn/linear_model/precompute.hpp>

namespace scilearn::learn {

/// Options of orthogonal_mp / orthogonal_mp_gram, scikit-learn's names and defaults.
struct OrthogonalMpOptions {
  /// Atoms to select (1 <= k <= n_features); None: max(n_features / 10, 1).
  /// Ignored when tol is set.
  std::optional<Index> n_nonzero_coefs{};
  /// Stop when the squared residual norm is at most tol (>= 0).
  std::optional<double> tol{};
  /// orthogonal_mp: work on the Gram matrix (true, false or "auto": n_samples > n_features).
  Precompute precompute = false;
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
  Precompute precompute{};
};

struct OrthogonalMatchingPursuitFitted {
  Index n_features_in = 0;
  Vector coef;
  double intercept = 0;
  Index n_iter = 0;
  /// The atom count used; -1 when tol decided (scikit-learn's None).
  Index n_nonzero_coefs = -1;
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
  }
  static void check_fitted(const Fitted& s) {
    if (s.coef.size() != s.n_features_in) throw ValueError("coef and n_features_in disagree");
  }
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override { return method == Method::predict || method == Method::score; }
  [[nodiscard]] Vector predict(const MatrixView& X) const override;

  /// scikit-learn's coef_, intercept_, n_iter_, n_nonzero_coefs_ (-1 for None).
  [[nodiscard]] const Vector& coef() const { return fitted().coef; }
  [[nodiscard]] double intercept() const { return fitted().intercept; }
  [[nodiscard]] Index n_iter() const { return fitted().n_iter; }
  [[nodiscard]] Index n_nonzero_coefs() const { return fitted().n_nonzero_coefs; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
