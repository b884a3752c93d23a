#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/learn/linear_model/gram_precompute.hpp>
#include <string>

namespace scilearn::learn {

GramPrecompute::GramPrecompute(std::string_view text) {
  if (text != "auto") throw ValueError(cat("precompute must be True, False or 'auto', got '", text, "'"));
}

ParamValue to_param(const GramPrecompute& value) {
  if (value.is_auto()) return std::string("auto");
  return value.resolve(1, 0) && value.resolve(0, 1);
}

void from_param(const ParamValue& value, GramPrecompute& field, std::string_view where, std::string_view param) {
  if (const auto* b = std::get_if<bool>(&value)) {
    field = *b;
  } else if (const auto* s = std::get_if<std::string>(&value); s && *s == "auto") {
    field = GramPrecompute();
  } else {
    detail::throw_param_type(where, param, "a bool or 'auto'", value);
  }
}

}  // namespace scilearn::learn
