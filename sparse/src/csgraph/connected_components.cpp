// connected_components, numbering components exactly as SciPy 1.17 does.
#include <scilearn/sparse/csgraph.hpp>
#include <vector>

#include "csgraph/graph.hpp"

namespace scilearn::sparse::csgraph {

namespace {

constexpr int kVoid = -1;
constexpr int kEnd = -2;

// Weak components: a stack search over G and Gᵀ from each unlabeled node in
// increasing order, so labels follow the components' smallest nodes.
int weak_components(const detail::Csr& g, const detail::Csr& gt, Eigen::VectorXi& labels) {
  const int n = g.rows;
  labels.setConstant(n, kVoid);
  std::vector<int> stack(static_cast<std::size_t>(n), kVoid);  // linked stack: stack[v] is the next below v
  int label = 0;
  for (int root = 0; root < n; ++root) {
    if (labels[root] != kVoid) continue;
    int head = root;
    stack[root] = kEnd;
    while (head != kEnd) {
      const int v = head;
      head = stack[v];
      labels[v] = label;
      for (const detail::Csr* adj : {&g, &gt}) {
        for (int e = adj->begin(v); e < adj->end(v); ++e) {
          const int w = adj->indices[e];
          if (stack[w] == kVoid) {
            stack[w] = head;
            head = w;
          }
        }
      }
    }
    ++label;
  }
  return label;
}

// Strong components: SciPy's iterative version of Pearce's algorithm ("A
// space-efficient algorithm for finding strongly connected components",
// Pearce 2005), with its DFS stack that moves a re-discovered node to the top,
// so the components come out (and are numbered) in SciPy's order.
int strong_components(const detail::Csr& g, Eigen::VectorXi& labels) {
  const int n = g.rows;
  Eigen::VectorXi& lowlinks = labels;  // shares storage with labels, as SciPy's
  lowlinks.setConstant(n, kVoid);
  std::vector<int> ss(static_cast<std::size_t>(n), kVoid);  // the SCC stack; doubles as the DFS stack's forward links
  std::vector<int>& stack_f = ss;
  std::vector<int> stack_b(static_cast<std::size_t>(n), kVoid);
  int ss_head = kEnd;
  int index = 0;
  int label = n - 1;  // labels count down so as not to clash with lowlinks
  for (int root = 0; root < n; ++root) {
    if (lowlinks[root] != kVoid) continue;
    int stack_head = root;
    stack_f[root] = kEnd;
    stack_b[root] = kEnd;
    while (stack_head != kEnd) {
      const int v = stack_head;
      if (lowlinks[v] == kVoid) {
        lowlinks[v] = index++;
        for (int e = g.begin(v); e < g.end(v); ++e) {
          const int w = g.indices[e];
          if (lowlinks[w] != kVoid) continue;
          if (stack_f[w] != kVoid) {  // already on the DFS stack: excise it
            const int f = stack_f[w], b = stack_b[w];
            if (b != kEnd) stack_f[b] = f;
            if (f != kEnd) stack_b[f] = b;
          }
          stack_f[w] = stack_head;
          stack_b[w] = kEnd;
          stack_b[stack_head] = w;
          stack_head = w;
        }
      } else {
        stack_head = stack_f[v];
        if (stack_head >= 0) stack_b[stack_head] = kEnd;
        stack_f[v] = kVoid;
        stack_b[v] = kVoid;
        bool is_root = true;
        int low_v = lowlinks[v];
        for (int e = g.begin(v); e < g.end(v); ++e) {
          const int low_w = lowlinks[g.indices[e]];
          if (low_w < low_v) {
            low_v = low_w;
            is_root = false;
          }
        }
        lowlinks[v] = low_v;
        if (is_root) {
          --index;
          while (ss_head != kEnd && lowlinks[v] <= lowlinks[ss_head]) {
            const int w = ss_head;
            ss_head = ss[w];
            ss[w] = kVoid;
            labels[w] = label;
            --index;
          }
          labels[v] = label;
          --label;
        } else {
          ss[v] = ss_head;
          ss_head = v;
        }
      }
    }
  }
  labels = ((n - 1) - labels.array()).matrix();
  return (n - 1) - label;
}

}  // namespace

ConnectedComponentsResult connected_components(const CsrMatrix& csgraph, bool directed, Connection connection) {
  detail::check_square("connected_components", csgraph);
  const detail::Csr g(csgraph);
  ConnectedComponentsResult result;
  if (directed && connection == Connection::strong) {
    result.n_components = strong_components(g, result.labels);
  } else {
    result.n_components = weak_components(g, g.transpose(), result.labels);
  }
  return result;
}

}  // namespace scilearn::sparse::csgraph
