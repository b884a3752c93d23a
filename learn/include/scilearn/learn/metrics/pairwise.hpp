#pragma once
/// \file
/// Pairwise distances and kernels between the rows of two sample matrices,
/// scikit-learn's `sklearn.metrics.pairwise`: `pairwise_distances`,
/// `euclidean_distances`, `nan_euclidean_distances`, `manhattan_distances`, `cosine_distances`,
/// `cosine_similarity`, `pairwise_kernels` and the named kernels.
///
/// X is n_x x n_features, Y is n_y x n_features; results are n_x x n_y with
/// entry (i, j) for row i of X and row j of Y. Without Y (or with Y the very
/// same matrix as X: same memory, shape and stride, scikit-learn's `Y is X`),
/// rows are compared with themselves: inner products then use one symmetric
/// rank-k update (BLAS syrk, half a GEMM), and the result is exactly
/// symmetric with the diagonal of the Euclidean and cosine distances exactly 0.
///
/// Inner-product metrics (euclidean, l2, cosine, and the linear, polynomial,
/// sigmoid, rbf, cosine kernels) run on BLAS (GEMM / SYRK) and use its threads.
/// The others (sqeuclidean, manhattan, chebyshev, minkowski, the laplacian
/// kernel) compute every difference directly, as SciPy's `cdist`, in OpenMP
/// loops over blocks of rows; each entry is computed by one thread in a fixed
/// order, so results do not depend on the thread count.
///
/// Errors: ValueError for empty X or Y, NaN / Inf, X and Y with different
/// feature counts, an unknown metric name, and invalid options.

#include <limits>
#include <optional>
#include <scilearn/learn/base/device.hpp>
#include <scilearn/learn/validation.hpp>
#include <string>

namespace scilearn::learn {

/// Options of pairwise_distances.
struct PairwiseDistancesOptions {
  /// "euclidean" (alias "l2"): sqrt(|x|^2 - 2 x.y + |y|^2) with GEMM, as
  /// scikit-learn (negative rounding clamped to 0); "sqeuclidean": sum of
  /// squared differences, direct; "manhattan" (aliases "cityblock", "l1"):
  /// sum of |x - y|; "cosine": 1 - cosine similarity, clipped to [0, 2];
  /// "chebyshev": max |x - y|; "minkowski": (sum |x - y|^p)^(1/p).
  std::string metric = "euclidean";
  double p = 2.0;  ///< Minkowski's order, > 0 (inf gives chebyshev).
  std::optional<int> n_jobs =
      std::nullopt;  ///< threads of the direct metrics (scikit-learn's convention); none: OpenMP's default
  /// Device::gpu computes euclidean, sqeuclidean, manhattan and cosine
  /// distances with scilearn::gpu (ValueError for the other metrics); equal to
  /// the CPU path to rounding, except sqeuclidean, which there uses the norm
  /// trick (absolute error about eps (|x|^2 + |y|^2)).
  Device device = Device::cpu;
};

/// Distances between the rows of X and those of Y (n_x x n_y).
/// Complexity: O(n_x n_y n_features) time, O(n_x n_y) memory.
[[nodiscard]] Matrix pairwise_distances(const MatrixView& X, const MatrixView& Y,
                                        const PairwiseDistancesOptions& options = {});
/// Distances between the rows of X (n_x x n_x, symmetric).
[[nodiscard]] Matrix pairwise_distances(const MatrixView& X, const PairwiseDistancesOptions& options = {});

/// Euclidean distances by the norm trick |x|^2 - 2 x.y + |y|^2 with one GEMM
/// (SYRK without Y), negative values from rounding clamped to 0, the diagonal
/// exactly 0 without Y; `squared` returns the squared distances. Like
/// scikit-learn's float64 path, points much closer to each other than to the
/// origin lose relative accuracy (about eps |x|^2 / d(x, y)^2); use
/// pairwise_distances with "minkowski" (p = 2) for direct differences.
[[nodiscard]] Matrix euclidean_distances(const MatrixView& X, const MatrixView& Y, bool squared = false);
/// Euclidean distances between the rows of X.
[[nodiscard]] Matrix euclidean_distances(const MatrixView& X, bool squared = false);

/// L1 distances sum |x - y|, computed directly.
[[nodiscard]] Matrix manhattan_distances(const MatrixView& X, const MatrixView& Y);
/// L1 distances between the rows of X.
[[nodiscard]] Matrix manhattan_distances(const MatrixView& X);

/// Cosine similarity x.y / (|x| |y|) with one GEMM on the row-normalized
/// inputs; a zero row has similarity 0 with everything (as scikit-learn's
/// `normalize`, which leaves zero rows at zero).
[[nodiscard]] Matrix cosine_similarity(const MatrixView& X, const MatrixView& Y);
/// Cosine similarity between the rows of X.
[[nodiscard]] Matrix cosine_similarity(const MatrixView& X);

/// 1 - cosine_similarity, clipped to [0, 2]; the diagonal exactly 0 without Y.
[[nodiscard]] Matrix cosine_distances(const MatrixView& X, const MatrixView& Y);
/// Cosine distances between the rows of X.
[[nodiscard]] Matrix cosine_distances(const MatrixView& X);

/// Euclidean distances that skip missing coordinates, scikit-learn's
/// `nan_euclidean_distances`: over the coordinates present in both rows,
/// sqrt(n_features / n_present * sum (x_k - y_k)^2); NaN when the rows share
/// no present coordinate. Missing means NaN (the default) or equal to
/// `missing_values`; with a numeric missing_values NaN is an error. Without Y
/// (or Y the very same matrix as X) the diagonal is exactly 0 (NaN for a row
/// with nothing present). Computed by the norm trick as scikit-learn: one GEMM
/// per block of rows over zero-filled data and presence masks, blocks in
/// parallel with OpenMP (one BLAS thread each, fixed blocks: results do not
/// depend on the thread count), with the same loss of relative accuracy for
/// points much closer to each other than to the origin as euclidean_distances.
/// Errors: ValueError for empty X or Y, Inf, different feature counts.
/// Complexity: O(n_x n_y n_features) time, O(n_x n_y) memory.
[[nodiscard]] Matrix nan_euclidean_distances(const MatrixView& X, const MatrixView& Y, bool squared = false,
                                             double missing_values = std::numeric_limits<double>::quiet_NaN());
/// nan_euclidean_distances between the rows of X.
[[nodiscard]] Matrix nan_euclidean_distances(const MatrixView& X, bool squared = false,
                                             double missing_values = std::numeric_limits<double>::quiet_NaN());

/// Options of pairwise_kernels (scikit-learn's names and defaults).
struct PairwiseKernelsOptions {
  /// "linear", "polynomial" (alias "poly"), "rbf", "laplacian", "sigmoid", "cosine".
  std::string metric = "linear";
  std::optional<double> gamma = std::nullopt;  ///< polynomial, rbf, laplacian, sigmoid; none: 1 / n_features
  double degree = 3.0;                         ///< polynomial
  double coef0 = 1.0;                          ///< polynomial, sigmoid
};

/// The kernel matrix between the rows of X and those of Y.
[[nodiscard]] Matrix pairwise_kernels(const MatrixView& X, const MatrixView& Y,
                                      const PairwiseKernelsOptions& options = {});
/// The kernel matrix between the rows of X.
[[nodiscard]] Matrix pairwise_kernels(const MatrixView& X, const PairwiseKernelsOptions& options = {});

/// The kernels themselves: pass X twice (the same matrix) for the kernel of
/// X with itself. gamma defaults to 1 / n_features.
/// x.y
[[nodiscard]] Matrix linear_kernel(const MatrixView& X, const MatrixView& Y);
/// (gamma x.y + coef0)^degree
[[nodiscard]] Matrix polynomial_kernel(const MatrixView& X, const MatrixView& Y, double degree = 3.0,
                                       std::optional<double> gamma = std::nullopt, double coef0 = 1.0);
/// exp(-gamma |x - y|^2), the squared distances as euclidean_distances (so
/// exactly 1 on the diagonal of X with itself).
[[nodiscard]] Matrix rbf_kernel(const MatrixView& X, const MatrixView& Y, std::optional<double> gamma = std::nullopt);
/// exp(-gamma |x - y|_1)
[[nodiscard]] Matrix laplacian_kernel(const MatrixView& X, const MatrixView& Y,
                                      std::optional<double> gamma = std::nullopt);
/// tanh(gamma x.y + coef0)
[[nodiscard]] Matrix sigmoid_kernel(const MatrixView& X, const MatrixView& Y,
                                    std::optional<double> gamma = std::nullopt, double coef0 = 1.0);

}  // namespace scilearn::learn
