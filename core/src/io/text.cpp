#include "io/text.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <system_error>

namespace scilearn::io::detail {

namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != b[i]) return false;
  }
  return true;
}

// For a token of digits, an optional '.', and an optional exponent (already
// validated by from_chars): the power of ten of its leading non-zero digit plus
// one, saturated; e.g. "123.4" -> 3, "0.001" -> -2, "5e10" -> 11.
std::int64_t decimal_magnitude(std::string_view token) {
  constexpr std::int64_t saturate = std::int64_t{1} << 40;
  const auto e = token.find_first_of("eE");
  const std::string_view mantissa = token.substr(0, e);
  std::int64_t exponent = 0;
  if (e != std::string_view::npos) {
    std::string_view digits = token.substr(e + 1);
    bool negative = false;
    if (!digits.empty() && (digits.front() == '+' || digits.front() == '-')) {
      negative = digits.front() == '-';
      digits.remove_prefix(1);
    }
    for (const char c : digits) exponent = std::min(saturate, exponent * 10 + (c - '0'));
    if (negative) exponent = -exponent;
  }
  const auto dot = mantissa.find('.');
  const std::string_view whole = mantissa.substr(0, dot);
  const auto first_whole = whole.find_first_not_of('0');
  if (first_whole != std::string_view::npos) {
    return exponent + static_cast<std::int64_t>(whole.size() - first_whole);
  }
  if (dot == std::string_view::npos) return -saturate;
  const std::string_view fraction = mantissa.substr(dot + 1);
  const auto first_fraction = fraction.find_first_not_of('0');
  if (first_fraction == std::string_view::npos) return -saturate;  // zero
  return exponent - static_cast<std::int64_t>(first_fraction);
}

}  // namespace

std::optional<double> parse_double(std::string_view token) {
  bool negative = false;
  if (!token.empty() && (token.front() == '+' || token.front() == '-')) {
    negative = token.front() == '-';
    token.remove_prefix(1);
  }
  // from_chars would take a second sign ("+-1") and "nan(...)"; Python takes neither.
  if (token.empty() || token.front() == '+' || token.front() == '-') return std::nullopt;
  if (equals_ignoring_case(token, "nan")) return std::numeric_limits<double>::quiet_NaN();
  if (equals_ignoring_case(token, "inf") || equals_ignoring_case(token, "infinity")) {
    return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  }
  const char first = token.front();
  if (!((first >= '0' && first <= '9') || first == '.')) return std::nullopt;
  double value = 0.0;
  const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
  if (end != token.data() + token.size()) return std::nullopt;
  if (ec == std::errc::result_out_of_range) {
    // A well-formed number beyond double's range; from_chars leaves value unset.
    // Python's float() gives inf on overflow and 0 on underflow, so decide which
    // from the decimal magnitude.
    value = decimal_magnitude(token) > 0 ? std::numeric_limits<double>::infinity() : 0.0;
  } else if (ec != std::errc()) {
    return std::nullopt;
  }
  return negative ? -value : value;
}

std::optional<std::int64_t> parse_int64(std::string_view token) {
  // One optional sign, as Python's int(): "+5" and "-5", never "+-5".
  if (!token.empty() && token.front() == '+') {
    token.remove_prefix(1);
    if (!token.empty() && token.front() == '-') return std::nullopt;
  }
  if (token.empty() || token.front() == '+') return std::nullopt;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
  if (ec != std::errc() || end != token.data() + token.size()) return std::nullopt;
  return value;
}

void append_double(std::string& out, double x) {
  if (std::isnan(x)) {
    out += "nan";
    return;
  }
  std::array<char, 32> buffer{};
  // Without a precision argument to_chars gives the shortest representation that
  // round-trips (C++17 [charconv.to.chars]); "inf" / "-inf" for infinities.
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
  out.append(buffer.data(), ec == std::errc() ? end : buffer.data());
}

void append_int64(std::string& out, std::int64_t x) {
  std::array<char, 24> buffer{};
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), x);
  out.append(buffer.data(), ec == std::errc() ? end : buffer.data());
}

}  // namespace scilearn::io::detail
