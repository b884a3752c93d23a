// integrate::quad and nquad against scipy.integrate (bench/peers/integrate_quad.py),
// on integrals both sides define in code (no data files):
//
// * quad_10_integrals: ten of QUADPACK's standard test integrals, one quad
//   call each with SciPy's defaults, timed together: x^2.6 log(1/x) and
//   x^-0.9 log(1/x) on [0, 1] (QAGS), 4 / (1 + x^2) on [0, 1], exp(-x^2) on
//   (-inf, inf) and 1 / ((1 + x) sqrt x) on [0, inf) (QAGI), x^3 log|(x^2 - 1)
//   (x^2 - 2)| on [0, 3] with points 1, sqrt 2 (QAGP), log(x) sin(10 pi x) on
//   [0, 1] (QAWO), cos(x) / sqrt(x) on [0, inf) (QAWF), e^x / sqrt(1 - x^2)
//   on [-1, 1] (QAWS), PV 1 / (x (5 x^3 + 6)) on [-1, 5] (QAWC).
// * nquad_3d: exp(-(x^2 + y^2 + z^2)) over the unit cube, nquad with the
//   default options (9261 integrand calls, 463 quad calls).
//
// Accuracy (`residual`): the largest relative error against the closed forms.
// Counter `evaluations`: the integrand calls (quad's neval summed; nquad's
// neval), which the same QUADPACK iterates make equal on both sides.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <scilearn/integrate/quad.hpp>
#include <vector>

#include "../support/bench_support.hpp"

namespace {

namespace bench = scilearn::bench;
namespace si = scilearn::integrate;
using scilearn::Vector;

struct Problem {
  si::Integrand f;
  double a, b;
  si::QuadOptions options;
  double exact;
};

std::vector<Problem> ten_integrals() {
  constexpr double inf = std::numeric_limits<double>::infinity();
  constexpr double pi = std::numbers::pi;
  const double w = 10 * pi;
  // Ci(10 pi) (scipy.special.sici), for the QAWO integral -(gamma + log w - Ci(w)) / w.
  const double ci_10pi = -0.0010071721047528017;
  return {
      {[](double x) { return std::pow(x, 2.6) * std::log(1 / x); }, 0, 1, {}, 1 / (3.6 * 3.6)},
      {[](double x) { return std::pow(x, -0.9) * std::log(1 / x); }, 0, 1, {}, 100.0},
      {[](double x) { return 4 / (1 + x * x); }, 0, 1, {}, pi},
      {[](double x) { return std::exp(-x * x); }, -inf, inf, {}, std::sqrt(pi)},
      {[](double x) { return 1 / ((1 + x) * std::sqrt(x)); }, 0, inf, {}, pi},
      {[](double x) { return std::pow(x, 3) * std::log(std::abs((x * x - 1) * (x * x - 2))); },
       0,
       3,
       {.points = {1.0, std::sqrt(2.0)}},
       61 * std::log(2.0) + 77.0 / 4 * std::log(7.0) - 27},
      {[](double x) { return x == 0 ? 0.0 : std::log(x); },
       0,
       1,
       {.weight = si::QuadWeight::sin, .wvar = {w}},
       -(std::numbers::egamma + std::log(w) - ci_10pi) / w},
      {[](double x) { return x <= 0 ? 0.0 : 1 / std::sqrt(x); },
       0,
       inf,
       {.weight = si::QuadWeight::cos, .wvar = {1.0}},
       std::sqrt(pi / 2)},
      {[](double x) { return std::exp(x); },
       -1,
       1,
       {.weight = si::QuadWeight::alg, .wvar = {-0.5, -0.5}},
       pi * std::cyl_bessel_i(0.0, 1.0)},
      {[](double x) { return 1 / (5 * x * x * x + 6); },
       -1,
       5,
       {.weight = si::QuadWeight::cauchy, .wvar = {0.0}},
       std::log(125.0 / 631.0) / 18},
  };
}

void BM_quad_10_integrals(benchmark::State& state) {
  const std::vector<Problem> problems = ten_integrals();
  std::vector<double> values(problems.size());
  int evaluations = 0;
  const auto run_all = [&] {
    evaluations = 0;
    for (std::size_t k = 0; k < problems.size(); ++k) {
      const si::QuadResult r = si::quad(problems[k].f, problems[k].a, problems[k].b, problems[k].options);
      values[k] = r.value;
      evaluations += r.neval;
    }
    return values.back();
  };
  bench::time_calls(state, run_all, [&](double) {
    state.counters["evaluations"] = evaluations;
    double worst = 0;
    for (std::size_t k = 0; k < problems.size(); ++k)
      worst = std::max(worst, std::abs(values[k] - problems[k].exact) / std::abs(problems[k].exact));
    return worst;
  });
}

void BM_nquad_3d(benchmark::State& state) {
  const double exact = std::pow(std::sqrt(std::numbers::pi) / 2 * std::erf(1.0), 3);
  const std::vector<si::NquadRange> cube(3, std::array<double, 2>{0, 1});
  si::NquadResult r;
  // The accuracy reads r, not the value time_calls passes on: Google
  // Benchmark 1.7's DoNotOptimize may clobber a double under GCC ("+m,r").
  bench::time_calls(
      state,
      [&] {
        r = si::nquad([](const Vector& v) { return std::exp(-v.squaredNorm()); }, cube);
        return r.neval;
      },
      [&](int) {
        state.counters["evaluations"] = r.neval;
        return std::abs(r.value - exact) / exact;
      });
}

}  // namespace

BENCHMARK(BM_quad_10_integrals)->Name("quad_10_integrals")->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_nquad_3d)->Name("nquad_3d")->UseRealTime()->Unit(benchmark::kMillisecond);
