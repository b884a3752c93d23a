// Scans, gather / scatter, and the index check they share.
#include <thrust/adjacent_difference.h>
#include <thrust/count.h>
#include <thrust/for_each.h>
#include <thrust/gather.h>
#include <thrust/iterator/counting_iterator.h>
#include <thrust/scan.h>
#include <thrust/scatter.h>
#include <thrust/sort.h>
#include <thrust/unique.h>

#include <scilearn/gpu/primitives.hpp>

#include "thrust_support.hpp"

namespace scilearn::gpu {

namespace {

struct OutOfRange {
  Index n;
  SCILEARN_HD bool operator()(std::int64_t i) const { return i < 0 || i >= n; }
};

// out(r, c) = M(indices[r], c); t = r + c * m walks the m x cols output.
template <class T>
struct GatherRow {
  const T* data;
  const std::int64_t* indices;
  Index rows;  // of M
  Index m;     // of the output
  T* out;
  SCILEARN_HD void operator()(Index t) const {
    const Index r = t % m, c = t / m;
    out[t] = data[indices[r] + c * rows];
  }
};

// out(j, i) = M(i, j); t walks the cols x rows output.
template <class T>
struct Transpose {
  const T* data;
  Index rows;  // of M
  Index cols;
  T* out;
  SCILEARN_HD void operator()(Index t) const {
    const Index j = t % cols, i = t / cols;
    out[t] = data[i + j * rows];
  }
};

}  // namespace

namespace detail {

void check_indices(const char* routine, const DeviceVector<std::int64_t>& indices, Index n) {
  const auto bad = guarded(routine, [&] {
    return thrust::count_if(device, indices.data(), indices.data() + indices.size(), OutOfRange{n});
  });
  if (bad > 0)
    throw ValueError(cat("gpu::", routine, ": ", bad, " of ", indices.size(), " indices lie outside [0, ", n, ")"));
}

}  // namespace detail

template <DeviceScalar T>
DeviceVector<T> inclusive_scan(const DeviceVector<T>& x) {
  return detail::guarded("inclusive_scan", [&] {
    DeviceVector<T> out(x.size());
    thrust::inclusive_scan(detail::device, x.data(), x.data() + x.size(), out.data());
    return out;
  });
}

template <DeviceScalar T>
DeviceVector<T> exclusive_scan(const DeviceVector<T>& x, T init) {
  return detail::guarded("exclusive_scan", [&] {
    DeviceVector<T> out(x.size());
    thrust::exclusive_scan(detail::device, x.data(), x.data() + x.size(), out.data(), init);
    return out;
  });
}

template <DeviceScalar T>
DeviceVector<T> gather(const DeviceVector<T>& x, const DeviceVector<std::int64_t>& indices) {
  detail::check_indices("gather", indices, x.size());
  return detail::guarded("gather", [&] {
    DeviceVector<T> out(indices.size());
    thrust::gather(detail::device, indices.data(), indices.data() + indices.size(), x.data(), out.data());
    return out;
  });
}

template <DeviceScalar T>
DeviceMatrix<T> gather_rows(const DeviceMatrix<T>& M, const DeviceVector<std::int64_t>& indices) {
  detail::check_indices("gather_rows", indices, M.rows());
  return detail::guarded("gather_rows", [&] {
    DeviceMatrix<T> out(indices.size(), M.cols());
    thrust::for_each(detail::device, thrust::counting_iterator<Index>(0), thrust::counting_iterator<Index>(out.size()),
                     GatherRow<T>{M.data(), indices.data(), M.rows(), indices.size(), out.data()});
    return out;
  });
}

template <DeviceScalar T>
DeviceMatrix<T> transpose(const DeviceMatrix<T>& M) {
  return detail::guarded("transpose", [&] {
    DeviceMatrix<T> out(M.cols(), M.rows());
    thrust::for_each(detail::device, thrust::counting_iterator<Index>(0), thrust::counting_iterator<Index>(out.size()),
                     Transpose<T>{M.data(), M.rows(), M.cols(), out.data()});
    return out;
  });
}

template <DeviceScalar T>
void scatter(const DeviceVector<T>& x, const DeviceVector<std::int64_t>& indices, DeviceVector<T>& out) {
  if (x.size() != indices.size())
    throw ValueError(cat("gpu::scatter: x has ", x.size(), " elements but indices has ", indices.size()));
  detail::check_indices("scatter", indices, out.size());
  const bool distinct = detail::guarded("scatter", [&] {
    DeviceVector<std::int64_t> sorted = indices.clone();
    thrust::sort(detail::device, sorted.data(), sorted.data() + sorted.size(), detail::ascending<std::int64_t>());
    return thrust::unique(detail::device, sorted.data(), sorted.data() + sorted.size()) ==
           sorted.data() + sorted.size();
  });
  if (!distinct) throw ValueError("gpu::scatter: indices must be distinct (a repeated target has no defined winner)");
  detail::guarded("scatter", [&] {
    thrust::scatter(detail::device, x.data(), x.data() + x.size(), indices.data(), out.data());
  });
}

#define SCILEARN_GPU_INDEXING(T)                                                                     \
  template DeviceVector<T> inclusive_scan(const DeviceVector<T>&);                                   \
  template DeviceVector<T> exclusive_scan(const DeviceVector<T>&, T);                                \
  template DeviceVector<T> gather(const DeviceVector<T>&, const DeviceVector<std::int64_t>&);         \
  template DeviceMatrix<T> gather_rows(const DeviceMatrix<T>&, const DeviceVector<std::int64_t>&);    \
  template DeviceMatrix<T> transpose(const DeviceMatrix<T>&);                                         \
  template void scatter(const DeviceVector<T>&, const DeviceVector<std::int64_t>&, DeviceVector<T>&);
SCILEARN_GPU_INDEXING(float)
SCILEARN_GPU_INDEXING(double)
SCILEARN_GPU_INDEXING(std::int32_t)
SCILEARN_GPU_INDEXING(std::int64_t)
#undef SCILEARN_GPU_INDEXING

}  // namespace scilearn::gpu
