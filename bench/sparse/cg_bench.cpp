// sparse::cg with the Jacobi preconditioner against scipy.sparse.linalg.cg
// with M = scipy.sparse.diags_array(1 / A.diagonal()) (bench/peers/sparse_cg.py),
// on the 2-D Poisson workload sparse_poisson_SIDE of spsolve_bench.cpp
// (SIDE = 1000: 10^6 unknowns, the compare row; 100: a quick run).
//
// Both sides: x0 = 0, rtol = 1e-8, atol = 0, the default iteration limit (10 n);
// the timed call builds the preconditioner from A and runs cg, as a user
// writes it. The diagonal is constant here (4), so Jacobi only rescales and
// the iteration count is that of plain CG (about 2 900 at SIDE = 1000).
//
// Accuracy (`residual`): the true relative residual ||b - A x||_2 / ||b||_2 of
// the answer (infinite when info != 0). Counter `evaluations`: the iterations
// (one matvec and one preconditioner application each); the peer counts them
// with a callback.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <limits>
#include <scilearn/core/io.hpp>
#include <scilearn/sparse/krylov.hpp>
#include <scilearn/sparse/preconditioners.hpp>

#include "sparse_bench.hpp"

namespace {

using scilearn::Vector;
using scilearn::sparse::CsrMatrix;
namespace bench = scilearn::bench;
namespace io = scilearn::io;
namespace sp = scilearn::sparse;
namespace fs = std::filesystem;

void BM_cg_jacobi(benchmark::State& state) {
  CsrMatrix a;
  Vector b;
  const fs::path dir = bench::data_dir() / bench::sparse::poisson_workload(state.range(0));
  if (!bench::sparse::load_inputs(state, [&] {
        a = bench::sparse::load_csr(dir);
        b = io::load_npy_vector<double>(dir / "b.npy");
      }))
    return;
  bench::time_calls(
      state, [&] { return sp::cg(a, b, {.rtol = 1e-8, .M = sp::jacobi(a)}); },
      [&](const sp::KrylovResult& r) {
        state.counters["evaluations"] = r.nit;
        return r.info == 0 ? bench::sparse::relative_residual_2norm(a, r.x, b)
                           : std::numeric_limits<double>::infinity();
      });
}

}  // namespace

BENCHMARK(BM_cg_jacobi)->Name("cg_jacobi")->Arg(1000)->Arg(100)->UseRealTime()->Unit(benchmark::kMillisecond);
