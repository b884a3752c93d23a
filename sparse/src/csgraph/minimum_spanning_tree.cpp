// Kruskal's algorithm over the stored entries, as SciPy's
// _min_spanning_tree: entries sorted stably by weight (ties in storage
// order), each kept where it is stored when it joins two trees, zero-weight
// entries dropped at the end (SciPy's eliminate_zeros).
#include <algorithm>
#include <numeric>
#include <utility>
#include <scilearn/sparse/csgraph.hpp>
#include <vector>

#include "csgraph/graph.hpp"

namespace scilearn::sparse::csgraph {

namespace {

// Union-find with path halving and union by rank.
class DisjointSets {
 public:
  explicit DisjointSets(int n) : parent_(static_cast<std::size_t>(n)), rank_(static_cast<std::size_t>(n), 0) {
    std::iota(parent_.begin(), parent_.end(), 0);
  }
  int find(int v) {
    while (parent_[v] != v) {
      parent_[v] = parent_[parent_[v]];
      v = parent_[v];
    }
    return v;
  }
  // Joins the sets of a and b; false if they were one already.
  bool join(int a, int b) {
    a = find(a);
    b = find(b);
    if (a == b) return false;
    if (rank_[a] < rank_[b]) std::swap(a, b);
    parent_[b] = a;
    if (rank_[a] == rank_[b]) ++rank_[a];
    return true;
  }

 private:
  std::vector<int> parent_, rank_;
};

}  // namespace

CsrMatrix minimum_spanning_tree(const CsrMatrix& csgraph) {
  detail::check_square("minimum_spanning_tree", csgraph);
  const detail::Csr g(csgraph);
  detail::check_weights("minimum_spanning_tree", g, true);
  const int n = g.rows;
  const int base = g.indptr[0];
  const int nnz = static_cast<int>(g.nnz());
  std::vector<int> row(static_cast<std::size_t>(nnz));
  for (int i = 0; i < n; ++i) {
    for (int e = g.begin(i); e < g.end(i); ++e) row[static_cast<std::size_t>(e - base)] = i;
  }
  std::vector<int> order(static_cast<std::size_t>(nnz));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return g.data[base + a] < g.data[base + b]; });
  std::vector<char> keep(static_cast<std::size_t>(nnz), 0);
  DisjointSets sets(n);
  int edges = 0;
  for (std::size_t k = 0; k < order.size() && edges < n - 1; ++k) {
    const int e = order[k];
    if (sets.join(row[static_cast<std::size_t>(e)], g.indices[base + e])) {
      keep[static_cast<std::size_t>(e)] = 1;
      ++edges;
    }
  }
  std::vector<int> indptr(static_cast<std::size_t>(n) + 1, 0), indices;
  std::vector<double> data;
  std::vector<std::pair<int, double>> entries;
  for (int i = 0; i < n; ++i) {
    // Eigen wants increasing columns within a row (a Map may store them unsorted).
    entries.clear();
    for (int e = g.begin(i); e < g.end(i); ++e) {
      if (keep[static_cast<std::size_t>(e - base)] && g.data[e] != 0) entries.emplace_back(g.indices[e], g.data[e]);
    }
    std::sort(entries.begin(), entries.end());
    for (const auto& [j, w] : entries) {
      indices.push_back(j);
      data.push_back(w);
    }
    indptr[static_cast<std::size_t>(i) + 1] = static_cast<int>(indices.size());
  }
  return detail::make_csr(n, n, indptr, indices, data);
}

}  // namespace scilearn::sparse::csgraph
