#pragma once
/// \file
/// Univariate score functions for feature selection, as
/// sklearn.feature_selection's f_classif, f_regression, r_regression and chi2:
/// one score (and p-value) per feature, computed from that feature and the
/// target alone.

#include <functional>
#include <scilearn/learn/validation.hpp>

namespace scilearn::learn {

/// One score and one p-value per feature (scikit-learn's tuple
/// `(scores, pvalues)`). `pvalues` is empty where the function has none
/// (r_regression, or a user score function that gives none: scikit-learn's
/// `pvalues_ = None`).
struct FeatureScores {
  Vector scores;   ///< the test statistic of each feature
  Vector pvalues;  ///< its p-value, or empty
};

/// The one-way ANOVA F statistic of each feature with the samples grouped by
/// the class labels y (any values; each distinct value is a class), and its
/// p-value P(F(k - 1, n - k) > F) for k classes and n samples.
///
/// Class and grand means are computed in two passes (scikit-learn uses the
/// one-pass formula sum x^2 - (sum x)^2 / n), so a feature that is constant
/// within every class has a within-class mean square of exactly 0: its F is
/// inf and p 0 when its class means differ, NaN (p NaN) when the feature is
/// constant altogether, as scikit-learn's for exactly representable sums;
/// a UserWarning "Features [j ...] are constant." is raised then, as
/// scikit-learn does. One class (k = 1) or one sample per class (n = k) gives
/// NaN scores, as scikit-learn's.
///
/// Requires: X n x p, finite, not empty; y n finite labels.
/// Throws: ValueError on bad input.
/// Complexity: O(n p) (two passes over X, features in parallel) plus the
/// labels' sort.
[[nodiscard]] FeatureScores f_classif(const MatrixView& X, const VectorView& y);

/// Pearson's r of each feature with the target y (r_regression) and the
/// F statistic of the univariate linear regression, F = r^2 / (1 - r^2) dof
/// with dof = n - 2 (n - 1 when not `center`), with p-value P(F(1, dof) > F).
///
/// - `center`: center X and y (r is then the correlation coefficient);
///   without it, r = x.y / (|x| |y|) about 0.
/// - `force_finite`: a constant feature or target (r undefined: NaN) gets
///   r = 0, F = 0, p = 1; a perfectly (anti-)correlated feature (F = inf)
///   gets F = the largest double (p stays 0). Without it they stay NaN / inf.
///
/// Means are removed in two passes after shifting by the first value, so a
/// constant feature or target gives exactly 0 / 0 = NaN. (scikit-learn's
/// one-pass norm sqrt(sum x^2 - n mean^2) can leave rounding residue for a
/// constant other than 0, giving it a noise r or +-inf.)
///
/// Requires: X n x p, finite, not empty; y n finite values.
/// Throws: ValueError on bad input.
/// Complexity: O(n p), features in parallel.
[[nodiscard]] Vector r_regression(const MatrixView& X, const VectorView& y, bool center = true,
                                  bool force_finite = true);
/// \copydoc r_regression
[[nodiscard]] FeatureScores f_regression(const MatrixView& X, const VectorView& y, bool center = true,
                                         bool force_finite = true);

/// The chi-squared statistic of each non-negative feature (counts,
/// frequencies) against the classes of y: sum over classes of
/// (observed - expected)^2 / expected, with observed the feature's total in
/// the class and expected its total times the class's share of the samples;
/// p-value P(chi2(k - 1) > chi2) for k classes (two when y has one class, as
/// scikit-learn's label binarization gives). A feature that is 0 everywhere
/// has expected 0 and gets NaN, as scikit-learn's.
///
/// Requires: X n x p, finite, non-negative; y n finite labels.
/// Throws: ValueError on bad input, "chi2: Input X must be non-negative."
/// for a negative entry.
/// Complexity: O(n p).
[[nodiscard]] FeatureScores chi2(const MatrixView& X, const VectorView& y);

/// A user score function for SelectKBest / SelectPercentile: scores (and
/// optionally p-values) of the n_features_in features from X and y.
using ScoreFunction = std::function<FeatureScores(const MatrixView& X, const VectorView& y)>;

}  // namespace scilearn::learn
