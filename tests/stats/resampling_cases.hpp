#pragma once
// The cases of tests/data/stats/resampling/cases.csv
// (tests/reference/stats_resampling.py, SciPy 1.17), which
// regression_slopes_test.cpp and resampling_test.cpp read, and how they
// compare and report.

#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <cmath>
#include <iostream>
#include <map>
#include <scilearn/core/io.hpp>
#include <scilearn/core/types.hpp>
#include <scilearn/core/warnings.hpp>
#include <string>
#include <vector>

#include "support/fixtures.hpp"

namespace scilearn::testing::resampling {

// One row of the manifest: SciPy's results v0, v1, ... and the case's arrays.
struct Case {
  std::string name, function;
  std::map<std::string, std::string> options;
  std::vector<double> values;

  [[nodiscard]] Matrix matrix(const std::string& key) const {
    return io::load_npy<double>(fixture_path("stats/resampling/" + name + "_" + key + ".npy"));
  }
  [[nodiscard]] Vector vector(const std::string& key) const {
    const Matrix m = matrix(key);
    return m.size() == 0 ? Vector() : Vector(m.reshaped());
  }
  [[nodiscard]] const std::string& option(const std::string& key) const { return options.at(key); }
  [[nodiscard]] double number(const std::string& key) const { return std::stod(options.at(key)); }
  [[nodiscard]] std::string label() const {
    std::string text = name + " " + function;
    for (const auto& [key, value] : options) text += " " + key + "=" + value;
    return text;
  }
};

inline std::vector<Case> cases_of(const std::string& function) {
  std::vector<Case> out;
  for (const auto& row : read_manifest("stats/resampling/cases.csv")) {
    BOOST_TEST_REQUIRE(row.size() >= 3u);
    if (row[1] != function) continue;
    Case c;
    c.name = row[0];
    c.function = row[1];
    for (std::size_t start = 0; start < row[2].size();) {
      const std::size_t end = std::min(row[2].find(';', start), row[2].size());
      const std::string pair = row[2].substr(start, end - start);
      c.options[pair.substr(0, pair.find('='))] = pair.substr(pair.find('=') + 1);
      start = end + 1;
    }
    for (std::size_t k = 3; k < row.size() && !row[k].empty(); ++k) c.values.push_back(std::stod(row[k]));
    out.push_back(std::move(c));
  }
  BOOST_TEST_REQUIRE(!out.empty());
  return out;
}

// 0 when both are NaN or equal (infinities included); otherwise the
// difference relative to max(|reference|, scale), infinite when only one is
// NaN or infinite.
inline double error(double value, double reference, double scale = 0) {
  if (std::isnan(value) || std::isnan(reference)) return std::isnan(value) && std::isnan(reference) ? 0.0 : INFINITY;
  if (value == reference) return 0;
  if (std::isinf(value) || std::isinf(reference)) return INFINITY;
  return std::abs(value - reference) / std::max(std::abs(reference), scale);
}

// The largest error of each quantity over a test's cases, for the log.
struct Worst {
  std::map<std::string, double> errors;
  int compared = 0;
  void check(const std::string& what, double value, double reference, double tolerance, double scale = 0) {
    const double e = error(value, reference, scale);
    errors[what] = std::max(errors[what], e);
    ++compared;
    BOOST_TEST(e <= tolerance, what << " " << value << " against SciPy's " << reference << " (error " << e
                                    << ", tolerance " << tolerance << ")");
  }
  void report(const std::string& test) const {
    std::cout << test << ": " << compared << " values compared, max error";
    for (const auto& [what, e] : errors) std::cout << ", " << what << " " << e;
    std::cout << "\n";
  }
};

// Counts the warnings raised while it lives.
struct WarningCounter {
  int count = 0;
  ScopedWarningHandler handler{[this](const Warning&) { ++count; }};
};

}  // namespace scilearn::testing::resampling
