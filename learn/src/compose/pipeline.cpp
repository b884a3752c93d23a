#include <algorithm>
#include <cctype>
#include <map>
#include <scilearn/learn/compose/pipeline.hpp>
#include <scilearn/learn/detail/state_io.hpp>

#include "compose/named_estimators.hpp"

namespace scilearn::learn {

Pipeline::Pipeline(std::vector<PipelineStep> steps) : steps_(std::move(steps)) { validate_steps(); }

void Pipeline::validate_steps() const {
  if (steps_.empty()) throw ValueError("Pipeline: at least one step is required");
  detail::check_names("Pipeline", steps_);
  for (std::size_t i = 0; i + 1 < steps_.size(); ++i) {
    const auto& [name, estimator] = steps_[i];
    if (estimator && !estimator->has(Method::transform))
      throw ValueError(cat("Pipeline: all intermediate steps should be transformers, but '", name, "' (",
                           estimator->name(), ") has no transform()"));
  }
}

EstimatorKind Pipeline::kind() const {
  const auto& last = steps_.back().estimator;
  return last ? last->kind() : EstimatorKind::transformer;
}

std::unique_ptr<Estimator> Pipeline::clone() const {
  std::vector<PipelineStep> copies;
  copies.reserve(steps_.size());
  for (const auto& [name, estimator] : steps_)
    copies.emplace_back(name, estimator ? EstimatorPtr(estimator->clone()) : EstimatorPtr());
  return std::make_unique<Pipeline>(std::move(copies));
}

ParamMap Pipeline::get_params(bool deep) const { return detail::named_params(steps_, deep); }

Estimator& Pipeline::set_params(const ParamMap& params) {
  auto no_own_params = [](const std::string&, const ParamValue&) { return false; };
  Pipeline candidate(detail::with_named_params("Pipeline", steps_, params, no_own_params, {}));  // validates
  steps_ = std::move(candidate.steps_);
  return *this;
}

Index Pipeline::n_features_in() const {
  if (!fitted_) throw NotFittedError(not_fitted_message("Pipeline"));
  for (const auto& step : steps_)
    if (step.estimator) return step.estimator->n_features_in();
  return n_features_passthrough_;
}

bool Pipeline::has(Method method) const {
  const auto& last = steps_.back().estimator;
  switch (method) {
    case Method::transform:
    case Method::inverse_transform:
      return std::all_of(steps_.begin(), steps_.end(),
                         [&](const PipelineStep& s) { return !s.estimator || s.estimator->has(method); });
    default: return last && last->has(method);
  }
}

void Pipeline::fit_impl(const MatrixView& X, const VectorView* y, const VectorView* sample_weight) {
  fitted_ = false;
  const Vector no_y;
  const VectorView y_view = y ? *y : VectorView(no_y);
  Matrix Xt;
  bool transformed = false;
  for (std::size_t i = 0; i + 1 < steps_.size(); ++i) {
    const auto& estimator = steps_[i].estimator;
    if (!estimator) continue;
    Xt = transformed ? estimator->fit_transform(Xt, y_view) : estimator->fit_transform(X, y_view);
    transformed = true;
  }
  const MatrixView input = transformed ? MatrixView(Xt) : X;
  if (const auto& last = steps_.back().estimator) {
    if (y && sample_weight)
      last->fit(input, *y, *sample_weight);
    else if (y)
      last->fit(input, *y);
    else
      last->fit(input);
  }
  n_features_passthrough_ = X.cols();
  fitted_ = true;
}

Matrix Pipeline::transform_until_last(const MatrixView& X) const {
  if (!fitted_) throw NotFittedError(not_fitted_message("Pipeline"));
  Matrix Xt = X;
  for (std::size_t i = 0; i + 1 < steps_.size(); ++i)
    if (steps_[i].estimator) Xt = steps_[i].estimator->transform(Xt);
  return Xt;
}

const Estimator& Pipeline::final_with(Method method, std::string_view name) const {
  if (!fitted_) throw NotFittedError(not_fitted_message("Pipeline"));
  const auto& last = steps_.back().estimator;
  if (!last || !last->has(method))
    throw ValueError(cat("Pipeline has no ", name, "(): its last step '", steps_.back().name, "' does not provide it"));
  return *last;
}

Vector Pipeline::predict(const MatrixView& X) const {
  const Estimator& last = final_with(Method::predict, "predict");
  return last.predict(transform_until_last(X));
}

Matrix Pipeline::predict_proba(const MatrixView& X) const {
  const Estimator& last = final_with(Method::predict_proba, "predict_proba");
  return last.predict_proba(transform_until_last(X));
}

Matrix Pipeline::predict_log_proba(const MatrixView& X) const {
  const Estimator& last = final_with(Method::predict_log_proba, "predict_log_proba");
  return last.predict_log_proba(transform_until_last(X));
}

Matrix Pipeline::decision_function(const MatrixView& X) const {
  const Estimator& last = final_with(Method::decision_function, "decision_function");
  return last.decision_function(transform_until_last(X));
}

double Pipeline::score(const MatrixView& X, const VectorView& y, const VectorView& sample_weight) const {
  const Estimator& last = final_with(Method::score, "score");
  return last.score(transform_until_last(X), y, sample_weight);
}

Vector Pipeline::classes() const {
  if (!fitted_) throw NotFittedError(not_fitted_message("Pipeline"));
  const auto& last = steps_.back().estimator;
  if (!last) throw ValueError("Pipeline has no classes(): its last step is passthrough");
  return last->classes();
}

Matrix Pipeline::transform(const MatrixView& X) const {
  if (!has(Method::transform)) throw_unsupported("transform");
  Matrix Xt = transform_until_last(X);
  if (const auto& last = steps_.back().estimator) return last->transform(Xt);
  return Xt;
}

Matrix Pipeline::fit_transform(const MatrixView& X, const VectorView& y, const VectorView& sample_weight) {
  if (!has(Method::transform)) throw_unsupported("fit_transform");
  fitted_ = false;
  Matrix Xt = X;
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    const auto& estimator = steps_[i].estimator;
    if (!estimator) continue;
    const bool last = i + 1 == steps_.size();
    Xt = estimator->fit_transform(Xt, y, last ? sample_weight : VectorView(Vector()));
  }
  n_features_passthrough_ = X.cols();
  fitted_ = true;
  return Xt;
}

Matrix Pipeline::inverse_transform(const MatrixView& X) const {
  if (!has(Method::inverse_transform)) throw_unsupported("inverse_transform");
  if (!fitted_) throw NotFittedError(not_fitted_message("Pipeline"));
  Matrix Xt = X;
  for (auto step = steps_.rbegin(); step != steps_.rend(); ++step)
    if (step->estimator) Xt = step->estimator->inverse_transform(Xt);
  return Xt;
}

std::vector<std::string> Pipeline::get_feature_names_out(const std::vector<std::string>& input_features) const {
  if (!fitted_) throw NotFittedError(not_fitted_message("Pipeline"));
  std::vector<std::string> names = input_features;
  for (const auto& step : steps_) {
    if (!step.estimator) continue;
    names = step.estimator->get_feature_names_out(names);
  }
  return names.empty() ? default_feature_names(n_features_passthrough_) : names;
}

Estimator& Pipeline::operator[](Index i) const {
  const Index n = size();
  const Index k = i < 0 ? i + n : i;
  if (k < 0 || k >= n) throw ValueError(cat("Pipeline: step index ", i, " is out of range for ", n, " steps"));
  const auto& estimator = steps_[static_cast<std::size_t>(k)].estimator;
  if (!estimator)
    throw ValueError(cat("Pipeline: step ", i, " ('", steps_[static_cast<std::size_t>(k)].name, "') is passthrough"));
  return *estimator;
}

Estimator& Pipeline::named_step(std::string_view name) const {
  for (Index i = 0; i < size(); ++i)
    if (steps_[static_cast<std::size_t>(i)].name == name) return (*this)[i];
  throw ValueError(cat("Pipeline has no step named '", name, "'"));
}

Pipeline Pipeline::slice(Index first, Index last) const {
  const Index n = size();
  if (first < 0) first += n;
  if (last < 0) last += n;
  first = std::clamp<Index>(first, 0, n);
  last = std::clamp<Index>(last, 0, n);
  if (first >= last) throw ValueError(cat("Pipeline.slice: empty range [", first, ", ", last, ")"));
  return Pipeline(std::vector<PipelineStep>(steps_.begin() + first, steps_.begin() + last));
}

void Pipeline::write(io::BinaryWriter& out) const {
  detail::write_items(steps_, out);
  out.put_bool(fitted_);
  out.put_i64(n_features_passthrough_);
}

std::unique_ptr<Estimator> Pipeline::read(io::BinaryReader& in) {
  std::unique_ptr<Pipeline> pipe;
  try {
    pipe = std::make_unique<Pipeline>(detail::read_items<PipelineStep>(in));
  } catch (const ValueError& e) {
    in.fail(cat("invalid Pipeline (", e.what(), ")"));
  }
  pipe->fitted_ = in.get_bool();
  pipe->n_features_passthrough_ = in.get_i64();
  if (pipe->fitted_)
    for (const auto& step : pipe->steps_)
      if (step.estimator && !step.estimator->is_fitted()) in.fail("invalid Pipeline (fitted, with an unfitted step)");
  return pipe;
}

Pipeline make_pipeline(const std::vector<EstimatorPtr>& estimators) {
  std::vector<std::string> names;
  for (const auto& estimator : estimators) {
    std::string name = estimator ? estimator->name() : "passthrough";
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    names.push_back(std::move(name));
  }
  // Repeated names get "-1", "-2", ... in order of appearance, as scikit-learn.
  std::map<std::string, int> counts, seen;
  for (const auto& name : names) ++counts[name];
  std::vector<PipelineStep> steps;
  for (std::size_t i = 0; i < estimators.size(); ++i) {
    std::string name = names[i];
    if (counts[name] > 1) name += cat("-", ++seen[names[i]]);
    steps.emplace_back(std::move(name), estimators[i]);
  }
  return Pipeline(std::move(steps));
}

}  // namespace scilearn::learn
