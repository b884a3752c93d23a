#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <memory>
#include <mutex>
#include <numeric>
#include <scilearn/core/parallel.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/compose/pipeline.hpp>
#include <scilearn/learn/model_selection/cross_validation.hpp>
#include <string_view>

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

ParamMap with_cloned_estimators(const ParamMap& params) {
  ParamMap out = params;
  for (auto& [key, value] : out)
    if (const auto* estimator = std::get_if<EstimatorPtr>(&value); estimator && *estimator)
      value = EstimatorPtr((*estimator)->clone());
  return out;
}

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Jobs that share a split share its rows, gathered once. When the estimator
// is a Pipeline and the jobs of a split differ only in the last step's
// parameters (a grid over the final estimator's C, say), they share more: the
// leading steps are fitted once and each job's last step sees their output,
// as scikit-learn's Pipeline(memory=...) gives. The answers are those of
// fitting each job's whole pipeline (every step is deterministic and sees the
// same data); only fit_time then counts the last step alone.

// What a group of jobs shares: its split's rows, passed through the fitted
// leading steps of the pipeline when they are shared.
struct GroupData {
  Matrix X_train, X_test, X_train_scored;  // X_train_scored: transform(X_train), for train scores
  Vector y_train, y_test, weight_train;
  std::exception_ptr setup_error;      // gathering or setting the leading steps' parameters failed
  std::exception_ptr fit_error;        // the leading steps' fit failed: each job's fit fails with it
  std::exception_ptr transform_error;  // their transform of the test rows failed: each job's scoring does
};

// Whether a parameter name addresses the pipeline step `step` ("step" or "step__...").
bool addresses_step(std::string_view key, std::string_view step) {
  return key.starts_with(step) && (key.size() == step.size() || key.substr(step.size()).starts_with("__"));
}

class JobGroups {
 public:
  JobGroups(const Estimator& prototype, const MatrixView& X, const VectorView& y, const VectorView& sample_weight,
            const std::vector<FitJob>& jobs, bool train_score, bool keep_estimator)
      : prototype_(prototype), X_(X), y_(y), weight_(sample_weight), train_score_(train_score) {
    const auto* pipeline = dynamic_cast<const Pipeline*>(&prototype);
    if (pipeline && pipeline->size() >= 2 && pipeline->steps().back().estimator && y.size() && !keep_estimator)
      last_step_ = pipeline->steps().back().name;
    // A job that replaces the last step itself (possibly by passthrough) runs its whole pipeline.
    for (const FitJob& job : jobs)
      if (job.params && shares_prefix() && job.params->contains(last_step_)) last_step_.clear();
    group_of_.reserve(jobs.size());
    for (const FitJob& job : jobs) {
      ParamMap prefix;
      if (job.params && shares_prefix())
        for (const auto& [key, value] : *job.params)
          if (!addresses_step(key, last_step_)) prefix.emplace(key, value);
      const auto same = [&](const Group& g) { return g.split == job.split && g.prefix_params == prefix; };
      auto found = std::find_if(groups_.begin(), groups_.end(), same);
      if (found == groups_.end()) found = groups_.insert(groups_.end(), Group{job.split, std::move(prefix)});
      group_of_.push_back(static_cast<std::size_t>(found - groups_.begin()));
    }
    slots_ = std::vector<Slot>(groups_.size());
    for (const std::size_t g : group_of_) ++slots_[g].pending;
  }

  [[nodiscard]] bool shares_prefix() const { return !last_step_.empty(); }

  // Job k's group data, gathered (and passed through the leading steps) on first use.
  std::shared_ptr<const GroupData> acquire(std::size_t k) {
    Slot& slot = slots_[group_of_[k]];
    std::call_once(slot.once, [&] { slot.data = gather(groups_[group_of_[k]]); });  // gather never throws
    return slot.data;  // call_once orders this read after the write
  }

  // Called once per job when it ends: the group's last job frees its data.
  void release(std::size_t k) {
    Slot& slot = slots_[group_of_[k]];
    // Every job of the group acquired it before its release, so none reads it now.
    if (--slot.pending == 0) slot.data.reset();
  }

  // The order to run the jobs in: by group, groups in order of first use.
  [[nodiscard]] std::vector<std::size_t> order() const {
    std::vector<std::size_t> order(group_of_.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return group_of_[a] < group_of_[b]; });
    return order;
  }

 private:
  struct Group {
    const TrainTestIndices* split;
    ParamMap prefix_params;
  };
  struct Slot {
    std::once_flag once;
    std::shared_ptr<const GroupData> data;
    std::atomic<std::size_t> pending{0};
  };

  // Never throws (an exception leaving call_once is not portable): failures
  // are stored for the jobs to rethrow where the whole pipeline would have.
  [[nodiscard]] std::shared_ptr<const GroupData> gather(const Group& group) const {
    auto data = std::make_shared<GroupData>();
    try {
      data->X_train = take_rows(X_, group.split->train);
      data->X_test = take_rows(X_, group.split->test);
      if (y_.size()) data->y_train = take(y_, group.split->train), data->y_test = take(y_, group.split->test);
      if (weight_.size()) data->weight_train = take(weight_, group.split->train);
      if (shares_prefix()) fit_leading_steps(group, *data);
    } catch (...) {
      data->setup_error = std::current_exception();
    }
    return data;
  }

  // The leading steps as Pipeline::fit runs them (fit_transform with y, no
  // sample_weight), then as Pipeline's predict runs them (transform).
  void fit_leading_steps(const Group& group, GroupData& data) const {
    const EstimatorPtr pipeline = prototype_.clone();
    if (!group.prefix_params.empty()) pipeline->set_params(with_cloned_estimators(group.prefix_params));
    const auto& steps = static_cast<const Pipeline&>(*pipeline).steps();
    if (train_score_) data.X_train_scored = data.X_train;
    try {
      for (std::size_t i = 0; i + 1 < steps.size(); ++i)
        if (const auto& step = steps[i].estimator) data.X_train = step->fit_transform(data.X_train, data.y_train);
    } catch (const Error&) {
      data.fit_error = std::current_exception();
      return;
    }
    try {
      for (std::size_t i = 0; i + 1 < steps.size(); ++i)
        if (const auto& step = steps[i].estimator) {
          data.X_test = step->transform(data.X_test);
          if (train_score_) data.X_train_scored = step->transform(data.X_train_scored);
        }
    } catch (const Error&) {
      data.transform_error = std::current_exception();
    }
  }

  const Estimator& prototype_;
  const MatrixView& X_;
  const VectorView& y_;
  const VectorView& weight_;
  bool train_score_;
  std::string last_step_;  // set when the pipeline's leading steps are shared
  std::vector<Group> groups_;
  std::vector<std::size_t> group_of_;  // job -> group
  std::vector<Slot> slots_;
};

FitAndScoreResult run_job(const Estimator& prototype, const GroupData& data, bool shared_prefix, const FitJob& job,
                          const std::vector<Scorer>& scorers, bool train_score, bool keep_estimator,
                          const std::optional<double>& error_score) {
  FitAndScoreResult result;
  if (data.setup_error) std::rethrow_exception(data.setup_error);
  EstimatorPtr estimator = prototype.clone();
  if (job.params) estimator->set_params(with_cloned_estimators(*job.params));
  // With shared leading steps, the job fits and scores its pipeline's last step
  // on their output: Pipeline's fit, predict and score do exactly that.
  if (shared_prefix) estimator = static_cast<const Pipeline&>(*estimator).steps().back().estimator;
  const auto start = std::chrono::steady_clock::now();
  try {
    if (data.fit_error) std::rethrow_exception(data.fit_error);
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
  if (data.transform_error) std::rethrow_exception(data.transform_error);
  for (const auto& scorer : scorers) result.test_scores.push_back(scorer.score(*estimator, data.X_test, data.y_test));
  result.score_time = seconds_since(score_start);
  const Matrix& X_train_scored = shared_prefix ? data.X_train_scored : data.X_train;
  if (train_score)
    for (const auto& scorer : scorers)
      result.train_scores.push_back(scorer.score(*estimator, X_train_scored, data.y_train));
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
  JobGroups groups(estimator, X, y, sample_weight, jobs, train_score, keep_estimator);
  const std::vector<std::size_t> order = groups.order();
  const auto run = [&](std::size_t i) {
    try {
      results[i] = run_job(estimator, *groups.acquire(i), groups.shares_prefix(), jobs[i], scorers, train_score,
                           keep_estimator, error_score);
    } catch (...) {
      groups.release(i);
      throw;
    }
    groups.release(i);
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
