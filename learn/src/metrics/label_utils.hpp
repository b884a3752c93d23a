#pragma once
// What the classification and ranking metrics share: label checks and
// encodings, scikit-learn's weighted averages, its warning texts, and the
// descending sort of scores behind every curve. Private to scilearn::learn.

#include <cstdint>
#include <scilearn/learn/validation.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace scilearn::learn::detail {

/// Sorted distinct values.
using Labels = std::vector<double>;

/// Throws ValueError unless y is non-empty and holds finite integers
/// (scikit-learn rejects empty and continuous targets).
void check_labels(std::string_view where, std::string_view name, const VectorView& y);

/// check_labels on both, equal lengths, and check_sample_weight.
void check_targets(std::string_view where, const VectorView& y_true, const VectorView& y_pred,
                   const VectorView& sample_weight);

/// The sorted distinct values of y (and of y2).
[[nodiscard]] Labels unique_labels(const VectorView& y);
[[nodiscard]] Labels unique_labels(const VectorView& y, const VectorView& y2);
/// The sorted distinct values of a list that may be unsorted.
[[nodiscard]] Labels sorted_unique(Labels values);

/// The position of v in sorted, or -1.
[[nodiscard]] Index index_of(const Labels& sorted, double v);

/// The code of each entry of y among `sorted` (-1 when absent).
[[nodiscard]] std::vector<Index> encode(const Labels& sorted, const VectorView& y);

/// A label as Python prints an integer-valued float array's values cast to
/// int ("-1", "7"); other values as Python's repr of a float.
[[nodiscard]] std::string label_text(double v);
/// "[-1, 3, 7]".
[[nodiscard]] std::string labels_text(const Labels& labels);

/// Python's repr() of a float: the shortest digits that round-trip, fixed
/// notation for 1e-4 <= |v| < 1e16 ("3.0", "0.25"), else "1e+16" style.
[[nodiscard]] std::string python_float_repr(double v);

/// Raises scikit-learn's UndefinedMetricWarning (as a user warning).
void undefined_metric_warning(std::string message);

/// numpy.average(a, weights): sum(a w) / sum(w), or the mean when weights
/// is empty.
[[nodiscard]] double average(const std::vector<double>& a, const std::vector<double>& weights = {});

/// scikit-learn's _nanaverage: the average of the non-NaN entries (NaN when
/// all are NaN); with weights summing to 0 over them, their plain mean.
[[nodiscard]] double nan_average(const std::vector<double>& a, const std::vector<double>& weights = {});

/// Scores sorted from the greatest to the smallest, ties in input order
/// (NumPy's stable argsort, descending), with their labels and weights.
/// Scores are held as keys whose unsigned order is the scores' descending
/// order (-0.0 is 0.0), so that the sweeps read them sequentially.
struct SortedScores {
  std::vector<std::uint64_t> keys;
  std::vector<std::uint8_t> positive;  ///< 0 / 1
  std::vector<double> weight;          ///< empty: no weights
  /// The score of sorted position r.
  [[nodiscard]] double score(std::size_t r) const;
};

/// Sorts the samples of non-zero weight (all when sample_weight is empty) by
/// decreasing score: an LSD radix sort on the keys (six 11-bit passes) above
/// 4096 samples, std::stable_sort below. Inputs are trusted (checked by the
/// caller). Complexity: O(n) passes, O(n log n) below the radix threshold.
[[nodiscard]] SortedScores sort_scores(const std::vector<std::uint8_t>& positive, const double* score,
                                       const VectorView& sample_weight);

/// The confusion counts at every distinct score, from the greatest score
/// down (scikit-learn's confusion_matrix_at_thresholds): fps[i] / tps[i]
/// are the (weighted) negatives / positives with score >= thresholds[i].
struct ThresholdCounts {
  std::vector<double> fps;
  std::vector<double> tps;
  std::vector<double> thresholds;
};

/// The counts of sorted scores.
[[nodiscard]] ThresholdCounts threshold_counts(const SortedScores& sorted);

/// sort_scores then threshold_counts.
[[nodiscard]] ThresholdCounts threshold_counts(const std::vector<std::uint8_t>& positive, const double* score,
                                               const VectorView& sample_weight);

/// The positive class of a curve: pos_label if given; else 1 when the
/// labels of y_true are {0, 1}, {-1, 1}, {0}, {-1} or {1}; else ValueError
/// with scikit-learn's message.
[[nodiscard]] double curve_pos_label(std::string_view where, const Labels& classes, const double* pos_label);

}  // namespace scilearn::learn::detail
