#include <boost/test/unit_test.hpp>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <numeric>
#include <optional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io.hpp>
#include <scilearn/learn/datasets/loaders.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(datasets_loaders)

using namespace scilearn;
using namespace scilearn::learn;
namespace fs = std::filesystem;

namespace {

// tests/data/learn/datasets/values.csv as case -> quantity -> value.
const std::map<std::string, std::map<std::string, std::string>>& reference() {
  static const auto values = [] {
    std::map<std::string, std::map<std::string, std::string>> m;
    for (const auto& row : testing::read_manifest("learn/datasets/values.csv")) m[row.at(0)][row.at(1)] = row.at(2);
    return m;
  }();
  return values;
}

std::vector<std::string> split(const std::string& s, char delimiter) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, delimiter);) out.push_back(item);
  return out;
}

std::vector<double> numbers(const std::string& s) {
  std::vector<double> out;
  for (const auto& item : split(s, ';')) out.push_back(std::stod(item));
  return out;
}

double number(const std::string& c, const std::string& q) { return std::stod(reference().at(c).at(q)); }

void check_close(double actual, double expected, double rel, const std::string& what) {
  BOOST_TEST_CONTEXT(what) { BOOST_TEST(std::abs(actual - expected) <= rel * std::abs(expected)); }
}

// The data set against scikit-learn's: exact shape, names, rows and labels
// (the files are the same decimal text, and both sides round it correctly);
// sums to 1e-13 relative (ours summed in order, the reference correctly
// rounded: at most n * eps of the sum of magnitudes, n <= 115008, and every
// entry here is non-negative or the sum is far from cancelling).
void check_against_sklearn(const std::string& c, const Dataset& d, double row_tolerance = 0) {
  const auto& ref = reference().at(c);
  const auto shape = numbers(ref.at("shape"));
  BOOST_TEST_REQUIRE(d.data.rows() == static_cast<Index>(shape[0]));
  BOOST_TEST_REQUIRE(d.data.cols() == static_cast<Index>(shape[1]));
  BOOST_TEST(d.target.size() == d.data.rows());

  double sum = 0, squares = 0, weighted = 0;
  for (Index i = 0; i < d.data.rows(); ++i)
    for (Index j = 0; j < d.data.cols(); ++j) {
      const double x = d.data(i, j);
      sum += x;
      squares += x * x;
      weighted += x * (1.0 + static_cast<double>((7 * i + 13 * j) % 11));
    }
  double target_weighted = 0;
  for (Index i = 0; i < d.target.size(); ++i) target_weighted += d.target(i) * (1.0 + static_cast<double>(i % 7));
  // Scaled diabetes columns sum to ~1e-13 by construction: compared absolutely.
  if (std::abs(number(c, "data_sum")) < 1e-10)
    BOOST_TEST(std::abs(sum - number(c, "data_sum")) <= 1e-12);
  else
    check_close(sum, number(c, "data_sum"), 1e-13, "data_sum");
  check_close(squares, number(c, "data_sumsq"), 1e-13, "data_sumsq");
  if (std::abs(number(c, "data_weighted")) < 1e-10)
    BOOST_TEST(std::abs(weighted - number(c, "data_weighted")) <= 1e-12);
  else
    check_close(weighted, number(c, "data_weighted"), 1e-12, "data_weighted");
  check_close(d.target.sum(), number(c, "target_sum"), 1e-14, "target_sum");
  check_close(target_weighted, number(c, "target_weighted"), 1e-14, "target_weighted");

  const auto first = numbers(ref.at("first_row"));
  const auto last = numbers(ref.at("last_row"));
  for (Index j = 0; j < d.data.cols(); ++j) {
    BOOST_TEST(std::abs(d.data(0, j) - first[static_cast<std::size_t>(j)]) <= row_tolerance);
    BOOST_TEST(std::abs(d.data(d.data.rows() - 1, j) - last[static_cast<std::size_t>(j)]) <= row_tolerance);
  }
  const auto targets = numbers(ref.at("first_targets"));
  for (Index i = 0; i < 5; ++i) BOOST_TEST(d.target(i) == targets[static_cast<std::size_t>(i)]);

  BOOST_TEST(d.feature_names == split(ref.at("feature_names"), '|'), boost::test_tools::per_element());
  if (ref.count("target_names") != 0) {
    BOOST_TEST(d.target_names == split(ref.at("target_names"), '|'), boost::test_tools::per_element());
    const auto counts = numbers(ref.at("class_counts"));
    for (std::size_t k = 0; k < counts.size(); ++k)
      BOOST_TEST((d.target.array() == static_cast<double>(k)).count() == static_cast<Index>(counts[k]));
  } else {
    BOOST_TEST(d.target_names.empty());
  }
  BOOST_TEST(d.descr.size() == std::stoul(ref.at("descr_length")));
  BOOST_TEST(d.descr.substr(0, d.descr.find('\n')) == ref.at("descr_first_line"));
}

// Sets SCILEARN_DATA_DIR for one scope and restores what was there.
class DataDirOverride {
 public:
  explicit DataDirOverride(const fs::path& dir) {
    if (const char* old = std::getenv("SCILEARN_DATA_DIR")) old_ = old;
    ::setenv("SCILEARN_DATA_DIR", dir.c_str(), 1);
  }
  ~DataDirOverride() {
    if (old_)
      ::setenv("SCILEARN_DATA_DIR", old_->c_str(), 1);
    else
      ::unsetenv("SCILEARN_DATA_DIR");
  }
  DataDirOverride(const DataDirOverride&) = delete;
  DataDirOverride& operator=(const DataDirOverride&) = delete;

 private:
  std::optional<std::string> old_;
};

// A scratch copy of the data directory, for corrupting one file.
fs::path copy_of_data(const std::string& name) {
  const fs::path dir = testing::scratch_dir(name);
  fs::copy(dataset_dir(), dir, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  return dir;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
}

// Expects a FormatError from load whose message names the file.
void expect_format_error(const std::function<void()>& load, const fs::path& file, const std::string& also = "") {
  const std::string message = testing::message_of<FormatError>(load);
  BOOST_TEST_CONTEXT(message) {
    BOOST_TEST(message.find(file.string()) != std::string::npos);
    BOOST_TEST(message.find(also) != std::string::npos);
  }
}

}  // namespace

BOOST_AUTO_TEST_CASE(iris_matches_sklearn) {
  const Dataset d = load_iris();
  check_against_sklearn("iris", d);
  BOOST_TEST(d.descr.find("Iris plants dataset") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(wine_matches_sklearn) { check_against_sklearn("wine", load_wine()); }

BOOST_AUTO_TEST_CASE(breast_cancer_matches_sklearn) { check_against_sklearn("breast_cancer", load_breast_cancer()); }

BOOST_AUTO_TEST_CASE(raw_diabetes_matches_sklearn) {
  check_against_sklearn("diabetes_raw", load_diabetes({.scaled = false}));
}

// scikit-learn's scaling in full: every entry within 4e-17 absolute (the
// entries are below 0.2; the same operations in the same order agree to the
// last bit or so, and this allows a few ulps).
BOOST_AUTO_TEST_CASE(scaled_diabetes_matches_sklearn) {
  const Dataset d = load_diabetes();
  check_against_sklearn("diabetes", d, 4e-17);
  const Matrix expected = io::load_npy<double>(testing::fixture_path("learn/datasets/diabetes_scaled.npy"));
  BOOST_TEST_REQUIRE(expected.rows() == d.data.rows());
  BOOST_TEST((d.data - expected).cwiseAbs().maxCoeff() <= 4e-17);
  // The documented property: columns of mean 0 and sum of squares 1. The raw
  // columns' means are up to 20 standard deviations from 0 (bp: 95 +- 14), so
  // centring leaves ~1e-16 * 20 / sqrt(442) per entry; summed: below 2e-13.
  for (Index j = 0; j < d.data.cols(); ++j) {
    BOOST_TEST(std::abs(d.data.col(j).sum()) <= 2e-13);
    BOOST_TEST(std::abs(d.data.col(j).squaredNorm() - 1) <= 1e-14);
  }
}

BOOST_AUTO_TEST_CASE(digits_match_sklearn) {
  const Dataset d = load_digits();
  check_against_sklearn("digits", d);
  BOOST_TEST(d.data.minCoeff() == 0);
  BOOST_TEST(d.data.maxCoeff() == 16);
}

BOOST_AUTO_TEST_CASE(digits_with_five_classes_match_sklearn) {
  const Dataset d = load_digits({.n_class = 5});
  check_against_sklearn("digits5", d);
  BOOST_TEST(d.target.maxCoeff() == 4);
  BOOST_TEST(d.target_names.size() == 10U);  // as scikit-learn: always "0" .. "9"
}

BOOST_AUTO_TEST_CASE(digits_rejects_n_class_out_of_range) {
  for (const int n_class : {0, 11, -1}) {
    const std::string message = testing::message_of<ValueError>([&] { (void)load_digits({.n_class = n_class}); });
    BOOST_TEST(message.find("load_digits") != std::string::npos);
    BOOST_TEST(message.find(std::to_string(n_class)) != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(dataset_dir_follows_the_environment_variable) {
  const fs::path found = dataset_dir();
  BOOST_TEST(fs::is_regular_file(found / "iris.csv"));
  BOOST_TEST(fs::is_regular_file(found / "descr" / "iris.rst"));
  const fs::path copy = copy_of_data("env");
  {
    const DataDirOverride env(copy);
    BOOST_TEST(dataset_dir() == copy);
    BOOST_TEST(load_iris().data.rows() == 150);
  }
  BOOST_TEST(dataset_dir() == found);
  {
    const DataDirOverride empty("");  // empty counts as unset
    BOOST_TEST(dataset_dir() == found);
  }
  fs::remove_all(copy);
}

BOOST_AUTO_TEST_CASE(missing_directory_or_file_is_a_format_error_naming_the_file) {
  const fs::path dir = testing::scratch_dir("missing");
  const DataDirOverride env(dir / "nowhere");
  expect_format_error([] { (void)load_iris(); }, dir / "nowhere" / "iris.csv", "no such data file");
  expect_format_error([] { (void)load_diabetes(); }, dir / "nowhere" / "diabetes_data_raw.csv");
  expect_format_error([] { (void)load_digits(); }, dir / "nowhere" / "digits.csv");
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(malformed_files_are_format_errors_naming_the_file) {
  const fs::path dir = copy_of_data("malformed");
  const DataDirOverride env(dir);
  const fs::path iris = dir / "iris.csv";
  const std::string good = read(iris);
  const auto with_iris = [&](const std::string& text, const std::string& also) {
    write(iris, text);
    expect_format_error([] { (void)load_iris(); }, iris, also);
  };
  const std::string header = good.substr(0, good.find('\n') + 1);
  const std::string body = good.substr(header.size());
  with_iris("", "empty");
  with_iris(good.substr(0, good.size() / 2), "");                                        // truncated
  with_iris(good + "5.0,3.0,1.0,0.2,0\n", "unexpected line");                            // an extra row
  with_iris("151,4,setosa,versicolor,virginica\n" + body, "151");                        // wrong count
  with_iris("150,4,setosa,versicolor\n" + body, "expected 5 fields");                    // a class name missing
  with_iris(header + "5.1,3.5,1.4,0.2\n" + body.substr(body.find('\n') + 1), "fields");  // a field missing
  with_iris(header + "5.1,abc,1.4,0.2,0\n" + body.substr(body.find('\n') + 1), "'abc' is not a finite number");
  with_iris(header + "5.1,3.5,1.4,nan,0\n" + body.substr(body.find('\n') + 1), "not a finite number");
  with_iris(header + "5.1,3.5,1.4,0.2,7\n" + body.substr(body.find('\n') + 1), "class label 7");
  with_iris(header + "5.1,3.5,1.4,0.2,0.5\n" + body.substr(body.find('\n') + 1), "not an integer");
  write(iris, good);
  BOOST_TEST(load_iris().data.rows() == 150);

  // A non-digit label in digits.csv, a short line in the diabetes data.
  const fs::path digits = dir / "digits.csv";
  std::string text = read(digits);
  text.replace(text.find('\n') - 1, 1, "12");
  write(digits, text);
  expect_format_error([] { (void)load_digits(); }, digits, "not a digit");
  const fs::path diabetes = dir / "diabetes_data_raw.csv";
  text = read(diabetes);
  write(diabetes, text.substr(text.find(' ') + 1));
  expect_format_error([] { (void)load_diabetes(); }, diabetes, "fields");

  // A missing description.
  fs::remove(dir / "descr" / "wine_data.rst");
  expect_format_error([] { (void)load_wine(); }, dir / "descr" / "wine_data.rst");
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()
