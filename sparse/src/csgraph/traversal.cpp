// Breadth- and depth-first traversal and the trees they span, visiting
// neighbours in SciPy's order (row i of G, then row i of Gᵀ when undirected).
#include <algorithm>
#include <limits>
#include <numeric>
#include <optional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/sparse/csgraph.hpp>
#include <vector>

#include "csgraph/graph.hpp"

namespace scilearn::sparse::csgraph {

namespace {

// The adjacency a traversal walks: g, and gt when undirected.
struct Neighbours {
  const detail::Csr& g;
  std::optional<detail::Csr> gt;
  Neighbours(const detail::Csr& graph, bool directed) : g(graph) {
    if (!directed) gt.emplace(graph.transpose());
  }
};

TraversalResult finish(std::vector<int> order, std::vector<int> pred) {
  TraversalResult r;
  r.node_array = Eigen::Map<const Eigen::VectorXi>(order.data(), static_cast<Index>(order.size()));
  r.predecessors = Eigen::Map<const Eigen::VectorXi>(pred.data(), static_cast<Index>(pred.size()));
  return r;
}

TraversalResult bfs(const detail::Csr& graph, int start, bool directed) {
  const Neighbours adj(graph, directed);
  const int n = graph.rows;
  std::vector<int> pred(static_cast<std::size_t>(n), NULL_IDX);
  std::vector<int> order;
  order.reserve(static_cast<std::size_t>(n));
  order.push_back(start);
  for (std::size_t head = 0; head < order.size(); ++head) {
    const int v = order[head];
    for (const detail::Csr* a : {&adj.g, adj.gt ? &*adj.gt : nullptr}) {
      if (a == nullptr) continue;
      for (int e = a->begin(v); e < a->end(v); ++e) {
        const int w = a->indices[e];
        if (w != start && pred[w] == NULL_IDX) {
          pred[w] = v;
          order.push_back(w);
        }
      }
    }
  }
  return finish(std::move(order), std::move(pred));
}

// SciPy's iterative depth-first search: from the node on top of the path,
// step to its first unvisited neighbour, or back up when there is none. Each
// node keeps how far its edges were looked at (the edges before are visited
// for good), which gives SciPy's order in O(N + nnz).
TraversalResult dfs(const detail::Csr& graph, int start, bool directed) {
  const Neighbours adj(graph, directed);
  const detail::Csr* gt = adj.gt ? &*adj.gt : nullptr;
  const int n = graph.rows;
  std::vector<int> pred(static_cast<std::size_t>(n), NULL_IDX);
  std::vector<char> visited(static_cast<std::size_t>(n), 0);
  // cursor[v]: the next edge of v to look at, counting G's row, then Gᵀ's.
  std::vector<int> cursor(static_cast<std::size_t>(n), 0);
  std::vector<int> order{start}, path{start};
  visited[start] = 1;
  while (!path.empty() && order.size() < static_cast<std::size_t>(n)) {
    const int v = path.back();
    const int own = graph.end(v) - graph.begin(v);
    const int total = own + (gt != nullptr ? gt->end(v) - gt->begin(v) : 0);
    int next = -1;
    while (cursor[v] < total && next < 0) {
      const int c = cursor[v]++;
      const int w = c < own ? graph.indices[graph.begin(v) + c] : gt->indices[gt->begin(v) + (c - own)];
      if (!visited[w]) next = w;
    }
    if (next < 0) {
      path.pop_back();
      continue;
    }
    visited[next] = 1;
    pred[next] = v;
    order.push_back(next);
    path.push_back(next);
  }
  return finish(std::move(order), std::move(pred));
}

}  // namespace

TraversalResult breadth_first_order(const CsrMatrix& csgraph, Index i_start, bool directed) {
  detail::check_square("breadth_first_order", csgraph);
  const detail::Csr g(csgraph);
  return bfs(g, detail::check_node("breadth_first_order", "i_start", i_start, g.rows), directed);
}

TraversalResult depth_first_order(const CsrMatrix& csgraph, Index i_start, bool directed) {
  detail::check_square("depth_first_order", csgraph);
  const detail::Csr g(csgraph);
  return dfs(g, detail::check_node("depth_first_order", "i_start", i_start, g.rows), directed);
}

CsrMatrix reconstruct_path(const CsrMatrix& csgraph, const Eigen::Ref<const Eigen::VectorXi>& predecessors,
                           bool directed) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  detail::check_square("reconstruct_path", csgraph);
  const detail::Csr g(csgraph);
  detail::check_weights("reconstruct_path", g, true);
  const int n = g.rows;
  if (predecessors.size() != n) {
    throw ValueError(
        cat("reconstruct_path: predecessors has ", predecessors.size(), " entries but the graph has ", n, " nodes"));
  }
  // Children grouped by parent (counting sort), in increasing order within a parent.
  std::vector<int> indptr(static_cast<std::size_t>(n) + 1, 0);
  for (int j = 0; j < n; ++j) {
    const int p = predecessors[j];
    if (p < 0) continue;  // NULL_IDX, or any negative, as SciPy
    if (p >= n) throw ValueError(cat("reconstruct_path: predecessor ", p, " of node ", j, " is out of range"));
    ++indptr[static_cast<std::size_t>(p) + 1];
  }
  std::partial_sum(indptr.begin(), indptr.end(), indptr.begin());
  std::vector<int> indices(static_cast<std::size_t>(indptr[n]));
  std::vector<double> data(indices.size());
  std::vector<int> next(indptr.begin(), indptr.end() - 1);
  // forward[j] = G(p, j) and, undirected, backward[j] = G(j, p) for j's parent p
  // (0 when not stored; of several stored entries the first), in O(N + nnz).
  std::vector<double> forward(static_cast<std::size_t>(n), 0.0), backward(static_cast<std::size_t>(n), 0.0);
  std::vector<char> found(static_cast<std::size_t>(n), 0);
  for (int p = 0; p < n; ++p) {
    for (int e = g.begin(p); e < g.end(p); ++e) {
      const int j = g.indices[e];
      if (predecessors[j] == p && !found[j]) {
        forward[j] = g.data[e];
        found[j] = 1;
      }
    }
  }
  if (!directed) {
    for (int j = 0; j < n; ++j) {
      const int p = predecessors[j];
      if (p < 0) continue;
      for (int e = g.begin(j); e < g.end(j); ++e) {
        if (g.indices[e] == p) {
          backward[j] = g.data[e];
          break;
        }
      }
    }
  }
  for (int j = 0; j < n; ++j) {
    const int p = predecessors[j];
    if (p < 0) continue;
    double w = forward[j];
    // SciPy, undirected: min(G[p, j], G[j, p]) with zeros (absent or stored) as +inf.
    if (!directed) w = std::min(w == 0 ? kInf : w, backward[j] == 0 ? kInf : backward[j]);
    indices[static_cast<std::size_t>(next[p])] = j;
    data[static_cast<std::size_t>(next[p]++)] = w;
  }
  return detail::make_csr(n, n, indptr, indices, data);
}

CsrMatrix breadth_first_tree(const CsrMatrix& csgraph, Index i_start, bool directed) {
  return reconstruct_path(csgraph, breadth_first_order(csgraph, i_start, directed).predecessors, directed);
}

CsrMatrix depth_first_tree(const CsrMatrix& csgraph, Index i_start, bool directed) {
  return reconstruct_path(csgraph, depth_first_order(csgraph, i_start, directed).predecessors, directed);
}

}  // namespace scilearn::sparse::csgraph
