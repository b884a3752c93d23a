#pragma once
// Selection of the k smallest (or largest) entries of each row of a strided
// matrix, one thread per row: the row is read once, in column order, and each
// entry that beats the current k-th is inserted into the row's output, kept
// sorted. Ties keep column order (a later equal entry never moves ahead of an
// earlier one); NaN ranks last. O(cols) per row for random data, O(cols k) at
// worst (a row sorted the wrong way). Reads are coalesced on CUDA when
// neighbouring rows are neighbours in memory (row_stride 1).

#include <cstdint>
#include <scilearn/core/types.hpp>

#include "thrust_support.hpp"

namespace scilearn::gpu::detail {

template <class T>
struct SelectK {
  const T* data;
  Index row_stride;  // entry (r, c) is data[r * row_stride + c * col_stride]
  Index col_stride;
  Index cols;
  Index k;
  bool largest;
  bool take_root;          // write sqrt of the selected values (ranked as given)
  T* values;               // output entry (r, t) at values[offset + r + t * out_rows]
  std::int64_t* indices;
  Index out_rows;
  Index offset;

  SCILEARN_HD T key(T x) const { return largest ? -x : x; }

  SCILEARN_HD void operator()(Index r) const {
    T* v = values + offset + r;
    std::int64_t* ix = indices + offset + r;
    const NanLastLess<T> less;
    Index filled = 0;
    for (Index c = 0; c < cols; ++c) {
      const T x = data[r * row_stride + c * col_stride];
      Index p;
      if (filled < k) {
        p = filled++;
      } else if (k > 0 && less(key(x), key(v[(k - 1) * out_rows]))) {
        p = k - 1;
      } else {
        continue;
      }
      while (p > 0 && less(key(x), key(v[(p - 1) * out_rows]))) {
        v[p * out_rows] = v[(p - 1) * out_rows];
        ix[p * out_rows] = ix[(p - 1) * out_rows];
        --p;
      }
      v[p * out_rows] = x;
      ix[p * out_rows] = c;
    }
    if (take_root)
      for (Index t = 0; t < k; ++t) v[t * out_rows] = std::sqrt(v[t * out_rows]);
  }
};

}  // namespace scilearn::gpu::detail
