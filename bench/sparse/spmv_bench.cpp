// Sparse matrix times vector: Eigen's CsrMatrix * Vector (what sparse::
// LinearOperator and every Krylov solver call) against SciPy's `A @ x` on a
// csr_array (bench/peers/sparse_spmv.py).
//
// Workload sparse_spmv_N (N = 1 000 000, the compare row; 10 000, a quick run):
//   indptr.npy, indices.npy, data.npy  an N x N CSR matrix with 10 non-zeros
//       per row (10^7 at N = 10^6) at distinct uniformly random columns,
//       sorted, standard normal values;
//   x.npy  (N,) standard normal.
// Random columns are the hard case for SpMV: every gather from x misses the
// cache (x is 8 MB), where a banded matrix such as the Poisson one reads x
// almost in order. Both sides run one thread: Eigen's sparse * dense product
// is OpenMP-parallel only where compiled with OpenMP, which neither this
// program nor scilearn_sparse is, and SciPy's csr_matvec is serial.
//
// The timed call returns a new vector on both sides (as `y = A @ x`).
// Accuracy (`residual`): max_i |y_i - y_ref_i| / ||y_ref||_inf, y_ref the sum
// over each row's entries in stored order, computed from the file's arrays;
// the peer computes its reference with np.bincount.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <vector>

#include "sparse_bench.hpp"

namespace {

using scilearn::Index;
using scilearn::Vector;
using scilearn::sparse::CsrMatrix;
namespace bench = scilearn::bench;
namespace io = scilearn::io;
namespace fs = std::filesystem;

constexpr Index kPerRow = 10;

std::string workload(Index n) { return "sparse_spmv_" + std::to_string(n); }

void write_spmv(const fs::path& dir, Index n) {
  scilearn::Generator rng(static_cast<std::uint64_t>(n));
  std::vector<std::int32_t> indptr{0}, indices;
  indices.reserve(static_cast<std::size_t>(n * kPerRow));
  for (Index i = 0; i < n; ++i) {
    const auto start = static_cast<std::ptrdiff_t>(indices.size());  // this row's first entry
    while (static_cast<Index>(indices.size()) - start < kPerRow) {
      const auto j = static_cast<std::int32_t>(rng.integers(0, n));
      if (std::find(indices.begin() + start, indices.end(), j) == indices.end()) indices.push_back(j);
    }
    std::sort(indices.begin() + start, indices.end());
    indptr.push_back(static_cast<std::int32_t>(indices.size()));
  }
  const Vector data = rng.standard_normal(static_cast<Index>(indices.size()));
  bench::sparse::save_csr(dir,
                          Eigen::Map<const CsrMatrix>(n, n, data.size(), indptr.data(), indices.data(), data.data()));
  io::save_npy(dir / "x.npy", rng.standard_normal(n));
}

[[maybe_unused]] const bool registered_large =
    bench::register_data_writer(workload(1000000), [](const fs::path& d) { write_spmv(d, 1000000); });
[[maybe_unused]] const bool registered_small =
    bench::register_data_writer(workload(10000), [](const fs::path& d) { write_spmv(d, 10000); });

void BM_spmv(benchmark::State& state) {
  CsrMatrix a;
  Vector x;
  const fs::path dir = bench::data_dir() / workload(state.range(0));
  if (!bench::sparse::load_inputs(state, [&] {
        a = bench::sparse::load_csr(dir);
        x = io::load_npy_vector<double>(dir / "x.npy");
      }))
    return;
  bench::time_calls(
      state, [&] { return Vector(a * x); },
      [&](const Vector& y) {
        // The reference from the file's arrays, not from the loaded matrix.
        const auto indptr = io::load_npy_vector<std::int32_t>(dir / "indptr.npy");
        const auto indices = io::load_npy_vector<std::int32_t>(dir / "indices.npy");
        const Vector data = io::load_npy_vector<double>(dir / "data.npy");
        Vector y_ref = Vector::Zero(x.size());
        for (Index i = 0; i + 1 < indptr.size(); ++i)
          for (Index k = indptr(i); k < indptr(i + 1); ++k) y_ref(i) += data(k) * x(indices(k));
        return bench::sparse::relative_difference(y, y_ref);
      });
}

}  // namespace

BENCHMARK(BM_spmv)->Name("spmv")->Arg(1000000)->Arg(10000)->UseRealTime()->Unit(benchmark::kMillisecond);
