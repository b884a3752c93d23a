// optimize::curve_fit against scipy.optimize.curve_fit
// (bench/peers/optimize_curve_fit.py): an exponential decay y = a exp(-b x) + c
// at 10 000 points x in [0, 4] with a = 2.5, b = 1.3, c = 0.5 and normal noise
// of standard deviation 0.001 (curve_fit_n10000/x.npy, y.npy, written here),
// from p0 = (1, 1, 1), Levenberg-Marquardt with forward differences (SciPy's
// default without bounds). Accuracy (`residual`): the largest relative
// distance of the fitted parameters from the true ones; with this noise the
// least-squares estimate lies within about 1e-4 of them.

#include <benchmark/benchmark.h>

#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/optimize/curve_fit.hpp>

#include "../support/bench_support.hpp"

namespace {

using scilearn::Index;
using scilearn::Matrix;
using scilearn::Vector;
namespace bench = scilearn::bench;
namespace io = scilearn::io;
namespace opt = scilearn::optimize;
namespace fs = std::filesystem;

const Vector kTruth{{2.5, 1.3, 0.5}};

Vector decay(const Matrix& x, const Vector& p) { return (p(0) * (-p(1) * x.col(0).array()).exp() + p(2)).matrix(); }

[[maybe_unused]] const bool registered = bench::register_data_writer("curve_fit_n10000", [](const fs::path& dir) {
  scilearn::Generator rng(10000);
  const Matrix x = Vector::LinSpaced(10000, 0, 4);
  const Vector y = decay(x, kTruth) + 0.001 * rng.standard_normal(10000, 1);
  io::save_npy(dir / "x.npy", Vector(x.col(0)));
  io::save_npy(dir / "y.npy", y);
});

void BM_curve_fit(benchmark::State& state) {
  Matrix x;
  Vector y;
  try {
    x = io::load_npy_vector<double>(bench::data_dir() / "curve_fit_n10000" / "x.npy");
    y = io::load_npy_vector<double>(bench::data_dir() / "curve_fit_n10000" / "y.npy");
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
    return;
  }
  bench::time_calls(
      state, [&] { return opt::curve_fit(decay, x, y, {.p0 = Vector::Ones(3)}); },
      [&](const opt::CurveFitResult& r) {
        state.counters["evaluations"] = r.nfev;
        return ((r.popt - kTruth).array() / kTruth.array()).abs().maxCoeff();
      });
}

}  // namespace

BENCHMARK(BM_curve_fit)->Name("curve_fit")->Arg(10000)->UseRealTime()->Unit(benchmark::kMillisecond);
