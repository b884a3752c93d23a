// linalg::cholesky against scipy.linalg.cholesky (bench/peers/linalg_cholesky.py),
// both with the defaults: the upper factor u (a = u^T u), the other triangle zero.
//
// Input: cholesky_n2000/a.npy (2000, 2000), a = g g^T / n + I with g standard
// normal, symmetrized exactly: positive definite with eigenvalues in [1, 5]
// (those of g g^T / n lie in [0, 4] as n grows, Marchenko-Pastur), so well
// conditioned. Both sides read only its upper triangle.
//
// Accuracy: the counter `residual` is ||u^T u - a||_inf / ||a||_inf, the
// backward error of the factor. Cholesky is backward stable: u^T u = a + da with
// |da| <= gamma_{n+1} |u^T| |u| (Higham 2002, Thm 10.3), so it is of order n eps
// at most and near eps in practice.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <filesystem>
#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/linalg/cholesky.hpp>
#include <string>

#include "../support/bench_support.hpp"
#include "linalg_bench.hpp"

namespace {

using scilearn::Index;
using scilearn::Matrix;
namespace bench = scilearn::bench;
namespace io = scilearn::io;
namespace fs = std::filesystem;

std::string workload(Index n) { return "cholesky_n" + std::to_string(n); }

void write_positive_definite(const fs::path& dir, Index n) {
  scilearn::Generator rng(static_cast<std::uint64_t>(n) + 1);  // not solve_n2000's seed: other data
  const Matrix g = rng.standard_normal(n, n);
  Matrix a = g * g.transpose() / static_cast<double>(n) + Matrix::Identity(n, n);
  const Matrix symmetric = (a + a.transpose()) / 2.0;  // the product's two triangles may differ in the last bit
  io::save_npy(dir / "a.npy", symmetric);
}

[[maybe_unused]] const bool registered_n2000 =
    bench::register_data_writer(workload(2000), [](const fs::path& d) { write_positive_definite(d, 2000); });

void BM_cholesky(benchmark::State& state) {
  const Index n = state.range(0);
  Matrix a;
  if (!bench::linalg::load_inputs(state, [&] { a = io::load_npy<double>(bench::data_dir() / workload(n) / "a.npy"); }))
    return;
  bench::linalg::time_calls(
      state, [&] { return scilearn::linalg::cholesky(a); },
      [&](const Matrix& u) {
        const Matrix r = u.transpose() * u - a;
        return bench::linalg::inf_norm(r) / bench::linalg::inf_norm(a);
      });
}

}  // namespace

BENCHMARK(BM_cholesky)->Name("cholesky")->Arg(2000)->UseRealTime()->Unit(benchmark::kMillisecond);
