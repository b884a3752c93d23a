#pragma once
// What the linalg benchmarks share: reading their inputs, the batches of small
// matrices (100 000 systems of order 4 or 16, held as fixed-size Eigen types as
// a C++ user would hold them), and the normwise accuracy metrics that the peer
// scripts (bench/peers/linalg_*.py) compute by the same formulas.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstddef>
#include <exception>
#include <filesystem>
#include <scilearn/core/io.hpp>
#include <scilearn/core/parallel.hpp>
#include <scilearn/core/types.hpp>
#include <string>
#include <vector>

#include "../support/bench_support.hpp"

namespace scilearn::bench::linalg {

/// Systems in every small-matrix batch.
inline constexpr Index batch_count = 100000;

/// The directory of a batch of general order-n matrices (solve_bench.cpp writes
/// them): a.npy (100000 n, n), matrix k in rows n k .. n k + n - 1 (NumPy's
/// a.reshape(100000, n, n)[k]); b.npy (100000, n), row k the right side of k.
inline std::string batch_workload(Index order) {
  return "solve_" + std::to_string(order) + "x" + std::to_string(order) + "_batch";
}

/// Ends the benchmark with an error that says how to get the inputs.
inline void skip_missing_inputs(benchmark::State& state, const std::exception& e) {
  state.SkipWithError(("cannot read the inputs (" + std::string(e.what()) + "); write them first with --write-data " +
                       data_dir().string())
                          .c_str());
}

/// Runs `load` (which reads the inputs); when it throws, ends the benchmark with
/// an error that says how to get the inputs and returns false.
template <class Load>
bool load_inputs(benchmark::State& state, Load load) {
  try {
    load();
    return true;
  } catch (const std::exception& e) {
    skip_missing_inputs(state, e);
    return false;
  }
}

using bench::time_calls;

/// time_calls for a batch: one timed call runs `call(k)` for k = 0 .. count - 1,
/// keeping every result; `residual` is the largest accuracy(k, result k).
template <class Call, class Accuracy>
void time_batch(benchmark::State& state, std::size_t count, Call call, Accuracy accuracy) {
  std::vector<decltype(call(std::size_t{}))> out(count);
  const auto call_all = [&] {
    for (std::size_t k = 0; k < count; ++k) out[k] = call(k);
  };
  call_all();  // warm-up
  for (auto _ : state) {
    call_all();
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  double worst = 0.0;
  for (std::size_t k = 0; k < count; ++k) worst = std::max(worst, accuracy(k, out[k]));
  state.counters["residual"] = worst;
  state.counters["blas_threads"] = blas_num_threads();
}

/// The stacked matrices of `file`, (100000 N, N), as 100 000 fixed-size matrices.
/// Throws: FormatError when the file cannot be read or has another shape.
template <int N>
std::vector<Eigen::Matrix<double, N, N>> load_matrix_batch(const std::filesystem::path& file) {
  const Matrix stacked = io::load_npy<double>(file);
  if (stacked.rows() != batch_count * N || stacked.cols() != N)
    throw FormatError(file.string() + ": expected " + std::to_string(batch_count * N) + " x " + std::to_string(N) +
                      " stacked matrices; rewrite the data");
  std::vector<Eigen::Matrix<double, N, N>> out(static_cast<std::size_t>(batch_count));
  for (Index k = 0; k < batch_count; ++k) out[static_cast<std::size_t>(k)] = stacked.middleRows<N>(N * k);
  return out;
}

/// The rows of `file`, (100000, N), as 100 000 fixed-size vectors.
template <int N>
std::vector<Eigen::Matrix<double, N, 1>> load_vector_batch(const std::filesystem::path& file) {
  const Matrix stacked = io::load_npy<double>(file);
  if (stacked.rows() != batch_count || stacked.cols() != N)
    throw FormatError(file.string() + ": expected " + std::to_string(batch_count) + " x " + std::to_string(N) +
                      "; rewrite the data");
  std::vector<Eigen::Matrix<double, N, 1>> out(static_cast<std::size_t>(batch_count));
  for (Index k = 0; k < batch_count; ++k) out[static_cast<std::size_t>(k)] = stacked.row(k).transpose();
  return out;
}

/// ||m||_inf, the largest row sum of |m|.
template <class Derived>
double inf_norm(const Eigen::MatrixBase<Derived>& m) {
  return m.cwiseAbs().rowwise().sum().maxCoeff();
}

/// ||m||_1, the largest column sum of |m|.
template <class Derived>
double one_norm(const Eigen::MatrixBase<Derived>& m) {
  return m.cwiseAbs().colwise().sum().maxCoeff();
}

/// ||a x - I||_inf / (||a||_inf ||x||_inf): the normwise residual of an inverse.
template <class DerivedA, class DerivedX>
double inverse_residual(const Eigen::MatrixBase<DerivedA>& a, const Eigen::MatrixBase<DerivedX>& x) {
  const Matrix r = a * x - Matrix::Identity(a.rows(), a.cols());
  return inf_norm(r) / (inf_norm(a) * inf_norm(x));
}

/// ||q^T q - I||_1: how far the columns of q are from orthonormal.
template <class Derived>
double orthogonality(const Eigen::MatrixBase<Derived>& q) {
  const Matrix r = q.transpose() * q - Matrix::Identity(q.cols(), q.cols());
  return one_norm(r);
}

}  // namespace scilearn::bench::linalg
