#include <chrono>
#include <exception>
#include <scilearn/core/parallel.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/model_selection/cross_validation.hpp>

namespace scilearn::learn {

std::vector<TrainTestIndices> CvSpec::split(const Estimator& estimator, Index n_samples, const VectorView& y,
                                            const VectorView& groups) const {
  if (cv_) return cv_->split(n_samples, y, groups);
  return check_cv(n_splits_, y, is_classifier(estimator))->split(n_samples, y, groups);
}

namespace detail {

std::vector<Scorer> scorers_for(const std::vector<std::string>& names) {
  std::vector<Scorer> scorers;
  if (names.empty()) scorers.push_back(get_scorer("score"));
  for (const auto& name : names) scorers.push_back(get_scorer(name));
  return scorers;
}

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

FitAndScoreResult run_job(const Estimator& prototype, const MatrixView& X, const VectorView& y,
                          const VectorView& sample_weight, const FitJob& job, const std::vector<Scorer>& scorers,
                          bool train_score, bool keep_estimator, const std::optional<double>& error_score) {
  FitAndScoreResult result;
  EstimatorPtr estimator = prototype.clone();
  if (job.params) estimator->set_params(*job.params);
  const Matrix X_train = take_rows(X, job.split->train), X_test = take_rows(X, job.split->test);
  const Vector y_train = y.size() ? take(y, job.split->train) : Vector();
  const Vector y_test = y.size() ? take(y, job.split->test) : Vector();
  const auto start = std::chrono::steady_clock::now();
  try {
    if (sample_weight.size())
      estimator->fit(X_train, y_train, take(sample_weight, job.split->train));
    else if (y.size())
      estimator->fit(X_train, y_train);
    else
      estimator->fit(X_train);
  } catch (const Error& e) {
    if (!error_score) throw;
    result.fit_time = seconds_since(start);
    result.failed = true;
    result.test_scores.assign(scorers.size(), *error_score);
    if (train_score) result.train_scores.assign(scorers.size(), *error_score);
    warn(WarningCategory::user, cat("a fit failed and its score is set to ", *error_score, ": ", e.what()));
    return result;
  }
  result.fit_time = seconds_since(start);
  const auto score_start = std::chrono::steady_clock::now();
  for (const auto& scorer : scorers) result.test_scores.push_back(scorer.score(*estimator, X_test, y_test));
  result.score_time = seconds_since(score_start);
  if (train_score)
    for (const auto& scorer : scorers) result.train_scores.push_back(scorer.score(*estimator, X_train, y_train));
  if (keep_estimator) result.estimator = std::move(estimator);
  return result;
}

}  // namespace

std::vector<FitAndScoreResult> fit_and_score(const Estimator& estimator, const MatrixView& X, const VectorView& y,
                                             const VectorView& sample_weight, const std::vector<FitJob>& jobs,
                                             const std::vector<Scorer>& scorers, bool train_score, bool keep_estimator,
                                             int n_jobs, const std::optional<double>& error_score) {
  const int threads = std::min<int>(effective_n_jobs(n_jobs), static_cast<int>(jobs.size()));
  std::vector<FitAndScoreResult> results(jobs.size());
  if (threads <= 1) {
    for (std::size_t i = 0; i < jobs.size(); ++i)
      results[i] = run_job(estimator, X, y, sample_weight, jobs[i], scorers, train_score, keep_estimator, error_score);
    return results;
  }
  // Each job is computed the same way whatever thread runs it, so the results
  // do not depend on n_jobs; BLAS stays single-threaded inside the jobs.
  std::vector<std::exception_ptr> errors(jobs.size());
  const BlasThreadLimit single_threaded_blas(1);
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    try {
      results[i] = run_job(estimator, X, y, sample_weight, jobs[i], scorers, train_score, keep_estimator, error_score);
    } catch (...) {
      errors[i] = std::current_exception();
    }
  }
  for (const auto& error : errors)
    if (error) std::rethrow_exception(error);
  return results;
}

}  // namespace detail

namespace {

void check_inputs(std::string_view where, const MatrixView& X, const VectorView& y, const VectorView& groups,
                  const VectorView& sample_weight) {
  check_non_empty(where, "X", X);
  if (y.size()) check_same_length(where, "X", X.rows(), "y", y.size());
  if (groups.size()) check_same_length(where, "X", X.rows(), "groups", groups.size());
  check_sample_weight(where, sample_weight, X.rows());
}

}  // namespace

CrossValidateResult cross_validate(const Estimator& estimator, const MatrixView& X, const VectorView& y,
                                   const CrossValidateOptions& options) {
  check_inputs("cross_validate", X, y, options.groups, options.sample_weight);
  const auto scorers = detail::scorers_for(options.scoring);
  const auto splits = options.cv.split(estimator, X.rows(), y, options.groups);
  std::vector<detail::FitJob> jobs;
  for (const auto& split : splits) jobs.push_back({nullptr, &split});
  const auto results =
      detail::fit_and_score(estimator, X, y, options.sample_weight, jobs, scorers, options.return_train_score,
                            options.return_estimator, options.n_jobs, options.error_score);
  CrossValidateResult out;
  const auto n = static_cast<Index>(results.size());
  out.fit_time.resize(n);
  out.score_time.resize(n);
  for (std::size_t s = 0; s < scorers.size(); ++s) {
    Vector& test = out.test_scores[scorers[s].name] = Vector(n);
    for (Index k = 0; k < n; ++k) test(k) = results[static_cast<std::size_t>(k)].test_scores[s];
    if (options.return_train_score) {
      Vector& train = out.train_scores[scorers[s].name] = Vector(n);
      for (Index k = 0; k < n; ++k) train(k) = results[static_cast<std::size_t>(k)].train_scores[s];
    }
  }
  for (Index k = 0; k < n; ++k) {
    out.fit_time(k) = results[static_cast<std::size_t>(k)].fit_time;
    out.score_time(k) = results[static_cast<std::size_t>(k)].score_time;
    if (options.return_estimator) out.estimators.push_back(results[static_cast<std::size_t>(k)].estimator);
  }
  if (options.return_indices) out.indices = splits;
  return out;
}

Vector cross_val_score(const Estimator& estimator, const MatrixView& X, const VectorView& y,
                       const CrossValScoreOptions& options) {
  CrossValidateOptions validate{.cv = options.cv,
                                .groups = options.groups,
                                .sample_weight = options.sample_weight,
                                .n_jobs = options.n_jobs,
                                .error_score = options.error_score};
  if (!options.scoring.empty()) validate.scoring = {options.scoring};
  return cross_validate(estimator, X, y, validate).test_scores.begin()->second;
}

Matrix cross_val_predict(const Estimator& estimator, const MatrixView& X, const VectorView& y,
                         const CrossValPredictOptions& options) {
  check_inputs("cross_val_predict", X, y, options.groups, options.sample_weight);
  if (!estimator.has(options.method))
    throw ValueError(cat("cross_val_predict: ", estimator.name(), " does not have the requested method"));
  const auto splits = options.cv.split(estimator, X.rows(), y, options.groups);
  std::vector<int> seen(static_cast<std::size_t>(X.rows()), 0);
  for (const auto& split : splits)
    for (const Index i : split.test) ++seen[static_cast<std::size_t>(i)];
  if (std::any_of(seen.begin(), seen.end(), [](int count) { return count != 1; }))
    throw ValueError("cross_val_predict only works for partitions: every sample must be in exactly one test set");
  std::vector<detail::FitJob> jobs;
  for (const auto& split : splits) jobs.push_back({nullptr, &split});
  const auto results = detail::fit_and_score(estimator, X, y, options.sample_weight, jobs, {}, false, true,
                                             options.n_jobs, std::nullopt);
  Matrix out;
  for (std::size_t k = 0; k < splits.size(); ++k) {
    const Matrix test = take_rows(X, splits[k].test);
    const Estimator& fitted = *results[k].estimator;
    Matrix part;
    switch (options.method) {
      case Method::predict: part = fitted.predict(test); break;
      case Method::predict_proba: part = fitted.predict_proba(test); break;
      case Method::predict_log_proba: part = fitted.predict_log_proba(test); break;
      case Method::decision_function: part = fitted.decision_function(test); break;
      default:
        throw ValueError(
            "cross_val_predict: method must be predict, predict_proba, predict_log_proba or decision_function");
    }
    if (out.size() == 0) out.resize(X.rows(), part.cols());
    if (part.cols() != out.cols())
      throw ValueError(
          "cross_val_predict: the folds' models returned different numbers of columns (a class is "
          "missing from a training fold)");
    for (std::size_t r = 0; r < splits[k].test.size(); ++r)
      out.row(splits[k].test[r]) = part.row(static_cast<Index>(r));
  }
  return out;
}

}  // namespace scilearn::learn
