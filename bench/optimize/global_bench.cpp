// optimize::differential_evolution against scipy.optimize.differential_evolution
// (bench/peers/optimize_global.py) on the 10-d Rastrigin function over
// [-5.12, 5.12]^10 (tests/optimize/global_problems.hpp), seed 1, best1bin,
// popsize 15 (150 members), maxiter 100, tol 0 and no polish: both sides run
// all 100 generations, popsize n (maxiter + 1) = 15150 evaluations exactly, so
// the ratio compares the cost of the algorithm's own work per evaluation.
//
// Accuracy (`residual`): f at the answer (the minimum is 0; after 100
// generations both sides are still tens above it, and by different amounts
// since their random streams differ). Counter `evaluations`: nfev.

#include <benchmark/benchmark.h>

#include <scilearn/optimize/differential_evolution.hpp>

#include "../support/bench_support.hpp"
#include "optimize/global_problems.hpp"

namespace {

using scilearn::Vector;
namespace bench = scilearn::bench;
namespace opt = scilearn::optimize;

void BM_de_rastrigin(benchmark::State& state) {
  const auto n = state.range(0);
  const opt::Bounds bounds{Vector::Constant(n, -5.12), Vector::Constant(n, 5.12)};
  const opt::DifferentialEvolutionOptions options{.maxiter = 100, .tol = 0, .seed = 1, .polish = false};
  bench::time_calls(
      state, [&] { return opt::differential_evolution(scilearn::testing::global::rastrigin, bounds, options); },
      [&](const opt::DifferentialEvolutionResult& r) {
        state.counters["evaluations"] = r.nfev;
        return r.fun;
      });
}

}  // namespace

BENCHMARK(BM_de_rastrigin)->Name("de_rastrigin")->Arg(10)->UseRealTime()->Unit(benchmark::kMillisecond);
