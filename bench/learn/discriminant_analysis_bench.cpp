// scilearn::learn's LinearDiscriminantAnalysis against scikit-learn's
// (bench/peers/learn_discriminant_analysis.py), on inputs written here once
// (learn_discriminant_analysis/). Each call is fit then predict_proba on the
// same rows, with the default svd solver.
// - lda_svd: 10^5 x 200, 5 classes of equal probability; class c's rows are
//   mu_c + z A with z ~ N(0, I), mu_cj ~ N(0, 0.15^2) and A = I + N(0, 1) /
//   (2 sqrt(200)) (one covariance A^T A shared by the classes, the LDA model).
// Accuracy (both sides): |mean_i log P(y_i | x_i) - the same mean under the
// true parameters| (written as lda_reference.npy). With 10^5 samples and
// ~2 10^4 parameters the fitted model lands within ~1e-2 of it.

#include <benchmark/benchmark.h>

#include <Eigen/LU>
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

constexpr Index kRows = 100'000, kFeatures = 200, kClasses = 5;

double mean_log_likelihood(const Matrix& log_proba, const Vector& y) {
  double sum = 0;
  for (Index i = 0; i < y.size(); ++i) sum += log_proba(i, static_cast<Index>(y(i)));
  return sum / static_cast<double>(y.size());
}

[[maybe_unused]] const bool registered =
    bench::register_data_writer("learn_discriminant_analysis", [](const fs::path& dir) {
      scilearn::Generator rng(20261207);
      const Matrix mu = 0.15 * rng.standard_normal(kClasses, kFeatures);
      const Matrix A = Matrix::Identity(kFeatures, kFeatures) +
                       rng.standard_normal(kFeatures, kFeatures) / (2.0 * std::sqrt(double(kFeatures)));
      Vector y(kRows);
      for (Index i = 0; i < kRows; ++i) y(i) = static_cast<double>(rng.integers(0, kClasses));
      Matrix X = rng.standard_normal(kRows, kFeatures) * A;
      for (Index i = 0; i < kRows; ++i) X.row(i) += mu.row(static_cast<Index>(y(i)));
      // The true posterior: log P(c | x) = -|(x - mu_c) A^-1|^2 / 2 up to a
      // constant per row (equal priors, one covariance).
      const Matrix W = A.inverse();
      const Matrix XW = X * W, muW = mu * W;
      Matrix jll(kRows, kClasses);
      for (Index c = 0; c < kClasses; ++c)
        jll.col(c) = -0.5 * (XW.rowwise() - muW.row(c)).rowwise().squaredNorm();
      for (Index i = 0; i < kRows; ++i) {
        const double top = jll.row(i).maxCoeff();
        jll.row(i).array() -= top + std::log((jll.row(i).array() - top).exp().sum());
      }
      io::save_npy(dir / "lda_X.npy", X);
      io::save_npy(dir / "lda_y.npy", y);
      io::save_npy(dir / "lda_reference.npy", Vector::Constant(1, mean_log_likelihood(jll, y)));
    });

Matrix load(const std::string& file) {
  return io::load_npy<double>(bench::data_dir() / "learn_discriminant_analysis" / file);
}

void BM_lda_svd(benchmark::State& state) {
  const Matrix X = load("lda_X.npy");
  const Vector y = load("lda_y.npy");
  const double reference = load("lda_reference.npy")(0, 0);
  learn::LinearDiscriminantAnalysis model;
  bench::time_calls(
      state, [&] { return model.fit(X, y).predict_proba(X); },
      [&](const Matrix& proba) { return std::abs(mean_log_likelihood(proba.array().log(), y) - reference); });
}

}  // namespace

BENCHMARK(BM_lda_svd)->Name("lda_svd")->UseRealTime()->Unit(benchmark::kMillisecond);
