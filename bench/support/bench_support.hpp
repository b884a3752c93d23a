#pragma once
/// \file
/// What every benchmark program under bench/ shares: the directory that holds
/// the workloads' inputs, the registry behind `--write-data`, and the accuracy
/// metric that both our side and the peer scripts report.
///
/// The inputs are written once, by our side, as .npy files; the benchmarks and
/// the peer scripts (bench/peers/*.py) read the same files, so both sides time
/// the same problem. bench_main.cpp holds main().

#include <benchmark/benchmark.h>

#include <filesystem>
#include <functional>
#include <scilearn/core/parallel.hpp>
#include <scilearn/core/types.hpp>
#include <string>
#include <string_view>

namespace scilearn::bench {

/// The directory given by `--data-dir` (default "bench/data", relative to the
/// working directory). Workload `w` keeps its files in data_dir() / w.
[[nodiscard]] const std::filesystem::path& data_dir();

/// Sets data_dir() (main() does, from `--data-dir`).
void set_data_dir(std::filesystem::path dir);

/// A function that writes one workload's inputs into the directory it is given
/// (which exists when it is called).
using DataWriter = std::function<void(const std::filesystem::path& dir)>;

/// Registers the writer of workload `workload`. `--write-data DIR` runs every
/// registered writer with DIR / workload and exits. Call it from a
/// namespace-scope initializer, as BENCHMARK() registers benchmarks; the
/// return value only makes that possible.
bool register_data_writer(std::string workload, DataWriter writer);

/// Runs every registered writer under `root` (creating the directories).
/// Throws: FormatError (from the writers) when a file cannot be written.
void write_all_data(const std::filesystem::path& root);

/// Times `call()` as every benchmark does: one untimed warm-up call
/// (first-touch pages, BLAS thread start-up), then only the calls; after the
/// clock, the counters `residual` (accuracy(result of the last call)) and
/// `blas_threads`.
template <class Call, class Accuracy>
void time_calls(benchmark::State& state, Call call, Accuracy accuracy) {
  auto result = call();
  for (auto _ : state) {
    result = call();
    benchmark::DoNotOptimize(result);
    benchmark::ClobberMemory();
  }
  state.counters["residual"] = accuracy(result);
  state.counters["blas_threads"] = blas_num_threads();
}

/// Normwise relative residual ||a x - b||_inf / (||a||_inf ||x||_inf).
///
/// This is the backward error of x in the infinity norm (Rigal & Gaches 1967,
/// up to the ||b|| term, which is at most ||a|| ||x|| here): a backward stable
/// solver such as LU with partial pivoting keeps it of order n * eps whatever
/// the condition number of a. bench/peers compute it with NumPy by the same
/// formula, so the two columns of the table are comparable.
/// Requires: a is n x n, x and b have n rows.
template <class DerivedA, class DerivedX, class DerivedB>
double relative_residual(const Eigen::MatrixBase<DerivedA>& a, const Eigen::MatrixBase<DerivedX>& x,
                         const Eigen::MatrixBase<DerivedB>& b) {
  const double a_norm = a.cwiseAbs().rowwise().sum().maxCoeff();
  const double x_norm = x.cwiseAbs().maxCoeff();
  const double r_norm = (a * x - b).cwiseAbs().maxCoeff();
  return r_norm / (a_norm * x_norm);
}

}  // namespace scilearn::bench
