#include "base/python_repr.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace scilearn::learn::detail {

std::string python_float_str(double x) {
  if (std::isnan(x)) return "nan";
  if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
  if (x == 0) return std::signbit(x) ? "-0.0" : "0.0";
  // The shortest significand (1 to 17 digits) that reads back to x.
  char buffer[40];
  int digits = 1;
  for (; digits < 17; ++digits) {
    std::snprintf(buffer, sizeof buffer, "%.*e", digits - 1, x);
    if (std::strtod(buffer, nullptr) == x) break;
  }
  std::snprintf(buffer, sizeof buffer, "%.*e", digits - 1, x);
  // buffer: [-]d[.ddd]e[+-]XX; split into sign, digit string and exponent.
  const std::string s = buffer;
  const bool negative = s[0] == '-';
  const std::size_t e = s.find('e');
  std::string mantissa = s.substr(negative ? 1 : 0, e - (negative ? 1 : 0));
  const int exponent = std::atoi(s.c_str() + e + 1);
  std::string significand;
  for (const char c : mantissa)
    if (c != '.') significand += c;
  while (significand.size() > 1 && significand.back() == '0') significand.pop_back();
  std::string out = negative ? "-" : "";
  const int n = static_cast<int>(significand.size());
  if (exponent < -4 || exponent >= 16) {
    out += significand.substr(0, 1);
    if (n > 1) out += "." + significand.substr(1);
    char exp[16];
    std::snprintf(exp, sizeof exp, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
    return out + exp;
  }
  if (exponent < 0) return out + "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + significand;
  if (n <= exponent + 1) return out + significand + std::string(static_cast<std::size_t>(exponent + 1 - n), '0') + ".0";
  return out + significand.substr(0, static_cast<std::size_t>(exponent + 1)) + "." +
         significand.substr(static_cast<std::size_t>(exponent + 1));
}

}  // namespace scilearn::learn::detail
