// Matrix Market reader and writer, after Boisvert, Pozo & Remington, "The
// Matrix Market Exchange Formats: Initial Design" (NIST IR 5935, 1996):
//
//   %%MatrixMarket matrix <coordinate|array> <real|integer|pattern> <general|symmetric|skew-symmetric>
//   % comments
//   rows cols [entries]          (entries for coordinate only)
//   i j [value]                  (coordinate, 1-based) or one value per line
//                                (array, column by column; lower triangle for
//                                symmetric, strictly lower for skew-symmetric)
//
// The declared entry count is checked against the bytes left in the file
// before any storage is reserved from it.

#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/io/matrix_market.hpp>
#include <string_view>
#include <utility>
#include <vector>

#include "io/files.hpp"
#include "io/text.hpp"

namespace scilearn::io {

namespace {

using detail::fail;
using detail::Lines;

bool is_blank(std::string_view line) { return detail::trim(line).empty(); }

// Splits a line at blanks into at most `Max` tokens; returns the count, or
// Max + 1 when there are more.
template <std::size_t Max>
std::size_t split(std::string_view line, std::array<std::string_view, Max>& tokens) {
  std::size_t count = 0;
  std::size_t pos = 0;
  while (true) {
    pos = line.find_first_not_of(" \t", pos);
    if (pos == std::string_view::npos) return count;
    if (count == Max) return Max + 1;
    const auto end = line.find_first_of(" \t", pos);
    tokens[count++] = line.substr(pos, end == std::string_view::npos ? end : end - pos);
    if (end == std::string_view::npos) return count;
    pos = end;
  }
}

bool equals_lower(std::string_view token, std::string_view lower) {
  if (token.size() != lower.size()) return false;
  for (std::size_t i = 0; i < token.size(); ++i) {
    char c = token[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

// The banner's keywords. Lookup is case-insensitive, as in SciPy.
template <class Enum, std::size_t N>
using Keywords = std::array<std::pair<std::string_view, Enum>, N>;
constexpr Keywords<MMFormat, 2> format_keywords{{{"coordinate", MMFormat::coordinate}, {"array", MMFormat::array}}};
constexpr Keywords<MMField, 3> field_keywords{
    {{"real", MMField::real}, {"integer", MMField::integer}, {"pattern", MMField::pattern}}};
constexpr Keywords<MMSymmetry, 3> symmetry_keywords{{{"general", MMSymmetry::general},
                                                     {"symmetric", MMSymmetry::symmetric},
                                                     {"skew-symmetric", MMSymmetry::skew_symmetric}}};

template <class Enum, std::size_t N>
std::optional<Enum> from_keyword(std::string_view token, const Keywords<Enum, N>& keywords) {
  for (const auto& [word, value] : keywords) {
    if (equals_lower(token, word)) return value;
  }
  return std::nullopt;
}

template <class Enum, std::size_t N>
std::string_view keyword(Enum value, const Keywords<Enum, N>& keywords) {
  for (const auto& [word, v] : keywords) {
    if (v == value) return word;
  }
  return "?";
}

std::string_view field_name(MMField field) { return keyword(field, field_keywords); }
std::string_view symmetry_name(MMSymmetry symmetry) { return keyword(symmetry, symmetry_keywords); }

struct Header {
  MMInfo info;
  Index stored;  // values present in the file (a triangle for symmetric arrays)
};

// Parses the banner, comments and size line from `lines`, which then stands at
// the first entry. `remaining_after` gives the bytes after the size line.
template <class RemainingBytes>
Header parse_header(std::string_view function, const std::filesystem::path& path, Lines& lines,
                    RemainingBytes remaining_after) {
  std::string_view line;
  if (!lines.next(line)) fail(function, path, "the file is empty");
  std::array<std::string_view, 5> banner{};
  const std::size_t n = split(line, banner);
  if (n == 0 || banner[0] != "%%MatrixMarket") {
    fail(function, path,
         cat("line 1: expected the banner '%%MatrixMarket matrix <format> <field> <symmetry>', got ",
             detail::quoted_excerpt(line)));
  }
  if (n != 5) fail(function, path, cat("line 1: the banner needs 4 words after %%MatrixMarket, got ", n - 1));
  if (!equals_lower(banner[1], "matrix")) {
    fail(function, path, cat("line 1: unsupported object ", detail::quoted_excerpt(banner[1]), " (only 'matrix')"));
  }
  if (equals_lower(banner[3], "complex")) fail(function, path, "line 1: field 'complex' is unsupported");
  if (equals_lower(banner[4], "hermitian")) fail(function, path, "line 1: symmetry 'hermitian' is unsupported");
  const auto format = from_keyword(banner[2], format_keywords);
  if (!format) fail(function, path, cat("line 1: unknown format ", detail::quoted_excerpt(banner[2])));
  const auto field = from_keyword(banner[3], field_keywords);
  if (!field) fail(function, path, cat("line 1: unknown field ", detail::quoted_excerpt(banner[3])));
  const auto symmetry = from_keyword(banner[4], symmetry_keywords);
  if (!symmetry) fail(function, path, cat("line 1: unknown symmetry ", detail::quoted_excerpt(banner[4])));
  MMInfo info{};
  info.format = *format;
  info.field = *field;
  info.symmetry = *symmetry;
  if (info.field == MMField::pattern && info.format == MMFormat::array) {
    fail(function, path, "line 1: field 'pattern' is only valid with format 'coordinate'");
  }
  if (info.field == MMField::pattern && info.symmetry == MMSymmetry::skew_symmetric) {
    fail(function, path, "line 1: field 'pattern' cannot be skew-symmetric");
  }

  // Comments and blank lines, then the size line.
  do {
    if (!lines.next(line)) fail(function, path, "truncated: no size line after the banner");
  } while (is_blank(line) || line.front() == '%');
  const std::size_t expected = info.format == MMFormat::coordinate ? 3 : 2;
  std::array<std::string_view, 3> sizes{};
  const std::size_t count = split(line, sizes);
  if (count != expected) {
    fail(function, path,
         cat("line ", lines.number(), ": the size line of a ",
             info.format == MMFormat::coordinate ? "coordinate" : "array", " file needs ", expected, " integers, got ",
             detail::quoted_excerpt(line)));
  }
  std::array<Index, 3> values{};
  for (std::size_t k = 0; k < count; ++k) {
    const auto v = detail::parse_int64(sizes[k]);
    if (!v || *v < 0) {
      fail(function, path,
           cat("line ", lines.number(), ": size ", detail::quoted_excerpt(sizes[k]),
               " is not a non-negative 64-bit integer"));
    }
    values[k] = static_cast<Index>(*v);
  }
  info.rows = values[0];
  info.cols = values[1];
  if (info.symmetry != MMSymmetry::general && info.rows != info.cols) {
    fail(function, path,
         cat("line ", lines.number(), ": a ", symmetry_name(info.symmetry), " matrix must be square, got ", info.rows,
             "x", info.cols));
  }
  Index stored = 0;
  Index tokens_per_entry = 1;
  if (info.format == MMFormat::coordinate) {
    info.entries = values[2];
    stored = values[2];
    tokens_per_entry = info.field == MMField::pattern ? 2 : 3;
  } else {
    if (info.cols != 0 && info.rows > std::numeric_limits<Index>::max() / info.cols) {
      fail(function, path, cat("line ", lines.number(), ": size ", info.rows, "x", info.cols, " overflows"));
    }
    info.entries = info.rows * info.cols;
    const Index n = info.rows;
    stored = info.symmetry == MMSymmetry::general     ? info.entries
             : info.symmetry == MMSymmetry::symmetric ? n / 2 * (n + 1) + (n % 2 ? (n + 1) / 2 : 0)
                                                      : (n == 0 ? 0 : n / 2 * (n - 1) + (n % 2 ? (n - 1) / 2 : 0));
  }
  // Each stored entry takes at least tokens_per_entry characters plus as many
  // separators (blank or line break), except after the very last one.
  const auto available = static_cast<std::uintmax_t>(remaining_after()) + 1;
  if (static_cast<std::uintmax_t>(stored) > available / static_cast<std::uintmax_t>(2 * tokens_per_entry)) {
    fail(function, path,
         cat("truncated: line ", lines.number(), " declares ", stored, " stored entries but only ", available - 1,
             " bytes follow"));
  }
  return {info, stored};
}

// Reads the entries after the header and calls add(i, j, value) (0-based) for
// every entry of the full matrix: symmetric storage is mirrored here.
template <class Add>
void read_entries(std::string_view function, const std::filesystem::path& path, Lines& lines, const Header& header,
                  Add&& add) {
  const MMInfo& info = header.info;
  const bool coordinate = info.format == MMFormat::coordinate;
  const std::size_t tokens_per_entry = coordinate ? (info.field == MMField::pattern ? 2 : 3) : 1;
  Index row = 0;  // array position, column by column
  Index col = 0;
  if (!coordinate && info.symmetry == MMSymmetry::skew_symmetric) row = 1;
  std::string_view line;
  std::array<std::string_view, 3> tokens{};
  for (Index k = 0; k < header.stored; ++k) {
    do {
      if (!lines.next(line)) {
        fail(function, path, cat("truncated: ", header.stored, " entries declared but the file ends after ", k));
      }
    } while (is_blank(line));
    const std::size_t count = split(line, tokens);
    if (count != tokens_per_entry) {
      fail(function, path,
           cat("line ", lines.number(), ": expected ", tokens_per_entry, " fields for a ", field_name(info.field),
               " entry, got ", detail::quoted_excerpt(line)));
    }
    double value = 1.0;
    if (info.field != MMField::pattern) {
      const std::string_view token = tokens[tokens_per_entry - 1];
      if (info.field == MMField::integer) {
        const auto v = detail::parse_int64(token);
        if (!v)
          fail(function, path,
               cat("line ", lines.number(), ": ", detail::quoted_excerpt(token), " is not a 64-bit integer"));
        value = static_cast<double>(*v);
      } else {
        const auto v = detail::parse_double(token);
        if (!v)
          fail(function, path,
               cat("line ", lines.number(), ": ", detail::quoted_excerpt(token), " is not a real number"));
        value = *v;
      }
    }
    Index i = row;
    Index j = col;
    if (coordinate) {
      const auto ti = detail::parse_int64(tokens[0]);
      const auto tj = detail::parse_int64(tokens[1]);
      if (!ti || !tj || *ti < 1 || *ti > info.rows || *tj < 1 || *tj > info.cols) {
        fail(function, path,
             cat("line ", lines.number(), ": index (", detail::quoted_excerpt(tokens[0]), ", ",
                 detail::quoted_excerpt(tokens[1]), ") is outside the 1-based ", info.rows, "x", info.cols, " matrix"));
      }
      i = static_cast<Index>(*ti - 1);
      j = static_cast<Index>(*tj - 1);
      if (info.symmetry == MMSymmetry::skew_symmetric && i == j) {
        fail(function, path,
             cat("line ", lines.number(),
                 ": a skew-symmetric matrix has a zero diagonal, "
                 "but entry (",
                 i + 1, ", ", j + 1, ") is stored"));
      }
    } else {
      // Next position: down the column, then to the top of the stored part of
      // the next column (row j for symmetric, j + 1 for skew-symmetric).
      if (++row == info.rows) {
        ++col;
        row = info.symmetry == MMSymmetry::general ? 0 : info.symmetry == MMSymmetry::symmetric ? col : col + 1;
      }
    }
    add(i, j, value);
    if (i != j && info.symmetry != MMSymmetry::general) {
      add(j, i, info.symmetry == MMSymmetry::symmetric ? value : -value);
    }
  }
  while (lines.next(line)) {
    if (!is_blank(line)) {
      fail(function, path,
           cat("line ", lines.number(), ": unexpected content after the ", header.stored,
               " declared entries: ", detail::quoted_excerpt(line)));
    }
  }
}

}  // namespace

MMInfo mminfo(const std::filesystem::path& path) {
  constexpr std::string_view function = "mminfo";
  // Only the banner, comments and size line are read; the rest of the file is
  // measured, not loaded.
  const std::uintmax_t size = detail::file_size_checked(function, path);
  std::ifstream in = detail::open_for_reading(function, path);
  std::string prefix;
  std::string line;
  std::size_t lines_read = 0;
  while (std::getline(in, line)) {
    prefix += line;
    if (!in.eof()) prefix += '\n';
    const std::string_view view = detail::trim(line);
    if (++lines_read > 1 && !view.empty() && view != "\r" && view.front() != '%') break;
  }
  Lines lines(prefix);
  const auto remaining = [&] { return size - std::min<std::uintmax_t>(size, prefix.size()) + lines.remaining(); };
  return parse_header(function, path, lines, remaining).info;
}

SparseMatrix mmread_sparse(const std::filesystem::path& path) {
  constexpr std::string_view function = "mmread_sparse";
  const std::string content = detail::read_file(function, path);
  Lines lines(content);
  const Header header = parse_header(function, path, lines, [&] { return lines.remaining(); });
  const MMInfo& info = header.info;
  constexpr Index max_index = std::numeric_limits<SparseMatrix::StorageIndex>::max();
  if (info.rows > max_index || info.cols > max_index) {
    fail(function, path, cat("size ", info.rows, "x", info.cols, " exceeds the 32-bit indices of SparseMatrix"));
  }
  const bool mirrored = info.symmetry != MMSymmetry::general;
  if (header.stored > max_index / (mirrored ? 2 : 1)) {
    fail(function, path, cat(header.stored, " entries exceed the 32-bit indices of SparseMatrix"));
  }
  // Column pointers plus (value, row) and a triplet per stored entry.
  detail::check_fits_in_memory(function, path,
                               static_cast<double>(info.cols + 1) * sizeof(SparseMatrix::StorageIndex) +
                                   static_cast<double>(header.stored) * (mirrored ? 2 : 1) * 28.0,
                               cat("a sparse ", info.rows, "x", info.cols, " matrix"));
  using Triplet = Eigen::Triplet<double, SparseMatrix::StorageIndex>;
  std::vector<Triplet> triplets;
  triplets.reserve(static_cast<std::size_t>(header.stored) * (mirrored ? 2 : 1));
  // Coordinate files keep their explicit zeros (as scipy's COO does); an array
  // file lists every value, so only its non-zeros become structure.
  const bool keep_zeros = info.format == MMFormat::coordinate;
  read_entries(function, path, lines, header, [&](Index i, Index j, double v) {
    if (keep_zeros || v != 0.0) {
      triplets.emplace_back(static_cast<SparseMatrix::StorageIndex>(i), static_cast<SparseMatrix::StorageIndex>(j), v);
    }
  });
  SparseMatrix a(info.rows, info.cols);
  a.setFromTriplets(triplets.begin(), triplets.end());  // sums duplicates
  return a;
}

Matrix mmread_dense(const std::filesystem::path& path) {
  constexpr std::string_view function = "mmread_dense";
  const std::string content = detail::read_file(function, path);
  Lines lines(content);
  const Header header = parse_header(function, path, lines, [&] { return lines.remaining(); });
  const MMInfo& info = header.info;
  if (info.cols != 0 &&
      info.rows > std::numeric_limits<Index>::max() / static_cast<Index>(sizeof(double)) / info.cols) {
    fail(function, path, cat("a dense ", info.rows, "x", info.cols, " matrix overflows the addressable size"));
  }
  detail::check_fits_in_memory(function, path,
                               static_cast<double>(info.rows) * static_cast<double>(info.cols) * sizeof(double),
                               cat("a dense ", info.rows, "x", info.cols, " matrix"));
  Matrix a = Matrix::Zero(info.rows, info.cols);
  read_entries(function, path, lines, header, [&](Index i, Index j, double v) { a(i, j) += v; });
  return a;
}

namespace {

std::string banner(MMFormat format, const MMWriteOptions& options) {
  std::string out = cat("%%MatrixMarket matrix ", format == MMFormat::coordinate ? "coordinate" : "array", " ",
                        field_name(options.field), " ", symmetry_name(options.symmetry), "\n");
  if (!options.comment.empty()) {
    std::string_view rest = options.comment;
    while (true) {
      const auto end = rest.find('\n');
      std::string_view line = rest.substr(0, end);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      out += '%';
      out += line;
      out += '\n';
      if (end == std::string_view::npos) break;
      rest.remove_prefix(end + 1);
    }
  }
  return out;
}

// Values of an integer file must be whole numbers that fit an int64.
void check_integer(std::string_view function, Index i, Index j, double v) {
  if (!(std::isfinite(v) && v == std::trunc(v) && std::fabs(v) < 9.2e18)) {
    throw ValueError(cat(function, ": field integer, but a(", i, ", ", j, ") = ", v, " is not a 64-bit integer"));
  }
}

bool same(double x, double y) { return x == y || (std::isnan(x) && std::isnan(y)); }

[[noreturn]] void not_symmetric(std::string_view function, MMSymmetry symmetry, Index i, Index j, double aij,
                                double aji) {
  throw ValueError(cat(function, ": a is not ", symmetry_name(symmetry), ": a(", i, ", ", j, ") = ", aij, " but a(", j,
                       ", ", i, ") = ", aji));
}

void append_value(std::string& out, MMField field, double v) {
  if (field == MMField::integer) {
    detail::append_int64(out, static_cast<std::int64_t>(v));
  } else {
    detail::append_double(out, v);
  }
}

// Writes text in pieces so a large matrix never needs its whole file in memory.
void flush_if_large(detail::OutputFile& out, std::string& text) {
  if (text.size() > (1u << 16)) {
    out.write(text.data(), text.size());
    text.clear();
  }
}

}  // namespace

void mmwrite(const std::filesystem::path& path, const SparseMatrix& a, const MMWriteOptions& options) {
  constexpr std::string_view function = "mmwrite";
  const bool general = options.symmetry == MMSymmetry::general;
  const bool skew = options.symmetry == MMSymmetry::skew_symmetric;
  if (!general && a.rows() != a.cols()) {
    throw ValueError(cat(function, ": a is ", a.rows(), "x", a.cols(), ", but a ", symmetry_name(options.symmetry),
                         " matrix must be square"));
  }
  if (options.field == MMField::pattern && skew) {
    throw ValueError(cat(function, ": field pattern cannot be skew-symmetric"));
  }
  // One pass checks and counts what will be written: the lower triangle
  // (strictly lower for skew-symmetric) of a symmetric matrix, all else otherwise.
  Index count = 0;
  for (Index j = 0; j < a.outerSize(); ++j) {
    for (SparseMatrix::InnerIterator it(a, j); it; ++it) {
      const Index i = it.row();
      const double v = it.value();
      if (options.field == MMField::integer) check_integer(function, i, j, v);
      if (!general) {
        const double mirror = a.coeff(j, i);
        // A skew-symmetric diagonal is not written, so it must be exactly zero (NaN == -NaN here).
        const bool ok = skew && i == j ? v == 0.0 : same(v, skew ? -mirror : mirror);
        if (!ok) not_symmetric(function, options.symmetry, i, j, v, mirror);
      }
      if (general || i > j || (i == j && !skew)) ++count;
    }
  }
  detail::OutputFile out(function, path);
  std::string text = banner(MMFormat::coordinate, options);
  text += cat(a.rows(), " ", a.cols(), " ", count, "\n");
  for (Index j = 0; j < a.outerSize(); ++j) {
    for (SparseMatrix::InnerIterator it(a, j); it; ++it) {
      const Index i = it.row();
      if (!(general || i > j || (i == j && !skew))) continue;
      detail::append_int64(text, i + 1);
      text += ' ';
      detail::append_int64(text, j + 1);
      if (options.field != MMField::pattern) {
        text += ' ';
        append_value(text, options.field, it.value());
      }
      text += '\n';
      flush_if_large(out, text);
    }
  }
  out.write(text.data(), text.size());
  out.close();
}

void mmwrite(const std::filesystem::path& path, const Eigen::Ref<const Matrix>& a, const MMWriteOptions& options) {
  constexpr std::string_view function = "mmwrite";
  if (options.field == MMField::pattern) {
    throw ValueError(cat(function, ": field pattern is only valid for a sparse (coordinate) matrix"));
  }
  const bool general = options.symmetry == MMSymmetry::general;
  const bool skew = options.symmetry == MMSymmetry::skew_symmetric;
  if (!general && a.rows() != a.cols()) {
    throw ValueError(cat(function, ": a is ", a.rows(), "x", a.cols(), ", but a ", symmetry_name(options.symmetry),
                         " matrix must be square"));
  }
  for (Index j = 0; j < a.cols(); ++j) {
    for (Index i = 0; i < a.rows(); ++i) {
      if (options.field == MMField::integer) check_integer(function, i, j, a(i, j));
      const bool ok = general || i < j || (skew && i == j ? a(i, j) == 0.0 : same(a(i, j), skew ? -a(j, i) : a(j, i)));
      if (!ok) {
        not_symmetric(function, options.symmetry, i, j, a(i, j), a(j, i));
      }
    }
  }
  detail::OutputFile out(function, path);
  std::string text = banner(MMFormat::array, options);
  text += cat(a.rows(), " ", a.cols(), "\n");
  for (Index j = 0; j < a.cols(); ++j) {
    const Index first = general ? 0 : skew ? j + 1 : j;
    for (Index i = first; i < a.rows(); ++i) {
      append_value(text, options.field, a(i, j));
      text += '\n';
      flush_if_large(out, text);
    }
  }
  out.write(text.data(), text.size());
  out.close();
}

}  // namespace scilearn::io
