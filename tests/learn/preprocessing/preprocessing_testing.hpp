#pragma once
// What the preprocessing tests share: reading the fixtures of
// tests/reference/learn_preprocessing.py and comparing with NaN-aware errors.

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>
#include <scilearn/core/io.hpp>
#include <string>
#include <vector>

#include "support/fixtures.hpp"

namespace scilearn::testing::preprocessing {

inline Matrix load_matrix(const std::string& name) {
  return io::load_npy<double>(fixture_path("learn/preprocessing/" + name + ".npy"));
}
inline Vector load_vector(const std::string& name) {
  return io::load_npy_vector<double>(fixture_path("learn/preprocessing/" + name + ".npy"));
}
// NAME.txt, one entry a line.
inline std::vector<std::string> load_lines(const std::string& name) {
  std::ifstream in(fixture_path("learn/preprocessing/" + name + ".txt"));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Largest |a - b| / max(|b|, floor); NaN must match NaN. Shapes must agree.
inline double relative_error(const Eigen::Ref<const Matrix>& a, const Eigen::Ref<const Matrix>& b, double floor = 1.0) {
  BOOST_REQUIRE_EQUAL(a.rows(), b.rows());
  BOOST_REQUIRE_EQUAL(a.cols(), b.cols());
  double worst = 0;
  for (Index j = 0; j < a.cols(); ++j)
    for (Index i = 0; i < a.rows(); ++i) {
      if (std::isnan(a(i, j)) || std::isnan(b(i, j))) {
        if (!(std::isnan(a(i, j)) && std::isnan(b(i, j)))) return std::numeric_limits<double>::infinity();
        continue;
      }
      worst = std::max(worst, std::abs(a(i, j) - b(i, j)) / std::max(std::abs(b(i, j)), floor));
    }
  return worst;
}

// Exact equality with NaN equal to NaN (encoders' outputs are exact).
inline bool same(const Eigen::Ref<const Matrix>& a, const Eigen::Ref<const Matrix>& b) {
  if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
  for (Index j = 0; j < a.cols(); ++j)
    for (Index i = 0; i < a.rows(); ++i)
      if (!(a(i, j) == b(i, j) || (std::isnan(a(i, j)) && std::isnan(b(i, j))))) return false;
  return true;
}

}  // namespace scilearn::testing::preprocessing
