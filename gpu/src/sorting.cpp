// Sorting: sort, argsort, segmented sort, top-k per row.
//
// sort and argsort move NaN to the end first (a stable partition) and sort
// the numbers with Thrust's default order, which the CUDA system runs as a
// radix sort; segmented sort sorts keys (segment, value, position) with one
// comparison sort; top-k selects per row (select_k.hpp).
#include <thrust/binary_search.h>
#include <thrust/count.h>
#include <thrust/for_each.h>
#include <thrust/gather.h>
#include <thrust/iterator/counting_iterator.h>
#include <thrust/iterator/zip_iterator.h>
#include <thrust/partition.h>
#include <thrust/sequence.h>
#include <thrust/sort.h>
#include <thrust/transform.h>

#include <scilearn/gpu/primitives.hpp>

#include "select_k.hpp"
#include "thrust_support.hpp"

namespace scilearn::gpu {

namespace {

using detail::is_nan;

template <class T>
struct IsNumber {
  SCILEARN_HD bool operator()(T x) const { return !is_nan(x); }
};

template <class T>
struct PairKeyIsNumber {
  SCILEARN_HD bool operator()(const thrust::tuple<T, std::int64_t>& p) const { return !is_nan(thrust::get<0>(p)); }
};

// Orders entry indices e of a segmented array by (segment, value NaN last, e).
template <class T>
struct SegmentedLess {
  const T* values;
  const std::int64_t* segment_of;
  SCILEARN_HD bool operator()(std::int64_t a, std::int64_t b) const {
    if (segment_of[a] != segment_of[b]) return segment_of[a] < segment_of[b];
    const T va = values[a], vb = values[b];
    if (detail::NanLastLess<T>{}(va, vb)) return true;
    if (detail::NanLastLess<T>{}(vb, va)) return false;
    return a < b;
  }
};

struct SegmentOf {
  const std::int64_t* offsets;
  Index n_offsets;
  SCILEARN_HD std::int64_t operator()(std::int64_t e) const {
    // The segment s with offsets[s] <= e < offsets[s + 1]: a binary search.
    Index lo = 0, hi = n_offsets - 1;
    while (hi - lo > 1) {
      const Index mid = lo + (hi - lo) / 2;
      if (offsets[mid] <= e) lo = mid; else hi = mid;
    }
    return lo;
  }
};

// Whether offsets[s] breaks "starts at 0, ends at n, never decreases".
struct BadOffset {
  const std::int64_t* offsets;
  Index m;
  Index n;
  SCILEARN_HD bool operator()(Index s) const {
    return (s == 0 && offsets[0] != 0) || (s == m - 1 && offsets[s] != n) || (s + 1 < m && offsets[s + 1] < offsets[s]);
  }
};

}  // namespace

template <DeviceScalar T>
void sort(DeviceVector<T>& x) {
  detail::guarded("sort", [&] {
    T* first = x.data();
    T* last = first + x.size();
    if constexpr (std::is_floating_point_v<T>) last = thrust::partition(detail::device, first, last, IsNumber<T>{});
    thrust::sort(detail::device, first, last, detail::ascending<T>());
  });
}

template <DeviceScalar T>
DeviceVector<std::int64_t> argsort(const DeviceVector<T>& x) {
  return detail::guarded("argsort", [&] {
    DeviceVector<T> keys = x.clone();
    DeviceVector<std::int64_t> order(x.size());
    thrust::sequence(detail::device, order.data(), order.data() + order.size());
    Index numbers = x.size();
    if constexpr (std::is_floating_point_v<T>) {
      auto zipped = thrust::make_zip_iterator(thrust::make_tuple(keys.data(), order.data()));
      numbers = thrust::stable_partition(detail::device, zipped, zipped + x.size(), PairKeyIsNumber<T>{}) - zipped;
    }
    thrust::stable_sort_by_key(detail::device, keys.data(), keys.data() + numbers, order.data(), detail::ascending<T>());
    return order;
  });
}

template <DeviceScalar T>
void sort_segments(DeviceVector<T>& values, const DeviceVector<std::int64_t>& offsets) {
  const Index m = offsets.size();
  const bool valid = detail::guarded("sort_segments", [&] {
    return m > 0 && thrust::count_if(detail::device, thrust::counting_iterator<Index>(0),
                                     thrust::counting_iterator<Index>(m), BadOffset{offsets.data(), m, values.size()}) == 0;
  });
  if (!valid)
    throw ValueError(cat("gpu::sort_segments: offsets must start at 0, end at ", values.size(),
                         " (the number of values) and never decrease"));
  detail::guarded("sort_segments", [&] {
    const Index n = values.size();
    DeviceVector<std::int64_t> segment_of(n), order(n);
    thrust::transform(detail::device, thrust::counting_iterator<std::int64_t>(0),
                      thrust::counting_iterator<std::int64_t>(n), segment_of.data(), SegmentOf{offsets.data(), m});
    thrust::sequence(detail::device, order.data(), order.data() + n);
    thrust::sort(detail::device, order.data(), order.data() + n, SegmentedLess<T>{values.data(), segment_of.data()});
    DeviceVector<T> sorted(n);
    thrust::gather(detail::device, order.data(), order.data() + n, values.data(), sorted.data());
    detail::copy_device_to_device(values.data(), sorted.data(), static_cast<std::size_t>(n) * sizeof(T));
  });
}

template <DeviceReal T>
TopK<T> top_k(const DeviceMatrix<T>& M, Index k, bool largest) {
  if (k < 0 || k > M.cols())
    throw ValueError(cat("gpu::top_k: k must lie in [0, ", M.cols(), "] (the number of columns), got ", k));
  return detail::guarded("top_k", [&] {
    TopK<T> out{DeviceMatrix<T>(M.rows(), k), DeviceMatrix<std::int64_t>(M.rows(), k)};
    if (out.values.empty()) return out;
    thrust::for_each(detail::device, thrust::counting_iterator<Index>(0), thrust::counting_iterator<Index>(M.rows()),
                     detail::SelectK<T>{M.data(), 1, M.rows(), M.cols(), k, largest, false, out.values.data(),
                                        out.indices.data(), M.rows(), 0});
    return out;
  });
}

#define SCILEARN_GPU_SORTING(T)                                           \
  template void sort(DeviceVector<T>&);                                   \
  template DeviceVector<std::int64_t> argsort(const DeviceVector<T>&);    \
  template void sort_segments(DeviceVector<T>&, const DeviceVector<std::int64_t>&);
SCILEARN_GPU_SORTING(float)
SCILEARN_GPU_SORTING(double)
SCILEARN_GPU_SORTING(std::int32_t)
SCILEARN_GPU_SORTING(std::int64_t)
#undef SCILEARN_GPU_SORTING
template TopK<float> top_k(const DeviceMatrix<float>&, Index, bool);
template TopK<double> top_k(const DeviceMatrix<double>&, Index, bool);

}  // namespace scilearn::gpu
