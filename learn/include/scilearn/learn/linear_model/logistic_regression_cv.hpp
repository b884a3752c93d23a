#pragma once
/// \file
/// LogisticRegressionCV: logistic regression with C (and l1_ratio) chosen by
/// cross-validation, as sklearn.linear_model.LogisticRegressionCV (1.9).

#include <cstdint>
#include <optional>
#include <scilearn/learn/base/estimator_base.hpp>
#include <scilearn/learn/linear_model/logistic_regression.hpp>
#include <string>
#include <vector>

namespace scilearn::learn {

/// LogisticRegressionCV's hyper-parameters: scikit-learn's names and defaults.
///
/// scikit-learn's `Cs` is an int or a list: here `Cs` is the int and
/// `Cs_values` the list (used when not empty). `cv` is the number of
/// StratifiedKFold folds (no shuffle), scikit-learn's default splitter for an
/// int. `l1_ratios` empty is scikit-learn's None (L2 only). The deprecated
/// `penalty` and the transitional `use_legacy_attributes` are absent: the
/// penalty follows from l1_ratios and the attributes are the ones listed below.
struct LogisticRegressionCVParams {
  /// Number of values of C, log-spaced over [1e-4, 1e4] (>= 1).
  Index Cs = 10;
  /// Explicit values of C (each > 0), fitted in the order given.
  std::vector<double> Cs_values{};
  /// Elastic-net mixings to search (each in [0, 1]); above 0 needs saga
  /// (1 also liblinear).
  std::vector<double> l1_ratios{};
  bool fit_intercept = true;
  /// Number of stratified folds (>= 2).
  Index cv = 5;
  /// liblinear's dual formulation (L2 only), as LogisticRegression's, for the
  /// folds' fits; the refit solves the primal, as scikit-learn 1.9's.
  bool dual = false;
  /// A scorer name of get_scorer ("neg_log_loss", "roc_auc", ...); empty:
  /// accuracy (weighted by the test folds' sample weights).
  std::string scoring{};
  LogisticSolver solver = LogisticSolver::lbfgs;
  double tol = 1e-4;
  int max_iter = 100;
  /// As LogisticRegression's: "" or "balanced" (computed once on all of y,
  /// as scikit-learn), or a {label: weight} dict as two aligned lists.
  std::string class_weight{};
  std::vector<double> class_weight_labels{};
  std::vector<double> class_weight_values{};
  /// Threads for the (fold, l1_ratio) paths (None: 1; -1: all CPUs); the
  /// result does not depend on it.
  std::optional<int> n_jobs{};
  int verbose = 0;
  /// Refit on all data at the best (C, l1_ratio); false: average the folds' best models.
  bool refit = true;
  /// liblinear's constant feature (> 0) for the folds' fits; scikit-learn
  /// 1.9's refit does not pass it, so the refit uses 1.
  double intercept_scaling = 1.0;
  /// Seeds sag / saga and liblinear's dual and L1 coordinate orders.
  std::optional<std::uint64_t> random_state{};
};

/// LogisticRegressionCV's learned state.
struct LogisticRegressionCVFitted {
  Index n_features_in = 0;
  Vector classes;
  Matrix coef;
  Vector intercept;
  /// The grid of C (scikit-learn's Cs_) and of l1_ratio (empty for None).
  Vector Cs;
  Vector l1_ratios;
  /// The chosen C and l1_ratio (scikit-learn's C_[0], l1_ratio_[0]).
  double C = 0;
  double l1_ratio = 0;
  /// n_folds x (n_Cs * n_l1) test scores and solver iterations, column
  /// c * n_l1 + l for Cs(c) and l1_ratios(l) (scikit-learn's scores_[cls] and
  /// n_iter_[0], flattened the same way).
  Matrix scores;
  Matrix n_iter;
};

/// Logistic regression whose C (and l1_ratio) maximize the cross-validated
/// score: for each fold and l1_ratio, LogisticRegression is fitted on the
/// training part for every C in turn, each fit starting from the previous
/// one's coefficients (the regularization path), and scored on the test part.
/// The best (C, l1_ratio) maximizes the sum of the folds' scores (the first
/// on ties, C-major, as numpy's argmax). With refit, the model is then fitted
/// on all data at that point, starting from the mean of the folds'
/// coefficients there; without, coef is the mean over folds of each fold's
/// best coefficients and C / l1_ratio the means of the folds' choices.
///
/// The objective, solvers and penalties are LogisticRegression's.
///
/// Throws ValueError (fit): as LogisticRegression, plus Cs < 1, a C <= 0,
/// an l1_ratio outside [0, 1], cv < 2 or more folds than members of every
/// class, an unknown scoring name, a named scoring together with
/// sample_weight (scorers here take no weights), or a training fold that
/// lacks a class.
///
/// Complexity: n_folds * n_l1 paths of n_Cs LogisticRegression fits (warm
/// started), then one more fit; paths run on n_jobs threads.
///
/// \code
///   LogisticRegressionCV clf({.Cs = 20, .scoring = "neg_log_loss"});
///   clf.fit(X, y);
///   double best_C = clf.C();
///   Matrix p = clf.predict_proba(X_test);
/// \endcode
class LogisticRegressionCV final
    : public EstimatorBase<LogisticRegressionCV, Classifier, LogisticRegressionCVParams, LogisticRegressionCVFitted> {
 public:
  static constexpr std::string_view class_name = "LogisticRegressionCV";
  template <class P, class F>
  static void visit_params(P& p, F&& f) {
    f("Cs", p.Cs);
    f("Cs_values", p.Cs_values);
    f("l1_ratios", p.l1_ratios);
    f("fit_intercept", p.fit_intercept);
    f("cv", p.cv);
    f("dual", p.dual);
    f("scoring", p.scoring);
    f("solver", p.solver);
    f("tol", p.tol);
    f("max_iter", p.max_iter);
    f("class_weight", p.class_weight);
    f("class_weight_labels", p.class_weight_labels);
    f("class_weight_values", p.class_weight_values);
    f("n_jobs", p.n_jobs);
    f("verbose", p.verbose);
    f("refit", p.refit);
    f("intercept_scaling", p.intercept_scaling);
    f("random_state", p.random_state);
  }
  template <class S, class F>
  static void visit_fitted(S& s, F&& f) {
    f("n_features_in", s.n_features_in);
    f("classes", s.classes);
    f("coef", s.coef);
    f("intercept", s.intercept);
    f("Cs", s.Cs);
    f("l1_ratios", s.l1_ratios);
    f("C", s.C);
    f("l1_ratio", s.l1_ratio);
    f("scores", s.scores);
    f("n_iter", s.n_iter);
  }
  /// Throws ValueError when a loaded state's sizes disagree.
  static void check_fitted(const Fitted& s);
  using EstimatorBase::EstimatorBase;

  [[nodiscard]] bool has(Method method) const override {
    return method == Method::predict || method == Method::predict_proba || method == Method::predict_log_proba ||
           method == Method::decision_function || method == Method::score;
  }
  /// As LogisticRegression's (NotFittedError before fit, ValueError for a
  /// different feature count or non-finite X).
  [[nodiscard]] Vector predict(const MatrixView& X) const override;
  [[nodiscard]] Matrix predict_proba(const MatrixView& X) const override;
  [[nodiscard]] Matrix predict_log_proba(const MatrixView& X) const override;
  [[nodiscard]] Matrix decision_function(const MatrixView& X) const override;
  [[nodiscard]] Vector classes() const override { return fitted().classes; }

  /// scikit-learn's coef_, intercept_, C_[0], l1_ratio_[0], Cs_, l1_ratios_,
  /// scores_ and n_iter_ (see LogisticRegressionCVFitted).
  [[nodiscard]] const Matrix& coef() const { return fitted().coef; }
  [[nodiscard]] const Vector& intercept() const { return fitted().intercept; }
  [[nodiscard]] double C() const { return fitted().C; }
  [[nodiscard]] double l1_ratio() const { return fitted().l1_ratio; }
  [[nodiscard]] const Vector& Cs() const { return fitted().Cs; }
  [[nodiscard]] const Vector& l1_ratios() const { return fitted().l1_ratios; }
  [[nodiscard]] const Matrix& scores() const { return fitted().scores; }
  [[nodiscard]] const Matrix& n_iter() const { return fitted().n_iter; }

 private:
  friend EstimatorBase;
  [[nodiscard]] Fitted learn(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) const;
};

}  // namespace scilearn::learn
