#include <bit>
#include <cstring>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/io/binary.hpp>

#include "io/files.hpp"

namespace scilearn::io {

namespace {

// Little-endian byte order on every host.
template <class U>
void append_le(std::string& out, U value) {
  for (std::size_t i = 0; i < sizeof(U); ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

template <class U>
U read_le(std::string_view bytes) {
  U value = 0;
  for (std::size_t i = 0; i < sizeof(U); ++i) value |= static_cast<U>(static_cast<unsigned char>(bytes[i])) << (8 * i);
  return value;
}

std::uint64_t fnv1a(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

constexpr std::size_t header_size = 8 + 4 + 8;

}  // namespace

void BinaryWriter::put_u32(std::uint32_t value) { append_le(bytes_, value); }
void BinaryWriter::put_u64(std::uint64_t value) { append_le(bytes_, value); }
void BinaryWriter::put_f64(double value) { put_u64(std::bit_cast<std::uint64_t>(value)); }

void BinaryWriter::put_string(std::string_view value) {
  put_u64(value.size());
  bytes_.append(value);
}

void BinaryWriter::put_matrix(const Eigen::Ref<const Matrix>& value) {
  put_u64(static_cast<std::uint64_t>(value.rows()));
  put_u64(static_cast<std::uint64_t>(value.cols()));
  for (Index j = 0; j < value.cols(); ++j)
    for (Index i = 0; i < value.rows(); ++i) put_f64(value(i, j));
}

void BinaryWriter::put_vector(const Eigen::Ref<const Vector>& value) {
  put_u64(static_cast<std::uint64_t>(value.size()));
  for (Index i = 0; i < value.size(); ++i) put_f64(value(i));
}

void BinaryWriter::put_strings(const std::vector<std::string>& values) {
  put_u64(values.size());
  for (const auto& value : values) put_string(value);
}

void BinaryReader::fail(std::string_view problem) const { throw FormatError(cat(source_, ": ", problem)); }

std::string_view BinaryReader::take(std::uint64_t count, std::string_view what) {
  if (count > bytes_.size() - position_)
    fail(cat("truncated or corrupt (", what, " needs ", count, " bytes, ", bytes_.size() - position_, " remain)"));
  const std::string_view out = bytes_.substr(position_, static_cast<std::size_t>(count));
  position_ += static_cast<std::size_t>(count);
  return out;
}

std::uint64_t BinaryReader::get_count(std::uint64_t element_size, std::string_view what) {
  const std::uint64_t count = get_u64();
  if (element_size > 0 && count > (bytes_.size() - position_) / element_size)
    fail(cat("truncated or corrupt (", what, " declares ", count, " entries, more than the file holds)"));
  return count;
}

std::uint8_t BinaryReader::get_u8() { return static_cast<std::uint8_t>(take(1, "a byte")[0]); }
std::uint32_t BinaryReader::get_u32() { return read_le<std::uint32_t>(take(4, "a 32-bit integer")); }
std::uint64_t BinaryReader::get_u64() { return read_le<std::uint64_t>(take(8, "a 64-bit integer")); }
double BinaryReader::get_f64() { return std::bit_cast<double>(read_le<std::uint64_t>(take(8, "a double"))); }

bool BinaryReader::get_bool() {
  const std::uint8_t value = get_u8();
  if (value > 1) fail(cat("corrupt (a boolean is ", static_cast<int>(value), ")"));
  return value == 1;
}

std::string BinaryReader::get_string() {
  const std::uint64_t size = get_count(1, "a string");
  return std::string(take(size, "a string"));
}

Matrix BinaryReader::get_matrix() {
  const std::uint64_t rows = get_u64();
  const std::uint64_t cols = get_u64();
  const std::uint64_t remaining = (bytes_.size() - position_) / 8;
  if ((cols != 0 && rows > remaining / cols) || (cols == 0 && rows > (std::uint64_t{1} << 40)) ||
      (rows == 0 && cols > (std::uint64_t{1} << 40)))
    fail(cat("truncated or corrupt (a matrix declares ", rows, "x", cols, " entries, more than the file holds)"));
  Matrix value(static_cast<Index>(rows), static_cast<Index>(cols));
  // Entry by entry in storage (column-major) order: a loop over columns would
  // spin 2^40 times on a declared 0 x 2^40 matrix.
  for (Index k = 0; k < value.size(); ++k) value.data()[k] = get_f64();
  return value;
}

Vector BinaryReader::get_vector() {
  const std::uint64_t size = get_count(8, "a vector");
  Vector value(static_cast<Index>(size));
  for (Index i = 0; i < value.size(); ++i) value(i) = get_f64();
  return value;
}

std::vector<std::string> BinaryReader::get_strings() {
  const std::uint64_t size = get_count(8, "a list of strings");  // each string has at least its 8-byte length
  std::vector<std::string> values;
  values.reserve(static_cast<std::size_t>(size));
  for (std::uint64_t i = 0; i < size; ++i) values.push_back(get_string());
  return values;
}

void BinaryWriter::put_i64s(const std::vector<std::int64_t>& values) {
  put_u64(values.size());
  for (const auto value : values) put_i64(value);
}

std::vector<std::int64_t> BinaryReader::get_i64s() {
  const std::uint64_t size = get_count(8, "a list of integers");
  std::vector<std::int64_t> values(static_cast<std::size_t>(size));
  for (auto& value : values) value = get_i64();
  return values;
}

void write_container(const std::filesystem::path& path, std::string_view magic, std::uint32_t version,
                     std::string_view payload) {
  if (magic.size() != 8) throw ValueError(cat("write_container: magic must have 8 bytes, got ", magic.size()));
  std::string bytes(magic);
  append_le(bytes, version);
  append_le(bytes, static_cast<std::uint64_t>(payload.size()));
  bytes.append(payload);
  append_le(bytes, fnv1a(bytes));
  detail::OutputFile file("save", path);
  file.write(bytes.data(), bytes.size());
  file.close();
}

Container read_container(const std::filesystem::path& path, std::string_view magic, std::uint32_t min_version,
                         std::uint32_t max_version) {
  const std::string bytes = detail::read_file("load", path);
  auto fail = [&](std::string_view problem) { detail::fail("load", path, problem); };
  if (bytes.size() < header_size + 8) fail(cat("truncated (", bytes.size(), " bytes, not a model file)"));
  if (std::string_view(bytes).substr(0, 8) != magic)
    fail(cat("not a scilearn file of this kind (magic ", detail::quoted_excerpt(bytes.substr(0, 8)), ")"));
  Container out;
  out.version = read_le<std::uint32_t>(std::string_view(bytes).substr(8));
  const std::uint64_t size = read_le<std::uint64_t>(std::string_view(bytes).substr(12));
  if (size != bytes.size() - header_size - 8)
    fail(cat("truncated or oversized (the header declares ", size, " payload bytes, the file holds ",
             bytes.size() - header_size - 8, ")"));
  const std::string_view body = std::string_view(bytes).substr(0, bytes.size() - 8);
  if (read_le<std::uint64_t>(std::string_view(bytes).substr(bytes.size() - 8)) != fnv1a(body))
    fail("corrupt (the checksum does not match the content)");
  if (out.version < min_version || out.version > max_version)
    fail(cat("format version ", out.version, " is not supported (this build reads versions ", min_version, " to ",
             max_version, ")"));
  out.payload = bytes.substr(header_size, static_cast<std::size_t>(size));
  return out;
}

}  // namespace scilearn::io
