#pragma once
/// \file
/// Clustering metrics, scikit-learn's `sklearn.metrics.cluster`.
///
/// Label-comparison scores (contingency matrix, mutual information and its
/// adjusted / normalized forms, Rand index, homogeneity / completeness /
/// V-measure, Fowlkes-Mallows) take two labelings of the same samples as
/// Vectors of label values: any values, compared for equality only, so
/// renaming the labels of either side never changes a score. Internal scores
/// (silhouette, Calinski-Harabasz, Davies-Bouldin) take the samples X
/// (n_samples x n_features) and one labeling.
///
/// Errors: ValueError (naming the function and the numbers) for labelings of
/// different lengths, NaN / Inf labels or samples, and the conditions listed
/// at each function. Empty labelings are accepted by the label-comparison
/// scores, with scikit-learn's values (1.0 for the normalized scores).

#include <cstdint>
#include <optional>
#include <scilearn/learn/validation.hpp>
#include <string>

namespace scilearn::learn {

/// Counts of samples in class i of labels_true and cluster j of labels_pred,
/// rows and columns in increasing order of the label values. Counts are
/// stored as doubles (exact below 2^53); `eps`, when given, is added to every
/// entry. Complexity: O(n log n + n_classes n_clusters).
[[nodiscard]] Matrix contingency_matrix(const VectorView& labels_true, const VectorView& labels_pred,
                                        std::optional<double> eps = std::nullopt);

/// The 2 x 2 pair confusion matrix: over ordered pairs of distinct samples,
/// [0][0] pairs apart in both labelings, [1][1] together in both, [0][1]
/// together only in labels_pred, [1][0] only in labels_true.
[[nodiscard]] Eigen::Matrix<std::int64_t, 2, 2> pair_confusion_matrix(const VectorView& labels_true,
                                                                      const VectorView& labels_pred);

/// Mutual information of the two labelings, in nats (natural logarithm).
/// Complexity: O(n log n).
[[nodiscard]] double mutual_info_score(const VectorView& labels_true, const VectorView& labels_pred);
/// Mutual information of a contingency matrix of non-negative counts.
[[nodiscard]] double mutual_info_score(const MatrixView& contingency);

/// How the normalized and adjusted mutual informations average the two
/// entropies (scikit-learn's `average_method`).
enum class AverageMethod { min, geometric, arithmetic, max };

/// (MI - E[MI]) / (mean(H_true, H_pred) - E[MI]), the expected mutual
/// information under the hypergeometric model of random labelings (Vinh,
/// Epps & Bailey 2010), summed term by term with log-gamma functions as
/// scikit-learn does. 1.0 when both labelings have one class (or none), 0.0
/// when only one of them does.
/// Complexity: O(n log n) plus, for every pair of a class of size a and a
/// cluster of size b, O(min(a, b)) log-gamma terms.
[[nodiscard]] double adjusted_mutual_info_score(const VectorView& labels_true, const VectorView& labels_pred,
                                                AverageMethod average_method = AverageMethod::arithmetic);

/// MI / mean(H_true, H_pred); 1.0 when both labelings have one class (or none),
/// 0.0 when MI is 0.
[[nodiscard]] double normalized_mutual_info_score(const VectorView& labels_true, const VectorView& labels_pred,
                                                  AverageMethod average_method = AverageMethod::arithmetic);

/// Rand index: the fraction of pairs on which the labelings agree.
[[nodiscard]] double rand_score(const VectorView& labels_true, const VectorView& labels_pred);

/// Rand index adjusted for chance (Hubert & Arabie 1985): 1.0 for identical
/// partitions, about 0 for random ones, down to -0.5.
[[nodiscard]] double adjusted_rand_score(const VectorView& labels_true, const VectorView& labels_pred);

/// Homogeneity, completeness and their weighted harmonic mean (Rosenberg &
/// Hirschberg 2007).
struct HomogeneityCompletenessVMeasure {
  double homogeneity;   ///< MI / H(labels_true), 1.0 when H(labels_true) = 0
  double completeness;  ///< MI / H(labels_pred), 1.0 when H(labels_pred) = 0
  double v_measure;     ///< (1 + beta) h c / (beta h + c), 0.0 when h + c = 0
};

/// All three at once. `beta` weighs completeness against homogeneity.
[[nodiscard]] HomogeneityCompletenessVMeasure homogeneity_completeness_v_measure(const VectorView& labels_true,
                                                                                 const VectorView& labels_pred,
                                                                                 double beta = 1.0);
/// Each cluster holds members of one class only.
[[nodiscard]] double homogeneity_score(const VectorView& labels_true, const VectorView& labels_pred);
/// Each class lies in one cluster only.
[[nodiscard]] double completeness_score(const VectorView& labels_true, const VectorView& labels_pred);
/// The V-measure (equals normalized_mutual_info_score with the arithmetic mean for beta = 1).
[[nodiscard]] double v_measure_score(const VectorView& labels_true, const VectorView& labels_pred, double beta = 1.0);

/// Geometric mean of pairwise precision and recall, TP / sqrt((TP + FP)(TP + FN)); 0.0 when TP = 0.
[[nodiscard]] double fowlkes_mallows_score(const VectorView& labels_true, const VectorView& labels_pred);

/// Options of silhouette_samples / silhouette_score.
struct SilhouetteOptions {
  /// A pairwise_distances metric ("euclidean" by default), or "precomputed":
  /// X is then the n x n distance matrix itself, with a zero diagonal
  /// (entries within 100 eps of 0).
  std::string metric = "euclidean";
  double p = 2.0;                                   ///< Minkowski's order
  std::optional<Index> sample_size = std::nullopt;  ///< silhouette_score only: score a random subset of this size
  std::optional<std::uint64_t> random_state =
      std::nullopt;  ///< seed of that subset (scilearn's Generator, not NumPy's)
};

/// Silhouette coefficient of each sample, (b - a) / max(a, b) with a the mean
/// distance to the other members of its cluster and b the smallest mean
/// distance to another cluster; 0 for members of single-sample clusters.
/// Requires 2 <= number of labels <= n_samples - 1.
/// Complexity: O(n^2 n_features) time; the distances are computed in blocks
/// of rows of at most 2^24 entries, so memory stays O(n) beyond that.
[[nodiscard]] Vector silhouette_samples(const MatrixView& X, const VectorView& labels,
                                        const SilhouetteOptions& options = {});

/// Mean of silhouette_samples, over all samples or, with sample_size, over a
/// random subset (its distances only).
[[nodiscard]] double silhouette_score(const MatrixView& X, const VectorView& labels,
                                      const SilhouetteOptions& options = {});

/// Variance ratio criterion: between-cluster over within-cluster dispersion,
/// times (n - k) / (k - 1); 1.0 when the within-cluster dispersion is 0.
/// Requires 2 <= k <= n - 1. Complexity: O(n n_features).
[[nodiscard]] double calinski_harabasz_score(const MatrixView& X, const VectorView& labels);

/// Mean over clusters of the largest (s_i + s_j) / d(c_i, c_j), s the mean
/// distance of a cluster's points to its centroid c; 0.0 when every s or
/// every centroid distance is within 1e-8 of 0 (as scikit-learn).
/// Requires 2 <= k <= n - 1. Complexity: O(n n_features + k^2 n_features).
[[nodiscard]] double davies_bouldin_score(const MatrixView& X, const VectorView& labels);

}  // namespace scilearn::learn
