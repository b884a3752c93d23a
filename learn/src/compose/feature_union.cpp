#include <algorithm>
#include <cmath>
#include <scilearn/core/validation.hpp>
#include <scilearn/learn/compose/feature_union.hpp>

#include "compose/named_estimators.hpp"

namespace scilearn::learn {

FeatureUnion::FeatureUnion(std::vector<UnionItem> transformer_list, std::map<std::string, double> transformer_weights)
    : items_(std::move(transformer_list)), weights_(std::move(transformer_weights)) {
  validate();
}

void FeatureUnion::validate() const {
  if (items_.empty()) throw ValueError("FeatureUnion: at least one transformer is required");
  detail::check_names("FeatureUnion", items_);
  for (const auto& item : items_)
    if (item.estimator && !item.estimator->has(Method::transform))
      throw ValueError(cat("FeatureUnion: '", item.name, "' (", item.estimator->name(), ") has no transform()"));
  for (const auto& [name, weight] : weights_) {
    const auto named = [&name = name](const UnionItem& i) { return i.name == name; };
    if (std::none_of(items_.begin(), items_.end(), named))
      throw ValueError(cat("FeatureUnion: transformer_weights names '", name, "', which is not a transformer"));
    if (!std::isfinite(weight)) throw ValueError(cat("FeatureUnion: the weight of '", name, "' is not finite"));
  }
}

std::unique_ptr<Estimator> FeatureUnion::clone() const {
  std::vector<UnionItem> copies = items_;
  for (auto& item : copies)
    if (item.estimator) item.estimator = item.estimator->clone();
  return std::make_unique<FeatureUnion>(std::move(copies), weights_);
}

ParamMap FeatureUnion::get_params(bool deep) const { return detail::named_params(items_, deep); }

Estimator& FeatureUnion::set_params(const ParamMap& params) {
  auto no_own_params = [](const std::string&, const ParamValue&) { return false; };
  FeatureUnion candidate(detail::with_named_params("FeatureUnion", items_, params, no_own_params, {}), weights_);
  items_ = std::move(candidate.items_);
  return *this;
}

Index FeatureUnion::n_features_in() const {
  if (!is_fitted()) throw NotFittedError(not_fitted_message("FeatureUnion"));
  return n_features_in_;
}

void FeatureUnion::fit_impl(const MatrixView& X, const VectorView* y, const VectorView*) {
  check_X("FeatureUnion.fit", X, /*allow_nan=*/true);
  n_features_in_ = 0;
  const Vector none;
  for (const auto& item : items_)
    if (item.estimator) (void)item.estimator->fit_transform(X, y ? *y : VectorView(none));
  n_features_in_ = X.cols();
}

Matrix FeatureUnion::fit_transform(const MatrixView& X, const VectorView& y, const VectorView&) {
  fit_impl(X, y.size() ? &y : nullptr, nullptr);
  return transform(X);
}

Matrix FeatureUnion::transform(const MatrixView& X) const {
  if (!is_fitted()) throw NotFittedError(not_fitted_message("FeatureUnion"));
  check_n_features("FeatureUnion", X, n_features_in_);
  std::vector<Matrix> parts;
  for (const auto& item : items_) {
    if (item.drop) continue;
    Matrix part = item.estimator ? item.estimator->transform(X) : Matrix(X);
    if (const auto w = weights_.find(item.name); w != weights_.end()) part *= w->second;
    parts.push_back(std::move(part));
  }
  return detail::hstack(parts, X.rows());
}

std::vector<std::string> FeatureUnion::get_feature_names_out(const std::vector<std::string>& input_features) const {
  const std::vector<std::string> inputs = one_to_one_feature_names("FeatureUnion", input_features, n_features_in());
  std::vector<std::string> names;
  for (const auto& item : items_) {
    if (item.drop) continue;
    for (const auto& feature : item.estimator ? item.estimator->get_feature_names_out(inputs) : inputs)
      names.push_back(cat(item.name, "__", feature));
  }
  return names;
}

void FeatureUnion::write(io::BinaryWriter& out) const {
  detail::write_items(items_, out);
  for (const auto& item : items_) out.put_bool(item.drop);
  out.put_u64(weights_.size());
  for (const auto& [name, weight] : weights_) {
    out.put_string(name);
    out.put_f64(weight);
  }
  out.put_i64(n_features_in_);
}

std::unique_ptr<Estimator> FeatureUnion::read(io::BinaryReader& in) {
  auto items = detail::read_items<UnionItem>(in);
  for (auto& item : items) item.drop = in.get_bool();
  std::map<std::string, double> weights;
  const std::uint64_t count = in.get_u64();
  for (std::uint64_t i = 0; i < count; ++i) {
    std::string name = in.get_string();
    weights[name] = in.get_f64();
  }
  std::unique_ptr<FeatureUnion> out;
  try {
    out = std::make_unique<FeatureUnion>(std::move(items), std::move(weights));
  } catch (const ValueError& e) {
    in.fail(cat("invalid FeatureUnion (", e.what(), ")"));
  }
  out->n_features_in_ = in.get_i64();
  if (out->n_features_in_ < 0) in.fail("invalid FeatureUnion (negative n_features_in)");
  return out;
}

}  // namespace scilearn::learn
