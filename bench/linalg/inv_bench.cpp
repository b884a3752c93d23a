// linalg::inv against scipy.linalg.inv (bench/peers/linalg_inv.py), on the
// inputs that solve_bench.cpp writes: the general n x n matrices of
// solve_n2000 and the 100 000 4 x 4 matrices of solve_4x4_batch.
//
// Accuracy: the counter `residual` is ||a x - I||_inf / (||a||_inf ||x||_inf),
// the normwise residual of the inverse (the largest over the batch); the peer
// computes it by the same formula.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <scilearn/core/io.hpp>
#include <scilearn/core/parallel.hpp>
#include <scilearn/linalg/inv.hpp>
#include <string>
#include <vector>

#include "../support/bench_support.hpp"

namespace {

using scilearn::Index;
using scilearn::Matrix;
namespace bench = scilearn::bench;
namespace fs = std::filesystem;

// ||a x - I||_inf / (||a||_inf ||x||_inf), infinity norms as maximum row sums.
template <class A, class X>
double inverse_residual(const A& a, const X& x) {
  const auto inf_norm = [](const auto& m) { return m.cwiseAbs().rowwise().sum().maxCoeff(); };
  const Matrix r = a * x - Matrix::Identity(a.rows(), a.cols());
  return inf_norm(r) / (inf_norm(a) * inf_norm(x));
}

void BM_inv(benchmark::State& state) {
  const Index n = state.range(0);
  Matrix a;
  try {
    a = scilearn::io::load_npy<double>(bench::data_dir() / ("solve_n" + std::to_string(n)) / "a.npy");
  } catch (const std::exception& e) {
    state.SkipWithError(("cannot read the inputs (" + std::string(e.what()) + "); run --write-data first").c_str());
    return;
  }
  Matrix x = scilearn::linalg::inv(a);  // warm-up
  for (auto _ : state) {
    x = scilearn::linalg::inv(a);
    benchmark::DoNotOptimize(x.data());
    benchmark::ClobberMemory();
  }
  state.counters["residual"] = inverse_residual(a, x);
  state.counters["blas_threads"] = scilearn::blas_num_threads();
}

// 100 000 distinct 4 x 4 inverses, one inv() call each.
void BM_inv_4x4_batch(benchmark::State& state) {
  constexpr Index systems = 100000;
  std::vector<Eigen::Matrix4d> a(systems);
  try {
    const Matrix stacked = scilearn::io::load_npy<double>(bench::data_dir() / "solve_4x4_batch" / "a.npy");
    for (Index k = 0; k < systems; ++k) a[static_cast<std::size_t>(k)] = stacked.middleRows<4>(4 * k);
  } catch (const std::exception& e) {
    state.SkipWithError(("cannot read the inputs (" + std::string(e.what()) + "); run --write-data first").c_str());
    return;
  }
  std::vector<Eigen::Matrix4d> x(systems);
  const auto invert_all = [&] {
    for (std::size_t k = 0; k < a.size(); ++k) x[k] = scilearn::linalg::inv(a[k]);
  };
  invert_all();  // warm-up
  for (auto _ : state) {
    invert_all();
    benchmark::DoNotOptimize(x.data());
    benchmark::ClobberMemory();
  }
  double worst = 0.0;
  for (std::size_t k = 0; k < a.size(); ++k) worst = std::max(worst, inverse_residual(a[k], x[k]));
  state.counters["residual"] = worst;
  state.counters["blas_threads"] = scilearn::blas_num_threads();
}

}  // namespace

BENCHMARK(BM_inv)->Name("inv")->Arg(2000)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_inv_4x4_batch)->Name("inv_4x4_batch/100000")->UseRealTime()->Unit(benchmark::kMillisecond);
