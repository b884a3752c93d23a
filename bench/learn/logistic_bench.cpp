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
//
// logistic_saga_l1_sparse: saga with an L1 penalty (l1_ratio = 1, C = 0.1,
// tol = 1e-4, max_iter = 100) on a 100 000 x 10 000 CSR matrix of density
// 0.01 (100 standard normal entries per row, at distinct random columns),
// labels from a logistic model on 200 of the features. Its accuracy counter
// is the largest violation of the optimality conditions of the L1 problem,
// relative to the penalty lambda = 1 / (C n): with g the loss gradient,
// |g_j + lambda sign(w_j)| where w_j != 0, max(|g_j| - lambda, 0) where
// w_j = 0, and |g_intercept|.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/learn.hpp>
#include <string>
#include <vector>

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

constexpr Index kSparseSamples = 100'000, kSparseFeatures = 10'000, kPerRow = 100;

[[maybe_unused]] const bool registered_sparse =
    bench::register_data_writer("learn_logistic_sparse", [](const fs::path& dir) {
      scilearn::Generator rng(20261208);
      Vector indptr(kSparseSamples + 1), indices(kSparseSamples * kPerRow), values(kSparseSamples * kPerRow);
      Vector w = Vector::Zero(kSparseFeatures);
      for (Index j = 0; j < 200; ++j) w(rng.integers(0, kSparseFeatures)) = rng.standard_normal();
      Vector y(kSparseSamples);
      std::vector<Index> columns;
      Index nnz = 0;
      indptr(0) = 0;
      for (Index i = 0; i < kSparseSamples; ++i) {
        columns.clear();
        while (static_cast<Index>(columns.size()) < kPerRow) {
          const Index c = rng.integers(0, kSparseFeatures);
          if (std::find(columns.begin(), columns.end(), c) == columns.end()) columns.push_back(c);
        }
        std::sort(columns.begin(), columns.end());
        double z = 0;
        for (const Index c : columns) {
          indices(nnz) = static_cast<double>(c);
          values(nnz) = rng.standard_normal();
          z += values(nnz) * w(c);
          ++nnz;
        }
        indptr(i + 1) = static_cast<double>(nnz);
        const double u = rng.random();
        y(i) = z + std::log(u / (1 - u)) > 0 ? 1.0 : 0.0;
      }
      io::save_npy(dir / "indptr.npy", indptr);
      io::save_npy(dir / "indices.npy", indices);
      io::save_npy(dir / "data.npy", values);
      io::save_npy(dir / "y.npy", y);
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

// The L1 problem's largest optimality violation, relative to lambda (see the header).
double l1_violation(const learn::LogisticRegression& model, const learn::CsrMatrix& X, const Vector& y, double C) {
  const Index n = X.rows();
  const Vector residual = model.predict_proba(X).col(1) - y;
  const Vector g = X.transpose() * residual / static_cast<double>(n);
  const double lambda = 1 / (C * static_cast<double>(n));
  double worst = std::abs(residual.mean());
  for (Index j = 0; j < g.size(); ++j) {
    const double w = model.coef()(0, j);
    worst =
        std::max(worst, w != 0 ? std::abs(g(j) + std::copysign(lambda, w)) : std::max(std::abs(g(j)) - lambda, 0.0));
  }
  return worst / lambda;
}

void BM_saga_l1_sparse(benchmark::State& state) {
  const fs::path dir = bench::data_dir() / "learn_logistic_sparse";
  const Vector indptr = io::load_npy_vector<double>(dir / "indptr.npy");
  const Vector indices = io::load_npy_vector<double>(dir / "indices.npy");
  const Vector values = io::load_npy_vector<double>(dir / "data.npy");
  const Vector y = io::load_npy_vector<double>(dir / "y.npy");
  const Eigen::VectorXi outer = indptr.cast<int>(), inner = indices.cast<int>();
  const learn::CsrMatrix X = Eigen::Map<const learn::CsrMatrix>(kSparseSamples, kSparseFeatures, values.size(),
                                                                outer.data(), inner.data(), values.data());
  constexpr double C = 0.1;
  learn::LogisticRegression model({.C = C, .l1_ratio = 1, .random_state = 0, .solver = learn::LogisticSolver::saga});
  bench::time_calls(
      state,
      [&] {
        model.fit(X, y);
        return model.n_iter();
      },
      [&](Index) { return l1_violation(model, X, y, C); });
  state.counters["n_iter"] = static_cast<double>(model.n_iter());
}

void BM_binary(benchmark::State& state) { run(state, "y2"); }
void BM_multinomial(benchmark::State& state) { run(state, "y10"); }

}  // namespace

BENCHMARK(BM_binary)->Name("logistic_lbfgs_2")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_multinomial)->Name("logistic_lbfgs_10")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_saga_l1_sparse)->Name("logistic_saga_l1_sparse")->UseRealTime()->Unit(benchmark::kMillisecond);
