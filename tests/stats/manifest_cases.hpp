#pragma once
// The rows of a test manifest tests/data/stats/<dir>/cases.csv, as the
// reference scripts tests/reference/stats_*.py write them: the inputs' file
// prefix, the function, the alternative (in the manifests that have that
// column), the options as key=value pairs joined by ';', then SciPy's result
// fields v0, v1, ...

#include <boost/test/unit_test.hpp>
#include <map>
#include <scilearn/core/io.hpp>
#include <scilearn/stats/hypothesis_tests.hpp>
#include <string>
#include <vector>

#include "support/fixtures.hpp"

namespace scilearn::testing {

struct ManifestCase {
  std::string dir, name, function, options_text;
  stats::Alternative alternative = stats::Alternative::two_sided;
  std::map<std::string, std::string> options;
  std::vector<double> values;

  // The input array <dir>/<name>_<key>.npy, as a matrix, its first column,
  // or all its entries in storage order.
  [[nodiscard]] Matrix matrix(const std::string& key) const {
    return io::load_npy<double>(fixture_path(dir + "/" + name + "_" + key + ".npy"));
  }
  [[nodiscard]] Vector column(const std::string& key) const { return matrix(key).col(0); }
  [[nodiscard]] Vector vector(const std::string& key) const {
    const Matrix m = matrix(key);
    return m.size() == 0 ? Vector() : Vector(m.reshaped());
  }
  [[nodiscard]] double option(const std::string& key) const { return std::stod(options.at(key)); }
  [[nodiscard]] const std::string& text(const std::string& key) const { return options.at(key); }
  [[nodiscard]] Index integer(const std::string& key) const { return std::stoll(options.at(key)); }
  [[nodiscard]] std::string label() const { return function + " " + name + " " + options_text; }
};

// The cases of one function in <dir>/cases.csv (dir relative to tests/data).
inline std::vector<ManifestCase> manifest_cases(const std::string& dir, const std::string& function,
                                                bool alternative_column = true) {
  const std::size_t options_at = alternative_column ? 3 : 2;
  std::vector<ManifestCase> out;
  for (const auto& row : read_manifest(dir + "/cases.csv")) {
    BOOST_TEST_REQUIRE(row.size() > options_at);
    if (row[1] != function) continue;
    ManifestCase c;
    c.dir = dir;
    c.name = row[0];
    c.function = row[1];
    if (alternative_column) {
      c.alternative = row[2] == "less"      ? stats::Alternative::less
                      : row[2] == "greater" ? stats::Alternative::greater
                                            : stats::Alternative::two_sided;
    }
    const std::string& options = row[options_at];
    c.options_text = options;
    for (std::size_t start = 0; start < options.size();) {
      const std::size_t end = std::min(options.find(';', start), options.size());
      const std::string pair = options.substr(start, end - start);
      c.options[pair.substr(0, pair.find('='))] = pair.substr(pair.find('=') + 1);
      start = end + 1;
    }
    for (std::size_t k = options_at + 1; k < row.size() && !row[k].empty(); ++k) c.values.push_back(std::stod(row[k]));
    out.push_back(std::move(c));
  }
  BOOST_TEST_REQUIRE(!out.empty());
  return out;
}

}  // namespace scilearn::testing
