// scilearn::learn's LinearRegression and GridSearchCV against scikit-learn's
// (bench/peers/learn_estimators.py), on inputs written here once
// (learn_estimators/):
// - linear_regression: LinearRegression() on 10^6 x 100 standard normal
//   features, y = X w + 3 + noise (sd 0.1). Accuracy: the relative distance of
//   the coefficients from the least-squares solution's, measured as
//   ||X'(y - X coef - intercept)|| / (||X|| ||y||) (the normal-equations
//   residual, ~1e-16 for either exact solver);
// - grid_search_jobs1 / grid_search_jobs2: GridSearchCV(Pipeline(StandardScaler,
//   LogisticRegression), C in 12 values from 1e-3 to 1e3, 5 stratified folds,
//   accuracy scoring) on 20 000 x 50 features with 2 classes, n_jobs 1 and 2.
//   Accuracy: |best mean test accuracy - 0.8| (the data's Bayes accuracy,
//   E[sigmoid(|z|)] for a logit z ~ N(0, 2.3^2), is 0.799; both sides must
//   land near it).

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

[[maybe_unused]] const bool registered = bench::register_data_writer("learn_estimators", [](const fs::path& dir) {
  scilearn::Generator rng(20261208);
  {
    const Matrix X = rng.standard_normal(1'000'000, 100);
    const Vector y = (X * rng.standard_normal(100)).array() + 3.0 + 0.1 * rng.standard_normal(1'000'000).array();
    io::save_npy(dir / "ols_X.npy", X);
    io::save_npy(dir / "ols_y.npy", y);
  }
  // Two classes whose logit is X w with |w| = 2.3: about 80% of labels are the likelier class.
  const Matrix X = rng.standard_normal(20'000, 50);
  const Vector w = rng.standard_normal(50).normalized() * 2.3;
  const Vector logit = X * w;
  Vector y(20'000);
  for (Index i = 0; i < y.size(); ++i) y(i) = rng.random() < 1 / (1 + std::exp(-logit(i))) ? 1.0 : 0.0;
  io::save_npy(dir / "grid_X.npy", X);
  io::save_npy(dir / "grid_y.npy", y);
});

Matrix load(const std::string& file) { return io::load_npy<double>(bench::data_dir() / "learn_estimators" / file); }

void BM_linear_regression(benchmark::State& state) {
  const Matrix X = load("ols_X.npy");
  const Vector y = load("ols_y.npy");
  learn::LinearRegression model;
  bench::time_calls(
      state, [&] { return model.fit(X, y).intercept(); },
      [&](double) {
        const Vector residual = (y - X * model.coef()).array() - model.intercept();
        return (X.transpose() * residual).norm() / (X.norm() * y.norm());
      });
}

void grid_search(benchmark::State& state, int n_jobs) {
  const Matrix X = load("grid_X.npy");
  const Vector y = load("grid_y.npy");
  std::vector<learn::ParamValue> Cs;
  for (int k = 0; k < 12; ++k) Cs.emplace_back(std::pow(10.0, -3.0 + 6.0 * k / 11.0));
  auto pipe = std::make_shared<learn::Pipeline>(learn::make_pipeline(learn::StandardScaler(), learn::LogisticRegression()));
  learn::GridSearchCV search(pipe, learn::ParamGrid{{"logisticregression__C", Cs}}, {.n_jobs = n_jobs});
  bench::time_calls(
      state,
      [&] {
        search.fit(X, y);
        return search.best_score();
      },
      [](double best) { return std::abs(best - 0.8); });
}

void BM_grid_search_jobs1(benchmark::State& state) { grid_search(state, 1); }
void BM_grid_search_jobs2(benchmark::State& state) { grid_search(state, 2); }

}  // namespace

BENCHMARK(BM_linear_regression)->Name("linear_regression")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_grid_search_jobs1)->Name("grid_search_jobs1")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_grid_search_jobs2)->Name("grid_search_jobs2")->UseRealTime()->Unit(benchmark::kMillisecond);
