#include "csgraph/graph.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <utility>

namespace scilearn::sparse::csgraph::detail {

Csr::Csr(const CsrMatrix& a) : rows(static_cast<int>(a.rows())), cols(static_cast<int>(a.cols())) {
  if (a.isCompressed()) {
    indptr = a.outerIndexPtr();
    indices = a.innerIndexPtr();
    data = a.valuePtr();
    return;
  }
  // Uncompressed (after insert()): row i holds innerNonZeros[i] entries from outerIndex[i].
  indptr_.assign(static_cast<std::size_t>(rows) + 1, 0);
  for (int i = 0; i < rows; ++i) indptr_[i + 1] = indptr_[i] + a.innerNonZeroPtr()[i];
  indices_.resize(static_cast<std::size_t>(indptr_[rows]));
  data_.resize(indices_.size());
  for (int i = 0; i < rows; ++i) {
    const int from = a.outerIndexPtr()[i];
    std::copy_n(a.innerIndexPtr() + from, a.innerNonZeroPtr()[i], indices_.begin() + indptr_[i]);
    std::copy_n(a.valuePtr() + from, a.innerNonZeroPtr()[i], data_.begin() + indptr_[i]);
  }
  own();
}

void Csr::own() {
  indptr = indptr_.data();
  indices = indices_.data();
  data = data_.data();
}

Csr Csr::transpose() const {
  Csr t;
  t.rows = cols;
  t.cols = rows;
  t.indptr_.assign(static_cast<std::size_t>(cols) + 1, 0);
  for (int e = indptr[0]; e < indptr[rows]; ++e) ++t.indptr_[static_cast<std::size_t>(indices[e]) + 1];
  for (int j = 0; j < cols; ++j) t.indptr_[j + 1] += t.indptr_[j];
  t.indices_.resize(static_cast<std::size_t>(nnz()));
  t.data_.resize(t.indices_.size());
  std::vector<int> next(t.indptr_.begin(), t.indptr_.end() - 1);
  for (int i = 0; i < rows; ++i) {
    for (int e = begin(i); e < end(i); ++e) {
      const int slot = next[indices[e]]++;
      t.indices_[slot] = i;
      t.data_[slot] = data[e];
    }
  }
  t.own();
  return t;
}

Csr Csr::with_data(std::vector<double> new_data) const {
  Csr r;
  r.rows = rows;
  r.cols = cols;
  r.indptr_.resize(static_cast<std::size_t>(rows) + 1);
  for (int i = 0; i <= rows; ++i) r.indptr_[i] = indptr[i] - indptr[0];
  r.indices_.assign(indices + indptr[0], indices + indptr[rows]);
  r.data_ = std::move(new_data);
  r.own();
  return r;
}

CsrMatrix make_csr(int rows, int cols, const std::vector<int>& indptr, const std::vector<int>& indices,
                   const std::vector<double>& data) {
  CsrMatrix m(rows, cols);
  m.resizeNonZeros(static_cast<Index>(indices.size()));
  std::copy(indptr.begin(), indptr.end(), m.outerIndexPtr());
  std::copy(indices.begin(), indices.end(), m.innerIndexPtr());
  std::copy(data.begin(), data.end(), m.valuePtr());
  return m;
}

void check_square(std::string_view where, const CsrMatrix& g) {
  if (g.rows() != g.cols()) {
    throw ValueError(cat(where, ": the graph must be square (N, N), got shape (", g.rows(), ", ", g.cols(), ")"));
  }
}

void check_square(std::string_view where, const Eigen::Ref<const Matrix>& g) {
  if (g.rows() != g.cols()) {
    throw ValueError(cat(where, ": the graph must be square (N, N), got shape (", g.rows(), ", ", g.cols(), ")"));
  }
  if (g.rows() > std::numeric_limits<int>::max()) {
    throw ValueError(cat(where, ": ", g.rows(), " nodes do not fit 32-bit indices"));
  }
}

void check_weights(std::string_view where, const Csr& g, bool negative_allowed) {
  for (int i = 0; i < g.rows; ++i) {
    for (int e = g.begin(i); e < g.end(i); ++e) {
      const double w = g.data[e];
      if (std::isnan(w)) throw ValueError(cat(where, ": the weight of edge (", i, ", ", g.indices[e], ") is NaN"));
      if (!negative_allowed && w < 0) {
        throw ValueError(cat(where, ": the weight of edge (", i, ", ", g.indices[e], ") is negative (", w,
                             "); use johnson or bellman_ford"));
      }
    }
  }
}

int check_node(std::string_view where, std::string_view what, Index i, int n) {
  if (i < 0 || i >= n) {
    throw ValueError(cat(where, ": ", what, " ", i, " is out of range for a graph of ", n, " nodes"));
  }
  return static_cast<int>(i);
}

std::vector<int> check_sources(std::string_view where, const std::optional<std::vector<Index>>& indices, int n) {
  std::vector<int> sources;
  if (!indices) {
    sources.resize(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) sources[i] = i;
    return sources;
  }
  sources.reserve(indices->size());
  for (const Index i : *indices) sources.push_back(check_node(where, "index", i, n));
  return sources;
}

}  // namespace scilearn::sparse::csgraph::detail
