// scilearn::learn's KNNImputer against sklearn.impute.KNNImputer
// (bench/peers/learn_impute.py): fit on 10^4 x 32 standard normal samples
// with 10% of the entries missing, transform 2000 other such rows (about 97%
// of them have a missing entry), n_neighbors = 5, uniform weights; both
// written here once as learn_impute/X_fit.npy and X.npy. The accuracy counter
// (`residual`) is the largest relative difference, over the missing entries of
// the first 50 rows, from the definition computed directly (nan-Euclidean
// distances from differences, donors sorted by distance then row).

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/learn/impute/knn_imputer.hpp>
#include <utility>
#include <vector>

#include "../support/bench_support.hpp"

namespace {

using scilearn::Index;
using scilearn::Matrix;
namespace bench = scilearn::bench;
namespace io = scilearn::io;
namespace fs = std::filesystem;

constexpr Index kFit = 10'000, kRows = 2'000, kFeatures = 32, kChecked = 50, kNeighbors = 5;

Matrix with_missing(scilearn::Generator& rng, Index n) {
  Matrix X(n, kFeatures);
  for (Index j = 0; j < kFeatures; ++j)
    for (Index i = 0; i < n; ++i) X(i, j) = rng.standard_normal();
  for (Index j = 0; j < kFeatures; ++j)
    for (Index i = 0; i < n; ++i)
      if (rng.random() < 0.1) X(i, j) = std::nan("");
  return X;
}

[[maybe_unused]] const bool registered = bench::register_data_writer("learn_impute", [](const fs::path& dir) {
  scilearn::Generator rng(20261206);
  io::save_npy(dir / "X_fit.npy", with_missing(rng, kFit));
  io::save_npy(dir / "X.npy", with_missing(rng, kRows));
});

// The imputed value of X(i, c) by the definition.
double direct(const Matrix& fit, const Matrix& X, Index i, Index c) {
  std::vector<std::pair<double, Index>> donors;
  for (Index j = 0; j < fit.rows(); ++j) {
    if (std::isnan(fit(j, c))) continue;
    double sum = 0;
    Index present = 0;
    for (Index t = 0; t < kFeatures; ++t)
      if (!std::isnan(X(i, t)) && !std::isnan(fit(j, t))) {
        sum += (X(i, t) - fit(j, t)) * (X(i, t) - fit(j, t));
        ++present;
      }
    if (present > 0) donors.emplace_back(std::sqrt(sum * kFeatures / static_cast<double>(present)), j);
  }
  std::partial_sort(donors.begin(), donors.begin() + kNeighbors, donors.end());
  double mean = 0;
  for (Index t = 0; t < kNeighbors; ++t) mean += fit(donors[static_cast<std::size_t>(t)].second, c);
  return mean / kNeighbors;
}

double accuracy(const Matrix& fit, const Matrix& X, const Matrix& Z) {
  double worst = 0;
  for (Index i = 0; i < kChecked; ++i)
    for (Index c = 0; c < kFeatures; ++c)
      if (std::isnan(X(i, c))) {
        const double exact = direct(fit, X, i, c);
        worst = std::max(worst, std::abs(Z(i, c) - exact) / std::max(1.0, std::abs(exact)));
      }
  return worst;
}

void BM_knn_imputer(benchmark::State& state) {
  const Matrix fit = io::load_npy<double>(bench::data_dir() / "learn_impute" / "X_fit.npy");
  const Matrix X = io::load_npy<double>(bench::data_dir() / "learn_impute" / "X.npy");
  bench::time_calls(
      state,
      [&] {
        scilearn::learn::KNNImputer imputer;
        imputer.fit(fit);
        return imputer.transform(X);
      },
      [&](const Matrix& Z) { return accuracy(fit, X, Z); });
}

}  // namespace

BENCHMARK(BM_knn_imputer)->Name("knn_imputer")->UseRealTime()->Unit(benchmark::kMillisecond);
