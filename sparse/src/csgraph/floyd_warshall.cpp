// The Floyd-Warshall algorithm on the dense distance matrix, as SciPy's
// _floyd_warshall: the same initialization (undirected: the smaller of the
// two directions; the diagonal 0) and the same strict-improvement updates,
// visited column by column for Eigen's column-major storage (within one k
// the order cannot change the result unless a negative cycle exists, which
// then throws in either order).
#include <algorithm>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/sparse/csgraph.hpp>
#include <vector>

#include "csgraph/paths.hpp"

namespace scilearn::sparse::csgraph {

ShortestPathResult floyd_warshall(const CsrMatrix& csgraph, const PathOptions& options) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  detail::check_square("floyd_warshall", csgraph);
  if (options.indices) throw ValueError("floyd_warshall: cannot specify indices with method FW");
  const detail::Csr g(csgraph);
  detail::check_weights("floyd_warshall", g, true);
  const int n = g.rows;
  ShortestPathResult result;
  Matrix& dist = result.dist_matrix;
  dist = csgraph_to_dense(csgraph, kInf);
  if (options.unweighted) dist = (dist.array() == kInf).select(dist, 1.0);
  if (!options.directed) {
    for (int j = 0; j < n; ++j) {
      for (int i = j + 1; i < n; ++i) dist(i, j) = dist(j, i) = std::min(dist(i, j), dist(j, i));
    }
  }
  dist.diagonal().setZero();
  const bool with_pred = options.return_predecessors;
  Eigen::MatrixXi& pred = result.predecessors;
  if (with_pred) {
    pred.resize(n, n);
    for (int j = 0; j < n; ++j) {
      for (int i = 0; i < n; ++i) pred(i, j) = (i == j || dist(i, j) == kInf) ? NULL_IDX : i;
    }
  }
  for (int k = 0; k < n; ++k) {
    for (int j = 0; j < n; ++j) {
      const double dkj = dist(k, j);
      if (dkj == kInf) continue;
      double* col = &dist(0, j);
      const double* colk = &dist(0, k);
      for (int i = 0; i < n; ++i) {
        const double through = colk[i] + dkj;
        if (through < col[i]) {
          col[i] = through;
          if (with_pred) pred(i, j) = pred(k, j);
        }
      }
    }
  }
  std::vector<int> on_cycle;
  for (int i = 0; i < n; ++i) {
    if (dist(i, i) < 0) on_cycle.push_back(i);
  }
  if (!on_cycle.empty()) {
    std::string nodes;
    for (std::size_t c = 0; c < on_cycle.size() && c < 10; ++c) nodes += cat(c == 0 ? "" : " ", on_cycle[c]);
    if (on_cycle.size() > 10) nodes += " ...";
    throw NegativeCycleError(cat("floyd_warshall: negative cycle in nodes [", nodes, "]"));
  }
  return result;
}

}  // namespace scilearn::sparse::csgraph
