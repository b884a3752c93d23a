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
#include <scilearn/core/io/npy_buffer.hpp>
#include <string>
#include <string_view>
#include <utility>

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
    RawHeader raw = parse_raw();
    return {parse_dtype(raw.descr), std::move(raw.shape), raw.fortran_order};
  }

  // The dict's three values, the descr unparsed (parse_dtype reads the numeric
  // ones; load_npy_string_buffer the byte and unicode strings).
  struct RawHeader {
    std::string descr;
    std::vector<Index> shape;
    bool fortran_order;
  };

  RawHeader parse_raw() {
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
    return {std::move(*descr), std::move(*shape), *fortran};
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
  // The byte-order character of a descr ('<', '>', '|', '=' or none) removed;
  // sets swap_ from it.
  std::string_view strip_byte_order(std::string_view code) {
    bool little = std::endian::native == std::endian::little;
    if (!code.empty() && (code.front() == '<' || code.front() == '>' || code.front() == '|' || code.front() == '=')) {
      if (code.front() == '<') little = true;
      if (code.front() == '>') little = false;
      code.remove_prefix(1);
    }
    swap_ = little != (std::endian::native == std::endian::little);
    return code;
  }

 public:
  DType parse_dtype(std::string_view descr) {
    const std::string_view code = strip_byte_order(descr);
    if (code == "f4") return DType::float32;
    if (code == "f8") return DType::float64;
    if (code == "i4") return DType::int32;
    if (code == "i8") return DType::int64;
    fail(function_, path_,
         cat("unsupported dtype ", detail::quoted_excerpt(descr),
             " (supported: float32, float64, int32, int64 as 'f4', 'f8', 'i4', 'i8', either byte order)"));
  }

  // For a byte-string ('S<n>') or unicode ('U<n>') descr: the characters per
  // element and whether they are 4-byte code points. Throws FormatError otherwise.
  std::pair<std::size_t, bool> parse_text_dtype(std::string_view descr) {
    const std::string_view code = strip_byte_order(descr);
    const bool unicode = !code.empty() && code.front() == 'U';
    if (code.size() < 2 || code.size() > 6 || (code.front() != 'S' && !unicode) ||
        code.find_first_not_of("0123456789", 1) != std::string_view::npos) {
      fail(function_, path_,
           cat("unsupported dtype ", detail::quoted_excerpt(descr), " (expected a string: 'S<n>' or 'U<n>')"));
    }
    std::size_t length = 0;
    for (const char c : code.substr(1)) length = length * 10 + static_cast<std::size_t>(c - '0');
    return {length, unicode};
  }

 private:

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

// The two members of std::istream that the readers use, over bytes in memory
// (an .npz member), so that one reader serves files and buffers.
class MemoryStream {
 public:
  explicit MemoryStream(std::string_view bytes) : bytes_(bytes) {}
  MemoryStream& read(char* out, std::streamsize count) {
    const std::size_t n = std::min(static_cast<std::size_t>(count), bytes_.size() - position_);
    if (n > 0) std::memcpy(out, bytes_.data() + position_, n);
    position_ += n;
    last_ = static_cast<std::streamsize>(n);
    return *this;
  }
  [[nodiscard]] std::streamsize gcount() const { return last_; }

 private:
  std::string_view bytes_;
  std::size_t position_ = 0;
  std::streamsize last_ = 0;
};

// Reads and validates the preamble; returns the header text and the offset of
// the data, leaving `in` there. `size` is the whole file's (or buffer's) size.
template <class Stream>
std::pair<std::string, std::uintmax_t> read_header_text(std::string_view function, const std::filesystem::path& path,
                                                        Stream& in, std::uintmax_t size) {
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
  return {std::move(text), prefix + header_length};
}

// The number of elements of `shape`, checked: the product of the dimensions and
// its size in bytes must not overflow, and the bytes must be exactly the
// `available` rest of the file.
Index checked_count(std::string_view function, const std::filesystem::path& path, const std::vector<Index>& shape,
                    Index itemsize, std::string_view type_name, std::uintmax_t available) {
  bool zero = false;
  Index count = 1;
  for (const Index d : shape) zero = zero || d == 0;
  if (zero) {
    count = 0;
  } else {
    for (const Index d : shape) {
      if (count > std::numeric_limits<Index>::max() / itemsize / d) {
        fail(function, path, cat("shape ", shape_text(shape), " overflows the addressable size"));
      }
      count *= d;
    }
  }
  const auto bytes = static_cast<std::uintmax_t>(count) * static_cast<std::uintmax_t>(itemsize);
  if (bytes > available) {
    fail(function, path,
         cat("truncated: shape ", shape_text(shape), " of ", type_name, " needs ", bytes,
             " data bytes but the file holds ", available));
  }
  if (bytes < available) {
    fail(function, path,
         cat(available - bytes, " unexpected trailing bytes after the ", bytes, " data bytes of shape ",
             shape_text(shape)));
  }
  return count;
}

// Reads and validates the preamble and header; leaves `in` at the data.
template <class Stream>
ParsedHeader read_header(std::string_view function, const std::filesystem::path& path, Stream& in,
                         std::uintmax_t size) {
  const auto [text, data_offset] = read_header_text(function, path, in, size);
  HeaderParser parser(text, function, path);
  ParsedHeader parsed{parser.parse(), false, data_offset, 1};
  parsed.swap = parser.swap_bytes();
  parsed.count = checked_count(function, path, parsed.header.shape, static_cast<Index>(item_size(parsed.header.dtype)),
                               dtype_name(parsed.header.dtype), size - data_offset);
  return parsed;
}

ParsedHeader read_header(std::string_view function, const std::filesystem::path& path, std::ifstream& in) {
  return read_header(function, path, in, detail::file_size_checked(function, path));
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

template <class T, class Stream>
void read_elements(std::string_view function, const std::filesystem::path& path, Stream& in, T* data,
                   Index count, bool swap) {
  const auto bytes = static_cast<std::streamsize>(count) * static_cast<std::streamsize>(sizeof(T));
  in.read(reinterpret_cast<char*>(data), bytes);
  if (in.gcount() != bytes) fail(function, path, "cannot read the data (the file changed while reading?)");
  if (swap) byteswap_all(data, count);
}

// Reads rows x cols elements stored as FileT into a column-major MatrixT<Scalar>.
// Data in C order with more than one row and column goes through a row-major
// buffer; otherwise the stored order already is column-major order.
template <class FileT, class Scalar, class Stream>
MatrixT<Scalar> read_matrix(std::string_view function, const std::filesystem::path& path, Stream& in,
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

template <class Scalar, class Stream>
MatrixT<Scalar> read_as(std::string_view function, const std::filesystem::path& path, Stream& in,
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

namespace {

// load_npy and load_npy_buffer after the header: at most 2-D, as a matrix.
template <class Scalar, class Stream>
MatrixT<Scalar> read_matrix_body(std::string_view function, const std::filesystem::path& path, Stream& in,
                                 const ParsedHeader& parsed) {
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

// load_npy_vector and load_npy_vector_buffer after the header.
template <class Scalar, class Stream>
VectorT<Scalar> read_vector_body(std::string_view function, const std::filesystem::path& path, Stream& in,
                                 const ParsedHeader& parsed) {
  const auto& shape = parsed.header.shape;
  const bool vector_shape = shape.size() == 1 || (shape.size() == 2 && (shape[0] == 1 || shape[1] == 1));
  if (!vector_shape) {
    fail(function, path, cat("shape ", shape_text(shape), " is not a vector (expected (n,), (n, 1) or (1, n))"));
  }
  // A vector's elements are in the same order in C and Fortran layout.
  MatrixT<Scalar> column = read_as<Scalar>(function, path, in, parsed, parsed.count, 1);
  return VectorT<Scalar>(std::move(column));
}

}  // namespace

template <class Scalar>
MatrixT<Scalar> load_npy(const std::filesystem::path& path) {
  constexpr std::string_view function = "load_npy";
  std::ifstream in = detail::open_for_reading(function, path);
  return read_matrix_body<Scalar>(function, path, in, read_header(function, path, in));
}

template <class Scalar>
VectorT<Scalar> load_npy_vector(const std::filesystem::path& path) {
  constexpr std::string_view function = "load_npy_vector";
  std::ifstream in = detail::open_for_reading(function, path);
  return read_vector_body<Scalar>(function, path, in, read_header(function, path, in));
}

template <class Scalar>
MatrixT<Scalar> load_npy_buffer(std::string_view bytes, const std::string& source) {
  constexpr std::string_view function = "load_npy_buffer";
  const std::filesystem::path path(source);
  MemoryStream in(bytes);
  return read_matrix_body<Scalar>(function, path, in, read_header(function, path, in, bytes.size()));
}

template <class Scalar>
VectorT<Scalar> load_npy_vector_buffer(std::string_view bytes, const std::string& source) {
  constexpr std::string_view function = "load_npy_vector_buffer";
  const std::filesystem::path path(source);
  MemoryStream in(bytes);
  return read_vector_body<Scalar>(function, path, in, read_header(function, path, in, bytes.size()));
}

std::string load_npy_string_buffer(std::string_view bytes, const std::string& source) {
  constexpr std::string_view function = "load_npy_string_buffer";
  const std::filesystem::path path(source);
  MemoryStream in(bytes);
  const auto [text, data_offset] = read_header_text(function, path, in, bytes.size());
  HeaderParser parser(text, function, path);
  const auto raw = parser.parse_raw();
  const auto [length, unicode] = parser.parse_text_dtype(raw.descr);
  if (!raw.shape.empty()) {
    fail(function, path, cat("expected a 0-d string array, got shape ", shape_text(raw.shape)));
  }
  const std::uintmax_t itemsize = length * (unicode ? 4U : 1U);
  if (bytes.size() - data_offset != itemsize) {
    fail(function, path,
         cat("a 0-d array of ", raw.descr, " needs ", itemsize, " data bytes but the file holds ",
             bytes.size() - data_offset));
  }
  std::string_view data = bytes.substr(static_cast<std::size_t>(data_offset));
  std::string value;
  if (unicode) {
    // UTF-32 code units in the descr's byte order; only ASCII is accepted.
    for (std::size_t i = 0; i + 4 <= data.size(); i += 4) {
      std::uint32_t unit = 0;
      for (int b = 0; b < 4; ++b) {
        const auto byte = static_cast<std::uint32_t>(static_cast<unsigned char>(data[i + static_cast<std::size_t>(b)]));
        const bool little = (std::endian::native == std::endian::little) != parser.swap_bytes();
        unit |= byte << (8 * (little ? b : 3 - b));
      }
      if (unit >= 0x80) fail(function, path, cat("the string holds a non-ASCII character (code point ", unit, ")"));
      value += static_cast<char>(unit);
    }
  } else {
    value.assign(data);
  }
  // NumPy pads shorter strings with NULs and drops them when reading.
  while (!value.empty() && value.back() == '\0') value.pop_back();
  return value;
}

namespace detail {

std::string npy_header(std::string_view descr, const std::vector<Index>& shape, std::string_view function,
                       const std::filesystem::path& path) {
  std::string header = cat("{'descr': '", descr, "', 'fortran_order': False, 'shape': ", shape_text(shape), ", }");
  // NumPy pads the header with spaces and a final '\n' so that the data starts
  // at a multiple of 64 bytes (numpy.lib.format.ARRAY_ALIGN).
  const std::size_t unpadded = magic.size() + 4 + header.size() + 1;
  header.append((64 - unpadded % 64) % 64, ' ');
  header += '\n';
  if (header.size() > 65535) fail(function, path, "the header is too long for format 1.0");
  const char preamble[4] = {1, 0, static_cast<char>(header.size() & 0xff), static_cast<char>(header.size() >> 8)};
  return std::string(magic) + std::string(preamble, sizeof preamble) + header;
}

template <class Scalar>
void write_npy(const std::filesystem::path& path, const Scalar* row_major, const std::vector<Index>& shape) {
  constexpr std::string_view function = "save_npy";
  constexpr std::string_view descr = std::is_same_v<Scalar, double>         ? "<f8"
                                     : std::is_same_v<Scalar, float>        ? "<f4"
                                     : std::is_same_v<Scalar, std::int32_t> ? "<i4"
                                                                            : "<i8";
  const std::string header = npy_header(descr, shape, function, path);
  Index count = 1;
  for (const Index d : shape) count *= d;
  OutputFile out(function, path);
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
template MatrixT<double> load_npy_buffer<double>(std::string_view, const std::string&);
template MatrixT<float> load_npy_buffer<float>(std::string_view, const std::string&);
template MatrixT<std::int32_t> load_npy_buffer<std::int32_t>(std::string_view, const std::string&);
template MatrixT<std::int64_t> load_npy_buffer<std::int64_t>(std::string_view, const std::string&);
template VectorT<double> load_npy_vector_buffer<double>(std::string_view, const std::string&);
template VectorT<float> load_npy_vector_buffer<float>(std::string_view, const std::string&);
template VectorT<std::int32_t> load_npy_vector_buffer<std::int32_t>(std::string_view, const std::string&);
template VectorT<std::int64_t> load_npy_vector_buffer<std::int64_t>(std::string_view, const std::string&);

}  // namespace scilearn::io
