#pragma once
/// \file
/// Ranking metrics with scikit-learn's names, defaults and results
/// (sklearn.metrics, version 1.9): ROC and precision-recall curves, the area
/// under the ROC curve, average precision, and top-k accuracy.
///
/// Conventions as in classification.hpp: labels are Vectors of doubles holding
/// integer label values; a binary problem's scores are one Vector (or one
/// column) for the positive class, a multiclass problem's an n_samples x
/// n_classes matrix whose columns follow the sorted labels; `sample_weight`
/// is optional (an empty Vector means none). Scores must be finite.
///
/// The curves sort the scores once, in O(n log n) (an LSD radix sort on the
/// doubles' bits for large inputs, std::stable_sort below a few thousand), and
/// sweep the thresholds in one pass; roc_auc_score does not build the curve
/// unless max_fpr asks for it.

#include <optional>
#include <scilearn/learn/metrics/classification.hpp>
#include <scilearn/learn/validation.hpp>

namespace scilearn::learn {

/// The ROC curve: false and true positive rates at decreasing thresholds;
/// thresholds[0] is +inf (no sample predicted positive), as in scikit-learn
/// 1.9, so fpr[0] = tpr[0] = 0.
struct RocCurve {
  Vector fpr{};
  Vector tpr{};
  Vector thresholds{};
};

/// The options of roc_curve, precision_recall_curve and det_curve.
struct CurveOptions {
  /// The positive class. Unset: 1 when y_true's labels are {0, 1} or
  /// {-1, 1} (or one of those values alone); any other labels need it.
  std::optional<double> pos_label{};
  /// Drop thresholds that do not change the curve's shape. Unset: the
  /// function's own default (true for roc_curve, false for the others).
  std::optional<bool> drop_intermediate{};
};

/// The receiver operating characteristic (sklearn.metrics.roc_curve). The
/// rates are NaN, with a warning, when y_true has no negative (fpr) or no
/// positive (tpr) sample. Samples of weight 0 are left out.
/// Throws: ValueError for empty or inconsistent input, NaN / Inf scores, more
/// than two labels without pos_label, or labels other than {0, 1} / {-1, 1}
/// without pos_label. Complexity: O(n log n).
[[nodiscard]] RocCurve roc_curve(const VectorView& y_true, const VectorView& y_score, const CurveOptions& options = {},
                                 const VectorView& sample_weight = Vector());

/// The precision-recall curve at increasing thresholds; precision ends with 1
/// and recall with 0, which have no threshold (thresholds has one entry fewer).
struct PrecisionRecallCurve {
  Vector precision{};
  Vector recall{};
  Vector thresholds{};
};

/// The precision-recall pairs at every distinct score
/// (sklearn.metrics.precision_recall_curve; drop_intermediate defaults to
/// false). When y_true has no positive sample the recall is 1 with a
/// warning. Throws as roc_curve. Complexity: O(n log n).
[[nodiscard]] PrecisionRecallCurve precision_recall_curve(const VectorView& y_true, const VectorView& y_score,
                                                          const CurveOptions& options = {},
                                                          const VectorView& sample_weight = Vector());

/// The detection error tradeoff curve: false positive and false negative
/// rates at increasing thresholds (sklearn.metrics.det_curve; thresholds
/// where the miss rate is already 0, except the first, are cut).
struct DetCurve {
  Vector fpr{};
  Vector fnr{};
  Vector thresholds{};
};

/// sklearn.metrics.det_curve. Throws as roc_curve, and when y_true holds a
/// single class. Complexity: O(n log n).
[[nodiscard]] DetCurve det_curve(const VectorView& y_true, const VectorView& y_score, const CurveOptions& options = {},
                                 const VectorView& sample_weight = Vector());

/// The area under a curve by the trapezoidal rule (sklearn.metrics.auc); x
/// must be monotonic (increasing or decreasing). Throws: ValueError for fewer
/// than 2 points, different lengths, or x not monotonic. Complexity: O(n).
[[nodiscard]] double auc(const VectorView& x, const VectorView& y);

/// roc_auc_score's multiclass strategy.
enum class MultiClass {
  raise,  ///< multiclass input is an error (scikit-learn's default)
  ovr,    ///< one-vs-rest: each class against the others
  ovo,    ///< one-vs-one (Hand & Till 2001): each pair of classes
};

/// The options of roc_auc_score.
struct RocAucOptions {
  /// macro or weighted; ovr also micro and none (per-class scores are not
  /// returned by this function; use roc_auc_score_per_class). Ignored for
  /// binary problems.
  Average average = Average::macro;
  /// Standardized partial AUC up to this false positive rate (McClish 1989);
  /// binary problems only, in (0, 1].
  std::optional<double> max_fpr{};
  MultiClass multi_class = MultiClass::raise;
  /// The classes of y_score's columns for multiclass problems (sorted; empty:
  /// those of y_true).
  Vector labels{};
};

/// The area under the ROC curve (sklearn.metrics.roc_auc_score). Binary:
/// y_score is one column, the score of the greater label; a single class in
/// y_true gives NaN with a warning (scikit-learn 1.9 no longer raises).
/// Multiclass (more than two labels in y_true, or y_score with more than two
/// columns): y_score rows must be probabilities (summing to 1), with
/// multi_class ovr or ovo (ovo without sample weights).
/// Throws: ValueError for bad input, multi_class raise on a multiclass
/// problem, max_fpr outside (0, 1] or on a multiclass problem, a column count
/// that does not match the classes, average none (see roc_auc_score_per_class).
/// Complexity: O(n log n) binary, O(k n log n) ovr, O(k^2 n log n) ovo.
[[nodiscard]] double roc_auc_score(const VectorView& y_true, const MatrixView& y_score,
                                   const RocAucOptions& options = {}, const VectorView& sample_weight = Vector());

/// The one-vs-rest ROC AUC of each class (roc_auc_score with average=None and
/// multi_class="ovr"); options.average and multi_class are ignored.
[[nodiscard]] Vector roc_auc_score_per_class(const VectorView& y_true, const MatrixView& y_score,
                                             const RocAucOptions& options = {},
                                             const VectorView& sample_weight = Vector());

/// The options of average_precision_score.
struct AveragePrecisionOptions {
  /// micro, macro or weighted over one-vs-rest classes (multiclass only).
  Average average = Average::macro;
  /// The positive class of a binary problem (fixed to 1 for multiclass).
  double pos_label = 1.0;
};

/// The average precision, sum_n (R_n - R_{n-1}) P_n, without interpolation
/// (sklearn.metrics.average_precision_score). Binary: y_score is one column;
/// multiclass: one column per class present in y_true (sorted), averaged over
/// one-vs-rest problems. Throws: ValueError for a pos_label that is not one of
/// two present labels, pos_label other than 1 on a multiclass problem, a
/// column count that does not match, average binary or none.
/// Complexity: O(k n log n).
[[nodiscard]] double average_precision_score(const VectorView& y_true, const MatrixView& y_score,
                                             const AveragePrecisionOptions& options = {},
                                             const VectorView& sample_weight = Vector());

/// The options of top_k_accuracy_score.
struct TopKAccuracyOptions {
  int k = 2;              ///< how many of the best-scored classes count as hits
  bool normalize = true;  ///< the fraction (true) or the weighted count of hits
  Vector labels{};        ///< the classes of y_score's columns (sorted; empty: those of y_true)
};

/// The fraction of samples whose true class is among the k classes with the
/// greatest scores (sklearn.metrics.top_k_accuracy_score); ties are broken
/// as NumPy's stable argsort reversed does (the later column wins). Binary:
/// y_score is one column; with k = 1 a sample is predicted positive when its
/// score exceeds 0.5 (scores within [0, 1]) or 0. Warns when k >= n_classes.
/// Throws: ValueError for bad shapes, labels not sorted and unique, y_true
/// values not in labels. Complexity: O(n k_classes log k_classes).
[[nodiscard]] double top_k_accuracy_score(const VectorView& y_true, const MatrixView& y_score,
                                          const TopKAccuracyOptions& options = {},
                                          const VectorView& sample_weight = Vector());

}  // namespace scilearn::learn
