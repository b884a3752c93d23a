#pragma once
/// \file
/// Pairwise distances and brute-force nearest neighbours on the device, as
/// sklearn.metrics.pairwise_distances and NearestNeighbors(algorithm="brute").
///
/// Rows are samples. Euclidean distances use the GEMM identity
/// |x - y|^2 = |x|^2 + |y|^2 - 2 x.y, as scikit-learn does, clipped at 0; like
/// scikit-learn's, they lose relative accuracy for points much closer together
/// than their norms (cancellation): about eps * |x|^2 absolute in the squared
/// distance. Cosine distance is 1 - x.y / (|x| |y|), a zero row treated as
/// having norm 1 (scikit-learn's normalize). Manhattan sums |x_k - y_k| directly.

#include <scilearn/gpu/device_array.hpp>

#include <cstdint>

namespace scilearn::gpu {

/// The distance functions.
enum class Metric { sqeuclidean, euclidean, cosine, manhattan };

/// The n_x x n_y matrix of distances between the rows of X and the rows of Y.
/// Throws ValueError when the column counts differ or either matrix has no
/// columns. O(n_x n_y d).
template <DeviceReal T>
[[nodiscard]] DeviceMatrix<T> pairwise_distances(const DeviceMatrix<T>& X, const DeviceMatrix<T>& Y,
                                                 Metric metric = Metric::euclidean);

/// Options of kneighbors.
struct KNeighborsOptions {
  Metric metric = Metric::euclidean;
  /// Device memory for one tile of query-to-sample distances. Queries go
  /// through in tiles of as many as fit (n_x distances each), at least one, so
  /// any number of queries works on any device.
  std::size_t tile_bytes = std::size_t{256} << 20;
};

/// The k nearest rows of X to each row of `queries`: distances ascending and
/// their row indices into X (ties to the smaller index).
template <DeviceReal T>
struct KNeighbors {
  DeviceMatrix<T> distances;             ///< n_queries x k
  DeviceMatrix<std::int64_t> indices;    ///< n_queries x k
};

/// Brute-force k-nearest-neighbour search. Throws ValueError unless
/// 1 <= k <= X.rows() and the column counts agree (and are positive).
/// O(n_queries * n_x * d) for the distances, O(n_queries * n_x) for the
/// selection on random data (O(n_queries * n_x * k) at worst).
template <DeviceReal T>
[[nodiscard]] KNeighbors<T> kneighbors(const DeviceMatrix<T>& X, const DeviceMatrix<T>& queries, Index k,
                                       const KNeighborsOptions& options = {});

}  // namespace scilearn::gpu
