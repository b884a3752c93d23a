// scilearn::learn's metrics against sklearn.metrics (bench/peers/learn_bench.py):
// roc_auc_score on 10^6 binary samples, about half positive, scores
// u + 0.5 y with u uniform on [0, 1) (written here once as .npy under
// learn/). The accuracy counter (`residual`) is |AUC - 0.875|, the
// population AUC P(u1 + 0.5 > u2) = 1 - 0.5^2 / 2; the sample's standard
// error is about 5e-4.

#include <benchmark/benchmark.h>

#include <cmath>
#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/learn/metrics/ranking.hpp>

#include "../support/bench_support.hpp"

namespace {

using scilearn::Index;
using scilearn::Vector;
namespace bench = scilearn::bench;
namespace io = scilearn::io;
namespace fs = std::filesystem;

constexpr Index kSamples = 1'000'000;

[[maybe_unused]] const bool registered = bench::register_data_writer("learn", [](const fs::path& dir) {
  scilearn::Generator rng(20261206);
  Vector y(kSamples), score(kSamples);
  for (Index i = 0; i < kSamples; ++i) {
    y[i] = rng.random() < 0.5 ? 1.0 : 0.0;
    score[i] = rng.random() + 0.5 * y[i];
  }
  io::save_npy(dir / "roc_y.npy", y);
  io::save_npy(dir / "roc_score.npy", score);
});

Vector load(const std::string& file) { return io::load_npy_vector<double>(bench::data_dir() / "learn" / file); }

void BM_roc_auc_score(benchmark::State& state) {
  const Vector y = load("roc_y.npy"), score = load("roc_score.npy");
  bench::time_calls(
      state, [&] { return scilearn::learn::roc_auc_score(y, score); },
      [](double auc) { return std::abs(auc - 0.875); });
}

}  // namespace

BENCHMARK(BM_roc_auc_score)->Name("roc_auc_score")->UseRealTime()->Unit(benchmark::kMillisecond);
