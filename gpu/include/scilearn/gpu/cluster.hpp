#pragma once
/// \file
/// k-means on the device, as scikit-learn's KMeans(algorithm="lloyd"): a
/// building block for the estimators. Each Lloyd iteration is two GEMMs (the
/// distances to the centers by the norm trick, the per-cluster sums as
/// one-hot^T X) and a few passes over the data.

#include <cstdint>
#include <scilearn/gpu/device_array.hpp>

namespace scilearn::gpu {

/// Options of kmeans, with scikit-learn's names and defaults.
struct KMeansOptions {
  Index n_clusters = 8;
  Index max_iter = 300;
  /// Stops when the squared movement of the centers, summed, is at most
  /// tol * (the mean of the features' variances), as scikit-learn.
  double tol = 1e-4;
  /// Seed of k-means++ (unused when initial centers are given).
  std::uint64_t random_state = 0;
};

/// A k-means fit, with scikit-learn's attribute names.
template <DeviceReal T>
struct KMeansResult {
  DeviceMatrix<T> cluster_centers;    ///< n_clusters x d
  DeviceVector<std::int64_t> labels;  ///< the closest center of each sample
  T inertia = 0;                      ///< sum of squared distances to the closest center
  Index n_iter = 0;                   ///< Lloyd iterations run
};

/// Initial centers by greedy k-means++ (Arthur & Vassilvitskii 2007, with
/// scikit-learn's 2 + floor(ln k) local trials per center): each center is a
/// sample, drawn with probability proportional to its squared distance to the
/// centers chosen so far. Deterministic for a seed on every back end (the draws
/// are the seed's Philox stream; the choices depend on sums, so rounding can
/// differ between back ends). Throws ValueError unless 1 <= n_clusters <= n.
/// O(n d k log k).
template <DeviceReal T>
[[nodiscard]] DeviceMatrix<T> kmeans_plusplus(const DeviceMatrix<T>& X, Index n_clusters, std::uint64_t seed);

/// Lloyd's algorithm from k-means++ centers. Throws ValueError unless
/// 1 <= n_clusters <= n, max_iter >= 1, tol >= 0, or on NaN / Inf in X.
/// O(n d k) per iteration.
template <DeviceReal T>
[[nodiscard]] KMeansResult<T> kmeans(const DeviceMatrix<T>& X, const KMeansOptions& options = {});

/// Lloyd's algorithm from the given centers (n_clusters x d; options.n_clusters
/// is taken from them). A cluster left empty is moved to the sample farthest
/// from its center, as scikit-learn does. Labels are final: they are the
/// closest centers to the returned centers.
template <DeviceReal T>
[[nodiscard]] KMeansResult<T> kmeans(const DeviceMatrix<T>& X, const DeviceMatrix<T>& init,
                                     const KMeansOptions& options = {});

}  // namespace scilearn::gpu
