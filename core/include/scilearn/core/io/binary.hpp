#pragma once
/// \file
/// Serialization primitives: a portable binary encoding (little-endian,
/// explicit 64-bit sizes) and a checked container file around it, on which
/// scilearn's model files are built.
///
/// A container file is: 8 magic bytes, a u32 format version, a u64 payload
/// size, the payload, and a u64 FNV-1a hash of everything before it. Reading
/// checks each of them, so a truncated, oversized, wrong-version or corrupted
/// file is a FormatError naming the file, never a crash: FNV-1a's step
/// (xor a byte, multiply by an odd prime modulo 2^64) is a bijection of the
/// state for a fixed byte, so changing any single byte always changes the hash.
///
/// BinaryReader validates every declared size against the bytes that remain
/// before allocating, so a hostile size cannot exhaust memory.

#include <cstdint>
#include <filesystem>
#include <scilearn/core/types.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace scilearn::io {

/// Appends values to a byte buffer in the portable encoding.
class BinaryWriter {
 public:
  void put_u8(std::uint8_t value) { bytes_.push_back(static_cast<char>(value)); }
  void put_u32(std::uint32_t value);
  void put_u64(std::uint64_t value);
  void put_i64(std::int64_t value) { put_u64(static_cast<std::uint64_t>(value)); }
  void put_bool(bool value) { put_u8(value ? 1 : 0); }
  /// IEEE-754 binary64, bit for bit (NaN payloads and signed zeros kept).
  void put_f64(double value);
  /// A u64 length, then the bytes.
  void put_string(std::string_view value);
  /// u64 rows, u64 cols, then the entries in column-major order.
  void put_matrix(const Eigen::Ref<const Matrix>& value);
  /// u64 size, then the entries.
  void put_vector(const Eigen::Ref<const Vector>& value);
  void put_strings(const std::vector<std::string>& values);
  /// u64 size, then the integers.
  void put_i64s(const std::vector<std::int64_t>& values);

  /// The encoded bytes so far.
  [[nodiscard]] const std::string& bytes() const noexcept { return bytes_; }

 private:
  std::string bytes_;
};

/// Reads values back from a byte buffer (which must outlive the reader).
/// Every read past the end, and every declared size larger than what remains,
/// throws FormatError("<source>: truncated or corrupt (...)").
class BinaryReader {
 public:
  /// \param bytes the encoded data; \param source names it in messages (a path).
  BinaryReader(std::string_view bytes, std::string source) : bytes_(bytes), source_(std::move(source)) {}

  [[nodiscard]] std::uint8_t get_u8();
  [[nodiscard]] std::uint32_t get_u32();
  [[nodiscard]] std::uint64_t get_u64();
  [[nodiscard]] std::int64_t get_i64() { return static_cast<std::int64_t>(get_u64()); }
  /// Throws FormatError unless the byte is 0 or 1.
  [[nodiscard]] bool get_bool();
  [[nodiscard]] double get_f64();
  [[nodiscard]] std::string get_string();
  [[nodiscard]] Matrix get_matrix();
  [[nodiscard]] Vector get_vector();
  [[nodiscard]] std::vector<std::string> get_strings();
  [[nodiscard]] std::vector<std::int64_t> get_i64s();

  /// Whether every byte has been read.
  [[nodiscard]] bool at_end() const noexcept { return position_ == bytes_.size(); }
  /// The source's name, for messages.
  [[nodiscard]] const std::string& source() const noexcept { return source_; }
  /// Throws FormatError("<source>: <problem>").
  [[noreturn]] void fail(std::string_view problem) const;

 private:
  std::string_view take(std::uint64_t count, std::string_view what);
  // A declared element count, checked against the bytes that remain.
  std::uint64_t get_count(std::uint64_t element_size, std::string_view what);

  std::string_view bytes_;
  std::size_t position_ = 0;
  std::string source_;
};

/// Writes `payload` to `path` inside a checked container (see the file comment).
/// \param magic exactly 8 bytes identifying the kind of file.
/// Throws FormatError when the file cannot be written; ValueError for a bad magic.
void write_container(const std::filesystem::path& path, std::string_view magic, std::uint32_t version,
                     std::string_view payload);

/// The payload of a container written by write_container and its version.
/// Throws FormatError naming the file when it is missing, truncated, longer
/// than declared, has another magic, a version outside [min_version,
/// max_version], or a hash that does not match.
struct Container {
  std::uint32_t version = 0;
  std::string payload;
};
[[nodiscard]] Container read_container(const std::filesystem::path& path, std::string_view magic,
                                       std::uint32_t min_version, std::uint32_t max_version);

}  // namespace scilearn::io
