#include <cmath>
#include <scilearn/learn/base/estimator.hpp>
#include <scilearn/learn/base/params.hpp>

#include "base/python_repr.hpp"

namespace scilearn::learn {

namespace {

template <class T>
std::string list_to_string(const std::vector<T>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i) out += ", ";
    out += to_string(ParamValue(values[i]));
  }
  return out + "]";
}

}  // namespace

std::string to_string(const ParamValue& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::monostate>)
          return "None";
        else if constexpr (std::is_same_v<T, bool>)
          return v ? "True" : "False";
        else if constexpr (std::is_same_v<T, std::int64_t>)
          return std::to_string(v);
        else if constexpr (std::is_same_v<T, double>)
          return detail::python_float_str(v);
        else if constexpr (std::is_same_v<T, std::string>)
          return cat("'", v, "'");
        else if constexpr (std::is_same_v<T, Seed>)
          return std::to_string(v.value);
        else if constexpr (std::is_same_v<T, EstimatorPtr>) {
          if (!v) return "None";
          std::string out = v->name() + "(";
          bool first = true;
          for (const auto& [key, inner] : v->get_params(false)) {
            out += cat(first ? "" : ", ", key, "=", to_string(inner));
            first = false;
          }
          return out + ")";
        } else {
          return list_to_string(v);
        }
      },
      value);
}

bool params_equal(const ParamValue& a, const ParamValue& b) {
  if (a.index() != b.index()) return false;
  if (const auto* x = std::get_if<double>(&a)) {
    const double y = std::get<double>(b);
    return *x == y || (std::isnan(*x) && std::isnan(y));
  }
  if (const auto* e = std::get_if<EstimatorPtr>(&a)) {
    const auto& f = std::get<EstimatorPtr>(b);
    if (!*e || !f) return !*e && !f;
    return (*e)->name() == f->name() && params_equal((*e)->get_params(false), f->get_params(false));
  }
  return a == b;
}

bool params_equal(const ParamMap& a, const ParamMap& b) {
  if (a.size() != b.size()) return false;
  for (auto i = a.begin(), j = b.begin(); i != a.end(); ++i, ++j)
    if (i->first != j->first || !params_equal(i->second, j->second)) return false;
  return true;
}

namespace detail {

std::string kind_of(const ParamValue& value) {
  static constexpr const char* kinds[] = {
      "None",   "a bool",         "an int",           "a float",           "a string",
      "a seed", "a list of ints", "a list of floats", "a list of strings", "an estimator"};
  static_assert(std::size(kinds) == std::variant_size_v<ParamValue>);
  return kinds[value.index()];
}

void throw_param_type(std::string_view where, std::string_view param, std::string_view expected,
                      const ParamValue& got) {
  throw ValueError(
      cat(where, ": the '", param, "' parameter must be ", expected, ", got ", kind_of(got), " ", to_string(got)));
}

}  // namespace detail

}  // namespace scilearn::learn
