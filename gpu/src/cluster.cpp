// k-means: greedy k-means++ and Lloyd's iterations, step for step as
// scikit-learn's _kmeans_plusplus and _kmeans_single_lloyd, on device arrays.
// The host keeps only a few numbers per step (cluster counts, the trial draws,
// the candidates' potentials).
#include <thrust/binary_search.h>
#include <thrust/equal.h>
#include <thrust/for_each.h>
#include <thrust/iterator/counting_iterator.h>
#include <thrust/transform.h>

#include <algorithm>
#include <cmath>
#include <scilearn/gpu/blas.hpp>
#include <scilearn/gpu/cluster.hpp>
#include <scilearn/gpu/distances.hpp>
#include <scilearn/gpu/primitives.hpp>
#include <scilearn/gpu/random.hpp>
#include <vector>

#include "thrust_support.hpp"

namespace scilearn::gpu {

namespace {

using Labels = DeviceVector<std::int64_t>;

// H(i, labels[i]) = 1 in the zeroed n x k one-hot matrix.
template <class T>
struct OneHot {
  const std::int64_t* labels;
  Index n;
  T* H;
  SCILEARN_HD void operator()(Index i) const { H[i + labels[i] * n] = T(1); }
};

// Moves each empty cluster to a far sample, in order (one thread: the moves
// may touch the same cluster). S holds per-cluster sums (k x d), counts sizes.
template <class T>
struct Relocate {
  const T* X;
  Index n;
  Index d;
  const std::int64_t* labels;
  const std::int64_t* far;      // samples, farthest first
  const std::int64_t* targets;  // the empty clusters
  Index moves;
  T* S;
  Index k;
  T* counts;
  SCILEARN_HD void operator()(Index) const {
    for (Index m = 0; m < moves; ++m) {
      const Index i = far[m], to = targets[m], from = labels[i];
      for (Index j = 0; j < d; ++j) {
        S[from + j * k] -= X[i + j * n];
        S[to + j * k] = X[i + j * n];
      }
      counts[from] -= T(1);
      counts[to] = T(1);
    }
  }
};

// C(c, j) = S(c, j) / counts(c); a cluster left without samples (its only
// sample relocated, or more clusters than distinct samples) takes the largest
// cluster's center, as scikit-learn's _average_centers. (scikit-learn 1.9
// divides in place, in cluster order, so an empty cluster numbered below the
// largest one gets that cluster's undivided sum; we give it the mean.)
template <class T>
struct Divide {
  const T* S;
  const T* counts;
  Index k;
  Index largest;
  T* C;
  SCILEARN_HD void operator()(Index t) const {
    const Index c = t % k, j = t / k;
    C[t] = counts[c] > T(0) ? S[t] / counts[c] : S[largest + j * k] / counts[largest];
  }
};

template <class T>
struct SquaredDifference {
  SCILEARN_HD T operator()(T a, T b) const { return (a - b) * (a - b); }
};

// Exact squared distance of sample i to its center (inertia's terms).
template <class T>
struct ExactToCenter {
  const T* X;
  const T* C;
  const std::int64_t* labels;
  Index n;
  Index k;
  Index d;
  SCILEARN_HD T operator()(Index i) const {
    T s = 0;
    for (Index j = 0; j < d; ++j) {
      const T diff = X[i + j * n] - C[labels[i] + j * k];
      s += diff * diff;
    }
    return s;
  }
};

// D(i, t) = min(D(i, t), closest(i)).
template <class T>
struct MinWithClosest {
  T* D;
  const T* closest;
  Index n;
  SCILEARN_HD void operator()(Index t) const {
    const T c = closest[t % n];
    if (c < D[t]) D[t] = c;
  }
};

struct ClipIndex {
  Index last;
  SCILEARN_HD std::int64_t operator()(std::int64_t i) const { return i > last ? last : i; }
};

// Labels: the closest centers (the first on ties), by the norm trick as
// scikit-learn's Lloyd step.
template <class T>
Labels assign(const DeviceMatrix<T>& X, const DeviceMatrix<T>& C) {
  return argmin(pairwise_distances(X, C, Metric::sqeuclidean), 1);
}

DeviceVector<std::int64_t> indices_to_device(const std::vector<std::int64_t>& v) {
  return DeviceVector<std::int64_t>::from_host(
      Eigen::Map<const Eigen::Matrix<std::int64_t, Eigen::Dynamic, 1>>(v.data(), static_cast<Index>(v.size())));
}

// The M step: centers as the means of their samples, empty clusters relocated
// to the samples farthest from their (old) centers, by exact squared
// differences as scikit-learn's (the norm trick's rounding could hide a zero).
template <class T>
DeviceMatrix<T> update_centers(const DeviceMatrix<T>& X, const Labels& labels, const DeviceMatrix<T>& centers) {
  const Index k = centers.rows();
  const Index n = X.rows(), d = X.cols();
  DeviceMatrix<T> H(n, k);
  thrust::for_each(detail::device, thrust::counting_iterator<Index>(0), thrust::counting_iterator<Index>(n),
                   OneHot<T>{labels.data(), n, H.data()});
  DeviceMatrix<T> S = matmul(H, X, Op::transpose, Op::none);
  DeviceVector<T> counts = sum(H, 0);
  Eigen::Matrix<T, Eigen::Dynamic, 1> counts_host = counts.to_host();
  std::vector<std::int64_t> empty;
  for (Index c = 0; c < k; ++c)
    if (counts_host[c] == T(0)) empty.push_back(c);
  // Relocation is pointless when every sample sits on its center (more
  // clusters than distinct samples), as scikit-learn notes.
  DeviceVector<T> distances;
  if (!empty.empty()) {
    distances = DeviceVector<T>(n);
    thrust::transform(detail::device, thrust::counting_iterator<Index>(0), thrust::counting_iterator<Index>(n),
                      distances.data(), ExactToCenter<T>{X.data(), centers.data(), labels.data(), n, k, d});
  }
  if (!empty.empty() && max(distances) > T(0)) {
    const auto moves = static_cast<Index>(empty.size());
    const TopK<T> far = top_k(DeviceMatrix<T>::reshape(std::move(distances), 1, n), moves, true);
    const Labels targets = indices_to_device(empty);
    thrust::for_each(detail::device, thrust::counting_iterator<Index>(0), thrust::counting_iterator<Index>(1),
                     Relocate<T>{X.data(), n, d, labels.data(), far.indices.data(), targets.data(), moves, S.data(), k,
                                 counts.data()});
    counts_host = counts.to_host();
  }
  Index largest = 0;
  counts_host.maxCoeff(&largest);  // the first largest, as numpy.argmax
  DeviceMatrix<T> C(k, d);
  thrust::for_each(detail::device, thrust::counting_iterator<Index>(0), thrust::counting_iterator<Index>(C.size()),
                   Divide<T>{S.data(), counts.data(), k, largest, C.data()});
  return C;
}

template <class T>
void check_data(const char* routine, const DeviceMatrix<T>& X, Index k) {
  if (X.cols() < 1) throw ValueError(cat("gpu::", routine, ": the samples have no features"));
  if (k < 1 || k > X.rows())
    throw ValueError(cat("gpu::", routine, ": n_samples=", X.rows(), " should be >= n_clusters=", k,
                         " (and n_clusters >= 1)"));
  detail::check_finite(routine, "X", X);
}

}  // namespace

template <DeviceReal T>
DeviceMatrix<T> kmeans_plusplus(const DeviceMatrix<T>& X, Index n_clusters, std::uint64_t seed) {
  check_data("kmeans_plusplus", X, n_clusters);
  return detail::guarded("kmeans_plusplus", [&] {
    const Index n = X.rows(), k = n_clusters;
    const Index trials = 2 + static_cast<Index>(std::log(static_cast<double>(k)));
    const Eigen::VectorXd draws = uniform<double>(1 + (k - 1) * trials, seed).to_host();
    std::vector<std::int64_t> chosen{std::min<std::int64_t>(static_cast<std::int64_t>(draws[0] * n), n - 1)};
    DeviceVector<T> closest =
        pairwise_distances(X, gather_rows(X, indices_to_device(chosen)), Metric::sqeuclidean).flat().clone();
    T potential = sum(closest);
    for (Index c = 1; c < k; ++c) {
      // Candidates drawn with probability proportional to the squared distance
      // (searchsorted on the running sum), the one that lowers the potential most kept.
      const DeviceVector<T> running = inclusive_scan(closest);
      Eigen::Matrix<T, Eigen::Dynamic, 1> targets(trials);
      for (Index t = 0; t < trials; ++t) targets[t] = static_cast<T>(draws[1 + (c - 1) * trials + t]) * potential;
      const auto dtargets = DeviceVector<T>::from_host(targets);
      Labels candidates(trials);
      thrust::lower_bound(detail::device, running.data(), running.data() + n, dtargets.data(),
                          dtargets.data() + trials, candidates.data());
      thrust::transform(detail::device, candidates.data(), candidates.data() + trials, candidates.data(),
                        ClipIndex{n - 1});
      DeviceMatrix<T> D = pairwise_distances(X, gather_rows(X, candidates), Metric::sqeuclidean);
      thrust::for_each(detail::device, thrust::counting_iterator<Index>(0), thrust::counting_iterator<Index>(D.size()),
                       MinWithClosest<T>{D.data(), closest.data(), n});
      const Eigen::Matrix<T, Eigen::Dynamic, 1> potentials = sum(D, 0).to_host();
      Index best = 0;
      potentials.minCoeff(&best);  // the first of equal minima, as numpy.argmin
      potential = potentials[best];
      closest = D.col(best).clone();
      chosen.push_back(candidates.segment(best, 1).to_host()[0]);
    }
    return gather_rows(X, indices_to_device(chosen));
  });
}

template <DeviceReal T>
KMeansResult<T> kmeans(const DeviceMatrix<T>& X, const DeviceMatrix<T>& init, const KMeansOptions& options) {
  const Index k = init.rows();
  check_data("kmeans", X, k);
  if (init.cols() != X.cols())
    throw ValueError(cat("gpu::kmeans: init has ", init.cols(), " features but X has ", X.cols()));
  detail::check_finite("kmeans", "init", init);
  if (options.max_iter < 1) throw ValueError(cat("gpu::kmeans: max_iter must be >= 1, got ", options.max_iter));
  if (!(options.tol >= 0)) throw ValueError(cat("gpu::kmeans: tol must be >= 0, got ", options.tol));
  return detail::guarded("kmeans", [&] {
    const Index n = X.rows();
    // scikit-learn's tolerance: tol times the mean variance of the features.
    const double tol = options.tol * static_cast<double>(sum(var(X, 0))) / static_cast<double>(X.cols());
    KMeansResult<T> out;
    DeviceMatrix<T> centers = init.clone();
    Labels labels_old(n);
    fill(labels_old, std::int64_t{-1});
    bool strict = false;
    Index it = 0;
    for (; it < options.max_iter; ++it) {
      Labels labels = assign(X, centers);
      DeviceMatrix<T> moved = update_centers(X, labels, centers);
      const DeviceVector<T> shift = map(BinaryOp::subtract, moved.flat(), centers.flat());
      const T shift_total = sum(map(UnaryOp::square, shift));
      centers = std::move(moved);
      out.labels = std::move(labels);
      if (thrust::equal(detail::device, out.labels.data(), out.labels.data() + n, labels_old.data())) {
        strict = true;
        break;
      }
      if (static_cast<double>(shift_total) <= tol) break;
      labels_old = out.labels.clone();
    }
    // Labels of the final centers (unless they did not move: strict convergence).
    if (!strict) out.labels = assign(X, centers);
    DeviceVector<T> terms(n);
    thrust::transform(detail::device, thrust::counting_iterator<Index>(0), thrust::counting_iterator<Index>(n),
                      terms.data(),
                      ExactToCenter<T>{X.data(), centers.data(), out.labels.data(), n, k, X.cols()});
    out.inertia = sum(terms);
    out.cluster_centers = std::move(centers);
    out.n_iter = std::min(it + 1, options.max_iter);
    return out;
  });
}

template <DeviceReal T>
KMeansResult<T> kmeans(const DeviceMatrix<T>& X, const KMeansOptions& options) {
  return kmeans(X, kmeans_plusplus(X, options.n_clusters, options.random_state), options);
}

#define SCILEARN_GPU_CLUSTER(T)                                                                           \
  template DeviceMatrix<T> kmeans_plusplus(const DeviceMatrix<T>&, Index, std::uint64_t);                  \
  template KMeansResult<T> kmeans(const DeviceMatrix<T>&, const DeviceMatrix<T>&, const KMeansOptions&);    \
  template KMeansResult<T> kmeans(const DeviceMatrix<T>&, const KMeansOptions&);
SCILEARN_GPU_CLUSTER(float)
SCILEARN_GPU_CLUSTER(double)
#undef SCILEARN_GPU_CLUSTER

}  // namespace scilearn::gpu
