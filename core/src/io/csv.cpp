// Numeric CSV reader and writer. Layout as RFC 4180 (fields separated by one
// delimiter character, records by "\n" or "\r\n"); values must be numbers as
// Python's float() reads them. Quoting is understood in the header line only,
// since quoted numbers are not numbers.

#include <cctype>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/io/csv.hpp>
#include <string_view>

#include "io/files.hpp"
#include "io/text.hpp"

namespace scilearn::io {

namespace {

using detail::fail;

void check_delimiter(std::string_view function, char delimiter) {
  const auto c = static_cast<unsigned char>(delimiter);
  // Anything that can be part of a number, a quoted name, a blank or a line
  // ending would make the file ambiguous.
  const bool allowed = delimiter == '\t' || (c < 0x80 && std::ispunct(c) && delimiter != '+' && delimiter != '-' &&
                                             delimiter != '.' && delimiter != '"');
  if (!allowed) {
    throw ValueError(cat(function, ": delimiter ", detail::quoted_excerpt(std::string_view(&delimiter, 1)),
                         " is not allowed (use '\\t' or ASCII punctuation other than '+', '-', '.' and '\"')"));
  }
}

using detail::Lines;
using detail::trim;

// A line of blanks only; a tab is a field separator in a TSV file, not a blank.
bool is_blank(std::string_view line, char delimiter) {
  for (const char c : line) {
    if (c != ' ' && (c != '\t' || delimiter == '\t')) return false;
  }
  return true;
}

std::string where(std::size_t line, std::size_t column) { return cat("line ", line, ", column ", column, ": "); }

// Splits a header line into names; a name may be quoted ("a,b", "say ""hi""").
std::vector<std::string> parse_header(std::string_view function, const std::filesystem::path& path,
                                      std::string_view line, std::size_t number, char delimiter) {
  std::vector<std::string> names;
  std::size_t pos = 0;
  while (true) {
    const std::size_t column = names.size() + 1;
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t') && line[pos] != delimiter) ++pos;
    if (pos < line.size() && line[pos] == '"') {
      std::string name;
      ++pos;
      while (true) {
        if (pos >= line.size()) fail(function, path, cat(where(number, column), "unterminated quoted column name"));
        if (line[pos] == '"') {
          if (pos + 1 < line.size() && line[pos + 1] == '"') {
            name += '"';
            pos += 2;
            continue;
          }
          ++pos;
          break;
        }
        name += line[pos++];
      }
      while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t') && line[pos] != delimiter) ++pos;
      if (pos < line.size() && line[pos] != delimiter) {
        fail(function, path, cat(where(number, column), "unexpected text after a quoted column name"));
      }
      names.push_back(std::move(name));
    } else {
      const auto end = line.find(delimiter, pos);
      const std::string_view name = trim(line.substr(pos, end == std::string_view::npos ? end : end - pos));
      if (name.find('"') != std::string_view::npos) {
        fail(function, path, cat(where(number, column), "stray quote in column name ", detail::quoted_excerpt(name)));
      }
      names.emplace_back(name);
      pos = end == std::string_view::npos ? line.size() : end;
    }
    if (pos >= line.size()) break;
    ++pos;  // the delimiter
  }
  return names;
}

// Appends the numbers of one data line to `values`; returns how many there were.
std::size_t parse_row(std::string_view function, const std::filesystem::path& path, std::string_view line,
                      std::size_t number, char delimiter, std::size_t expected, std::size_t expected_line,
                      std::vector<double>& values) {
  std::size_t column = 0;
  std::size_t pos = 0;
  while (true) {
    ++column;
    const auto end = line.find(delimiter, pos);
    const std::string_view field = trim(line.substr(pos, end == std::string_view::npos ? end : end - pos));
    if (expected != 0 && column > expected) {
      fail(function, path,
           cat(where(number, column), "extra field (expected ", expected, " fields as on line ", expected_line, ")"));
    }
    if (field.empty()) fail(function, path, cat(where(number, column), "empty field"));
    const auto value = detail::parse_double(field);
    if (!value) fail(function, path, cat(where(number, column), detail::quoted_excerpt(field), " is not a number"));
    values.push_back(*value);
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  if (expected != 0 && column < expected) {
    fail(function, path,
         cat(where(number, column + 1), "missing field (expected ", expected, " fields as on line ", expected_line,
             ", got ", column, ")"));
  }
  return column;
}

}  // namespace

CsvTable load_csv(const std::filesystem::path& path, const CsvOptions& options) {
  constexpr std::string_view function = "load_csv";
  check_delimiter(function, options.delimiter);
  const std::string content = detail::read_file(function, path);
  std::string_view text = content;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 byte-order mark (Excel writes one)
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) fail(function, path, "the file is empty");

  CsvTable table;
  std::vector<double> values;  // row by row; grows with the content, never from a declared size
  std::size_t cols = 0;
  std::size_t first_line = 0;  // the line that fixed the field count
  Lines lines(text);
  std::string_view line;
  bool need_header = options.header;
  while (lines.next(line)) {
    if (is_blank(line, options.delimiter)) continue;
    if (need_header) {
      table.columns = parse_header(function, path, line, lines.number(), options.delimiter);
      cols = table.columns.size();
      first_line = lines.number();
      need_header = false;
      continue;
    }
    const std::size_t n = parse_row(function, path, line, lines.number(), options.delimiter, cols, first_line, values);
    if (cols == 0) {
      cols = n;
      first_line = lines.number();
    }
  }
  const auto rows = static_cast<Index>(cols == 0 ? 0 : values.size() / cols);
  table.values = Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
      values.data(), rows, static_cast<Index>(cols));
  return table;
}

void save_csv(const std::filesystem::path& path, const Eigen::Ref<const Matrix>& values, const CsvOptions& options,
              const std::vector<std::string>& columns) {
  constexpr std::string_view function = "save_csv";
  check_delimiter(function, options.delimiter);
  if (values.cols() == 0) throw ValueError(cat(function, ": values has no columns (", values.rows(), "x0)"));
  if (options.header && static_cast<Index>(columns.size()) != values.cols()) {
    throw ValueError(cat(function, ": ", columns.size(), " column names given for ", values.cols(), " columns"));
  }
  if (!options.header && values.rows() == 0) {
    throw ValueError(cat(function, ": values has no rows and no header was asked for; the file would be empty"));
  }

  std::string text;
  if (options.header) {
    for (std::size_t j = 0; j < columns.size(); ++j) {
      const std::string& name = columns[j];
      if (name.find_first_of("\r\n") != std::string::npos) {
        throw ValueError(cat(function, ": column name ", j, " contains a line break"));
      }
      if (j) text += options.delimiter;
      // Quote what would otherwise read back differently: the delimiter, quotes,
      // surrounding blanks (trimmed on reading) and the empty name (a blank line).
      const bool quote = name.empty() || name.find(options.delimiter) != std::string::npos ||
                         name.find('"') != std::string::npos || trim(name).size() != name.size();
      if (!quote) {
        text += name;
        continue;
      }
      text += '"';
      for (const char c : name) text += c == '"' ? std::string("\"\"") : std::string(1, c);
      text += '"';
    }
    text += '\n';
  }
  detail::OutputFile out(function, path);
  for (Index i = 0; i < values.rows(); ++i) {
    for (Index j = 0; j < values.cols(); ++j) {
      if (j) text += options.delimiter;
      detail::append_double(text, values(i, j));
    }
    text += '\n';
    if (text.size() > (1u << 16)) {
      out.write(text.data(), text.size());
      text.clear();
    }
  }
  out.write(text.data(), text.size());
  out.close();
}

}  // namespace scilearn::io
