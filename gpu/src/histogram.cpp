// numpy.histogram with equal-width bins over a given range.
//
// Each value gets its bin from the scaled offset, then is moved by at most one
// bin so that it lies between NumPy's own edges (low + i * step): NumPy makes
// the same correction, so values on or near an edge land where NumPy puts them.
// The bin numbers are then sorted and each bin's count read off with binary
// searches.
#include <thrust/adjacent_difference.h>
#include <thrust/binary_search.h>
#include <thrust/iterator/counting_iterator.h>
#include <thrust/sort.h>
#include <thrust/transform.h>

#include <cmath>
#include <scilearn/gpu/primitives.hpp>

#include "thrust_support.hpp"

namespace scilearn::gpu {

namespace {

template <class T>
struct BinOf {
  T low;
  T high;
  T step;
  Index bins;
  SCILEARN_HD T edge(Index i) const { return i == bins ? high : low + static_cast<T>(i) * step; }
  SCILEARN_HD std::int64_t operator()(T x) const {
    if (!(x >= low && x <= high)) return -1;  // outside, or NaN: not counted
    Index b = static_cast<Index>((x - low) / (high - low) * static_cast<T>(bins));
    if (b >= bins) b = bins - 1;
    if (x < edge(b)) --b;
    else if (b + 1 < bins && x >= edge(b + 1)) ++b;
    return b;
  }
};

struct SubtractConstant {
  std::int64_t amount;
  SCILEARN_HD std::int64_t operator()(std::int64_t c) const { return c - amount; }
};

}  // namespace

template <DeviceReal T>
DeviceVector<std::int64_t> histogram(const DeviceVector<T>& x, Index bins, T low, T high) {
  if (bins < 1) throw ValueError(cat("gpu::histogram: bins must be at least 1, got ", bins));
  if (!std::isfinite(low) || !std::isfinite(high) || !(low < high) || !std::isfinite(high - low))
    throw ValueError(cat("gpu::histogram: the range must be finite with low < high, got [", low, ", ", high, "]"));
  return detail::guarded("histogram", [&] {
    DeviceVector<std::int64_t> which(x.size());
    thrust::transform(detail::device, x.data(), x.data() + x.size(), which.data(),
                      BinOf<T>{low, high, (high - low) / static_cast<T>(bins), bins});
    thrust::sort(detail::device, which.data(), which.data() + which.size(), detail::ascending<std::int64_t>());
    // ends[b] = number of entries <= b; the counts are its differences.
    DeviceVector<std::int64_t> ends(bins);
    thrust::upper_bound(detail::device, which.data(), which.data() + which.size(),
                        thrust::counting_iterator<std::int64_t>(0), thrust::counting_iterator<std::int64_t>(bins),
                        ends.data());
    DeviceVector<std::int64_t> counts(bins);
    thrust::adjacent_difference(detail::device, ends.data(), ends.data() + bins, counts.data());
    // counts[0] is ends[0], which also counted the uncounted (-1) entries.
    const auto uncounted = thrust::upper_bound(detail::device, which.data(), which.data() + which.size(),
                                               std::int64_t{-1}) - which.data();
    thrust::transform(detail::device, counts.data(), counts.data() + 1, counts.data(), SubtractConstant{uncounted});
    return counts;
  });
}

template DeviceVector<std::int64_t> histogram(const DeviceVector<float>&, Index, float, float);
template DeviceVector<std::int64_t> histogram(const DeviceVector<double>&, Index, double, double);

}  // namespace scilearn::gpu
