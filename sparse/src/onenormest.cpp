// onenormest: Higham & Tisseur (2000), Algorithm 2.4, with SciPy 1.17's
// choices where the paper leaves room (the exact path for t >= n, which
// column is kept on ties, when a column counts as parallel).
#include <algorithm>
#include <cmath>
#include <numeric>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/sparse/onenormest.hpp>
#include <vector>

namespace scilearn::sparse {

namespace {

constexpr const char* where = "onenormest";

/// Y = op(X) column by column.
Matrix apply(const LinearOperator& A, const Matrix& x, bool transpose) {
  Matrix y(x.rows(), x.cols());
  for (Index j = 0; j < x.cols(); ++j) {
    if (transpose) {
      A.apply_transpose(x.col(j), y.col(j));
    } else {
      A.apply(x.col(j), y.col(j));
    }
  }
  return y;
}

/// Column i of X is parallel (+-) to an earlier column of X or to a column of Y:
/// for +-1 vectors, |x . y| == n.
bool needs_resampling(Index i, const Matrix& x, const Matrix* y) {
  const auto n = static_cast<double>(x.rows());
  for (Index j = 0; j < i; ++j) {
    if (std::abs(x.col(i).dot(x.col(j))) == n) return true;
  }
  if (y != nullptr) {
    for (Index j = 0; j < y->cols(); ++j) {
      if (std::abs(x.col(i).dot(y->col(j))) == n) return true;
    }
  }
  return false;
}

void resample(Index i, Matrix& x, Generator& rng) {
  for (Index r = 0; r < x.rows(); ++r) x(r, i) = (rng() >> 63) != 0 ? 1.0 : -1.0;
}

Vector unit(Index n, Index j) {
  Vector e = Vector::Zero(n);
  e(j) = 1;
  return e;
}

/// The exact 1-norm from A's columns (SciPy's path for t >= n).
OnenormEstimate exact(const LinearOperator& A) {
  const Index n = A.rows();
  const Matrix a = apply(A, Matrix::Identity(n, n), false);
  Index best = 0;
  const Vector sums = a.cwiseAbs().colwise().sum().transpose();
  sums.maxCoeff(&best);
  return {.est = sums(best), .v = unit(n, best), .w = a.col(best), .nmults = 1};
}

}  // namespace

OnenormEstimate onenormest(const LinearOperator& A, const OnenormestOptions& o) {
  const Index n = A.rows();
  if (A.cols() != n) throw ValueError(cat(where, ": A must be square, but it is ", n, "x", A.cols()));
  if (o.t < 1) throw ValueError(cat(where, ": t must be >= 1, got ", o.t));
  if (o.itmax < 2) throw ValueError(cat(where, ": itmax must be >= 2, got ", o.itmax));
  if (n == 0) return {.est = 0, .v = Vector(0), .w = Vector(0), .nmults = 0};
  if (o.t >= n) return exact(A);
  if (!A.has_rmatvec()) throw ValueError(cat(where, ": A needs rmatvec (A^T x)"));
  const Index t = o.t;
  Generator rng(o.seed);

  // Columns of +-1 (the first all ones), pairwise not parallel, scaled by 1/n.
  Matrix x = Matrix::Ones(n, t);
  for (Index i = 1; i < t; ++i) resample(i, x, rng);
  for (Index i = 0; i < t; ++i) {
    while (needs_resampling(i, x, nullptr)) resample(i, x, rng);
  }
  x /= static_cast<double>(n);

  OnenormEstimate out;
  std::vector<Index> history;  // unit vectors already used as columns of X
  std::vector<Index> ind;      // the rows the current X's columns are unit vectors of
  Index ind_best = 0;
  double est_old = 0;
  Matrix s = Matrix::Zero(n, t);
  for (int k = 1;; ++k) {
    const Matrix y = apply(A, x, false);
    ++out.nmults;
    Index best_j = 0;
    double est = y.cwiseAbs().colwise().sum().maxCoeff(&best_j);
    if (!std::isfinite(est)) throw ValueError(cat(where, ": A produced a non-finite value"));
    if (est > est_old || k == 2) {
      if (k >= 2) ind_best = ind[static_cast<std::size_t>(best_j)];
      out.w = y.col(best_j);
    }
    if (k >= 2 && est <= est_old) {
      est = est_old;
      out.est = est;
      break;
    }
    est_old = est;
    out.est = est;
    if (k > o.itmax) break;
    const Matrix s_old = s;
    s = y.unaryExpr([](double v) { return v >= 0 ? 1.0 : -1.0; });
    // Every column of S parallel to one of S_old: no new information.
    bool all_parallel = true;
    for (Index i = 0; i < t && all_parallel; ++i) {
      bool parallel = false;
      for (Index j = 0; j < t && !parallel; ++j) parallel = std::abs(s.col(i).dot(s_old.col(j))) == static_cast<double>(n);
      all_parallel = parallel;
    }
    if (all_parallel) break;
    if (t > 1) {
      for (Index i = 0; i < t; ++i) {
        while (needs_resampling(i, s, &s_old)) resample(i, s, rng);
      }
    }
    const Matrix z = apply(A, s, true);
    ++out.nmults;
    const Vector h = z.cwiseAbs().rowwise().maxCoeff();
    if (k >= 2 && h.maxCoeff() == h(ind_best)) break;
    // The rows by decreasing h, the first t + |history| of them, those not yet
    // used first (stable: ties keep the lower index, as a stable argsort would).
    std::vector<Index> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), Index{0});
    std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) { return h(a) > h(b); });
    order.resize(std::min<std::size_t>(order.size(), static_cast<std::size_t>(t) + history.size()));
    const auto seen = [&](Index j) { return std::find(history.begin(), history.end(), j) != history.end(); };
    if (t > 1) {
      if (std::all_of(order.begin(), order.begin() + t, seen)) break;
      std::stable_partition(order.begin(), order.end(), [&](Index j) { return !seen(j); });
    }
    ind.assign(order.begin(), order.begin() + t);
    x.setZero();
    for (Index j = 0; j < t; ++j) x(ind[static_cast<std::size_t>(j)], j) = 1;
    for (const Index j : ind) {
      if (!seen(j)) history.push_back(j);
    }
  }
  out.v = unit(n, ind_best);
  return out;
}

}  // namespace scilearn::sparse
