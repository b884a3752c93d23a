// sparse::spsolve against scipy.sparse.linalg.spsolve
// (bench/peers/sparse_spsolve.py) on the 2-D Poisson matrix.
//
// Workload sparse_poisson_SIDE (SIDE = 1000, the compare rows, and 100, a
// quick run), written here and also read by cg_bench.cpp:
//   indptr.npy, indices.npy, data.npy  the CSR arrays of the 5-point Laplacian
//       on a SIDE x SIDE grid with Dirichlet boundary, n = SIDE^2 unknowns,
//       node (i, j) numbered i SIDE + j: 4 on the diagonal, -1 for each of the
//       (up to) four neighbours, columns sorted; SPD, 2-norm condition number
//       about (4 / pi^2) SIDE^2 (4e5 at SIDE = 1000).
//   b.npy  (n,) standard normal, from Generator(SIDE).
//
// spsolve/SIDE is our default (AssumeA::gen: UMFPACK's LU), spsolve_spd/SIDE
// the SPD option (AssumeA::pos: CHOLMOD's Cholesky); both take the CSR matrix
// as loaded, as SciPy's spsolve does (SuperLU with COLAMD, SciPy's default
// without scikit-umfpack). Only the call is timed: ordering, factorization and
// the two triangular solves, on both sides.
//
// Accuracy (`residual`): ||A x - b||_2 / ||b||_2.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <filesystem>
#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/sparse/spsolve.hpp>
#include <vector>

#include "sparse_bench.hpp"

namespace {

using scilearn::Index;
using scilearn::Vector;
using scilearn::sparse::CsrMatrix;
namespace bench = scilearn::bench;
namespace io = scilearn::io;
namespace sp = scilearn::sparse;
namespace fs = std::filesystem;

void write_poisson(const fs::path& dir, Index side) {
  bench::sparse::save_csr(dir, bench::sparse::five_point(side, [](int) { return 4.0; }));
  scilearn::Generator rng(static_cast<std::uint64_t>(side));
  io::save_npy(dir / "b.npy", rng.standard_normal(side * side));
}

[[maybe_unused]] const bool registered_1000 = bench::register_data_writer(
    bench::sparse::poisson_workload(1000), [](const fs::path& d) { write_poisson(d, 1000); });
[[maybe_unused]] const bool registered_100 =
    bench::register_data_writer(bench::sparse::poisson_workload(100), [](const fs::path& d) { write_poisson(d, 100); });

void time_spsolve(benchmark::State& state, sp::AssumeA assume_a) {
  CsrMatrix a;
  Vector b;
  const fs::path dir = bench::data_dir() / bench::sparse::poisson_workload(state.range(0));
  if (!bench::sparse::load_inputs(state, [&] {
        a = bench::sparse::load_csr(dir);
        b = io::load_npy_vector<double>(dir / "b.npy");
      }))
    return;
  bench::time_calls(
      state, [&] { return sp::spsolve(a, b, {.assume_a = assume_a}); },
      [&](const Vector& x) { return bench::sparse::relative_residual_2norm(a, x, b); });
}

void BM_spsolve(benchmark::State& state) { time_spsolve(state, sp::AssumeA::gen); }
void BM_spsolve_spd(benchmark::State& state) { time_spsolve(state, sp::AssumeA::pos); }

}  // namespace

BENCHMARK(BM_spsolve)->Name("spsolve")->Arg(1000)->Arg(100)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_spsolve_spd)->Name("spsolve_spd")->Arg(1000)->Arg(100)->UseRealTime()->Unit(benchmark::kMillisecond);
