#pragma once
/// \file
/// Hyper-parameters by name, as scikit-learn's `get_params()` / `set_params()`.
///
/// Every estimator keeps its hyper-parameters in a typed `Params` struct (with
/// scikit-learn's names and defaults) and also exposes them by name, so that a
/// Pipeline or a grid search can read and set them at run time. The values
/// travel as a ParamValue, a small variant:
///
/// | C++ field type                      | ParamValue alternative              | Python counterpart |
/// |-------------------------------------|-------------------------------------|--------------------|
/// | bool                                | bool                                | True / False       |
/// | int, Index, std::int64_t            | std::int64_t                        | int                |
/// | double                              | double (an int64 is accepted)       | float              |
/// | std::string, an enum with names     | std::string                         | str                |
/// | std::optional<std::uint64_t> (seed) | Seed, or an int64 >= 0, or None     | random_state       |
/// | std::optional<T>                    | T or std::monostate (None)          | T or None          |
/// | std::vector of int64/double/string  | the same vector                     | list               |
/// | EstimatorPtr                        | EstimatorPtr (nullptr is None)      | an estimator       |
///
/// An enum is a parameter type when a function `param_names(E)` is visible by
/// argument-dependent lookup and returns an array of {value, name} pairs; its
/// values travel as scikit-learn's strings ("lbfgs", "l2", ...).

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace scilearn::learn {

class Estimator;

/// Estimators inside estimators (pipeline steps, a wrapped regressor) are
/// shared pointers, as Python references are; clone() copies them deeply.
using EstimatorPtr = std::shared_ptr<Estimator>;

/// A random_state that was given: the seed of every random stream of the estimator.
struct Seed {
  std::uint64_t value = 0;
  friend bool operator==(const Seed&, const Seed&) = default;
};

/// One hyper-parameter value; std::monostate is Python's None.
using ParamValue = std::variant<std::monostate, bool, std::int64_t, double, std::string, Seed,
                                std::vector<std::int64_t>, std::vector<double>, std::vector<std::string>, EstimatorPtr>;

/// Hyper-parameters by name, sorted by name as scikit-learn's get_params().
/// Nested estimators' parameters appear as "outer__inner".
using ParamMap = std::map<std::string, ParamValue, std::less<>>;

/// The value as Python's repr would print it: None, True, 3, 0.5, 'lbfgs',
/// [1, 2], StandardScaler(with_mean=False) (only the non-default parameters of
/// an estimator are not distinguished: all are printed).
[[nodiscard]] std::string to_string(const ParamValue& value);

/// Equality as scikit-learn's clone checks it: same alternative and value;
/// estimators are equal when they have the same class and equal parameters.
[[nodiscard]] bool params_equal(const ParamValue& a, const ParamValue& b);

/// Equality of two maps by params_equal.
[[nodiscard]] bool params_equal(const ParamMap& a, const ParamMap& b);

/// An enum whose values have scikit-learn names, e.g.
/// `constexpr auto param_names(Penalty) { return std::array{std::pair{Penalty::l2, "l2"}, ...}; }`.
template <class E>
concept NamedEnum = std::is_enum_v<E> && requires(E e) {
  param_names(e);
};

/// The name of an enum value (ValueError for a value not in its table).
template <NamedEnum E>
[[nodiscard]] std::string_view enum_name(E value) {
  for (const auto& [v, name] : param_names(E{}))
    if (v == value) return name;
  throw ValueError(cat("enum value ", static_cast<long long>(value), " has no name"));
}

/// The enum value named `name`; ValueError listing the valid names otherwise.
template <NamedEnum E>
[[nodiscard]] E enum_from_name(std::string_view where, std::string_view param, std::string_view name) {
  std::string valid;
  for (const auto& [v, n] : param_names(E{})) {
    if (n == name) return v;
    valid += cat(valid.empty() ? "" : ", ", "'", n, "'");
  }
  throw ValueError(cat(where, ": the '", param, "' parameter must be one of ", valid, ", got '", name, "'"));
}

namespace detail {

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};

// What kind of value a ParamValue holds, for messages: "a string".
std::string kind_of(const ParamValue& value);

[[noreturn]] void throw_param_type(std::string_view where, std::string_view param, std::string_view expected,
                                   const ParamValue& got);

}  // namespace detail

/// The ParamValue of a typed field.
template <class T>
[[nodiscard]] ParamValue to_param(const T& value) {
  if constexpr (std::is_same_v<T, std::optional<std::uint64_t>>) {
    return value ? ParamValue(Seed{*value}) : ParamValue();
  } else if constexpr (detail::is_optional<T>::value) {
    return value ? to_param(*value) : ParamValue();
  } else if constexpr (std::is_same_v<T, bool>) {
    return value;
  } else if constexpr (NamedEnum<T>) {
    return std::string(enum_name(value));
  } else if constexpr (std::is_integral_v<T>) {
    return static_cast<std::int64_t>(value);
  } else if constexpr (std::is_floating_point_v<T>) {
    return static_cast<double>(value);
  } else {
    return ParamValue(value);  // string, vectors, EstimatorPtr
  }
}

/// Stores `value` into a typed field, converting int64 to double where a
/// double is expected; ValueError naming the parameter when the type does not
/// fit. `where` is the estimator's name, for the message.
template <class T>
void from_param(const ParamValue& value, T& field, std::string_view where, std::string_view param) {
  if constexpr (std::is_same_v<T, std::optional<std::uint64_t>>) {
    if (std::holds_alternative<std::monostate>(value)) {
      field.reset();
    } else if (const auto* seed = std::get_if<Seed>(&value)) {
      field = seed->value;
    } else if (const auto* i = std::get_if<std::int64_t>(&value); i && *i >= 0) {
      field = static_cast<std::uint64_t>(*i);
    } else {
      detail::throw_param_type(where, param, "a seed (non-negative int) or None", value);
    }
  } else if constexpr (detail::is_optional<T>::value) {
    if (std::holds_alternative<std::monostate>(value)) {
      field.reset();
    } else {
      typename T::value_type inner{};
      from_param(value, inner, where, param);
      field = std::move(inner);
    }
  } else if constexpr (std::is_same_v<T, bool>) {
    if (const auto* b = std::get_if<bool>(&value))
      field = *b;
    else
      detail::throw_param_type(where, param, "a bool", value);
  } else if constexpr (NamedEnum<T>) {
    if (const auto* s = std::get_if<std::string>(&value))
      field = enum_from_name<T>(where, param, *s);
    else
      detail::throw_param_type(where, param, "a string", value);
  } else if constexpr (std::is_integral_v<T>) {
    if (const auto* i = std::get_if<std::int64_t>(&value))
      field = static_cast<T>(*i);
    else
      detail::throw_param_type(where, param, "an int", value);
  } else if constexpr (std::is_floating_point_v<T>) {
    if (const auto* d = std::get_if<double>(&value))
      field = static_cast<T>(*d);
    else if (const auto* i = std::get_if<std::int64_t>(&value))
      field = static_cast<T>(*i);
    else
      detail::throw_param_type(where, param, "a float", value);
  } else if constexpr (std::is_same_v<T, std::vector<double>>) {
    if (const auto* v = std::get_if<std::vector<double>>(&value))
      field = *v;
    else if (const auto* vi = std::get_if<std::vector<std::int64_t>>(&value))
      field.assign(vi->begin(), vi->end());
    else
      detail::throw_param_type(where, param, "a list of floats", value);
  } else {
    if (const auto* v = std::get_if<T>(&value))
      field = *v;
    else
      detail::throw_param_type(where, param, detail::kind_of(ParamValue(T{})), value);
  }
}

}  // namespace scilearn::learn
