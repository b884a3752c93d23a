#include <bit>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <scilearn/core/io/csv.hpp>

#include "core/io/io_testing.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(csv)

using namespace scilearn;
using namespace scilearn::testing;

namespace {

std::filesystem::path fixture(std::string_view name) {
  return fixture_path(std::string("core/io/") + std::string(name));
}

// Loads CSV text written to a scratch file.
io::CsvTable load_text(std::string_view text, const io::CsvOptions& options = {}) {
  static int counter = 0;
  const auto dir = scratch_dir("csv_text");
  return io::load_csv(write_file(dir, "t" + std::to_string(counter++) + ".csv", text), options);
}

std::string error_of_text(std::string_view text, const io::CsvOptions& options = {}) {
  return format_error_of([&] { load_text(text, options); });
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

}  // namespace

// --- reading ------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(reads_numpy_savetxt_output_with_header) {
  const io::CsvTable t = io::load_csv(fixture("csv_numpy_header_3x4.csv"), {.header = true});
  BOOST_TEST((t.columns == std::vector<std::string>{"a", "b", "c", "d"}));
  BOOST_TEST_REQUIRE(t.values.rows() == 3);
  BOOST_TEST_REQUIRE(t.values.cols() == 4);
  for (Index i = 0; i < 3; ++i) {
    for (Index j = 0; j < 4; ++j) BOOST_TEST(t.values(i, j) == grid(i, j));
  }
}

BOOST_AUTO_TEST_CASE(without_header_option_a_header_line_is_a_non_numeric_field) {
  const auto message = format_error_of([] { io::load_csv(fixture("csv_numpy_header_3x4.csv")); });
  BOOST_TEST(contains_all(message, "load_csv", "csv_numpy_header_3x4.csv", "line 1, column 1", "'a' is not a number"),
             message);
}

BOOST_AUTO_TEST_CASE(reads_numbers_as_python_float_does) {
  const io::CsvTable t = load_text("1,-2.5e-3,+4,.5,7.\nnan,inf,-inf,NaN,-Infinity\n1e400,-1e400,1e-400,4.9e-324,-0\n");
  BOOST_TEST(t.values(0, 1) == -2.5e-3);
  BOOST_TEST(t.values(0, 2) == 4.0);
  BOOST_TEST(t.values(0, 3) == 0.5);
  BOOST_TEST(t.values(0, 4) == 7.0);
  BOOST_TEST(std::isnan(t.values(1, 0)));
  BOOST_TEST(t.values(1, 1) == std::numeric_limits<double>::infinity());
  BOOST_TEST(t.values(1, 2) == -std::numeric_limits<double>::infinity());
  BOOST_TEST(std::isnan(t.values(1, 3)));
  BOOST_TEST(t.values(1, 4) == -std::numeric_limits<double>::infinity());
  BOOST_TEST(t.values(2, 0) == std::numeric_limits<double>::infinity());  // overflow, as float("1e400")
  BOOST_TEST(t.values(2, 1) == -std::numeric_limits<double>::infinity());
  BOOST_TEST(t.values(2, 2) == 0.0);  // underflow, as float("1e-400")
  BOOST_TEST(t.values(2, 3) == std::numeric_limits<double>::denorm_min());
  BOOST_TEST(std::signbit(t.values(2, 4)));
}

BOOST_AUTO_TEST_CASE(accepts_blanks_crlf_bom_blank_lines_and_no_final_newline) {
  const io::CsvTable t = load_text("\xEF\xBB\xBF  x , y\r\n\r\n 1 ,\t2\r\n\n3,4", {.header = true});
  BOOST_TEST((t.columns == std::vector<std::string>{"x", "y"}));
  BOOST_TEST((t.values == Matrix{{1.0, 2.0}, {3.0, 4.0}}));
}

BOOST_AUTO_TEST_CASE(other_delimiters) {
  BOOST_TEST((load_text("1;2\n3;4\n", {.delimiter = ';'}).values == Matrix{{1.0, 2.0}, {3.0, 4.0}}));
  BOOST_TEST((load_text("a\tb\n1\t2\n", {.delimiter = '\t', .header = true}).values == Matrix{{1.0, 2.0}}));
}

BOOST_AUTO_TEST_CASE(quoted_header_names) {
  const io::CsvTable t = load_text("\"a,b\", \"say \"\"hi\"\"\" ,\"\",plain\n1,2,3,4\n", {.header = true});
  BOOST_TEST((t.columns == std::vector<std::string>{"a,b", "say \"hi\"", "", "plain"}));
}

BOOST_AUTO_TEST_CASE(header_only_gives_zero_rows) {
  const io::CsvTable t = load_text("a,b,c\n", {.header = true});
  BOOST_TEST(t.columns.size() == 3u);
  BOOST_TEST(t.values.rows() == 0);
  BOOST_TEST(t.values.cols() == 3);
}

BOOST_AUTO_TEST_CASE(single_column) { BOOST_TEST((load_text("1\n2\n3\n").values == Matrix{{1.0}, {2.0}, {3.0}})); }

// --- malformed input ----------------------------------------------------------

BOOST_AUTO_TEST_CASE(ragged_rows_name_line_and_column) {
  BOOST_TEST(contains_all(error_of_text("1,2,3\n4,5,6\n7,8\n"), "line 3, column 3", "missing field",
                          "expected 3 fields as on line 1, got 2"));
  BOOST_TEST(contains_all(error_of_text("a,b\n1,2\n3,4,5\n", {.header = true}), "line 3, column 3", "extra field",
                          "as on line 1"));
}

BOOST_AUTO_TEST_CASE(empty_and_non_numeric_fields_name_line_and_column) {
  BOOST_TEST(contains_all(error_of_text("1,2\n3,\n"), "line 2, column 2", "empty field"));
  BOOST_TEST(contains_all(error_of_text("1,2\n3, ,4\n"), "line 2, column 2", "empty field"));
  BOOST_TEST(contains_all(error_of_text("1,2\nabc,4\n"), "line 2, column 1", "'abc' is not a number"));
  BOOST_TEST(contains_all(error_of_text("1,0x10\n"), "line 1, column 2", "'0x10'"));
  BOOST_TEST(contains_all(error_of_text("1,\"2\"\n"), "line 1, column 2", "'\"2\"' is not a number"));
  BOOST_TEST(contains_all(error_of_text("1,2 3\n"), "line 1, column 2", "'2 3'"));
  BOOST_TEST(contains_all(error_of_text("1,--2\n"), "column 2"));
  BOOST_TEST(contains_all(error_of_text("1,+-2\n"), "column 2"));
  BOOST_TEST(contains_all(error_of_text("1,nan(1)\n"), "column 2"));
  BOOST_TEST(contains_all(error_of_text(std::string("1,2\x00\n", 5)), "line 1, column 2", "'2\\x00'"));
}

BOOST_AUTO_TEST_CASE(empty_missing_and_bad_header_files) {
  BOOST_TEST(contains_all(error_of_text(""), "load_csv", "empty"));
  BOOST_TEST(contains_all(error_of_text("\n  \r\n\n"), "empty"));
  BOOST_TEST(contains_all(format_error_of([] { io::load_csv(scratch_dir("csv_missing") / "absent.csv"); }),
                          "absent.csv", "no such file"));
  BOOST_TEST(contains_all(error_of_text("\"a,b\n1\n", {.header = true}), "line 1, column 1", "unterminated"));
  BOOST_TEST(contains_all(error_of_text("\"a\"x,b\n1,2\n", {.header = true}), "line 1, column 1", "after a quoted"));
  BOOST_TEST(contains_all(error_of_text("a\"b,c\n1,2\n", {.header = true}), "line 1, column 1", "stray quote"));
}

BOOST_AUTO_TEST_CASE(bad_delimiters_are_value_errors) {
  const auto dir = scratch_dir("csv_delimiter");
  const auto path = write_file(dir, "a.csv", "1,2\n");
  for (const char d : {'1', 'e', '.', '-', '+', '"', ' ', '\n', '\r', '\0'}) {
    BOOST_TEST_CONTEXT("delimiter code " << static_cast<int>(d)) {
      BOOST_CHECK_THROW(io::load_csv(path, {.delimiter = d}), ValueError);
      BOOST_CHECK_THROW(io::save_csv(dir / "b.csv", Matrix::Ones(1, 1), {.delimiter = d}), ValueError);
    }
  }
}

BOOST_AUTO_TEST_CASE(every_truncation_and_bit_flip_loads_or_is_a_format_error) {
  std::string bytes = read_bytes(fixture("csv_numpy_header_3x4.csv"));
  const auto dir = scratch_dir("csv_flips");
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    const auto path = write_file(dir, "t.csv", std::string_view(bytes).substr(0, n));
    succeeds_or_format_error([&] { io::load_csv(path, {.header = true}); });
  }
  int rejected = 0;
  for (std::size_t k = 0; k < bytes.size(); ++k) {
    for (int bit = 0; bit < 8; ++bit) {
      bytes[k] = static_cast<char>(bytes[k] ^ (1 << bit));
      const auto path = write_file(dir, "f.csv", bytes);
      rejected += succeeds_or_format_error([&] { io::load_csv(path, {.header = true}); }) ? 0 : 1;
      bytes[k] = static_cast<char>(bytes[k] ^ (1 << bit));
    }
  }
  BOOST_TEST(rejected > 0);
}

BOOST_AUTO_TEST_CASE(random_garbage_is_a_format_error_or_numbers) {
  const auto dir = scratch_dir("csv_garbage");
  std::mt19937 rng(11);
  const std::string alphabet = "0123456789.,-+eE \t\r\n\"nainf";
  for (int trial = 0; trial < 200; ++trial) {
    std::string bytes(static_cast<std::size_t>(rng() % 80), '\0');
    for (char& c : bytes) c = trial % 2 ? static_cast<char>(rng()) : alphabet[rng() % alphabet.size()];
    const auto path = write_file(dir, "g.csv", bytes);
    succeeds_or_format_error([&] { io::load_csv(path, {.header = trial % 3 == 0}); });
  }
}

// --- writing ------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(round_trip_is_exact_including_specials) {
  std::mt19937_64 rng(42);
  Matrix a(20, 6);
  for (Index k = 0; k < a.size(); ++k) {
    std::uint64_t bits = rng();
    double x;
    std::memcpy(&x, &bits, sizeof x);
    a(k) = x;
  }
  a(0, 0) = std::numeric_limits<double>::quiet_NaN();
  a(1, 0) = std::numeric_limits<double>::infinity();
  a(2, 0) = -std::numeric_limits<double>::infinity();
  a(3, 0) = -0.0;
  a(4, 0) = std::numeric_limits<double>::denorm_min();
  a(5, 0) = std::numeric_limits<double>::max();
  a(6, 0) = 0.1;
  a(7, 0) = 1.0 / 3.0;
  const auto dir = scratch_dir("csv_round_trip");
  io::save_csv(dir / "a.csv", a);
  const Matrix b = io::load_csv(dir / "a.csv").values;
  BOOST_TEST_REQUIRE(b.rows() == a.rows());
  BOOST_TEST_REQUIRE(b.cols() == a.cols());
  for (Index k = 0; k < a.size(); ++k) {
    BOOST_TEST((std::isnan(a(k)) ? std::isnan(b(k)) : same_bits(a(k), b(k))), "entry " << k << ": " << a(k));
  }
}

BOOST_AUTO_TEST_CASE(writes_the_shortest_exact_decimal) {
  const auto dir = scratch_dir("csv_text_out");
  io::save_csv(dir / "a.csv", Matrix{{0.1, -2.0, 1e300},
                                     {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(),
                                      -std::numeric_limits<double>::infinity()}});
  BOOST_TEST(read_bytes(dir / "a.csv") == "0.1,-2,1e+300\nnan,inf,-inf\n");
}

BOOST_AUTO_TEST_CASE(header_names_round_trip_with_quoting) {
  const auto dir = scratch_dir("csv_header_out");
  const std::vector<std::string> names = {"plain", "with,comma", "with \"quote\"", "", " padded "};
  const Matrix a = Matrix::Random(3, 5);
  io::save_csv(dir / "a.csv", a, {.delimiter = ';', .header = true}, names);
  const io::CsvTable t = io::load_csv(dir / "a.csv", {.delimiter = ';', .header = true});
  BOOST_TEST((t.columns == names));
  BOOST_TEST((t.values == a));
  BOOST_TEST(read_bytes(dir / "a.csv").substr(0, 48) == "plain;with,comma;\"with \"\"quote\"\"\";\"\";\" padded \"\n");
}

BOOST_AUTO_TEST_CASE(save_checks_its_arguments) {
  const auto dir = scratch_dir("csv_save_args");
  BOOST_CHECK_THROW(io::save_csv(dir / "a.csv", Matrix::Ones(2, 3), {.header = true}, {"a", "b"}), ValueError);
  BOOST_CHECK_THROW(io::save_csv(dir / "a.csv", Matrix(2, 0)), ValueError);
  BOOST_CHECK_THROW(io::save_csv(dir / "a.csv", Matrix(0, 2)), ValueError);
  BOOST_CHECK_THROW(io::save_csv(dir / "a.csv", Matrix::Ones(1, 1), {.header = true}, {"line\nbreak"}), ValueError);
  io::save_csv(dir / "h.csv", Matrix(0, 2), {.header = true}, {"a", "b"});
  BOOST_TEST(io::load_csv(dir / "h.csv", {.header = true}).values.cols() == 2);
  const auto bad = dir / "missing" / "a.csv";
  BOOST_TEST(contains_all(format_error_of([&] { io::save_csv(bad, Matrix::Ones(1, 1)); }), "save_csv", bad.string()));
}

BOOST_AUTO_TEST_SUITE_END()
