// Maximum bipartite matching by Hopcroft & Karp (1973): breadth-first layers
// from the free rows, then vertex-disjoint shortest augmenting paths found by
// an iterative depth-first search; O(nnz sqrt(m + n)).
#include <limits>
#include <scilearn/sparse/csgraph.hpp>
#include <vector>

#include "csgraph/graph.hpp"

namespace scilearn::sparse::csgraph {

namespace {

constexpr int kFree = -1;
constexpr int kNoLayer = std::numeric_limits<int>::max();

class HopcroftKarp {
 public:
  explicit HopcroftKarp(const detail::Csr& g)
      : g_(g),
        row_match_(static_cast<std::size_t>(g.rows), kFree),
        col_match_(static_cast<std::size_t>(g.cols), kFree),
        layer_(static_cast<std::size_t>(g.rows)),
        cursor_(static_cast<std::size_t>(g.rows)) {}

  void run() {
    while (build_layers()) {
      for (int r = 0; r < g_.rows; ++r) cursor_[r] = g_.begin(r);
      for (int r = 0; r < g_.rows; ++r) {
        if (row_match_[r] == kFree) augment(r);
      }
    }
  }

  const std::vector<int>& row_match() const { return row_match_; }
  const std::vector<int>& col_match() const { return col_match_; }

 private:
  // Layers of rows reachable from free rows by alternating paths; true when a
  // free column is reached.
  bool build_layers() {
    std::vector<int>& queue = queue_;
    queue.clear();
    for (int r = 0; r < g_.rows; ++r) {
      layer_[r] = row_match_[r] == kFree ? 0 : kNoLayer;
      if (row_match_[r] == kFree) queue.push_back(r);
    }
    bool found = false;
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const int r = queue[head];
      for (int e = g_.begin(r); e < g_.end(r); ++e) {
        const int owner = col_match_[g_.indices[e]];
        if (owner == kFree) {
          found = true;
        } else if (layer_[owner] == kNoLayer) {
          layer_[owner] = layer_[r] + 1;
          queue.push_back(owner);
        }
      }
    }
    return found;
  }

  // Depth-first search for an augmenting path from the free row `root` along
  // the layers; flips it when found. Dead ends leave the layer graph.
  void augment(int root) {
    std::vector<int>& path = path_;  // rows on the current path
    path.assign(1, root);
    while (!path.empty()) {
      const int r = path.back();
      bool advanced = false;
      for (int& e = cursor_[r]; e < g_.end(r); ++e) {
        const int c = g_.indices[e];
        const int owner = col_match_[c];
        if (owner == kFree) {
          // Flip the path: each row on it takes the column its cursor points at.
          for (auto it = path.rbegin(); it != path.rend(); ++it) {
            const int row = *it;
            const int col = g_.indices[cursor_[row]];
            row_match_[row] = col;
            col_match_[col] = row;
            ++cursor_[row];
          }
          return;
        }
        if (layer_[owner] == layer_[r] + 1) {
          path.push_back(owner);
          advanced = true;
          break;
        }
      }
      if (!advanced) {
        layer_[r] = kNoLayer;  // no augmenting path through r in this phase
        path.pop_back();
        if (!path.empty()) ++cursor_[path.back()];
      }
    }
  }

  const detail::Csr& g_;
  std::vector<int> row_match_, col_match_, layer_, cursor_, queue_, path_;
};

}  // namespace

Eigen::VectorXi maximum_bipartite_matching(const CsrMatrix& graph, PermType perm_type) {
  const detail::Csr g(graph);
  HopcroftKarp matcher(g);
  matcher.run();
  const std::vector<int>& match = perm_type == PermType::row ? matcher.col_match() : matcher.row_match();
  return Eigen::Map<const Eigen::VectorXi>(match.data(), static_cast<Index>(match.size()));
}

}  // namespace scilearn::sparse::csgraph
