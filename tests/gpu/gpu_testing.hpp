#pragma once
// What the gpu suites share: tolerances by element type and host copies.

#include <Eigen/Core>
#include <limits>
#include <scilearn/core/types.hpp>
#include <scilearn/gpu/device_array.hpp>

namespace scilearn::gpu_testing {

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
