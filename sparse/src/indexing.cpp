// A[rows, cols]: the outer selection (rows of CSR) gathers whole slices; the
// inner selection goes through a map from each source index to the output
// positions that take it (SciPy's csr_column_index1 / 2 do the same).
#include <algorithm>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/sparse/indexing.hpp>
#include <utility>

#include "compress.hpp"

namespace scilearn::sparse {

std::vector<Index> Indexer::resolve(Index size, std::string_view function, std::string_view what) const {
  std::vector<Index> out;
  if (!slice_) {
    out.reserve(indices_.size());
    for (const Index i : indices_) {
      if (i < -size || i >= size) {
        throw ValueError(cat(function, ": index ", i, " is out of range for ", size, " ", what));
      }
      out.push_back(i < 0 ? i + size : i);
    }
    return out;
  }
  // Python's slice.indices(size) (Objects/sliceobject.c, PySlice_Unpack / AdjustIndices).
  Index step = slice_->step;
  if (step == 0) throw ValueError(cat(function, ": slice step cannot be zero"));
  // A step longer than the dimension takes at most one index: clamping it
  // keeps `i += step` from overflowing.
  step = std::clamp(step, -(size + 1), size + 1);
  const Index lower = step < 0 ? -1 : 0;
  const Index upper = step < 0 ? size - 1 : size;
  const auto adjust = [&](std::optional<Index> bound, Index fallback) {
    if (!bound) return fallback;
    Index b = *bound;
    if (b < 0) {
      b = b < -size ? lower : std::max(b + size, lower);
    } else {
      b = std::min(b, upper);
    }
    return b;
  };
  const Index start = adjust(slice_->start, step < 0 ? upper : lower);
  const Index stop = adjust(slice_->stop, step < 0 ? lower : upper);
  for (Index i = start; step > 0 ? i < stop : i > stop; i += step) out.push_back(i);
  return out;
}

namespace {

template <class SparseT>
SparseT take(const SparseT& A, const std::vector<Index>& outer_sel, const std::vector<Index>& inner_sel) {
  using StorageIndex = typename SparseT::StorageIndex;
  constexpr Index kMax = std::numeric_limits<StorageIndex>::max();
  const auto outer_n = static_cast<Index>(outer_sel.size());
  const auto inner_n = static_cast<Index>(inner_sel.size());
  if (outer_n > kMax || inner_n > kMax) {
    throw ValueError(cat("index: the result (", outer_n, " x ", inner_n, " selected) exceeds 32-bit indices"));
  }
  SparseT storage;
  const SparseT* source = &A;
  if (!A.isCompressed()) {
    storage = A;
    storage.makeCompressed();
    source = &storage;
  }
  const auto* start = source->outerIndexPtr();
  const auto* inner = source->innerIndexPtr();
  const double* value = source->valuePtr();

  bool identity = inner_n == source->innerSize();
  bool increasing = true;
  for (Index q = 0; q < inner_n; ++q) {
    identity = identity && inner_sel[static_cast<std::size_t>(q)] == q;
    increasing = increasing && (q == 0 || inner_sel[static_cast<std::size_t>(q)] > inner_sel[static_cast<std::size_t>(q - 1)]);
  }

  // map_start[c] .. map_start[c + 1]: the output positions taking source index c.
  std::vector<Index> map_start, map;
  if (!identity) {
    map_start.assign(static_cast<std::size_t>(source->innerSize()) + 1, 0);
    for (const Index c : inner_sel) ++map_start[static_cast<std::size_t>(c) + 1];
    for (std::size_t c = 0; c + 1 < map_start.size(); ++c) map_start[c + 1] += map_start[c];
    map.resize(inner_sel.size());
    std::vector<Index> next(map_start.begin(), map_start.end() - 1);
    for (Index q = 0; q < inner_n; ++q) {
      map[static_cast<std::size_t>(next[static_cast<std::size_t>(inner_sel[static_cast<std::size_t>(q)])]++)] = q;
    }
  }
  const auto taken = [&](Index p) {  // output entries from source entry p
    const auto c = static_cast<std::size_t>(inner[p]);
    return identity ? Index{1} : map_start[c + 1] - map_start[c];
  };

  SparseT out = detail::empty_compressed<SparseT>(outer_n, inner_n);
  StorageIndex* out_start = out.outerIndexPtr();
  Index total = 0;
  for (Index k = 0; k < outer_n; ++k) {
    const Index o = outer_sel[static_cast<std::size_t>(k)];
    if (identity) {
      total += start[o + 1] - start[o];
    } else {
      for (Index p = start[o]; p < start[o + 1]; ++p) total += taken(p);
    }
    if (total > kMax) {
      throw ValueError(cat("index: the result has more than ", kMax, " stored entries (", total,
                           " after ", k + 1, " of ", outer_n, " slices)"));
    }
    out_start[k + 1] = static_cast<StorageIndex>(total);
  }
  out.resizeNonZeros(total);
  StorageIndex* out_inner = out.innerIndexPtr();
  double* out_value = out.valuePtr();
  std::vector<std::pair<StorageIndex, double>> slice;
  for (Index k = 0; k < outer_n; ++k) {
    const Index o = outer_sel[static_cast<std::size_t>(k)];
    Index w = out_start[k];
    if (identity) {
      std::copy(inner + start[o], inner + start[o + 1], out_inner + w);
      std::copy(value + start[o], value + start[o + 1], out_value + w);
      continue;
    }
    for (Index p = start[o]; p < start[o + 1]; ++p) {
      const auto c = static_cast<std::size_t>(inner[p]);
      for (Index m = map_start[c]; m < map_start[c + 1]; ++m) {
        out_inner[w] = static_cast<StorageIndex>(map[static_cast<std::size_t>(m)]);
        out_value[w] = value[p];
        ++w;
      }
    }
    if (!increasing && w - out_start[k] > 1) {
      slice.clear();
      for (Index p = out_start[k]; p < w; ++p) slice.emplace_back(out_inner[p], out_value[p]);
      std::sort(slice.begin(), slice.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
      for (Index p = out_start[k]; p < w; ++p) {
        out_inner[p] = slice[static_cast<std::size_t>(p - out_start[k])].first;
        out_value[p] = slice[static_cast<std::size_t>(p - out_start[k])].second;
      }
    }
  }
  return out;
}

}  // namespace

CsrMatrix index(const CsrMatrix& A, const Indexer& rows, const Indexer& cols) {
  return take(A, rows.resolve(A.rows(), "index", "rows"), cols.resolve(A.cols(), "index", "columns"));
}

CscMatrix index(const CscMatrix& A, const Indexer& rows, const Indexer& cols) {
  return take(A, cols.resolve(A.cols(), "index", "columns"), rows.resolve(A.rows(), "index", "rows"));
}

}  // namespace scilearn::sparse
