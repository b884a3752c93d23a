#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/feature_selection/univariate_selection.hpp>

#include "feature_selection/selection_detail.hpp"
#include "preprocessing/preprocessing_detail.hpp"

namespace scilearn::learn {

FeatureCount::FeatureCount(std::string_view text) : k_(0), all_(true) {
  if (text != "all") throw ValueError(cat("k must be a non-negative int or 'all', got '", text, "'"));
}

ParamValue to_param(const FeatureCount& k) {
  return k.is_all() ? ParamValue(std::string("all")) : ParamValue(static_cast<std::int64_t>(k.value()));
}

void from_param(const ParamValue& value, FeatureCount& field, std::string_view where, std::string_view param) {
  if (const auto* i = std::get_if<std::int64_t>(&value)) {
    field = FeatureCount(static_cast<Index>(*i));
  } else if (const auto* s = std::get_if<std::string>(&value); s && *s == "all") {
    field = FeatureCount::all();
  } else {
    detail::throw_param_type(where, param, "an int or 'all'", value);
  }
}

namespace {

void refuse_callable(std::string_view estimator, ScoreFunc score_func) {
  if (score_func == ScoreFunc::callable)
    throw ValueError(cat(estimator, " with a score_callable cannot be saved (a function has no file form)"));
}

}  // namespace

// ---- SelectKBest ------------------------------------------------------------

SelectKBest::Fitted SelectKBest::learn(const MatrixView& X, const VectorView* y,
                                       const VectorView* sample_weight) const {
  detail::reject_sample_weight(class_name, sample_weight);
  const FeatureCount& k = params_.k;
  if (!k.is_all() && k.value() < 0)
    throw ValueError(cat("SelectKBest.fit: the 'k' parameter must be an int >= 0 or 'all', got ", k.value()));
  Fitted state = detail::univariate_fit(class_name, params_.score_func, params_.score_callable, X, y);
  if (!k.is_all() && k.value() > X.cols())
    warn(WarningCategory::user,
         cat("k=", k.value(), " is greater than n_features=", X.cols(), ". All the features will be returned."));
  return state;
}

void SelectKBest::check_fitted(const Fitted& state) { detail::check_univariate_state(state); }

void SelectKBest::write(io::BinaryWriter& out) const {
  refuse_callable(class_name, params_.score_func);
  EstimatorBase::write(out);
}

std::vector<bool> SelectKBest::get_support() const { return detail::k_best_support(fitted().scores, params_.k); }

std::vector<Index> SelectKBest::get_support_indices() const { return detail::support_indices(get_support()); }

Matrix SelectKBest::transform(const MatrixView& X) const {
  check_input("transform", X);
  return detail::select_columns(X, get_support());
}

Matrix SelectKBest::inverse_transform(const MatrixView& X) const {
  return detail::unselect_columns(class_name, X, get_support());
}

std::vector<std::string> SelectKBest::get_feature_names_out(const std::vector<std::string>& input_features) const {
  return detail::selected_names(class_name, input_features, get_support());
}

// ---- SelectPercentile -------------------------------------------------------

SelectPercentile::Fitted SelectPercentile::learn(const MatrixView& X, const VectorView* y,
                                                 const VectorView* sample_weight) const {
  detail::reject_sample_weight(class_name, sample_weight);
  const double q = params_.percentile;
  if (!(q >= 0 && q <= 100))
    throw ValueError(
        cat("SelectPercentile.fit: the 'percentile' parameter must be a float in the range [0.0, 100.0], got ", q));
  return detail::univariate_fit(class_name, params_.score_func, params_.score_callable, X, y);
}

void SelectPercentile::check_fitted(const Fitted& state) { detail::check_univariate_state(state); }

void SelectPercentile::write(io::BinaryWriter& out) const {
  refuse_callable(class_name, params_.score_func);
  EstimatorBase::write(out);
}

std::vector<bool> SelectPercentile::get_support() const {
  return detail::percentile_support(fitted().scores, params_.percentile);
}

std::vector<Index> SelectPercentile::get_support_indices() const { return detail::support_indices(get_support()); }

Matrix SelectPercentile::transform(const MatrixView& X) const {
  check_input("transform", X);
  return detail::select_columns(X, get_support());
}

Matrix SelectPercentile::inverse_transform(const MatrixView& X) const {
  return detail::unselect_columns(class_name, X, get_support());
}

std::vector<std::string> SelectPercentile::get_feature_names_out(const std::vector<std::string>& input_features) const {
  return detail::selected_names(class_name, input_features, get_support());
}

}  // namespace scilearn::learn
