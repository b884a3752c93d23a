// scilearn::learn::LogisticRegression against scikit-learn's
// (bench/peers/learn_logistic.py): lbfgs with scikit-learn's defaults (C = 1,
// tol = 1e-4, max_iter = 100) on 100 000 x 100 standard normal features,
// labels drawn from a logistic model (2 classes) or a multinomial one (10
// classes; scores X W^T plus Gumbel noise, so the classes overlap and the
// minimizer is interior). The inputs are written here once (learn_logistic/).
//
// The accuracy counter (`residual`) is the largest entry of the gradient of
// scikit-learn's objective at the answer, computed by the same direct formula
// on both sides after the clock stops: lbfgs stops when it is <= tol, so
// both sides must end below 1e-4, next to the same unique minimizer.

#include <benchmark/benchmark.h>

#include <cmath>
#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/learn.hpp>
#include <string>

#include "../support/bench_support.hpp"

namespace {

using scilearn::Index;
using scilearn::Matrix;
using scilearn::Vector;
namespace bench = scilearn::bench;
namespace io = scilearn::io;
namespace learn = scilearn::learn;
namespace fs = std::filesystem;

constexpr Index kSamples = 100'000, kFeatures = 100;

[[maybe_unused]] const bool registered = bench::register_data_writer("learn_logistic", [](const fs::path& dir) {
  scilearn::Generator rng(20261207);
  const Matrix X = rng.standard_normal(kSamples, kFeatures);
  const double scale = 2 / std::sqrt(static_cast<double>(kFeatures));
  const Vector w = rng.standard_normal(kFeatures) * scale;
  const Vector logit = X * w;
  const Vector u = rng.random(kSamples);
  Vector y2(kSamples), y10(kSamples);
  for (Index i = 0; i < kSamples; ++i) y2(i) = logit(i) + std::log(u(i) / (1 - u(i))) > 0 ? 1.0 : 0.0;
  const Matrix W = rng.standard_normal(10, kFeatures) * scale;
  const Matrix scores = X * W.transpose();
  const Matrix g = rng.random(kSamples, 10);
  for (Index i = 0; i < kSamples; ++i) {
    Index best = 0;
    (scores.row(i).array() - (-g.row(i).array().log()).log()).maxCoeff(&best);  // Gumbel noise
    y10(i) = static_cast<double>(best);
  }
  io::save_npy(dir / "X.npy", X);
  io::save_npy(dir / "y2.npy", y2);
  io::save_npy(dir / "y10.npy", y10);
});

// max |gradient| of (1 / n) sum_i loss_i + ||W||^2 / (2 C n) at the model, C = 1.
double gradient_norm(const learn::LogisticRegression& model, const Matrix& X, const Vector& y) {
  const Matrix proba = model.predict_proba(X);
  const Vector classes = model.classes();
  const Index n = X.rows(), K = model.coef().rows();
  Matrix residual(n, K);
  for (Index k = 0; k < K; ++k) {
    const Index cls = K == 1 ? 1 : k;
    residual.col(k) = proba.col(cls) - (y.array() == classes(cls)).cast<double>().matrix();
  }
  const Matrix g_coef = (residual.transpose() * X + model.coef()) / static_cast<double>(n);
  const Vector g_intercept = residual.colwise().sum().transpose() / static_cast<double>(n);
  return std::max(g_coef.cwiseAbs().maxCoeff(), g_intercept.cwiseAbs().maxCoeff());
}

void run(benchmark::State& state, const std::string& labels) {
  const fs::path dir = bench::data_dir() / "learn_logistic";
  const Matrix X = io::load_npy<double>(dir / "X.npy");
  const Vector y = io::load_npy_vector<double>(dir / (labels + ".npy"));
  learn::LogisticRegression model;  // scikit-learn's defaults: lbfgs, C = 1, tol = 1e-4, max_iter = 100
  bench::time_calls(
      state,
      [&] {
        model.fit(X, y);
        return model.n_iter();
      },
      [&](Index) { return gradient_norm(model, X, y); });
  state.counters["n_iter"] = static_cast<double>(model.n_iter());
}

void BM_binary(benchmark::State& state) { run(state, "y2"); }
void BM_multinomial(benchmark::State& state) { run(state, "y10"); }

}  // namespace

BENCHMARK(BM_binary)->Name("logistic_lbfgs_2")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_multinomial)->Name("logistic_lbfgs_10")->UseRealTime()->Unit(benchmark::kMillisecond);
