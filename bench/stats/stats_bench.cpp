// scilearn::stats against scipy.stats (bench/peers/stats_bench.py) on the
// workloads issue 5 names: pdf, cdf and ppf of norm, gamma(2.5), beta(2, 5)
// and t(5) at 10^6 points; describe and rankdata of 10^7 values; spearmanr
// and kendalltau of 10^5 pairs; mannwhitneyu of 10^5 + 10^5; 10^7 draws of
// norm.rvs, gaussian_kde's evaluate of 10^4 points on 10^4 samples. The inputs are written here once as .npy (stats_*/...). The
// accuracy counter (`residual`) is a self-check that each side computes the
// same way (see bench/compare's gates): trapezoid of the pdf against the cdf,
// cdf + sf = 1, cdf(ppf(q)) = q, the rank sum, and sample statistics against
// their known population values.

#include <benchmark/benchmark.h>

#include <cmath>
#include <memory>
#include <numbers>
#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/stats.hpp>
#include <string>

#include "../support/bench_support.hpp"

namespace {

using scilearn::Index;
using scilearn::Vector;
namespace bench = scilearn::bench;
namespace io = scilearn::io;
namespace stats = scilearn::stats;
namespace fs = std::filesystem;

constexpr Index kPoints = 1'000'000;

// The distributions by index (the benchmark argument) and their point grids.
struct Case {
  const char* name;
  double lo, hi;
};
constexpr Case kCases[] = {{"norm", -8, 8}, {"gamma", 1e-6, 30}, {"beta", 1e-9, 1 - 1e-9}, {"t", -20, 20}};

std::unique_ptr<stats::ContinuousDistribution> distribution(int k) {
  switch (k) {
    case 0: return std::make_unique<stats::Normal>(stats::norm());
    case 1: return std::make_unique<stats::Gamma>(stats::gamma(2.5));
    case 2: return std::make_unique<stats::Beta>(stats::beta(2, 5));
    default: return std::make_unique<stats::StudentT>(stats::t(5));
  }
}

[[maybe_unused]] const bool registered = bench::register_data_writer("stats", [](const fs::path& dir) {
  for (const Case& c : kCases) io::save_npy(dir / (std::string(c.name) + "_x.npy"), Vector(Vector::LinSpaced(kPoints, c.lo, c.hi)));
  io::save_npy(dir / "q.npy", Vector(Vector::LinSpaced(kPoints, 1e-6, 1 - 1e-6)));
  scilearn::Generator rng(20261206);
  io::save_npy(dir / "sample_1e7.npy", rng.standard_normal(10'000'000));
  const Vector x = rng.standard_normal(100'000), z = rng.standard_normal(100'000);
  io::save_npy(dir / "pair_x.npy", x);
  io::save_npy(dir / "pair_y.npy", Vector(0.5 * x + std::sqrt(0.75) * z));  // correlation 0.5
  io::save_npy(dir / "mw_a.npy", rng.standard_normal(100'000));
  io::save_npy(dir / "mw_b.npy", Vector(rng.standard_normal(100'000).array() + 0.1));
  io::save_npy(dir / "kde_data.npy", rng.standard_normal(10'000));
  io::save_npy(dir / "kde_points.npy", Vector(Vector::LinSpaced(10'000, -4, 4)));
});

Vector load(const std::string& file) { return io::load_npy_vector<double>(bench::data_dir() / "stats" / file); }

void BM_pdf(benchmark::State& state) {
  const auto k = static_cast<int>(state.range(0));
  const auto d = distribution(k);
  const Vector x = load(std::string(kCases[k].name) + "_x.npy");
  bench::time_calls(state, [&] { return d->pdf(x); }, [&](const Vector& p) {
    // The trapezoid rule over the grid against the cdf's increase.
    const double h = x(1) - x(0);
    const double trapezoid = h * (p.sum() - 0.5 * (p(0) + p(p.size() - 1)));
    return std::abs(trapezoid - (d->cdf(x(x.size() - 1)) - d->cdf(x(0))));
  });
}

void BM_cdf(benchmark::State& state) {
  const auto k = static_cast<int>(state.range(0));
  const auto d = distribution(k);
  const Vector x = load(std::string(kCases[k].name) + "_x.npy");
  bench::time_calls(state, [&] { return d->cdf(x); },
                    [&](const Vector& c) { return ((c + d->sf(x)).array() - 1).abs().maxCoeff(); });
}

void BM_ppf(benchmark::State& state) {
  const auto k = static_cast<int>(state.range(0));
  const auto d = distribution(k);
  const Vector q = load("q.npy");
  bench::time_calls(state, [&] { return d->ppf(q); },
                    [&](const Vector& x) { return ((d->cdf(x) - q).array() / q.array()).abs().maxCoeff(); });
}

void BM_describe(benchmark::State& state) {
  const Vector a = load("sample_1e7.npy");
  bench::time_calls(state, [&] { return stats::describe(a); },
                    [](const stats::DescribeResult& r) { return std::abs(r.mean) + std::abs(r.variance - 1); });
}

void BM_rankdata(benchmark::State& state) {
  const Vector a = load("sample_1e7.npy");
  bench::time_calls(state, [&] { return stats::rankdata(a); }, [&](const Vector& r) {
    const auto n = static_cast<double>(r.size());
    return std::abs(r.sum() - n * (n + 1) / 2) / (n * (n + 1) / 2);
  });
}

void BM_spearmanr(benchmark::State& state) {
  const Vector x = load("pair_x.npy"), y = load("pair_y.npy");
  // For a bivariate normal with correlation 1/2: rho_s = (6 / pi) asin(1/4).
  const double truth = 6 / std::numbers::pi * std::asin(0.25);
  bench::time_calls(state, [&] { return stats::spearmanr(x, y); },
                    [&](const stats::CorrelationResult& r) { return std::abs(r.statistic - truth); });
}

void BM_kendalltau(benchmark::State& state) {
  const Vector x = load("pair_x.npy"), y = load("pair_y.npy");
  const double truth = 2 / std::numbers::pi * std::asin(0.5);  // tau = (2 / pi) asin(rho)
  bench::time_calls(state, [&] { return stats::kendalltau(x, y); },
                    [&](const stats::CorrelationResult& r) { return std::abs(r.statistic - truth); });
}

void BM_mannwhitneyu(benchmark::State& state) {
  const Vector a = load("mw_a.npy"), b = load("mw_b.npy");
  // U / (n_a n_b) estimates P(A > B) = Phi(-0.1 / sqrt 2).
  const double truth = 0.5 * std::erfc(0.1 / 2);
  bench::time_calls(state, [&] { return stats::mannwhitneyu(a, b); }, [&](const stats::MannwhitneyuResult& r) {
    return std::abs(r.statistic / (static_cast<double>(a.size()) * static_cast<double>(b.size())) - truth);
  });
}

void BM_kde(benchmark::State& state) {
  const Vector data = load("kde_data.npy"), points = load("kde_points.npy");
  const stats::gaussian_kde kde(data);
  // The density of N(0, 1 + h^2) at the points, h the kernel's bandwidth:
  // what the estimate tends to; 10^4 samples leave it within about 1e-2.
  const double v = 1 + kde.covariance()(0, 0);
  bench::time_calls(state, [&] { return kde.evaluate(points); }, [&](const Vector& p) {
    return ((-0.5 * points.array().square() / v).exp() / std::sqrt(2 * std::numbers::pi * v) - p.array()).abs().maxCoeff();
  });
}

void BM_norm_rvs(benchmark::State& state) {
  const auto d = stats::norm();
  scilearn::Generator rng(1);
  bench::time_calls(state, [&] { return d.rvs(10'000'000, rng); }, [](const Vector& s) {
    const double m = s.mean();
    return std::abs(m) + std::abs((s.array() - m).square().mean() - 1);
  });
}

}  // namespace

BENCHMARK(BM_pdf)->Name("pdf")->DenseRange(0, 3)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_cdf)->Name("cdf")->DenseRange(0, 3)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ppf)->Name("ppf")->DenseRange(0, 3)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_describe)->Name("describe")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_rankdata)->Name("rankdata")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_spearmanr)->Name("spearmanr")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_kendalltau)->Name("kendalltau")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_mannwhitneyu)->Name("mannwhitneyu")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_kde)->Name("gaussian_kde")->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_norm_rvs)->Name("norm_rvs")->UseRealTime()->Unit(benchmark::kMillisecond);
