// linalg::inv against scipy.linalg.inv (bench/peers/linalg_inv.py), on the
// inputs that solve_bench.cpp writes: the general n x n matrices of
// solve_n2000 and the 100 000 4 x 4 and 16 x 16 matrices of solve_4x4_batch
// and solve_16x16_batch.
//
// Accuracy: the counter `residual` is ||a x - I||_inf / (||a||_inf ||x||_inf),
// the normwise residual of the inverse (the largest over the batch); the peer
// computes it by the same formula.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <scilearn/core/io.hpp>
#include <scilearn/linalg/inv.hpp>
#include <string>
#include <vector>

#include "../support/bench_support.hpp"
#include "linalg_bench.hpp"

namespace {

using scilearn::Index;
using scilearn::Matrix;
namespace bench = scilearn::bench;

void BM_inv(benchmark::State& state) {
  const Index n = state.range(0);
  Matrix a;
  if (!bench::linalg::load_inputs(state, [&] {
        a = scilearn::io::load_npy<double>(bench::data_dir() / ("solve_n" + std::to_string(n)) / "a.npy");
      }))
    return;
  bench::linalg::time_calls(
      state, [&] { return scilearn::linalg::inv(a); },
      [&](const Matrix& x) { return bench::linalg::inverse_residual(a, x); });
}

// 100 000 distinct N x N inverses, one inv() call each.
template <int N>
void BM_inv_batch(benchmark::State& state) {
  std::vector<Eigen::Matrix<double, N, N>> a;
  if (!bench::linalg::load_inputs(state, [&] {
        a = bench::linalg::load_matrix_batch<N>(bench::data_dir() / bench::linalg::batch_workload(N) / "a.npy");
      }))
    return;
  bench::linalg::time_batch(
      state, a.size(), [&](std::size_t k) { return scilearn::linalg::inv(a[k]); },
      [&](std::size_t k, const auto& x) { return bench::linalg::inverse_residual(a[k], x); });
}

}  // namespace

BENCHMARK(BM_inv)->Name("inv")->Arg(2000)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_inv_batch<4>)->Name("inv_4x4_batch/100000")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_inv_batch<16>)->Name("inv_16x16_batch/100000")->UseRealTime()->Unit(benchmark::kMillisecond);
