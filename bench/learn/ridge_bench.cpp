// scilearn::learn's Ridge and RidgeCV against scikit-learn's
// (bench/peers/learn_ridge.py), on inputs written here once (learn_ridge/).
// - ridge: Ridge() (alpha 1, solver auto: Cholesky of X'X + alpha I) fit on
//   10^5 x 500 features N(1, 1), y = X w + 3 + noise (sd 0.5), then predict
//   on the same rows;
// - ridge_cv: RidgeCV(alphas = logspace(-3, 3, 20)) (efficient leave-one-out)
//   on 10^4 x 200 features N(1, 1), y = X w + 3 + noise (sd 5).
// Accuracy (both sides): the ridge optimality residual at the fitted (or
// chosen) alpha, ||X'(y - X coef - intercept) - alpha coef|| / (||X|| ||y||)
// (X' r equals the centered X' r because the residuals sum to 0), ~1e-16 for
// an exact solve. RidgeCV's leave-one-out errors are closed forms on both
// sides, so both choose the same alpha_ (the residual is taken at it).

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

void write_problem(const fs::path& dir, scilearn::Generator& rng, const std::string& name, Index n, Index p,
                   double noise) {
  const Matrix X = rng.standard_normal(n, p).array() + 1.0;
  const Vector y = (X * rng.standard_normal(p)).array() + 3.0 + noise * rng.standard_normal(n).array();
  io::save_npy(dir / (name + "_X.npy"), X);
  io::save_npy(dir / (name + "_y.npy"), y);
}

[[maybe_unused]] const bool registered = bench::register_data_writer("learn_ridge", [](const fs::path& dir) {
  scilearn::Generator rng(20261209);
  write_problem(dir, rng, "ridge", 100'000, 500, 0.5);
  write_problem(dir, rng, "ridge_cv", 10'000, 200, 5.0);
});

Matrix load(const std::string& file) { return io::load_npy<double>(bench::data_dir() / "learn_ridge" / file); }

double optimality(const Matrix& X, const Vector& y, const Vector& coef, double intercept, double alpha) {
  const Vector residual = (y - X * coef).array() - intercept;
  return (X.transpose() * residual - alpha * coef).norm() / (X.norm() * y.norm());
}

void BM_ridge(benchmark::State& state) {
  const Matrix X = load("ridge_X.npy");
  const Vector y = load("ridge_y.npy");
  learn::Ridge model;
  bench::time_calls(
      state, [&] { return model.fit(X, y).predict(X); },
      [&](const Vector&) { return optimality(X, y, model.coef().row(0).transpose(), model.intercept()(0), 1.0); });
}

void BM_ridge_cv(benchmark::State& state) {
  const Matrix X = load("ridge_cv_X.npy");
  const Vector y = load("ridge_cv_y.npy");
  std::vector<double> alphas;
  for (int k = 0; k < 20; ++k) alphas.push_back(std::pow(10.0, -3.0 + 6.0 * k / 19.0));
  learn::RidgeCV model({.alphas = alphas});
  bench::time_calls(
      state, [&] { return model.fit(X, y).alpha()(0); },
      [&](double alpha) { return optimality(X, y, model.coef().row(0).transpose(), model.intercept()(0), alpha); });
}

}  // namespace

BENCHMARK(BM_ridge)->Name("ridge")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ridge_cv)->Name("ridge_cv")->UseRealTime()->Unit(benchmark::kMillisecond);
