#pragma once
// Private to scilearn::learn: what the composite estimators (Pipeline,
// FeatureUnion, ColumnTransformer) share about their lists of named
// estimators: name checks, parameters by name ("name" is the estimator,
// "name__param" its parameter), and their records in model files.
// An item has `name` and `estimator` (null: passthrough); ColumnTransformer's
// items also have `drop`.

#include <map>
#include <scilearn/learn/base/estimator.hpp>
#include <scilearn/learn/detail/state_io.hpp>
#include <set>
#include <string>
#include <vector>

namespace scilearn::learn::detail {

template <class Item>
void check_names(std::string_view owner, const std::vector<Item>& items) {
  std::set<std::string, std::less<>> names;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string& name = items[i].name;
    if (name.empty()) throw ValueError(cat(owner, ": item ", i, " has an empty name"));
    if (name.find("__") != std::string::npos)
      throw ValueError(cat(owner, ": names must not contain '__', got '", name, "'"));
    if (!names.insert(name).second) throw ValueError(cat(owner, ": names provided are not unique: '", name, "'"));
  }
}

template <class Item>
ParamMap named_params(const std::vector<Item>& items, bool deep) {
  ParamMap out;
  for (const auto& item : items) {
    if constexpr (requires { item.drop; }) {
      if (item.drop) {
        out.emplace(item.name, std::string("drop"));
        continue;
      }
    }
    out.emplace(item.name, item.estimator ? ParamValue(item.estimator) : ParamValue(std::string("passthrough")));
    if (deep && item.estimator)
      for (auto& [inner, value] : item.estimator->get_params(true)) out.emplace(cat(item.name, "__", inner), value);
  }
  return out;
}

// Applies the parameters that address items to a copy of `items` and returns
// it; other keys go to `own(key, value)`, which returns false for an unknown
// key. Replacements are applied before nested parameters, which may address a
// replacement, as scikit-learn's _BaseComposition. Nested estimators change in
// place (they are shared, as in scikit-learn).
template <class Item, class Own>
std::vector<Item> with_named_params(std::string_view owner, std::vector<Item> items, const ParamMap& params, Own&& own,
                                    const std::vector<std::string>& own_names) {
  auto index_of = [&](std::string_view name) -> std::size_t {
    for (std::size_t i = 0; i < items.size(); ++i)
      if (items[i].name == name) return i;
    std::string valid;
    for (const auto& n : own_names) valid += cat(valid.empty() ? "" : ", ", "'", n, "'");
    for (const auto& item : items) valid += cat(valid.empty() ? "" : ", ", "'", item.name, "'");
    throw ValueError(
        cat("Invalid parameter '", name, "' for estimator ", owner, ". Valid parameters are: [", valid, "]"));
  };
  std::map<std::size_t, ParamMap> nested;
  for (const auto& [key, value] : params) {
    if (const auto split = key.find("__"); split != std::string::npos) {
      nested[index_of(key.substr(0, split))].emplace(key.substr(split + 2), value);
      continue;
    }
    if (own(key, value)) continue;
    Item& item = items[index_of(key)];
    const auto* text = std::get_if<std::string>(&value);
    if (const auto* estimator = std::get_if<EstimatorPtr>(&value); estimator && *estimator) {
      item.estimator = *estimator;
    } else if (std::holds_alternative<std::monostate>(value) || (text && *text == "passthrough")) {
      item.estimator = nullptr;
    } else if (text && *text == "drop" && requires { item.drop; }) {
      item.estimator = nullptr;
      if constexpr (requires { item.drop; }) item.drop = true;
      continue;
    } else {
      throw ValueError(
          cat(owner, ".set_params: '", key, "' must be an estimator or 'passthrough', got ", to_string(value)));
    }
    if constexpr (requires { item.drop; }) item.drop = false;
  }
  for (auto& [index, inner] : nested) {
    if (!items[index].estimator)
      throw ValueError(cat(owner, ".set_params: '", items[index].name, "' is not an estimator"));
    items[index].estimator->set_params(inner);
  }
  return items;
}

// Model-file records of the items: name, then a present flag and a full
// estimator record (learned state included).
template <class Item>
void write_items(const std::vector<Item>& items, io::BinaryWriter& out) {
  out.put_u64(items.size());
  for (const auto& item : items) {
    out.put_string(item.name);
    out.put_bool(item.estimator != nullptr);
    if (item.estimator) write_record(*item.estimator, out);
  }
}

template <class Item>
std::vector<Item> read_items(io::BinaryReader& in) {
  const std::uint64_t count = in.get_u64();
  std::vector<Item> items;
  for (std::uint64_t i = 0; i < count; ++i) {  // each read is bounds-checked
    std::string name = in.get_string();
    items.emplace_back(std::move(name), in.get_bool() ? EstimatorPtr(read_record(in)) : EstimatorPtr());
  }
  return items;
}

// The parts side by side (numpy.hstack), n_rows rows.
inline Matrix hstack(const std::vector<Matrix>& parts, Index n_rows) {
  Index width = 0;
  for (const auto& part : parts) width += part.cols();
  Matrix out(n_rows, width);
  Index column = 0;
  for (const auto& part : parts) {
    out.middleCols(column, part.cols()) = part;
    column += part.cols();
  }
  return out;
}

}  // namespace scilearn::learn::detail
