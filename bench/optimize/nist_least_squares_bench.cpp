// optimize::least_squares (method trf, SciPy's default: 2-point Jacobian,
// tolerances 1e-8) against scipy.optimize.least_squares
// (bench/peers/optimize_nist.py) on the 27 NIST StRD nonlinear regression
// problems from both starting points: one timed call runs all 54 fits. The
// files are read in place from ../shared/data/nist/nonlinear, with the models
// of tests/optimize/nist_problems.hpp (their Python twins in
// tests/reference/optimize_nist.py).
//
// Accuracy (`residual`): how many of the 54 fits end with fewer than 4
// correct digits on some certified parameter (the starts that lead elsewhere,
// and those that the default tolerances stop early). Counter `evaluations`:
// the residual function's calls, finite-difference ones included, counted
// the same way on both sides.

#include <benchmark/benchmark.h>

#include <filesystem>
#include <scilearn/optimize/least_squares.hpp>
#include <string>
#include <vector>

#include "../support/bench_support.hpp"
#include "optimize/nist_problems.hpp"

namespace {

using scilearn::Matrix;
using scilearn::Vector;
namespace bench = scilearn::bench;
namespace nist = scilearn::testing::nist;
namespace opt = scilearn::optimize;

struct Fit {
  std::string name;
  nist::Formula formula;
  nist::Problem problem;
  Vector y;
};

void BM_least_squares_nist(benchmark::State& state) {
  const std::filesystem::path dir = std::filesystem::path(SCILEARN_SHARED_DATA_DIR) / "nist" / "nonlinear";
  if (!std::filesystem::exists(dir)) {
    state.SkipWithError(("no NIST data at " + dir.string()).c_str());
    return;
  }
  std::vector<Fit> fits;
  for (const auto& [name, formula] : nist::kModels) {
    nist::Problem p = nist::read_problem(dir / (name + ".dat"));
    Vector y = nist::response(name, p);
    fits.push_back({name, formula, std::move(p), std::move(y)});
  }
  int calls = 0;
  int below_4_digits = 0;
  const auto fit_all = [&] {
    calls = below_4_digits = 0;
    for (const Fit& f : fits) {
      const opt::VectorFunction residuals = [&](const Vector& b) {
        ++calls;
        return Vector(nist::predict(f.formula, f.problem.x, b) - f.y);
      };
      for (const Vector* start : {&f.problem.start1, &f.problem.start2}) {
        const opt::LeastSquaresResult r = opt::least_squares(residuals, *start);
        below_4_digits += nist::lre(r.x, f.problem.certified) < 4;
      }
    }
    return below_4_digits;
  };
  bench::time_calls(state, fit_all, [&](int failures) {
    state.counters["evaluations"] = calls;
    return static_cast<double>(failures);
  });
}

}  // namespace

BENCHMARK(BM_least_squares_nist)->Name("least_squares_nist")->Arg(54)->UseRealTime()->Unit(benchmark::kMillisecond);
