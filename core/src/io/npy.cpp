// NumPy .npy reader and writer. The format is specified in numpy/lib/format.py
// (NEP 1): "\x93NUMPY", major and minor version bytes, a little-endian header
// length (uint16 for 1.0, uint32 for 2.0 / 3.0), the header (a Python dict
// literal, latin-1 in 1.0 / 2.0 and UTF-8 in 3.0, padded with spaces and ended
// by '\n'), then the raw data.
//
// Every size in the file is checked against the file system's size of the file
// before anything is allocated from it, and the data must fill the rest of the
// file exactly.

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <optional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/io/npy.hpp>
#include <string>
#include <string_view>

#include "io/files.hpp"

namespace scilearn::io {

namespace {

using detail::fail;

constexpr std::string_view magic = "\x93NUMPY";

std::string_view dtype_name(DType dtype) {
  switch (dtype) {
    case DType::float32: return "float32";
    case DType::float64: return "float64";
    case DType::int32: return "int32";
    case DType::int64: return "int64";
  }
  return "unknown";
}

std::size_t item_size(DType dtype) { return dtype == DType::float32 || dtype == DType::int32 ? 4 : 8; }

template <class Scalar>
constexpr DType dtype_of() {
  if constexpr (std::is_same_v<Scalar, float>) {
    return DType::float32;
  } else if constexpr (std::is_same_v<Scalar, double>) {
    return DType::float64;
  } else if constexpr (std::is_same_v<Scalar, std::int32_t>) {
    return DType::int32;
  } else {
    return DType::int64;
  }
}

// The element types each Scalar accepts: its own and exact widenings, except
// that double accepts every dtype, as np.asarray(x, float) does.
template <class Scalar>
bool accepts(DType stored) {
  if constexpr (std::is_same_v<Scalar, double>) {
    return true;
  } else if constexpr (std::is_same_v<Scalar, std::int64_t>) {
    return stored == DType::int64 || stored == DType::int32;
  } else {
    return stored == dtype_of<Scalar>();
  }
}

std::string shape_text(const std::vector<Index>& shape) {
  std::string out = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) out += cat(i ? ", " : "", shape[i]);
  return out + (shape.size() == 1 ? ",)" : ")");
}

// A recursive-descent parser for exactly the dict literal NumPy writes:
// {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), } in any key order,
// with either quote character and any whitespace. Anything else (structured
// dtypes, extra keys, expressions) is rejected: we never evaluate the header.
class HeaderParser {
 public:
  HeaderParser(std::string_view text, std::string_view function, const std::filesystem::path& path)
      : text_(text), function_(function), path_(path) {}

  NpyHeader parse() {
    std::optional<std::string> descr;
    std::optional<bool> fortran;
    std::optional<std::vector<Index>> shape;
    expect('{');
    while (true) {
      skip_space();
      if (peek() == '}') break;
      const std::string key = string_literal();
      expect(':');
      if (key == "descr" && !descr) {
        descr = string_literal();
      } else if (key == "fortran_order" && !fortran) {
        fortran = boolean();
      } else if (key == "shape" && !shape) {
        shape = tuple();
      } else {
        bad(cat("unexpected or repeated key ", detail::quoted_excerpt(key)));
      }
      skip_space();
      if (peek() == ',') {
        ++pos_;
      } else if (peek() != '}') {
        bad("expected ',' or '}'");
      }
    }
    ++pos_;
    skip_space();
    if (pos_ != text_.size()) bad("unexpected text after the closing '}'");
    if (!descr || !fortran || !shape) bad("the dict needs the keys 'descr', 'fortran_order' and 'shape'");
    return {parse_dtype(*descr), std::move(*shape), *fortran};
  }

  // True when the descr's byte order differs from this machine's.
  bool swap_bytes() const { return swap_; }

 private:
  [[noreturn]] void bad(std::string_view problem) const {
    fail(function_, path_,
         cat("malformed header at offset ", pos_, ": ", problem, " in ", detail::quoted_excerpt(text_)));
  }
  char peek() const { return pos_ < text_.size() ? text_[pos_] : '\0'; }
  void skip_space() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }
  void expect(char c) {
    skip_space();
    if (peek() != c) bad(cat("expected '", c, "'"));
    ++pos_;
  }
  std::string string_literal() {
    skip_space();
    const char quote = peek();
    if (quote != '\'' && quote != '"') bad("expected a quoted string");
    const auto end = text_.find(quote, pos_ + 1);
    if (end == std::string_view::npos) bad("unterminated string");
    std::string value(text_.substr(pos_ + 1, end - pos_ - 1));
    if (value.find('\\') != std::string::npos) bad("escape sequences are not supported");
    pos_ = end + 1;
    return value;
  }
  bool boolean() {
    skip_space();
    if (text_.substr(pos_, 4) == "True") {
      pos_ += 4;
      return true;
    }
    if (text_.substr(pos_, 5) == "False") {
      pos_ += 5;
      return false;
    }
    bad("'fortran_order' must be True or False");
  }
  Index integer() {
    skip_space();
    const std::size_t start = pos_;
    Index value = 0;
    while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') {
      const Index digit = text_[pos_] - '0';
      if (value > (std::numeric_limits<Index>::max() - digit) / 10) bad("a dimension overflows a 64-bit integer");
      value = value * 10 + digit;
      ++pos_;
    }
    if (pos_ == start) bad("expected a non-negative integer dimension");
    if (peek() == 'L') ++pos_;  // Python 2 long literal, as old NumPy wrote it
    return value;
  }
  // A Python tuple of integers: (), (n,), (n, m) and longer; "(n)" is an int in
  // Python, not a tuple, and NumPy rejects it, so do we.
  std::vector<Index> tuple() {
    expect('(');
    std::vector<Index> dims;
    bool trailing_comma = false;
    while (true) {
      skip_space();
      if (peek() == ')') break;
      if (dims.size() >= 64) bad("more than 64 dimensions");
      dims.push_back(integer());
      skip_space();
      trailing_comma = peek() == ',';
      if (trailing_comma) {
        ++pos_;
      } else if (peek() != ')') {
        bad("expected ',' or ')' in the shape");
      }
    }
    ++pos_;
    if (dims.size() == 1 && !trailing_comma) bad("a 1-D shape must be written (n,)");
    return dims;
  }
  DType parse_dtype(std::string_view descr) {
    std::string_view code = descr;
    bool little = std::endian::native == std::endian::little;
    if (!code.empty() && (code.front() == '<' || code.front() == '>' || code.front() == '|' || code.front() == '=')) {
      if (code.front() == '<') little = true;
      if (code.front() == '>') little = false;
      code.remove_prefix(1);
    }
    swap_ = little != (std::endian::native == std::endian::little);
    if (code == "f4") return DType::float32;
    if (code == "f8") return DType::float64;
    if (code == "i4") return DType::int32;
    if (code == "i8") return DType::int64;
    fail(function_, path_,
         cat("unsupported dtype ", detail::quoted_excerpt(descr),
             " (supported: float32, float64, int32, int64 as 'f4', 'f8', 'i4', 'i8', either byte order)"));
  }

  std::string_view text_;
  std::string_view function_;
  const std::filesystem::path& path_;
  std::size_t pos_ = 0;
  bool swap_ = false;
};

struct ParsedHeader {
  NpyHeader header;
  bool swap;
  std::uintmax_t data_offset;
  Index count;  // number of elements
};

std::uint32_t little_endian_u32(const unsigned char* p, int bytes) {
  std::uint32_t value = 0;
  for (int i = bytes - 1; i >= 0; --i) value = (value << 8) | p[i];
  return value;
}

// Reads and validates the preamble and header; leaves `in` at the data.
ParsedHeader read_header(std::string_view function, const std::filesystem::path& path, std::ifstream& in) {
  const std::uintmax_t size = detail::file_size_checked(function, path);
  if (size == 0) fail(function, path, "the file is empty");
  unsigned char preamble[12] = {};
  const std::size_t first = static_cast<std::size_t>(std::min<std::uintmax_t>(size, 10));
  in.read(reinterpret_cast<char*>(preamble), static_cast<std::streamsize>(first));
  if (static_cast<std::size_t>(in.gcount()) != first) fail(function, path, "cannot read the file");
  if (std::memcmp(preamble, magic.data(), std::min(first, magic.size())) != 0) {
    fail(function, path, "not an .npy file (the magic string \\x93NUMPY is missing)");
  }
  if (first < 10) fail(function, path, cat("truncated: ", size, " bytes, too short for the .npy preamble"));
  const int major = preamble[6];
  const int minor = preamble[7];
  if ((major != 1 && major != 2 && major != 3) || minor != 0) {
    fail(function, path, cat("unsupported .npy format version ", major, ".", minor, " (supported: 1.0, 2.0, 3.0)"));
  }
  std::uintmax_t prefix = 10;
  std::uint32_t header_length = little_endian_u32(preamble + 8, 2);
  if (major >= 2) {
    if (size < 12) fail(function, path, cat("truncated: ", size, " bytes, too short for the .npy preamble"));
    in.read(reinterpret_cast<char*>(preamble + 10), 2);
    if (in.gcount() != 2) fail(function, path, "cannot read the file");
    prefix = 12;
    header_length = little_endian_u32(preamble + 8, 4);
  }
  if (header_length > size - prefix) {
    fail(function, path,
         cat("truncated: the header declares ", header_length, " bytes but only ", size - prefix, " follow"));
  }
  std::string text(header_length, '\0');
  in.read(text.data(), static_cast<std::streamsize>(header_length));
  if (static_cast<std::uint32_t>(in.gcount()) != header_length) fail(function, path, "cannot read the header");

  HeaderParser parser(text, function, path);
  ParsedHeader parsed{parser.parse(), false, prefix + header_length, 1};
  parsed.swap = parser.swap_bytes();

  // The product of the dimensions and its size in bytes, each checked for
  // overflow; then the bytes must be exactly what is left of the file.
  const std::uintmax_t available = size - parsed.data_offset;
  const auto itemsize = static_cast<Index>(item_size(parsed.header.dtype));
  bool zero = false;
  Index count = 1;
  for (const Index d : parsed.header.shape) zero = zero || d == 0;
  if (zero) {
    count = 0;
  } else {
    for (const Index d : parsed.header.shape) {
      if (count > std::numeric_limits<Index>::max() / itemsize / d) {
        fail(function, path, cat("shape ", shape_text(parsed.header.shape), " overflows the addressable size"));
      }
      count *= d;
    }
  }
  const auto bytes = static_cast<std::uintmax_t>(count) * static_cast<std::uintmax_t>(itemsize);
  if (bytes > available) {
    fail(function, path,
         cat("truncated: shape ", shape_text(parsed.header.shape), " of ", dtype_name(parsed.header.dtype), " needs ",
             bytes, " data bytes but the file holds ", available));
  }
  if (bytes < available) {
    fail(function, path,
         cat(available - bytes, " unexpected trailing bytes after the ", bytes, " data bytes of shape ",
             shape_text(parsed.header.shape)));
  }
  parsed.count = count;
  return parsed;
}

template <class T>
void byteswap_all(T* data, Index count) {
  static_assert(sizeof(T) == 4 || sizeof(T) == 8);
  for (Index i = 0; i < count; ++i) {
    if constexpr (sizeof(T) == 4) {
      std::uint32_t u;
      std::memcpy(&u, data + i, 4);
      u = __builtin_bswap32(u);
      std::memcpy(data + i, &u, 4);
    } else {
      std::uint64_t u;
      std::memcpy(&u, data + i, 8);
      u = __builtin_bswap64(u);
      std::memcpy(data + i, &u, 8);
    }
  }
}

template <class T>
void read_elements(std::string_view function, const std::filesystem::path& path, std::ifstream& in, T* data,
                   Index count, bool swap) {
  const auto bytes = static_cast<std::streamsize>(count) * static_cast<std::streamsize>(sizeof(T));
  in.read(reinterpret_cast<char*>(data), bytes);
  if (in.gcount() != bytes) fail(function, path, "cannot read the data (the file changed while reading?)");
  if (swap) byteswap_all(data, count);
}

// Reads rows x cols elements stored as FileT into a column-major MatrixT<Scalar>.
// Data in C order with more than one row and column goes through a row-major
// buffer; otherwise the stored order already is column-major order.
template <class FileT, class Scalar>
MatrixT<Scalar> read_matrix(std::string_view function, const std::filesystem::path& path, std::ifstream& in,
                            const ParsedHeader& parsed, Index rows, Index cols) {
  if (parsed.count == 0) return MatrixT<Scalar>(rows, cols);
  if (!parsed.header.fortran_order && rows > 1 && cols > 1) {
    Eigen::Matrix<FileT, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> buffer(rows, cols);
    read_elements(function, path, in, buffer.data(), buffer.size(), parsed.swap);
    return buffer.template cast<Scalar>();
  }
  MatrixT<FileT> buffer(rows, cols);
  read_elements(function, path, in, buffer.data(), buffer.size(), parsed.swap);
  if constexpr (std::is_same_v<FileT, Scalar>) {
    return buffer;
  } else {
    return buffer.template cast<Scalar>();
  }
}

template <class Scalar>
MatrixT<Scalar> read_as(std::string_view function, const std::filesystem::path& path, std::ifstream& in,
                        const ParsedHeader& parsed, Index rows, Index cols) {
  if (!accepts<Scalar>(parsed.header.dtype)) {
    fail(function, path,
         cat("the file holds ", dtype_name(parsed.header.dtype), ", which cannot be read as ",
             dtype_name(dtype_of<Scalar>()), " without loss"));
  }
  switch (parsed.header.dtype) {
    case DType::float32: return read_matrix<float, Scalar>(function, path, in, parsed, rows, cols);
    case DType::float64: return read_matrix<double, Scalar>(function, path, in, parsed, rows, cols);
    case DType::int32: return read_matrix<std::int32_t, Scalar>(function, path, in, parsed, rows, cols);
    case DType::int64: return read_matrix<std::int64_t, Scalar>(function, path, in, parsed, rows, cols);
  }
  fail(function, path, "unknown dtype");
}

}  // namespace

NpyHeader npy_info(const std::filesystem::path& path) {
  std::ifstream in = detail::open_for_reading("npy_info", path);
  return read_header("npy_info", path, in).header;
}

template <class Scalar>
MatrixT<Scalar> load_npy(const std::filesystem::path& path) {
  constexpr std::string_view function = "load_npy";
  std::ifstream in = detail::open_for_reading(function, path);
  const ParsedHeader parsed = read_header(function, path, in);
  const auto& shape = parsed.header.shape;
  if (shape.size() > 2) {
    fail(function, path,
         cat("a ", shape.size(), "-D array of shape ", shape_text(shape),
             " cannot be loaded as a matrix (at most 2 dimensions)"));
  }
  const Index rows = shape.empty() ? 1 : shape[0];
  const Index cols = shape.size() == 2 ? shape[1] : 1;
  return read_as<Scalar>(function, path, in, parsed, rows, cols);
}

template <class Scalar>
VectorT<Scalar> load_npy_vector(const std::filesystem::path& path) {
  constexpr std::string_view function = "load_npy_vector";
  std::ifstream in = detail::open_for_reading(function, path);
  const ParsedHeader parsed = read_header(function, path, in);
  const auto& shape = parsed.header.shape;
  const bool vector_shape = shape.size() == 1 || (shape.size() == 2 && (shape[0] == 1 || shape[1] == 1));
  if (!vector_shape) {
    fail(function, path, cat("shape ", shape_text(shape), " is not a vector (expected (n,), (n, 1) or (1, n))"));
  }
  // A vector's elements are in the same order in C and Fortran layout.
  MatrixT<Scalar> column = read_as<Scalar>(function, path, in, parsed, parsed.count, 1);
  return VectorT<Scalar>(std::move(column));
}

namespace detail {

template <class Scalar>
void write_npy(const std::filesystem::path& path, const Scalar* row_major, const std::vector<Index>& shape) {
  constexpr std::string_view function = "save_npy";
  constexpr std::string_view descr = std::is_same_v<Scalar, double>         ? "<f8"
                                     : std::is_same_v<Scalar, float>        ? "<f4"
                                     : std::is_same_v<Scalar, std::int32_t> ? "<i4"
                                                                            : "<i8";
  std::string header = cat("{'descr': '", descr, "', 'fortran_order': False, 'shape': ", shape_text(shape), ", }");
  // NumPy pads the header with spaces and a final '\n' so that the data starts
  // at a multiple of 64 bytes (numpy.lib.format.ARRAY_ALIGN).
  const std::size_t unpadded = magic.size() + 4 + header.size() + 1;
  header.append((64 - unpadded % 64) % 64, ' ');
  header += '\n';
  if (header.size() > 65535) fail(function, path, "the header is too long for format 1.0");
  const unsigned char preamble[4] = {1, 0, static_cast<unsigned char>(header.size() & 0xff),
                                     static_cast<unsigned char>(header.size() >> 8)};

  Index count = 1;
  for (const Index d : shape) count *= d;
  OutputFile out(function, path);
  out.write(magic.data(), magic.size());
  out.write(preamble, sizeof preamble);
  out.write(header.data(), header.size());
  if constexpr (std::endian::native == std::endian::little) {
    if (count > 0) out.write(row_major, static_cast<std::size_t>(count) * sizeof(Scalar));
  } else {
    std::vector<Scalar> swapped(row_major, row_major + count);
    byteswap_all(swapped.data(), count);
    if (count > 0) out.write(swapped.data(), swapped.size() * sizeof(Scalar));
  }
  out.close();
}

template void write_npy<double>(const std::filesystem::path&, const double*, const std::vector<Index>&);
template void write_npy<float>(const std::filesystem::path&, const float*, const std::vector<Index>&);
template void write_npy<std::int32_t>(const std::filesystem::path&, const std::int32_t*, const std::vector<Index>&);
template void write_npy<std::int64_t>(const std::filesystem::path&, const std::int64_t*, const std::vector<Index>&);

}  // namespace detail

template MatrixT<double> load_npy<double>(const std::filesystem::path&);
template MatrixT<float> load_npy<float>(const std::filesystem::path&);
template MatrixT<std::int32_t> load_npy<std::int32_t>(const std::filesystem::path&);
template MatrixT<std::int64_t> load_npy<std::int64_t>(const std::filesystem::path&);
template VectorT<double> load_npy_vector<double>(const std::filesystem::path&);
template VectorT<float> load_npy_vector<float>(const std::filesystem::path&);
template VectorT<std::int32_t> load_npy_vector<std::int32_t>(const std::filesystem::path&);
template VectorT<std::int64_t> load_npy_vector<std::int64_t>(const std::filesystem::path&);

}  // namespace scilearn::io
