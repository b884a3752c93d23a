#pragma once
/// \file
/// Cross-validation: cross_validate, cross_val_score, cross_val_predict, as
/// sklearn.model_selection. Each split fits a clone of the estimator on the
/// training rows and scores it on the test rows; splits run in parallel with
/// n_jobs, and the results do not depend on n_jobs (each split is computed the
/// same way, whatever thread runs it).

#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <scilearn/learn/base/estimator.hpp>
#include <scilearn/learn/model_selection/scoring.hpp>
#include <scilearn/learn/model_selection/split.hpp>

namespace scilearn::learn {

/// scikit-learn's `cv` argument: a number of folds (StratifiedKFold for a
/// classifier, KFold otherwise, without shuffling: scikit-learn's check_cv) or
/// a splitter.
class CvSpec {
 public:
  /// n_splits folds (default 5).
  CvSpec(int n_splits = 5) : n_splits_(n_splits) {}  // NOLINT: implicit, as cv=5 in Python
  /// A given splitter (shared).
  CvSpec(std::shared_ptr<const CrossValidator> cv) : cv_(std::move(cv)) {}  // NOLINT: implicit
  /// A copy of a concrete splitter.
  template <std::derived_from<CrossValidator> C>
  CvSpec(const C& cv) : cv_(cv.clone()) {}  // NOLINT: implicit

  /// The splits of X's rows for this estimator. Throws ValueError from the splitter.
  [[nodiscard]] std::vector<TrainTestIndices> split(const Estimator& estimator, Index n_samples, const VectorView& y,
                                                    const VectorView& groups) const;

 private:
  int n_splits_ = 5;
  std::shared_ptr<const CrossValidator> cv_;
};

/// Options of cross_validate, scikit-learn's names and defaults.
struct CrossValidateOptions {
  CvSpec cv = 5;
  /// Scorer names (get_scorer); empty: the estimator's score() under "score".
  std::vector<std::string> scoring{};
  /// Group labels for group splitters (empty: none).
  Vector groups{};
  /// Passed to every fit (scikit-learn's params={"sample_weight": ...}).
  Vector sample_weight{};
  bool return_train_score = false;
  bool return_estimator = false;
  bool return_indices = false;
  /// Parallel splits (scikit-learn's n_jobs: -1 all CPUs). BLAS runs single-
  /// threaded inside each job when n_jobs > 1, so cores are not oversubscribed.
  int n_jobs = 1;
  /// The score of a split whose fit throws a scilearn::Error (a warning is
  /// issued); nullopt: rethrow (scikit-learn's error_score="raise").
  std::optional<double> error_score = std::numeric_limits<double>::quiet_NaN();
};

/// What cross_validate returns (scikit-learn's dict of arrays).
struct CrossValidateResult {
  Vector fit_time;    ///< seconds per split
  Vector score_time;  ///< seconds per split
  /// Test scores per scorer name ("test_" + name in scikit-learn), one per split.
  std::map<std::string, Vector> test_scores;
  /// Train scores per scorer name, when return_train_score.
  std::map<std::string, Vector> train_scores;
  /// The fitted estimators, when return_estimator.
  std::vector<EstimatorPtr> estimators;
  /// The splits, when return_indices.
  std::vector<TrainTestIndices> indices;
};

/// Evaluates `estimator` by cross-validation. The estimator itself is not
/// fitted (clones are). Throws: ValueError for bad input or an unknown scorer;
/// a fit error when error_score is nullopt. Complexity: n_splits fits.
[[nodiscard]] CrossValidateResult cross_validate(const Estimator& estimator, const MatrixView& X, const VectorView& y,
                                                 const CrossValidateOptions& options = {});

/// Options of cross_val_score.
struct CrossValScoreOptions {
  CvSpec cv = 5;
  /// A scorer name; empty: the estimator's score().
  std::string scoring{};
  Vector groups{};
  Vector sample_weight{};
  int n_jobs = 1;
  std::optional<double> error_score = std::numeric_limits<double>::quiet_NaN();
};

/// The test score of each split (sklearn.model_selection.cross_val_score).
[[nodiscard]] Vector cross_val_score(const Estimator& estimator, const MatrixView& X, const VectorView& y,
                                     const CrossValScoreOptions& options = {});

/// Options of cross_val_predict.
struct CrossValPredictOptions {
  CvSpec cv = 5;
  /// predict (one column), predict_proba / predict_log_proba /
  /// decision_function (their columns).
  Method method = Method::predict;
  Vector groups{};
  Vector sample_weight{};
  int n_jobs = 1;
};

/// For each sample, the prediction of the model fitted on the splits that did
/// not contain it (sklearn.model_selection.cross_val_predict): n_samples rows.
/// Throws: ValueError unless the splits partition the samples (each sample in
/// exactly one test set), or when the estimator lacks `method`.
[[nodiscard]] Matrix cross_val_predict(const Estimator& estimator, const MatrixView& X, const VectorView& y,
                                       const CrossValPredictOptions& options = {});

namespace detail {

/// One (parameters, split) job of cross-validation or a search.
struct FitAndScoreResult {
  double fit_time = 0, score_time = 0;
  std::vector<double> test_scores, train_scores;  // one per scorer
  EstimatorPtr estimator;                         // the fitted clone
  bool failed = false;
};

/// One job: the parameters to set on a clone (null: none) and its split.
struct FitJob {
  const ParamMap* params;
  const TrainTestIndices* split;
};

/// The parameters with every estimator among the values cloned, so that no
/// two fits share an estimator object (scikit-learn's clone(params)).
[[nodiscard]] ParamMap with_cloned_estimators(const ParamMap& params);

/// Fits a clone of `estimator` (with `params` set) on split.train and scores it
/// on split.test (and train) for every scorer; runs jobs in parallel over
/// n_jobs threads, results in the order of `jobs`. A failing fit gets
/// error_score (and a warning), or rethrows when error_score is nullopt.
std::vector<FitAndScoreResult> fit_and_score(const Estimator& estimator, const MatrixView& X, const VectorView& y,
                                             const VectorView& sample_weight, const std::vector<FitJob>& jobs,
                                             const std::vector<Scorer>& scorers, bool train_score, bool keep_estimator,
                                             int n_jobs, const std::optional<double>& error_score);

/// The scorers named, or {"score"} when none.
std::vector<Scorer> scorers_for(const std::vector<std::string>& names);

}  // namespace detail

}  // namespace scilearn::learn
