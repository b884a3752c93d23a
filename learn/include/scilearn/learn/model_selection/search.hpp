#pragma once
/// \file
/// Hyper-parameter search by cross-validation: GridSearchCV and
/// RandomizedSearchCV (sklearn.model_selection), plus ParameterGrid and
/// ParameterSampler. Candidates x splits run in parallel with n_jobs; the
/// scores, ranks and best candidate do not depend on n_jobs.

#include <functional>
#include <map>
#include <scilearn/core/random.hpp>
#include <scilearn/learn/model_selection/cross_validation.hpp>
#include <variant>

namespace scilearn::learn {

/// One grid: every parameter name with the values to try.
using ParamGrid = std::map<std::string, std::vector<ParamValue>, std::less<>>;

/// Every combination of every grid, in scikit-learn's order (grids in order;
/// within a grid, parameters sorted by name, the last one varying fastest).
/// Throws ValueError for a parameter with no values.
[[nodiscard]] std::vector<ParamMap> parameter_grid(const std::vector<ParamGrid>& grids);

/// A distribution to sample a parameter from: a list of values (sampled
/// uniformly) or a sampler (see param_uniform & co.).
using ParamDistribution = std::variant<std::vector<ParamValue>, std::function<ParamValue(Generator&)>>;
using ParamDistributions = std::map<std::string, ParamDistribution, std::less<>>;

/// scipy.stats.uniform(loc, scale): doubles uniform on [loc, loc + scale).
[[nodiscard]] std::function<ParamValue(Generator&)> param_uniform(double loc, double scale);
/// scipy.stats.loguniform(a, b): doubles whose logarithm is uniform on [log a, log b).
[[nodiscard]] std::function<ParamValue(Generator&)> param_loguniform(double a, double b);
/// scipy.stats.randint(low, high): integers uniform on [low, high).
[[nodiscard]] std::function<ParamValue(Generator&)> param_randint(std::int64_t low, std::int64_t high);

/// n_iter parameter settings (sklearn.model_selection.ParameterSampler): when
/// every distribution is a list, n_iter distinct grid points sampled without
/// replacement (all of them, with a warning, if the grid is smaller); otherwise
/// each parameter (sorted by name) drawn independently per setting.
[[nodiscard]] std::vector<ParamMap> parameter_sampler(const ParamDistributions& distributions, Index n_iter,
                                                      std::uint64_t seed);

/// Options shared by GridSearchCV and RandomizedSearchCV, scikit-learn's names and defaults.
struct SearchOptions {
  /// Scorer names (empty: the estimator's score()).
  std::vector<std::string> scoring{};
  /// The scorer that picks the best candidate (empty: the first of scoring).
  std::string refit_scorer{};
  /// Refit the best candidate on all the data (scikit-learn's refit=True).
  bool refit = true;
  CvSpec cv = 5;
  int n_jobs = 1;
  bool return_train_score = false;
  std::optional<double> error_score = std::numeric_limits<double>::quiet_NaN();
};

/// scikit-learn's cv_results_: one entry per candidate.
struct CvResults {
  std::vector<ParamMap> params;
  Vector mean_fit_time, std_fit_time, mean_score_time, std_score_time;
  /// Per scorer name: candidates x splits scores, their mean, std (ddof 0) and
  /// rank (1 is best; ties share the lowest rank; NaN ranks last).
  std::map<std::string, Matrix> split_test_scores, split_train_scores;
  std::map<std::string, Vector> mean_test_score, std_test_score, mean_train_score, std_train_score;
  std::map<std::string, std::vector<Index>> rank_test_score;

  /// The table as text: one row per candidate, its parameters, mean / std /
  /// rank of each test score (pandas' DataFrame of cv_results_, abridged).
  [[nodiscard]] std::string to_string() const;
};

/// What GridSearchCV and RandomizedSearchCV share: fit evaluates candidates,
/// then the search behaves as the refitted best estimator.
class BaseSearchCV : public Estimator {
 public:
  [[nodiscard]] EstimatorKind kind() const override { return estimator_->kind(); }
  [[nodiscard]] ParamMap get_params(bool deep = true) const override;
  Estimator& set_params(const ParamMap& params) override;
  [[nodiscard]] bool is_fitted() const override { return fitted_; }
  [[nodiscard]] Index n_features_in() const override;
  [[nodiscard]] bool has(Method method) const override { return estimator_->has(method); }

  [[nodiscard]] Vector predict(const MatrixView& X) const override { return best().predict(X); }
  [[nodiscard]] Matrix predict_proba(const MatrixView& X) const override { return best().predict_proba(X); }
  [[nodiscard]] Matrix predict_log_proba(const MatrixView& X) const override { return best().predict_log_proba(X); }
  [[nodiscard]] Matrix decision_function(const MatrixView& X) const override { return best().decision_function(X); }
  [[nodiscard]] Matrix transform(const MatrixView& X) const override { return best().transform(X); }
  [[nodiscard]] Matrix inverse_transform(const MatrixView& X) const override { return best().inverse_transform(X); }
  /// The refit scorer on (X, y) with the best estimator (its score() when scoring is empty).
  [[nodiscard]] double score(const MatrixView& X, const VectorView& y,
                             const VectorView& sample_weight = Vector()) const override;
  [[nodiscard]] Vector classes() const override { return best().classes(); }

  /// scikit-learn's cv_results_, best_index_, best_params_, best_score_,
  /// best_estimator_ (NotFittedError before fit; best_estimator needs refit).
  [[nodiscard]] const CvResults& cv_results() const;
  [[nodiscard]] Index best_index() const;
  [[nodiscard]] const ParamMap& best_params() const;
  [[nodiscard]] double best_score() const;
  [[nodiscard]] const Estimator& best_estimator() const { return best(); }
  [[nodiscard]] double refit_time() const;
  /// The splitter's number of splits (n_splits_).
  [[nodiscard]] Index n_splits() const;

  /// The estimator searched over (unfitted; its clones are fitted).
  [[nodiscard]] const EstimatorPtr& estimator() const noexcept { return estimator_; }
  [[nodiscard]] const SearchOptions& options() const noexcept { return options_; }

 protected:
  BaseSearchCV(EstimatorPtr estimator, SearchOptions options);
  /// The candidates to evaluate (grid or samples).
  [[nodiscard]] virtual std::vector<ParamMap> candidates() const = 0;
  void fit_impl(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) override;

  EstimatorPtr estimator_;
  SearchOptions options_;

 private:
  [[nodiscard]] const Estimator& best() const;
  [[nodiscard]] std::string refit_name() const;

  bool fitted_ = false;
  CvResults results_;
  Index best_index_ = -1;
  Index n_splits_ = 0;
  double refit_time_ = 0;
  EstimatorPtr best_estimator_;
};

/// Exhaustive search over parameter grids (sklearn.model_selection.GridSearchCV).
///
/// \code
///   auto pipe = std::make_shared<Pipeline>(make_pipeline(StandardScaler(), LogisticRegression()));
///   GridSearchCV search(pipe, {{"logisticregression__C", {0.1, 1.0, 10.0}}}, {.scoring = {"roc_auc"}, .n_jobs = 2});
///   search.fit(X, y);
///   search.best_params();  search.best_score();  search.predict(X_test);
/// \endcode
class GridSearchCV final : public BaseSearchCV {
 public:
  /// Throws ValueError for an empty grid or an empty list of values.
  GridSearchCV(EstimatorPtr estimator, std::vector<ParamGrid> param_grid, SearchOptions options = {});
  GridSearchCV(EstimatorPtr estimator, ParamGrid param_grid, SearchOptions options = {})
      : GridSearchCV(std::move(estimator), std::vector<ParamGrid>{std::move(param_grid)}, std::move(options)) {}

  [[nodiscard]] std::string name() const override { return "GridSearchCV"; }
  [[nodiscard]] std::unique_ptr<Estimator> clone() const override;
  [[nodiscard]] const std::vector<ParamGrid>& param_grid() const noexcept { return grid_; }

 protected:
  [[nodiscard]] std::vector<ParamMap> candidates() const override { return parameter_grid(grid_); }

 private:
  std::vector<ParamGrid> grid_;
};

/// Search over n_iter sampled settings (sklearn.model_selection.RandomizedSearchCV).
class RandomizedSearchCV final : public BaseSearchCV {
 public:
  /// n_iter settings drawn with `random_state` (fresh entropy when unset).
  RandomizedSearchCV(EstimatorPtr estimator, ParamDistributions param_distributions, Index n_iter = 10,
                     std::optional<std::uint64_t> random_state = std::nullopt, SearchOptions options = {});

  [[nodiscard]] std::string name() const override { return "RandomizedSearchCV"; }
  [[nodiscard]] std::unique_ptr<Estimator> clone() const override;

 protected:
  [[nodiscard]] std::vector<ParamMap> candidates() const override;

 private:
  ParamDistributions distributions_;
  Index n_iter_;
  std::optional<std::uint64_t> random_state_;
};

/// Options of learning_curve.
struct LearningCurveOptions {
  /// Fractions in (0, 1] of the largest training set, or (values > 1) absolute sizes.
  std::vector<double> train_sizes{0.1, 0.325, 0.55, 0.775, 1.0};
  CvSpec cv = 5;
  std::string scoring{};  ///< empty: the estimator's score()
  Vector groups{};
  int n_jobs = 1;
  bool shuffle = false;  ///< shuffle each training split before taking prefixes
  std::optional<std::uint64_t> random_state = std::nullopt;
  std::optional<double> error_score = std::numeric_limits<double>::quiet_NaN();
};

/// What learning_curve returns: sizes, and sizes x splits scores.
struct LearningCurve {
  std::vector<Index> train_sizes;
  Matrix train_scores, test_scores;
};

/// Scores of models fitted on growing prefixes of each training split
/// (sklearn.model_selection.learning_curve).
[[nodiscard]] LearningCurve learning_curve(const Estimator& estimator, const MatrixView& X, const VectorView& y,
                                           const LearningCurveOptions& options = {});

/// Options of validation_curve.
struct ValidationCurveOptions {
  CvSpec cv = 5;
  std::string scoring{};
  Vector groups{};
  int n_jobs = 1;
  std::optional<double> error_score = std::numeric_limits<double>::quiet_NaN();
};

/// What validation_curve returns: values x splits scores.
struct ValidationCurve {
  Matrix train_scores, test_scores;
};

/// Scores for each value of one parameter (sklearn.model_selection.validation_curve).
[[nodiscard]] ValidationCurve validation_curve(const Estimator& estimator, const MatrixView& X, const VectorView& y,
                                               const std::string& param_name,
                                               const std::vector<ParamValue>& param_range,
                                               const ValidationCurveOptions& options = {});

}  // namespace scilearn::learn
