#pragma once
// Private to scilearn::learn: reading the data files of the bundled data sets.
//
// They are scikit-learn's files, kept byte for byte (the gzipped ones
// decompressed): comma-separated tables whose first line is a "n_samples,
// n_features, class names..." header, a space-separated table (diabetes), and
// plain comma-separated tables. core's load_csv wants every line to have as
// many fields as the first and takes no blank as a delimiter, so it reads
// neither the headers nor the diabetes file; this small strict reader does,
// checking every count against what the loader expects, and every failure is a
// FormatError "FUNCTION: PATH: line N: PROBLEM".

#include <filesystem>
#include <scilearn/core/types.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace scilearn::learn::detail {

/// The text of one data file, walked line by line.
class DataFile {
 public:
  /// Reads the whole file. Throws FormatError naming it when it is missing,
  /// not a regular file or unreadable.
  DataFile(std::string_view function, std::filesystem::path path);

  /// The next line without its "\n" / "\r\n"; false at the end. A final empty
  /// line (the file ending in "\n") is not returned.
  bool next(std::string_view& line);

  /// Throws FormatError "function: path: line N: problem" (the line last returned).
  [[noreturn]] void fail(std::string_view problem) const;

  /// The fields of a line split at `delimiter`; throws unless there are exactly
  /// `expected` of them (any count when expected is 0).
  std::vector<std::string_view> split(std::string_view line, char delimiter, std::size_t expected) const;

  /// The number a whole field spells (decimal or exponent notation, no blanks);
  /// throws unless it is one and finite. `column` (1-based) is for the message.
  double number(std::string_view field, std::size_t column) const;

  /// The integer a whole field spells (optional '-', digits); throws otherwise.
  long long integer(std::string_view field, std::size_t column) const;

  /// Reads `rows` more lines of `cols` numbers each and throws if the file has
  /// fewer or more.
  Matrix table(char delimiter, Index rows, Index cols);

  /// Throws unless no line is left.
  void expect_end();

 private:
  std::string function_;
  std::filesystem::path path_;
  std::string text_;
  std::string_view rest_;
  std::size_t line_number_ = 0;
};

/// The whole content of a text file (a description). Throws FormatError naming
/// it when it is missing or unreadable.
std::string read_text(std::string_view function, const std::filesystem::path& path);

}  // namespace scilearn::learn::detail
