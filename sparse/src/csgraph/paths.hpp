#pragma once
// Internal to csgraph: the pieces the shortest-path functions share.

#include <scilearn/sparse/csgraph.hpp>
#include <string_view>
#include <vector>

#include "csgraph/graph.hpp"

namespace scilearn::sparse::csgraph::detail {

// Dijkstra from each source over g (and, when undirected, gt = gᵀ: row i of
// g, then row i of gt). Weights must be >= 0 (or unweighted: 1 per edge);
// nodes farther than limit (and paths through +inf edges) stay unreached.
// min_only: one row, all sources at once. Inputs are trusted.
ShortestPathResult dijkstra_core(const Csr& g, const Csr* gt, const std::vector<int>& sources,
                                 bool return_predecessors, bool unweighted, double limit, bool min_only);


}  // namespace scilearn::sparse::csgraph::detail
