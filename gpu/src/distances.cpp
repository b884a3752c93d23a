// Pairwise distances and brute-force k nearest neighbours.
//
// Euclidean and cosine go through one GEMM (the norm trick, as scikit-learn's
// euclidean_distances and cosine_similarity); manhattan is a direct loop per
// pair. kneighbors takes the queries in tiles sized to a memory budget, ranks
// squared distances (same order, no square roots), selects the k nearest of
// each query (select_k.hpp) and takes roots of the k kept.
#include <thrust/for_each.h>
#include <thrust/iterator/counting_iterator.h>
#include <thrust/sequence.h>
#include <thrust/transform.h>

#include <algorithm>
#include <cmath>
#include <scilearn/gpu/blas.hpp>
#include <scilearn/gpu/distances.hpp>
#include <scilearn/gpu/primitives.hpp>

#include "select_k.hpp"
#include "thrust_support.hpp"

namespace scilearn::gpu {

namespace {

// Squared norm of each row of a column-major rows x cols matrix.
template <class T>
struct RowSquaredNorm {
  const T* data;
  Index rows;
  Index cols;
  SCILEARN_HD T operator()(Index i) const {
    T s = 0;
    for (Index k = 0; k < cols; ++k) s += data[i + k * rows] * data[i + k * rows];
    return s;
  }
};

// D(i, j) = max(|x_i|^2 + |y_j|^2 + D(i, j), 0), D holding -2 x_i.y_j; the
// square root for euclidean; 0 on the diagonal when X is Y (scikit-learn).
template <class T>
struct FinishEuclidean {
  T* D;
  const T* xx;
  const T* yy;
  Index n_x;
  bool squared;
  bool same;
  SCILEARN_HD void operator()(Index t) const {
    const Index i = t % n_x, j = t / n_x;
    T d = xx[i] + yy[j] + D[t];
    if (d < T(0) || (same && i == j)) d = T(0);
    D[t] = squared ? d : std::sqrt(d);
  }
};

// D(i, j) = 1 - x_i.y_j / (|x_i| |y_j|) clipped to [0, 2], D holding x_i.y_j;
// a zero norm counts as 1 (scikit-learn's normalize).
template <class T>
struct FinishCosine {
  T* D;
  const T* xx;
  const T* yy;
  Index n_x;
  bool same;
  SCILEARN_HD void operator()(Index t) const {
    const Index i = t % n_x, j = t / n_x;
    const T nx = xx[i] > T(0) ? std::sqrt(xx[i]) : T(1);
    const T ny = yy[j] > T(0) ? std::sqrt(yy[j]) : T(1);
    T d = T(1) - D[t] / (nx * ny);
    d = d < T(0) ? T(0) : (d > T(2) ? T(2) : d);
    D[t] = same && i == j ? T(0) : d;
  }
};

template <class T>
struct Manhattan {
  const T* X;
  const T* Y;
  Index n_x;
  Index n_y;
  Index d;
  T* D;
  SCILEARN_HD void operator()(Index t) const {
    const Index i = t % n_x, j = t / n_x;
    T s = 0;
    for (Index k = 0; k < d; ++k) {
      const T diff = X[i + k * n_x] - Y[j + k * n_y];
      s += diff < T(0) ? -diff : diff;
    }
    D[t] = s;
  }
};

template <class T>
DeviceVector<T> row_squared_norms(const DeviceMatrix<T>& M) {
  DeviceVector<T> out(M.rows());
  thrust::transform(detail::device, thrust::counting_iterator<Index>(0), thrust::counting_iterator<Index>(M.rows()),
                    out.data(), RowSquaredNorm<T>{M.data(), M.rows(), M.cols()});
  return out;
}

template <class T>
void check_pair(const char* routine, const DeviceMatrix<T>& X, const DeviceMatrix<T>& Y) {
  if (X.cols() != Y.cols())
    throw ValueError(cat("gpu::", routine, ": X has ", X.cols(), " features but Y has ", Y.cols()));
  if (X.cols() == 0) throw ValueError(cat("gpu::", routine, ": the samples have no features"));
}

// Distances from the rows of X to the rows of Y, given the rows' squared norms
// (unused by manhattan).
template <class T>
DeviceMatrix<T> distances(const DeviceMatrix<T>& X, const DeviceMatrix<T>& Y, const DeviceVector<T>& xx,
                          const DeviceVector<T>& yy, Metric metric, bool same) {
  DeviceMatrix<T> D(X.rows(), Y.rows());
  if (D.empty()) return D;
  const auto pairs = thrust::counting_iterator<Index>(0);
  if (metric == Metric::manhattan) {
    thrust::for_each(detail::device, pairs, pairs + D.size(),
                     Manhattan<T>{X.data(), Y.data(), X.rows(), Y.rows(), X.cols(), D.data()});
  } else if (metric == Metric::cosine) {
    gemm(Op::none, Op::transpose, T(1), X, Y, T(0), D);
    thrust::for_each(detail::device, pairs, pairs + D.size(),
                     FinishCosine<T>{D.data(), xx.data(), yy.data(), X.rows(), same});
  } else {
    gemm(Op::none, Op::transpose, T(-2), X, Y, T(0), D);
    thrust::for_each(detail::device, pairs, pairs + D.size(),
                     FinishEuclidean<T>{D.data(), xx.data(), yy.data(), X.rows(), metric == Metric::sqeuclidean,
                                        same});
  }
  return D;
}

}  // namespace

template <DeviceReal T>
DeviceMatrix<T> pairwise_distances(const DeviceMatrix<T>& X, const DeviceMatrix<T>& Y, Metric metric) {
  check_pair("pairwise_distances", X, Y);
  return detail::guarded("pairwise_distances", [&] {
    const bool same = X.data() == Y.data() && X.rows() == Y.rows();
    DeviceVector<T> xx, yy;
    if (metric != Metric::manhattan) {
      xx = row_squared_norms(X);
      yy = same ? xx.clone() : row_squared_norms(Y);
    }
    return distances(X, Y, xx, yy, metric, same);
  });
}

template <DeviceReal T>
KNeighbors<T> kneighbors(const DeviceMatrix<T>& X, const DeviceMatrix<T>& queries, Index k,
                         const KNeighborsOptions& options) {
  check_pair("kneighbors", queries, X);
  if (k < 1 || k > X.rows())
    throw ValueError(cat("gpu::kneighbors: k must lie in [1, ", X.rows(), "] (the number of samples), got ", k));
  return detail::guarded("kneighbors", [&] {
    const Index n_q = queries.rows(), n_x = X.rows();
    KNeighbors<T> out{DeviceMatrix<T>(n_q, k), DeviceMatrix<std::int64_t>(n_q, k)};
    const bool euclidean = options.metric == Metric::euclidean;
    const Metric ranked = euclidean ? Metric::sqeuclidean : options.metric;
    DeviceVector<T> xx, qq;
    if (ranked != Metric::manhattan) {
      xx = row_squared_norms(X);
      qq = row_squared_norms(queries);
    }
    // A tile is the n_x x rows matrix of distances from every sample to its
    // queries: each query's distances lie contiguous, for the selection.
    const std::size_t per_query = static_cast<std::size_t>(n_x) * sizeof(T);
    const Index tile = std::clamp<Index>(static_cast<Index>(options.tile_bytes / std::max<std::size_t>(per_query, 1)),
                                         1, std::max<Index>(n_q, 1));
    for (Index first = 0; first < n_q; first += tile) {
      const Index rows = std::min(tile, n_q - first);
      DeviceVector<std::int64_t> which(rows);
      thrust::sequence(detail::device, which.data(), which.data() + rows, static_cast<std::int64_t>(first));
      const DeviceMatrix<T> Q = gather_rows(queries, which);
      DeviceVector<T> qq_tile;
      if (ranked != Metric::manhattan) qq_tile = gather(qq, which);
      const DeviceMatrix<T> D = distances(X, Q, xx, qq_tile, ranked, false);
      thrust::for_each(detail::device, thrust::counting_iterator<Index>(0), thrust::counting_iterator<Index>(rows),
                       detail::SelectK<T>{D.data(), n_x, 1, n_x, k, false, euclidean, out.distances.data(),
                                          out.indices.data(), n_q, first});
    }
    return out;
  });
}

template DeviceMatrix<float> pairwise_distances(const DeviceMatrix<float>&, const DeviceMatrix<float>&, Metric);
template DeviceMatrix<double> pairwise_distances(const DeviceMatrix<double>&, const DeviceMatrix<double>&, Metric);
template KNeighbors<float> kneighbors(const DeviceMatrix<float>&, const DeviceMatrix<float>&, Index,
                                      const KNeighborsOptions&);
template KNeighbors<double> kneighbors(const DeviceMatrix<double>&, const DeviceMatrix<double>&, Index,
                                       const KNeighborsOptions&);

}  // namespace scilearn::gpu
