// Elementwise maps, axpy and fill.
#include <thrust/fill.h>
#include <thrust/transform.h>

#include <cmath>
#include <scilearn/gpu/primitives.hpp>

#include "thrust_support.hpp"

namespace scilearn::gpu {

namespace {

template <class T>
struct Unary {
  UnaryOp op;
  SCILEARN_HD T operator()(T x) const {
    switch (op) {
      case UnaryOp::negate: return -x;
      case UnaryOp::abs: return x < T(0) ? -x : x;  // keeps NaN (a comparison with NaN is false)
      case UnaryOp::square: return x * x;
      case UnaryOp::sqrt: return std::sqrt(x);
      case UnaryOp::exp: return std::exp(x);
      case UnaryOp::log: return std::log(x);
      case UnaryOp::reciprocal: return T(1) / x;
    }
    return x;
  }
};

template <class T>
struct Binary {
  BinaryOp op;
  SCILEARN_HD T operator()(T x, T y) const {
    switch (op) {
      case BinaryOp::add: return x + y;
      case BinaryOp::subtract: return x - y;
      case BinaryOp::multiply: return x * y;
      case BinaryOp::divide: return x / y;
      // NumPy's minimum / maximum propagate NaN from either side.
      case BinaryOp::minimum: return detail::is_nan(x) || x < y ? x : y;
      case BinaryOp::maximum: return detail::is_nan(x) || x > y ? x : y;
    }
    return x;
  }
};

template <class T>
struct Axpy {
  T alpha;
  SCILEARN_HD T operator()(T x, T y) const { return alpha * x + y; }
};

template <class T>
void check_same_size(const char* routine, const DeviceVector<T>& x, const DeviceVector<T>& y) {
  if (x.size() != y.size())
    throw ValueError(cat("gpu::", routine, ": x has ", x.size(), " elements but y has ", y.size()));
}

}  // namespace

template <DeviceReal T>
DeviceVector<T> map(UnaryOp f, const DeviceVector<T>& x) {
  return detail::guarded("map", [&] {
    DeviceVector<T> out(x.size());
    thrust::transform(detail::device, x.data(), x.data() + x.size(), out.data(), Unary<T>{f});
    return out;
  });
}

template <DeviceReal T>
DeviceVector<T> map(BinaryOp f, const DeviceVector<T>& x, const DeviceVector<T>& y) {
  check_same_size("map", x, y);
  return detail::guarded("map", [&] {
    DeviceVector<T> out(x.size());
    thrust::transform(detail::device, x.data(), x.data() + x.size(), y.data(), out.data(), Binary<T>{f});
    return out;
  });
}

template <DeviceReal T>
void axpy(T alpha, const DeviceVector<T>& x, DeviceVector<T>& y) {
  check_same_size("axpy", x, y);
  detail::guarded("axpy", [&] {
    thrust::transform(detail::device, x.data(), x.data() + x.size(), y.data(), y.data(), Axpy<T>{alpha});
  });
}

template <DeviceScalar T>
void fill(DeviceVector<T>& x, T value) {
  detail::guarded("fill", [&] { thrust::fill(detail::device, x.data(), x.data() + x.size(), value); });
}

#define SCILEARN_GPU_MAPS(T)                                                               \
  template DeviceVector<T> map(UnaryOp, const DeviceVector<T>&);                          \
  template DeviceVector<T> map(BinaryOp, const DeviceVector<T>&, const DeviceVector<T>&); \
  template void axpy(T, const DeviceVector<T>&, DeviceVector<T>&);
SCILEARN_GPU_MAPS(float)
SCILEARN_GPU_MAPS(double)
#undef SCILEARN_GPU_MAPS
template void fill(DeviceVector<float>&, float);
template void fill(DeviceVector<double>&, double);
template void fill(DeviceVector<std::int32_t>&, std::int32_t);
template void fill(DeviceVector<std::int64_t>&, std::int64_t);

}  // namespace scilearn::gpu
