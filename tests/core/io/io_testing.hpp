#pragma once
// Helpers shared by the io test suites: writing hand-made files, expecting a
// FormatError, and the formula behind the fixtures of tests/reference/core_io.py.

#include <boost/test/unit_test.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/types.hpp>
#include <string>
#include <string_view>
#include <utility>

#include "support/expect.hpp"

namespace scilearn::testing {

/// Writes `bytes` to dir/name and returns the path.
inline std::filesystem::path write_file(const std::filesystem::path& dir, std::string_view name,
                                        std::string_view bytes) {
  const auto path = dir / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

/// The bytes of a file.
inline std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Runs f, expects scilearn::FormatError, returns its message.
template <class F>
std::string format_error_of(F&& f) {
  return message_of<FormatError>(std::forward<F>(f));
}

/// Runs f and returns true if it succeeded, false if it threw FormatError; any
/// other exception fails the test (a reader may only ever throw FormatError).
template <class F>
bool succeeds_or_format_error(F&& f) {
  try {
    f();
    return true;
  } catch (const FormatError&) {
    return false;
  } catch (const std::exception& e) {
    BOOST_ERROR("a reader threw something other than FormatError: " << e.what());
    return false;
  }
}

/// True when `text` contains every piece.
template <class... Pieces>
bool contains_all(const std::string& text, const Pieces&... pieces) {
  return ((text.find(pieces) != std::string::npos) && ...);
}

// The fixture formulas of tests/reference/core_io.py.
inline double grid(Index i, Index j) { return 10.0 * static_cast<double>(i) + static_cast<double>(j) + 0.25; }
inline std::int32_t int_grid(Index i, Index j) { return static_cast<std::int32_t>(10 * i + j - 7); }
inline std::int64_t big_grid(Index i, Index j) { return (10 * i + j - 7) * (std::int64_t{1} << 33) + 1; }

}  // namespace scilearn::testing
