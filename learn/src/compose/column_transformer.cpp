#include <algorithm>
#include <scilearn/core/validation.hpp>
#include <scilearn/learn/compose/column_transformer.hpp>

#include "compose/named_estimators.hpp"

namespace scilearn::learn {

ColumnTransformer::ColumnTransformer(std::vector<ColumnItem> transformers, EstimatorPtr remainder,
                                     bool remainder_passthrough, bool verbose_feature_names_out)
    : items_(std::move(transformers)),
      remainder_(std::move(remainder)),
      remainder_passthrough_(remainder_passthrough),
      verbose_feature_names_out_(verbose_feature_names_out) {
  validate();
}

void ColumnTransformer::validate() const {
  detail::check_names("ColumnTransformer", items_);
  for (const auto& item : items_) {
    if (item.name == "remainder") throw ValueError("ColumnTransformer: the name 'remainder' is reserved");
    if (item.estimator && !item.estimator->has(Method::transform))
      throw ValueError(cat("ColumnTransformer: '", item.name, "' (", item.estimator->name(), ") has no transform()"));
    for (const Index c : item.columns)
      if (c < 0) throw ValueError(cat("ColumnTransformer: '", item.name, "' names the negative column ", c));
  }
  if (remainder_ && !remainder_->has(Method::transform))
    throw ValueError(cat("ColumnTransformer: the remainder (", remainder_->name(), ") has no transform()"));
}

std::unique_ptr<Estimator> ColumnTransformer::clone() const {
  std::vector<ColumnItem> copies = items_;
  for (auto& item : copies)
    if (item.estimator) item.estimator = item.estimator->clone();
  return std::make_unique<ColumnTransformer>(std::move(copies),
                                             remainder_ ? EstimatorPtr(remainder_->clone()) : nullptr,
                                             remainder_passthrough_, verbose_feature_names_out_);
}

ParamMap ColumnTransformer::get_params(bool deep) const {
  ParamMap out = detail::named_params(items_, deep);
  out.emplace("remainder", remainder_ ? ParamValue(remainder_)
                                      : ParamValue(std::string(remainder_passthrough_ ? "passthrough" : "drop")));
  if (deep && remainder_)
    for (auto& [inner, value] : remainder_->get_params(true)) out.emplace("remainder__" + inner, value);
  out.emplace("verbose_feature_names_out", verbose_feature_names_out_);
  return out;
}

Estimator& ColumnTransformer::set_params(const ParamMap& params) {
  EstimatorPtr remainder = remainder_;
  bool passthrough_rest = remainder_passthrough_, verbose = verbose_feature_names_out_;
  ParamMap item_params;
  for (const auto& [key, value] : params) {
    if (key == "remainder") {
      const auto* text = std::get_if<std::string>(&value);
      if (const auto* e = std::get_if<EstimatorPtr>(&value); e && *e) {
        remainder = *e;
      } else if (text && (*text == "drop" || *text == "passthrough")) {
        remainder = nullptr;
        passthrough_rest = *text == "passthrough";
      } else {
        throw ValueError(
            cat("ColumnTransformer: remainder must be 'drop', 'passthrough' or an estimator, got ", to_string(value)));
      }
    } else if (key.starts_with("remainder__")) {
      if (!remainder_) throw ValueError("ColumnTransformer.set_params: the remainder is not an estimator");
    } else if (key == "verbose_feature_names_out") {
      from_param(value, verbose, "ColumnTransformer", key);
    } else {
      item_params.insert_or_assign(key, value);
    }
  }
  auto no_own_params = [](const std::string&, const ParamValue&) { return false; };
  ColumnTransformer candidate(detail::with_named_params("ColumnTransformer", items_, item_params, no_own_params,
                                                        {"remainder", "verbose_feature_names_out"}),
                              remainder, passthrough_rest, verbose);
  ParamMap remainder_params;
  for (const auto& [key, value] : params)
    if (key.starts_with("remainder__")) remainder_params.emplace(key.substr(11), value);
  if (!remainder_params.empty()) candidate.remainder_->set_params(remainder_params);
  items_ = std::move(candidate.items_);
  remainder_ = std::move(candidate.remainder_);
  remainder_passthrough_ = passthrough_rest;
  verbose_feature_names_out_ = verbose;
  return *this;
}

Index ColumnTransformer::n_features_in() const {
  if (!is_fitted()) throw NotFittedError(not_fitted_message("ColumnTransformer"));
  return n_features_in_;
}

const std::vector<Index>& ColumnTransformer::remainder_columns() const {
  if (!is_fitted()) throw NotFittedError(not_fitted_message("ColumnTransformer"));
  return remainder_columns_;
}

template <class F>
void ColumnTransformer::for_each_part(F&& f) const {
  for (const auto& item : items_)
    if (!item.columns.empty()) f(item.name, item.columns, item.estimator, item.drop);
  if (!remainder_columns_.empty())
    f(std::string("remainder"), remainder_columns_, remainder_, !remainder_ && !remainder_passthrough_);
}

void ColumnTransformer::fit_impl(const MatrixView& X, const VectorView* y, const VectorView*) {
  check_X("ColumnTransformer.fit", X, /*allow_nan=*/true);
  n_features_in_ = 0;
  std::vector<bool> used(static_cast<std::size_t>(X.cols()), false);
  for (const auto& item : items_)
    for (const Index c : item.columns) {
      if (c >= X.cols())
        throw ValueError(
            cat("ColumnTransformer.fit: '", item.name, "' names column ", c, ", but X has ", X.cols(), " columns"));
      used[static_cast<std::size_t>(c)] = true;
    }
  remainder_columns_.clear();
  for (Index c = 0; c < X.cols(); ++c)
    if (!used[static_cast<std::size_t>(c)]) remainder_columns_.push_back(c);
  const Vector none;
  for_each_part([&](const std::string&, const std::vector<Index>& columns, const EstimatorPtr& estimator, bool) {
    if (estimator) (void)estimator->fit_transform(X(Eigen::all, columns), y ? *y : VectorView(none));
  });
  n_features_in_ = X.cols();
}

Matrix ColumnTransformer::fit_transform(const MatrixView& X, const VectorView& y, const VectorView&) {
  fit_impl(X, y.size() ? &y : nullptr, nullptr);
  return transform(X);
}

Matrix ColumnTransformer::transform(const MatrixView& X) const {
  if (!is_fitted()) throw NotFittedError(not_fitted_message("ColumnTransformer"));
  check_n_features("ColumnTransformer", X, n_features_in_);
  std::vector<Matrix> parts;
  for_each_part(
      [&](const std::string&, const std::vector<Index>& columns, const EstimatorPtr& estimator, bool dropped) {
        if (dropped) return;
        const Matrix input = X(Eigen::all, columns);
        parts.push_back(estimator ? estimator->transform(input) : input);
      });
  return detail::hstack(parts, X.rows());
}

std::vector<std::string> ColumnTransformer::get_feature_names_out(
    const std::vector<std::string>& input_features) const {
  const std::vector<std::string> inputs =
      one_to_one_feature_names("ColumnTransformer", input_features, n_features_in());
  std::vector<std::string> names;
  for_each_part(
      [&](const std::string& name, const std::vector<Index>& columns, const EstimatorPtr& estimator, bool dropped) {
        if (dropped) return;
        std::vector<std::string> selected;
        for (const Index c : columns) selected.push_back(inputs[static_cast<std::size_t>(c)]);
        for (const auto& feature : estimator ? estimator->get_feature_names_out(selected) : selected)
          names.push_back(verbose_feature_names_out_ ? cat(name, "__", feature) : feature);
      });
  if (!verbose_feature_names_out_) {
    std::vector<std::string> sorted = names;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end())
      throw ValueError("ColumnTransformer: output feature names are not unique; set verbose_feature_names_out");
  }
  return names;
}

void ColumnTransformer::write(io::BinaryWriter& out) const {
  detail::write_items(items_, out);
  for (const auto& item : items_) {
    out.put_bool(item.drop);
    out.put_i64s(std::vector<std::int64_t>(item.columns.begin(), item.columns.end()));
  }
  out.put_bool(remainder_ != nullptr);
  if (remainder_) detail::write_record(*remainder_, out);
  out.put_bool(remainder_passthrough_);
  out.put_bool(verbose_feature_names_out_);
  out.put_i64(n_features_in_);
  out.put_i64s(std::vector<std::int64_t>(remainder_columns_.begin(), remainder_columns_.end()));
}

std::unique_ptr<Estimator> ColumnTransformer::read(io::BinaryReader& in) {
  auto items = detail::read_items<ColumnItem>(in);
  for (auto& item : items) {
    item.drop = in.get_bool();
    const auto columns = in.get_i64s();
    item.columns.assign(columns.begin(), columns.end());
  }
  EstimatorPtr remainder = in.get_bool() ? EstimatorPtr(detail::read_record(in)) : nullptr;
  const bool passthrough_rest = in.get_bool(), verbose = in.get_bool();
  std::unique_ptr<ColumnTransformer> out;
  try {
    out = std::make_unique<ColumnTransformer>(std::move(items), std::move(remainder), passthrough_rest, verbose);
  } catch (const ValueError& e) {
    in.fail(cat("invalid ColumnTransformer (", e.what(), ")"));
  }
  out->n_features_in_ = in.get_i64();
  const auto rest = in.get_i64s();
  out->remainder_columns_.assign(rest.begin(), rest.end());
  const Index p = out->n_features_in_;
  auto in_range = [p](Index c) { return c >= 0 && c < p; };
  if (p < 0 || !std::all_of(out->remainder_columns_.begin(), out->remainder_columns_.end(), in_range) ||
      (p > 0 && !std::all_of(out->items_.begin(), out->items_.end(), [&](const ColumnItem& item) {
         return std::all_of(item.columns.begin(), item.columns.end(), in_range);
       })))
    in.fail("invalid ColumnTransformer (column indices outside the fitted width)");
  return out;
}

}  // namespace scilearn::learn
