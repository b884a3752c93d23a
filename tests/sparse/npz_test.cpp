// save_npz / load_npz: files written by SciPy 1.17 read exactly
// (tests/reference/sparse_npz.py; the expected matrices travel as dense .npy
// files), our files round-trip bit for bit and are what SciPy was checked to
// read, and malformed, truncated, bit-flipped and garbage files fail with
// FormatError and nothing else.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io/npy.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/sparse/coo.hpp>
#include <scilearn/sparse/npz.hpp>
#include <scilearn/sparse/random.hpp>
#include <string>

#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(npz)

using namespace scilearn;
using namespace scilearn::sparse;

namespace {

std::filesystem::path file(const std::string& name) { return testing::fixture_path("sparse/npz/" + name); }

std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Thousands of variants of a file, each written to a fresh name and removed
// after use: rewriting one file in place can make the file system flush it
// every time (ext4's auto_da_alloc), which is 100x slower.
class Variants {
 public:
  explicit Variants(const std::string& name) : dir_(testing::scratch_dir(name)) {}
  ~Variants() { std::filesystem::remove_all(dir_); }
  Variants(const Variants&) = delete;
  Variants& operator=(const Variants&) = delete;
  // Writes `bytes` as a new file and returns its path; the previous one is removed.
  const std::filesystem::path& write(const std::string& bytes) {
    if (!path_.empty()) std::filesystem::remove(path_);
    path_ = dir_ / (std::to_string(count_++) + ".npz");
    write_bytes(path_, bytes);
    return path_;
  }

 private:
  std::filesystem::path dir_, path_;
  std::size_t count_ = 0;
};

// Same storage, bit for bit (values compared as bits: NaN, -0.0 included).
template <class SparseT>
bool identical(const SparseT& a, const SparseT& b) {
  return a.rows() == b.rows() && a.cols() == b.cols() && a.nonZeros() == b.nonZeros() && a.isCompressed() &&
         b.isCompressed() && std::equal(a.outerIndexPtr(), a.outerIndexPtr() + a.outerSize() + 1, b.outerIndexPtr()) &&
         std::equal(a.innerIndexPtr(), a.innerIndexPtr() + a.nonZeros(), b.innerIndexPtr()) &&
         (a.nonZeros() == 0 ||
          std::memcmp(a.valuePtr(), b.valuePtr(), sizeof(double) * static_cast<std::size_t>(a.nonZeros())) == 0);
}

template <class SparseT>
bool sorted_indices(const SparseT& a) {
  for (Index o = 0; o < a.outerSize(); ++o) {
    for (auto p = a.outerIndexPtr()[o] + 1; p < a.outerIndexPtr()[o + 1]; ++p) {
      if (a.innerIndexPtr()[p] <= a.innerIndexPtr()[p - 1]) return false;
    }
  }
  return true;
}

// The matrix of sparse_npz.py's ours_matrix().
CsrMatrix ours_matrix() {
  CooMatrix c;
  c.shape = {7, 5};
  for (int i = 0; i < 7; ++i) {
    for (int j = 0; j < 5; ++j) {
      const bool zero = i == 1 && j == 1;
      if ((i + 2 * j) % 3 != 0 || zero) {
        c.row.push_back(i);
        c.col.push_back(j);
        c.data.push_back(zero ? 0.0 : (i * 5 + j) * 0.5 - 3);
      }
    }
  }
  return c.tocsr();
}

// Loads through every type; true when each throws FormatError (anything else
// escapes and fails the test).
bool every_load_fails(const std::filesystem::path& path) {
  int failures = 0;
  try { (void)load_npz<CsrMatrix>(path); } catch (const FormatError&) { ++failures; }
  try { (void)load_npz<CscMatrix>(path); } catch (const FormatError&) { ++failures; }
  try { (void)load_npz<CsrMatrix64>(path); } catch (const FormatError&) { ++failures; }
  try { (void)load_npz<CscMatrix64>(path); } catch (const FormatError&) { ++failures; }
  return failures == 4;
}

// Loads as CSR if it can; only FormatError may stop it.
void load_or_format_error(const std::filesystem::path& path) {
  try {
    const CsrMatrix a = load_npz(path);
    BOOST_TEST(sorted_indices(a));
  } catch (const FormatError&) {
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(reads_scipy_files_exactly) {
  for (const auto& row : testing::read_manifest("sparse/npz/files.csv")) {
    const std::string& name = row[0];
    const Matrix dense = io::load_npy<double>(file(name + "_dense.npy"));
    const Index rows = std::stol(row[1]), cols = std::stol(row[2]), nnz = std::stol(row[3]);
    const auto check = [&](const auto& a, const char* type) {
      BOOST_TEST(a.rows() == rows, name << " as " << type);
      BOOST_TEST(a.cols() == cols, name << " as " << type);
      BOOST_TEST(a.nonZeros() == nnz, name << " as " << type);
      BOOST_TEST(sorted_indices(a), name << " as " << type);
      BOOST_TEST((Matrix(a) - dense).cwiseAbs().sum() == 0.0, name << " as " << type);
    };
    check(load_npz<CsrMatrix>(file(name + ".npz")), "CsrMatrix");
    check(load_npz<CscMatrix>(file(name + ".npz")), "CscMatrix");
    check(load_npz<CsrMatrix64>(file(name + ".npz")), "CsrMatrix64");
    check(load_npz<CscMatrix64>(file(name + ".npz")), "CscMatrix64");
  }
}

BOOST_AUTO_TEST_CASE(round_trips_bit_for_bit) {
  const auto dir = testing::scratch_dir("npz_round_trip");
  CsrMatrix a = sparse::random(40, 70, 0.1, 5);
  a.valuePtr()[0] = std::numeric_limits<double>::quiet_NaN();
  a.valuePtr()[1] = -0.0;
  a.valuePtr()[2] = std::numeric_limits<double>::infinity();
  a.valuePtr()[3] = 0.0;  // an explicit zero stays
  a.valuePtr()[4] = std::numeric_limits<double>::denorm_min();
  for (const bool compressed : {true, false}) {
    const auto path = dir / (compressed ? "a.npz" : "a_stored.npz");
    save_npz(path, a, compressed);
    BOOST_TEST(identical(load_npz(path), a));
    const CscMatrix c = a;
    save_npz(path, c, compressed);
    BOOST_TEST(identical(load_npz<CscMatrix>(path), c));
    BOOST_TEST(identical(load_npz<CsrMatrix>(path), a));  // CSC file, CSR wanted
    const CsrMatrix64 a64 = a.cast<double>();
    save_npz(path, CsrMatrix64(a64), compressed);
    BOOST_TEST(identical(load_npz<CsrMatrix64>(path), CsrMatrix64(a64)));
    BOOST_TEST(identical(load_npz<CsrMatrix>(path), a));
    save_npz(path, CscMatrix64(c.cast<double>()), compressed);
    BOOST_TEST(identical(load_npz<CscMatrix>(path), c));
  }
  for (const auto& [m, n] : {std::pair<Index, Index>{0, 0}, {3, 0}, {0, 4}, {5, 6}}) {
    const auto path = dir / "empty.npz";
    save_npz(path, CsrMatrix(m, n));
    BOOST_TEST(identical(load_npz(path), CsrMatrix(m, n)));
    save_npz(path, CscMatrix(m, n));
    BOOST_TEST(identical(load_npz<CscMatrix>(path), CscMatrix(m, n)));
  }
}

BOOST_AUTO_TEST_CASE(saves_uncompressed_mode_matrices_compressed) {
  CsrMatrix a(4, 4);
  a.insert(2, 1) = 3.0;
  a.insert(0, 3) = -1.0;  // insert() leaves the matrix in uncompressed mode
  const auto path = testing::scratch_dir("npz_uncompressed") / "a.npz";
  save_npz(path, a);
  BOOST_TEST(!a.isCompressed());  // the input is not modified
  CsrMatrix expected = a;
  expected.makeCompressed();
  BOOST_TEST(identical(load_npz(path), expected));
}

BOOST_AUTO_TEST_CASE(writes_the_files_scipy_was_checked_to_read) {
  // sparse_npz.py checks that SciPy loads scilearn_*.npz as ours_matrix(); the
  // stored file must still be what we write, byte for byte (fixed timestamps),
  // and the deflated one must load back. SCILEARN_WRITE_NPZ_FIXTURES=1
  // rewrites both (then run the script).
  const CsrMatrix a = ours_matrix();
  const auto dir = testing::scratch_dir("npz_ours");
  save_npz(dir / "stored.npz", a, false);
  save_npz(dir / "deflated.npz", CscMatrix(a), true);
  if (std::getenv("SCILEARN_WRITE_NPZ_FIXTURES") != nullptr) {
    const auto out = file("files.csv").parent_path();
    std::filesystem::copy_file(dir / "stored.npz", out / "scilearn_csr_stored.npz",
                               std::filesystem::copy_options::overwrite_existing);
    std::filesystem::copy_file(dir / "deflated.npz", out / "scilearn_csc_deflated.npz",
                               std::filesystem::copy_options::overwrite_existing);
  }
  BOOST_TEST(read_bytes(dir / "stored.npz") == read_bytes(file("scilearn_csr_stored.npz")));
  BOOST_TEST(identical(load_npz(file("scilearn_csr_stored.npz")), a));
  BOOST_TEST(identical(load_npz<CscMatrix>(file("scilearn_csc_deflated.npz")), CscMatrix(a)));
  BOOST_TEST(read_bytes(dir / "deflated.npz").size() < read_bytes(dir / "stored.npz").size());
}

BOOST_AUTO_TEST_CASE(rejects_malformed_files_with_a_reason) {
  for (const auto& row : testing::read_manifest("sparse/npz/bad.csv")) {
    const std::string& name = row[0];
    try {
      (void)load_npz(file(name + ".npz"));
      BOOST_ERROR(name << " loaded");
    } catch (const FormatError& e) {
      const std::string message = e.what();
      BOOST_TEST(message.find(row[1]) != std::string::npos, name << ": " << message);
      BOOST_TEST(message.find(name + ".npz") != std::string::npos, name << ": " << message);
    }
  }
  // 2^62 x 3: past any machine as CSR (2^62 row pointers), 3 column pointers as CSC.
  BOOST_CHECK_THROW((void)load_npz<CsrMatrix64>(file("bad_coo_huge_shape.npz")), FormatError);
  const CscMatrix64 tall = load_npz<CscMatrix64>(file("bad_coo_huge_shape.npz"));
  BOOST_TEST(tall.rows() == Index{1} << 62);
  BOOST_TEST(tall.nonZeros() == 1);
  BOOST_CHECK_THROW((void)load_npz(file("files.csv").parent_path() / "no_such_file.npz"), FormatError);
  BOOST_CHECK_THROW((void)load_npz(file("files.csv").parent_path()), FormatError);  // a directory
}

BOOST_AUTO_TEST_CASE(rejects_every_truncation) {
  Variants variants("npz_truncated");
  // Every length of a stored file; every 5th of compressed ones (most cuts
  // there end inside a DEFLATE stream, the same path each time).
  for (const auto& [name, stride] : {std::pair<std::string, std::size_t>{"scipy_csr_stored.npz", 1},
                                     {"scipy_csr.npz", 5}, {"scipy_coo.npz", 5}}) {
    const std::string bytes = read_bytes(file(name));
    for (std::size_t size = 0; size < bytes.size(); size += stride) {
      BOOST_TEST(every_load_fails(variants.write(bytes.substr(0, size))), name << " cut to " << size << " bytes");
    }
  }
}

BOOST_AUTO_TEST_CASE(detects_corrupted_members) {
  // Every byte of a stored member's data is covered by its CRC-32.
  const std::string bytes = read_bytes(file("scipy_csr_stored.npz"));
  const auto path = testing::scratch_dir("npz_crc") / "c.npz";
  const std::size_t at = bytes.find("\x93NUMPY") + 70;  // inside the first member's .npy image
  std::string flipped = bytes;
  flipped[at] = static_cast<char>(flipped[at] ^ 0x10);
  write_bytes(path, flipped);
  try {
    (void)load_npz(path);
    BOOST_ERROR("corrupt file loaded");
  } catch (const FormatError& e) {
    BOOST_TEST(std::string(e.what()).find("CRC-32") != std::string::npos, e.what());
  }
}

BOOST_AUTO_TEST_CASE(survives_bit_flips_and_garbage) {
  Variants variants("npz_flips");
  // One flipped bit at every byte (the low bit, then the high bit, in turn).
  for (const std::string name : {"scipy_coo.npz", "scipy_csr_stored.npz"}) {
    const std::string bytes = read_bytes(file(name));
    for (std::size_t at = 0; at < bytes.size(); ++at) {
      std::string flipped = bytes;
      flipped[at] = static_cast<char>(flipped[at] ^ (at % 2 == 0 ? 0x01 : 0x80));
      load_or_format_error(variants.write(flipped));
    }
  }
  Generator rng(11);
  for (const std::size_t size : {0, 1, 21, 22, 23, 100, 1000, 5000}) {
    std::string garbage(size, '\0');
    for (char& c : garbage) c = static_cast<char>(rng.integers(0, 256));
    BOOST_TEST(every_load_fails(variants.write(garbage)));
    // An end record with nothing behind it, and one that points past the file.
    std::string end = garbage + std::string("PK\x05\x06", 4) + std::string(18, '\0');
    BOOST_TEST(every_load_fails(variants.write(end)));
    end[end.size() - 6] = '\x7f';  // central directory offset
    end[end.size() - 12] = '\x05';  // entries
    end[end.size() - 10] = '\x05';
    BOOST_TEST(every_load_fails(variants.write(end)));
  }
}

BOOST_AUTO_TEST_CASE(save_reports_unwritable_paths) {
  const auto dir = testing::scratch_dir("npz_unwritable");
  BOOST_CHECK_THROW(save_npz(dir / "missing" / "a.npz", CsrMatrix(2, 2)), FormatError);
  BOOST_CHECK_THROW(save_npz(dir, CsrMatrix(2, 2)), FormatError);
}

BOOST_AUTO_TEST_SUITE_END()
