#include "datasets/data_file.hpp"

#include <charconv>
#include <cmath>
#include <fstream>
#include <iterator>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <system_error>

namespace scilearn::learn::detail {

namespace {

// A field shown in a message: at most 40 characters, non-printable bytes as \xNN.
std::string excerpt(std::string_view text) {
  std::string out = "'";
  for (const char c : text.substr(0, 40)) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7f) {
      out += c;
    } else {
      constexpr char hex[] = "0123456789abcdef";
      out += "\\x";
      out += hex[u >> 4];
      out += hex[u & 0xf];
    }
  }
  if (text.size() > 40) out += "...";
  return out + "'";
}

std::string read_whole(std::string_view function, const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    throw FormatError(cat(function, ": ", path.string(), ": no such data file (see dataset_dir())"));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FormatError(cat(function, ": ", path.string(), ": cannot be opened"));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw FormatError(cat(function, ": ", path.string(), ": read error"));
  return text;
}

}  // namespace

DataFile::DataFile(std::string_view function, std::filesystem::path path)
    : function_(function), path_(std::move(path)), text_(read_whole(function_, path_)), rest_(text_) {}

bool DataFile::next(std::string_view& line) {
  if (rest_.empty()) return false;
  const auto end = rest_.find('\n');
  line = rest_.substr(0, end);
  rest_.remove_prefix(end == std::string_view::npos ? rest_.size() : end + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  ++line_number_;
  return true;
}

void DataFile::fail(std::string_view problem) const {
  throw FormatError(cat(function_, ": ", path_.string(), ": line ", line_number_, ": ", problem));
}

std::vector<std::string_view> DataFile::split(std::string_view line, char delimiter, std::size_t expected) const {
  std::vector<std::string_view> fields;
  fields.reserve(expected);
  std::size_t pos = 0;
  while (true) {
    const auto end = line.find(delimiter, pos);
    fields.push_back(line.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos));
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  if (expected != 0 && fields.size() != expected) fail(cat("expected ", expected, " fields, found ", fields.size()));
  return fields;
}

double DataFile::number(std::string_view field, std::size_t column) const {
  double value = 0;
  const char* first = field.data();
  const char* last = first + field.size();
  // from_chars rounds correctly, as Python's float() (and so NumPy's loadtxt)
  // does, so the values are bitwise those scikit-learn reads.
  const auto [ptr, ec] = std::from_chars(first, last, value, std::chars_format::general);
  if (field.empty() || ec != std::errc() || ptr != last || !std::isfinite(value))
    fail(cat("column ", column, ": ", excerpt(field), " is not a finite number"));
  return value;
}

long long DataFile::integer(std::string_view field, std::size_t column) const {
  long long value = 0;
  const char* first = field.data();
  const char* last = first + field.size();
  const auto [ptr, ec] = std::from_chars(first, last, value);
  if (field.empty() || ec != std::errc() || ptr != last)
    fail(cat("column ", column, ": ", excerpt(field), " is not an integer"));
  return value;
}

Matrix DataFile::table(char delimiter, Index rows, Index cols) {
  Matrix values(rows, cols);
  std::string_view line;
  for (Index i = 0; i < rows; ++i) {
    if (!next(line)) fail(cat("the file ends after ", i, " data rows, expected ", rows));
    const auto fields = split(line, delimiter, static_cast<std::size_t>(cols));
    for (Index j = 0; j < cols; ++j) values(i, j) = number(fields[static_cast<std::size_t>(j)], j + 1);
  }
  expect_end();
  return values;
}

void DataFile::expect_end() {
  std::string_view line;
  if (next(line)) fail("unexpected line after the last expected row");
}

std::string read_text(std::string_view function, const std::filesystem::path& path) {
  return read_whole(function, path);
}

}  // namespace scilearn::learn::detail
