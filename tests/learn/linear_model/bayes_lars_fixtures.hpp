#pragma once
// Fixtures of tests/reference/learn_bayes_lars.py (scikit-learn 1.9), shared
// by the Bayesian, LARS, OMP and Huber tests.
#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <scilearn/core/io.hpp>
#include <string>
#include <vector>

#include "support/fixtures.hpp"

namespace scilearn::testing::bayes_lars {

inline Matrix matrix(const std::string& name) {
  return io::load_npy<double>(fixture_path("learn/bayes_lars/" + name + ".npy"));
}
inline Vector vector(const std::string& name) {
  return io::load_npy_vector<double>(fixture_path("learn/bayes_lars/" + name + ".npy"));
}
inline double scalar(const std::string& name) { return vector(name)(0); }
inline std::vector<Index> indices(const std::string& name) {
  const Vector v = vector(name);
  std::vector<Index> out;
  for (const double x : v) out.push_back(static_cast<Index>(x));
  return out;
}

// Largest |a - b| over the largest |b| (at least tiny): normwise relative error.
inline double relative_error(const Eigen::Ref<const Matrix>& a, const Eigen::Ref<const Matrix>& b) {
  BOOST_REQUIRE_EQUAL(a.rows(), b.rows());
  BOOST_REQUIRE_EQUAL(a.cols(), b.cols());
  if (a.size() == 0) return 0.0;
  return (a - b).cwiseAbs().maxCoeff() / std::max(1e-300, b.cwiseAbs().maxCoeff());
}
inline double relative_error(double a, double b) { return std::abs(a - b) / std::max(1e-300, std::abs(b)); }

}  // namespace scilearn::testing::bayes_lars
