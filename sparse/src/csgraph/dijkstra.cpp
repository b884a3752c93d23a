// Dijkstra's algorithm with an indexed 4-ary heap (SciPy uses a Fibonacci
// heap; an implicit d-ary heap with decrease-key moves less memory on sparse
// graphs and gives the same distances).
#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/sparse/csgraph.hpp>
#include <vector>

#include "csgraph/paths.hpp"

namespace scilearn::sparse::csgraph {

namespace detail {

namespace {

constexpr int kUnseen = -1;
constexpr int kScanned = -2;
constexpr double kInf = std::numeric_limits<double>::infinity();

// Per node: its tentative distance, predecessor, and heap slot or state
// (kUnseen, kScanned, or the slot >= 0 while in the heap), side by side so a
// relaxation touches one cache line.
struct Node {
  double dist = kInf;
  int pred = NULL_IDX;
  int slot = kUnseen;
};

// A 4-ary min-heap of (distance, node) that keeps each node's slot up to
// date, so a node's key can be decreased in place (fewer levels, and so fewer
// cache misses, than a binary heap on large graphs).
class Heap {
 public:
  explicit Heap(std::vector<Node>& nodes) : nodes_(nodes) { items_.reserve(64); }

  [[nodiscard]] bool empty() const { return items_.empty(); }

  void push(int v, double key) {
    items_.push_back({key, v});
    sift_up(static_cast<int>(items_.size()) - 1);
  }

  void decrease(int v, double key) { sift_up(nodes_[v].slot, key); }

  // Removes the nearest node and marks it scanned.
  int pop() {
    const int v = items_[0].node;
    nodes_[v].slot = kScanned;
    const Item last = items_.back();
    items_.pop_back();
    if (!items_.empty()) sift_down(last);
    return v;
  }

 private:
  struct Item {
    double key;
    int node;
  };
  static constexpr int kArity = 4;

  void sift_up(int slot) { sift_up(slot, items_[slot].key); }

  void sift_up(int slot, double key) {
    const int node = items_[slot].node;
    while (slot > 0) {
      const int parent = (slot - 1) / kArity;
      if (!(key < items_[parent].key)) break;
      items_[slot] = items_[parent];
      nodes_[items_[slot].node].slot = slot;
      slot = parent;
    }
    items_[slot] = {key, node};
    nodes_[node].slot = slot;
  }

  // Puts `item` at the root's place and moves it down.
  void sift_down(Item item) {
    const int size = static_cast<int>(items_.size());
    int slot = 0;
    for (;;) {
      const int first = kArity * slot + 1;
      if (first >= size) break;
      int best = first;
      const int last = std::min(first + kArity, size);
      for (int c = first + 1; c < last; ++c) {
        if (items_[c].key < items_[best].key) best = c;
      }
      if (!(items_[best].key < item.key)) break;
      items_[slot] = items_[best];
      nodes_[items_[slot].node].slot = slot;
      slot = best;
    }
    items_[slot] = item;
    nodes_[item.node].slot = slot;
  }

  std::vector<Node>& nodes_;
  std::vector<Item> items_;
};

// One run: the heap starts with `sources` at distance 0; on return `nodes`
// (and `origin`, the source each path starts from) hold the results for the
// nodes listed in `scanned`.
struct Run {
  const Csr& g;
  const Csr* gt;
  bool unweighted;
  double limit;  // finite: a path through a +inf edge never qualifies
  std::vector<Node> nodes;
  Heap heap;
  std::vector<int> origin, scanned;

  Run(const Csr& graph, const Csr* transposed, bool unweighted_, double limit_)
      : g(graph),
        gt(transposed),
        unweighted(unweighted_),
        limit(std::min(limit_, std::numeric_limits<double>::max())),
        nodes(static_cast<std::size_t>(graph.rows)),
        heap(nodes),
        origin(static_cast<std::size_t>(graph.rows), NULL_IDX) {}

  // SciPy's _dijkstra_scan_heap: insert unseen neighbours within the limit,
  // decrease the key on a strict improvement.
  template <bool Unweighted>
  void scan(const Csr& a, int v) {
    const double dv = nodes[v].dist;
    for (int e = a.begin(v); e < a.end(v); ++e) {
      const int w = a.indices[e];
      Node& node = nodes[w];
      if (node.slot == kScanned) continue;
      const double next = dv + (Unweighted ? 1.0 : a.data[e]);
      if (!(next <= limit)) continue;
      if (node.slot == kUnseen) {
        node.dist = next;
        node.pred = v;
        origin[w] = origin[v];
        heap.push(w, next);
      } else if (node.dist > next) {
        node.dist = next;
        node.pred = v;
        origin[w] = origin[v];
        heap.decrease(w, next);
      }
    }
  }

  template <bool Unweighted>
  void solve(const int* sources, std::size_t count) {
    for (const int v : scanned) {
      nodes[v] = Node{};
      origin[v] = NULL_IDX;
    }
    scanned.clear();
    for (std::size_t k = 0; k < count; ++k) {
      const int s = sources[k];
      if (nodes[s].slot != kUnseen) continue;  // a repeated source
      nodes[s].dist = 0.0;
      origin[s] = s;
      heap.push(s, 0.0);
    }
    while (!heap.empty()) {
      const int v = heap.pop();
      scanned.push_back(v);
      scan<Unweighted>(g, v);
      if (gt != nullptr) scan<Unweighted>(*gt, v);
    }
  }

  void solve(const int* sources, std::size_t count) {
    if (unweighted) {
      solve<true>(sources, count);
    } else {
      solve<false>(sources, count);
    }
  }
};

}  // namespace

ShortestPathResult dijkstra_core(const Csr& g, const Csr* gt, const std::vector<int>& sources,
                                 bool return_predecessors, bool unweighted, double limit, bool min_only) {
  const int n = g.rows;
  const Index rows = min_only ? 1 : static_cast<Index>(sources.size());
  ShortestPathResult result;
  result.dist_matrix.setConstant(rows, n, kInf);
  if (return_predecessors) result.predecessors.setConstant(rows, n, NULL_IDX);
  if (min_only && return_predecessors) result.sources.setConstant(n, NULL_IDX);
  Run run(g, gt, unweighted, limit);
  for (Index k = 0; k < rows; ++k) {
    if (min_only) {
      run.solve(sources.data(), sources.size());
    } else {
      run.solve(&sources[static_cast<std::size_t>(k)], 1);
    }
    for (const int v : run.scanned) {
      result.dist_matrix(k, v) = run.nodes[v].dist;
      if (return_predecessors) result.predecessors(k, v) = run.nodes[v].pred;
      if (min_only && return_predecessors) result.sources(v) = run.origin[v];
    }
  }
  return result;
}

}  // namespace detail

ShortestPathResult dijkstra(const CsrMatrix& csgraph, const DijkstraOptions& options) {
  detail::check_square("dijkstra", csgraph);
  if (!(options.limit >= 0)) throw ValueError(cat("dijkstra: limit must be >= 0, got ", options.limit));
  const detail::Csr g(csgraph);
  detail::check_weights("dijkstra", g, options.unweighted);
  const std::vector<int> sources = detail::check_sources("dijkstra", options.indices, g.rows);
  if (options.directed) {
    return detail::dijkstra_core(g, nullptr, sources, options.return_predecessors, options.unweighted, options.limit,
                                 options.min_only);
  }
  const detail::Csr gt = g.transpose();
  return detail::dijkstra_core(g, &gt, sources, options.return_predecessors, options.unweighted, options.limit,
                               options.min_only);
}

}  // namespace scilearn::sparse::csgraph
