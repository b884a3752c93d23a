// shortest_path: SciPy's dispatcher, including its rule for method 'auto'.
#include <scilearn/core/errors.hpp>
#include <scilearn/sparse/csgraph.hpp>

#include "csgraph/graph.hpp"

namespace scilearn::sparse::csgraph {

namespace {

// SciPy's 'auto': Dijkstra (Johnson with a negative stored weight) when
// sources are given or the graph has fewer than N^2 / 4 edges, else Floyd-Warshall.
Method choose(const CsrMatrix& csgraph, const ShortestPathOptions& options) {
  const detail::Csr g(csgraph);
  const Index n = g.rows;
  if (!options.indices && 4 * g.nnz() >= n * n) return Method::FW;
  for (Index e = g.indptr[0]; e < g.indptr[n]; ++e) {
    if (g.data[e] < 0) return Method::J;
  }
  return Method::D;
}

}  // namespace

ShortestPathResult shortest_path(const CsrMatrix& csgraph, const ShortestPathOptions& options) {
  detail::check_square("shortest_path", csgraph);
  const Method method = options.method == Method::automatic ? choose(csgraph, options) : options.method;
  const PathOptions path{.directed = options.directed,
                         .indices = options.indices,
                         .return_predecessors = options.return_predecessors,
                         .unweighted = options.unweighted};
  switch (method) {
    case Method::FW:
      if (options.indices) throw ValueError("shortest_path: cannot specify indices with method FW");
      return floyd_warshall(csgraph, path);
    case Method::BF:
      return bellman_ford(csgraph, path);
    case Method::J:
      return johnson(csgraph, path);
    case Method::D:
    case Method::automatic:
      break;
  }
  return dijkstra(csgraph, {.directed = options.directed,
                            .indices = options.indices,
                            .return_predecessors = options.return_predecessors,
                            .unweighted = options.unweighted});
}

}  // namespace scilearn::sparse::csgraph
