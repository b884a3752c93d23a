#pragma once
// Private to scilearn::core: whole-file reading with size checks, checked file
// writing, and the one way io functions report a malformed file. Every message
// has the shape "FUNCTION: PATH: PROBLEM", so a user sees which call failed on
// which file and why.

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace scilearn::io::detail {

/// Throws FormatError("function: path: problem").
[[noreturn]] void fail(std::string_view function, const std::filesystem::path& path, std::string_view problem);

/// The size of a regular file in bytes. Throws FormatError naming the file when
/// it does not exist, is not a regular file, or its size cannot be read.
std::uintmax_t file_size_checked(std::string_view function, const std::filesystem::path& path);

/// Opens a regular file for binary reading; throws FormatError as file_size_checked
/// and when it cannot be opened.
std::ifstream open_for_reading(std::string_view function, const std::filesystem::path& path);

/// The whole content of a regular file. The buffer is sized from the file
/// system's size (never from anything the file declares) and a short read is an
/// error. Throws FormatError naming the file.
std::string read_file(std::string_view function, const std::filesystem::path& path);

/// A file opened for binary writing whose every failure, including one at
/// close (a full disk), is a FormatError naming the file.
class OutputFile {
 public:
  OutputFile(std::string_view function, const std::filesystem::path& path);
  std::ostream& stream() { return out_; }
  /// Writes `bytes` raw.
  void write(const void* bytes, std::size_t count);
  /// Flushes and closes; throws FormatError if anything failed.
  void close();

 private:
  std::string function_;
  std::filesystem::path path_;
  std::ofstream out_;
};

/// Throws FormatError when a result the file declares (a coordinate file may
/// declare dimensions it never fills) would need more than this machine's
/// physical memory: such a file is not readable here, and attempting it would
/// end in an out-of-memory kill rather than an exception.
void check_fits_in_memory(std::string_view function, const std::filesystem::path& path, double bytes,
                          std::string_view what);

/// A piece of file content made safe for an error message: non-printable bytes
/// escaped as \xNN, cut to about 40 characters.
std::string quoted_excerpt(std::string_view text);

}  // namespace scilearn::io::detail
