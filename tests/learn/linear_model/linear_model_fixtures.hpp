#pragma once
// Fixture loading and the normwise comparison shared by the linear-model tests.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <scilearn/core/io.hpp>
#include <string>

#include "support/fixtures.hpp"

namespace scilearn::testing {

// tests/data/learn/DIR/NAME.npy as a matrix / a vector.
inline Matrix load_learn(const std::string& dir, const std::string& name) {
  return io::load_npy<double>(fixture_path("learn/" + dir + "/" + name + ".npy"));
}
inline Vector load_learn_vector(const std::string& dir, const std::string& name) {
  return io::load_npy_vector<double>(fixture_path("learn/" + dir + "/" + name + ".npy"));
}

// Largest |a - b| relative to the largest |b| (at least 1): coefficients are
// compared normwise, as a solver's stopping rule bounds them.
inline double normwise_error(const Matrix& a, const Matrix& b) {
  BOOST_REQUIRE(a.rows() == b.rows());
  BOOST_REQUIRE(a.cols() == b.cols());
  return (a - b).cwiseAbs().maxCoeff() / std::max(1.0, b.cwiseAbs().maxCoeff());
}

}  // namespace scilearn::testing
