#pragma once
/// \file
/// cat(): builds an error or warning message from pieces, the way operator<<
/// prints them (integers, strings, doubles to 6 significant digits).

#include <locale>
#include <sstream>
#include <string>

namespace scilearn {

/// Concatenates the arguments as `std::ostream << a << b ...` would print them,
/// with doubles printed to 6 significant digits (as Python's `%g`).
/// Example: cat("solve: a is ", 3, "x", 4, " but must be square").
template <class... Parts>
[[nodiscard]] std::string cat(const Parts&... parts) {
  std::ostringstream out;
  // Numbers in messages and in the files the writers build with cat() must
  // not change with the global locale ("1,000" would corrupt an .npy header).
  out.imbue(std::locale::classic());
  (out << ... << parts);
  return out.str();
}

}  // namespace scilearn
