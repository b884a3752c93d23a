// linalg::lstsq against scipy.linalg.lstsq (bench/peers/linalg_lstsq.py), both
// with the default driver gelsd (SVD by divide and conquer) and the default
// cutoff, one right-hand side vector:
//   lstsq/2000/2000   the square general system of solve_n2000 (solve_bench.cpp)
//   lstsq/4000/2000   lstsq_4000x2000/a.npy (4000, 2000), b.npy (4000,): a tall
//                     standard normal matrix (full column rank, kappa_2 near 6:
//                     (sqrt(m) + sqrt(n)) / (sqrt(m) - sqrt(n)), Edelman 1988)
//                     and a right side that the columns do not reach.
//
// Accuracy: the counter `residual` is
//   ||a^T (b - a x)||_inf / (||a||_1 (||a||_inf ||x||_inf + ||b||_inf)),
// zero for the exact least-squares solution (the normal equations hold) and of
// order eps for a backward stable solver, whose x solves a nearby problem
// (a + da, b + db) with ||da|| <= c m n eps ||a|| (Higham 2002, Ch. 20); the
// denominator bounds every term of a^T r, so the metric needs no reference
// solution and does not grow with the residual of an inconsistent system.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <filesystem>
#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/linalg/lstsq.hpp>
#include <string>

#include "../support/bench_support.hpp"
#include "linalg_bench.hpp"

namespace {

using scilearn::Index;
using scilearn::Matrix;
using scilearn::Vector;
namespace bench = scilearn::bench;
namespace io = scilearn::io;
namespace fs = std::filesystem;

constexpr Index tall_rows = 4000;
constexpr Index tall_cols = 2000;

[[maybe_unused]] const bool registered_tall = bench::register_data_writer("lstsq_4000x2000", [](const fs::path& dir) {
  scilearn::Generator rng(4000);  // seeded with the row count, as the solve inputs are with their order
  io::save_npy(dir / "a.npy", rng.standard_normal(tall_rows, tall_cols));
  io::save_npy(dir / "b.npy", rng.standard_normal(tall_rows));
});

double least_squares_residual(const Matrix& a, const Vector& x, const Vector& b) {
  const Vector normal = a.transpose() * (b - a * x);
  const double scale =
      bench::linalg::one_norm(a) * (bench::linalg::inf_norm(a) * x.cwiseAbs().maxCoeff() + b.cwiseAbs().maxCoeff());
  return normal.cwiseAbs().maxCoeff() / scale;
}

// state.range(0) x state.range(1): the rows and columns of a.
void BM_lstsq(benchmark::State& state) {
  const Index m = state.range(0);
  const Index n = state.range(1);
  Matrix a;
  Vector b;
  const fs::path dir = bench::data_dir() / (m == n ? "solve_n" + std::to_string(n)
                                                   : "lstsq_" + std::to_string(m) + "x" + std::to_string(n));
  if (!bench::linalg::load_inputs(state, [&] {
        a = io::load_npy<double>(dir / "a.npy");
        b = io::load_npy_vector<double>(dir / "b.npy");
      }))
    return;
  bench::linalg::time_calls(
      state, [&] { return scilearn::linalg::lstsq(a, b); },
      [&](const auto& result) { return least_squares_residual(a, result.x, b); });
}

}  // namespace

// Named lstsq/ROWS/COLS.
BENCHMARK(BM_lstsq)
    ->Name("lstsq")
    ->Args({2000, 2000})
    ->Args({4000, 2000})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
