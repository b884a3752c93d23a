// sparse::lobpcg against scipy.sparse.linalg.lobpcg (bench/peers/
// sparse_lobpcg.py): the 8 smallest eigenpairs of 2-D Poisson, no
// preconditioner, from the same random starting block.
//
// Workload sparse_lobpcg_SIDE (SIDE = 100: 10^4 unknowns, the compare row;
// 30: a quick run): indptr.npy, indices.npy, data.npy, the CSR 5-point
// Dirichlet Laplacian (4 on the diagonal) of the SIDE x SIDE grid, and x0.npy,
// the n x 8 starting block, standard normal from Generator(0).
//
// Both sides: largest = false, tol = 1e-5, maxiter = 2000 (about 350
// iterations are needed at SIDE = 100), no B, M or Y.
//
// Accuracy (`error`): max_k |lambda_k - exact_k| against the closed form
// 4 - 2 cos(pi i / (SIDE + 1)) - 2 cos(pi j / (SIDE + 1)). Not the converged
// flag: on either side the final Rayleigh-Ritz step can leave a residual
// norm a little above tol (1.02 tol seen), depending on rounding, while the
// eigenvalues are as accurate. Counter `evaluations`: iterations (the one
// whose block is returned).

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <numbers>
#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/sparse/lobpcg.hpp>
#include <vector>

#include "sparse_bench.hpp"

namespace {

using scilearn::Index;
using scilearn::Matrix;
using scilearn::sparse::CsrMatrix;
namespace bench = scilearn::bench;
namespace sp = scilearn::sparse;
namespace fs = std::filesystem;

constexpr Index k = 8;

std::string workload(Index side) { return "sparse_lobpcg_" + std::to_string(side); }

void write_problem(const fs::path& dir, Index side) {
  bench::sparse::save_csr(dir, bench::sparse::five_point(side, [](int) { return 4.0; }));
  scilearn::Generator rng(0);
  scilearn::io::save_npy(dir / "x0.npy", rng.standard_normal(side * side, k));
}

/// The k smallest eigenvalues of 2-D Poisson on a side x side grid, from its closed form.
std::vector<double> exact_smallest(Index side) {
  std::vector<double> all;
  const double h = std::numbers::pi / static_cast<double>(side + 1);
  for (Index i = 1; i <= k; ++i) {
    for (Index j = 1; j <= k; ++j) {
      all.push_back(4 - 2 * std::cos(static_cast<double>(i) * h) - 2 * std::cos(static_cast<double>(j) * h));
    }
  }
  std::sort(all.begin(), all.end());
  return {all.begin(), all.begin() + k};
}

[[maybe_unused]] const bool registered_100 =
    bench::register_data_writer(workload(100), [](const fs::path& d) { write_problem(d, 100); });
[[maybe_unused]] const bool registered_30 =
    bench::register_data_writer(workload(30), [](const fs::path& d) { write_problem(d, 30); });

void BM_lobpcg(benchmark::State& state) {
  const Index side = state.range(0);
  CsrMatrix a;
  Matrix x0;
  if (!bench::sparse::load_inputs(state, [&] {
        const fs::path dir = bench::data_dir() / workload(side);
        a = bench::sparse::load_csr(dir);
        x0 = scilearn::io::load_npy<double>(dir / "x0.npy");
      }))
    return;
  const std::vector<double> exact = exact_smallest(side);
  bench::time_calls(
      state, [&] { return sp::lobpcg(a, x0, {.tol = 1e-5, .maxiter = 2000, .largest = false}); },
      [&](const sp::LobpcgResult& r) {
        state.counters["evaluations"] = r.best_iteration;
        if (r.eigenvalues.size() != k) return std::numeric_limits<double>::infinity();
        double error = 0;
        for (Index i = 0; i < k; ++i) {
          error = std::max(error, std::abs(r.eigenvalues(i) - exact[static_cast<std::size_t>(i)]));
        }
        return error;
      });
}

}  // namespace

BENCHMARK(BM_lobpcg)->Name("lobpcg_smallest")->Arg(100)->Arg(30)->UseRealTime()->Unit(benchmark::kMillisecond);
