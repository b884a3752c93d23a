// scilearn::learn's SGDClassifier against scikit-learn's
// (bench/peers/learn_sgd.py), on inputs written here once (learn_sgd/).
// - sgd_hinge: 10^6 x 100 standard normal features, two classes y = [x . beta
//   + 0.5 e > 0] with beta ~ N(0, 1) / 10 and e ~ N(0, 1); SGDClassifier(loss
//   hinge, max_iter 5, tol None, random_state 0) fit then predict on the same
//   rows.
// Accuracy (both sides): |training accuracy - that of the true beta| (written
// as sgd_hinge_reference.npy): the last iterate of 5 epochs of SGD (optimal
// rate, no averaging) lands within ~0.02 of it (scikit-learn's as ours).

#include <benchmark/benchmark.h>

#include <cmath>
#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/learn.hpp>

#include "../support/bench_support.hpp"

namespace {

using scilearn::Index;
using scilearn::Matrix;
using scilearn::Vector;
namespace bench = scilearn::bench;
namespace io = scilearn::io;
namespace learn = scilearn::learn;
namespace fs = std::filesystem;

constexpr Index kRows = 1'000'000;
constexpr Index kFeatures = 100;

double accuracy(const Vector& predicted, const Vector& y) {
  return static_cast<double>((predicted.array() == y.array()).count()) / static_cast<double>(y.size());
}

[[maybe_unused]] const bool registered = bench::register_data_writer("learn_sgd", [](const fs::path& dir) {
  scilearn::Generator rng(20261207);
  const Vector beta = rng.standard_normal(kFeatures) / 10.0;
  const Matrix X = rng.standard_normal(kRows, kFeatures);
  const Vector score = X * beta;
  const Vector noisy = score + 0.5 * rng.standard_normal(kRows);
  const Vector y = (noisy.array() > 0).cast<double>();
  const Vector truth = (score.array() > 0).cast<double>();
  io::save_npy(dir / "sgd_hinge_X.npy", X);
  io::save_npy(dir / "sgd_hinge_y.npy", y);
  io::save_npy(dir / "sgd_hinge_reference.npy", Vector::Constant(1, accuracy(truth, y)));
});

Matrix load(const std::string& file) { return io::load_npy<double>(bench::data_dir() / "learn_sgd" / file); }

void BM_sgd_hinge(benchmark::State& state) {
  const Matrix X = load("sgd_hinge_X.npy");
  const Vector y = load("sgd_hinge_y.npy");
  const double reference = load("sgd_hinge_reference.npy")(0, 0);
  learn::SGDClassifier model({.max_iter = 5, .tol = std::nullopt, .random_state = 0});
  bench::time_calls(
      state, [&] { return model.fit(X, y).predict(X); },
      [&](const Vector& predicted) { return std::abs(accuracy(predicted, y) - reference); });
}

}  // namespace

BENCHMARK(BM_sgd_hinge)->Name("sgd_hinge")->UseRealTime()->Unit(benchmark::kMillisecond);
