// linalg::solve against scipy.linalg.solve (bench/peers/linalg_solve.py).
//
// Workloads (inputs written by --write-data, read by both sides):
//   solve_n100, solve_n2000  a.npy (n, n), b.npy (n,): one general system,
//                            one right-hand side vector.
//   solve_4x4_batch          a.npy (400000, 4): system k is rows 4k .. 4k+3,
//                            so NumPy's a.reshape(100000, 4, 4)[k] is system k;
//                            b.npy (100000, 4): row k is system k's right side.
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

#include <algorithm>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <scilearn/core/io.hpp>
#include <scilearn/core/parallel.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/linalg.hpp>
#include <string>
#include <vector>

#include "../support/bench_support.hpp"

namespace {

using scilearn::Index;
using scilearn::Matrix;
using scilearn::Vector;
namespace bench = scilearn::bench;
namespace io = scilearn::io;
namespace fs = std::filesystem;

constexpr Index batch_systems = 100000;
constexpr Index batch_order = 4;

std::string single_workload(Index n) { return "solve_n" + std::to_string(n); }

void write_single(const fs::path& dir, Index n) {
  // One seed per size, so adding a size never changes the others' data.
  scilearn::Generator rng(static_cast<std::uint64_t>(n));
  io::save_npy(dir / "a.npy", rng.standard_normal(n, n));
  io::save_npy(dir / "b.npy", rng.standard_normal(n));
}

void write_batch(const fs::path& dir) {
  scilearn::Generator rng(4);  // seeded with the order, as the single systems are with theirs
  io::save_npy(dir / "a.npy", rng.standard_normal(batch_systems * batch_order, batch_order));
  io::save_npy(dir / "b.npy", rng.standard_normal(batch_systems, batch_order));
}

[[maybe_unused]] const bool registered_n100 =
    bench::register_data_writer(single_workload(100), [](const fs::path& d) { write_single(d, 100); });
[[maybe_unused]] const bool registered_n2000 =
    bench::register_data_writer(single_workload(2000), [](const fs::path& d) { write_single(d, 2000); });
[[maybe_unused]] const bool registered_batch = bench::register_data_writer("solve_4x4_batch", write_batch);

// Ends the benchmark with an error that says how to get the inputs.
void skip_missing_inputs(benchmark::State& state, const std::exception& e) {
  state.SkipWithError(("cannot read the inputs (" + std::string(e.what()) + "); write them first with --write-data " +
                       bench::data_dir().string())
                          .c_str());
}

// One n x n general system with one right-hand side vector.
void BM_solve(benchmark::State& state) {
  const Index n = state.range(0);
  Matrix a;
  Vector b;
  try {
    const fs::path dir = bench::data_dir() / single_workload(n);
    a = io::load_npy<double>(dir / "a.npy");
    b = io::load_npy_vector<double>(dir / "b.npy");
  } catch (const std::exception& e) {
    skip_missing_inputs(state, e);
    return;
  }
  Vector x = scilearn::linalg::solve(a, b);  // warm-up: first-touch pages, BLAS thread start-up
  for (auto _ : state) {
    x = scilearn::linalg::solve(a, b);
    benchmark::DoNotOptimize(x.data());
    benchmark::ClobberMemory();
  }
  state.counters["residual"] = bench::relative_residual(a, x, b);
  state.counters["blas_threads"] = scilearn::blas_num_threads();
}

// 100 000 distinct 4 x 4 systems, one solve() call each, as a C++ user holding
// them as fixed-size Eigen matrices would write it.
void BM_solve_4x4_batch(benchmark::State& state) {
  std::vector<Eigen::Matrix4d> a(batch_systems);
  std::vector<Eigen::Vector4d> b(batch_systems);
  try {
    const fs::path dir = bench::data_dir() / "solve_4x4_batch";
    const Matrix stacked_a = io::load_npy<double>(dir / "a.npy");
    const Matrix stacked_b = io::load_npy<double>(dir / "b.npy");
    if (stacked_a.rows() != batch_systems * batch_order || stacked_a.cols() != batch_order ||
        stacked_b.rows() != batch_systems || stacked_b.cols() != batch_order) {
      state.SkipWithError("solve_4x4_batch: a.npy must be (400000, 4) and b.npy (100000, 4); rewrite the data");
      return;
    }
    for (Index k = 0; k < batch_systems; ++k) {
      a[static_cast<std::size_t>(k)] = stacked_a.middleRows<batch_order>(k * batch_order);
      b[static_cast<std::size_t>(k)] = stacked_b.row(k).transpose();
    }
  } catch (const std::exception& e) {
    skip_missing_inputs(state, e);
    return;
  }
  Matrix x(batch_order, batch_systems);
  const auto solve_all = [&] {
    for (Index k = 0; k < batch_systems; ++k) {
      const auto i = static_cast<std::size_t>(k);
      x.col(k) = scilearn::linalg::solve(a[i], b[i]);
    }
  };
  solve_all();  // warm-up
  for (auto _ : state) {
    solve_all();
    benchmark::DoNotOptimize(x.data());
    benchmark::ClobberMemory();
  }
  double worst = 0.0;
  for (Index k = 0; k < batch_systems; ++k) {
    const auto i = static_cast<std::size_t>(k);
    worst = std::max(worst, bench::relative_residual(a[i], x.col(k), b[i]));
  }
  state.counters["residual"] = worst;
  state.counters["blas_threads"] = scilearn::blas_num_threads();
}

}  // namespace

BENCHMARK(BM_solve)->Name("solve")->Arg(100)->Arg(2000)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_solve_4x4_batch)->Name("solve_4x4_batch/100000")->UseRealTime()->Unit(benchmark::kMillisecond);
