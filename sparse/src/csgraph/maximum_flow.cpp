// Maximum flow on the residual network that SciPy builds (_add_reverse_edges):
// every stored edge (i, j) plus a 0-capacity reverse (j, i) where none is
// stored, each arc paired with its reverse; flow is kept skew-symmetric
// (flow[rev] = -flow[arc]). Dinic (1970) with an iterative blocking-flow
// search, or Edmonds & Karp (1972).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/sparse/csgraph.hpp>
#include <vector>

#include "csgraph/graph.hpp"

namespace scilearn::sparse::csgraph {

namespace {

struct Network {
  int n = 0;
  std::vector<int> indptr, head, rev;
  std::vector<std::int64_t> cap, flow;

  [[nodiscard]] std::int64_t residual(int e) const { return cap[e] - flow[e]; }
  void push(int e, std::int64_t amount) {
    flow[e] += amount;
    flow[rev[e]] -= amount;
  }
};

Network build(const detail::Csr& g) {
  const detail::Csr gt = g.transpose();
  Network net;
  const int n = net.n = g.rows;
  net.indptr.assign(static_cast<std::size_t>(n) + 1, 0);
  std::vector<std::int64_t> sum(static_cast<std::size_t>(n), 0);
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
        if (a == &g) sum[j] += static_cast<std::int64_t>(a->data[e]);
      }
    }
    std::sort(cols.begin(), cols.end());
    for (const int j : cols) {
      net.head.push_back(j);
      net.cap.push_back(sum[j]);
      sum[j] = 0;
      touched[j] = 0;
    }
    if (net.head.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
      throw ValueError("maximum_flow: the graph with its reverse edges does not fit 32-bit indices");
    }
    net.indptr[static_cast<std::size_t>(i) + 1] = static_cast<int>(net.head.size());
  }
  net.rev.resize(net.head.size());
  for (int i = 0; i < n; ++i) {
    for (int e = net.indptr[i]; e < net.indptr[i + 1]; ++e) {
      const int j = net.head[e];
      const auto first = net.head.begin() + net.indptr[j], last = net.head.begin() + net.indptr[j + 1];
      net.rev[e] = static_cast<int>(std::lower_bound(first, last, i) - net.head.begin());
    }
  }
  net.flow.assign(net.head.size(), 0);
  return net;
}

// Breadth-first levels over arcs with residual capacity; true if t is reached.
bool levels(const Network& net, int s, int t, std::vector<int>& level, std::vector<int>& queue) {
  std::fill(level.begin(), level.end(), -1);
  queue.assign(1, s);
  level[s] = 0;
  for (std::size_t q = 0; q < queue.size(); ++q) {
    const int v = queue[q];
    for (int e = net.indptr[v]; e < net.indptr[v + 1]; ++e) {
      const int w = net.head[e];
      if (level[w] < 0 && net.residual(e) > 0) {
        level[w] = level[v] + 1;
        queue.push_back(w);
      }
    }
  }
  return level[t] >= 0;
}

void dinic(Network& net, int s, int t) {
  std::vector<int> level(static_cast<std::size_t>(net.n)), queue, cursor(static_cast<std::size_t>(net.n)), path;
  while (levels(net, s, t, level, queue)) {
    std::copy(net.indptr.begin(), net.indptr.end() - 1, cursor.begin());
    path.clear();  // arcs from s
    int v = s;
    for (;;) {
      if (v == t) {
        std::int64_t amount = std::numeric_limits<std::int64_t>::max();
        for (const int e : path) amount = std::min(amount, net.residual(e));
        std::size_t keep = path.size();
        for (std::size_t k = 0; k < path.size(); ++k) {
          net.push(path[k], amount);
          if (keep == path.size() && net.residual(path[k]) == 0) keep = k;
        }
        path.resize(keep);  // back to the tail of the first saturated arc
        v = path.empty() ? s : net.head[path.back()];
        continue;
      }
      int& e = cursor[v];
      while (e < net.indptr[v + 1] && !(net.residual(e) > 0 && level[net.head[e]] == level[v] + 1)) ++e;
      if (e < net.indptr[v + 1]) {
        path.push_back(e);
        v = net.head[e];
        continue;
      }
      if (v == s) break;  // blocking flow found
      level[v] = -1;      // dead end
      path.pop_back();
      v = path.empty() ? s : net.head[path.back()];
      ++cursor[v];
    }
  }
}

void edmonds_karp(Network& net, int s, int t) {
  std::vector<int> arc_to(static_cast<std::size_t>(net.n)), queue;
  for (;;) {
    std::fill(arc_to.begin(), arc_to.end(), -1);
    queue.assign(1, s);
    for (std::size_t q = 0; q < queue.size() && arc_to[t] < 0; ++q) {
      const int v = queue[q];
      for (int e = net.indptr[v]; e < net.indptr[v + 1]; ++e) {
        const int w = net.head[e];
        if (w != s && arc_to[w] < 0 && net.residual(e) > 0) {
          arc_to[w] = e;
          queue.push_back(w);
        }
      }
    }
    if (arc_to[t] < 0) return;
    std::int64_t amount = std::numeric_limits<std::int64_t>::max();
    for (int v = t; v != s; v = net.head[net.rev[arc_to[v]]]) amount = std::min(amount, net.residual(arc_to[v]));
    for (int v = t; v != s; v = net.head[net.rev[arc_to[v]]]) net.push(arc_to[v], amount);
  }
}

}  // namespace

MaximumFlowResult maximum_flow(const CsrMatrix& csgraph, Index source, Index sink, FlowMethod method) {
  detail::check_square("maximum_flow", csgraph);
  const detail::Csr g(csgraph);
  for (int i = 0; i < g.rows; ++i) {
    for (int e = g.begin(i); e < g.end(i); ++e) {
      const double c = g.data[e];
      if (!(c >= 0 && c <= std::numeric_limits<int>::max() && std::floor(c) == c)) {
        throw ValueError(cat("maximum_flow: capacities must be integers in [0, 2^31), got ", c, " at (", i, ", ",
                             g.indices[e], ")"));
      }
    }
  }
  const int s = detail::check_node("maximum_flow", "source", source, g.rows);
  const int t = detail::check_node("maximum_flow", "sink", sink, g.rows);
  if (s == t) throw ValueError(cat("maximum_flow: source and sink must differ, both are ", s));
  Network net = build(g);
  if (method == FlowMethod::dinic) {
    dinic(net, s, t);
  } else {
    edmonds_karp(net, s, t);
  }
  MaximumFlowResult result;
  for (int e = net.indptr[s]; e < net.indptr[s + 1]; ++e) result.flow_value += net.flow[e];
  const std::vector<double> flow(net.flow.begin(), net.flow.end());
  result.flow = detail::make_csr(net.n, net.n, net.indptr, net.head, flow);
  return result;
}

}  // namespace scilearn::sparse::csgraph
