#pragma once
/// \file
/// Linear and quadratic discriminant analysis, as
/// sklearn.discriminant_analysis (1.9): LinearDiscriminantAnalysis and
/// QuadraticDiscriminantAnalysis.

#include <array>
#include <optional>
#include <scilearn/learn/base/estimator_base.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace scilearn::learn {

/// The shrinkage parameter of the discriminant analyses: None (no
/// shrinkage), "auto" (Ledoit-Wolf on the standardized data) or a fixed
/// coefficient in [0, 1]. `Shrinkage s;`, `Shrinkage s = "auto";` and
/// `Shrinkage s = 0.3;` all work.
class Shrinkage {
 public:
  /// None.
  constexpr Shrinkage() = default;
  /// A fixed coefficient (checked in fit: [0, 1]).
  constexpr Shrinkage(double value) : kind_(Kind::fixed), value_(value) {}  // NOLINT: implicit, as Python's float
  /// "auto" (any other text: ValueError).
  template <std::size_t N>
  Shrinkage(const char (&text)[N]) : Shrinkage(std::string_view(text, N - 1)) {}  // NOLINT
  explicit Shrinkage(std::string_view text);
  /// "auto".
  [[nodiscard]] static Shrinkage automatic() { return Shrinkage("auto"); }

  [[nodiscard]] bool is_none() const noexcept { return kind_ == Kind::none; }
  [[nodiscard]] bool is_auto() const noexcept { return kind_ == Kind::automatic; }
  /// The fixed coefficient (meaningful when neither none nor auto).
  [[nodiscard]] double value() const noexcept { return value_; }
  friend bool operator==(const Shrinkage&, const Shrinkage&) = default;

 private:
  enum class Kind { none, automatic, fixed };
  Kind kind_ = Kind::none;
  double value_ = 0;
};

/// shrinkage as a parameter value: None, "auto" or a float.
[[nodiscard]] ParamValue to_param(const Shrinkage& s);
/// Reads shrinkage from None, "auto" or a number; ValueError otherwise.
void from_param(const ParamValue& value, Shrinkage& field, std::string_view where, std::string_view param);

/// LinearDiscriminantAnalysis's solvers.
enum class LdaSolver { svd, lsqr, eigen };
constexpr auto param_names(LdaSolver) {
  return std::array{std::pair{LdaSolver::svd, "svd"}, std::pair{LdaSolver::lsqr, "lsqr"},
                    std::pair{LdaSolver::eigen, "eigen"}};
}

/// LinearDiscriminantAnalysis's hyper-parameters: scikit-learn's names and
/// defaults.
struct LinearDiscriminantAnalysisParams {
  /// svd: no covariance matrix is formed (the default); lsqr: solves
  /// covariance coef = means; eigen: the generalized eigenproblem of the
  /// between- and within-class scatter.
  LdaSolver solver = LdaSolver::svd;
  /// lsqr and eigen only: None, "auto" (Ledoit-Wolf) or a coefficient in [0, 1].
  Shrinkage shrinkage{};
  /// lsqr and eigen only: a covariance estimator (EmpiricalCovariance,
  /// LedoitWolf, OAS, ShrunkCovariance, GraphicalLasso, MinCovDet), cloned
  /// and fitted on each class's rows (and, eigen, on all of X) in place of
  /// the empirical covariance; not with shrinkage. Null: shrinkage decides.
  EstimatorPtr covariance_estimator = nullptr;
  /// The class priors (>= 0; renormalized, with a warning, when they do not
  /// sum to 1 within 1e-5); default: the class proportions.
  std::optional<std::vector<double>> priors{};
  /// The number of components of transform (1 <= n_components <=
  /// min(n_classes - 1, n_features)); default: that bound.
  std::optional<Index> n_components{};
  /// svd: also compute covariance_ (the other solvers always do).
  bool store_covariance = false;
  /// svd: singular values of the scaled within-class data at most tol
  /// count as zero (rank), and of the between-class data at most tol times
  /// the largest.
  double tol = 1e-4;
};

/// LinearDiscriminantAnalysis's learned state (scikit-learn's attributes).
struct LinearDiscriminantAnalysisFitted {
  Index n_features_in = 0;
  Vector classes;
  /// 1 x n_features for two classes, n_classes x n_features otherwise.
  Matrix coef;
  /// 1 or n_classes entries.
  Vector intercept;
  /// n_classes x n_features.
  Matrix means;
  Vector priors;
  /// The weighted within-class covariance (empty for svd without store_covariance).
  Matrix covariance;
  /// svd: rank x n_components', eigen: n_features x n_features; empty for lsqr.
  Matrix scalings;
  /// svd: the overall mean priors^T means; empty for the other solvers.
  Vector xbar;
  /// svd and eigen: the explained variance ratio of the components.
  Vector explained_variance_ratio;
  /// The number of components transform returns.
  Index max_components = 0;
  /// The solver that fit used (transform differs between them).
  Index solver = 0;
};

/// Linear discriminant analysis: Gaussian classes sharing one covariance,
/// as sklearn.discriminant_analysis.LinearDiscriminantAnalysis.
///
/// svd solver: scikit-learn whitens the within-class scatter through the SVD
/// of the n_samples x n_features centred and standardized data; we take its
/// right singular vectors and singular values from the eigendecomposition of
/// its Gram matrix (accumulated by blocks of rows, so the centred copy is
/// never formed), which agrees with the SVD to about eps cond^2; when the
/// Gram matrix's condition number passes 1e8 (or the rank cut is near), we
/// take the SVD of the data itself, as scikit-learn does. coef_ and
/// intercept_ do not depend on the singular vectors' signs; scalings_ and
/// transform do, column by column (LAPACK's signs, as in scikit-learn).
///
/// predict_proba is the softmax of decision_function (the logistic function
/// for two classes); predict_log_proba its logarithm, a 0 probability raised
/// to the smallest normal double first, as scikit-learn does.
///
/// Throws ValueError (fit): fewer than 2 samples, n_samples == n_classes,
/// non-integer labels, negative priors or not one per class, n_components
/// out of range, shrinkage with the svd solver or outside [0, 1], tol < 0,
/// a covariance_estimator with the svd solver, with a non-zero shrinkage or
/// that is not a covariance estimator; transform with the lsqr solver; and
/// the common input checks.
///
/// Complexity: fit (svd) O(n p^2 + p^3); lsqr / eigen the same (one
/// covariance per class); predict O(n p K).
///
/// \code
///   LinearDiscriminantAnalysis lda({.solver = LdaSolver::lsqr, .shrinkage = "auto"});
///   lda.fit(X, y);
///   Matrix p = lda.predict_proba(X_test);
/// \endcode
class LinearDiscriminantAnalysis final
    : public EstimatorBase<LinearDiscriminantAnalysis, Classifier, LinearDiscriminantAnalysisParams,
                           LinearDiscriminantAnalysisFitted> {
 public:
  static constexpr std::string_view class_name = "LinearDiscriminantAnalysis";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("covariance_estimator", p.covariance_estimator);
    f("n_components", p.n_components);
    f("priors", p.priors);
    f("shrinkage", p.shrinkage);
    f("solver", p.solver);
    f("store_covariance", p.store_covariance);
    f("tol", p.tol);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("classes", s.classes);
    f("coef", s.coef);
    f("intercept", s.intercept);
    f("means", s.means);
    f("priors", s.priors);
    f("covariance", s.covariance);
    f("scalings", s.scalings);
    f("xbar", s.xbar);
    f("explained_variance_ratio", s.explained_variance_ratio);
    f("max_components", s.max_components);
    f("solver", s.solver);
  }
  static void check_fitted(const Fitted& s);
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override;
  [[nodiscard]] Vector predict(const MatrixView& X) const override;
  [[nodiscard]] Matrix predict_proba(const MatrixView& X) const override;
  [[nodiscard]] Matrix predict_log_proba(const MatrixView& X) const override;
  /// X coef^T + intercept: n_samples x 1 for two classes (the positive
  /// class's log-odds), n_samples x n_classes otherwise.
  [[nodiscard]] Matrix decision_function(const MatrixView& X) const override;
  /// The projection on the discriminant directions, n_samples x
  /// max_components: (X - xbar) scalings (svd) or X scalings (eigen).
  /// Throws ValueError for the lsqr solver.
  [[nodiscard]] Matrix transform(const MatrixView& X) const override;
  [[nodiscard]] Vector classes() const override { return fitted().classes; }
  /// "lineardiscriminantanalysis0", ... (one per component).
  [[nodiscard]] std::vector<std::string> get_feature_names_out(
      const std::vector<std::string>& input_features = {}) const override;

  /// scikit-learn's coef_, intercept_, means_, priors_, covariance_,
  /// scalings_, xbar_, explained_variance_ratio_ (NotFittedError before fit).
  [[nodiscard]] const Matrix& coef() const { return fitted().coef; }
  [[nodiscard]] const Vector& intercept() const { return fitted().intercept; }
  [[nodiscard]] const Matrix& means() const { return fitted().means; }
  [[nodiscard]] const Vector& priors() const { return fitted().priors; }
  [[nodiscard]] const Matrix& covariance() const { return fitted().covariance; }
  [[nodiscard]] const Matrix& scalings() const { return fitted().scalings; }
  [[nodiscard]] const Vector& xbar() const { return fitted().xbar; }
  [[nodiscard]] const Vector& explained_variance_ratio() const { return fitted().explained_variance_ratio; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
  [[nodiscard]] Matrix scores(std::string_view method, const MatrixView& X) const;
};

/// QuadraticDiscriminantAnalysis's solvers.
enum class QdaSolver { svd, eigen };
constexpr auto param_names(QdaSolver) {
  return std::array{std::pair{QdaSolver::svd, "svd"}, std::pair{QdaSolver::eigen, "eigen"}};
}

/// QuadraticDiscriminantAnalysis's hyper-parameters.
struct QuadraticDiscriminantAnalysisParams {
  /// svd: the SVD of each class's centred data; eigen: eigh of each class's
  /// (possibly shrunk) covariance.
  QdaSolver solver = QdaSolver::svd;
  /// eigen only: None, "auto" (Ledoit-Wolf) or a coefficient in [0, 1].
  Shrinkage shrinkage{};
  /// eigen only: a covariance estimator, cloned and fitted on each class's
  /// rows in place of the empirical covariance; not with shrinkage.
  EstimatorPtr covariance_estimator = nullptr;
  /// The class priors (used as given); default: the class proportions.
  std::optional<std::vector<double>> priors{};
  /// svd: each class's variances become (1 - reg_param) s + reg_param; in [0, 1].
  double reg_param = 0.0;
  /// Whether to keep each class's covariance matrix.
  bool store_covariance = false;
  /// A class whose variances (scalings_) are not all above tol is rank
  /// deficient: fit throws LinAlgError.
  double tol = 1e-4;
};

/// QuadraticDiscriminantAnalysis's learned state.
struct QuadraticDiscriminantAnalysisFitted {
  Index n_features_in = 0;
  Vector classes;
  /// n_classes x n_features.
  Matrix means;
  Vector priors;
  /// Per class: the principal axes (n_features x n_k), LAPACK's signs.
  std::vector<Matrix> rotations;
  /// Per class: the variances along them.
  std::vector<Vector> scalings;
  /// Per class: the covariance matrix (empty unless store_covariance).
  std::vector<Matrix> covariance;
};

/// Quadratic discriminant analysis: one Gaussian per class, as
/// sklearn.discriminant_analysis.QuadraticDiscriminantAnalysis.
///
/// decision_function (n_classes columns; for two classes, the difference
/// of the second and first) is -(|(x - mean_k) R_k S_k^{-1/2}|^2 + sum log
/// S_k) / 2 + log prior_k; predict_proba the normalized exponential of it.
///
/// Throws ValueError (fit): fewer than 2 classes, a class with one sample,
/// non-integer labels, priors not one per class, reg_param outside [0, 1],
/// shrinkage with the svd solver or outside [0, 1], tol < 0, a
/// covariance_estimator as LinearDiscriminantAnalysis; LinAlgError
/// when a class's covariance is rank deficient (scikit-learn's messages).
///
/// Complexity: fit O(n p^2 + K p^3); predict O(n p^2 K).
class QuadraticDiscriminantAnalysis final
    : public EstimatorBase<QuadraticDiscriminantAnalysis, Classifier, QuadraticDiscriminantAnalysisParams,
                           QuadraticDiscriminantAnalysisFitted> {
 public:
  static constexpr std::string_view class_name = "QuadraticDiscriminantAnalysis";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("covariance_estimator", p.covariance_estimator);
    f("priors", p.priors);
    f("reg_param", p.reg_param);
    f("shrinkage", p.shrinkage);
    f("solver", p.solver);
    f("store_covariance", p.store_covariance);
    f("tol", p.tol);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("classes", s.classes);
    f("means", s.means);
    f("priors", s.priors);
    f("rotations", s.rotations);
    f("scalings", s.scalings);
    f("covariance", s.covariance);
  }
  static void check_fitted(const Fitted& s);
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override;
  [[nodiscard]] Vector predict(const MatrixView& X) const override;
  [[nodiscard]] Matrix predict_proba(const MatrixView& X) const override;
  [[nodiscard]] Matrix predict_log_proba(const MatrixView& X) const override;
  [[nodiscard]] Matrix decision_function(const MatrixView& X) const override;
  [[nodiscard]] Vector classes() const override { return fitted().classes; }

  /// scikit-learn's means_, priors_, rotations_, scalings_, covariance_.
  [[nodiscard]] const Matrix& means() const { return fitted().means; }
  [[nodiscard]] const Vector& priors() const { return fitted().priors; }
  [[nodiscard]] const std::vector<Matrix>& rotations() const { return fitted().rotations; }
  [[nodiscard]] const std::vector<Vector>& scalings() const { return fitted().scalings; }
  [[nodiscard]] const std::vector<Matrix>& covariance() const { return fitted().covariance; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
  [[nodiscard]] Matrix scores(std::string_view method, const MatrixView& X) const;
};

}  // namespace scilearn::learn
