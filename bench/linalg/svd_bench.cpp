// linalg::svd against scipy.linalg.svd (bench/peers/linalg_svd.py), both with
// the defaults: full_matrices, compute_uv, driver gesdd.
//
// Inputs: the general matrices that solve_bench.cpp writes: solve_n2000/a.npy
// and the 100 000 4 x 4 and 16 x 16 matrices of solve_4x4_batch and
// solve_16x16_batch.
//
// Accuracy: the counter `residual` is
//   max(||a - u diag(s) vh||_1 / ||a||_1, ||u^T u - I||_1, ||vh vh^T - I||_1)
// (the largest over a batch): LAPACK's SVD test ratios (xBDT01, xORT01) before
// their division by n eps; of order n eps for a backward stable SVD (Demmel
// 1997, Sec. 5.4).

#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <scilearn/core/io.hpp>
#include <scilearn/linalg/svd.hpp>
#include <string>
#include <vector>

#include "../support/bench_support.hpp"
#include "linalg_bench.hpp"

namespace {

using scilearn::Index;
using scilearn::Matrix;
namespace bench = scilearn::bench;
namespace io = scilearn::io;

template <class A, class R>
double svd_residual(const A& a, const R& r) {
  const Matrix back = r.u * r.s.asDiagonal() * r.vh;
  const Matrix diff = a - back;
  return std::max({bench::linalg::one_norm(diff) / bench::linalg::one_norm(a), bench::linalg::orthogonality(r.u),
                   bench::linalg::orthogonality(r.vh.transpose())});
}

void BM_svd(benchmark::State& state) {
  const Index n = state.range(0);
  Matrix a;
  if (!bench::linalg::load_inputs(
          state, [&] { a = io::load_npy<double>(bench::data_dir() / ("solve_n" + std::to_string(n)) / "a.npy"); }))
    return;
  bench::linalg::time_calls(
      state, [&] { return scilearn::linalg::svd(a); }, [&](const auto& result) { return svd_residual(a, result); });
}

// 100 000 distinct N x N decompositions, one svd() call each.
template <int N>
void BM_svd_batch(benchmark::State& state) {
  std::vector<Eigen::Matrix<double, N, N>> a;
  if (!bench::linalg::load_inputs(state, [&] {
        a = bench::linalg::load_matrix_batch<N>(bench::data_dir() / bench::linalg::batch_workload(N) / "a.npy");
      }))
    return;
  bench::linalg::time_batch(
      state, a.size(), [&](std::size_t k) { return scilearn::linalg::svd(a[k]); },
      [&](std::size_t k, const auto& result) { return svd_residual(a[k], result); });
}

}  // namespace

BENCHMARK(BM_svd)->Name("svd")->Arg(2000)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_svd_batch<4>)->Name("svd_4x4_batch/100000")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_svd_batch<16>)->Name("svd_16x16_batch/100000")->UseRealTime()->Unit(benchmark::kMillisecond);
