// optimize::minimize and brentq against scipy.optimize
// (bench/peers/optimize_minimize.py), on problems both sides define in code:
//
// * lbfgsb_rosen/1000, bfgs_rosen/50: Moré, Garbow and Hillstrom's extended
//   Rosenbrock function (sum over pairs of 100 (x_2i - x_2i-1^2)^2 +
//   (1 - x_2i-1)^2) from (-1.2, 1, -1.2, 1, ...), analytic gradient, default
//   options; minimum 0 at (1, ..., 1).
// * neldermead_quadratic/10: sum_i i x_i^2 from x = 1, maxiter = maxfev =
//   20000, xatol = fatol = 1e-8 (SciPy's defaults stop Nelder-Mead on 10-d
//   Rosenbrock far from the minimum, on both sides alike); minimum 0.
// * brentq_batch/100000: the roots of x^3 - c_k on [0, 2], c_k = 1 + k / 100000,
//   one brentq call each with SciPy's defaults.
//
// Accuracy (`residual`): f at the answer (all minima are 0), or the largest
// |root - c_k^(1/3)| for brentq. Counter `evaluations`: the objective
// evaluations SciPy's nfev counts (function_calls summed for brentq); the
// same iterates on both sides give the same count.

#include <benchmark/benchmark.h>

#include <cmath>
#include <scilearn/optimize/minimize.hpp>
#include <scilearn/optimize/root_scalar.hpp>

#include "../support/bench_support.hpp"

namespace {

using scilearn::Index;
using scilearn::Vector;
namespace bench = scilearn::bench;
namespace opt = scilearn::optimize;

double extended_rosenbrock(const Vector& x) {
  double f = 0;
  for (Index i = 0; i + 1 < x.size(); i += 2) {
    const double a = x(i + 1) - x(i) * x(i), b = 1 - x(i);
    f += 100 * a * a + b * b;
  }
  return f;
}

Vector extended_rosenbrock_gradient(const Vector& x) {
  Vector g(x.size());
  for (Index i = 0; i + 1 < x.size(); i += 2) {
    const double a = x(i + 1) - x(i) * x(i);
    g(i) = -400 * x(i) * a - 2 * (1 - x(i));
    g(i + 1) = 200 * a;
  }
  return g;
}

Vector rosenbrock_start(Index n) {
  Vector x0(n);
  for (Index i = 0; i < n; ++i) x0(i) = i % 2 == 0 ? -1.2 : 1.0;
  return x0;
}

void time_minimize(benchmark::State& state, const opt::Objective& f, const Vector& x0,
                   const opt::MinimizeOptions& options) {
  bench::time_calls(
      state, [&] { return opt::minimize(f, x0, options); },
      [&](const opt::OptimizeResult& r) {
        state.counters["evaluations"] = r.nfev;
        return r.fun;
      });
}

void BM_lbfgsb_rosen(benchmark::State& state) {
  time_minimize(state, extended_rosenbrock, rosenbrock_start(state.range(0)),
                {.method = opt::Method::lbfgsb, .jac = extended_rosenbrock_gradient});
}

void BM_bfgs_rosen(benchmark::State& state) {
  time_minimize(state, extended_rosenbrock, rosenbrock_start(state.range(0)),
                {.method = opt::Method::bfgs, .jac = extended_rosenbrock_gradient});
}

void BM_neldermead_quadratic(benchmark::State& state) {
  const auto weighted = [](const Vector& x) {
    double f = 0;
    for (Index i = 0; i < x.size(); ++i) f += static_cast<double>(i + 1) * x(i) * x(i);
    return f;
  };
  time_minimize(state, weighted, Vector::Ones(state.range(0)),
                {.method = opt::Method::nelder_mead, .maxiter = 20000, .maxfev = 20000, .xatol = 1e-8, .fatol = 1e-8});
}

void BM_brentq_batch(benchmark::State& state) {
  const Index count = state.range(0);
  Vector roots(count);
  int calls = 0;
  const auto solve_all = [&] {
    calls = 0;
    for (Index k = 0; k < count; ++k) {
      const double c = 1 + static_cast<double>(k) / static_cast<double>(count);
      const opt::RootResults r = opt::brentq([c](double x) { return x * x * x - c; }, 0.0, 2.0);
      roots(k) = r.root;
      calls += r.function_calls;
    }
    return roots(count - 1);
  };
  bench::time_calls(state, solve_all, [&](double) {
    state.counters["evaluations"] = calls;
    double worst = 0;
    for (Index k = 0; k < count; ++k) {
      worst = std::max(worst, std::abs(roots(k) - std::cbrt(1 + static_cast<double>(k) / static_cast<double>(count))));
    }
    return worst;
  });
}

}  // namespace

BENCHMARK(BM_lbfgsb_rosen)->Name("lbfgsb_rosen")->Arg(1000)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_bfgs_rosen)->Name("bfgs_rosen")->Arg(50)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_neldermead_quadratic)->Name("neldermead_quadratic")->Arg(10)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_brentq_batch)->Name("brentq_batch")->Arg(100000)->UseRealTime()->Unit(benchmark::kMillisecond);
