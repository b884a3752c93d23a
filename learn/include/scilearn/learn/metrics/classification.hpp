#pragma once
/// \file
/// Classification metrics with scikit-learn's names, defaults and results
/// (sklearn.metrics, version 1.9): accuracy, balanced accuracy, precision /
/// recall / F-scores, the confusion matrix, the classification report,
/// Matthews' correlation, Cohen's kappa, and the zero-one, hinge, log and
/// Brier losses.
///
/// Labels are Vectors of doubles holding integer label values (any integers,
/// such as {-1, 3, 7}), one per sample. As in scikit-learn, a problem is
/// binary when y_true and y_pred together hold at most two distinct labels,
/// multiclass otherwise, and classes are ordered by value. Scores and
/// probabilities of a multiclass problem are n_samples x n_classes matrices
/// whose columns follow the sorted labels; those of a binary problem are one
/// column (a Vector binds to the MatrixView parameters) for the greater label.
///
/// Every function takes an optional `sample_weight` (an empty Vector means no
/// weights: one finite, non-negative weight per sample with a positive sum).
///
/// Errors: ValueError (scilearn/core/errors.hpp), naming the function and the
/// numbers, for empty input, inconsistent lengths, labels that are not finite
/// integers, NaN / Inf scores or probabilities, and options that do not fit
/// the problem. Ill-defined values (a precision with no predicted sample, ...)
/// go through the library's warning channel (scilearn/core/warnings.hpp) with
/// scikit-learn's UndefinedMetricWarning text (category `user`), as
/// scikit-learn warns.

#include <limits>
#include <optional>
#include <scilearn/learn/validation.hpp>
#include <string>
#include <vector>

namespace scilearn::learn {

/// scikit-learn's `average`: how per-class scores become one number.
enum class Average {
  binary,    ///< the score of the class pos_label only (binary problems)
  micro,     ///< counts summed over the classes, then the score
  macro,     ///< unweighted mean of the per-class scores
  weighted,  ///< mean of the per-class scores weighted by their support
  none,      ///< no averaging: one score per class (scikit-learn's None)
};

/// scikit-learn's `zero_division`: the value of a score whose denominator is 0.
enum class ZeroDivision {
  warn,  ///< 0, with an UndefinedMetricWarning ("warn", the default)
  zero,  ///< 0, silently
  one,   ///< 1, silently
  nan,   ///< NaN, silently; NaN scores are left out of the averages
};

/// The fraction (normalize, the default) or the weighted count of samples
/// whose prediction equals the truth (sklearn.metrics.accuracy_score).
/// Complexity: O(n).
[[nodiscard]] double accuracy_score(const VectorView& y_true, const VectorView& y_pred, bool normalize = true,
                                    const VectorView& sample_weight = Vector());

/// 1 - accuracy_score (normalize), or the weighted count of misclassified
/// samples (sklearn.metrics.zero_one_loss). Complexity: O(n).
[[nodiscard]] double zero_one_loss(const VectorView& y_true, const VectorView& y_pred, bool normalize = true,
                                   const VectorView& sample_weight = Vector());

/// The mean over the classes present in y_true of their recall
/// (sklearn.metrics.balanced_accuracy_score); `adjusted` rescales it so that
/// chance scores 0 and perfect 1. Classes only predicted are left out with a
/// warning ("y_pred contains classes not in y_true"). Complexity: O(n log k).
[[nodiscard]] double balanced_accuracy_score(const VectorView& y_true, const VectorView& y_pred,
                                             const VectorView& sample_weight = Vector(), bool adjusted = false);

/// What the per-class scores are computed on and how they are combined
/// (the keyword arguments of sklearn.metrics.precision_score and kin).
struct ScoreOptions {
  /// The classes to score, in this order (empty: every label of y_true and
  /// y_pred, sorted). Labels absent from the data score with zero counts.
  Vector labels{};
  /// The positive class when average is binary.
  double pos_label = 1.0;
  /// How the per-class scores are combined; binary needs a binary problem.
  Average average = Average::binary;
  /// The value of a score whose denominator is 0.
  ZeroDivision zero_division = ZeroDivision::warn;
};

/// tp / (tp + fp) (sklearn.metrics.precision_score).
/// Throws: ValueError as the file says, for average binary on a multiclass
/// problem or a pos_label not among two present labels, and for average none
/// (use precision_recall_fscore_support for per-class scores).
/// Complexity: O(n log k) for k classes.
[[nodiscard]] double precision_score(const VectorView& y_true, const VectorView& y_pred,
                                     const ScoreOptions& options = {}, const VectorView& sample_weight = Vector());

/// tp / (tp + fn) (sklearn.metrics.recall_score); as precision_score.
[[nodiscard]] double recall_score(const VectorView& y_true, const VectorView& y_pred, const ScoreOptions& options = {},
                                  const VectorView& sample_weight = Vector());

/// The harmonic mean of precision and recall, 2 tp / (2 tp + fp + fn)
/// (sklearn.metrics.f1_score); as precision_score.
[[nodiscard]] double f1_score(const VectorView& y_true, const VectorView& y_pred, const ScoreOptions& options = {},
                              const VectorView& sample_weight = Vector());

/// (1 + beta^2) tp / ((1 + beta^2) tp + beta^2 fn + fp)
/// (sklearn.metrics.fbeta_score): beta = 0 gives the precision, beta = inf
/// the recall. Throws ValueError for beta < 0 or NaN; otherwise as
/// precision_score.
[[nodiscard]] double fbeta_score(const VectorView& y_true, const VectorView& y_pred, double beta,
                                 const ScoreOptions& options = {}, const VectorView& sample_weight = Vector());

/// The options of precision_recall_fscore_support: ScoreOptions plus beta,
/// and no averaging by default, as in scikit-learn.
struct PrecisionRecallFscoreOptions {
  double beta = 1.0;                                ///< weight of recall in the F-score
  Vector labels{};                                  ///< as ScoreOptions::labels
  double pos_label = 1.0;                           ///< as ScoreOptions::pos_label
  Average average = Average::none;                  ///< scikit-learn's default is None
  ZeroDivision zero_division = ZeroDivision::warn;  ///< as ScoreOptions::zero_division
};

/// What precision_recall_fscore_support returns: with average none, one entry
/// per class (in the order of labels) and the support (the weighted count of
/// true samples of each class); otherwise one entry each and an empty support
/// (scikit-learn's None).
struct PrecisionRecallFscoreSupport {
  Vector precision{};
  Vector recall{};
  Vector fbeta_score{};
  Vector support{};
};

/// Precision, recall, F-beta score and support
/// (sklearn.metrics.precision_recall_fscore_support). Throws as
/// precision_score (average none is allowed here). Complexity: O(n log k).
[[nodiscard]] PrecisionRecallFscoreSupport precision_recall_fscore_support(
    const VectorView& y_true, const VectorView& y_pred, const PrecisionRecallFscoreOptions& options = {},
    const VectorView& sample_weight = Vector());

/// How confusion_matrix normalizes its counts.
enum class ConfusionNormalize {
  none,   ///< weighted counts
  true_,  ///< rows sum to 1 ("true")
  pred,   ///< columns sum to 1 ("pred")
  all,    ///< the whole matrix sums to 1 ("all")
};

/// The options of confusion_matrix.
struct ConfusionMatrixOptions {
  /// The classes, in this order (empty: every label of y_true and y_pred,
  /// sorted). Samples whose truth or prediction is not among them are left out.
  Vector labels{};
  ConfusionNormalize normalize = ConfusionNormalize::none;
};

/// C(i, j): the weighted count of samples of true class labels[i] predicted
/// as labels[j] (sklearn.metrics.confusion_matrix); rows or columns that sum
/// to 0 normalize to 0. Warns when the matrix is 1 x 1, as scikit-learn.
/// Throws: ValueError as the file says, and when no label of `labels` occurs
/// in y_true. Complexity: O(n log k + k^2).
[[nodiscard]] Matrix confusion_matrix(const VectorView& y_true, const VectorView& y_pred,
                                      const ConfusionMatrixOptions& options = {},
                                      const VectorView& sample_weight = Vector());

/// One row of a classification report.
struct ClassificationReportRow {
  std::string name;  ///< the class's target name, or "accuracy" / "macro avg" / "weighted avg"
  double precision;  ///< on the accuracy row, all three scores hold the accuracy
  double recall;
  double f1_score;
  double support;  ///< the weighted count of true samples (the sum of the classes' on average rows)
};

/// The options of classification_report.
struct ClassificationReportOptions {
  Vector labels{};                                  ///< the classes reported (empty: all, sorted)
  std::vector<std::string> target_names{};          ///< display names (empty: the labels as integers)
  int digits = 2;                                   ///< digits of the printed values
  ZeroDivision zero_division = ZeroDivision::warn;  ///< as ScoreOptions::zero_division
};

/// The classification report in structured form (scikit-learn's
/// output_dict=True): one row per class, then the average rows in
/// scikit-learn's order: "accuracy" (when every present label is reported;
/// else "micro avg"), "macro avg", "weighted avg".
struct ClassificationReport {
  std::vector<ClassificationReportRow> classes;
  std::vector<ClassificationReportRow> averages;
  /// Whether sample weights were given: the printed support is then a float
  /// ("3.5"), as scikit-learn prints it, instead of an integer.
  bool weighted = false;
  /// The widest target name, which sets the first column's width of the text
  /// (scikit-learn measures every target name, reported or not).
  std::size_t name_width = 0;
  /// The report as sklearn.metrics.classification_report prints it, byte for
  /// byte (Python's float formatting of the support under sample weights).
  [[nodiscard]] std::string text(int digits = 2) const;
};

/// The precision, recall, F1 score and support of each class and their
/// averages (sklearn.metrics.classification_report). Throws ValueError when
/// target_names does not match the number of labels found (a mismatch with
/// explicit labels only warns, as scikit-learn), for digits < 0, and as
/// precision_score. Complexity: O(n log k).
[[nodiscard]] ClassificationReport classification_report_dict(const VectorView& y_true, const VectorView& y_pred,
                                                              const ClassificationReportOptions& options = {},
                                                              const VectorView& sample_weight = Vector());

/// The report as text, exactly as scikit-learn prints it (output_dict=False):
/// classification_report_dict(...).text(options.digits).
[[nodiscard]] std::string classification_report(const VectorView& y_true, const VectorView& y_pred,
                                                const ClassificationReportOptions& options = {},
                                                const VectorView& sample_weight = Vector());

/// Matthews' correlation coefficient, in its multiclass form (Gorodkin 2004)
/// (sklearn.metrics.matthews_corrcoef); 0 when it is undefined.
/// Complexity: O(n log k + k^2).
[[nodiscard]] double matthews_corrcoef(const VectorView& y_true, const VectorView& y_pred,
                                       const VectorView& sample_weight = Vector());

/// cohen_kappa_score's disagreement weights.
enum class KappaWeights {
  none,       ///< 0 on the diagonal, 1 elsewhere
  linear,     ///< |i - j|
  quadratic,  ///< (i - j)^2
};

/// The options of cohen_kappa_score.
struct CohenKappaOptions {
  Vector labels{};  ///< the classes (empty: all labels of y1 and y2, sorted)
  KappaWeights weights = KappaWeights::none;
  /// The value returned, with a warning, when kappa is undefined.
  double replace_undefined_by = std::numeric_limits<double>::quiet_NaN();
};

/// Cohen's kappa, the agreement of two annotators beyond chance
/// (sklearn.metrics.cohen_kappa_score). Throws ValueError when no label of
/// `labels` occurs in y1. Complexity: O(n log k + k^2).
[[nodiscard]] double cohen_kappa_score(const VectorView& y1, const VectorView& y2,
                                       const CohenKappaOptions& options = {},
                                       const VectorView& sample_weight = Vector());

/// The average hinge loss (sklearn.metrics.hinge_loss). Binary (at most two
/// labels in `labels`, or in y_true when labels is empty): pred_decision is
/// one column, the decision for the greater label, and the loss is
/// max(0, 1 - y pred_decision) with y = -1 / +1. Multiclass (Crammer & Singer
/// 2001): pred_decision has one column per label (sorted) and the margin is
/// the true class's decision minus the greatest other one.
/// Complexity: O(n k).
[[nodiscard]] double hinge_loss(const VectorView& y_true, const MatrixView& pred_decision,
                                const VectorView& labels = Vector(), const VectorView& sample_weight = Vector());

/// The options of log_loss.
struct LogLossOptions {
  bool normalize = true;  ///< the mean (true) or the weighted sum of the per-sample losses
  Vector labels{};        ///< the classes of y_proba's columns (empty: those of y_true)
};

/// The cross-entropy -sum_k [y = k] log p_k, averaged over the samples
/// (sklearn.metrics.log_loss, 1.9): probabilities are clipped to
/// [eps, 1 - eps] (eps = machine epsilon) and not renormalized; rows that do
/// not sum to 1 (relative tolerance sqrt(eps)) give a warning. y_proba is
/// n x k, or one column holding the probability of the greater of two labels.
/// Throws: ValueError for probabilities outside [0, 1] or not finite, a
/// column count that does not match the classes, a single class without
/// labels, and y_true values not in labels. Complexity: O(n k).
[[nodiscard]] double log_loss(const VectorView& y_true, const MatrixView& y_proba, const LogLossOptions& options = {},
                              const VectorView& sample_weight = Vector());

/// The options of brier_score_loss (scikit-learn 1.9's signature).
struct BrierScoreOptions {
  /// The positive class of a binary problem (one column of y_proba). Unset:
  /// 1 when y_true's labels are {0, 1}, {-1, 1} or one of them, else the
  /// greater label.
  std::optional<double> pos_label{};
  /// The classes of a multiclass y_proba's columns (empty: those of y_true).
  Vector labels{};
  /// Halve the score (unset: "auto", halve when y_proba has fewer than 3
  /// columns, so that binary scores stay in [0, 1]).
  std::optional<bool> scale_by_half{};
};

/// The mean squared difference between the predicted probabilities and the
/// one-hot truth, summed over the classes (sklearn.metrics.brier_score_loss).
/// Throws as log_loss, and for a one-column y_proba when y_true is not binary.
/// Complexity: O(n k).
[[nodiscard]] double brier_score_loss(const VectorView& y_true, const MatrixView& y_proba,
                                      const BrierScoreOptions& options = {},
                                      const VectorView& sample_weight = Vector());

}  // namespace scilearn::learn
