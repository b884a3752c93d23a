// linalg::expm against scipy.linalg.expm (bench/peers/linalg_expm.py).
//
// Input: expm_n500/a.npy (500, 500), a = q t q^T with q orthogonal (the Q of a
// standard normal matrix's QR) and t block diagonal with 2 x 2 blocks
// [[alpha, beta], [-beta, alpha]], alpha uniform in [-1, 1], beta in [-2, 2]:
// a dense nonsymmetric (normal) matrix with complex eigenvalues, ||a||_1 near
// 25 (so SciPy's scaling and squaring takes Pade 13 and a few squarings), whose
// exponential is known in closed form: q blockdiag(e^alpha [[cos beta,
// sin beta], [-sin beta, cos beta]]) q^T, held in expm_n500/expm.npy.
//
// Accuracy: the counter `residual` is ||expm(a) - e_ref||_1 / ||e_ref||_1. For a
// normal matrix the relative condition number of exp is ||a||_2 <= sqrt(5)
// here (Van Loan 1977), and scaling and squaring has a backward error of order
// eps (Al-Mohy and Higham 2009), so the error is a small multiple of n eps.

#include <benchmark/benchmark.h>

#include <Eigen/QR>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/linalg/expm.hpp>
#include <string>

#include "../support/bench_support.hpp"
#include "linalg_bench.hpp"

namespace {

using scilearn::Index;
using scilearn::Matrix;
namespace bench = scilearn::bench;
namespace io = scilearn::io;
namespace fs = std::filesystem;

std::string workload(Index n) { return "expm_n" + std::to_string(n); }

void write_known_exponential(const fs::path& dir, Index n) {
  scilearn::Generator rng(static_cast<std::uint64_t>(n) + 4);  // its own seed
  const Eigen::HouseholderQR<Matrix> qr(rng.standard_normal(n, n));
  const Matrix q = qr.householderQ();
  Matrix t = Matrix::Zero(n, n);
  Matrix e = Matrix::Zero(n, n);
  for (Index i = 0; i + 1 < n; i += 2) {
    const double alpha = rng.uniform(-1.0, 1.0);
    const double beta = rng.uniform(-2.0, 2.0);
    t.block<2, 2>(i, i) << alpha, beta, -beta, alpha;
    const double scale = std::exp(alpha);
    e.block<2, 2>(i, i) << scale * std::cos(beta), scale * std::sin(beta), -scale * std::sin(beta),
        scale * std::cos(beta);
  }
  io::save_npy(dir / "a.npy", Matrix(q * t * q.transpose()));
  io::save_npy(dir / "expm.npy", Matrix(q * e * q.transpose()));
}

[[maybe_unused]] const bool registered_n500 =
    bench::register_data_writer(workload(500), [](const fs::path& d) { write_known_exponential(d, 500); });

void BM_expm(benchmark::State& state) {
  const Index n = state.range(0);
  Matrix a;
  Matrix expected;
  if (!bench::linalg::load_inputs(state, [&] {
        a = io::load_npy<double>(bench::data_dir() / workload(n) / "a.npy");
        expected = io::load_npy<double>(bench::data_dir() / workload(n) / "expm.npy");
      }))
    return;
  bench::linalg::time_calls(
      state, [&] { return scilearn::linalg::expm(a); },
      [&](const Matrix& x) {
        const Matrix diff = x - expected;
        return bench::linalg::one_norm(diff) / bench::linalg::one_norm(expected);
      });
}

}  // namespace

BENCHMARK(BM_expm)->Name("expm")->Arg(500)->UseRealTime()->Unit(benchmark::kMillisecond);
