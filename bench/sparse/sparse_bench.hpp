#pragma once
// What the sparse benchmarks share: square CSR matrices stored as three .npy
// files (SciPy's own arrays, so the peers build `csr_array((data, indices,
// indptr))` without conversion), the 2-D Poisson workload that spsolve and cg
// both read, and the accuracy metrics that bench/peers/sparse_*.py compute by
// the same formulas.
//
// Every workload has the size, which is the bench/compare row, and a
// small size (same writer, same benchmark, another argument) for a quick run:
//   scilearn_bench_sparse --write-data bench/data
//   scilearn_bench_sparse --benchmark_filter='/(100|10000|100000)/'
// next to bench/peers/sparse_*.py --data-dir bench/data --case <small case>.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <filesystem>
#include <scilearn/core/errors.hpp>  // FormatError, which linalg_bench.hpp throws too
#include <scilearn/core/io.hpp>
#include <scilearn/core/types.hpp>
#include <scilearn/sparse/types.hpp>
#include <string>
#include <vector>

#include "../linalg/linalg_bench.hpp"
#include "../support/bench_support.hpp"

namespace scilearn::bench::sparse {

using bench::linalg::load_inputs;
using scilearn::sparse::CsrMatrix;

/// Writes a compressed CSR matrix as dir/indptr.npy (int32, rows + 1),
/// dir/indices.npy (int32, nnz) and dir/data.npy (float64, nnz).
/// Requires: a compressed (Eigen's makeCompressed), as every CSR built here is.
inline void save_csr(const std::filesystem::path& dir, const CsrMatrix& a) {
  using IntMap = Eigen::Map<const Eigen::VectorX<std::int32_t>>;
  io::save_npy(dir / "indptr.npy", IntMap(a.outerIndexPtr(), a.outerSize() + 1));
  io::save_npy(dir / "indices.npy", IntMap(a.innerIndexPtr(), a.nonZeros()));
  io::save_npy(dir / "data.npy", Eigen::Map<const Vector>(a.valuePtr(), a.nonZeros()));
}

/// The square CSR matrix of dir/{indptr,indices,data}.npy (save_csr's files).
/// Throws: FormatError when a file is missing or the arrays disagree.
inline CsrMatrix load_csr(const std::filesystem::path& dir) {
  const auto indptr = io::load_npy_vector<std::int32_t>(dir / "indptr.npy");
  const auto indices = io::load_npy_vector<std::int32_t>(dir / "indices.npy");
  const Vector data = io::load_npy_vector<double>(dir / "data.npy");
  const Index n = indptr.size() - 1;
  if (n < 0 || indices.size() != data.size() || indptr(n) != data.size())
    throw FormatError(dir.string() + ": indptr, indices and data disagree; rewrite the data");
  return Eigen::Map<const CsrMatrix>(n, n, data.size(), indptr.data(), indices.data(), data.data());
}

/// The n = side^2 CSR matrix of a 5-point stencil on a side x side grid
/// (node (i, j) numbered i side + j), built row by row so the columns come
/// out sorted: -1 for each of the (up to) four neighbours, and on the
/// diagonal `diagonal(number of neighbours)` (4 for the Dirichlet Laplacian of
/// spsolve and cg; the degree for the grid-graph Laplacian of eigsh).
template <class Diagonal>
CsrMatrix five_point(Index side, Diagonal diagonal) {
  const Index n = side * side;
  std::vector<std::int32_t> indptr{0}, indices;
  std::vector<double> data;
  indices.reserve(static_cast<std::size_t>(5 * n));
  data.reserve(static_cast<std::size_t>(5 * n));
  const auto add = [&](Index column, double value) {
    indices.push_back(static_cast<std::int32_t>(column));
    data.push_back(value);
  };
  for (Index i = 0; i < side; ++i) {
    for (Index j = 0; j < side; ++j) {
      const Index k = i * side + j;
      const int neighbours = (i > 0) + (j > 0) + (j + 1 < side) + (i + 1 < side);
      if (i > 0) add(k - side, -1.0);
      if (j > 0) add(k - 1, -1.0);
      add(k, diagonal(neighbours));
      if (j + 1 < side) add(k + 1, -1.0);
      if (i + 1 < side) add(k + side, -1.0);
      indptr.push_back(static_cast<std::int32_t>(indices.size()));
    }
  }
  return Eigen::Map<const CsrMatrix>(n, n, static_cast<Index>(data.size()), indptr.data(), indices.data(), data.data());
}

/// The directory of the 2-D Poisson workload on a side x side grid
/// (spsolve_bench.cpp writes it; spsolve and cg read it).
inline std::string poisson_workload(Index side) { return "sparse_poisson_" + std::to_string(side); }

/// ||a x - b||_2 / ||b||_2: the relative residual the spsolve and cg gates read.
inline double relative_residual_2norm(const CsrMatrix& a, const Vector& x, const Vector& b) {
  return (b - a * x).norm() / b.norm();
}

/// max_i |y_i - y_ref_i| / ||y_ref||_inf: how far a product is from its reference.
inline double relative_difference(const Vector& y, const Vector& y_ref) {
  return (y - y_ref).cwiseAbs().maxCoeff() / y_ref.cwiseAbs().maxCoeff();
}

}  // namespace scilearn::bench::sparse
