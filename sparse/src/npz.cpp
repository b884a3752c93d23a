// scipy.sparse .npz files. The container is a ZIP archive as Python's zipfile
// writes it for np.savez (PKWARE APPNOTE.TXT 6.3: local headers, central
// directory, end records, ZIP64 extensions); members are .npy images, parsed
// by core's in-memory .npy readers; DEFLATE is zlib's (raw streams, RFC 1951).
//
// Reading trusts nothing in the file: the central directory is the index (as
// in zipfile), every offset and size is checked against the archive's bytes,
// a member may not inflate past 1032 times its compressed size (DEFLATE's
// largest ratio) nor past its declared size, and its CRC-32 must match.
#include <unistd.h>

#include <algorithm>
#include <array>
#include <bit>
#include <climits>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <limits>
#include <optional>
#include <set>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/io/npy_buffer.hpp>
#include <scilearn/sparse/npz.hpp>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <vector>
#include <zlib.h>

#include "compress.hpp"

namespace scilearn::sparse {

namespace {

[[noreturn]] void fail(std::string_view function, const std::filesystem::path& path, std::string_view problem) {
  throw FormatError(cat(function, ": ", path.string(), ": ", problem));
}

// ZIP signatures and the 32-bit / 16-bit "see the ZIP64 record" markers.
constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr std::uint32_t kCentralHeader = 0x02014b50;
constexpr std::uint32_t kEndRecord = 0x06054b50;
constexpr std::uint32_t kZip64EndRecord = 0x06064b50;
constexpr std::uint32_t kZip64Locator = 0x07064b50;
constexpr std::uint32_t kMax32 = 0xffffffffU;
constexpr std::uint16_t kMax16 = 0xffffU;
constexpr std::uint16_t kZip64Extra = 0x0001;
// DEFLATE's largest expansion: a 258-byte match in 2 bits (zlib's "technical details").
constexpr std::uint64_t kMaxInflateRatio = 1032;
// zlib counts in uInt: feed it at most this much at once.
constexpr std::size_t kZlibChunk = std::size_t{1} << 30;

std::uint64_t get_le(std::string_view bytes, std::size_t at, int width) {
  std::uint64_t value = 0;
  for (int i = width - 1; i >= 0; --i) {
    value = (value << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
  }
  return value;
}

void put_le(std::string& out, std::uint64_t value, int width) {
  for (int i = 0; i < width; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
}

// ---------------------------------------------------------------- reading

// One archive member's central-directory record, read or written.
struct Member {
  std::string name;
  std::uint16_t flags = 0;
  std::uint16_t method = 0;
  std::uint32_t crc = 0;
  std::uint64_t compressed_size = 0;
  std::uint64_t size = 0;
  std::uint64_t offset = 0;
};

// The contents of one member: a view into the archive (stored) or into `owned` (inflated).
struct MemberData {
  std::string owned;
  std::string_view bytes;
};

class ZipReader {
 public:
  ZipReader(std::string_view archive, const std::filesystem::path& path) : archive_(archive), path_(path) {
    parse_directory();
  }

  const Member* find(std::string_view name) const {
    for (const Member& m : members_) {
      if (m.name == name) return &m;
    }
    return nullptr;
  }

  MemberData read(const Member& m) const {
    const std::string_view raw = raw_data(m);
    MemberData out;
    if (m.method == 0) {
      if (m.compressed_size != m.size) {
        bad(cat("member '", m.name, "' is stored uncompressed but declares ", m.size, " bytes in ", m.compressed_size));
      }
      out.bytes = raw;
    } else {
      out.owned = inflate(m, raw);
      out.bytes = out.owned;
    }
#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION  // lets the fuzzer reach the .npy members past the CRC
    const std::uint32_t crc = crc_of(out.bytes);
    if (crc != m.crc) bad(cat("member '", m.name, "' is corrupt (CRC-32 ", crc, ", expected ", m.crc, ")"));
#endif
    return out;
  }

  static std::uint32_t crc_of(std::string_view bytes) {
    uLong crc = crc32(0L, Z_NULL, 0);
    for (std::size_t at = 0; at < bytes.size(); at += kZlibChunk) {
      const std::size_t n = std::min(kZlibChunk, bytes.size() - at);
      crc = crc32(crc, reinterpret_cast<const Bytef*>(bytes.data() + at), static_cast<uInt>(n));
    }
    return static_cast<std::uint32_t>(crc);
  }

 private:
  [[noreturn]] void bad(std::string_view problem) const { fail("load_npz", path_, problem); }

  // `count` bytes at `at`, or a FormatError naming `what`.
  std::string_view take(std::uint64_t at, std::uint64_t count, std::string_view what) const {
    if (at > archive_.size() || count > archive_.size() - at) {
      bad(cat("truncated or corrupt ZIP archive (", what, " at offset ", at, " needs ", count, " bytes, the file has ",
              archive_.size(), ")"));
    }
    return archive_.substr(static_cast<std::size_t>(at), static_cast<std::size_t>(count));
  }

  void parse_directory() {
    constexpr std::size_t kEndSize = 22;
    if (archive_.size() < kEndSize) {
      bad(cat("not a ZIP archive (", archive_.size(), " bytes, too short for an end of central directory record)"));
    }
    // The end record is the last thing in the file, before a comment of up to 64 KiB.
    std::optional<std::size_t> end;
    const std::size_t lowest = archive_.size() >= kEndSize + kMax16 ? archive_.size() - kEndSize - kMax16 : 0;
    for (std::size_t at = archive_.size() - kEndSize + 1; at-- > lowest;) {
      if (get_le(archive_, at, 4) == kEndRecord && at + kEndSize + get_le(archive_, at + 20, 2) <= archive_.size()) {
        end = at;
        break;
      }
    }
    if (!end) bad("not a ZIP archive (no end of central directory record); .npz files are ZIP archives");
    const std::string_view record = archive_.substr(*end, kEndSize);
    if (get_le(record, 4, 2) != 0 || get_le(record, 6, 2) != 0) bad("multi-volume ZIP archives are not supported");
    std::uint64_t entries = get_le(record, 10, 2);
    std::uint64_t directory_size = get_le(record, 12, 4);
    std::uint64_t directory_offset = get_le(record, 16, 4);
    std::uint64_t directory_end = *end;
    if (entries == kMax16 || directory_size == kMax32 || directory_offset == kMax32) {
      // ZIP64: a locator just before the end record points to the ZIP64 end record.
      if (*end < 20) bad("truncated ZIP64 archive (no ZIP64 end of central directory locator)");
      const std::string_view locator = take(*end - 20, 20, "the ZIP64 locator");
      if (get_le(locator, 0, 4) != kZip64Locator) bad("ZIP64 end of central directory locator missing");
      const std::uint64_t at = get_le(locator, 8, 8);
      const std::string_view record64 = take(at, 56, "the ZIP64 end of central directory record");
      if (get_le(record64, 0, 4) != kZip64EndRecord) bad("ZIP64 end of central directory record missing");
      entries = get_le(record64, 32, 8);
      directory_size = get_le(record64, 40, 8);
      directory_offset = get_le(record64, 48, 8);
      directory_end = at;
    }
    if (directory_offset > directory_end || directory_size > directory_end - directory_offset) {
      bad(cat("corrupt ZIP archive (the central directory at ", directory_offset, " of ", directory_size,
              " bytes overlaps its end records at ", directory_end, ")"));
    }
    constexpr std::uint64_t kCentralSize = 46;
    if (entries > directory_size / kCentralSize) {
      bad(cat("corrupt ZIP archive (", entries, " entries cannot fit a ", directory_size,
              "-byte central directory)"));
    }
    const std::string_view directory = take(directory_offset, directory_size, "the central directory");
    std::set<std::string> names;
    std::size_t at = 0;
    for (std::uint64_t e = 0; e < entries; ++e) {
      if (directory.size() - at < kCentralSize || get_le(directory, at, 4) != kCentralHeader) {
        bad(cat("corrupt ZIP central directory (entry ", e, " of ", entries, ")"));
      }
      Member m;
      m.flags = static_cast<std::uint16_t>(get_le(directory, at + 8, 2));
      m.method = static_cast<std::uint16_t>(get_le(directory, at + 10, 2));
      m.crc = static_cast<std::uint32_t>(get_le(directory, at + 16, 4));
      m.compressed_size = get_le(directory, at + 20, 4);
      m.size = get_le(directory, at + 24, 4);
      const std::size_t name_length = get_le(directory, at + 28, 2);
      const std::size_t extra_length = get_le(directory, at + 30, 2);
      const std::size_t comment_length = get_le(directory, at + 32, 2);
      const std::uint64_t disk = get_le(directory, at + 34, 2);
      m.offset = get_le(directory, at + 42, 4);
      if (directory.size() - at - kCentralSize < name_length + extra_length + comment_length) {
        bad(cat("corrupt ZIP central directory (entry ", e, " runs past its end)"));
      }
      m.name = std::string(directory.substr(at + kCentralSize, name_length));
      const std::string_view extra = directory.substr(at + kCentralSize + name_length, extra_length);
      read_zip64_extra(extra, m, disk);
      if (m.flags & 1) bad(cat("member '", m.name, "' is encrypted"));
      if (m.method != 0 && m.method != 8) {
        bad(cat("member '", m.name, "' uses ZIP compression method ", m.method, " (supported: 0 stored, 8 deflate)"));
      }
      if (!names.insert(m.name).second) bad(cat("member '", m.name, "' appears twice"));
      members_.push_back(std::move(m));
      at += kCentralSize + name_length + extra_length + comment_length;
    }
  }

  // The ZIP64 extended information field replaces, in this order, whichever
  // of size, compressed size, offset and disk were written as all ones.
  void read_zip64_extra(std::string_view extra, Member& m, std::uint64_t disk) const {
    const bool need_size = m.size == kMax32, need_compressed = m.compressed_size == kMax32,
               need_offset = m.offset == kMax32;
    bool found = false;
    std::size_t at = 0;
    while (extra.size() - at >= 4) {
      const std::uint64_t id = get_le(extra, at, 2);
      const std::size_t length = get_le(extra, at + 2, 2);
      if (extra.size() - at - 4 < length) bad(cat("corrupt extra field of member '", m.name, "'"));
      if (id == kZip64Extra && !found) {
        found = true;
        std::size_t p = at + 4;
        const std::size_t field_end = p + length;
        const auto next = [&](std::uint64_t& field) {
          if (field_end - p < 8) bad(cat("corrupt ZIP64 field of member '", m.name, "'"));
          field = get_le(extra, p, 8);
          p += 8;
        };
        if (need_size) next(m.size);
        if (need_compressed) next(m.compressed_size);
        if (need_offset) next(m.offset);
        if (disk == kMax16 && field_end - p >= 4) disk = get_le(extra, p, 4);
      }
      at += 4 + length;
    }
    if (disk != 0) bad(cat("member '", m.name, "' lies on another volume of a multi-volume archive"));
    if ((need_size || need_compressed || need_offset) && !found) {
      bad(cat("member '", m.name, "' declares ZIP64 sizes without a ZIP64 field"));
    }
  }

  std::string_view raw_data(const Member& m) const {
    constexpr std::uint64_t kLocalSize = 30;
    const std::string_view header = take(m.offset, kLocalSize, cat("the local header of '", m.name, "'"));
    if (get_le(header, 0, 4) != kLocalHeader) bad(cat("the local header of member '", m.name, "' is missing"));
    const std::uint64_t name_length = get_le(header, 26, 2);
    const std::uint64_t extra_length = get_le(header, 28, 2);
    const std::string_view name = take(m.offset + kLocalSize, name_length, cat("the local name of '", m.name, "'"));
    if (name != m.name) {
      bad(cat("the local header of member '", m.name, "' names ", name.size(), " bytes of another member"));
    }
    return take(m.offset + kLocalSize + name_length + extra_length, m.compressed_size,
                cat("the data of member '", m.name, "'"));
  }

  std::string inflate(const Member& m, std::string_view input) const {
    if (m.size > input.size() * kMaxInflateRatio + 1024) {
      bad(cat("member '", m.name, "' declares ", m.size, " bytes, more than its ", input.size(),
              " compressed bytes can hold"));
    }
    std::string out(static_cast<std::size_t>(m.size), '\0');
    z_stream zs{};
    if (inflateInit2(&zs, -MAX_WBITS) != Z_OK) throw BackendError("zlib inflateInit2", Z_MEM_ERROR, "load_npz: zlib cannot start");
    struct End {
      z_stream* s;
      ~End() { inflateEnd(s); }
    } end{&zs};
    std::size_t in_at = 0, out_at = 0;
    unsigned char probe = 0;  // one byte past the declared size: output there means the member is too long
    bool probing = false;
    while (true) {
      if (zs.avail_in == 0 && in_at < input.size()) {
        const std::size_t n = std::min(kZlibChunk, input.size() - in_at);
        zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data() + in_at));
        zs.avail_in = static_cast<uInt>(n);
        in_at += n;
      }
      if (zs.avail_out == 0) {
        if (out_at < out.size()) {
          const std::size_t n = std::min(kZlibChunk, out.size() - out_at);
          zs.next_out = reinterpret_cast<Bytef*>(out.data() + out_at);
          zs.avail_out = static_cast<uInt>(n);
          out_at += n;
        } else {
          zs.next_out = &probe;
          zs.avail_out = 1;
          probing = true;
        }
      }
      const int ret = ::inflate(&zs, Z_NO_FLUSH);
      if (probing && zs.avail_out == 0) bad(cat("member '", m.name, "' inflates to more than its declared ", m.size, " bytes"));
      if (ret == Z_STREAM_END) break;
      if (ret == Z_BUF_ERROR && zs.avail_in == 0 && in_at == input.size()) {
        bad(cat("member '", m.name, "' is truncated (its DEFLATE stream ends early)"));
      }
      if (ret != Z_OK && ret != Z_BUF_ERROR) {
        bad(cat("member '", m.name, "' holds corrupt DEFLATE data (zlib: ", zs.msg != nullptr ? zs.msg : "error", ")"));
      }
    }
    const std::uint64_t produced = probing ? out.size() : out_at - zs.avail_out;
    if (produced != m.size) {
      bad(cat("member '", m.name, "' inflates to ", produced, " bytes but declares ", m.size));
    }
    return out;
  }

  std::string_view archive_;
  const std::filesystem::path& path_;
  std::vector<Member> members_;
};

std::string read_archive(const std::filesystem::path& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) fail("load_npz", path, "no such file");
  if (!std::filesystem::is_regular_file(status)) fail("load_npz", path, "not a regular file");
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) fail("load_npz", path, cat("cannot read the file size (", ec.message(), ")"));
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("load_npz", path, "cannot open the file for reading");
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (static_cast<std::uintmax_t>(in.gcount()) != size) fail("load_npz", path, "the file changed while reading");
  return bytes;
}

// A result the file declares (a COO shape, a CSC read as CSR) but need not
// hold: refuse it when it would need more than this machine's memory, rather
// than end in an out-of-memory kill. Fuzzing builds use libFuzzer's budget.
void check_fits_in_memory(const std::filesystem::path& path, double bytes, std::string_view what) {
#ifdef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION
  const double limit = 256e6;
#else
  const long pages = ::sysconf(_SC_PHYS_PAGES);
  const long page_size = ::sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page_size <= 0) return;
  const double limit = static_cast<double>(pages) * static_cast<double>(page_size);
#endif
  if (bytes > limit) {
    fail("load_npz", path, cat(what, " would need ", bytes / 1e9, " GB, more than the ", limit / 1e9, " GB available"));
  }
}

class NpzReader {
 public:
  explicit NpzReader(const std::filesystem::path& path) : path_(path), archive_(read_archive(path)), zip_(archive_, path) {}

  bool has(std::string_view key) const { return member(key) != nullptr; }

  std::string text(std::string_view key) const {
    const MemberData data = zip_.read(required(key));
    return io::load_npy_string_buffer(data.bytes, source(key));
  }

  template <class Scalar>
  VectorT<Scalar> vector(std::string_view key) const {
    const MemberData data = zip_.read(required(key));
    return io::load_npy_vector_buffer<Scalar>(data.bytes, source(key));
  }

  MatrixT<std::int64_t> matrix(std::string_view key) const {
    const MemberData data = zip_.read(required(key));
    return io::load_npy_buffer<std::int64_t>(data.bytes, source(key));
  }

  [[noreturn]] void bad(std::string_view problem) const { fail("load_npz", path_, problem); }
  const std::filesystem::path& path() const { return path_; }

 private:
  // np.load's keys: "data" is the member data.npy (or a member named data).
  const Member* member(std::string_view key) const {
    const Member* m = zip_.find(cat(key, ".npy"));
    return m != nullptr ? m : zip_.find(key);
  }
  const Member& required(std::string_view key) const {
    const Member* m = member(key);
    if (m == nullptr) bad(cat("no member '", key, ".npy' (not a scipy.sparse .npz file?)"));
    return *m;
  }
  std::string source(std::string_view key) const { return cat(path_.string(), ": ", key, ".npy"); }

  const std::filesystem::path& path_;
  std::string archive_;
  ZipReader zip_;
};

template <class SparseT>
SparseT load(const std::filesystem::path& path) {
  using StorageIndex = typename SparseT::StorageIndex;
  constexpr Index kMax = std::numeric_limits<StorageIndex>::max();
  const NpzReader npz(path);
  if (!npz.has("format")) npz.bad("no member 'format.npy': not a scipy.sparse .npz file");
  const std::string format = npz.text("format");
  if (format != "csr" && format != "csc" && format != "coo") {
    npz.bad(cat("sparse format '", format, "' is not supported (supported: csr, csc, coo)"));
  }
  const VectorT<std::int64_t> shape = npz.vector<std::int64_t>("shape");
  if (shape.size() != 2 || shape(0) < 0 || shape(1) < 0) {
    npz.bad(cat("shape.npy must hold two non-negative sizes, got ", shape.size(), " values"));
  }
  const Index rows = shape(0), cols = shape(1);
  if (rows > kMax || cols > kMax) {
    npz.bad(cat("shape (", rows, ", ", cols, ") exceeds the ", sizeof(StorageIndex) * 8,
                "-bit indices of the requested matrix type"));
  }
  const Vector data = npz.vector<double>("data");
  const auto nnz_limit = [&](Index nnz) {
    if (nnz > kMax) npz.bad(cat(nnz, " stored entries exceed the ", sizeof(StorageIndex) * 8, "-bit indices"));
  };
  // What the conversion allocates beyond the file's own arrays.
  const auto check_memory = [&](Index outer, Index nnz) {
    check_fits_in_memory(path, static_cast<double>(outer + 1) * sizeof(StorageIndex) + static_cast<double>(nnz) * 40.0,
                         cat("a ", rows, "x", cols, " sparse matrix"));
  };
  const Index target_outer = SparseT::IsRowMajor ? rows : cols;
  const Index target_inner = SparseT::IsRowMajor ? cols : rows;

  if (format == "coo") {
    VectorT<std::int64_t> row, col;
    if (npz.has("row") || !npz.has("coords")) {
      row = npz.vector<std::int64_t>("row");
      col = npz.vector<std::int64_t>("col");
    } else {
      const MatrixT<std::int64_t> coords = npz.matrix("coords");
      if (coords.rows() != 2) npz.bad(cat("coords.npy must have 2 rows for a 2-D matrix, got ", coords.rows()));
      row = coords.row(0).transpose();
      col = coords.row(1).transpose();
    }
    if (row.size() != data.size() || col.size() != data.size()) {
      npz.bad(cat("row, col and data hold ", row.size(), ", ", col.size(), " and ", data.size(), " entries"));
    }
    nnz_limit(data.size());
    for (Index k = 0; k < data.size(); ++k) {
      if (row(k) < 0 || row(k) >= rows || col(k) < 0 || col(k) >= cols) {
        npz.bad(cat("entry ", k, " at (", row(k), ", ", col(k), ") lies outside the shape (", rows, ", ", cols, ")"));
      }
    }
    check_memory(target_outer, data.size());
    const auto n = static_cast<std::size_t>(data.size());
    return SparseT::IsRowMajor
               ? detail::compress_entries<SparseT>(rows, cols, row.data(), col.data(), data.data(), n)
               : detail::compress_entries<SparseT>(cols, rows, col.data(), row.data(), data.data(), n);
  }

  // CSR or CSC: indptr over the file's outer dimension.
  const bool file_row_major = format == "csr";
  const Index outer = file_row_major ? rows : cols;
  const Index inner = file_row_major ? cols : rows;
  const VectorT<std::int64_t> indices = npz.vector<std::int64_t>("indices");
  const VectorT<std::int64_t> indptr = npz.vector<std::int64_t>("indptr");
  if (indptr.size() != outer + 1) {
    npz.bad(cat("indptr has ", indptr.size(), " entries but a ", format, " matrix of shape (", rows, ", ", cols,
                ") needs ", outer + 1));
  }
  if (indices.size() != data.size()) {
    npz.bad(cat("indices and data hold ", indices.size(), " and ", data.size(), " entries"));
  }
  if (indptr(0) != 0) npz.bad(cat("indptr must start at 0, got ", indptr(0)));
  for (Index o = 0; o < outer; ++o) {
    if (indptr(o + 1) < indptr(o)) npz.bad(cat("indptr decreases at ", o + 1, " (", indptr(o), " then ", indptr(o + 1), ")"));
  }
  // SciPy accepts indices / data longer than indptr[-1] and ignores the rest.
  const Index nnz = indptr(outer);
  if (nnz > indices.size()) {
    npz.bad(cat("indptr ends at ", nnz, " but there are only ", indices.size(), " indices"));
  }
  nnz_limit(nnz);
  bool canonical = true;
  for (Index o = 0; o < outer; ++o) {
    for (Index p = indptr(o); p < indptr(o + 1); ++p) {
      if (indices(p) < 0 || indices(p) >= inner) {
        npz.bad(cat("index ", indices(p), " (entry ", p, ") lies outside the ", inner, " ",
                    file_row_major ? "columns" : "rows"));
      }
      canonical = canonical && (p == indptr(o) || indices(p) > indices(p - 1));
    }
  }

  if (canonical && file_row_major == static_cast<bool>(SparseT::IsRowMajor)) {
    SparseT a = detail::empty_compressed<SparseT>(outer, inner);
    a.resizeNonZeros(nnz);
    for (Index o = 0; o <= outer; ++o) a.outerIndexPtr()[o] = static_cast<StorageIndex>(indptr(o));
    for (Index p = 0; p < nnz; ++p) {
      a.innerIndexPtr()[p] = static_cast<StorageIndex>(indices(p));
      a.valuePtr()[p] = data(p);
    }
    return a;
  }
  // Another storage order, or unsorted / repeated indices: through COO.
  check_memory(target_outer, nnz);
  std::vector<StorageIndex> expanded(static_cast<std::size_t>(nnz));
  for (Index o = 0; o < outer; ++o) {
    for (Index p = indptr(o); p < indptr(o + 1); ++p) expanded[static_cast<std::size_t>(p)] = static_cast<StorageIndex>(o);
  }
  const auto n = static_cast<std::size_t>(nnz);
  if (file_row_major == static_cast<bool>(SparseT::IsRowMajor)) {
    return detail::compress_entries<SparseT>(target_outer, target_inner, expanded.data(), indices.data(), data.data(), n);
  }
  return detail::compress_entries<SparseT>(target_outer, target_inner, indices.data(), expanded.data(), data.data(), n);
}

// ---------------------------------------------------------------- writing

// Writes a ZIP archive member by member: each local header carries a ZIP64
// field (as NumPy's force_zip64 writes), patched with the CRC and sizes once
// the member has been streamed; the central directory follows at close.
class ZipWriter {
 public:
  explicit ZipWriter(const std::filesystem::path& path)
      : path_(path), out_(path, std::ios::binary | std::ios::trunc) {
    if (!out_) fail("save_npz", path_, "cannot open the file for writing");
  }

  void begin(std::string_view name, bool deflate) {
    Member e;
    e.name = std::string(name);
    e.method = deflate ? 8 : 0;
    e.offset = written_;
    std::string header;
    put_le(header, kLocalHeader, 4);
    put_le(header, 45, 2);  // version needed: 4.5, ZIP64
    put_le(header, 0, 2);   // flags
    put_le(header, e.method, 2);
    put_le(header, 0, 2);       // time 00:00:00
    put_le(header, 0x0021, 2);  // date 1980-01-01: fixed, so that files are reproducible
    put_le(header, 0, 4);       // CRC-32, patched
    put_le(header, kMax32, 4);  // sizes: in the ZIP64 field
    put_le(header, kMax32, 4);
    put_le(header, name.size(), 2);
    put_le(header, 20, 2);
    header += name;
    put_le(header, kZip64Extra, 2);
    put_le(header, 16, 2);
    put_le(header, 0, 8);  // size, patched
    put_le(header, 0, 8);  // compressed size, patched
    emit(header.data(), header.size());
    entries_.push_back(std::move(e));
    crc_ = crc32(0L, Z_NULL, 0);
    if (deflate) {
      zs_ = z_stream{};
      // NumPy's savez_compressed: zipfile's ZIP_DEFLATED, zlib's default level.
      if (deflateInit2(&zs_, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        throw BackendError("zlib deflateInit2", Z_MEM_ERROR, "save_npz: zlib cannot start");
      }
      deflating_ = true;
    }
  }

  void write(const void* bytes, std::size_t count) {
    const auto* p = static_cast<const unsigned char*>(bytes);
    Member& e = entries_.back();
    for (std::size_t at = 0; at < count; at += kZlibChunk) {
      const std::size_t n = std::min(kZlibChunk, count - at);
      crc_ = crc32(crc_, p + at, static_cast<uInt>(n));
      e.size += n;
      if (deflating_) {
        zs_.next_in = const_cast<Bytef*>(p + at);
        zs_.avail_in = static_cast<uInt>(n);
        pump(Z_NO_FLUSH);
      } else {
        emit(p + at, n);
      }
    }
  }

  // A little-endian array, element by element converted on a big-endian machine.
  template <class T>
  void write_array(const T* data, std::size_t count) {
    if constexpr (std::endian::native == std::endian::little) {
      write(data, count * sizeof(T));
    } else {
      std::array<unsigned char, 4096> buffer;
      constexpr std::size_t per = sizeof buffer / sizeof(T);
      for (std::size_t at = 0; at < count; at += per) {
        const std::size_t n = std::min(per, count - at);
        for (std::size_t k = 0; k < n; ++k) {
          unsigned char bytes[sizeof(T)];
          std::memcpy(bytes, data + at + k, sizeof(T));
          std::reverse(bytes, bytes + sizeof(T));
          std::memcpy(buffer.data() + k * sizeof(T), bytes, sizeof(T));
        }
        write(buffer.data(), n * sizeof(T));
      }
    }
  }

  void end() {
    Member& e = entries_.back();
    if (deflating_) {
      zs_.next_in = nullptr;
      zs_.avail_in = 0;
      pump(Z_FINISH);
      deflateEnd(&zs_);
      deflating_ = false;
    }
    e.crc = static_cast<std::uint32_t>(crc_);
    e.compressed_size = written_ - e.offset - 30 - e.name.size() - 20;
    // Patch the CRC and the ZIP64 sizes of the local header.
    std::string crc, sizes;
    put_le(crc, e.crc, 4);
    put_le(sizes, e.size, 8);
    put_le(sizes, e.compressed_size, 8);
    out_.seekp(static_cast<std::streamoff>(e.offset + 14));
    out_.write(crc.data(), static_cast<std::streamsize>(crc.size()));
    out_.seekp(static_cast<std::streamoff>(e.offset + 30 + e.name.size() + 4));
    out_.write(sizes.data(), static_cast<std::streamsize>(sizes.size()));
    out_.seekp(0, std::ios::end);
  }

  void close() {
    const std::uint64_t directory_offset = written_;
    for (const Member& e : entries_) {
      std::string extra;
      if (e.size >= kMax32) put_le(extra, e.size, 8);
      if (e.compressed_size >= kMax32) put_le(extra, e.compressed_size, 8);
      if (e.offset >= kMax32) put_le(extra, e.offset, 8);
      std::string header;
      put_le(header, kCentralHeader, 4);
      put_le(header, 0x0300 | 45, 2);  // made by: Unix, 4.5
      put_le(header, 45, 2);
      put_le(header, 0, 2);
      put_le(header, e.method, 2);
      put_le(header, 0, 2);
      put_le(header, 0x0021, 2);
      put_le(header, e.crc, 4);
      put_le(header, std::min<std::uint64_t>(e.compressed_size, kMax32), 4);
      put_le(header, std::min<std::uint64_t>(e.size, kMax32), 4);
      put_le(header, e.name.size(), 2);
      put_le(header, extra.empty() ? 0 : extra.size() + 4, 2);
      put_le(header, 0, 2);              // comment
      put_le(header, 0, 2);              // disk
      put_le(header, 0, 2);              // internal attributes
      put_le(header, 0600U << 16, 4);    // external attributes: -rw------- (zipfile's default)
      put_le(header, std::min<std::uint64_t>(e.offset, kMax32), 4);
      header += e.name;
      if (!extra.empty()) {
        put_le(header, kZip64Extra, 2);
        put_le(header, extra.size(), 2);
        header += extra;
      }
      emit(header.data(), header.size());
    }
    const std::uint64_t directory_size = written_ - directory_offset;
    std::string tail;
    if (directory_offset >= kMax32 || directory_size >= kMax32) {
      const std::uint64_t record_offset = written_;
      put_le(tail, kZip64EndRecord, 4);
      put_le(tail, 44, 8);  // size of the rest of the record
      put_le(tail, 0x0300 | 45, 2);
      put_le(tail, 45, 2);
      put_le(tail, 0, 4);
      put_le(tail, 0, 4);
      put_le(tail, entries_.size(), 8);
      put_le(tail, entries_.size(), 8);
      put_le(tail, directory_size, 8);
      put_le(tail, directory_offset, 8);
      put_le(tail, kZip64Locator, 4);
      put_le(tail, 0, 4);
      put_le(tail, record_offset, 8);
      put_le(tail, 1, 4);
    }
    put_le(tail, kEndRecord, 4);
    put_le(tail, 0, 2);
    put_le(tail, 0, 2);
    put_le(tail, entries_.size(), 2);
    put_le(tail, entries_.size(), 2);
    put_le(tail, std::min<std::uint64_t>(directory_size, kMax32), 4);
    put_le(tail, std::min<std::uint64_t>(directory_offset, kMax32), 4);
    put_le(tail, 0, 2);
    emit(tail.data(), tail.size());
    out_.close();
    if (out_.fail()) fail("save_npz", path_, "writing the file failed");
  }

  ~ZipWriter() {
    if (deflating_) deflateEnd(&zs_);
  }
  ZipWriter(const ZipWriter&) = delete;
  ZipWriter& operator=(const ZipWriter&) = delete;

 private:
  void emit(const void* bytes, std::size_t count) {
    out_.write(static_cast<const char*>(bytes), static_cast<std::streamsize>(count));
    if (!out_) fail("save_npz", path_, "writing the file failed");
    written_ += count;
  }

  void pump(int flush) {
    std::array<unsigned char, 1 << 16> buffer;
    while (true) {
      zs_.next_out = buffer.data();
      zs_.avail_out = static_cast<uInt>(buffer.size());
      const int ret = ::deflate(&zs_, flush);
      if (ret == Z_STREAM_ERROR) throw BackendError("zlib deflate", ret, "save_npz: zlib failed");
      emit(buffer.data(), buffer.size() - zs_.avail_out);
      if (flush == Z_FINISH ? ret == Z_STREAM_END : (zs_.avail_in == 0 && zs_.avail_out != 0)) break;
    }
  }

  const std::filesystem::path& path_;
  std::ofstream out_;
  std::uint64_t written_ = 0;
  std::vector<Member> entries_;
  uLong crc_ = 0;
  z_stream zs_{};
  bool deflating_ = false;
};

template <class T>
constexpr std::string_view descr_of() {
  if constexpr (std::is_same_v<T, double>) {
    return "<f8";
  } else if constexpr (sizeof(T) == 4) {
    return "<i4";
  } else {
    return "<i8";
  }
}

template <class T>
void add_array(ZipWriter& zip, const std::filesystem::path& path, std::string_view name, const T* data, Index count,
               bool compressed) {
  zip.begin(cat(name, ".npy"), compressed);
  const std::string header = io::detail::npy_header(descr_of<T>(), {count}, "save_npz", path);
  zip.write(header.data(), header.size());
  zip.write_array(data, static_cast<std::size_t>(count));
  zip.end();
}

template <class SparseT>
void save(const std::filesystem::path& path, const SparseT& A, bool compressed) {
  SparseT storage;
  const SparseT* a = &A;
  if (!A.isCompressed()) {
    storage = A;
    storage.makeCompressed();
    a = &storage;
  }
  ZipWriter zip(path);
  // SciPy's save_npz order: indices, indptr, format, shape, data.
  add_array(zip, path, "indices", a->innerIndexPtr(), a->nonZeros(), compressed);
  add_array(zip, path, "indptr", a->outerIndexPtr(), a->outerSize() + 1, compressed);
  zip.begin("format.npy", compressed);
  const std::string format = io::detail::npy_header("|S3", {}, "save_npz", path) + (SparseT::IsRowMajor ? "csr" : "csc");
  zip.write(format.data(), format.size());
  zip.end();
  const std::int64_t shape[2] = {static_cast<std::int64_t>(a->rows()), static_cast<std::int64_t>(a->cols())};
  add_array(zip, path, "shape", shape, 2, compressed);
  add_array(zip, path, "data", a->valuePtr(), a->nonZeros(), compressed);
  zip.close();
}

}  // namespace

void save_npz(const std::filesystem::path& file, const CsrMatrix& A, bool compressed) { save(file, A, compressed); }
void save_npz(const std::filesystem::path& file, const CscMatrix& A, bool compressed) { save(file, A, compressed); }
void save_npz(const std::filesystem::path& file, const CsrMatrix64& A, bool compressed) { save(file, A, compressed); }
void save_npz(const std::filesystem::path& file, const CscMatrix64& A, bool compressed) { save(file, A, compressed); }

template <class SparseT>
SparseT load_npz(const std::filesystem::path& file) {
  return load<SparseT>(file);
}

template CsrMatrix load_npz<CsrMatrix>(const std::filesystem::path&);
template CscMatrix load_npz<CscMatrix>(const std::filesystem::path&);
template CsrMatrix64 load_npz<CsrMatrix64>(const std::filesystem::path&);
template CscMatrix64 load_npz<CscMatrix64>(const std::filesystem::path&);

}  // namespace scilearn::sparse
