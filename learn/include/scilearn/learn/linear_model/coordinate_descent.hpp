#pragma once
/// \file
/// Elastic net and Lasso by coordinate descent, as scikit-learn 1.9's
/// sklearn.linear_model.ElasticNet, Lasso, enet_path and lasso_path.
///
/// The objective (one target) is
///
///   1 / (2 n_samples) ||y - X w - b||^2 + alpha l1_ratio ||w||_1
///     + alpha (1 - l1_ratio) / 2 ||w||^2,
///
/// with sample weights s (rescaled to sum to n_samples, as scikit-learn does)
/// weighting the squared residuals. The solver is cyclic (or random)
/// coordinate descent with Gap Safe screening; it stops when, after a full
/// sweep whose largest coefficient change is at most tol times the largest
/// coefficient, the duality gap is at most tol ||y||^2 (y centered and
/// weighted), exactly scikit-learn's rule, so dual_gap() means what
/// scikit-learn's dual_gap_ means. On dense and sparse X (not with the Gram
/// matrix) sweeps of the non-zero coefficients only run between full sweeps
/// (a working set, as glmnet), which reads far less of X; n_iter() counts
/// every sweep, so it equals scikit-learn's n_iter_ on the Gram path only. A
/// fit that reaches max_iter keeps its last iterate and warns
/// (WarningCategory::convergence).
///
/// Sparse X (CscMatrix) is never densified: the centering by the column means
/// is carried implicitly through the solver, so an update of w_j costs
/// O(nnz of column j).

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <scilearn/learn/base/estimator_base.hpp>
#include <scilearn/learn/sparse_input.hpp>
#include <utility>
#include <vector>

namespace scilearn::learn {

/// The `selection` parameter: update the coefficients in order ("cyclic") or
/// pick one at random at each step ("random", seeded by random_state; our
/// stream, so the iterates differ from scikit-learn's, not the optimum).
enum class CdSelection { cyclic, random };

constexpr auto param_names(CdSelection) {
  return std::array{std::pair{CdSelection::cyclic, "cyclic"}, std::pair{CdSelection::random, "random"}};
}

/// The `precompute` parameter: false (default of ElasticNet / Lasso), true,
/// "auto" (use the Gram matrix when n_samples > n_features; the default of
/// the paths and the CV estimators) or a given Gram matrix X'X (of the data
/// as the solver sees them: centered and weighted when fit_intercept or
/// sample_weight; with fit_intercept and X not centered it is recomputed
/// with a warning, as scikit-learn does).
///
/// `Precompute p = true;`, `Precompute p = "auto";`, `Precompute p = gram;` all work.
/// As a parameter value it is a bool, the string "auto" or the matrix as a
/// list of p * p floats in row-major order.
class Precompute {
 public:
  enum class Kind { no, yes, automatic, gram };
  Precompute(bool value = false) : kind_(value ? Kind::yes : Kind::no) {}  // NOLINT: implicit, as Python's bool
  /// "auto" (any other text: ValueError).
  template <std::size_t N>
  Precompute(const char (&text)[N]) : Precompute(std::string_view(text, N - 1)) {}  // NOLINT
  explicit Precompute(std::string_view text);
  /// A given Gram matrix (square; checked at fit).
  Precompute(Matrix gram);  // NOLINT: implicit, as an array-like

  [[nodiscard]] Kind kind() const noexcept { return kind_; }
  /// The given Gram matrix (empty unless kind() == Kind::gram).
  [[nodiscard]] const Matrix& gram() const noexcept;

 private:
  Kind kind_;
  std::shared_ptr<const Matrix> gram_;
};

/// precompute as a parameter value: a bool, "auto" or a list of floats.
[[nodiscard]] ParamValue to_param(const Precompute& value);
/// Reads precompute from a bool, "auto" or a list of p * p floats (row-major).
void from_param(const ParamValue& value, Precompute& field, std::string_view where, std::string_view param);

/// The `alphas` parameter of the paths and CV estimators: a number of alphas
/// on the automatic grid (default 100, scikit-learn 1.9's `alphas=100`) or the
/// alphas themselves (sorted in decreasing order before use).
class AlphaGrid {
 public:
  AlphaGrid(Index n_alphas = 100) : n_(n_alphas) {}                                            // NOLINT: implicit
  AlphaGrid(int n_alphas) : n_(n_alphas) {}                                                    // NOLINT: implicit
  AlphaGrid(std::vector<double> alphas) : n_(0), values_(std::move(alphas)), list_(true) {}    // NOLINT: implicit
  AlphaGrid(std::initializer_list<double> alphas) : AlphaGrid(std::vector<double>(alphas)) {}  // NOLINT: implicit

  [[nodiscard]] bool is_list() const noexcept { return list_; }
  [[nodiscard]] Index count() const noexcept { return n_; }
  [[nodiscard]] const std::vector<double>& values() const noexcept { return values_; }
  friend bool operator==(const AlphaGrid&, const AlphaGrid&) = default;

 private:
  Index n_;
  std::vector<double> values_;
  bool list_ = false;
};

/// alphas as a parameter value: an int or a list of floats.
[[nodiscard]] ParamValue to_param(const AlphaGrid& value);
/// Reads alphas from an int or a list of floats.
void from_param(const ParamValue& value, AlphaGrid& field, std::string_view where, std::string_view param);

/// ElasticNet's hyper-parameters: scikit-learn's names and defaults
/// (`copy_X` has no C++ counterpart: inputs are never modified).
struct ElasticNetParams {
  /// The penalty's strength (>= 0); 0 is least squares (badly served by
  /// coordinate descent: a warning, as in scikit-learn).
  double alpha = 1.0;
  /// The L1 share of the penalty, in [0, 1]: 1 is the Lasso, 0 ridge.
  double l1_ratio = 0.5;
  /// Fit an (unpenalized) intercept; X and y are centered first.
  bool fit_intercept = true;
  /// Solve with the Gram matrix X'X (see Precompute). Ignored for sparse X.
  Precompute precompute = false;
  /// Sweeps at most (>= 1).
  int max_iter = 1000;
  /// Stopping tolerance (>= 0), see the file comment.
  double tol = 1e-4;
  /// Start from the coefficients of the previous fit.
  bool warm_start = false;
  /// Constrain the coefficients to be >= 0.
  bool positive = false;
  /// Seed of selection = random (unused with cyclic).
  std::optional<std::uint64_t> random_state{};
  CdSelection selection = CdSelection::cyclic;
};

/// Lasso's hyper-parameters: ElasticNet's without l1_ratio (fixed at 1).
struct LassoParams {
  double alpha = 1.0;
  bool fit_intercept = true;
  Precompute precompute = false;
  int max_iter = 1000;
  double tol = 1e-4;
  bool warm_start = false;
  bool positive = false;
  std::optional<std::uint64_t> random_state{};
  CdSelection selection = CdSelection::cyclic;
};

/// What ElasticNet and Lasso learn.
struct ElasticNetFitted {
  Index n_features_in = 0;
  Vector coef;
  double intercept = 0;
  /// The duality gap at the end, divided by n_samples (scikit-learn's dual_gap_).
  double dual_gap = 0;
  /// Sweeps done (scikit-learn's n_iter_).
  Index n_iter = 0;
};

namespace detail {
/// The solver settings every coordinate-descent estimator shares.
struct EnetSettings {
  double alpha = 1.0;
  double l1_ratio = 0.5;
  bool fit_intercept = true;
  Precompute precompute = false;
  int max_iter = 1000;
  double tol = 1e-4;
  bool positive = false;
  std::optional<std::uint64_t> random_state{};
  CdSelection selection = CdSelection::cyclic;
};
/// The fits behind ElasticNet and Lasso (coordinate_descent.cpp); `start`
/// is the warm start (null: zeros).
ElasticNetFitted enet_fit(std::string_view where, const EnetSettings& settings, const MatrixView& X,
                          const VectorView& y, const VectorView* sample_weight, const Vector* start);
ElasticNetFitted enet_fit(std::string_view where, const EnetSettings& settings, const CscMatrix& X, const VectorView& y,
                          const VectorView* sample_weight, const Vector* start);
/// X coef + intercept for sparse X, with the feature-count check.
Vector predict_sparse(std::string_view name, const CsrMatrix& X, const Vector& coef, double intercept,
                      Index n_features_in);
}  // namespace detail

/// Linear regression with combined L1 and L2 penalties (the elastic net),
/// fitted by coordinate descent: sklearn.linear_model.ElasticNet.
///
/// Dense X: with fit_intercept (or sample_weight) the solver works on the
/// centered, sqrt(s)-scaled copy of X, as scikit-learn; with precompute (true,
/// or "auto" and n_samples > n_features) it works on the Gram matrix of that
/// copy, accumulated in row blocks so the copy is never formed. Sparse X:
/// fit(CscMatrix, ...) and predict(CsrMatrix) overloads; precompute is
/// ignored, centering is implicit.
///
/// Throws ValueError (fit): alpha < 0, l1_ratio outside [0, 1], max_iter < 1,
/// tol < 0, a given Gram matrix of the wrong size, non-finite coefficients
/// (input too large).
///
/// Complexity: per sweep O(n_samples n_active) dense, O(nnz of the active
/// columns) sparse, O(n_features n_changed) with the Gram matrix (whose
/// computation costs O(n_samples n_features^2) once); a gap check costs one
/// pass over X.
///
/// \code
///   ElasticNet model({.alpha = 0.1, .l1_ratio = 0.7});
///   model.fit(X, y);
///   Vector yhat = model.predict(X_test);
///   Index iterations = model.n_iter();
/// \endcode
class ElasticNet final : public EstimatorBase<ElasticNet, Regressor, ElasticNetParams, ElasticNetFitted> {
 public:
  static constexpr std::string_view class_name = "ElasticNet";
  static constexpr bool checks_X_in_learn = true;  // in enet_fit, with the column statistics
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("alpha", p.alpha);
    f("l1_ratio", p.l1_ratio);
    f("fit_intercept", p.fit_intercept);
    f("precompute", p.precompute);
    f("max_iter", p.max_iter);
    f("tol", p.tol);
    f("warm_start", p.warm_start);
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
  }
  /// Throws ValueError when a loaded state's sizes disagree.
  static void check_fitted(const Fitted& s) {
    if (s.coef.size() != s.n_features_in) throw ValueError("coef and n_features_in disagree");
  }
  using EstimatorBase::EstimatorBase;
  using EstimatorBase::fit;
  using Regressor::predict;

  /// Fits sparse X (CSC; CSR converts implicitly, once). Throws as the dense fit,
  /// and ValueError for NaN / infinity among the stored entries.
  ElasticNet& fit(const CscMatrix& X, const VectorView& y, const VectorView& sample_weight = Vector());

  [[nodiscard]] bool has(Method method) const override { return method == Method::predict || method == Method::score; }
  /// X coef + intercept.
  [[nodiscard]] Vector predict(const MatrixView& X) const override;
  /// X coef + intercept for sparse X.
  [[nodiscard]] Vector predict(const CsrMatrix& X) const;

  /// scikit-learn's coef_, intercept_, dual_gap_, n_iter_ (NotFittedError before fit).
  [[nodiscard]] const Vector& coef() const { return fitted().coef; }
  [[nodiscard]] double intercept() const { return fitted().intercept; }
  [[nodiscard]] double dual_gap() const { return fitted().dual_gap; }
  [[nodiscard]] Index n_iter() const { return fitted().n_iter; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
  [[nodiscard]] detail::EnetSettings settings() const;
};

/// Linear regression with an L1 penalty (the Lasso), by coordinate descent:
/// sklearn.linear_model.Lasso, i.e. ElasticNet with l1_ratio = 1.
///
/// \code
///   Lasso lasso({.alpha = 0.05});
///   lasso.fit(X, y);
///   const Vector& w = lasso.coef();  // sparse: many exact zeros
/// \endcode
class Lasso final : public EstimatorBase<Lasso, Regressor, LassoParams, ElasticNetFitted> {
 public:
  static constexpr std::string_view class_name = "Lasso";
  static constexpr bool checks_X_in_learn = true;  // in enet_fit, with the column statistics
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("alpha", p.alpha);
    f("fit_intercept", p.fit_intercept);
    f("precompute", p.precompute);
    f("max_iter", p.max_iter);
    f("tol", p.tol);
    f("warm_start", p.warm_start);
    f("positive", p.positive);
    f("random_state", p.random_state);
    f("selection", p.selection);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    ElasticNet::visit_fitted(s, f);
  }
  static void check_fitted(const Fitted& s) { ElasticNet::check_fitted(s); }
  using EstimatorBase::EstimatorBase;
  using EstimatorBase::fit;
  using Regressor::predict;

  /// Fits sparse X (see ElasticNet::fit).
  Lasso& fit(const CscMatrix& X, const VectorView& y, const VectorView& sample_weight = Vector());

  [[nodiscard]] bool has(Method method) const override { return method == Method::predict || method == Method::score; }
  [[nodiscard]] Vector predict(const MatrixView& X) const override;
  /// The same on sparse X (CSR).
  [[nodiscard]] Vector predict(const CsrMatrix& X) const;

  /// scikit-learn's coef_, intercept_, dual_gap_, n_iter_ (NotFittedError before fit).
  [[nodiscard]] const Vector& coef() const { return fitted().coef; }
  [[nodiscard]] double intercept() const { return fitted().intercept; }
  [[nodiscard]] double dual_gap() const { return fitted().dual_gap; }
  [[nodiscard]] Index n_iter() const { return fitted().n_iter; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
  [[nodiscard]] detail::EnetSettings settings() const;
};

/// Options of enet_path / lasso_path: scikit-learn's names and defaults.
struct EnetPathOptions {
  /// The L1 share (enet_path; lasso_path uses 1). In (0, 1] for an automatic grid.
  double l1_ratio = 0.5;
  /// alpha_min / alpha_max of the automatic grid (> 0).
  double eps = 1e-3;
  /// A number of alphas on the automatic grid, or the alphas (sorted decreasing).
  AlphaGrid alphas = 100;
  /// "auto": the Gram matrix when n_samples > n_features (dense X only).
  Precompute precompute = "auto";
  /// Initial coefficients (empty: zeros).
  Vector coef_init{};
  bool positive = false;
  double tol = 1e-4;
  int max_iter = 1000;
  std::optional<std::uint64_t> random_state{};
  CdSelection selection = CdSelection::cyclic;
};

/// What enet_path returns.
struct EnetPathResult {
  /// The alphas, decreasing.
  Vector alphas;
  /// n_features x n_alphas: column k holds the coefficients at alphas[k].
  Matrix coefs;
  /// The duality gap at each alpha, divided by n_samples.
  Vector dual_gaps;
  /// The sweeps at each alpha (scikit-learn's n_iters, return_n_iter=True).
  std::vector<Index> n_iters;
};

/// The elastic-net path by coordinate descent (sklearn.linear_model.enet_path):
/// the solution at each alpha, from the largest, each started from the
/// previous one (warm starts). As in scikit-learn, X and y are used as given
/// (no intercept, no centering). The automatic grid runs from alpha_max =
/// max_j |x_j . y| / (n_samples l1_ratio) (the smallest alpha with all
/// coefficients zero) down to eps alpha_max, log-spaced.
/// Throws ValueError: empty or non-finite X / y, sizes that disagree, eps <= 0,
/// fewer than 1 alpha, a negative alpha, l1_ratio outside [0, 1] (0 with an
/// automatic grid), tol < 0, max_iter < 1, coef_init of the wrong size.
[[nodiscard]] EnetPathResult enet_path(const MatrixView& X, const VectorView& y, const EnetPathOptions& options = {});
/// enet_path for sparse X (CSC).
[[nodiscard]] EnetPathResult enet_path(const CscMatrix& X, const VectorView& y, const EnetPathOptions& options = {});
/// The Lasso path: enet_path with l1_ratio = 1 (options.l1_ratio is ignored).
[[nodiscard]] EnetPathResult lasso_path(const MatrixView& X, const VectorView& y, const EnetPathOptions& options = {});
/// The Lasso path for sparse X (CSC).
[[nodiscard]] EnetPathResult lasso_path(const CscMatrix& X, const VectorView& y, const EnetPathOptions& options = {});

}  // namespace scilearn::learn
