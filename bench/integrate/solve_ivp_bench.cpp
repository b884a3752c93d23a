// solve_ivp against scipy.integrate.solve_ivp (bench/peers/integrate_solve_ivp.py)
// on the five problems, same method, tolerances and output on both
// sides. No input files: the problems are defined in both programs.
//
// - lorenz_rk45: Lorenz (sigma 10, rho 28, beta 8/3) from (1, 1, 1) to t =
//   100, RK45, rtol 1e-6, atol 1e-9, t_eval = {2, 100}. Beyond t ~ 20 the
//   chaos has amplified the rounding, so the accuracy is measured at t = 2:
//   the error of y(2) against a DOP853 run at rtol 2.3e-14 (good to 1e-12),
//   relative to max |y(2)|.
// - arenstorf_dop853: Arenstorf's orbit over one period, DOP853, rtol 1e-10,
//   atol 1e-12; accuracy: max |y(T) - y(0)| (the orbit is periodic).
// - robertson_{bdf,radau}: Robertson's reaction to t = 1e11, rtol 1e-8, atol
//   1e-14; accuracy: max_i |y_i - ref_i| / |ref_i| against Hairer's test-set
//   reference (Mazzia & Magherini's test set, problem ROBER).
// - vdp_lsoda: Van der Pol with mu = 1000 from (2, 0) to t = 3000, LSODA,
//   rtol 1e-8, atol 1e-10; accuracy: max_i |y_i - ref_i| / max |ref| against
//   a Radau run at rtol 1e-12.

#include <benchmark/benchmark.h>

#include <cmath>
#include <scilearn/integrate/solve_ivp.hpp>

#include "bench_support.hpp"
#include "integrate/nonstiff_problems.hpp"

namespace {

using scilearn::Vector;
namespace si = scilearn::integrate;
namespace bench = scilearn::bench;

using scilearn::testing::arenstorf;
using scilearn::testing::arenstorf_period;
using scilearn::testing::lorenz;

Vector robertson(double, const Vector& y) {
  return Vector{{-0.04 * y(0) + 1e4 * y(1) * y(2), 0.04 * y(0) - 1e4 * y(1) * y(2) - 3e7 * y(1) * y(1),
                 3e7 * y(1) * y(1)}};
}

Vector van_der_pol(double, const Vector& y) { return Vector{{y(1), 1000 * (1 - y(0) * y(0)) * y(1) - y(0)}}; }

// max_i |y_i - ref_i| / scale.
double max_error(const Vector& y, const Vector& ref, double scale) { return (y - ref).cwiseAbs().maxCoeff() / scale; }

Vector last(const si::OdeResult& r) { return r.y.col(r.y.cols() - 1); }

// Times solve(); the residual is metric(result) (1 for a failed run) and the
// counter `evaluations` is nfev, which bench/compare sets beside SciPy's.
template <class Solve, class Metric>
void time_solve(benchmark::State& state, Solve solve, Metric metric) {
  bench::time_calls(state, solve, [&](const si::OdeResult& r) {
    state.counters["evaluations"] = static_cast<double>(r.nfev);
    return r.success ? metric(r) : 1.0;
  });
}

void BM_lorenz_rk45(benchmark::State& state) {
  const Vector ref{{-8.173499932242162, -9.562023686798803, 24.620702049679466}};
  time_solve(
      state,
      [] {
        return si::solve_ivp(lorenz, {0, 100}, Vector::Ones(3),
                             {.method = si::OdeMethod::rk45, .t_eval = {2.0, 100.0}, .rtol = 1e-6, .atol = 1e-9});
      },
      [&](const si::OdeResult& r) { return max_error(r.y.col(0), ref, ref.cwiseAbs().maxCoeff()); });
}

void BM_arenstorf_dop853(benchmark::State& state) {
  const Vector y0 = scilearn::testing::arenstorf_y0();
  time_solve(
      state,
      [&] {
        return si::solve_ivp(arenstorf, {0, arenstorf_period}, y0,
                             {.method = si::OdeMethod::dop853, .rtol = 1e-10, .atol = 1e-12});
      },
      [&](const si::OdeResult& r) { return max_error(last(r), y0, 1.0); });
}

void robertson_row(benchmark::State& state, si::OdeMethod method) {
  const Vector ref{{0.2083340149701255e-07, 0.8333360770334713e-13, 0.9999999791665050}};
  time_solve(
      state,
      [&] {
        return si::solve_ivp(robertson, {0, 1e11}, Vector{{1.0, 0.0, 0.0}},
                             {.method = method, .rtol = 1e-8, .atol = 1e-14});
      },
      [&](const si::OdeResult& r) {
        return (last(r) - ref).cwiseQuotient(ref).cwiseAbs().maxCoeff();
      });
}

void BM_robertson_bdf(benchmark::State& state) { robertson_row(state, si::OdeMethod::bdf); }
void BM_robertson_radau(benchmark::State& state) { robertson_row(state, si::OdeMethod::radau); }

void BM_vdp_lsoda(benchmark::State& state) {
  const Vector ref{{-1.5106069367440011, 0.0011783800007311427}};
  time_solve(
      state,
      [] {
        return si::solve_ivp(van_der_pol, {0, 3000}, Vector{{2.0, 0.0}},
                             {.method = si::OdeMethod::lsoda, .rtol = 1e-8, .atol = 1e-10});
      },
      [&](const si::OdeResult& r) { return max_error(last(r), ref, ref.cwiseAbs().maxCoeff()); });
}

}  // namespace

BENCHMARK(BM_lorenz_rk45)->Name("solve_ivp_lorenz_rk45")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_arenstorf_dop853)->Name("solve_ivp_arenstorf_dop853")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_robertson_bdf)->Name("solve_ivp_robertson_bdf")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_robertson_radau)->Name("solve_ivp_robertson_radau")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_vdp_lsoda)->Name("solve_ivp_vdp_lsoda")->UseRealTime()->Unit(benchmark::kMillisecond);
