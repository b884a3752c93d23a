// scilearn::learn's pairwise distances against sklearn.metrics.pairwise_distances
// (bench/peers/learn_pairwise.py): Euclidean distances between the 10^4 rows
// of X (10^4 x 64, standard normal, written here once as
// learn_pairwise/X.npy), a 10^4 x 10^4 result. The accuracy counter
// (`residual`) is the largest relative difference from the exact distances
// (direct differences) over the first 100 rows and every column, off the
// diagonal, or infinity when a diagonal entry is not exactly 0. Both sides
// use the norm trick |x|^2 - 2 x.y + |y|^2 with one symmetric rank-k update.

#include <benchmark/benchmark.h>

#include <cmath>
#include <limits>
#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/learn/metrics/pairwise.hpp>

#include "../support/bench_support.hpp"

namespace {

using scilearn::Index;
using scilearn::Matrix;
namespace bench = scilearn::bench;
namespace io = scilearn::io;
namespace fs = std::filesystem;

constexpr Index kSamples = 10'000, kFeatures = 64, kChecked = 100;

[[maybe_unused]] const bool registered = bench::register_data_writer("learn_pairwise", [](const fs::path& dir) {
  scilearn::Generator rng(20261210);
  Matrix X(kSamples, kFeatures);
  for (Index j = 0; j < kFeatures; ++j)
    for (Index i = 0; i < kSamples; ++i) X(i, j) = rng.standard_normal();
  io::save_npy(dir / "X.npy", X);
});

double accuracy(const Matrix& X, const Matrix& D) {
  if ((D.diagonal().array() != 0).any()) return std::numeric_limits<double>::infinity();
  double worst = 0;
  for (Index j = 0; j < X.rows(); ++j)
    for (Index i = 0; i < kChecked; ++i)
      if (i != j) {
        const double exact = (X.row(i) - X.row(j)).norm();
        worst = std::max(worst, std::abs(D(i, j) - exact) / exact);
      }
  return worst;
}

void BM_euclidean(benchmark::State& state) {
  const Matrix X = io::load_npy<double>(bench::data_dir() / "learn_pairwise" / "X.npy");
  bench::time_calls(
      state, [&] { return scilearn::learn::pairwise_distances(X); }, [&](const Matrix& D) { return accuracy(X, D); });
}

}  // namespace

BENCHMARK(BM_euclidean)->Name("pairwise_euclidean")->UseRealTime()->Unit(benchmark::kMillisecond);
