#pragma once
/// \file
/// scikit-learn's sample generators (`sklearn.datasets.make_*`): random data
/// sets with known structure for trying and testing estimators.
///
///     auto [X, y, info] = scilearn::learn::make_classification({.n_samples = 500, .random_state = 0});
///     auto blobs = scilearn::learn::make_blobs({.n_samples = 300, .centers = Index{4}, .random_state = 1});
///
/// Each follows scikit-learn's algorithm and parameters (names, defaults,
/// checks); the random numbers come from scilearn::Generator, not NumPy, so the
/// samples differ from scikit-learn's for the same seed while having the same
/// distribution. `random_state`: a seed gives the same output on every run and
/// platform (normals bitwise on the same C library, see core/random.hpp);
/// std::nullopt seeds from fresh entropy. Labels are doubles holding 0, 1, ...

#include <cstdint>
#include <optional>
#include <scilearn/core/types.hpp>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace scilearn::learn {

/// Samples with a label or target per row: moons, circles, Friedman #1.
struct Samples {
  Matrix X;  ///< n_samples x n_features
  Vector y;  ///< n_samples labels or targets
};

/// Options of make_classification (scikit-learn's names and defaults).
struct MakeClassificationOptions {
  Index n_samples = 100;           ///< >= 1
  Index n_features = 20;           ///< >= n_informative + n_redundant + n_repeated
  Index n_informative = 2;         ///< >= 1; the clusters sit on vertices of a hypercube of this dimension
  Index n_redundant = 2;           ///< >= 0; random linear combinations of the informative features
  Index n_repeated = 0;            ///< >= 0; copies of random informative or redundant features
  Index n_classes = 2;             ///< >= 1
  Index n_clusters_per_class = 2;  ///< >= 1; n_classes * n_clusters_per_class <= 2^n_informative
  /// Class proportions: n_classes values, or n_classes - 1 (the last is then
  /// 1 - their sum); empty: balanced classes.
  std::vector<double> weights{};
  double flip_y = 0.01;    ///< fraction of labels replaced by random ones, in [0, 1]
  double class_sep = 1.0;  ///< > 0; half the hypercube's side
  bool hypercube = true;   ///< false: the vertices are moved off the hypercube at random
  /// Added to every feature (a scalar) or to each (n_features values);
  /// nullopt (scikit-learn's None): drawn uniformly in [-class_sep, class_sep] per feature.
  std::optional<std::variant<double, Vector>> shift = 0.0;
  /// Multiplies every feature (a scalar > 0) or each, after the shift; nullopt:
  /// drawn uniformly in [1, 101] per feature.
  std::optional<std::variant<double, Vector>> scale = 1.0;
  bool shuffle = true;                                       ///< shuffle the samples and the features
  std::optional<std::uint64_t> random_state = std::nullopt;  ///< seed; nullopt: fresh entropy
};

/// A classification data set.
struct ClassificationSamples {
  Matrix X;                               ///< n_samples x n_features
  Vector y;                               ///< class labels 0 .. n_classes - 1
  std::vector<std::string> feature_info;  ///< per column: "informative", "redundant", "repeated" or "random"
};

/// A random n-class classification problem (Guyon 2003, the generator of the
/// NIPS 2003 feature-selection challenge's Madelon data set). Each class is made
/// of n_clusters_per_class Gaussian clusters, each centred on a distinct vertex
/// of a hypercube of side 2 * class_sep in the n_informative-dimensional
/// subspace and given a random covariance (standard normals times a matrix of
/// uniforms in [-1, 1]). Samples are split among the clusters by the class
/// weights (int(n_samples * w / n_clusters_per_class) each, the remainder one by
/// one in cluster order). Then come n_redundant random linear combinations of
/// the informative features, n_repeated copies, and standard normal noise
/// features; a fraction flip_y of the labels is redrawn at random; the features
/// are shifted and scaled; and, with shuffle, the rows and the columns are
/// permuted (feature_info tells which column is which).
/// Throws: ValueError (naming make_classification and the numbers) for a count
/// out of range, n_informative + n_redundant + n_repeated > n_features,
/// n_classes * n_clusters_per_class > 2^n_informative, weights of the wrong
/// length, negative or giving more samples than n_samples, flip_y outside
/// [0, 1], class_sep <= 0, a shift or scale vector not of length n_features, a
/// scale <= 0.
/// Complexity: O(n_samples * (n_features + n_informative^2)).
[[nodiscard]] ClassificationSamples make_classification(const MakeClassificationOptions& options = {});

/// Options of make_regression (scikit-learn's names and defaults).
struct MakeRegressionOptions {
  Index n_samples = 100;     ///< >= 1
  Index n_features = 100;    ///< >= 1
  Index n_informative = 10;  ///< >= 0; features with a non-zero coefficient (at most n_features are)
  Index n_targets = 1;       ///< >= 1
  double bias = 0.0;         ///< added to every target
  std::optional<Index> effective_rank =
      std::nullopt;            ///< nullopt: X standard normal; else X = make_low_rank_matrix(...)
  double tail_strength = 0.5;  ///< in [0, 1]; with effective_rank, see make_low_rank_matrix
  double noise = 0.0;          ///< >= 0; standard deviation of Gaussian noise added to y
  bool shuffle = true;         ///< shuffle the samples and the features
  bool coef = false;           ///< also return the ground-truth coefficients
  std::optional<std::uint64_t> random_state = std::nullopt;  ///< seed; nullopt: fresh entropy
};

/// A regression data set. scikit-learn returns y 1-D for one target and 2-D
/// for several; here `y` holds the one target and `Y` several.
struct RegressionSamples {
  Matrix X;     ///< n_samples x n_features
  Vector y;     ///< n_targets == 1: the target; empty otherwise
  Matrix Y;     ///< n_targets > 1: n_samples x n_targets; empty otherwise
  Matrix coef;  ///< with options.coef: n_features x n_targets ground truth (y = X coef + bias + noise); empty otherwise
};

/// A random linear regression problem: X standard normal (or a low-rank matrix
/// with a fat singular-value tail), coefficients 100 * uniform[0, 1) on
/// n_informative features and 0 on the others, y = X coef + bias + noise *
/// N(0, 1); with shuffle the rows and the features are permuted (coef follows).
/// Throws: ValueError for counts < their minimum, effective_rank < 1,
/// tail_strength outside [0, 1], noise < 0 or a non-finite bias.
/// Complexity: O(n_samples * n_features * n_targets), plus
/// make_low_rank_matrix's with effective_rank.
[[nodiscard]] RegressionSamples make_regression(const MakeRegressionOptions& options = {});

/// Options of make_blobs (scikit-learn's names and defaults).
struct MakeBlobsOptions {
  /// The total (split evenly, the first clusters getting one more), or one
  /// count per cluster.
  std::variant<Index, std::vector<Index>> n_samples = Index{100};
  Index n_features = 2;  ///< >= 1; ignored when centers are given
  /// The number of clusters (drawn uniformly in center_box), or their centres
  /// (one per row); std::monostate (the default): 3 clusters, or one per entry
  /// of a per-cluster n_samples.
  std::variant<std::monostate, Index, Matrix> centers{};
  std::variant<double, Vector> cluster_std = 1.0;            ///< >= 0; one for all clusters or one per cluster
  std::pair<double, double> center_box{-10.0, 10.0};         ///< bounds of the random centres
  bool shuffle = true;                                       ///< shuffle the samples
  std::optional<std::uint64_t> random_state = std::nullopt;  ///< seed; nullopt: fresh entropy
};

/// Isotropic Gaussian blobs.
struct BlobSamples {
  Matrix X;        ///< n_samples x n_features
  Vector y;        ///< cluster index 0 .. n_centers - 1 of each sample
  Matrix centers;  ///< n_centers x n_features (scikit-learn's return_centers)
};

/// Isotropic Gaussian blobs for clustering: cluster k gets its samples from
/// N(centers.row(k), cluster_std[k]^2 I).
/// Throws: ValueError for n_samples or a count < 0 (< 1 for the total and
/// n_features), no cluster, given centres that are empty or not finite, a
/// per-cluster n_samples or cluster_std whose length differs from the number of
/// centres, cluster_std < 0, or center_box with low > high.
/// Complexity: O(n_samples * n_features).
[[nodiscard]] BlobSamples make_blobs(const MakeBlobsOptions& options = {});

/// Options of make_moons (scikit-learn's names and defaults).
struct MakeMoonsOptions {
  /// The total (the lower moon gets the extra one of an odd total), or the
  /// counts (upper, lower).
  std::variant<Index, std::pair<Index, Index>> n_samples = Index{100};
  bool shuffle = true;                         ///< shuffle the samples
  std::optional<double> noise = std::nullopt;  ///< standard deviation of Gaussian noise added to X; nullopt: none
  std::optional<std::uint64_t> random_state = std::nullopt;  ///< seed; nullopt: fresh entropy
};

/// Two interleaving half circles: label 0 at (cos t, sin t), label 1 at
/// (1 - cos t, 1/2 - sin t), t evenly spaced on [0, pi] (both ends included),
/// plus noise.
/// Throws: ValueError for a total < 1, a count < 0, or noise < 0 / not finite.
/// Complexity: O(n_samples).
[[nodiscard]] Samples make_moons(const MakeMoonsOptions& options = {});

/// Options of make_circles (scikit-learn's names and defaults).
struct MakeCirclesOptions {
  /// The total (the inner circle gets the extra one of an odd total), or the
  /// counts (outer, inner).
  std::variant<Index, std::pair<Index, Index>> n_samples = Index{100};
  bool shuffle = true;                         ///< shuffle the samples
  std::optional<double> noise = std::nullopt;  ///< standard deviation of Gaussian noise added to X; nullopt: none
  double factor = 0.8;                         ///< inner radius over outer radius, in [0, 1)
  std::optional<std::uint64_t> random_state = std::nullopt;  ///< seed; nullopt: fresh entropy
};

/// Two concentric circles: label 0 on the unit circle, label 1 on the circle of
/// radius factor, at angles 2 pi k / count (k = 0 .. count - 1), plus noise.
/// Throws: ValueError for a count < 0, factor outside [0, 1), or noise < 0 /
/// not finite. Complexity: O(n_samples).
[[nodiscard]] Samples make_circles(const MakeCirclesOptions& options = {});

/// Options of make_friedman1 (scikit-learn's names and defaults).
struct MakeFriedman1Options {
  Index n_samples = 100;                                     ///< >= 1
  Index n_features = 10;                                     ///< >= 5; only the first five enter y
  double noise = 0.0;                                        ///< >= 0; standard deviation of Gaussian noise added to y
  std::optional<std::uint64_t> random_state = std::nullopt;  ///< seed; nullopt: fresh entropy
};

/// Friedman's regression problem #1 (Friedman 1991; Breiman 1996): X uniform
/// on [0, 1)^n_features and y = 10 sin(pi x0 x1) + 20 (x2 - 1/2)^2 + 10 x3 +
/// 5 x4 + noise * N(0, 1).
/// Throws: ValueError for n_samples < 1, n_features < 5 or noise < 0 / not finite.
/// Complexity: O(n_samples * n_features).
[[nodiscard]] Samples make_friedman1(const MakeFriedman1Options& options = {});

/// Options of make_low_rank_matrix (scikit-learn's names and defaults).
struct MakeLowRankMatrixOptions {
  Index n_samples = 100;       ///< >= 1
  Index n_features = 100;      ///< >= 1
  Index effective_rank = 10;   ///< >= 1; about how many singular values carry the bell-shaped part
  double tail_strength = 0.5;  ///< in [0, 1]: the weight of the slowly decaying tail
  std::optional<std::uint64_t> random_state = std::nullopt;  ///< seed; nullopt: fresh entropy
};

/// A matrix U diag(s) V^T with random orthonormal U (n_samples x n) and V
/// (n_features x n), n = min(n_samples, n_features) (Q factors of Gaussian
/// matrices), and singular values s_i = (1 - tail_strength) exp(-(i /
/// effective_rank)^2) + tail_strength exp(-0.1 i / effective_rank), i = 0 .. n - 1.
/// Throws: ValueError for a count < 1 or tail_strength outside [0, 1].
/// Complexity: O(n_samples * n_features * n).
[[nodiscard]] Matrix make_low_rank_matrix(const MakeLowRankMatrixOptions& options = {});

/// A random symmetric positive definite n_dim x n_dim matrix, as scikit-learn
/// builds it: with A uniform on [0, 1)^(n x n) and A^T A = U diag(.) U^T, the
/// matrix U (J + diag(d)) U^T where d is uniform on [0, 1)^n and J is the
/// all-ones matrix (scikit-learn adds 1 to every entry of diag(d), not only the
/// diagonal). Exactly symmetric; its eigenvalues are at least min(d).
/// Throws: ValueError for n_dim < 1. Complexity: O(n_dim^3).
[[nodiscard]] Matrix make_spd_matrix(Index n_dim, std::optional<std::uint64_t> random_state = std::nullopt);

}  // namespace scilearn::learn
