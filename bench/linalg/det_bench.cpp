// linalg::det against scipy.linalg.det (bench/peers/linalg_det.py).
//
// Input: det_n2000/a.npy (2000, 2000), a = q d with q orthogonal (the Q of a
// standard normal matrix's QR) and d diagonal, log-uniform in [e^-1/2, e^1/2] and
// normalized so that prod(d) is near 1. a is a general dense matrix with
// kappa_2 <= e whose determinant is known without an LU: det(q) prod(d), with
// det(q) = (-1)^(number of Householder reflections). det_n2000/det.npy (1,) holds
// it. (A standard normal matrix of order 2000 has |det| near 10^2866: it
// overflows to inf on both sides, and a scaled one underflows to 0.)
//
// Accuracy: the counter `residual` is |det - det_ref| / |det_ref|. LU is
// backward stable (Higham 2002, Thm 9.3): the computed determinant is that of
// a + da with ||da|| <= c n eps ||a||, so its relative error is at most about
// n kappa(a) c n eps and near sqrt(n) eps for random rounding errors; forming a
// and det_ref adds errors of the same order.

#include <benchmark/benchmark.h>

#include <Eigen/QR>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/linalg/det.hpp>
#include <string>

#include "../support/bench_support.hpp"
#include "linalg_bench.hpp"

namespace {

using scilearn::Index;
using scilearn::Matrix;
using scilearn::Vector;
namespace bench = scilearn::bench;
namespace io = scilearn::io;
namespace fs = std::filesystem;

std::string workload(Index n) { return "det_n" + std::to_string(n); }

void write_known_determinant(const fs::path& dir, Index n) {
  scilearn::Generator rng(static_cast<std::uint64_t>(n) + 2);  // its own seed, not solve's or cholesky's
  const Eigen::HouseholderQR<Matrix> qr(rng.standard_normal(n, n));
  const Matrix q = qr.householderQ();
  // Each Householder reflection with a nonzero coefficient has determinant -1.
  const auto reflections = (qr.hCoeffs().array() != 0.0).count();
  Vector log_d(n);
  for (Index i = 0; i < n; ++i) log_d(i) = rng.uniform(-0.5, 0.5);
  log_d.array() -= log_d.mean();  // prod(d) = exp(sum(log_d)) near 1: neither overflow nor underflow
  const Vector d = log_d.array().exp();
  io::save_npy(dir / "a.npy", Matrix(q * d.asDiagonal()));
  long double det = (reflections % 2 == 0) ? 1.0L : -1.0L;
  for (Index i = 0; i < n; ++i) det *= static_cast<long double>(d(i));
  io::save_npy(dir / "det.npy", Vector::Constant(1, static_cast<double>(det)));
}

[[maybe_unused]] const bool registered_n2000 =
    bench::register_data_writer(workload(2000), [](const fs::path& d) { write_known_determinant(d, 2000); });

void BM_det(benchmark::State& state) {
  const Index n = state.range(0);
  Matrix a;
  double expected = 0.0;
  if (!bench::linalg::load_inputs(state, [&] {
        a = io::load_npy<double>(bench::data_dir() / workload(n) / "a.npy");
        expected = io::load_npy_vector<double>(bench::data_dir() / workload(n) / "det.npy")(0);
      }))
    return;
  bench::linalg::time_calls(
      state, [&] { return scilearn::linalg::det(a); },
      [&](double det) { return std::abs(det - expected) / std::abs(expected); });
}

}  // namespace

BENCHMARK(BM_det)->Name("det")->Arg(2000)->UseRealTime()->Unit(benchmark::kMillisecond);
