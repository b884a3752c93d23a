#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/model_selection/search.hpp>
#include <sstream>

namespace scilearn::learn {

std::vector<ParamMap> parameter_grid(const std::vector<ParamGrid>& grids) {
  std::vector<ParamMap> out;
  for (const auto& grid : grids) {
    std::vector<std::pair<std::string, const std::vector<ParamValue>*>> axes;
    for (const auto& [name, values] : grid) {
      if (values.empty()) throw ValueError(cat("parameter_grid: the values of '", name, "' are empty"));
      axes.emplace_back(name, &values);
    }
    // An odometer over the axes, the last one fastest (itertools.product).
    std::vector<std::size_t> position(axes.size(), 0);
    while (true) {
      ParamMap params;
      for (std::size_t a = 0; a < axes.size(); ++a) params.emplace(axes[a].first, (*axes[a].second)[position[a]]);
      out.push_back(std::move(params));
      std::size_t a = axes.size();
      while (a > 0 && ++position[a - 1] == axes[a - 1].second->size()) position[--a] = 0;
      if (a == 0) break;
    }
  }
  return out;
}

std::function<ParamValue(Generator&)> param_uniform(double loc, double scale) {
  if (!std::isfinite(loc) || !(scale > 0) || !std::isfinite(scale))
    throw ValueError(cat("param_uniform: needs finite loc and scale > 0, got ", loc, ", ", scale));
  return [loc, scale](Generator& rng) -> ParamValue { return rng.uniform(loc, loc + scale); };
}

std::function<ParamValue(Generator&)> param_loguniform(double a, double b) {
  if (!(a > 0) || !(b > a) || !std::isfinite(b))
    throw ValueError(cat("param_loguniform: needs 0 < a < b, got ", a, ", ", b));
  return [a, b](Generator& rng) -> ParamValue { return std::exp(rng.uniform(std::log(a), std::log(b))); };
}

std::function<ParamValue(Generator&)> param_randint(std::int64_t low, std::int64_t high) {
  if (high <= low) throw ValueError(cat("param_randint: needs low < high, got ", low, ", ", high));
  return [low, high](Generator& rng) -> ParamValue { return rng.integers(low, high); };
}

std::vector<ParamMap> parameter_sampler(const ParamDistributions& distributions, Index n_iter, std::uint64_t seed) {
  if (n_iter < 1) throw ValueError(cat("parameter_sampler: n_iter must be >= 1, got ", n_iter));
  Generator rng(seed);
  const bool all_lists = std::all_of(distributions.begin(), distributions.end(), [](const auto& entry) {
    return std::holds_alternative<std::vector<ParamValue>>(entry.second);
  });
  if (all_lists) {
    ParamGrid grid;
    for (const auto& [name, distribution] : distributions)
      grid.emplace(name, std::get<std::vector<ParamValue>>(distribution));
    std::vector<ParamMap> points = parameter_grid({grid});
    const auto size = static_cast<Index>(points.size());
    if (n_iter > size) {
      warn(WarningCategory::user, cat("The total space of parameters ", size, " is smaller than n_iter=", n_iter,
                                      ". Running ", size, " iterations."));
      n_iter = size;
    }
    // A partial Fisher-Yates shuffle: the first n_iter of a random permutation.
    std::vector<Index> order(static_cast<std::size_t>(size));
    std::iota(order.begin(), order.end(), Index{0});
    std::vector<ParamMap> out;
    for (Index i = 0; i < n_iter; ++i) {
      const auto j = static_cast<std::size_t>(rng.integers(i, size));
      std::swap(order[static_cast<std::size_t>(i)], order[j]);
      out.push_back(points[static_cast<std::size_t>(order[static_cast<std::size_t>(i)])]);
    }
    return out;
  }
  std::vector<ParamMap> out;
  for (Index i = 0; i < n_iter; ++i) {
    ParamMap params;
    for (const auto& [name, distribution] : distributions) {
      if (const auto* values = std::get_if<std::vector<ParamValue>>(&distribution)) {
        if (values->empty()) throw ValueError(cat("parameter_sampler: the values of '", name, "' are empty"));
        params.emplace(name,
                       (*values)[static_cast<std::size_t>(rng.integers(0, static_cast<std::int64_t>(values->size())))]);
      } else {
        params.emplace(name, std::get<std::function<ParamValue(Generator&)>>(distribution)(rng));
      }
    }
    out.push_back(std::move(params));
  }
  return out;
}

std::string CvResults::to_string() const {
  std::ostringstream out;
  out.imbue(std::locale::classic());
  out << "params";
  for (const auto& [name, mean] : mean_test_score)
    out << "\tmean_test_" << name << "\tstd_test_" << name << "\trank_test_" << name;
  out << "\n";
  for (std::size_t c = 0; c < params.size(); ++c) {
    std::string shown = "{";
    for (const auto& [key, value] : params[c])
      shown += cat(shown.size() > 1 ? ", " : "", "'", key, "': ", learn::to_string(value));
    out << shown << "}";
    for (const auto& [name, mean] : mean_test_score)
      out << "\t" << mean(static_cast<Index>(c)) << "\t" << std_test_score.at(name)(static_cast<Index>(c)) << "\t"
          << rank_test_score.at(name)[c];
    out << "\n";
  }
  return out.str();
}

BaseSearchCV::BaseSearchCV(EstimatorPtr estimator, SearchOptions options)
    : estimator_(std::move(estimator)), options_(std::move(options)) {
  if (!estimator_) throw ValueError("search: the estimator is null");
  for (const auto& name : options_.scoring) (void)get_scorer(name);  // unknown names fail here
  if (!options_.refit_scorer.empty() &&
      std::find(options_.scoring.begin(), options_.scoring.end(), options_.refit_scorer) == options_.scoring.end())
    throw ValueError(cat("search: refit_scorer '", options_.refit_scorer, "' is not one of the scoring names"));
}

std::string BaseSearchCV::refit_name() const {
  if (!options_.refit_scorer.empty()) return options_.refit_scorer;
  return options_.scoring.empty() ? "score" : options_.scoring.front();
}

ParamMap BaseSearchCV::get_params(bool deep) const {
  ParamMap out{{"estimator", estimator_},
               {"scoring", options_.scoring},
               {"refit", options_.refit},
               {"n_jobs", std::int64_t{options_.n_jobs}},
               {"return_train_score", options_.return_train_score}};
  if (deep)
    for (auto& [key, value] : estimator_->get_params(true)) out.emplace("estimator__" + key, value);
  return out;
}

Estimator& BaseSearchCV::set_params(const ParamMap& params) {
  SearchOptions options = options_;
  EstimatorPtr estimator = estimator_;
  ParamMap nested;
  for (const auto& [key, value] : params) {
    if (key.starts_with("estimator__"))
      nested.emplace(key.substr(11), value);
    else if (key == "estimator")
      from_param(value, estimator, name(), key);
    else if (key == "scoring")
      from_param(value, options.scoring, name(), key);
    else if (key == "refit")
      from_param(value, options.refit, name(), key);
    else if (key == "n_jobs")
      from_param(value, options.n_jobs, name(), key);
    else if (key == "return_train_score")
      from_param(value, options.return_train_score, name(), key);
    else
      throw ValueError(
          cat("Invalid parameter '", key, "' for estimator ", name(),
              ". Valid parameters are: ['estimator', 'n_jobs', 'refit', 'return_train_score', 'scoring']"));
  }
  if (!estimator) throw ValueError(cat(name(), ": the estimator is null"));
  for (const auto& scorer : options.scoring) (void)get_scorer(scorer);
  if (!nested.empty()) estimator->set_params(nested);
  estimator_ = std::move(estimator);
  options_ = std::move(options);
  return *this;
}

Index BaseSearchCV::n_features_in() const { return best().n_features_in(); }

const Estimator& BaseSearchCV::best() const {
  if (!fitted_) throw NotFittedError(not_fitted_message(name()));
  if (!best_estimator_) throw ValueError(cat(name(), " was fitted with refit=false: there is no best estimator"));
  return *best_estimator_;
}

const CvResults& BaseSearchCV::cv_results() const {
  if (!fitted_) throw NotFittedError(not_fitted_message(name()));
  return results_;
}
Index BaseSearchCV::best_index() const {
  if (!fitted_) throw NotFittedError(not_fitted_message(name()));
  return best_index_;
}
const ParamMap& BaseSearchCV::best_params() const {
  return cv_results().params[static_cast<std::size_t>(best_index())];
}
double BaseSearchCV::best_score() const { return cv_results().mean_test_score.at(refit_name())(best_index()); }
double BaseSearchCV::refit_time() const {
  (void)cv_results();
  return refit_time_;
}
Index BaseSearchCV::n_splits() const {
  (void)cv_results();
  return n_splits_;
}

double BaseSearchCV::score(const MatrixView& X, const VectorView& y, const VectorView& sample_weight) const {
  if (options_.scoring.empty()) return best().score(X, y, sample_weight);
  return get_scorer(refit_name()).score(best(), X, y);
}

namespace {

// Ranks as scikit-learn's rankdata(-mean, method="min"), NaN last.
std::vector<Index> min_ranks(const Vector& mean) {
  std::vector<Index> order(static_cast<std::size_t>(mean.size()));
  std::iota(order.begin(), order.end(), Index{0});
  auto key = [&](Index i) { return std::isnan(mean(i)) ? -std::numeric_limits<double>::infinity() : mean(i); };
  std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) { return key(a) > key(b); });
  std::vector<Index> rank(order.size());
  for (std::size_t k = 0; k < order.size(); ++k)
    rank[static_cast<std::size_t>(order[k])] = (k > 0 && key(order[k]) == key(order[k - 1]))
                                                   ? rank[static_cast<std::size_t>(order[k - 1])]
                                                   : static_cast<Index>(k + 1);
  return rank;
}

void mean_and_std(const Matrix& scores, Vector& mean, Vector& std_dev) {
  mean = scores.rowwise().mean();
  std_dev = ((scores.colwise() - mean).array().square().rowwise().mean()).sqrt();
}

}  // namespace

void BaseSearchCV::fit_impl(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) {
  fitted_ = false;
  const std::string where = cat(name(), ".fit");
  check_non_empty(where, "X", X);
  const Vector no_y, no_weight;
  const VectorView y_view = y ? *y : VectorView(no_y),
                   weight_view = sample_weight ? *sample_weight : VectorView(no_weight);
  if (y) check_same_length(where, "X", X.rows(), "y", y->size());
  check_sample_weight(where, weight_view, X.rows());
  const std::vector<ParamMap> candidates = this->candidates();
  if (candidates.empty()) throw ValueError(cat(where, ": no candidate parameters"));
  const auto splits = options_.cv.split(*estimator_, X.rows(), y_view, Vector());
  const auto scorers = detail::scorers_for(options_.scoring);
  std::vector<detail::FitJob> jobs;
  for (const auto& params : candidates)
    for (const auto& split : splits) jobs.push_back({&params, &split});
  const auto results = detail::fit_and_score(*estimator_, X, y_view, weight_view, jobs, scorers,
                                             options_.return_train_score, false, options_.n_jobs, options_.error_score);
  const auto n_candidates = static_cast<Index>(candidates.size()), n_splits = static_cast<Index>(splits.size());
  CvResults r;
  r.params = candidates;
  Matrix fit_times(n_candidates, n_splits), score_times(n_candidates, n_splits);
  for (Index c = 0; c < n_candidates; ++c)
    for (Index s = 0; s < n_splits; ++s) {
      const auto& job = results[static_cast<std::size_t>(c * n_splits + s)];
      fit_times(c, s) = job.fit_time;
      score_times(c, s) = job.score_time;
    }
  mean_and_std(fit_times, r.mean_fit_time, r.std_fit_time);
  mean_and_std(score_times, r.mean_score_time, r.std_score_time);
  for (std::size_t k = 0; k < scorers.size(); ++k) {
    const std::string& scorer = scorers[k].name;
    Matrix test(n_candidates, n_splits), train(n_candidates, n_splits);
    for (Index c = 0; c < n_candidates; ++c)
      for (Index s = 0; s < n_splits; ++s) {
        const auto& job = results[static_cast<std::size_t>(c * n_splits + s)];
        test(c, s) = job.test_scores[k];
        if (options_.return_train_score) train(c, s) = job.train_scores[k];
      }
    mean_and_std(test, r.mean_test_score[scorer], r.std_test_score[scorer]);
    r.rank_test_score[scorer] = min_ranks(r.mean_test_score[scorer]);
    r.split_test_scores[scorer] = std::move(test);
    if (options_.return_train_score) {
      mean_and_std(train, r.mean_train_score[scorer], r.std_train_score[scorer]);
      r.split_train_scores[scorer] = std::move(train);
    }
  }
  const auto& ranks = r.rank_test_score.at(refit_name());
  const Index best = std::min_element(ranks.begin(), ranks.end()) - ranks.begin();  // the first of rank 1
  EstimatorPtr refitted;
  double refit_seconds = 0;
  if (options_.refit) {
    const auto start = std::chrono::steady_clock::now();
    refitted = estimator_->clone();
    refitted->set_params(detail::with_cloned_estimators(candidates[static_cast<std::size_t>(best)]));
    if (sample_weight)
      refitted->fit(X, *y, *sample_weight);
    else if (y)
      refitted->fit(X, *y);
    else
      refitted->fit(X);
    refit_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  results_ = std::move(r);
  best_index_ = best;
  n_splits_ = n_splits;
  best_estimator_ = std::move(refitted);
  refit_time_ = refit_seconds;
  fitted_ = true;
}

GridSearchCV::GridSearchCV(EstimatorPtr estimator, std::vector<ParamGrid> param_grid, SearchOptions options)
    : BaseSearchCV(std::move(estimator), std::move(options)), grid_(std::move(param_grid)) {
  if (grid_.empty()) throw ValueError("GridSearchCV: param_grid is empty");
  (void)parameter_grid(grid_);  // empty value lists fail here
}

std::unique_ptr<Estimator> GridSearchCV::clone() const {
  return std::make_unique<GridSearchCV>(estimator_->clone(), grid_, options_);
}

RandomizedSearchCV::RandomizedSearchCV(EstimatorPtr estimator, ParamDistributions param_distributions, Index n_iter,
                                       std::optional<std::uint64_t> random_state, SearchOptions options)
    : BaseSearchCV(std::move(estimator), std::move(options)),
      distributions_(std::move(param_distributions)),
      n_iter_(n_iter),
      random_state_(random_state) {
  if (n_iter_ < 1) throw ValueError(cat("RandomizedSearchCV: n_iter must be >= 1, got ", n_iter_));
}

std::unique_ptr<Estimator> RandomizedSearchCV::clone() const {
  return std::make_unique<RandomizedSearchCV>(estimator_->clone(), distributions_, n_iter_, random_state_, options_);
}

std::vector<ParamMap> RandomizedSearchCV::candidates() const {
  const std::uint64_t seed = random_state_ ? *random_state_ : default_rng()();
  return parameter_sampler(distributions_, n_iter_, seed);
}

LearningCurve learning_curve(const Estimator& estimator, const MatrixView& X, const VectorView& y,
                             const LearningCurveOptions& options) {
  const std::string where = "learning_curve";
  check_non_empty(where, "X", X);
  check_same_length(where, "X", X.rows(), "y", y.size());
  const auto splits = options.cv.split(estimator, X.rows(), y, options.groups);
  Index n_max = X.rows();
  for (const auto& split : splits) n_max = std::min<Index>(n_max, static_cast<Index>(split.train.size()));
  std::vector<Index> sizes;
  for (const double size : options.train_sizes) {
    Index absolute;
    if (size > 0 && size <= 1)
      absolute = std::max<Index>(1, static_cast<Index>(std::floor(size * static_cast<double>(n_max))));
    else if (size > 1 && size <= static_cast<double>(n_max) && size == std::floor(size))
      absolute = static_cast<Index>(size);
    else
      throw ValueError(
          cat(where, ": train sizes must be fractions in (0, 1] or counts in [1, ", n_max, "], got ", size));
    if (std::find(sizes.begin(), sizes.end(), absolute) == sizes.end()) sizes.push_back(absolute);
  }
  std::sort(sizes.begin(), sizes.end());
  std::vector<TrainTestIndices> prefixes;
  Generator rng = default_rng(options.random_state);
  for (const auto& split : splits) {
    std::vector<Index> train = split.train;
    if (options.shuffle) rng.shuffle(train.begin(), train.end());
    for (const Index size : sizes)
      prefixes.push_back({std::vector<Index>(train.begin(), train.begin() + size), split.test});
  }
  std::vector<detail::FitJob> jobs;
  for (const auto& split : prefixes) jobs.push_back({nullptr, &split});
  const std::vector<Scorer> scorers =
      detail::scorers_for(options.scoring.empty() ? std::vector<std::string>{} : std::vector{options.scoring});
  const auto results =
      detail::fit_and_score(estimator, X, y, Vector(), jobs, scorers, true, false, options.n_jobs, options.error_score);
  LearningCurve out{sizes, Matrix(static_cast<Index>(sizes.size()), static_cast<Index>(splits.size())), Matrix()};
  out.test_scores.resizeLike(out.train_scores);
  for (std::size_t s = 0; s < splits.size(); ++s)
    for (std::size_t k = 0; k < sizes.size(); ++k) {
      const auto& job = results[s * sizes.size() + k];
      out.train_scores(static_cast<Index>(k), static_cast<Index>(s)) = job.train_scores[0];
      out.test_scores(static_cast<Index>(k), static_cast<Index>(s)) = job.test_scores[0];
    }
  return out;
}

ValidationCurve validation_curve(const Estimator& estimator, const MatrixView& X, const VectorView& y,
                                 const std::string& param_name, const std::vector<ParamValue>& param_range,
                                 const ValidationCurveOptions& options) {
  const std::string where = "validation_curve";
  check_non_empty(where, "X", X);
  check_same_length(where, "X", X.rows(), "y", y.size());
  if (param_range.empty()) throw ValueError(cat(where, ": param_range is empty"));
  const auto splits = options.cv.split(estimator, X.rows(), y, options.groups);
  std::vector<ParamMap> settings;
  for (const auto& value : param_range) settings.push_back({{param_name, value}});
  std::vector<detail::FitJob> jobs;
  for (const auto& params : settings)
    for (const auto& split : splits) jobs.push_back({&params, &split});
  const std::vector<Scorer> scorers =
      detail::scorers_for(options.scoring.empty() ? std::vector<std::string>{} : std::vector{options.scoring});
  const auto results =
      detail::fit_and_score(estimator, X, y, Vector(), jobs, scorers, true, false, options.n_jobs, options.error_score);
  const auto n_values = static_cast<Index>(settings.size()), n_splits = static_cast<Index>(splits.size());
  ValidationCurve out{Matrix(n_values, n_splits), Matrix(n_values, n_splits)};
  for (Index v = 0; v < n_values; ++v)
    for (Index s = 0; s < n_splits; ++s) {
      const auto& job = results[static_cast<std::size_t>(v * n_splits + s)];
      out.train_scores(v, s) = job.train_scores[0];
      out.test_scores(v, s) = job.test_scores[0];
    }
  return out;
}

}  // namespace scilearn::learn
