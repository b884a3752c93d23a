#include <bit>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <scilearn/core/io/npy.hpp>
#include <vector>

#include "core/io/io_testing.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(npy)

using namespace scilearn;
using namespace scilearn::testing;
using io::DType;

namespace {

std::filesystem::path fixture(std::string_view name) {
  return fixture_path(std::string("core/io/") + std::string(name));
}

// An .npy file from its parts: magic, version (major, 0), header length
// (2 bytes for 1.0, 4 otherwise), header text, data bytes.
std::string npy_bytes(std::string_view header, std::string_view data, int major = 1) {
  std::string out = "\x93NUMPY";
  out += static_cast<char>(major);
  out += '\0';
  const auto n = static_cast<std::uint32_t>(header.size());
  out += static_cast<char>(n & 0xff);
  out += static_cast<char>((n >> 8) & 0xff);
  if (major >= 2) {
    out += static_cast<char>((n >> 16) & 0xff);
    out += static_cast<char>((n >> 24) & 0xff);
  }
  out += header;
  out += data;
  return out;
}

std::string double_bytes(std::initializer_list<double> values) {
  std::string out(values.size() * sizeof(double), '\0');
  std::memcpy(out.data(), std::data(values), out.size());
  return out;
}

template <class Scalar, class Expected>
void check_grid(const MatrixT<Scalar>& a, Index rows, Index cols, Expected expected) {
  BOOST_TEST_REQUIRE(a.rows() == rows);
  BOOST_TEST_REQUIRE(a.cols() == cols);
  for (Index i = 0; i < rows; ++i) {
    for (Index j = 0; j < cols; ++j) BOOST_TEST(a(i, j) == static_cast<Scalar>(expected(i, j)));
  }
}

}  // namespace

// --- reading what NumPy wrote -------------------------------------------------

BOOST_AUTO_TEST_CASE(reads_each_dtype_in_c_and_fortran_order_as_its_own_scalar) {
  for (const std::string order : {"c", "f"}) {
    BOOST_TEST_CONTEXT("order " << order) {
      check_grid(io::load_npy<double>(fixture("npy_f8_" + order + "_3x4.npy")), 3, 4, grid);
      check_grid(io::load_npy<float>(fixture("npy_f4_" + order + "_3x4.npy")), 3, 4, grid);
      check_grid(io::load_npy<std::int32_t>(fixture("npy_i4_" + order + "_3x4.npy")), 3, 4, int_grid);
      check_grid(io::load_npy<std::int64_t>(fixture("npy_i8_" + order + "_3x4.npy")), 3, 4, big_grid);
      check_grid(io::load_npy<double>(fixture("npy_f8_" + order + "_1x1.npy")), 1, 1, grid);
      check_grid(io::load_npy<std::int64_t>(fixture("npy_i8_" + order + "_1x1.npy")), 1, 1, big_grid);
    }
  }
}

BOOST_AUTO_TEST_CASE(reads_big_endian_files) {
  for (const std::string order : {"c", "f"}) {
    BOOST_TEST_CONTEXT("order " << order) {
      check_grid(io::load_npy<double>(fixture("npy_be_f8_" + order + "_3x4.npy")), 3, 4, grid);
      check_grid(io::load_npy<float>(fixture("npy_be_f4_" + order + "_3x4.npy")), 3, 4, grid);
      check_grid(io::load_npy<std::int32_t>(fixture("npy_be_i4_" + order + "_3x4.npy")), 3, 4, int_grid);
      check_grid(io::load_npy<std::int64_t>(fixture("npy_be_i8_" + order + "_3x4.npy")), 3, 4, big_grid);
    }
  }
}

BOOST_AUTO_TEST_CASE(load_as_double_accepts_every_dtype_like_np_asarray_float) {
  check_grid(io::load_npy<double>(fixture("npy_f4_c_3x4.npy")), 3, 4, grid);
  check_grid(io::load_npy<double>(fixture("npy_i4_f_3x4.npy")), 3, 4, int_grid);
  check_grid(io::load_npy<double>(fixture("npy_be_i8_c_3x4.npy")), 3, 4, big_grid);  // exact below 2^53
}

BOOST_AUTO_TEST_CASE(int64_accepts_int32_as_a_lossless_widening) {
  check_grid(io::load_npy<std::int64_t>(fixture("npy_i4_c_3x4.npy")), 3, 4, int_grid);
}

BOOST_AUTO_TEST_CASE(lossy_conversions_are_rejected_naming_both_dtypes) {
  const auto message = format_error_of([] { io::load_npy<float>(fixture("npy_f8_c_3x4.npy")); });
  BOOST_TEST(contains_all(message, "load_npy", "npy_f8_c_3x4.npy", "float64", "float32"));
  BOOST_TEST(
      contains_all(format_error_of([] { io::load_npy<float>(fixture("npy_i4_c_3x4.npy")); }), "int32", "float32"));
  BOOST_TEST(
      contains_all(format_error_of([] { io::load_npy<std::int32_t>(fixture("npy_i8_c_3x4.npy")); }), "int64", "int32"));
  BOOST_TEST(contains_all(format_error_of([] { io::load_npy<std::int64_t>(fixture("npy_f8_c_3x4.npy")); }), "float64",
                          "int64"));
  BOOST_TEST(contains_all(format_error_of([] { io::load_npy<std::int32_t>(fixture("npy_f4_c_3x4.npy")); }), "float32",
                          "int32"));
}

BOOST_AUTO_TEST_CASE(one_dimensional_array_loads_as_a_column) {
  check_grid(io::load_npy<double>(fixture("npy_f8_1d_5.npy")), 5, 1, grid);
  check_grid(io::load_npy<std::int64_t>(fixture("npy_i8_1d_5.npy")), 5, 1, big_grid);
}

BOOST_AUTO_TEST_CASE(zero_dimensional_array_loads_as_1x1) {
  const Matrix a = io::load_npy<double>(fixture("npy_f8_0d.npy"));
  BOOST_TEST_REQUIRE(a.size() == 1);
  BOOST_TEST(a(0, 0) == 3.5);
  BOOST_TEST(io::load_npy<std::int32_t>(fixture("npy_i4_0d.npy"))(0, 0) == -7);
}

BOOST_AUTO_TEST_CASE(empty_array_keeps_its_shape) {
  const Matrix a = io::load_npy<double>(fixture("npy_f8_empty_0x3.npy"));
  BOOST_TEST(a.rows() == 0);
  BOOST_TEST(a.cols() == 3);
}

BOOST_AUTO_TEST_CASE(reads_format_versions_2_and_3) {
  check_grid(io::load_npy<double>(fixture("npy_f8_v2_3x4.npy")), 3, 4, grid);
  check_grid(io::load_npy<double>(fixture("npy_f8_v3_3x4.npy")), 3, 4, grid);
}

BOOST_AUTO_TEST_CASE(keeps_nan_infinities_and_negative_zero) {
  const Vector v = io::load_npy_vector<double>(fixture("npy_f8_special_4.npy"));
  BOOST_TEST_REQUIRE(v.size() == 4);
  BOOST_TEST(std::isnan(v(0)));
  BOOST_TEST(v(1) == std::numeric_limits<double>::infinity());
  BOOST_TEST(v(2) == -std::numeric_limits<double>::infinity());
  BOOST_TEST((v(3) == 0.0 && std::signbit(v(3))));
}

BOOST_AUTO_TEST_CASE(load_npy_vector_accepts_1d_row_and_column) {
  const Vector expected{{0.25, 1.25, 2.25, 3.25}};
  BOOST_TEST((io::load_npy_vector<double>(fixture("npy_f8_row_1x4.npy")) == expected));
  const Vector column{{0.25, 10.25, 20.25, 30.25}};
  BOOST_TEST((io::load_npy_vector<double>(fixture("npy_f8_col_4x1.npy")) == column));
  BOOST_TEST(io::load_npy_vector<double>(fixture("npy_f8_1d_5.npy")).size() == 5);
  BOOST_TEST(io::load_npy_vector<std::int64_t>(fixture("npy_i8_1d_5.npy"))(4) == big_grid(4, 0));
}

BOOST_AUTO_TEST_CASE(load_npy_vector_rejects_matrices_and_scalars) {
  BOOST_TEST(contains_all(format_error_of([] { io::load_npy_vector<double>(fixture("npy_f8_c_3x4.npy")); }),
                          "load_npy_vector", "(3, 4)", "not a vector"));
  BOOST_TEST(contains_all(format_error_of([] { io::load_npy_vector<double>(fixture("npy_f8_0d.npy")); }), "()"));
}

BOOST_AUTO_TEST_CASE(more_than_two_dimensions_is_rejected) {
  BOOST_TEST(
      contains_all(format_error_of([] { io::load_npy<double>(fixture("npy_f8_3d_2x2x2.npy")); }), "3-D", "(2, 2, 2)"));
}

BOOST_AUTO_TEST_CASE(unsupported_dtypes_are_rejected_by_name) {
  for (const auto& [file, descr] : std::vector<std::pair<std::string, std::string>>{
           {"npy_u1_2x2.npy", "|u1"}, {"npy_c16_2.npy", "<c16"}, {"npy_bool_3.npy", "|b1"}, {"npy_f2_2.npy", "<f2"}}) {
    const std::string name = file;  // clang 14 cannot capture a structured binding
    BOOST_TEST_CONTEXT(name) {
      BOOST_TEST(contains_all(format_error_of([&] { io::load_npy<double>(fixture(name)); }), name,
                              "unsupported dtype '" + descr + "'"));
    }
  }
  // A structured dtype's descr is a list, not a string.
  BOOST_TEST(
      contains_all(format_error_of([] { io::load_npy<double>(fixture("npy_struct_2.npy")); }), "malformed header"));
}

BOOST_AUTO_TEST_CASE(npy_info_reports_the_header) {
  const io::NpyHeader c = io::npy_info(fixture("npy_i4_c_3x4.npy"));
  BOOST_TEST((c.dtype == DType::int32));
  BOOST_TEST((c.shape == std::vector<Index>{3, 4}));
  BOOST_TEST(!c.fortran_order);
  const io::NpyHeader f = io::npy_info(fixture("npy_be_f4_f_3x4.npy"));
  BOOST_TEST((f.dtype == DType::float32));
  BOOST_TEST(f.fortran_order);
  BOOST_TEST(io::npy_info(fixture("npy_f8_0d.npy")).shape.empty());
  BOOST_TEST((io::npy_info(fixture("npy_i8_1d_5.npy")).shape == std::vector<Index>{5}));
}

// --- writing ------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(save_npy_writes_the_bytes_np_save_writes) {
  const auto dir = scratch_dir("npy_bytes");
  Matrix a(3, 4);
  Eigen::MatrixXf f(3, 4);
  MatrixT<std::int32_t> i(3, 4);
  for (Index r = 0; r < 3; ++r) {
    for (Index c = 0; c < 4; ++c) {
      a(r, c) = grid(r, c);
      f(r, c) = static_cast<float>(grid(r, c));
      i(r, c) = int_grid(r, c);
    }
  }
  io::save_npy(dir / "a.npy", a);
  io::save_npy(dir / "f.npy", f);
  io::save_npy(dir / "i.npy", i);
  BOOST_TEST((read_bytes(dir / "a.npy") == read_bytes(fixture("npy_f8_c_3x4.npy"))));
  BOOST_TEST((read_bytes(dir / "f.npy") == read_bytes(fixture("npy_f4_c_3x4.npy"))));
  BOOST_TEST((read_bytes(dir / "i.npy") == read_bytes(fixture("npy_i4_c_3x4.npy"))));
  VectorT<std::int64_t> v(5);
  for (Index r = 0; r < 5; ++r) v(r) = big_grid(r, 0);
  io::save_npy(dir / "v.npy", v);
  BOOST_TEST((read_bytes(dir / "v.npy") == read_bytes(fixture("npy_i8_1d_5.npy"))));
}

BOOST_AUTO_TEST_CASE(vectors_are_written_1d_and_row_vectors_2d) {
  const auto dir = scratch_dir("npy_shapes");
  io::save_npy(dir / "v.npy", Vector::LinSpaced(7, 0.0, 1.0));
  BOOST_TEST((io::npy_info(dir / "v.npy").shape == std::vector<Index>{7}));
  io::save_npy(dir / "r.npy", Eigen::RowVectorXd::LinSpaced(7, 0.0, 1.0));
  BOOST_TEST((io::npy_info(dir / "r.npy").shape == std::vector<Index>{1, 7}));
  const Matrix m = Matrix::Random(5, 6);
  io::save_npy(dir / "block.npy", m.block(1, 2, 3, 2));  // an expression, not a plain matrix
  BOOST_TEST((io::load_npy<double>(dir / "block.npy") == m.block(1, 2, 3, 2)));
  io::save_npy(dir / "col.npy", m.col(3));
  BOOST_TEST((io::npy_info(dir / "col.npy").shape == std::vector<Index>{5}));
}

BOOST_AUTO_TEST_CASE(round_trip_is_exact_for_every_scalar) {
  const auto dir = scratch_dir("npy_round_trip");
  std::mt19937_64 rng(20240601);
  Matrix a(17, 9);
  for (Index k = 0; k < a.size(); ++k) {
    std::uint64_t bits = rng();
    double x;
    std::memcpy(&x, &bits, sizeof x);  // any bit pattern: subnormals, huge, NaN payloads
    a(k) = x;
  }
  io::save_npy(dir / "a.npy", a);
  const Matrix b = io::load_npy<double>(dir / "a.npy");
  BOOST_TEST_REQUIRE(b.rows() == 17);
  BOOST_TEST(std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<std::size_t>(a.size())) == 0);

  const Eigen::MatrixXf f = Eigen::MatrixXf::Random(4, 11);
  io::save_npy(dir / "f.npy", f);
  BOOST_TEST((io::load_npy<float>(dir / "f.npy") == f));
  const MatrixT<std::int64_t> i = MatrixT<std::int64_t>::Constant(3, 2, std::numeric_limits<std::int64_t>::min());
  io::save_npy(dir / "i.npy", i);
  BOOST_TEST((io::load_npy<std::int64_t>(dir / "i.npy") == i));
  const MatrixT<std::int32_t> j = MatrixT<std::int32_t>::Constant(2, 3, std::numeric_limits<std::int32_t>::max());
  io::save_npy(dir / "j.npy", j);
  BOOST_TEST((io::load_npy<std::int32_t>(dir / "j.npy") == j));
  io::save_npy(dir / "empty.npy", Matrix(0, 4));
  BOOST_TEST(io::load_npy<double>(dir / "empty.npy").cols() == 4);
}

BOOST_AUTO_TEST_CASE(save_into_a_missing_directory_names_the_file) {
  const auto path = scratch_dir("npy_save_fail") / "no" / "such" / "dir.npy";
  BOOST_TEST(contains_all(format_error_of([&] { io::save_npy(path, Vector::Ones(2)); }), "save_npy", path.string(),
                          "cannot open"));
}

// --- malformed input ----------------------------------------------------------

BOOST_AUTO_TEST_CASE(missing_file_and_directory_are_format_errors) {
  const auto dir = scratch_dir("npy_missing");
  BOOST_TEST(
      contains_all(format_error_of([&] { io::load_npy<double>(dir / "absent.npy"); }), "absent.npy", "no such file"));
  BOOST_TEST(contains_all(format_error_of([&] { io::npy_info(dir); }), "not a regular file"));
}

BOOST_AUTO_TEST_CASE(rejects_empty_and_non_npy_files) {
  const auto dir = scratch_dir("npy_empty");
  BOOST_TEST(
      contains_all(format_error_of([&] { io::load_npy<double>(write_file(dir, "e.npy", "")); }), "e.npy", "empty"));
  BOOST_TEST(
      contains_all(format_error_of([&] { io::load_npy<double>(write_file(dir, "t.npy", "1,2,3\n")); }), "magic"));
  BOOST_TEST(
      contains_all(format_error_of([&] { io::load_npy<double>(write_file(dir, "p.npy", "\x93NUM")); }), "truncated"));
}

BOOST_AUTO_TEST_CASE(rejects_unknown_versions) {
  const auto dir = scratch_dir("npy_version");
  std::string bytes = npy_bytes("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", double_bytes({1.0}));
  bytes[6] = 4;
  BOOST_TEST(
      contains_all(format_error_of([&] { io::load_npy<double>(write_file(dir, "v4.npy", bytes)); }), "version 4.0"));
  bytes[6] = 1;
  bytes[7] = 1;
  BOOST_TEST(
      contains_all(format_error_of([&] { io::load_npy<double>(write_file(dir, "v11.npy", bytes)); }), "version 1.1"));
}

BOOST_AUTO_TEST_CASE(rejects_a_header_longer_than_the_file) {
  const auto dir = scratch_dir("npy_header_length");
  std::string bytes = npy_bytes("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", double_bytes({1.0}));
  bytes[8] = '\xff';
  bytes[9] = '\xff';
  BOOST_TEST(contains_all(format_error_of([&] { io::load_npy<double>(write_file(dir, "h1.npy", bytes)); }), "truncated",
                          "65535"));
  // Version 2.0 allows a 4 GiB header; it is never allocated from the declared length.
  std::string v2 = npy_bytes("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", double_bytes({1.0}), 2);
  v2[8] = v2[9] = v2[10] = v2[11] = '\xff';
  BOOST_TEST(contains_all(format_error_of([&] { io::load_npy<double>(write_file(dir, "h2.npy", v2)); }), "4294967295"));
}

BOOST_AUTO_TEST_CASE(rejects_malformed_headers) {
  const auto dir = scratch_dir("npy_headers");
  const std::string data = double_bytes({1.0, 2.0});
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"[1, 2]", "expected '{'"},
      {"{'descr': '<f8', 'fortran_order': False}", "needs the keys"},
      {"{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'extra': 1}", "'extra'"},
      {"{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (2,)}", "repeated key"},
      {"{'descr': '<f8', 'fortran_order': false, 'shape': (2,)}", "True or False"},
      {"{'descr': '<f8', 'fortran_order': False, 'shape': (2)}", "(n,)"},
      {"{'descr': '<f8', 'fortran_order': False, 'shape': (-2,)}", "non-negative"},
      {"{'descr': '<f8', 'fortran_order': False, 'shape': [2]}", "expected '('"},
      {"{'descr': '<f8', 'fortran_order': False, 'shape': (2,)} junk", "after the closing"},
      {"{'descr': '<f8', 'fortran_order': False, 'shape': (2,), ", "expected a quoted string"},
      {"{'descr': <f8, 'fortran_order': False, 'shape': (2,)}", "quoted string"},
      {"{'descr': '<f8\\x00', 'fortran_order': False, 'shape': (2,)}", "escape"},
      {"{'descr': '<q8', 'fortran_order': False, 'shape': (2,)}", "unsupported dtype '<q8'"},
  };
  for (const auto& [header, expected] : cases) {
    BOOST_TEST_CONTEXT(header) {
      const auto path = write_file(dir, "h.npy", npy_bytes(header, data));
      const std::string message = format_error_of([&] { io::load_npy<double>(path); });
      BOOST_TEST(contains_all(message, "h.npy", expected), message);
    }
  }
}

BOOST_AUTO_TEST_CASE(rejects_shapes_that_overflow_or_exceed_the_file) {
  const auto dir = scratch_dir("npy_oversized");
  const std::string data = double_bytes({1.0, 2.0});
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"(3,)", "needs 24 data bytes but the file holds 16"},
      {"(4611686018427387904, 4)", "overflows"},
      {"(3037000500, 3037000500)", "overflows"},
      {"(99999999999999999999,)", "overflows a 64-bit integer"},
      {"(1,)", "8 unexpected trailing bytes"},
      {"(1000000000000,)", "truncated"},
  };
  for (const auto& [shape, expected] : cases) {
    BOOST_TEST_CONTEXT(shape) {
      const auto path =
          write_file(dir, "s.npy", npy_bytes("{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + "}", data));
      const std::string message = format_error_of([&] { io::load_npy<double>(path); });
      BOOST_TEST(contains_all(message, expected), message);
    }
  }
}

BOOST_AUTO_TEST_CASE(an_empty_array_may_declare_a_huge_other_dimension) {
  // np.empty((0, 10**18)) is a valid, empty array; nothing is allocated for it.
  const auto dir = scratch_dir("npy_empty_huge");
  const auto path = write_file(
      dir, "e.npy", npy_bytes("{'descr': '<f8', 'fortran_order': False, 'shape': (0, 1000000000000000000), }", ""));
  const Matrix a = io::load_npy<double>(path);
  BOOST_TEST(a.rows() == 0);
  BOOST_TEST(a.cols() == 1000000000000000000);
  io::save_npy(dir / "copy.npy", a);
  BOOST_TEST((io::npy_info(dir / "copy.npy").shape == std::vector<Index>{0, 1000000000000000000}));
}

BOOST_AUTO_TEST_CASE(accepts_hand_written_variants_numpy_also_reads) {
  const auto dir = scratch_dir("npy_variants");
  // Double quotes, no padding, keys in another order, no trailing comma, a
  // Python 2 long literal, a native-order descr.
  const auto path = write_file(
      dir, "ok.npy",
      npy_bytes("{\"shape\": (2L, 1), \"fortran_order\": True, \"descr\": \"=f8\"}", double_bytes({1.5, -2.5})));
  const Matrix a = io::load_npy<double>(path);
  BOOST_TEST(a.rows() == 2);
  BOOST_TEST(a(1, 0) == -2.5);
}

BOOST_AUTO_TEST_CASE(every_truncation_of_a_valid_file_is_a_format_error) {
  const std::string bytes = read_bytes(fixture("npy_f8_c_3x4.npy"));
  const auto dir = scratch_dir("npy_truncated");
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    const auto path = write_file(dir, "t.npy", std::string_view(bytes).substr(0, n));
    BOOST_TEST(!succeeds_or_format_error([&] { io::load_npy<double>(path); }), "prefix of " << n << " bytes");
  }
}

BOOST_AUTO_TEST_CASE(every_single_bit_flip_loads_or_is_a_format_error) {
  // A flipped data bit gives another valid file; a flipped header bit must be
  // caught. Nothing else (a crash, another exception) is allowed.
  std::string bytes = read_bytes(fixture("npy_be_i4_f_3x4.npy"));
  const auto dir = scratch_dir("npy_bit_flips");
  int rejected = 0;
  for (std::size_t k = 0; k < bytes.size(); ++k) {
    for (int bit = 0; bit < 8; ++bit) {
      bytes[k] = static_cast<char>(bytes[k] ^ (1 << bit));
      const auto path = write_file(dir, "f.npy", bytes);
      rejected += succeeds_or_format_error([&] {
        io::load_npy<double>(path);
        io::npy_info(path);
      })
                      ? 0
                      : 1;
      bytes[k] = static_cast<char>(bytes[k] ^ (1 << bit));
    }
  }
  BOOST_TEST(rejected > 0);
}

BOOST_AUTO_TEST_CASE(random_garbage_is_a_format_error) {
  const auto dir = scratch_dir("npy_garbage");
  std::mt19937 rng(7);
  for (int trial = 0; trial < 50; ++trial) {
    std::string bytes(static_cast<std::size_t>(rng() % 300), '\0');
    for (char& c : bytes) c = static_cast<char>(rng());
    if (trial % 2) bytes.replace(0, std::min<std::size_t>(8, bytes.size()), std::string("\x93NUMPY\x01\x00", 8));
    const auto path = write_file(dir, "g.npy", bytes);
    BOOST_TEST(!succeeds_or_format_error([&] { io::load_npy<double>(path); }), "trial " << trial);
  }
}

BOOST_AUTO_TEST_SUITE_END()
