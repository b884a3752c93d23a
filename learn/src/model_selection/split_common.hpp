#pragma once
// What the splitters share (private to the library): input checks, label
// encoding, and turning a fold-per-sample assignment into (train, test) pairs.

#include <scilearn/core/random.hpp>
#include <scilearn/learn/model_selection/split.hpp>
#include <string_view>
#include <vector>

namespace scilearn::learn::detail {

/// Throws ValueError when n_samples < 0.
void check_n_samples(std::string_view where, Index n_samples);

/// Checks that y and groups, where given (non-empty), have n_samples entries:
/// every splitter does, even those that ignore them (scikit-learn's `indexable`).
void check_lengths(std::string_view where, Index n_samples, const Eigen::Ref<const Vector>& y,
                   const Eigen::Ref<const Vector>& groups);

/// Checks the labels a splitter needs: given (non-empty, else "<where>: the
/// '<name>' parameter is required"), one per sample, finite.
void check_labels(std::string_view where, std::string_view name, const Eigen::Ref<const Vector>& labels,
                  Index n_samples);

/// The distinct values of `labels` in increasing order and, for each sample,
/// the position of its value among them (NumPy's unique with return_inverse).
struct EncodedLabels {
  std::vector<double> values;  ///< distinct labels, increasing
  std::vector<Index> code;     ///< code[i]: index of labels[i] in values
  std::vector<Index> counts;   ///< counts[c]: samples with label values[c]
};
[[nodiscard]] EncodedLabels encode_labels(const Eigen::Ref<const Vector>& labels);

/// The splits of an assignment of samples to folds: fold f tests the samples
/// with fold_of[i] == f and trains on the others, both in increasing order.
/// Entries outside [0, n_folds) are in no test set (PredefinedSplit's -1).
/// Appends n_folds splits to `out`. Complexity: O(n * n_folds).
void append_fold_splits(const std::vector<Index>& fold_of, Index n_folds, std::vector<TrainTestIndices>& out);

/// The validation of KFold-like splitters' constructors: n_splits >= 2, and no
/// random_state without shuffle.
void check_kfold_params(std::string_view name, Index n_splits, bool shuffle, bool has_random_state);

/// Fold of each sample for KFold (rng: shuffle the order first; null: don't).
[[nodiscard]] std::vector<Index> kfold_assignment(Index n_samples, Index n_splits, Generator* rng);

/// Fold of each sample for StratifiedKFold, after its checks on y; warns (if
/// warn_small_class) when a class has fewer than n_splits members.
[[nodiscard]] std::vector<Index> stratified_kfold_assignment(std::string_view where, const Eigen::Ref<const Vector>& y,
                                                             Index n_splits, Generator* rng,
                                                             bool warn_small_class = true);

/// One split of StratifiedShuffleSplit with the given sizes.
/// Checks y, its classes and the sizes against the classes.
class StratifiedSampler {
 public:
  /// `name`: what y is called in messages ("y", "stratify").
  StratifiedSampler(std::string_view where, std::string_view name, const Eigen::Ref<const Vector>& y, Index n_samples,
                    Index n_train, Index n_test);
  /// One split: per-class counts by approximate_mode, members at random, both
  /// sets shuffled.
  [[nodiscard]] TrainTestIndices draw(Generator& rng) const;

 private:
  Index n_train_, n_test_;
  std::vector<Index> counts_;                      // samples per class, classes in increasing label order
  std::vector<std::vector<Index>> class_members_;  // the samples of each class, increasing
};

/// scikit-learn's `_approximate_mode`: how many of n_draws to take from each
/// class of `counts` (a near-mode of the multivariate hypergeometric): floor of
/// each class's share, then one more for the classes with the largest
/// fractional parts, ties broken at random. Sums to n_draws.
[[nodiscard]] std::vector<Index> approximate_mode(const std::vector<Index>& counts, Index n_draws, Generator& rng);

}  // namespace scilearn::learn::detail
