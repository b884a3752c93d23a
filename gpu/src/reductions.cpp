// Reductions of a vector and along an axis of a matrix.
//
// Along an axis, the matrix is read as `segments` runs of `length` entries
// (axis 0: one run per column, contiguous; axis 1: one run per row, strided in
// column-major storage) and reduced with one reduce_by_key over the run number.
#include <thrust/iterator/counting_iterator.h>
#include <thrust/iterator/discard_iterator.h>
#include <thrust/iterator/transform_iterator.h>
#include <thrust/iterator/transform_output_iterator.h>
#include <thrust/reduce.h>
#include <thrust/transform.h>
#include <thrust/tuple.h>

#include <limits>
#include <scilearn/gpu/primitives.hpp>

#include "thrust_support.hpp"

namespace scilearn::gpu {

namespace {

using detail::is_nan;

// NumPy's min / max: NaN wins.
template <class T>
struct MinOp {
  SCILEARN_HD T operator()(T a, T b) const { return is_nan(a) || a < b ? a : b; }
};
template <class T>
struct MaxOp {
  SCILEARN_HD T operator()(T a, T b) const { return is_nan(a) || a > b ? a : b; }
};

// (value, position): the smaller (larger) value, the first NaN, the first
// position on ties, as numpy.argmin / argmax.
template <class T, bool Largest>
struct ArgOp {
  using Pair = thrust::tuple<T, std::int64_t>;
  SCILEARN_HD Pair operator()(const Pair& a, const Pair& b) const {
    const T va = thrust::get<0>(a), vb = thrust::get<0>(b);
    const bool a_first = thrust::get<1>(a) < thrust::get<1>(b);
    if (is_nan(va) || is_nan(vb)) {
      if (is_nan(va) && is_nan(vb)) return a_first ? a : b;
      return is_nan(va) ? a : b;
    }
    if (va == vb) return a_first ? a : b;
    return (Largest ? va > vb : va < vb) ? a : b;
  }
};

// Logical entry k (run k / length, position k % length) -> its storage offset.
struct Layout {
  Index rows;
  Index length;
  bool by_column;  // axis 0
  SCILEARN_HD Index offset(Index k) const {
    const Index run = k / length, pos = k % length;
    return by_column ? run * rows + pos : run + pos * rows;
  }
};

struct RunOf {
  Index length;
  SCILEARN_HD Index operator()(Index k) const { return k / length; }
};

template <class T>
struct Load {
  const T* data;
  Layout layout;
  SCILEARN_HD T operator()(Index k) const { return data[layout.offset(k)]; }
};

template <class T>
struct LoadWithPosition {
  const T* data;
  Layout layout;
  SCILEARN_HD thrust::tuple<T, std::int64_t> operator()(Index k) const {
    return thrust::make_tuple(data[layout.offset(k)], static_cast<std::int64_t>(k % layout.length));
  }
};

template <class T>
struct SquaredDeviation {
  const T* data;
  const T* means;
  Layout layout;
  SCILEARN_HD T operator()(Index k) const {
    const T d = data[layout.offset(k)] - means[k / layout.length];
    return d * d;
  }
};

template <class T>
struct Position {
  SCILEARN_HD std::int64_t operator()(const thrust::tuple<T, std::int64_t>& p) const { return thrust::get<1>(p); }
};

struct Axis {
  Index segments;  // outputs
  Index length;    // entries per output
  Layout layout;
};

template <class T>
Axis axis_of(const char* routine, const DeviceMatrix<T>& M, int axis, bool needs_entries) {
  if (axis != 0 && axis != 1) throw ValueError(cat("gpu::", routine, ": axis must be 0 or 1, got ", axis));
  const Index segments = axis == 0 ? M.cols() : M.rows();
  const Index length = axis == 0 ? M.rows() : M.cols();
  if (needs_entries && length == 0 && segments > 0)
    throw ValueError(cat("gpu::", routine, ": zero-size reduction along axis ", axis, " of a ", M.rows(), "x",
                         M.cols(), " matrix"));
  return {segments, length, Layout{M.rows(), length, axis == 0}};
}

// out[s] = op-reduction of run s; runs are non-empty.
template <class Values, class Out, class Op>
void reduce_runs(const Axis& a, Values values, Out out, Op op) {
  thrust::reduce_by_key(detail::device, thrust::make_transform_iterator(thrust::counting_iterator<Index>(0), RunOf{a.length}),
                        thrust::make_transform_iterator(thrust::counting_iterator<Index>(a.segments * a.length), RunOf{a.length}),
                        values, thrust::make_discard_iterator(), out, thrust::equal_to<Index>(), op);
}

template <class T>
DeviceVector<T> sums(const Axis& a, const DeviceMatrix<T>& M) {
  DeviceVector<T> out(a.segments);  // zeros: the sum of an empty run
  if (a.length > 0)
    reduce_runs(a, thrust::make_transform_iterator(thrust::counting_iterator<Index>(0), Load<T>{M.data(), a.layout}),
                out.data(), thrust::plus<T>());
  return out;
}

// Run means; runs are non-empty.
template <class T>
DeviceVector<T> means(const Axis& a, const DeviceMatrix<T>& M) {
  DeviceVector<T> out = sums(a, M);
  thrust::transform(detail::device, out.data(), out.data() + out.size(), out.data(),
                    detail::Scale<T>{T(1) / static_cast<T>(a.length)});
  return out;
}

template <class T, class Op>
DeviceVector<T> extremes(const char* routine, const DeviceMatrix<T>& M, int axis, Op op) {
  const Axis a = axis_of(routine, M, axis, true);
  return detail::guarded(routine, [&] {
    DeviceVector<T> out(a.segments);
    if (a.segments > 0)
      reduce_runs(a, thrust::make_transform_iterator(thrust::counting_iterator<Index>(0), Load<T>{M.data(), a.layout}),
                  out.data(), op);
    return out;
  });
}

template <bool Largest, class T>
DeviceVector<std::int64_t> arg_extremes(const char* routine, const DeviceMatrix<T>& M, int axis) {
  const Axis a = axis_of(routine, M, axis, true);
  return detail::guarded(routine, [&] {
    DeviceVector<std::int64_t> out(a.segments);
    if (a.segments == 0) return out;
    thrust::reduce_by_key(
        detail::device, thrust::make_transform_iterator(thrust::counting_iterator<Index>(0), RunOf{a.length}),
        thrust::make_transform_iterator(thrust::counting_iterator<Index>(a.segments * a.length), RunOf{a.length}),
        thrust::make_transform_iterator(thrust::counting_iterator<Index>(0), LoadWithPosition<T>{M.data(), a.layout}),
        thrust::make_discard_iterator(),
        thrust::make_transform_output_iterator(out.data(), Position<T>{}), thrust::equal_to<Index>(),
        ArgOp<T, Largest>{});
    return out;
  });
}

}  // namespace

template <DeviceReal T>
T sum(const DeviceVector<T>& x) {
  return detail::guarded("sum", [&] { return thrust::reduce(detail::device, x.data(), x.data() + x.size(), T(0)); });
}

template <DeviceReal T>
T min(const DeviceVector<T>& x) {
  if (x.empty()) throw ValueError("gpu::min: zero-size array has no minimum");
  return detail::guarded("min", [&] {
    return thrust::reduce(detail::device, x.data(), x.data() + x.size(), std::numeric_limits<T>::infinity(),
                          MinOp<T>{});
  });
}

template <DeviceReal T>
T max(const DeviceVector<T>& x) {
  if (x.empty()) throw ValueError("gpu::max: zero-size array has no maximum");
  return detail::guarded("max", [&] {
    return thrust::reduce(detail::device, x.data(), x.data() + x.size(), -std::numeric_limits<T>::infinity(),
                          MaxOp<T>{});
  });
}

template <DeviceReal T>
DeviceVector<T> sum(const DeviceMatrix<T>& M, int axis) {
  const Axis a = axis_of("sum", M, axis, false);
  return detail::guarded("sum", [&] { return sums(a, M); });
}

template <DeviceReal T>
DeviceVector<T> mean(const DeviceMatrix<T>& M, int axis) {
  const Axis a = axis_of("mean", M, axis, true);
  return detail::guarded("mean", [&] { return means(a, M); });
}

template <DeviceReal T>
DeviceVector<T> var(const DeviceMatrix<T>& M, int axis, Index ddof) {
  const Axis a = axis_of("var", M, axis, true);
  if (ddof < 0 || (a.segments > 0 && ddof >= a.length))
    throw ValueError(cat("gpu::var: ddof must lie in [0, ", a.length, "), got ", ddof));
  return detail::guarded("var", [&] {
    // Two passes (mean, then squared deviations): no cancellation of E[x^2] - E[x]^2.
    const DeviceVector<T> centers = means(a, M);
    DeviceVector<T> out(a.segments);
    if (a.segments == 0) return out;
    reduce_runs(a, thrust::make_transform_iterator(thrust::counting_iterator<Index>(0),
                                                   SquaredDeviation<T>{M.data(), centers.data(), a.layout}),
                out.data(), thrust::plus<T>());
    thrust::transform(detail::device, out.data(), out.data() + out.size(), out.data(),
                      detail::Scale<T>{T(1) / static_cast<T>(a.length - ddof)});
    return out;
  });
}

template <DeviceReal T>
DeviceVector<T> min(const DeviceMatrix<T>& M, int axis) {
  return extremes("min", M, axis, MinOp<T>{});
}

template <DeviceReal T>
DeviceVector<T> max(const DeviceMatrix<T>& M, int axis) {
  return extremes("max", M, axis, MaxOp<T>{});
}

template <DeviceReal T>
DeviceVector<std::int64_t> argmin(const DeviceMatrix<T>& M, int axis) {
  return arg_extremes<false>("argmin", M, axis);
}

template <DeviceReal T>
DeviceVector<std::int64_t> argmax(const DeviceMatrix<T>& M, int axis) {
  return arg_extremes<true>("argmax", M, axis);
}

#define SCILEARN_GPU_REDUCTIONS(T)                                          \
  template T sum(const DeviceVector<T>&);                                   \
  template T min(const DeviceVector<T>&);                                   \
  template T max(const DeviceVector<T>&);                                   \
  template DeviceVector<T> sum(const DeviceMatrix<T>&, int);                \
  template DeviceVector<T> mean(const DeviceMatrix<T>&, int);               \
  template DeviceVector<T> var(const DeviceMatrix<T>&, int, Index);         \
  template DeviceVector<T> min(const DeviceMatrix<T>&, int);                \
  template DeviceVector<T> max(const DeviceMatrix<T>&, int);                \
  template DeviceVector<std::int64_t> argmin(const DeviceMatrix<T>&, int);  \
  template DeviceVector<std::int64_t> argmax(const DeviceMatrix<T>&, int);
SCILEARN_GPU_REDUCTIONS(float)
SCILEARN_GPU_REDUCTIONS(double)
#undef SCILEARN_GPU_REDUCTIONS

}  // namespace scilearn::gpu
