// scilearn::learn's preprocessing against scikit-learn
// (bench/peers/learn_preprocessing.py): OneHotEncoder.fit_transform of
// 10^6 x 10 integer-valued columns (10, 10, 10, 10, 20, 20, 20, 50, 50 and
// 100 categories: 300 output columns) with a dense output on both sides
// (scikit-learn: sparse_output=False), and StandardScaler.fit_transform of
// 10^6 x 100 normal columns of different means and scales. The inputs are
// written here once as .npy (learn_preprocessing/...).
//
// Accuracy (the `residual` counter), computed the same way by the peer:
// one-hot: |sum of the output - n_samples * n_features| plus n_samples times
// the number of output columns other than 300 (0 when every row has one 1 per
// feature); scaler: the largest |column mean| + |column std - 1| of the output.
//
// The results are not kept between calls (each call's output is freed before
// the next, on both sides), so a process holds one 2.4 GB one-hot output at a time.

#include <benchmark/benchmark.h>

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

constexpr Index kSamples = 1'000'000;
constexpr int kCategories[] = {10, 10, 10, 10, 20, 20, 20, 50, 50, 100};
constexpr Index kScalerFeatures = 100;

[[maybe_unused]] const bool registered = bench::register_data_writer("learn_preprocessing", [](const fs::path& dir) {
  scilearn::Generator rng(20261207);
  Matrix X(kSamples, std::size(kCategories));
  for (Index j = 0; j < X.cols(); ++j) {
    // Uniform integer codes 0 .. k-1, spread over the whole range (every category appears).
    const Vector u = rng.random(kSamples);
    X.col(j) = (u.array() * kCategories[j]).floor().min(kCategories[j] - 1.0);
  }
  io::save_npy(dir / "onehot_X.npy", X);
  Matrix Y = rng.standard_normal(kSamples, kScalerFeatures);
  for (Index j = 0; j < Y.cols(); ++j)
    Y.col(j) = Y.col(j).array() * (1.0 + static_cast<double>(j)) + 10.0 * static_cast<double>(j);
  io::save_npy(dir / "scaler_X.npy", Y);
});

Matrix load(const std::string& file) { return io::load_npy<double>(bench::data_dir() / "learn_preprocessing" / file); }

// bench::time_calls without keeping the previous result alive during a call.
template <class Call, class Accuracy>
void time_fresh(benchmark::State& state, Call call, Accuracy accuracy) {
  (void)call();  // warm-up
  for (auto _ : state) {
    Matrix result = call();
    benchmark::DoNotOptimize(result.data());
    benchmark::ClobberMemory();
  }
  state.counters["residual"] = accuracy(call());
  state.counters["blas_threads"] = scilearn::blas_num_threads();
}

void BM_onehot(benchmark::State& state) {
  const Matrix X = load("onehot_X.npy");
  time_fresh(
      state, [&] { return learn::OneHotEncoder().fit_transform(X); },
      [&](const Matrix& Z) {
        return std::abs(Z.sum() - static_cast<double>(X.size())) +
               static_cast<double>(std::abs(Z.cols() - 300) * X.rows());
      });
}

void BM_standard_scaler(benchmark::State& state) {
  const Matrix X = load("scaler_X.npy");
  time_fresh(
      state, [&] { return learn::StandardScaler().fit_transform(X); },
      [&](const Matrix& Z) {
        const Vector mean = Z.colwise().mean();
        const Vector sd =
            ((Z.rowwise() - mean.transpose()).colwise().squaredNorm() / static_cast<double>(Z.rows())).cwiseSqrt();
        return (mean.cwiseAbs() + (sd.array() - 1).abs().matrix()).maxCoeff();
      });
}

}  // namespace

BENCHMARK(BM_onehot)->Name("onehot_encoder_fit_transform")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_standard_scaler)->Name("standard_scaler_fit_transform")->UseRealTime()->Unit(benchmark::kMillisecond);
