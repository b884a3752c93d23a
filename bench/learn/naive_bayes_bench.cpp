// scilearn::learn's GaussianNB and MultinomialNB against scikit-learn's
// (bench/peers/learn_naive_bayes.py), on inputs written here once
// (learn_naive_bayes/). Each call is fit then predict_proba on the same rows.
// - gaussian_nb_k2 / gaussian_nb_k5: 10^6 x 20 features, 2 or 5 classes of
//   equal probability; class c's feature j is normal with mean m_cj ~ N(0, 1)
//   and standard deviation s_cj ~ U(0.5, 2);
// - multinomial_nb: 10^6 x 100 Poisson counts, 5 classes; feature j's rate is
//   b_j ~ U(0.2, 4) times U(0.85, 1.15) per class, each class's rates scaled
//   to the same total (so that the multinomial model is the exact posterior).
// Accuracy (both sides): |mean_i log P(y_i | x_i) - the same mean under the
// true parameters| (written as NAME_reference.npy). With 10^6 samples the
// fitted parameters' noise moves it by ~1e-4; a wrong fit or a wrong
// predict_proba moves it by far more.

#include <benchmark/benchmark.h>

#include <cmath>
#include <numbers>
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

// mean_i of log_proba(i, y_i), the log-probabilities given as n x K.
double mean_log_likelihood(const Matrix& log_proba, const Vector& y) {
  double sum = 0;
  for (Index i = 0; i < y.size(); ++i) sum += log_proba(i, static_cast<Index>(y(i)));
  return sum / static_cast<double>(y.size());
}

// log-softmax of each row.
Matrix log_normalize(Matrix jll) {
  for (Index i = 0; i < jll.rows(); ++i) {
    const double top = jll.row(i).maxCoeff();
    jll.row(i).array() -= top + std::log((jll.row(i).array() - top).exp().sum());
  }
  return jll;
}

void write_gaussian(const fs::path& dir, scilearn::Generator& rng, Index K) {
  const Index p = 20;
  const Matrix mean = rng.standard_normal(K, p);
  Matrix sd(K, p);
  for (Index c = 0; c < K; ++c)
    for (Index j = 0; j < p; ++j) sd(c, j) = rng.uniform(0.5, 2.0);
  Vector y(kRows);
  for (Index i = 0; i < kRows; ++i) y(i) = static_cast<double>(rng.integers(0, K));
  Matrix X = rng.standard_normal(kRows, p);
  for (Index j = 0; j < p; ++j)
    for (Index i = 0; i < kRows; ++i) {
      const auto c = static_cast<Index>(y(i));
      X(i, j) = mean(c, j) + sd(c, j) * X(i, j);
    }
  // The true joint log-likelihood (uniform priors drop out).
  Matrix jll = Matrix::Zero(kRows, K);
  for (Index c = 0; c < K; ++c)
    for (Index j = 0; j < p; ++j)
      jll.col(c).array() -= std::log(sd(c, j)) + 0.5 * ((X.col(j).array() - mean(c, j)) / sd(c, j)).square();
  const Vector reference = Vector::Constant(1, mean_log_likelihood(log_normalize(std::move(jll)), y));
  const std::string name = "gaussian_k" + std::to_string(K);
  io::save_npy(dir / (name + "_X.npy"), X);
  io::save_npy(dir / (name + "_y.npy"), y);
  io::save_npy(dir / (name + "_reference.npy"), reference);
}

// Knuth's multiplication method: fine for the small rates here.
double poisson(scilearn::Generator& rng, double rate) {
  const double limit = std::exp(-rate);
  double product = rng.random();
  double k = 0;
  while (product > limit) {
    product *= rng.random();
    k += 1;
  }
  return k;
}

void write_multinomial(const fs::path& dir, scilearn::Generator& rng) {
  const Index K = 5, p = 100;
  // Rates near a common profile, so that the classes overlap and
  // P(y | x) is not always 0 or 1.
  Matrix rate(K, p);
  for (Index j = 0; j < p; ++j) {
    const double base = rng.uniform(0.2, 4.0);
    for (Index c = 0; c < K; ++c) rate(c, j) = base * rng.uniform(0.85, 1.15);
  }
  const double total = rate.rowwise().sum().mean();
  for (Index c = 0; c < K; ++c) rate.row(c) *= total / rate.row(c).sum();
  Vector y(kRows);
  for (Index i = 0; i < kRows; ++i) y(i) = static_cast<double>(rng.integers(0, K));
  Matrix X(kRows, p);
  for (Index i = 0; i < kRows; ++i)
    for (Index j = 0; j < p; ++j) X(i, j) = poisson(rng, rate(static_cast<Index>(y(i)), j));
  const Matrix log_theta = (rate / total).array().log();
  const Vector reference = Vector::Constant(1, mean_log_likelihood(log_normalize(X * log_theta.transpose()), y));
  io::save_npy(dir / "multinomial_X.npy", X);
  io::save_npy(dir / "multinomial_y.npy", y);
  io::save_npy(dir / "multinomial_reference.npy", reference);
}

[[maybe_unused]] const bool registered = bench::register_data_writer("learn_naive_bayes", [](const fs::path& dir) {
  scilearn::Generator rng(20261206);
  write_gaussian(dir, rng, 2);
  write_gaussian(dir, rng, 5);
  write_multinomial(dir, rng);
});

Matrix load(const std::string& file) { return io::load_npy<double>(bench::data_dir() / "learn_naive_bayes" / file); }

template <class Model>
void fit_predict_proba(benchmark::State& state, const std::string& name) {
  const Matrix X = load(name + "_X.npy");
  const Vector y = load(name + "_y.npy");
  const double reference = load(name + "_reference.npy")(0, 0);
  Model model;
  bench::time_calls(
      state, [&] { return model.fit(X, y).predict_proba(X); },
      [&](const Matrix& proba) { return std::abs(mean_log_likelihood(proba.array().log(), y) - reference); });
}

void BM_gaussian_nb_k2(benchmark::State& state) { fit_predict_proba<learn::GaussianNB>(state, "gaussian_k2"); }
void BM_gaussian_nb_k5(benchmark::State& state) { fit_predict_proba<learn::GaussianNB>(state, "gaussian_k5"); }
void BM_multinomial_nb(benchmark::State& state) { fit_predict_proba<learn::MultinomialNB>(state, "multinomial"); }

}  // namespace

BENCHMARK(BM_gaussian_nb_k2)->Name("gaussian_nb_k2")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_gaussian_nb_k5)->Name("gaussian_nb_k5")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_multinomial_nb)->Name("multinomial_nb")->UseRealTime()->Unit(benchmark::kMillisecond);
