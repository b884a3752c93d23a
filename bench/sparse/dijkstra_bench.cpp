// csgraph::dijkstra against scipy.sparse.csgraph.dijkstra
// (bench/peers/sparse_dijkstra.py): shortest paths from 10 sources.
//
// Workload sparse_graph_NODES (NODES = 100000: 10^6 edges, the compare row;
// 10000: a quick run): indptr.npy, indices.npy, data.npy, a random directed
// graph in CSR: every node has 10 out-edges to distinct other nodes drawn
// uniformly, weights uniform on [0.01, 1), from Generator(NODES).
//
// Both sides: directed, indices = the 10 sources 0, NODES / 10, 2 NODES / 10, ...,
// distances only (no predecessors).
//
// Accuracy (`bellman`): how far the distances are from solving Bellman's
// equations d(s) = 0, d(v) = min over in-edges (u, v) of d(u) + w(u, v), which
// hold exactly for the true distances: max over sources and reached nodes of
// |d(v) - min_u (d(u) + w(u, v))| / max finite d, plus 1 for a source not at 0.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <scilearn/core/random.hpp>
#include <scilearn/sparse/csgraph.hpp>
#include <vector>

#include "sparse_bench.hpp"

namespace {

using scilearn::Index;
using scilearn::Matrix;
using scilearn::sparse::CsrMatrix;
namespace bench = scilearn::bench;
namespace cg = scilearn::sparse::csgraph;
namespace fs = std::filesystem;

std::string workload(Index nodes) { return "sparse_graph_" + std::to_string(nodes); }

CsrMatrix random_graph(Index nodes) {
  scilearn::Generator rng(static_cast<std::uint64_t>(nodes));
  std::vector<std::int32_t> indptr{0}, indices;
  std::vector<double> data;
  for (Index u = 0; u < nodes; ++u) {
    std::vector<std::int32_t> targets;
    while (targets.size() < 10) {
      const auto v = static_cast<std::int32_t>(rng.integers(0, nodes));
      if (v != u && std::find(targets.begin(), targets.end(), v) == targets.end()) targets.push_back(v);
    }
    std::sort(targets.begin(), targets.end());
    for (const auto v : targets) {
      indices.push_back(v);
      data.push_back(rng.uniform(0.01, 1.0));
    }
    indptr.push_back(static_cast<std::int32_t>(indices.size()));
  }
  return Eigen::Map<const CsrMatrix>(nodes, nodes, static_cast<Index>(data.size()), indptr.data(), indices.data(),
                                     data.data());
}

std::vector<Index> sources(Index nodes) {
  std::vector<Index> s;
  for (Index k = 0; k < 10; ++k) s.push_back(k * (nodes / 10));
  return s;
}

/// Bellman's equations' largest violation, relative to the largest distance.
double bellman_error(const CsrMatrix& g, const Matrix& d, const std::vector<Index>& src) {
  double worst = 0;
  for (Index k = 0; k < d.rows(); ++k) {
    std::vector<double> best(static_cast<std::size_t>(g.rows()), std::numeric_limits<double>::infinity());
    double largest = 0;
    for (Index u = 0; u < g.outerSize(); ++u) {
      if (!std::isfinite(d(k, u))) continue;
      largest = std::max(largest, d(k, u));
      for (CsrMatrix::InnerIterator it(g, u); it; ++it) {
        auto& b = best[static_cast<std::size_t>(it.col())];
        b = std::min(b, d(k, u) + it.value());
      }
    }
    const Index s = src[static_cast<std::size_t>(k)];
    if (d(k, s) != 0) return 1.0;
    for (Index v = 0; v < g.rows(); ++v) {
      if (v == s || !std::isfinite(d(k, v))) continue;
      worst = std::max(worst, std::abs(d(k, v) - best[static_cast<std::size_t>(v)]) / largest);
    }
  }
  return worst;
}

[[maybe_unused]] const bool registered_large =
    bench::register_data_writer(workload(100000), [](const fs::path& d) { bench::sparse::save_csr(d, random_graph(100000)); });
[[maybe_unused]] const bool registered_small =
    bench::register_data_writer(workload(10000), [](const fs::path& d) { bench::sparse::save_csr(d, random_graph(10000)); });

void BM_dijkstra(benchmark::State& state) {
  const Index nodes = state.range(0);
  CsrMatrix g;
  if (!bench::sparse::load_inputs(state, [&] { g = bench::sparse::load_csr(bench::data_dir() / workload(nodes)); }))
    return;
  const std::vector<Index> src = sources(nodes);
  bench::time_calls(
      state, [&] { return cg::dijkstra(g, {.indices = src}); },
      [&](const cg::ShortestPathResult& r) { return bellman_error(g, r.dist_matrix, src); });
}

}  // namespace

BENCHMARK(BM_dijkstra)->Name("dijkstra_10_sources")->Arg(100000)->Arg(10000)->UseRealTime()->Unit(benchmark::kMillisecond);
