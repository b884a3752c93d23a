// Reverse Cuthill-McKee (Cuthill & McKee 1969; George 1971), as SciPy's
// _reverse_cuthill_mckee: nodes sorted by degree seed one breadth-first search
// per component; each node's unvisited neighbours join the order sorted by
// degree (stable insertion sort, so equal degrees keep their stored order);
// the result is reversed.
#include <algorithm>
#include <numeric>
#include <scilearn/sparse/csgraph.hpp>
#include <vector>

#include "csgraph/graph.hpp"

namespace scilearn::sparse::csgraph {

namespace {

// The pattern of G + Gᵀ without the entries that cancel to 0 (SciPy's sparse
// sum drops them), columns increasing.
void symmetric_pattern(const detail::Csr& g, std::vector<int>& indptr, std::vector<int>& indices) {
  const detail::Csr gt = g.transpose();
  const int n = g.rows;
  indptr.assign(static_cast<std::size_t>(n) + 1, 0);
  indices.clear();
  std::vector<double> sum(static_cast<std::size_t>(n), 0.0);
  std::vector<char> touched(static_cast<std::size_t>(n), 0);
  std::vector<int> cols;
  for (int i = 0; i < n; ++i) {
    cols.clear();
    for (const detail::Csr* a : {&g, &gt}) {
      for (int e = a->begin(i); e < a->end(i); ++e) {
        const int j = a->indices[e];
        if (!touched[j]) {
          touched[j] = 1;
          cols.push_back(j);
        }
        sum[j] += a->data[e];
      }
    }
    std::sort(cols.begin(), cols.end());
    for (const int j : cols) {
      if (sum[j] != 0) indices.push_back(j);
      sum[j] = 0;
      touched[j] = 0;
    }
    indptr[static_cast<std::size_t>(i) + 1] = static_cast<int>(indices.size());
  }
}

}  // namespace

Eigen::VectorXi reverse_cuthill_mckee(const CsrMatrix& graph, bool symmetric_mode) {
  detail::check_square("reverse_cuthill_mckee", graph);
  const detail::Csr g(graph);
  const int n = g.rows;
  std::vector<int> indptr, indices;
  if (symmetric_mode) {
    indptr.assign(g.indptr, g.indptr + n + 1);
    for (int& p : indptr) p -= g.indptr[0];
    indices.assign(g.indices + g.indptr[0], g.indices + g.indptr[n]);
  } else {
    symmetric_pattern(g, indptr, indices);
  }
  // SciPy's _node_degrees: the row length, plus one for a diagonal entry.
  std::vector<int> degree(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    degree[i] = indptr[i + 1] - indptr[i];
    for (int e = indptr[i]; e < indptr[i + 1]; ++e) {
      if (indices[e] == i) {
        ++degree[i];
        break;
      }
    }
  }
  // Seeds by increasing degree; SciPy's argsort is NumPy's unstable default,
  // ours breaks ties by index.
  std::vector<int> seeds(static_cast<std::size_t>(n));
  std::iota(seeds.begin(), seeds.end(), 0);
  std::stable_sort(seeds.begin(), seeds.end(), [&](int a, int b) { return degree[a] < degree[b]; });
  std::vector<char> visited(static_cast<std::size_t>(n), 0);
  std::vector<int> order;
  order.reserve(static_cast<std::size_t>(n));
  for (const int seed : seeds) {
    if (order.size() == static_cast<std::size_t>(n)) break;
    if (visited[seed]) continue;
    visited[seed] = 1;
    order.push_back(seed);
    for (std::size_t head = order.size() - 1; head < order.size(); ++head) {
      const int v = order[head];
      const std::size_t first = order.size();
      for (int e = indptr[v]; e < indptr[v + 1]; ++e) {
        const int w = indices[e];
        if (!visited[w]) {
          visited[w] = 1;
          order.push_back(w);
        }
      }
      std::stable_sort(order.begin() + static_cast<std::ptrdiff_t>(first), order.end(),
                       [&](int a, int b) { return degree[a] < degree[b]; });
    }
  }
  Eigen::VectorXi perm(n);
  for (int k = 0; k < n; ++k) perm[k] = order[static_cast<std::size_t>(n - 1 - k)];
  return perm;
}

}  // namespace scilearn::sparse::csgraph
