// scilearn::learn's Lasso, ElasticNet and LassoCV against scikit-learn's
// (bench/peers/learn_coordinate_descent.py), on inputs written here once
// (learn_coordinate_descent/):
// - lasso_dense / enet_dense: 5*10^4 x 1000 dense, X_ij = N(0, 1) + an offset
//   per column, y = X w + N(0, 1) with 50 non-zero weights; Lasso(alpha=0.05),
//   ElasticNet(alpha=0.1, l1_ratio=0.5), both with scikit-learn's defaults
//   otherwise (precompute=False, tol=1e-4);
// - lasso_sparse / enet_sparse: 10^5 x 10^4 CSC with 1% non-zeros (N(0, 1)
//   values), y = X w + 0.1 N(0, 1) with 100 non-zero weights; Lasso(alpha=0.002),
//   ElasticNet(alpha=0.004, l1_ratio=0.5) (the intercept is fitted: centering
//   is implicit on both sides);
// - lasso_cv: LassoCV() (100 alphas, 5 folds) on 10^4 x 500 dense, 30
//   non-zero weights.
// Accuracy (both sides, computed from the returned coef_ / intercept_ by the
// same formula): the relative duality gap (P(w) - D(theta)) / P(w) of the
// final model, theta = the residual scaled into the dual feasible set; it
// certifies how far the objective is from the optimum.

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

Vector sparse_weights(scilearn::Generator& rng, Index p, Index k) {
  Vector w = Vector::Zero(p);
  for (Index i = 0; i < k; ++i) w(rng.integers(0, p)) = rng.uniform(-2.0, 2.0);
  return w;
}

void write_dense(const fs::path& dir, scilearn::Generator& rng, const std::string& name, Index n, Index p, Index k) {
  Matrix X = rng.standard_normal(n, p);
  for (Index j = 0; j < p; ++j) X.col(j).array() += rng.uniform(-1.0, 1.0);
  const Vector y = X * sparse_weights(rng, p, k) + rng.standard_normal(n);
  io::save_npy(dir / (name + "_X.npy"), X);
  io::save_npy(dir / (name + "_y.npy"), y);
}

void write_sparse(const fs::path& dir, scilearn::Generator& rng) {
  const Index n = 100'000, p = 10'000;
  std::vector<Eigen::Triplet<double>> entries;
  entries.reserve(static_cast<std::size_t>(n * p / 100 + n));
  for (Index j = 0; j < p; ++j)
    for (Index i = 0; i < n; ++i)
      if (rng.random() < 0.01) entries.emplace_back(i, j, rng.standard_normal());
  learn::CscMatrix X(n, p);
  X.setFromTriplets(entries.begin(), entries.end());
  X.makeCompressed();
  const Vector y = X * sparse_weights(rng, p, 100) + 0.1 * rng.standard_normal(n);
  const auto nnz = static_cast<Index>(X.nonZeros());
  io::save_npy(dir / "sparse_data.npy", Vector(Eigen::Map<const Vector>(X.valuePtr(), nnz)));
  io::save_npy(dir / "sparse_indices.npy",
               Vector(Eigen::Map<const Eigen::VectorXi>(X.innerIndexPtr(), nnz).cast<double>()));
  io::save_npy(dir / "sparse_indptr.npy",
               Vector(Eigen::Map<const Eigen::VectorXi>(X.outerIndexPtr(), p + 1).cast<double>()));
  io::save_npy(dir / "sparse_shape.npy",
               Vector((Vector(2) << static_cast<double>(n), static_cast<double>(p)).finished()));
  io::save_npy(dir / "sparse_y.npy", y);
}

[[maybe_unused]] const bool registered =
    bench::register_data_writer("learn_coordinate_descent", [](const fs::path& dir) {
      scilearn::Generator rng(20261207);
      write_dense(dir, rng, "dense", 50'000, 1000, 50);
      write_dense(dir, rng, "cv", 10'000, 500, 30);
      write_sparse(dir, rng);
    });

Matrix load(const std::string& file) {
  return io::load_npy<double>(bench::data_dir() / "learn_coordinate_descent" / file);
}

learn::CscMatrix load_sparse() {
  const Vector data = load("sparse_data.npy"), indices = load("sparse_indices.npy"), indptr = load("sparse_indptr.npy");
  const Vector shape = load("sparse_shape.npy");
  const auto n = static_cast<Index>(shape(0)), p = static_cast<Index>(shape(1));
  learn::CscMatrix X(n, p);
  X.resizeNonZeros(data.size());
  for (Index k = 0; k < data.size(); ++k) {
    X.valuePtr()[k] = data(k);
    X.innerIndexPtr()[k] = static_cast<int>(indices(k));
  }
  for (Index j = 0; j <= p; ++j) X.outerIndexPtr()[j] = static_cast<int>(indptr(j));
  return X;
}

// (P(w) - D(theta)) / P(w) for 1/(2n) ||y - Xw - b||^2 + a r |w|_1 + a (1 - r)/2 |w|^2,
// with theta the centered residual scaled into the dual feasible set (y centered).
template <class XType>
double relative_gap(const XType& X, const Vector& y, const Vector& w, double b, double alpha, double l1_ratio) {
  const double n = static_cast<double>(X.rows());
  Vector r = y - X * w;
  r.array() -= b;
  const double y_mean = y.mean();
  const Vector yc = y.array() - y_mean;
  const Vector rc = r.array() - r.mean();
  const double l1 = alpha * l1_ratio * n, l2 = alpha * (1 - l1_ratio) * n;
  Vector xtr = X.transpose() * rc;  // centered X' rc = X' rc since rc sums to 0
  xtr -= l2 * w;
  const double dual_norm = xtr.cwiseAbs().maxCoeff();
  const double scale = dual_norm > l1 ? l1 / dual_norm : 1.0;
  const double r2 = rc.squaredNorm(), w2 = w.squaredNorm();
  const double primal = 0.5 * (r2 + l2 * w2) + l1 * w.cwiseAbs().sum();
  const double dual = -0.5 * scale * scale * (r2 + l2 * w2) + scale * rc.dot(yc);
  return (primal - dual) / primal;
}

template <class Model, class XType>
void fit_and_gap(benchmark::State& state, const XType& X, const Vector& y, Model model, double alpha, double l1_ratio) {
  bench::time_calls(
      state, [&] { return model.fit(X, y).coef(); },
      [&](const Vector& w) { return relative_gap(X, y, w, model.intercept(), alpha, l1_ratio); });
}

void BM_lasso_dense(benchmark::State& state) {
  const Matrix X = load("dense_X.npy");
  const Vector y = load("dense_y.npy");
  fit_and_gap(state, X, y, learn::Lasso({.alpha = 0.05}), 0.05, 1.0);
}
void BM_enet_dense(benchmark::State& state) {
  const Matrix X = load("dense_X.npy");
  const Vector y = load("dense_y.npy");
  fit_and_gap(state, X, y, learn::ElasticNet({.alpha = 0.1, .l1_ratio = 0.5}), 0.1, 0.5);
}
void BM_lasso_sparse(benchmark::State& state) {
  const learn::CscMatrix X = load_sparse();
  const Vector y = load("sparse_y.npy");
  fit_and_gap(state, X, y, learn::Lasso({.alpha = 0.002}), 0.002, 1.0);
}
void BM_enet_sparse(benchmark::State& state) {
  const learn::CscMatrix X = load_sparse();
  const Vector y = load("sparse_y.npy");
  fit_and_gap(state, X, y, learn::ElasticNet({.alpha = 0.004, .l1_ratio = 0.5}), 0.004, 0.5);
}
void BM_lasso_cv(benchmark::State& state) {
  const Matrix X = load("cv_X.npy");
  const Vector y = load("cv_y.npy");
  learn::LassoCV model;
  bench::time_calls(
      state, [&] { return model.fit(X, y).coef(); },
      [&](const Vector& w) { return relative_gap(X, y, w, model.intercept(), model.alpha(), 1.0); });
}

}  // namespace

BENCHMARK(BM_lasso_dense)->Name("lasso_dense")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_enet_dense)->Name("enet_dense")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_lasso_sparse)->Name("lasso_sparse")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_enet_sparse)->Name("enet_sparse")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_lasso_cv)->Name("lasso_cv")->UseRealTime()->Unit(benchmark::kMillisecond);
