// sparse::eigsh by shift-invert against scipy.sparse.linalg.eigsh
// (bench/peers/sparse_eigsh.py): the 6 eigenvalues nearest sigma = -1e-3 (the
// 6 smallest) of a grid-graph Laplacian.
//
// Workload sparse_laplacian_SIDE (SIDE = 316: 99 856 nodes, about 10^5, the
// compare row; 50: a quick run): indptr.npy, indices.npy, data.npy, the CSR
// Laplacian D - W of the SIDE x SIDE grid graph with unit weights (singular:
// hence the small negative shift, which both sides factor: SciPy with
// SuperLU's LU, we with CHOLMOD's Cholesky, as A - sigma I is then SPD).
//
// Both sides: k = 6, sigma = -1e-3, which = LM (nearest sigma), tol = 0,
// ARPACK's default ncv and maxiter, eigenvectors computed (the defaults);
// starting vectors differ (ours from Generator(0), SciPy's from NumPy).
//
// Accuracy (`error`): max_k |lambda_k - exact_k| / 8 against the closed form
// (2 - 2 cos(pi i / SIDE)) + (2 - 2 cos(pi j / SIDE)), 8 bounding the spectrum.
// Counter `evaluations`: applications of the shift-invert operator.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <numbers>
#include <scilearn/core/io.hpp>
#include <scilearn/sparse/eigensolvers.hpp>
#include <vector>

#include "sparse_bench.hpp"

namespace {

using scilearn::Index;
using scilearn::Vector;
using scilearn::sparse::CsrMatrix;
namespace bench = scilearn::bench;
namespace sp = scilearn::sparse;
namespace fs = std::filesystem;

std::string workload(Index side) { return "sparse_laplacian_" + std::to_string(side); }

// The grid-graph Laplacian: each node's degree on the diagonal.
CsrMatrix grid_laplacian(Index side) {
  return bench::sparse::five_point(side, [](int neighbours) { return static_cast<double>(neighbours); });
}

/// The 6 smallest eigenvalues of the grid-graph Laplacian, from its closed form.
std::vector<double> exact_smallest(Index side) {
  std::vector<double> all;
  const double h = std::numbers::pi / static_cast<double>(side);
  for (Index i = 0; i < 6; ++i) {
    for (Index j = 0; j < 6; ++j) {
      all.push_back((2 - 2 * std::cos(static_cast<double>(i) * h)) + (2 - 2 * std::cos(static_cast<double>(j) * h)));
    }
  }
  std::sort(all.begin(), all.end());
  return {all.begin(), all.begin() + 6};
}

[[maybe_unused]] const bool registered_316 =
    bench::register_data_writer(workload(316), [](const fs::path& d) { bench::sparse::save_csr(d, grid_laplacian(316)); });
[[maybe_unused]] const bool registered_50 =
    bench::register_data_writer(workload(50), [](const fs::path& d) { bench::sparse::save_csr(d, grid_laplacian(50)); });

void BM_eigsh(benchmark::State& state) {
  const Index side = state.range(0);
  CsrMatrix a;
  if (!bench::sparse::load_inputs(state, [&] { a = bench::sparse::load_csr(bench::data_dir() / workload(side)); }))
    return;
  const std::vector<double> exact = exact_smallest(side);
  bench::time_calls(
      state, [&] { return sp::eigsh(a, 6, {.sigma = -1e-3}); },
      [&](const sp::EigshResult& r) {
        state.counters["evaluations"] = r.nops;
        if (!r.success() || r.eigenvalues.size() != 6) return std::numeric_limits<double>::infinity();
        double error = 0;
        for (Index k = 0; k < 6; ++k) {
          error = std::max(error, std::abs(r.eigenvalues(k) - exact[static_cast<std::size_t>(k)]) / 8);
        }
        return error;
      });
}

}  // namespace

BENCHMARK(BM_eigsh)->Name("eigsh_shift_invert")->Arg(316)->Arg(50)->UseRealTime()->Unit(benchmark::kMillisecond);
