#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <random>
#include <scilearn/core/io/matrix_market.hpp>
#include <vector>

#include "core/io/io_testing.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(matrix_market)

using namespace scilearn;
using namespace scilearn::testing;
using io::MMField;
using io::MMFormat;
using io::MMSymmetry;

namespace {

std::filesystem::path fixture(std::string_view name) {
  return fixture_path(std::string("core/io/") + std::string(name));
}

std::filesystem::path text_file(std::string_view text) {
  static int counter = 0;
  return write_file(scratch_dir("mm_text"), "m" + std::to_string(counter++) + ".mtx", text);
}

std::string sparse_error(std::string_view text) {
  const auto path = text_file(text);
  return format_error_of([&] { io::mmread_sparse(path); });
}

SparseMatrix from_dense(const Matrix& a) { return a.sparseView(); }

}  // namespace

// --- reading what SciPy wrote -------------------------------------------------

BOOST_AUTO_TEST_CASE(reads_scipy_coordinate_real_general_exactly) {
  const SparseMatrix a = io::mmread_sparse(fixture("mm_coordinate_real_general.mtx"));
  BOOST_TEST(a.rows() == 4);
  BOOST_TEST(a.cols() == 5);
  BOOST_TEST(a.nonZeros() == 5);
  BOOST_TEST(a.coeff(0, 0) == 1.0 / 3.0);
  BOOST_TEST(a.coeff(1, 2) == -2.5e-300);
  BOOST_TEST(a.coeff(3, 4) == 1e300);
  BOOST_TEST(a.coeff(2, 1) == 7.0);
  BOOST_TEST(a.coeff(3, 0) == -0.125);
  BOOST_TEST((io::mmread_dense(fixture("mm_coordinate_real_general.mtx")) == Matrix(a)));
}

BOOST_AUTO_TEST_CASE(symmetric_storage_is_expanded) {
  const Matrix expected{{2.0, -1.0, 0.0, 0.0}, {-1.0, 0.0, 0.0, 0.5}, {0.0, 0.0, 1.0 / 7.0, 0.0}, {0.0, 0.5, 0.0, 0.0}};
  const SparseMatrix a = io::mmread_sparse(fixture("mm_coordinate_real_symmetric.mtx"));
  BOOST_TEST(a.nonZeros() == 6);
  BOOST_TEST((Matrix(a) == expected));
  BOOST_TEST((io::mmread_dense(fixture("mm_coordinate_real_symmetric.mtx")) == expected));
}

BOOST_AUTO_TEST_CASE(skew_symmetric_storage_is_expanded_with_signs) {
  const Matrix expected{{0.0, -3.0, 0.0, 0.0}, {3.0, 0.0, 0.0, 0.0}, {0.0, 0.0, 0.0, 1.5}, {0.0, 0.0, -1.5, 0.0}};
  BOOST_TEST((Matrix(io::mmread_sparse(fixture("mm_coordinate_real_skew.mtx"))) == expected));
}

BOOST_AUTO_TEST_CASE(integer_and_pattern_fields) {
  const Matrix integer = io::mmread_dense(fixture("mm_coordinate_integer_general.mtx"));
  BOOST_TEST((integer == Matrix{{0.0, 5.0, 0.0}, {0.0, 0.0, 0.0}, {-9.0, 0.0, 123456789012.0}}));
  const Matrix pattern = io::mmread_dense(fixture("mm_coordinate_pattern_general.mtx"));
  BOOST_TEST((pattern == Matrix{{1.0, 0.0, 0.0, 0.0}, {0.0, 0.0, 0.0, 1.0}, {0.0, 1.0, 0.0, 0.0}}));
}

BOOST_AUTO_TEST_CASE(array_files_read_dense_and_sparse) {
  const Matrix a = io::mmread_dense(fixture("mm_array_real_general.mtx"));
  BOOST_TEST_REQUIRE(a.rows() == 3);
  BOOST_TEST_REQUIRE(a.cols() == 4);
  for (Index i = 0; i < 3; ++i) {
    for (Index j = 0; j < 4; ++j) BOOST_TEST(a(i, j) == grid(i, j));
  }
  BOOST_TEST((Matrix(io::mmread_sparse(fixture("mm_array_real_general.mtx"))) == a));
  const Matrix s{{4.0, 1.0, 2.0}, {1.0, 5.0, 3.0}, {2.0, 3.0, 6.0}};
  BOOST_TEST((io::mmread_dense(fixture("mm_array_real_symmetric.mtx")) == s));
  BOOST_TEST((Matrix(io::mmread_sparse(fixture("mm_array_real_symmetric.mtx"))) == s));
}

BOOST_AUTO_TEST_CASE(array_zeros_are_not_stored_in_the_sparse_result) {
  const SparseMatrix a = io::mmread_sparse(text_file("%%MatrixMarket matrix array real general\n2 2\n1\n0\n0\n4\n"));
  BOOST_TEST(a.nonZeros() == 2);
}

BOOST_AUTO_TEST_CASE(mminfo_matches_scipy_mminfo) {
  struct Case {
    std::string file;
    Index rows, cols, entries;
    MMFormat format;
    MMField field;
    MMSymmetry symmetry;
  };
  // Values printed by scipy.io.mminfo on the same files.
  const std::vector<Case> cases = {
      {"mm_coordinate_real_general.mtx", 4, 5, 5, MMFormat::coordinate, MMField::real, MMSymmetry::general},
      {"mm_coordinate_real_symmetric.mtx", 4, 4, 4, MMFormat::coordinate, MMField::real, MMSymmetry::symmetric},
      {"mm_coordinate_real_skew.mtx", 4, 4, 2, MMFormat::coordinate, MMField::real, MMSymmetry::skew_symmetric},
      {"mm_coordinate_integer_general.mtx", 3, 3, 3, MMFormat::coordinate, MMField::integer, MMSymmetry::general},
      {"mm_coordinate_pattern_general.mtx", 3, 4, 3, MMFormat::coordinate, MMField::pattern, MMSymmetry::general},
      {"mm_array_real_general.mtx", 3, 4, 12, MMFormat::array, MMField::real, MMSymmetry::general},
      {"mm_array_real_symmetric.mtx", 3, 3, 9, MMFormat::array, MMField::real, MMSymmetry::symmetric},
  };
  for (const Case& c : cases) {
    BOOST_TEST_CONTEXT(c.file) {
      const io::MMInfo info = io::mminfo(fixture(c.file));
      BOOST_TEST(info.rows == c.rows);
      BOOST_TEST(info.cols == c.cols);
      BOOST_TEST(info.entries == c.entries);
      BOOST_TEST((info.format == c.format));
      BOOST_TEST((info.field == c.field));
      BOOST_TEST((info.symmetry == c.symmetry));
    }
  }
}

BOOST_AUTO_TEST_CASE(duplicates_are_summed_and_keywords_are_case_insensitive) {
  const auto path = text_file(
      "%%MatrixMarket MATRIX Coordinate Real General\r\n% a comment\r\n\r\n2 2 3\r\n1 1 1.5\r\n2 1 4\r\n1 1 2.25\r\n");
  const SparseMatrix a = io::mmread_sparse(path);
  BOOST_TEST(a.coeff(0, 0) == 3.75);
  BOOST_TEST(a.coeff(1, 0) == 4.0);
  BOOST_TEST(io::mmread_dense(path)(0, 0) == 3.75);
}

BOOST_AUTO_TEST_CASE(empty_matrices) {
  const SparseMatrix a = io::mmread_sparse(text_file("%%MatrixMarket matrix coordinate real general\n0 3 0\n"));
  BOOST_TEST(a.rows() == 0);
  BOOST_TEST(a.cols() == 3);
  BOOST_TEST(io::mmread_dense(text_file("%%MatrixMarket matrix array real general\n2 0\n")).rows() == 2);
}

// --- writing ------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(sparse_round_trip_is_exact) {
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  Matrix dense = Matrix::Zero(7, 9);
  for (int k = 0; k < 20; ++k) dense(static_cast<Index>(rng() % 7), static_cast<Index>(rng() % 9)) = u(rng) * 1e-200;
  dense(0, 0) = 1.0 / 3.0;
  dense(6, 8) = std::numeric_limits<double>::infinity();
  const SparseMatrix a = from_dense(dense);
  const auto dir = scratch_dir("mm_sparse_round_trip");
  io::mmwrite(dir / "a.mtx", a, {.comment = "first line\nsecond line"});
  const SparseMatrix b = io::mmread_sparse(dir / "a.mtx");
  BOOST_TEST(b.nonZeros() == a.nonZeros());
  BOOST_TEST((Matrix(b) == dense));
  const io::MMInfo info = io::mminfo(dir / "a.mtx");
  BOOST_TEST(info.entries == a.nonZeros());
  BOOST_TEST(read_bytes(dir / "a.mtx")
                 .starts_with("%%MatrixMarket matrix coordinate real general\n%first line\n%second line\n7 9 "));
}

BOOST_AUTO_TEST_CASE(symmetric_writing_stores_the_lower_triangle) {
  const Matrix s{{2.0, -1.0, 0.0}, {-1.0, 3.0, 0.25}, {0.0, 0.25, 0.0}};
  const auto dir = scratch_dir("mm_symmetric_write");
  io::mmwrite(dir / "s.mtx", from_dense(s), {.symmetry = MMSymmetry::symmetric});
  BOOST_TEST(io::mminfo(dir / "s.mtx").entries == 4);  // (0,0), (1,0), (1,1), (2,1)
  BOOST_TEST((Matrix(io::mmread_sparse(dir / "s.mtx")) == s));
  io::mmwrite(dir / "d.mtx", s, {.symmetry = MMSymmetry::symmetric});
  BOOST_TEST(read_bytes(dir / "d.mtx") == "%%MatrixMarket matrix array real symmetric\n3 3\n2\n-1\n0\n3\n0.25\n0\n");
  BOOST_TEST((io::mmread_dense(dir / "d.mtx") == s));
}

BOOST_AUTO_TEST_CASE(skew_symmetric_writing_round_trips) {
  const Matrix k{{0.0, 2.0, -1.0}, {-2.0, 0.0, 0.5}, {1.0, -0.5, 0.0}};
  const auto dir = scratch_dir("mm_skew_write");
  io::mmwrite(dir / "k.mtx", from_dense(k), {.symmetry = MMSymmetry::skew_symmetric});
  BOOST_TEST(io::mminfo(dir / "k.mtx").entries == 3);
  BOOST_TEST((Matrix(io::mmread_sparse(dir / "k.mtx")) == k));
  io::mmwrite(dir / "kd.mtx", k, {.symmetry = MMSymmetry::skew_symmetric});
  BOOST_TEST((io::mmread_dense(dir / "kd.mtx") == k));
}

BOOST_AUTO_TEST_CASE(integer_and_pattern_writing) {
  const Matrix a{{1.0, 0.0}, {-4.0, 9007199254740992.0}};
  const auto dir = scratch_dir("mm_integer_write");
  io::mmwrite(dir / "i.mtx", from_dense(a), {.field = MMField::integer});
  BOOST_TEST(read_bytes(dir / "i.mtx").find("2 2 9007199254740992\n") != std::string::npos);
  BOOST_TEST((io::mmread_dense(dir / "i.mtx") == a));
  io::mmwrite(dir / "id.mtx", a, {.field = MMField::integer});
  BOOST_TEST((io::mmread_dense(dir / "id.mtx") == a));
  io::mmwrite(dir / "p.mtx", from_dense(a), {.field = MMField::pattern});
  BOOST_TEST((io::mmread_dense(dir / "p.mtx") == Matrix{{1.0, 0.0}, {1.0, 1.0}}));
}

BOOST_AUTO_TEST_CASE(dense_round_trip_is_exact) {
  const Matrix a = Matrix::Random(5, 3) * 1e-5;
  const auto dir = scratch_dir("mm_dense_round_trip");
  io::mmwrite(dir / "a.mtx", a);
  BOOST_TEST((io::mmread_dense(dir / "a.mtx") == a));
  BOOST_TEST((io::mminfo(dir / "a.mtx").format == MMFormat::array));
}

BOOST_AUTO_TEST_CASE(writing_checks_the_promised_structure) {
  const auto dir = scratch_dir("mm_write_checks");
  const Matrix a{{1.0, 2.0}, {3.0, 4.0}};
  BOOST_CHECK_THROW(io::mmwrite(dir / "a.mtx", from_dense(a), {.symmetry = MMSymmetry::symmetric}), ValueError);
  BOOST_CHECK_THROW(io::mmwrite(dir / "a.mtx", a, {.symmetry = MMSymmetry::symmetric}), ValueError);
  BOOST_CHECK_THROW(
      io::mmwrite(dir / "a.mtx", Matrix{{1.0, 0.0}, {0.0, 0.0}}, {.symmetry = MMSymmetry::skew_symmetric}),
      ValueError);  // a non-zero diagonal
  BOOST_CHECK_THROW(io::mmwrite(dir / "a.mtx", Matrix::Ones(2, 3), {.symmetry = MMSymmetry::symmetric}), ValueError);
  BOOST_CHECK_THROW(io::mmwrite(dir / "a.mtx", Matrix{{0.5}}, {.field = MMField::integer}), ValueError);
  BOOST_CHECK_THROW(io::mmwrite(dir / "a.mtx", a, {.field = MMField::pattern}), ValueError);
  try {
    io::mmwrite(dir / "a.mtx", a, {.symmetry = MMSymmetry::symmetric});
  } catch (const ValueError& e) {
    BOOST_TEST(contains_all(std::string(e.what()), "mmwrite", "not symmetric", "a(1, 0) = 3", "a(0, 1) = 2"));
  }
  const auto bad = dir / "missing" / "a.mtx";
  BOOST_TEST(contains_all(format_error_of([&] { io::mmwrite(bad, a); }), "mmwrite", bad.string()));
}

// --- malformed input ----------------------------------------------------------

BOOST_AUTO_TEST_CASE(rejects_bad_banners_and_unsupported_kinds) {
  BOOST_TEST(contains_all(sparse_error(""), "mmread_sparse", "empty"));
  BOOST_TEST(contains_all(sparse_error("1 1 1\n1 1 1\n"), "line 1", "banner"));
  BOOST_TEST(contains_all(sparse_error("%%MatrixMarket matrix coordinate real\n1 1 0\n"), "4 words"));
  BOOST_TEST(contains_all(sparse_error("%%MatrixMarket matrix coordinate complex general\n1 1 0\n"), "complex",
                          "unsupported"));
  BOOST_TEST(contains_all(sparse_error("%%MatrixMarket matrix coordinate real hermitian\n1 1 0\n"), "hermitian",
                          "unsupported"));
  BOOST_TEST(contains_all(sparse_error("%%MatrixMarket vector coordinate real general\n1 1 0\n"), "'vector'"));
  BOOST_TEST(contains_all(sparse_error("%%MatrixMarket matrix sparse real general\n1 1 0\n"), "unknown format"));
  BOOST_TEST(contains_all(sparse_error("%%MatrixMarket matrix array pattern general\n1 1\n"), "pattern"));
  BOOST_TEST(contains_all(sparse_error("%%MatrixMarket matrix coordinate pattern skew-symmetric\n1 1 0\n"), "skew"));
}

BOOST_AUTO_TEST_CASE(rejects_bad_size_lines) {
  const std::string banner = "%%MatrixMarket matrix coordinate real general\n";
  BOOST_TEST(contains_all(sparse_error(banner), "no size line"));
  BOOST_TEST(contains_all(sparse_error(banner + "% only comments\n"), "no size line"));
  BOOST_TEST(contains_all(sparse_error(banner + "2 2\n"), "line 2", "needs 3 integers"));
  BOOST_TEST(contains_all(sparse_error(banner + "2 -2 0\n"), "'-2'", "non-negative"));
  BOOST_TEST(contains_all(sparse_error(banner + "2 2.0 0\n"), "'2.0'"));
  BOOST_TEST(contains_all(sparse_error(banner + "99999999999999999999 2 0\n"), "64-bit"));
  BOOST_TEST(contains_all(sparse_error("%%MatrixMarket matrix coordinate real symmetric\n2 3 0\n"), "square"));
  BOOST_TEST(contains_all(sparse_error(banner + "3000000000 2 0\n"), "32-bit"));
}

BOOST_AUTO_TEST_CASE(rejects_declared_sizes_larger_than_the_file_before_allocating) {
  BOOST_TEST(contains_all(sparse_error("%%MatrixMarket matrix coordinate real general\n2 2 1000000000000\n1 1 1\n"),
                          "truncated", "1000000000000 stored entries"));
  BOOST_TEST(contains_all(sparse_error("%%MatrixMarket matrix array real general\n100000 100000\n1\n"), "truncated"));
  BOOST_TEST(
      contains_all(sparse_error("%%MatrixMarket matrix array real general\n4611686018427387904 4\n"), "overflows"));
  BOOST_TEST(
      contains_all(sparse_error("%%MatrixMarket matrix array real symmetric\n3037000499 3037000499\n"), "truncated"));
  const auto path = text_file("%%MatrixMarket matrix coordinate real general\n4611686018427387904 4 0\n");
  BOOST_TEST(contains_all(format_error_of([&] { io::mmread_dense(path); }), "mmread_dense", "overflows"));
  BOOST_TEST(contains_all(format_error_of([&] {
                            io::mminfo(
                                text_file("%%MatrixMarket matrix coordinate real general\n"
                                          "2 2 1000\n1 1 1\n"));
                          }),
                          "mminfo", "truncated"));
}

BOOST_AUTO_TEST_CASE(rejects_bad_entries_naming_the_line) {
  const std::string banner = "%%MatrixMarket matrix coordinate real general\n";
  BOOST_TEST(contains_all(sparse_error(banner + "2 2 2\n1 1 1\n"), "truncated", "declares 2 stored entries"));
  BOOST_TEST(
      contains_all(sparse_error(banner + "2 2 2\n1 1 1\n\n\n\n\n\n\n"), "truncated", "2 entries declared", "after 1"));
  BOOST_TEST(contains_all(sparse_error(banner + "2 2 1\n1 1 1\n2 2 2\n"), "line 4", "unexpected content"));
  BOOST_TEST(contains_all(sparse_error(banner + "2 2 1\n1 1 1\ngarbage\n"), "line 4", "'garbage'"));
  BOOST_TEST(contains_all(sparse_error(banner + "2 2 1\n0 1 1\n"), "line 3", "outside"));
  BOOST_TEST(contains_all(sparse_error(banner + "2 2 1\n1 3 1\n"), "line 3", "outside"));
  BOOST_TEST(contains_all(sparse_error(banner + "2 2 1\n1 1 x\n"), "line 3", "'x' is not a real number"));
  BOOST_TEST(contains_all(sparse_error(banner + "2 2 1\n1 1    \n"), "line 3", "expected 3 fields"));
  BOOST_TEST(contains_all(sparse_error(banner + "2 2 1\n1 1 1 0\n"), "line 3", "expected 3 fields"));
  BOOST_TEST(contains_all(sparse_error("%%MatrixMarket matrix coordinate integer general\n2 2 1\n1 1 1.5\n"),
                          "'1.5' is not a 64-bit integer"));
  BOOST_TEST(contains_all(sparse_error("%%MatrixMarket matrix coordinate integer general\n2 2 1\n1 1 +-5\n"),
                          "'+-5' is not a 64-bit integer"));
  BOOST_TEST(
      contains_all(sparse_error("%%MatrixMarket matrix coordinate real skew-symmetric\n2 2 1\n1 1 1\n"), "diagonal"));
  BOOST_TEST(contains_all(sparse_error("%%MatrixMarket matrix array real general\n2 1\n1\n"), "truncated"));
  BOOST_TEST(contains_all(sparse_error("%%MatrixMarket matrix array real general\n1 1\n1 2\n"), "expected 1 fields"));
}

BOOST_AUTO_TEST_CASE(declared_dimensions_beyond_memory_are_a_format_error) {
  // Legal files, but their results (800 TB dense; 16 GB of column pointers
  // only if the machine had less) cannot be built: an error, not an OOM kill.
  const auto path = text_file("%%MatrixMarket matrix coordinate real general\n10000000 10000000 0\n");
  BOOST_TEST(contains_all(format_error_of([&] { io::mmread_dense(path); }), "mmread_dense", "GB of memory"));
  BOOST_TEST(io::mmread_sparse(path).nonZeros() == 0);  // 40 MB of column pointers: fine
}

BOOST_AUTO_TEST_CASE(missing_file_is_a_format_error) {
  const auto path = scratch_dir("mm_missing") / "absent.mtx";
  BOOST_TEST(contains_all(format_error_of([&] { io::mminfo(path); }), "mminfo", "absent.mtx", "no such file"));
  BOOST_TEST(contains_all(format_error_of([&] { io::mmread_dense(path); }), "mmread_dense", "absent.mtx"));
}

BOOST_AUTO_TEST_CASE(every_truncation_and_bit_flip_reads_or_is_a_format_error) {
  const auto dir = scratch_dir("mm_flips");
  for (const char* name : {"mm_coordinate_real_symmetric.mtx", "mm_array_real_symmetric.mtx"}) {
    std::string bytes = read_bytes(fixture(name));
    for (std::size_t n = 0; n < bytes.size(); ++n) {
      const auto path = write_file(dir, "t.mtx", std::string_view(bytes).substr(0, n));
      succeeds_or_format_error([&] {
        io::mminfo(path);
        io::mmread_sparse(path);
        io::mmread_dense(path);
      });
    }
    int rejected = 0;
    for (std::size_t k = 0; k < bytes.size(); ++k) {
      for (int bit = 0; bit < 8; ++bit) {
        bytes[k] = static_cast<char>(bytes[k] ^ (1 << bit));
        const auto path = write_file(dir, "f.mtx", bytes);
        rejected += succeeds_or_format_error([&] {
          io::mmread_sparse(path);
          io::mmread_dense(path);
        })
                        ? 0
                        : 1;
        bytes[k] = static_cast<char>(bytes[k] ^ (1 << bit));
      }
    }
    BOOST_TEST(rejected > 0);
  }
}

BOOST_AUTO_TEST_CASE(random_garbage_is_a_format_error) {
  const auto dir = scratch_dir("mm_garbage");
  std::mt19937 rng(5);
  for (int trial = 0; trial < 100; ++trial) {
    std::string bytes(static_cast<std::size_t>(rng() % 200), '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    if (trial % 2) bytes = "%%MatrixMarket matrix coordinate real general\n" + bytes;
    const auto path = write_file(dir, "g.mtx", bytes);
    BOOST_TEST(!succeeds_or_format_error([&] { io::mmread_sparse(path); }), "trial " << trial);
  }
}

BOOST_AUTO_TEST_SUITE_END()
