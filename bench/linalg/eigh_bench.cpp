// linalg::eigh against scipy.linalg.eigh (bench/peers/linalg_eigh.py), both
// with the defaults: all eigenvalues and eigenvectors, lower triangle, driver
// evr for a standard problem.
//
// Inputs (standard normal g, symmetrized as (g + g^T) / 2, exactly symmetric):
//   eigh_n2000/a.npy         (2000, 2000)
//   eigh_4x4_batch/a.npy,    (100000 n, n), n = 4 or 16: matrix k in rows
//   eigh_16x16_batch/a.npy   n k .. n k + n - 1, as the solve batches
//
// Accuracy: the counter `residual` is
//   max(||a v - v diag(w)||_1 / ||a||_1, ||v^T v - I||_1)
// (the largest over a batch): LAPACK's own eigenvalue test ratios (xSYT21)
// before their division by n eps. A backward stable symmetric eigensolver keeps
// both of order n eps (Demmel 1997, Sec. 5.4), but the MRRR driver evr loses
// more orthogonality than QR or divide and conquer (Demmel, Marques, Parlett and
// Voemel 2008): SciPy's answers reach 134 n eps over the 16 x 16 batch, hence a
// gate of 1000 n eps for these rows.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/linalg/eigh.hpp>
#include <string>
#include <vector>

#include "../support/bench_support.hpp"
#include "linalg_bench.hpp"

namespace {

using scilearn::Index;
using scilearn::Matrix;
namespace bench = scilearn::bench;
namespace io = scilearn::io;
namespace fs = std::filesystem;
using bench::linalg::batch_count;

std::string batch_workload(Index order) {
  return "eigh_" + std::to_string(order) + "x" + std::to_string(order) + "_batch";
}

// `rows` x n standard normal rows, each n x n block replaced by its symmetric part.
Matrix symmetric_blocks(Index rows, Index n, std::uint64_t seed) {
  scilearn::Generator rng(seed);
  Matrix g = rng.standard_normal(rows, n);
  for (Index k = 0; k < rows; k += n) {
    const Matrix block = g.middleRows(k, n);
    g.middleRows(k, n) = (block + block.transpose()) / 2.0;  // (x + y) / 2 rounds the same both ways: exact symmetry
  }
  return g;
}

// Seeds: the order plus 3, distinct from the solve, cholesky and det inputs.
[[maybe_unused]] const bool registered_n2000 = bench::register_data_writer(
    "eigh_n2000", [](const fs::path& d) { io::save_npy(d / "a.npy", symmetric_blocks(2000, 2000, 2003)); });
[[maybe_unused]] const bool registered_batch4 = bench::register_data_writer(
    batch_workload(4), [](const fs::path& d) { io::save_npy(d / "a.npy", symmetric_blocks(batch_count * 4, 4, 7)); });
[[maybe_unused]] const bool registered_batch16 = bench::register_data_writer(batch_workload(16), [](const fs::path& d) {
  io::save_npy(d / "a.npy", symmetric_blocks(batch_count * 16, 16, 19));
});

template <class A, class W, class V>
double eigen_residual(const A& a, const W& w, const V& v) {
  const Matrix r = a * v - v * w.asDiagonal();
  return std::max(bench::linalg::one_norm(r) / bench::linalg::one_norm(a), bench::linalg::orthogonality(v));
}

void BM_eigh(benchmark::State& state) {
  const Index n = state.range(0);
  Matrix a;
  if (!bench::linalg::load_inputs(
          state, [&] { a = io::load_npy<double>(bench::data_dir() / ("eigh_n" + std::to_string(n)) / "a.npy"); }))
    return;
  bench::linalg::time_calls(
      state, [&] { return scilearn::linalg::eigh(a); },
      [&](const auto& result) { return eigen_residual(a, result.w, result.v); });
}

// 100 000 distinct N x N symmetric eigenproblems, one eigh() call each.
template <int N>
void BM_eigh_batch(benchmark::State& state) {
  std::vector<Eigen::Matrix<double, N, N>> a;
  if (!bench::linalg::load_inputs(
          state, [&] { a = bench::linalg::load_matrix_batch<N>(bench::data_dir() / batch_workload(N) / "a.npy"); }))
    return;
  bench::linalg::time_batch(
      state, a.size(), [&](std::size_t k) { return scilearn::linalg::eigh(a[k]); },
      [&](std::size_t k, const auto& result) { return eigen_residual(a[k], result.w, result.v); });
}

}  // namespace

BENCHMARK(BM_eigh)->Name("eigh")->Arg(2000)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_eigh_batch<4>)->Name("eigh_4x4_batch/100000")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_eigh_batch<16>)->Name("eigh_16x16_batch/100000")->UseRealTime()->Unit(benchmark::kMillisecond);
