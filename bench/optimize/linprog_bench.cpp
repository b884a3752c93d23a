// optimize::linprog (Clp's dual simplex after presolve, our default) against
// scipy.optimize.linprog (method 'highs', SciPy's default;
// bench/peers/optimize_linprog.py) on one sparse LP, written here as
// lp_sparse_2000/{rows,cols,vals,b_ub,c}.npy:
//
//   min c^T x  subject to  A x <= b,  0 <= x <= 10,
//
// A 2000 x 2000 with 7 nonzeros per row at distinct random columns (standard
// normal values), b = A x_f + s for x_f uniform on [0, 2] and s uniform on
// [0, 1] (so x_f is strictly feasible), c uniform on [-1, 1]: feasible and,
// by the bounds, bounded. Both sides get A as a sparse matrix (CSC here, CSR
// in SciPy) and time only the call.
//
// Accuracy (`residual`): the largest of the relative primal infeasibility
// max(A x - b, 0) / (1 + ||b||), the relative dual infeasibility
// ||c - A^T y - z_l - z_u|| / (1 + ||c||) and the relative duality gap
// |c^T x - (b^T y + 10 sum z_u)| / (1 + |c^T x|), all in the max norm, from
// each side's own x and marginals (y = ineqlin, z_l = lower, z_u = upper);
// the peer computes the same.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <scilearn/core/io.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/optimize/linprog.hpp>
#include <vector>

#include "../support/bench_support.hpp"

namespace {

using scilearn::Index;
using scilearn::IndexVector;
using scilearn::Matrix;
using scilearn::SparseMatrix;
using scilearn::Vector;
namespace bench = scilearn::bench;
namespace io = scilearn::io;
namespace opt = scilearn::optimize;
namespace fs = std::filesystem;

constexpr Index kN = 2000;
constexpr Index kPerRow = 7;
constexpr double kUpper = 10;

[[maybe_unused]] const bool registered = bench::register_data_writer("lp_sparse_2000", [](const fs::path& dir) {
  scilearn::Generator rng(2000);
  IndexVector rows(kN * kPerRow), cols(kN * kPerRow);
  const Vector vals = rng.standard_normal(kN * kPerRow);
  for (Index i = 0; i < kN; ++i) {
    std::vector<Index> picked;
    while (static_cast<Index>(picked.size()) < kPerRow) {
      const Index j = rng.integers(0, kN);
      if (std::find(picked.begin(), picked.end(), j) == picked.end()) picked.push_back(j);
    }
    for (Index k = 0; k < kPerRow; ++k) {
      rows(i * kPerRow + k) = static_cast<int>(i);
      cols(i * kPerRow + k) = static_cast<int>(picked[static_cast<std::size_t>(k)]);
    }
  }
  std::vector<Eigen::Triplet<double, int>> entries;
  for (Index k = 0; k < rows.size(); ++k) entries.emplace_back(rows(k), cols(k), vals(k));
  SparseMatrix a(kN, kN);
  a.setFromTriplets(entries.begin(), entries.end());
  const auto uniform = [&](double low, double high) {
    Vector v(kN);
    for (Index i = 0; i < kN; ++i) v(i) = rng.uniform(low, high);
    return v;
  };
  const Vector x_f = uniform(0.0, 2.0);
  const Vector b = a * x_f + uniform(0.0, 1.0);
  const Vector c = uniform(-1.0, 1.0);
  io::save_npy(dir / "rows.npy", rows);
  io::save_npy(dir / "cols.npy", cols);
  io::save_npy(dir / "vals.npy", vals);
  io::save_npy(dir / "b_ub.npy", b);
  io::save_npy(dir / "c.npy", c);
});

// See the header comment: the largest relative KKT violation.
double kkt_violation(const SparseMatrix& a, const Vector& b, const Vector& c, const opt::LinprogResult& r) {
  if (r.status != 0) return std::numeric_limits<double>::infinity();
  const double primal = (a * r.x - b).cwiseMax(0.0).maxCoeff() / (1 + b.cwiseAbs().maxCoeff());
  const Vector g = c - a.transpose() * r.ineqlin.marginals - r.lower.marginals - r.upper.marginals;
  const double dual = g.cwiseAbs().maxCoeff() / (1 + c.cwiseAbs().maxCoeff());
  const double dual_obj = b.dot(r.ineqlin.marginals) + kUpper * r.upper.marginals.sum();
  const double gap = std::abs(r.fun - dual_obj) / (1 + std::abs(r.fun));
  return std::max({primal, dual, gap});
}

// The workload; false (with the benchmark skipped) when its files are missing.
bool load_problem(benchmark::State& state, SparseMatrix& a, Vector& b, Vector& c) {
  try {
    const fs::path dir = bench::data_dir() / "lp_sparse_2000";
    const IndexVector rows = io::load_npy_vector<std::int32_t>(dir / "rows.npy");
    const IndexVector cols = io::load_npy_vector<std::int32_t>(dir / "cols.npy");
    const Vector vals = io::load_npy_vector<double>(dir / "vals.npy");
    std::vector<Eigen::Triplet<double, int>> entries;
    for (Index k = 0; k < rows.size(); ++k) entries.emplace_back(rows(k), cols(k), vals(k));
    a.setFromTriplets(entries.begin(), entries.end());
    b = io::load_npy_vector<double>(dir / "b_ub.npy");
    c = io::load_npy_vector<double>(dir / "c.npy");
  } catch (const std::exception& e) {
    state.SkipWithError(e.what());
    return false;
  }
  return true;
}

// The row of bench/compare: linprog's defaults.
void BM_linprog_sparse(benchmark::State& state) {
  SparseMatrix a(kN, kN);
  Vector b, c;
  if (!load_problem(state, a, b, c)) return;
  const opt::LinprogOptions options{.A_ub = a, .b_ub = b, .bounds = opt::Bounds{Vector{{0.0}}, Vector{{kUpper}}}};
  bench::time_calls(
      state, [&] { return opt::linprog(c, options); },
      [&](const opt::LinprogResult& r) {
        state.counters["nit"] = r.nit;
        return kkt_violation(a, b, c, r);
      });
}

// Not a compare row: the same problem with each method, presolve on (1) and
// off (0), to choose the default.
void BM_linprog_sparse_options(benchmark::State& state) {
  SparseMatrix a(kN, kN);
  Vector b, c;
  if (!load_problem(state, a, b, c)) return;
  const opt::LinprogOptions options{.A_ub = a,
                                    .b_ub = b,
                                    .bounds = opt::Bounds{Vector{{0.0}}, Vector{{kUpper}}},
                                    .method = static_cast<opt::LinprogMethod>(state.range(0)),
                                    .presolve = state.range(1) != 0};
  bench::time_calls(
      state, [&] { return opt::linprog(c, options); },
      [&](const opt::LinprogResult& r) {
        state.counters["nit"] = r.nit;
        return kkt_violation(a, b, c, r);
      });
}

}  // namespace

BENCHMARK(BM_linprog_sparse_options)
    ->Name("linprog_sparse_options")
    ->ArgsProduct({{0, 1, 2}, {1, 0}})
    ->ArgNames({"method", "presolve"})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_linprog_sparse)->Name("linprog_sparse")->Arg(2000)->UseRealTime()->Unit(benchmark::kMillisecond);
