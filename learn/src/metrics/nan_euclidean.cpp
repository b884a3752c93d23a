#include "metrics/nan_euclidean.hpp"

#include <omp.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/parallel.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/learn/metrics/pairwise.hpp>

#include "impute/impute_detail.hpp"
#include "metrics/pairwise_detail.hpp"

namespace scilearn::learn {

namespace detail {

NanEuclideanReference::NanEuclideanReference(const MatrixView& Y, double missing_values)
    : missing_values_(missing_values), p_(Y.cols()), B_(Y.rows(), 3 * Y.cols()) {
  const Index n = Y.rows(), p = p_;
  for (Index k = 0; k < p; ++k)
    for (Index j = 0; j < n; ++j) {
      const double v = Y(j, k);
      const bool present = !is_missing(v, missing_values);
      B_(j, k) = present ? 1.0 : 0.0;
      B_(j, p + k) = present ? v * v : 0.0;
      B_(j, 2 * p + k) = present ? v : 0.0;
    }
}

Index NanEuclideanReference::block_rows() const {
  constexpr Index target = Index(1) << 20;  // doubles: 8 MiB
  return std::clamp<Index>(target / std::max<Index>(rows(), 1), 16, 256);
}

void NanEuclideanReference::distances(const MatrixView& X, const Index* indices, Index b, bool squared,
                                      NanEuclideanWorkspace& ws, Matrix& D) const {
  const Index p = p_;
  ws.A.resize(b, 3 * p);
  for (Index k = 0; k < p; ++k)
    for (Index r = 0; r < b; ++r) {
      const double v = X(indices[r], k);
      const bool present = !is_missing(v, missing_values_);
      ws.A(r, k) = present ? v * v : 0.0;
      ws.A(r, p + k) = present ? 1.0 : 0.0;
      ws.A(r, 2 * p + k) = present ? -2.0 * v : 0.0;
    }
  D.resize(rows(), b);
  D.noalias() = B_ * ws.A.transpose();
  ws.counts.resize(rows(), b);
  ws.counts.noalias() = B_.leftCols(p) * ws.A.middleCols(p, p).transpose();
  const double n_features = static_cast<double>(p);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (Index r = 0; r < b; ++r) {
    double* d = D.col(r).data();
    const double* c = ws.counts.col(r).data();
    for (Index j = 0; j < D.rows(); ++j) {
      // scikit-learn's order: clip, divide by the count, times n_features.
      const double v = c[j] == 0.0 ? nan : std::max(d[j], 0.0) / c[j] * n_features;
      d[j] = squared ? v : std::sqrt(v);
    }
  }
}

}  // namespace detail

namespace {

void check_nan_euclidean_input(std::string_view where, const char* name, const MatrixView& M, double missing_values) {
  check_non_empty(where, name, M);
  for (Index j = 0; j < M.cols(); ++j)
    for (Index i = 0; i < M.rows(); ++i) {
      const double v = M(i, j);
      if (std::isinf(v) || (std::isnan(v) && !std::isnan(missing_values)))
        throw ValueError(cat(where, ": ", name, " contains ", v, " at (", i, ", ", j, ")",
                             std::isnan(v) ? " and missing_values is not NaN" : ""));
    }
}

}  // namespace

Matrix nan_euclidean_distances(const MatrixView& X, const MatrixView& Y, bool squared, double missing_values) {
  constexpr std::string_view where = "nan_euclidean_distances";
  const bool same = detail::same_matrix(X, Y);
  check_nan_euclidean_input(where, "X", X, missing_values);
  if (!same) {
    check_nan_euclidean_input(where, "Y", Y, missing_values);
    if (X.cols() != Y.cols())
      throw ValueError(cat(where, ": incompatible dimension for X and Y matrices: X has ", X.cols(),
                           " features while Y has ", Y.cols()));
  }
  const detail::NanEuclideanReference reference(Y, missing_values);
  const Index n = X.rows(), m = Y.rows(), block = reference.block_rows();
  const Index n_blocks = (n + block - 1) / block;
  std::vector<Index> rows(static_cast<std::size_t>(n));
  for (Index i = 0; i < n; ++i) rows[static_cast<std::size_t>(i)] = i;
  Matrix out(n, m);
  const BlasThreadLimit one_blas_thread(1);
#pragma omp parallel if (n_blocks > 1 && n * m * X.cols() >= 200'000)
  {
    detail::NanEuclideanWorkspace ws;
    Matrix D;
#pragma omp for schedule(dynamic, 1)
    for (Index t = 0; t < n_blocks; ++t) {
      const Index start = t * block, b = std::min(block, n - start);
      reference.distances(X, rows.data() + start, b, squared, ws, D);
      out.middleRows(start, b) = D.transpose();
      if (same)  // a row's distance to itself is exactly 0 (NaN when it has no feature present)
        for (Index r = 0; r < b; ++r)
          if (!std::isnan(out(start + r, start + r))) out(start + r, start + r) = 0.0;
    }
  }
  return out;
}

Matrix nan_euclidean_distances(const MatrixView& X, bool squared, double missing_values) {
  return nan_euclidean_distances(X, X, squared, missing_values);
}

}  // namespace scilearn::learn
