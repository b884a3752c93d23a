#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <numeric>
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

// One split's rows, gathered once for all the jobs that use it.
struct SplitData {
  Matrix X_train, X_test;
  Vector y_train, y_test, weight_train;
};

// The jobs' splits, each gathered by the first job that needs it and freed
// when its last job ends. Jobs run in split order, so about one split per
// thread is held at a time.
class SplitCache {
 public:
  SplitCache(const MatrixView& X, const VectorView& y, const VectorView& sample_weight, const std::vector<FitJob>& jobs)
      : X_(X), y_(y), weight_(sample_weight) {
    for (const FitJob& job : jobs) {
      const auto [it, added] = index_.try_emplace(job.split, index_.size());
      (void)added;
    }
    slots_ = std::vector<Slot>(index_.size());
    for (const FitJob& job : jobs) ++slots_[index_.at(job.split)].pending;
  }

  // The split's data, gathered on first use.
  std::shared_ptr<const SplitData> acquire(const TrainTestIndices* split) {
    Slot& slot = slots_[index_.at(split)];
    std::call_once(slot.once, [&] {
      auto data = std::make_shared<SplitData>();
      data->X_train = take_rows(X_, split->train);
      data->X_test = take_rows(X_, split->test);
      if (y_.size()) data->y_train = take(y_, split->train), data->y_test = take(y_, split->test);
      if (weight_.size()) data->weight_train = take(weight_, split->train);
      slot.data = std::move(data);
    });
    return slot.data;  // call_once orders this read after the write
  }

  // Called once per job when it ends: the last one frees the split's data.
  void release(const TrainTestIndices* split) {
    Slot& slot = slots_[index_.at(split)];
    // Every job of the split has acquired it before its release, so none reads it now.
    if (--slot.pending == 0) slot.data.reset();
  }

  // The order to run the jobs in: grouped by split, first use first.
  [[nodiscard]] std::vector<std::size_t> order(const std::vector<FitJob>& jobs) const {
    std::vector<std::size_t> order(jobs.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return index_.at(jobs[a].split) < index_.at(jobs[b].split); });
    return order;
  }

 private:
  struct Slot {
    std::once_flag once;
    std::shared_ptr<const SplitData> data;
    std::atomic<std::size_t> pending{0};
  };
  const MatrixView& X_;
  const VectorView& y_;
  const VectorView& weight_;
  std::map<const TrainTestIndices*, std::size_t> index_;
  std::vector<Slot> slots_;
};

FitAndScoreResult run_job(const Estimator& prototype, const SplitData& data, const FitJob& job,
                          const std::vector<Scorer>& scorers, bool train_score, bool keep_estimator,
                          const std::optional<double>& error_score) {
  FitAndScoreResult result;
  EstimatorPtr estimator = prototype.clone();
  if (job.params) estimator->set_params(*job.params);
  const auto start = std::chrono::steady_clock::now();
  try {
    if (data.weight_train.size())
      estimator->fit(data.X_train, data.y_train, data.weight_train);
    else if (data.y_train.size())
      estimator->fit(data.X_train, data.y_train);
    else
      estimator->fit(data.X_train);
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
  for (const auto& scorer : scorers) result.test_scores.push_back(scorer.score(*estimator, data.X_test, data.y_test));
  result.score_time = seconds_since(score_start);
  if (train_score)
    for (const auto& scorer : scorers)
      result.train_scores.push_back(scorer.score(*estimator, data.X_train, data.y_train));
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
  SplitCache cache(X, y, sample_weight, jobs);
  const std::vector<std::size_t> order = cache.order(jobs);
  const auto run = [&](std::size_t i) {
    const FitJob& job = jobs[i];
    try {
      results[i] =
          run_job(estimator, *cache.acquire(job.split), job, scorers, train_score, keep_estimator, error_score);
    } catch (...) {
      cache.release(job.split);
      throw;
    }
    cache.release(job.split);
  };
  if (threads <= 1) {
    for (const std::size_t i : order) run(i);
    return results;
  }
  // Each job is computed the same way whatever thread runs it, so the results
  // do not depend on n_jobs; BLAS stays single-threaded inside the jobs.
  std::vector<std::exception_ptr> errors(jobs.size());
  const BlasThreadLimit single_threaded_blas(1);
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
  for (std::size_t k = 0; k < order.size(); ++k) {
    try {
      run(order[k]);
    } catch (...) {
      errors[order[k]] = std::current_exception();
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
