// linalg::solve against scipy.linalg.solve (bench/peers/linalg_solve.py).
//
// Workloads (inputs written by --write-data, read by both sides):
//   solve_n100, solve_n2000  a.npy (n, n), b.npy (n,): one general system,
//                            one right-hand side vector.
//   solve_4x4_batch,         a.npy (100000 n, n), n = 4 or 16: system k is rows
//   solve_16x16_batch        n k .. n k + n - 1, so NumPy's
//                            a.reshape(100000, n, n)[k] is system k;
//                            b.npy (100000, n): row k is system k's right side.
//
// The matrices are standard normal, with no diagonal shift: random Gaussian
// matrices are well conditioned with high probability (kappa_2 grows like n,
// Edelman 1988; 3n to 5n measured at these sizes) and, unlike a diagonally dominant
// G + n I, they make partial pivoting swap rows as a general matrix does.
//
// Each benchmark times only the calls, after one untimed warm-up call, in
// wall-clock time (BLAS may run threads), and reports the accuracy of its
// answer as the counter `residual` (bench_support.hpp's relative_residual; the
// largest over the batch) and the BLAS pool size as `blas_threads`.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <filesystem>
#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/linalg.hpp>
#include <string>
#include <vector>

#include "../support/bench_support.hpp"
#include "linalg_bench.hpp"

namespace {

using scilearn::Index;
using scilearn::Matrix;
using scilearn::Vector;
namespace bench = scilearn::bench;
namespace io = scilearn::io;
namespace fs = std::filesystem;
using bench::linalg::batch_count;

std::string single_workload(Index n) { return "solve_n" + std::to_string(n); }

void write_single(const fs::path& dir, Index n) {
  // One seed per size, so adding a size never changes the others' data.
  scilearn::Generator rng(static_cast<std::uint64_t>(n));
  io::save_npy(dir / "a.npy", rng.standard_normal(n, n));
  io::save_npy(dir / "b.npy", rng.standard_normal(n));
}

void write_batch(const fs::path& dir, Index order) {
  scilearn::Generator rng(static_cast<std::uint64_t>(order));  // seeded with the order, as the single systems are
  io::save_npy(dir / "a.npy", rng.standard_normal(batch_count * order, order));
  io::save_npy(dir / "b.npy", rng.standard_normal(batch_count, order));
}

[[maybe_unused]] const bool registered_n100 =
    bench::register_data_writer(single_workload(100), [](const fs::path& d) { write_single(d, 100); });
[[maybe_unused]] const bool registered_n2000 =
    bench::register_data_writer(single_workload(2000), [](const fs::path& d) { write_single(d, 2000); });
[[maybe_unused]] const bool registered_batch4 =
    bench::register_data_writer(bench::linalg::batch_workload(4), [](const fs::path& d) { write_batch(d, 4); });
[[maybe_unused]] const bool registered_batch16 =
    bench::register_data_writer(bench::linalg::batch_workload(16), [](const fs::path& d) { write_batch(d, 16); });

// One n x n general system with one right-hand side vector.
void BM_solve(benchmark::State& state) {
  const Index n = state.range(0);
  Matrix a;
  Vector b;
  const fs::path dir = bench::data_dir() / single_workload(n);
  if (!bench::linalg::load_inputs(state, [&] {
        a = io::load_npy<double>(dir / "a.npy");
        b = io::load_npy_vector<double>(dir / "b.npy");
      }))
    return;
  bench::linalg::time_calls(
      state, [&] { return scilearn::linalg::solve(a, b); },
      [&](const Vector& x) { return bench::relative_residual(a, x, b); });
}

// 100 000 distinct N x N systems, one solve() call each, as a C++ user holding
// them as fixed-size Eigen matrices would write it.
template <int N>
void BM_solve_batch(benchmark::State& state) {
  std::vector<Eigen::Matrix<double, N, N>> a;
  std::vector<Eigen::Matrix<double, N, 1>> b;
  const fs::path dir = bench::data_dir() / bench::linalg::batch_workload(N);
  if (!bench::linalg::load_inputs(state, [&] {
        a = bench::linalg::load_matrix_batch<N>(dir / "a.npy");
        b = bench::linalg::load_vector_batch<N>(dir / "b.npy");
      }))
    return;
  bench::linalg::time_batch(
      state, a.size(), [&](std::size_t k) { return scilearn::linalg::solve(a[k], b[k]); },
      [&](std::size_t k, const auto& x) { return bench::relative_residual(a[k], x, b[k]); });
}

}  // namespace

BENCHMARK(BM_solve)->Name("solve")->Arg(100)->Arg(2000)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_solve_batch<4>)->Name("solve_4x4_batch/100000")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_solve_batch<16>)->Name("solve_16x16_batch/100000")->UseRealTime()->Unit(benchmark::kMillisecond);
