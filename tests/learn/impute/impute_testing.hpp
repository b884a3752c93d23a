#pragma once
// What the imputer tests share: reading the fixtures of
// tests/reference/learn_impute.py (NaN marks a missing value), and the
// NaN-aware comparisons of the preprocessing tests.

#include <filesystem>
#include <fstream>
#include <scilearn/core/io.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "learn/preprocessing/preprocessing_testing.hpp"
#include "support/fixtures.hpp"

namespace scilearn::testing::impute {

using preprocessing::relative_error;
using preprocessing::same;

// Whether the script wrote NAME.npy (fixture_path throws for a missing one).
inline bool has_fixture(const std::string& name) {
  try {
    return std::filesystem::exists(fixture_path("learn/impute/" + name + ".npy"));
  } catch (const std::runtime_error&) {
    return false;
  }
}
inline Matrix load_matrix(const std::string& name) {
  return io::load_npy<double>(fixture_path("learn/impute/" + name + ".npy"));
}
inline Vector load_vector(const std::string& name) {
  return io::load_npy_vector<double>(fixture_path("learn/impute/" + name + ".npy"));
}
// An index array (stored as float64).
inline std::vector<Index> load_indices(const std::string& name) {
  const Vector v = load_vector(name);
  std::vector<Index> out;
  for (const double x : v) out.push_back(static_cast<Index>(x));
  return out;
}
// NAME.txt, one entry a line.
inline std::vector<std::string> load_lines(const std::string& name) {
  std::ifstream in(fixture_path("learn/impute/" + name + ".txt"));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}
// NAME.txt as comma-separated cells.
inline std::vector<std::vector<std::string>> load_cases(const std::string& name) {
  std::vector<std::vector<std::string>> rows;
  for (const std::string& line : load_lines(name)) {
    std::vector<std::string> cells;
    std::stringstream in(line);
    for (std::string cell; std::getline(in, cell, ',');) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

}  // namespace scilearn::testing::impute
