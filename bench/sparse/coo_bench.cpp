// COO -> CSR conversion: sparse::CooMatrix::tocsr() against SciPy's
// coo_matrix.tocsr() (bench/peers/sparse_coo.py); for comparison, not a
// compare row, the same conversion by Eigen's setFromTriplets
// (coo_set_from_triplets), what sparse/types.hpp documents for triplets.
//
// Workload sparse_coo_NNZ (NNZ = 10 000 000, the compare row; 100 000, a quick
// run), an N x N matrix with N = NNZ / 10:
//   rows.npy, cols.npy  (NNZ,) int32: entry k at row r_k uniform on [0, N) and
//       column (r_k + d_k) mod N, d_k uniform on [0, 32), in random order;
//       with 10 entries per row among 32 possible columns, about 14 % of the
//       entries repeat an earlier (row, column) and are summed;
//   vals.npy  (NNZ,) standard normal;
//   v.npy     (N,) standard normal, a probe vector for the accuracy;
//   nnz.npy   (1,) int64: the number of distinct (row, column) pairs, the
//       stored entries of the canonical CSR result.
// Both sides hold the entries in the input type before the clock (our
// CooMatrix or std::vector<sparse::Triplet>, SciPy's coo_matrix) and time the
// conversion to a canonical CSR: duplicates summed, columns sorted within
// each row (SciPy's tocsr sums duplicates, which sorts). All are serial.
//
// Accuracy (`residual`): max_i |(A v)_i - y_i| / ||y||_inf, y_i the sum of
// val_k v[col_k] over the entries k of row i, plus |nnz(A) - nnz.npy|, plus 1
// when A is not canonical; any structural error thus fails the gate.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/sparse/coo.hpp>
#include <vector>

#include "sparse_bench.hpp"

namespace {

using scilearn::Index;
using scilearn::Vector;
using scilearn::sparse::CsrMatrix;
namespace bench = scilearn::bench;
namespace io = scilearn::io;
namespace sp = scilearn::sparse;
namespace fs = std::filesystem;

constexpr Index kPerRow = 10;  // entries per row on average: N = NNZ / 10
constexpr Index kBand = 32;    // the columns a row's entries fall in

std::string workload(Index nnz) { return "sparse_coo_" + std::to_string(nnz); }

void write_coo(const fs::path& dir, Index nnz) {
  const Index n = nnz / kPerRow;
  scilearn::Generator rng(static_cast<std::uint64_t>(nnz));
  Eigen::VectorX<std::int32_t> rows(nnz), cols(nnz);
  for (Index k = 0; k < nnz; ++k) {
    const Index r = rng.integers(0, n);
    rows(k) = static_cast<std::int32_t>(r);
    cols(k) = static_cast<std::int32_t>((r + rng.integers(0, kBand)) % n);
  }
  std::vector<std::int64_t> keys(static_cast<std::size_t>(nnz));
  for (Index k = 0; k < nnz; ++k) keys[static_cast<std::size_t>(k)] = std::int64_t{rows(k)} * n + cols(k);
  std::sort(keys.begin(), keys.end());
  const auto distinct = static_cast<std::int64_t>(std::unique(keys.begin(), keys.end()) - keys.begin());
  io::save_npy(dir / "rows.npy", rows);
  io::save_npy(dir / "cols.npy", cols);
  io::save_npy(dir / "vals.npy", rng.standard_normal(nnz));
  io::save_npy(dir / "v.npy", rng.standard_normal(n));
  io::save_npy(dir / "nnz.npy", Eigen::VectorX<std::int64_t>::Constant(1, distinct));
}

[[maybe_unused]] const bool registered_large =
    bench::register_data_writer(workload(10000000), [](const fs::path& d) { write_coo(d, 10000000); });
[[maybe_unused]] const bool registered_small =
    bench::register_data_writer(workload(100000), [](const fs::path& d) { write_coo(d, 100000); });

// The entries as read, and what the accuracy compares with.
struct Entries {
  Eigen::VectorX<std::int32_t> rows, cols;
  Vector vals, v;
  std::int64_t distinct = 0;
};

// See the header comment.
double conversion_error(const CsrMatrix& a, const Entries& e) {
  Vector y = Vector::Zero(a.rows());
  for (Index k = 0; k < e.vals.size(); ++k) y(e.rows(k)) += e.vals(k) * e.v(e.cols(k));
  bool canonical = a.isCompressed();
  for (Index i = 0; canonical && i < a.outerSize(); ++i)
    for (Index k = a.outerIndexPtr()[i] + 1; k < a.outerIndexPtr()[i + 1]; ++k)
      canonical = canonical && a.innerIndexPtr()[k - 1] < a.innerIndexPtr()[k];
  return bench::sparse::relative_difference(a * e.v, y) + static_cast<double>(std::abs(a.nonZeros() - e.distinct)) +
         (canonical ? 0.0 : 1.0);
}

// The entries of workload sparse_coo_NNZ; false (the benchmark skipped) when missing.
bool load_entries(benchmark::State& state, Index nnz, Entries& e) {
  const fs::path dir = bench::data_dir() / workload(nnz);
  return bench::sparse::load_inputs(state, [&] {
    e.rows = io::load_npy_vector<std::int32_t>(dir / "rows.npy");
    e.cols = io::load_npy_vector<std::int32_t>(dir / "cols.npy");
    e.vals = io::load_npy_vector<double>(dir / "vals.npy");
    e.v = io::load_npy_vector<double>(dir / "v.npy");
    e.distinct = io::load_npy_vector<std::int64_t>(dir / "nnz.npy")(0);
  });
}

// The compare row: CooMatrix::tocsr (scipy's coo_matrix.tocsr).
void BM_coo_to_csr(benchmark::State& state) {
  const Index nnz = state.range(0), n = nnz / kPerRow;
  Entries e;
  if (!load_entries(state, nnz, e)) return;
  const sp::CooMatrix coo{.shape = {n, n},
                          .row = std::vector<int>(e.rows.begin(), e.rows.end()),
                          .col = std::vector<int>(e.cols.begin(), e.cols.end()),
                          .data = std::vector<double>(e.vals.begin(), e.vals.end())};
  bench::time_calls(
      state, [&] { return coo.tocsr(); }, [&](const CsrMatrix& a) { return conversion_error(a, e); });
}

// Not a compare row: the same conversion by Eigen's setFromTriplets.
void BM_coo_set_from_triplets(benchmark::State& state) {
  const Index nnz = state.range(0), n = nnz / kPerRow;
  Entries e;
  if (!load_entries(state, nnz, e)) return;
  std::vector<sp::Triplet> entries;
  entries.reserve(static_cast<std::size_t>(nnz));
  for (Index k = 0; k < e.vals.size(); ++k) entries.emplace_back(e.rows(k), e.cols(k), e.vals(k));
  bench::time_calls(
      state,
      [&] {
        CsrMatrix a(n, n);
        a.setFromTriplets(entries.begin(), entries.end());
        return a;
      },
      [&](const CsrMatrix& a) { return conversion_error(a, e); });
}

}  // namespace

BENCHMARK(BM_coo_to_csr)->Name("coo_to_csr")->Arg(10000000)->Arg(100000)->UseRealTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_coo_set_from_triplets)
    ->Name("coo_set_from_triplets")
    ->Arg(10000000)
    ->Arg(100000)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
