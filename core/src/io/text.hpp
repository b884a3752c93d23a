#pragma once
// Private to scilearn::core: the text-format helpers shared by the CSV and
// Matrix Market readers and writers: walking lines, trimming, and numbers as
// text. Number parsing follows
// Python's float() / int() on a trimmed token (so files NumPy, pandas and SciPy
// write are read the same way), formatting gives the shortest decimal string
// that reads back to the same double (as Python's repr), independent of locale.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace scilearn::io::detail {

/// Walks text line by line ("\n" or "\r\n"), counting lines from 1.
class Lines {
 public:
  explicit Lines(std::string_view text) : rest_(text) {}
  /// The next line without its ending; false after the last one. Text ending
  /// in "\n" has no empty line after it.
  bool next(std::string_view& line) {
    if (rest_.empty()) return false;
    const auto end = rest_.find('\n');
    line = rest_.substr(0, end);
    rest_.remove_prefix(end == std::string_view::npos ? rest_.size() : end + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    ++number_;
    return true;
  }
  /// The number of the line next() returned last.
  std::size_t number() const { return number_; }
  /// The bytes not yet returned.
  std::size_t remaining() const { return rest_.size(); }

 private:
  std::string_view rest_;
  std::size_t number_ = 0;
};

/// s without leading and trailing spaces and tabs.
inline std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// The double a whole token spells, or nothing: decimal or exponent notation
/// with an optional sign, "nan", "inf", "infinity" (any case). Overflow gives
/// +-inf and underflow +-0, as Python's float().
std::optional<double> parse_double(std::string_view token);

/// The integer a whole token spells (optional sign, decimal digits), or nothing
/// (also on overflow of int64).
std::optional<std::int64_t> parse_int64(std::string_view token);

/// Appends the shortest round-trip decimal form of x; NaN is "nan", infinities
/// "inf" / "-inf".
void append_double(std::string& out, double x);

/// Appends the decimal form of x.
void append_int64(std::string& out, std::int64_t x);

}  // namespace scilearn::io::detail
