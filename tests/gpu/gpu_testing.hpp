#pragma once
// What the gpu suites share: element types, fixtures, tolerances.

#include <Eigen/Core>
#include <boost/mpl/list.hpp>
#include <cstdint>
#include <limits>
#include <scilearn/core/io/npy.hpp>
#include <scilearn/core/types.hpp>
#include <scilearn/gpu/device_array.hpp>
#include <string>

#include "support/fixtures.hpp"

namespace scilearn::gpu_testing {

/// The floating-point element types every templated case runs over.
using Reals = boost::mpl::list<float, double>;

template <class T>
using HostVector = Eigen::Matrix<T, Eigen::Dynamic, 1>;
template <class T>
using HostMatrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;

/// tests/data/gpu/NAME.npy as a matrix / vector of doubles (or int64 labels).
inline Matrix fixture(const std::string& name) {
  return io::load_npy<double>(testing::fixture_path("gpu/" + name + ".npy"));
}
inline Vector fixture_vector(const std::string& name) {
  return io::load_npy_vector<double>(testing::fixture_path("gpu/" + name + ".npy"));
}
inline Eigen::Matrix<std::int64_t, Eigen::Dynamic, 1> fixture_indices(const std::string& name) {
  return io::load_npy_vector<std::int64_t>(testing::fixture_path("gpu/" + name + ".npy"));
}

/// A relative tolerance for sums of n terms computed in another order than the
/// host's: n units of rounding (the worst case of recursive summation, Higham
/// 2002, eq. 4.4), with a floor of 16 units.
template <class T>
T sum_tolerance(Index n) {
  return static_cast<T>(std::max<Index>(n, 16)) * std::numeric_limits<T>::epsilon();
}

/// Max |a - b| / max(1, max |b|): the relative error of a result against its reference.
template <class A, class B>
double relative_error(const A& a, const B& b) {
  const double scale = std::max(1.0, static_cast<double>(b.cwiseAbs().maxCoeff()));
  return static_cast<double>((a - b).cwiseAbs().maxCoeff()) / scale;
}

}  // namespace scilearn::gpu_testing
