// Johnson's algorithm (Johnson 1977): potentials h from Bellman-Ford on a
// virtual source joined to every node by a 0-weight edge, then Dijkstra on
// the non-negative weights w(i, j) + h(i) - h(j), as SciPy's johnson.
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/sparse/csgraph.hpp>
#include <vector>

#include "csgraph/paths.hpp"

namespace scilearn::sparse::csgraph {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// One Bellman-Ford sweep over the edges of a; true if a potential dropped.
bool sweep(const detail::Csr& a, bool unweighted, std::vector<double>& h) {
  bool changed = false;
  for (int j = 0; j < a.rows; ++j) {
    for (int e = a.begin(j); e < a.end(j); ++e) {
      const double next = h[j] + (unweighted ? 1.0 : a.data[e]);
      if (next < h[a.indices[e]]) {
        h[a.indices[e]] = next;
        changed = true;
      }
    }
  }
  return changed;
}

// The first node that a further sweep would still lower (on a negative cycle or reached from one).
int lowered(const detail::Csr& a, const detail::Csr* at, bool unweighted, const std::vector<double>& h) {
  for (const detail::Csr* m : {&a, at}) {
    if (m == nullptr) continue;
    for (int j = 0; j < m->rows; ++j) {
      for (int e = m->begin(j); e < m->end(j); ++e) {
        if (h[j] + (unweighted ? 1.0 : m->data[e]) < h[m->indices[e]]) return m->indices[e];
      }
    }
  }
  return 0;
}

// a's weights reweighted by the potentials (1 per edge when unweighted).
detail::Csr reweighted(const detail::Csr& a, bool unweighted, const std::vector<double>& h) {
  std::vector<double> data(static_cast<std::size_t>(a.nnz()));
  std::size_t slot = 0;
  for (int i = 0; i < a.rows; ++i) {
    for (int e = a.begin(i); e < a.end(i); ++e) {
      data[slot++] = (unweighted ? 1.0 : a.data[e]) + h[i] - h[a.indices[e]];
    }
  }
  return a.with_data(std::move(data));
}

}  // namespace

ShortestPathResult johnson(const CsrMatrix& csgraph, const PathOptions& options) {
  detail::check_square("johnson", csgraph);
  const detail::Csr g(csgraph);
  detail::check_weights("johnson", g, true);
  const std::vector<int> sources = detail::check_sources("johnson", options.indices, g.rows);
  std::optional<detail::Csr> gt;
  if (!options.directed) gt.emplace(g.transpose());
  const int n = g.rows;
  // h starts at 0: the virtual source's edges are already relaxed. Paths from
  // it have at most n - 1 real edges, so n - 1 sweeps settle h; one more that
  // still changes it proves a negative cycle.
  std::vector<double> h(static_cast<std::size_t>(n), 0.0);
  for (int pass = 0;; ++pass) {
    bool changed = sweep(g, options.unweighted, h);
    if (gt) changed |= sweep(*gt, options.unweighted, h);
    if (!changed) break;
    if (pass >= n - 1) {
      throw NegativeCycleError(
          cat("johnson: negative cycle detected on node ", lowered(g, gt ? &*gt : nullptr, options.unweighted, h)));
    }
  }
  const detail::Csr g2 = reweighted(g, options.unweighted, h);
  std::optional<detail::Csr> gt2;
  if (gt) gt2.emplace(reweighted(*gt, options.unweighted, h));
  ShortestPathResult result = detail::dijkstra_core(g2, gt2 ? &*gt2 : nullptr, sources, options.return_predecessors,
                                                    false, kInf, false);
  for (Index k = 0; k < result.dist_matrix.rows(); ++k) {
    const double hs = h[sources[static_cast<std::size_t>(k)]];
    for (int j = 0; j < n; ++j) {
      double& d = result.dist_matrix(k, j);
      if (d != kInf) d = d - hs + h[j];
    }
  }
  return result;
}

}  // namespace scilearn::sparse::csgraph
