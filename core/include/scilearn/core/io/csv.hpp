#pragma once
/// \file
/// Reading and writing numeric CSV files (RFC 4180 layout, numbers only).
///
///     CsvTable t = scilearn::io::load_csv("iris.csv", {.header = true});
///     Matrix X = t.values;                       // one row per line
///     scilearn::io::save_csv("out.csv", X, {.header = true}, t.columns);
///
/// Accepted: decimal numbers as Python's float() reads them ("1", "-2.5e-3",
/// "+4"), "nan", "inf", "-inf" (any case), spaces or tabs around a field, "\n"
/// or "\r\n" line endings, a UTF-8 byte-order mark, blank lines (skipped), and
/// RFC 4180 quoting in the header line. Every data row must have as many fields
/// as the first row (or the header).

#include <filesystem>
#include <scilearn/core/types.hpp>
#include <string>
#include <vector>

namespace scilearn::io {

/// How a CSV file is laid out.
struct CsvOptions {
  char delimiter =
      ',';  ///< field separator: ASCII punctuation or '\t'; not a letter, digit, sign, '.', quote, space or line break
  bool header = false;  ///< the first non-blank line holds column names
};

/// A loaded CSV file.
struct CsvTable {
  std::vector<std::string> columns;  ///< column names from the header; empty without a header
  Matrix values;                     ///< one row per data line, one column per field
};

/// Loads a numeric CSV file.
/// Ensures: values is rows x cols with cols the field count of the first line;
///          with a header, columns.size() == values.cols() (values may have 0 rows).
/// Throws:  ValueError for a bad delimiter; FormatError naming the file, the
///          line and the column (1-based) for a missing or empty file, a ragged
///          row, an empty or non-numeric field, or an unterminated quote.
/// Complexity: O(file size); the file is read into memory once.
CsvTable load_csv(const std::filesystem::path& path, const CsvOptions& options = {});

/// Saves a matrix as CSV, one row per line ("\n" endings), each value with the
/// shortest decimal form that reads back to the same double (so load_csv
/// returns `values` exactly); NaN and infinities are written "nan", "inf", "-inf".
/// When options.header is true, `columns` is written as the first line (names
/// quoted when they contain the delimiter or a quote).
/// Requires: with a header, columns.size() == values.cols(); names without line breaks.
/// Throws:   ValueError for a bad delimiter or column list; FormatError naming the
///           file if it cannot be written.
void save_csv(const std::filesystem::path& path, const Eigen::Ref<const Matrix>& values, const CsvOptions& options = {},
              const std::vector<std::string>& columns = {});

}  // namespace scilearn::io
