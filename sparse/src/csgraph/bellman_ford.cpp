// The Bellman-Ford algorithm, sweeping nodes in increasing order and each
// node's edges in stored order (row i of G, then of Gᵀ when undirected), as
// SciPy's _bellman_ford_directed / _undirected, so ties resolve the same way.
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/sparse/csgraph.hpp>
#include <vector>

#include "csgraph/paths.hpp"

namespace scilearn::sparse::csgraph {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Relaxes every edge leaving j once; true if a distance dropped.
bool relax(const detail::Csr& a, int j, bool unweighted, std::vector<double>& dist, std::vector<int>& pred) {
  const double d1 = dist[j];
  if (d1 == kInf) return false;  // inf + w is never an improvement
  bool changed = false;
  for (int e = a.begin(j); e < a.end(j); ++e) {
    const int k = a.indices[e];
    const double d2 = d1 + (unweighted ? 1.0 : a.data[e]);
    if (d2 < dist[k]) {
      dist[k] = d2;
      pred[k] = j;
      changed = true;
    }
  }
  return changed;
}

// The first node whose distance an edge could still lower, or -1.
int improvable(const detail::Csr& a, int j, bool unweighted, const std::vector<double>& dist) {
  if (dist[j] == kInf) return -1;
  for (int e = a.begin(j); e < a.end(j); ++e) {
    if (dist[j] + (unweighted ? 1.0 : a.data[e]) < dist[a.indices[e]]) return a.indices[e];
  }
  return -1;
}

}  // namespace

ShortestPathResult bellman_ford(const CsrMatrix& csgraph, const PathOptions& options) {
  detail::check_square("bellman_ford", csgraph);
  const detail::Csr g(csgraph);
  detail::check_weights("bellman_ford", g, true);
  const std::vector<int> sources = detail::check_sources("bellman_ford", options.indices, g.rows);
  std::optional<detail::Csr> gt;
  if (!options.directed) gt.emplace(g.transpose());
  const int n = g.rows;
  const Index rows = static_cast<Index>(sources.size());
  ShortestPathResult result;
  result.dist_matrix.resize(rows, n);
  if (options.return_predecessors) result.predecessors.resize(rows, n);
  std::vector<double> dist(static_cast<std::size_t>(n));
  std::vector<int> pred(static_cast<std::size_t>(n));
  for (Index k = 0; k < rows; ++k) {
    std::fill(dist.begin(), dist.end(), kInf);
    std::fill(pred.begin(), pred.end(), NULL_IDX);
    dist[sources[static_cast<std::size_t>(k)]] = 0.0;
    // n sweeps settle every path of up to n edges; a sweep that changes
    // nothing ends early (the later ones would change nothing either).
    bool changed = true;
    for (int sweep = 0; sweep < n && changed; ++sweep) {
      changed = false;
      for (int j = 0; j < n; ++j) {
        changed |= relax(g, j, options.unweighted, dist, pred);
        if (gt) changed |= relax(*gt, j, options.unweighted, dist, pred);
      }
    }
    if (changed) {
      for (int j = 0; j < n; ++j) {
        int node = improvable(g, j, options.unweighted, dist);
        if (node < 0 && gt) node = improvable(*gt, j, options.unweighted, dist);
        if (node >= 0) {
          throw NegativeCycleError(cat("bellman_ford: negative cycle detected on node ", node, " (from source ",
                                       sources[static_cast<std::size_t>(k)], ")"));
        }
      }
    }
    for (int j = 0; j < n; ++j) result.dist_matrix(k, j) = dist[j];
    if (options.return_predecessors) {
      for (int j = 0; j < n; ++j) result.predecessors(k, j) = pred[j];
    }
  }
  return result;
}

}  // namespace scilearn::sparse::csgraph
