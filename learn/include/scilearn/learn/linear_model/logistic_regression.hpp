#pragma once
/// \file
/// LogisticRegression: regularized binary and multinomial logistic
/// regression, as sklearn.linear_model.LogisticRegression (1.9).

#include <array>
#include <cstdint>
#include <optional>
#include <scilearn/learn/base/estimator_base.hpp>
#include <scilearn/learn/sparse_input.hpp>
#include <string>
#include <utility>
#include <vector>

namespace scilearn::learn {

/// The `penalty` parameter. scikit-learn 1.8 deprecated it in favour of
/// l1_ratio and C; its default, `deprecated`, means "derive the penalty from
/// l1_ratio (0: l2, 1: l1, between: elasticnet) and C (inf: none)". An empty
/// optional is Python's None: no penalty.
enum class LogisticPenalty { deprecated, l2, l1, elasticnet };

constexpr auto param_names(LogisticPenalty) {
  return std::array{std::pair{LogisticPenalty::deprecated, "deprecated"}, std::pair{LogisticPenalty::l2, "l2"},
                    std::pair{LogisticPenalty::l1, "l1"}, std::pair{LogisticPenalty::elasticnet, "elasticnet"}};
}

/// The solver: scikit-learn's "lbfgs" (the default), "newton-cholesky",
/// "newton-cg", "sag", "saga" and "liblinear".
enum class LogisticSolver { lbfgs, newton_cholesky, sag, saga, liblinear, newton_cg };

constexpr auto param_names(LogisticSolver) {
  return std::array{std::pair{LogisticSolver::lbfgs, "lbfgs"},
                    std::pair{LogisticSolver::newton_cholesky, "newton-cholesky"},
                    std::pair{LogisticSolver::sag, "sag"}, std::pair{LogisticSolver::saga, "saga"},
                    std::pair{LogisticSolver::liblinear, "liblinear"},
                    std::pair{LogisticSolver::newton_cg, "newton-cg"}};
}

/// LogisticRegression's hyper-parameters: scikit-learn's names and defaults.
///
/// `class_weight` is a string in C++ ("" for None, or "balanced"); a dict
/// {label: weight} is given as two aligned lists, `class_weight_labels` and
/// `class_weight_values` (classes not listed weigh 1, as in scikit-learn).
/// `n_jobs` (without effect since scikit-learn 1.8) is absent.
struct LogisticRegressionParams {
  /// Deprecated in scikit-learn 1.8 (a user warning when set); None
  /// (std::nullopt) fits without penalty, ignoring C.
  std::optional<LogisticPenalty> penalty = LogisticPenalty::deprecated;
  /// Inverse regularization strength (> 0); infinity: no penalty.
  double C = 1.0;
  /// Elastic-net mixing: 0 is L2, 1 is L1 (saga and liblinear), between:
  /// elastic net (saga only).
  double l1_ratio = 0.0;
  /// Solve the dual problem: liblinear with the L2 penalty only.
  bool dual = false;
  /// Stopping tolerance (>= 0): lbfgs stops when the largest gradient entry is
  /// <= tol (or on its relative reduction test, ftol = 64 eps); newton-cholesky
  /// when the largest gradient entry and half the Newton decrement are;
  /// newton-cg when the largest gradient entry is; sag
  /// and saga when an epoch changed no coefficient or intercept by more than
  /// tol times the largest of them (scikit-learn's rule looks at the
  /// coefficients only, and stops after one epoch when L1 keeps them all zero).
  /// liblinear, as LIBLINEAR: its primal L2 solver when the gradient's norm
  /// is <= tol' times that at 0, its L1 solver when the summed optimality
  /// violation is <= tol' times that at 0, tol' = tol min(n+, n-) / n (n+
  /// and n- the samples of each class); its dual solver when an epoch's
  /// largest dual gradient entry is < tol.
  double tol = 1e-4;
  /// Fit an intercept per class (unpenalized, except by liblinear).
  bool fit_intercept = true;
  /// liblinear's synthetic feature: with fit_intercept, X gets a last column
  /// of this value (> 0), whose weight w is penalized like the others;
  /// intercept = intercept_scaling w. Larger values penalize the intercept
  /// less. Unused (but checked) by the other solvers, as in scikit-learn.
  double intercept_scaling = 1.0;
  /// "" (None: every class weighs 1) or "balanced": class k weighs
  /// sum(w) / (n_classes * sum of w over class k), w the sample weights.
  std::string class_weight{};
  /// A {label: weight} dict: labels and their weights, aligned (empty: none).
  std::vector<double> class_weight_labels{};
  std::vector<double> class_weight_values{};
  /// Seeds the sample order of sag / saga and the coordinate order of
  /// liblinear's dual and L1 solvers (None: fresh entropy, as scikit-learn's
  /// global state); unused by lbfgs, the Newton solvers and liblinear's primal L2.
  std::optional<std::uint64_t> random_state{};
  LogisticSolver solver = LogisticSolver::lbfgs;
  /// Iteration limit (>= 0); on reaching it a ConvergenceWarning is raised
  /// and the last iterate is kept (liblinear: Newton iterations, or epochs of
  /// its dual solver; it warns whenever n_iter reaches max_iter).
  int max_iter = 100;
  /// Accepted for compatibility; nothing is printed.
  int verbose = 0;
  /// Start from the previous fit's coefficients (when the shapes agree);
  /// liblinear always starts from zero, as in scikit-learn.
  bool warm_start = false;
};

/// LogisticRegression's learned state.
struct LogisticRegressionFitted {
  Index n_features_in = 0;
  /// The distinct labels of y, sorted.
  Vector classes;
  /// 1 x n_features for two classes (the positive class is classes[1]),
  /// n_classes x n_features otherwise.
  Matrix coef;
  /// 1 or n_classes entries; zeros without fit_intercept.
  Vector intercept;
  /// The solver's iterations (at most max_iter).
  Index n_iter = 0;
};

/// Logistic regression (aka logit, MaxEnt), scikit-learn's objective:
///
///   (1 / S) sum_i s_i loss(y_i, X_i W^T + b) + ||W||^2 / (2 C S),
///
/// s_i the sample weights times the class weights, S their sum, loss the
/// binomial deviance / 2 for two classes (one coefficient row) and the
/// multinomial (softmax) cross-entropy for more (one row per class). The
/// intercept b is not penalized.
///
/// plus, with l1_ratio > 0 (saga only), (l1_ratio / (C S)) ||W||_1, the L2
/// term then weighted by (1 - l1_ratio).
///
/// liblinear solves two-class problems only, in LIBLINEAR's formulation
/// (Fan et al. 2008), y_i in {-1, +1}:
///
///   C sum_i s_i log(1 + exp(-y_i (w . x_i + w_b B))) + penalty(w, w_b),
///
/// with penalty (||w||^2 + w_b^2) / 2 or ||w||_1 + |w_b|, B =
/// intercept_scaling and intercept = B w_b (w_b absent without
/// fit_intercept). The intercept is penalized: this is the objective above
/// (l1_ratio 0 or 1) scaled by C S, plus the w_b term, so liblinear's answer
/// differs from the other solvers' unless B is large.
///
/// Solvers: "lbfgs" runs optimize's L-BFGS-B with SciPy's options as
/// scikit-learn passes them (maxiter = max_iter, maxls = 50, gtol = tol,
/// ftol = 64 eps), from zero (or the previous fit with warm_start);
/// "newton-cholesky" takes Newton steps with a Cholesky factorization of the
/// full Hessian (of size (n_features + 1) n_classes) and a backtracking line
/// search, as scikit-learn's NewtonCholeskySolver; "newton-cg" is
/// scikit-learn's truncated Newton method (_newton_cg): at most max_iter
/// iterations, each solving the Newton system by conjugate gradients on
/// Hessian-vector products (the Hessian is never formed; at most 201 products,
/// to a residual 1-norm of min(1/2, sqrt(|g|_1)) |g|_1, g the gradient) and
/// stepping with SciPy's Wolfe line search, until the largest gradient entry
/// is <= tol. "sag" and "saga" are the
/// stochastic average gradient methods (Schmidt, Le Roux & Bach 2017;
/// Defazio, Bach & Lacoste-Julien 2014) with scikit-learn's step sizes,
/// sampling with replacement, gradient memory initialized at the starting
/// point; saga takes the L1 part as a proximal step. On sparse X they update a
/// coefficient only when a sample touches it, collapsing its pending steps
/// (drift plus soft thresholding) in closed form, so an epoch costs
/// O(nnz(X) n_classes). All warn (WarningCategory::convergence) when they stop
/// at max_iter, and keep the result.
/// "liblinear" with the L2 penalty: on the primal, a truncated Newton method
/// (conjugate gradients on Hessian-vector products, a forcing term that gives
/// superlinear convergence, an Armijo line search), or with dual = true,
/// coordinate descent on the dual (Yu, Huang & Lin 2011), each one-variable
/// problem solved by Newton's method; with the L1 penalty, newGLMNET (Yuan,
/// Ho & Lin 2012): Newton iterations whose quadratic model plus the L1 term
/// is minimized by coordinate descent, then an Armijo step. The coordinate
/// orders are random (random_state). The answers are LIBLINEAR's minimizer;
/// the iterates are not LIBLINEAR's.
///
/// The loss and its gradient are computed in blocks of rows: each block's
/// products with X (GEMV / GEMM) read it once from memory for both X w and
/// X^T r. Blocks run on as many threads as the BLAS pool has
/// (set_blas_num_threads), each on one BLAS thread, and their sums are added
/// in a fixed order, so the result does not depend on the thread count.
///
/// Throws ValueError (fit): y with fewer than 2 classes or non-integer
/// values, C <= 0, l1_ratio outside [0, 1], an L1 part (l1_ratio > 0 or
/// penalty l1 / elasticnet) with a solver other than saga (liblinear: L1
/// without dual is accepted), dual with a solver other than liblinear or with
/// L1, liblinear with no penalty (C infinite or penalty None), with
/// elastic net, with other than 2 classes, or with a value of X above 1e30
/// (scikit-learn's messages), tol < 0, max_iter < 0,
/// intercept_scaling <= 0, a class_weight other than "" / "balanced", class
/// weight labels and values of different lengths or a listed label missing
/// from y while another class is unlisted (as scikit-learn), or "balanced"
/// with a class whose sample weights sum to 0.
///
/// Complexity: per lbfgs iteration one or a few evaluations, each
/// O(n_samples n_features n_classes) (O(nnz(X) n_classes) on sparse X);
/// newton-cholesky, per iteration also O(n_samples (n_features n_classes)^2)
/// for the Hessian (sparse X: O(n_classes^2 sum over rows of nnz(row)^2))
/// and a Cholesky factorization of O((n_features n_classes)^3); newton-cg,
/// per iteration as many Hessian-vector products as CG steps, each costing
/// one evaluation, and n_samples n_classes doubles of probabilities; sag / saga, per epoch,
/// O(n_samples n_features n_classes) dense, O(nnz(X) n_classes) sparse, and
/// n_samples n_classes doubles of gradient memory (dense X is copied to row
/// order once); liblinear, per primal Newton iteration O(nnz(X)) per
/// conjugate-gradient step, per dual epoch O(nnz(X)) (dense X is copied to
/// row order once), per L1 Newton iteration O(nnz(X)) per coordinate-descent
/// sweep (sparse X is copied to column order once).
///
/// Sparse X (CSR, or CSC converted once) takes every solver, without a dense
/// copy of X.
///
/// \code
///   LogisticRegression clf({.C = 10.0});
///   clf.fit(X, y);                    // y holds labels, e.g. -1, 3, 7
///   Vector labels = clf.predict(X_test);
///   Matrix p = clf.predict_proba(X_test);   // columns in the order of clf.classes()
/// \endcode
class LogisticRegression final
    : public EstimatorBase<LogisticRegression, Classifier, LogisticRegressionParams, LogisticRegressionFitted> {
 public:
  static constexpr std::string_view class_name = "LogisticRegression";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("penalty", p.penalty);
    f("C", p.C);
    f("l1_ratio", p.l1_ratio);
    f("dual", p.dual);
    f("tol", p.tol);
    f("fit_intercept", p.fit_intercept);
    f("intercept_scaling", p.intercept_scaling);
    f("class_weight", p.class_weight);
    f("class_weight_labels", p.class_weight_labels);
    f("class_weight_values", p.class_weight_values);
    f("random_state", p.random_state);
    f("solver", p.solver);
    f("max_iter", p.max_iter);
    f("verbose", p.verbose);
    f("warm_start", p.warm_start);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("classes", s.classes);
    f("coef", s.coef);
    f("intercept", s.intercept);
    f("n_iter", s.n_iter);
  }
  using EstimatorBase::EstimatorBase;
  using EstimatorBase::fit;

  /// Fits on sparse X with any solver, with the same checks and results as
  /// the dense fit.
  LogisticRegression& fit(const CsrMatrix& X, const VectorView& y, const VectorView& sample_weight = Vector());

  [[nodiscard]] bool has(Method method) const override {
    return method == Method::predict || method == Method::predict_proba || method == Method::predict_log_proba ||
           method == Method::decision_function || method == Method::score;
  }

  /// The class of each row of X: classes()[1] where the decision function is
  /// positive (two classes), else the class of the largest score (the first on ties).
  /// Throws NotFittedError before fit, ValueError for a different feature count or non-finite X.
  [[nodiscard]] Vector predict(const MatrixView& X) const override;
  /// Probabilities, n_samples x n_classes: the logistic function of the
  /// decision function (two classes) or its softmax.
  [[nodiscard]] Matrix predict_proba(const MatrixView& X) const override;
  /// log(predict_proba), computed as log-sigmoid / log-softmax, without underflow to -inf.
  [[nodiscard]] Matrix predict_log_proba(const MatrixView& X) const override;
  /// X coef^T + intercept: n_samples x 1 for two classes, n_samples x n_classes otherwise.
  [[nodiscard]] Matrix decision_function(const MatrixView& X) const override;
  /// The same four on sparse X.
  [[nodiscard]] Vector predict(const CsrMatrix& X) const;
  [[nodiscard]] Matrix predict_proba(const CsrMatrix& X) const;
  [[nodiscard]] Matrix predict_log_proba(const CsrMatrix& X) const;
  [[nodiscard]] Matrix decision_function(const CsrMatrix& X) const;
  /// The sorted class labels (NotFittedError before fit).
  [[nodiscard]] Vector classes() const override { return fitted().classes; }

  /// scikit-learn's coef_, intercept_ and n_iter_[0] (NotFittedError before fit).
  [[nodiscard]] const Matrix& coef() const { return fitted().coef; }
  [[nodiscard]] const Vector& intercept() const { return fitted().intercept; }
  [[nodiscard]] Index n_iter() const { return fitted().n_iter; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
  [[nodiscard]] Fitted learn_sparse(const CsrMatrix& X, const VectorView& y, const VectorView* sample_weight) const;
  [[nodiscard]] const Fitted& check_sparse_input(std::string_view method, const CsrMatrix& X) const;
};

}  // namespace scilearn::learn
