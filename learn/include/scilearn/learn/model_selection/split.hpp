#pragma once
/// \file
/// Cross-validation splitters and train_test_split, the counterparts of
/// scikit-learn's `sklearn.model_selection` splitters (`KFold`,
/// `StratifiedKFold`, `GroupKFold`, `ShuffleSplit`, `StratifiedShuffleSplit`,
/// `TimeSeriesSplit`, `LeaveOneOut`, `LeavePOut`, `RepeatedKFold`,
/// `RepeatedStratifiedKFold`, `PredefinedSplit`) with scikit-learn's parameter
/// names and defaults.
///
/// A splitter sees only the number of samples and, where it needs them, the
/// class labels `y` and the group labels `groups` (label values held in a
/// Vector of doubles, any integers or other finite values). split() returns
/// every (train, test) pair at once as indices into the samples.
///
/// Deterministic splitters (KFold and StratifiedKFold without shuffling,
/// GroupKFold without shuffling, TimeSeriesSplit, LeaveOneOut, LeavePOut,
/// PredefinedSplit, train_test_split with shuffle = false) give exactly
/// scikit-learn 1.9's indices in scikit-learn's order. Shuffling splitters draw
/// from scilearn::Generator, not NumPy's streams, so their splits differ from
/// scikit-learn's for the same seed, but their sizes and per-class counts follow
/// the same rules. Seeding: with `random_state` set, every call of split()
/// starts a fresh Generator from that seed and so returns the same splits (as
/// an integer random_state does in scikit-learn); without it, every call draws
/// fresh entropy.
///
/// \code
///   using namespace scilearn::learn;
///   StratifiedKFold cv({.n_splits = 3, .shuffle = true, .random_state = 0});
///   for (const TrainTestIndices& fold : cv.split(y.size(), y)) {
///     Matrix X_train = take_rows(X, fold.train);
///     ...
///   }
///   auto [X_train, X_test, y_train, y_test] = train_test_split(X, y, {.test_size = 0.2, .random_state = 42});
/// \endcode

#include <concepts>
#include <cstdint>
#include <memory>
#include <optional>
#include <scilearn/core/types.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace scilearn::learn {

/// One split: the indices of the training samples and of the test samples.
/// Ensures (for every splitter here): the two sets are disjoint and within
/// [0, n_samples).
struct TrainTestIndices {
  std::vector<Index> train;  ///< indices of the training samples
  std::vector<Index> test;   ///< indices of the test samples
};

/// The integer types that count samples (any integer type but bool).
template <class T>
concept SampleCount = std::integral<T> && !std::same_as<T, bool>;

/// The size of a train or test set as scikit-learn takes it: a fraction of the
/// samples (a double, which must lie in (0, 1)) or a count (an integer, which
/// must lie in [1, n_samples)). Built implicitly from either, so options read
/// `{.test_size = 0.2}` or `{.test_size = 30}`; 1.0 is a fraction (and so
/// invalid), 1 a count, exactly as in scikit-learn.
class SplitSize {
 public:
  /// A fraction of the samples, checked when the size is used.
  SplitSize(double fraction) noexcept : fraction_(fraction), is_fraction_(true) {}  // NOLINT: implicit by design
  /// A number of samples, checked when the size is used.
  template <SampleCount Int>
  SplitSize(Int count) noexcept : count_(static_cast<Index>(count)), is_fraction_(false) {}  // NOLINT: implicit

  /// True when built from a double.
  [[nodiscard]] bool is_fraction() const noexcept { return is_fraction_; }
  /// The fraction (meaningful when is_fraction()).
  [[nodiscard]] double fraction() const noexcept { return fraction_; }
  /// The count (meaningful when !is_fraction()).
  [[nodiscard]] Index count() const noexcept { return count_; }

 private:
  double fraction_ = 0;
  Index count_ = 0;
  bool is_fraction_;
};

/// The train and test sizes that scikit-learn's `_validate_shuffle_split`
/// derives: a fraction test_size gives ceil(test_size * n_samples) test
/// samples, a fraction train_size floor(train_size * n_samples) training
/// samples (each product rounded once in double, as NumPy does); the size not
/// given is the rest; when neither is given, test_size = default_test_size.
struct ShuffleSplitSizes {
  Index n_train;  ///< number of training samples
  Index n_test;   ///< number of test samples
};

/// Checks test_size / train_size against n_samples and returns the sizes, as
/// scikit-learn's `_validate_shuffle_split`. `where` names the caller in
/// messages. Throws: ValueError when a fraction is outside (0, 1), a count
/// outside [1, n_samples), two fractions sum above 1, the sizes sum above
/// n_samples, or the training set would be empty.
[[nodiscard]] ShuffleSplitSizes validate_shuffle_split(std::string_view where, Index n_samples,
                                                       const std::optional<SplitSize>& test_size,
                                                       const std::optional<SplitSize>& train_size,
                                                       double default_test_size);

/// The interface of every cross-validation splitter, the counterpart of
/// scikit-learn's `BaseCrossValidator` (and of the shuffle and repeated
/// splitters, which share its methods). A splitter holds its parameters only;
/// split() is const and may be called from several threads at once.
class CrossValidator {
 public:
  virtual ~CrossValidator() = default;

  /// Every (train, test) split of n_samples samples, in scikit-learn's order.
  /// \param n_samples the number of samples (rows of X).
  /// \param y         class labels, one per sample, for the stratified
  ///                  splitters (ignored by the others); empty: not given.
  /// \param groups    group labels, one per sample, for GroupKFold (ignored by
  ///                  the others); empty: not given.
  /// Throws: ValueError when n_samples is too small for the splitter, when a
  /// splitter needs y or groups and they are empty, when their length is not
  /// n_samples, or when they hold NaN or infinity.
  [[nodiscard]] virtual std::vector<TrainTestIndices> split(
      Index n_samples, const Eigen::Ref<const Vector>& y = Vector(),
      const Eigen::Ref<const Vector>& groups = Vector()) const = 0;

  /// The number of splits split() returns, from the parameters alone
  /// (scikit-learn's `get_n_splits()` without data). Throws: ValueError for
  /// the splitters whose count depends on n_samples (LeaveOneOut, LeavePOut):
  /// use get_n_splits_for.
  [[nodiscard]] virtual Index get_n_splits() const = 0;

  /// The number of splits split(n_samples, ...) returns (scikit-learn's
  /// `get_n_splits(X)`); the default returns get_n_splits().
  [[nodiscard]] virtual Index get_n_splits_for(Index n_samples) const;

  /// A copy with the same parameters (scikit-learn's `clone`).
  [[nodiscard]] virtual std::unique_ptr<CrossValidator> clone() const = 0;

  /// The class name, e.g. "KFold".
  [[nodiscard]] virtual std::string name() const = 0;

 protected:
  /// \cond INTERNAL
  CrossValidator() = default;
  CrossValidator(const CrossValidator&) = default;
  CrossValidator& operator=(const CrossValidator&) = default;
  /// \endcond
};

/// K-fold: n_splits consecutive folds (the first n_samples % n_splits folds one
/// sample larger), each the test set once; shuffles the sample order first when
/// `shuffle`. Test indices are in increasing order.
/// Throws (constructor): ValueError when n_splits < 2, or random_state is set
/// without shuffle. split() throws ValueError when n_splits > n_samples.
/// Complexity: O(n_samples * n_splits) for the output.
class KFold final : public CrossValidator {
 public:
  /// scikit-learn's parameters and defaults.
  struct Params {
    Index n_splits = 5;                                        ///< number of folds, >= 2
    bool shuffle = false;                                      ///< shuffle the samples before folding
    std::optional<std::uint64_t> random_state = std::nullopt;  ///< seed of the shuffle (only with shuffle)
  };
  /// With scikit-learn's defaults. (A default argument `Params params = {}`
  /// cannot use the member initializers of a nested struct before the class is complete.)
  KFold() : KFold(Params{}) {}
  /// With the given parameters; checks them.
  explicit KFold(Params params);
  [[nodiscard]] std::vector<TrainTestIndices> split(Index n_samples, const Eigen::Ref<const Vector>& y = Vector(),
                                                    const Eigen::Ref<const Vector>& groups = Vector()) const override;
  [[nodiscard]] Index get_n_splits() const override { return params_.n_splits; }
  [[nodiscard]] std::unique_ptr<CrossValidator> clone() const override { return std::make_unique<KFold>(*this); }
  [[nodiscard]] std::string name() const override { return "KFold"; }
  /// The parameters.
  [[nodiscard]] const Params& params() const noexcept { return params_; }

 private:
  Params params_;
};

/// Stratified k-fold: folds that keep each class's share, by scikit-learn's
/// allocation (classes in order of first appearance, their members dealt to
/// the folds round robin over the class-sorted labels, then assigned in blocks
/// in sample order, or in shuffled blocks when `shuffle`). Needs y (integer
/// valued labels: binary or multiclass).
/// Throws: as KFold; split() also throws ValueError when y is missing, not
/// integer valued, or when every class has fewer than n_splits members, and
/// warns (WarningCategory::user) when the least populated class has fewer.
/// Complexity: O(n_samples * n_splits + n_samples log n_samples).
class StratifiedKFold final : public CrossValidator {
 public:
  /// scikit-learn's parameters and defaults.
  struct Params {
    Index n_splits = 5;                                        ///< number of folds, >= 2
    bool shuffle = false;                                      ///< shuffle within each class
    std::optional<std::uint64_t> random_state = std::nullopt;  ///< seed of the shuffle (only with shuffle)
  };
  /// With scikit-learn's defaults. (A default argument `Params params = {}`
  /// cannot use the member initializers of a nested struct before the class is complete.)
  StratifiedKFold() : StratifiedKFold(Params{}) {}
  /// With the given parameters; checks them.
  explicit StratifiedKFold(Params params);
  [[nodiscard]] std::vector<TrainTestIndices> split(Index n_samples, const Eigen::Ref<const Vector>& y = Vector(),
                                                    const Eigen::Ref<const Vector>& groups = Vector()) const override;
  [[nodiscard]] Index get_n_splits() const override { return params_.n_splits; }
  [[nodiscard]] std::unique_ptr<CrossValidator> clone() const override {
    return std::make_unique<StratifiedKFold>(*this);
  }
  [[nodiscard]] std::string name() const override { return "StratifiedKFold"; }
  /// The parameters.
  [[nodiscard]] const Params& params() const noexcept { return params_; }

 private:
  Params params_;
};

/// Group k-fold: every group lies wholly in one test fold. Without shuffling
/// (the default), scikit-learn 1.9's greedy balance: groups by decreasing size
/// (ties: the larger label first), each to the fold with the fewest samples so
/// far (ties: the lowest fold). With `shuffle`, the distinct groups are
/// permuted and cut into n_splits consecutive runs of near-equal count. Needs
/// groups.
/// Throws: as KFold; split() also throws ValueError when groups are missing or
/// there are fewer distinct groups than n_splits.
/// Complexity: O(n_samples * n_splits + n_samples log n_samples).
class GroupKFold final : public CrossValidator {
 public:
  /// scikit-learn's parameters and defaults.
  struct Params {
    Index n_splits = 5;                                        ///< number of folds, >= 2
    bool shuffle = false;                                      ///< shuffle the groups (scikit-learn >= 1.6)
    std::optional<std::uint64_t> random_state = std::nullopt;  ///< seed of the shuffle (only with shuffle)
  };
  /// With scikit-learn's defaults. (A default argument `Params params = {}`
  /// cannot use the member initializers of a nested struct before the class is complete.)
  GroupKFold() : GroupKFold(Params{}) {}
  /// With the given parameters; checks them.
  explicit GroupKFold(Params params);
  [[nodiscard]] std::vector<TrainTestIndices> split(Index n_samples, const Eigen::Ref<const Vector>& y = Vector(),
                                                    const Eigen::Ref<const Vector>& groups = Vector()) const override;
  [[nodiscard]] Index get_n_splits() const override { return params_.n_splits; }
  [[nodiscard]] std::unique_ptr<CrossValidator> clone() const override { return std::make_unique<GroupKFold>(*this); }
  [[nodiscard]] std::string name() const override { return "GroupKFold"; }
  /// The parameters.
  [[nodiscard]] const Params& params() const noexcept { return params_; }

 private:
  Params params_;
};

/// Repeated k-fold: KFold with shuffling, n_repeats times, each repeat drawing
/// from one stream seeded by random_state (n_splits * n_repeats splits).
/// Throws (constructor): ValueError when n_splits < 2 or n_repeats < 1.
class RepeatedKFold final : public CrossValidator {
 public:
  /// scikit-learn's parameters and defaults.
  struct Params {
    Index n_splits = 5;                                        ///< folds per repeat, >= 2
    Index n_repeats = 10;                                      ///< repeats, >= 1
    std::optional<std::uint64_t> random_state = std::nullopt;  ///< seed of the shuffles
  };
  /// With scikit-learn's defaults. (A default argument `Params params = {}`
  /// cannot use the member initializers of a nested struct before the class is complete.)
  RepeatedKFold() : RepeatedKFold(Params{}) {}
  /// With the given parameters; checks them.
  explicit RepeatedKFold(Params params);
  [[nodiscard]] std::vector<TrainTestIndices> split(Index n_samples, const Eigen::Ref<const Vector>& y = Vector(),
                                                    const Eigen::Ref<const Vector>& groups = Vector()) const override;
  [[nodiscard]] Index get_n_splits() const override { return params_.n_splits * params_.n_repeats; }
  [[nodiscard]] std::unique_ptr<CrossValidator> clone() const override {
    return std::make_unique<RepeatedKFold>(*this);
  }
  [[nodiscard]] std::string name() const override { return "RepeatedKFold"; }
  /// The parameters.
  [[nodiscard]] const Params& params() const noexcept { return params_; }

 private:
  Params params_;
};

/// Repeated stratified k-fold: StratifiedKFold with shuffling, n_repeats times
/// (n_splits * n_repeats splits). Needs y.
/// Throws: as RepeatedKFold; split() as StratifiedKFold::split.
class RepeatedStratifiedKFold final : public CrossValidator {
 public:
  /// scikit-learn's parameters and defaults.
  struct Params {
    Index n_splits = 5;                                        ///< folds per repeat, >= 2
    Index n_repeats = 10;                                      ///< repeats, >= 1
    std::optional<std::uint64_t> random_state = std::nullopt;  ///< seed of the shuffles
  };
  /// With scikit-learn's defaults. (A default argument `Params params = {}`
  /// cannot use the member initializers of a nested struct before the class is complete.)
  RepeatedStratifiedKFold() : RepeatedStratifiedKFold(Params{}) {}
  /// With the given parameters; checks them.
  explicit RepeatedStratifiedKFold(Params params);
  [[nodiscard]] std::vector<TrainTestIndices> split(Index n_samples, const Eigen::Ref<const Vector>& y = Vector(),
                                                    const Eigen::Ref<const Vector>& groups = Vector()) const override;
  [[nodiscard]] Index get_n_splits() const override { return params_.n_splits * params_.n_repeats; }
  [[nodiscard]] std::unique_ptr<CrossValidator> clone() const override {
    return std::make_unique<RepeatedStratifiedKFold>(*this);
  }
  [[nodiscard]] std::string name() const override { return "RepeatedStratifiedKFold"; }
  /// The parameters.
  [[nodiscard]] const Params& params() const noexcept { return params_; }

 private:
  Params params_;
};

/// Random permutation splits: each of the n_splits splits takes a fresh random
/// permutation of the samples, its first n_test entries as the test set and the
/// next n_train as the training set (both in that random order). Sizes as
/// validate_shuffle_split with default test_size 0.1.
/// Throws (constructor): ValueError when n_splits < 1. split() throws
/// ValueError for sizes validate_shuffle_split rejects.
/// Complexity: O(n_samples * n_splits).
class ShuffleSplit final : public CrossValidator {
 public:
  /// scikit-learn's parameters and defaults.
  struct Params {
    Index n_splits = 10;                                       ///< number of re-shuffles, >= 1
    std::optional<SplitSize> test_size = std::nullopt;         ///< unset: the rest, or 0.1 when train_size is unset too
    std::optional<SplitSize> train_size = std::nullopt;        ///< unset: the rest
    std::optional<std::uint64_t> random_state = std::nullopt;  ///< seed
  };
  /// With scikit-learn's defaults. (A default argument `Params params = {}`
  /// cannot use the member initializers of a nested struct before the class is complete.)
  ShuffleSplit() : ShuffleSplit(Params{}) {}
  /// With the given parameters; checks them.
  explicit ShuffleSplit(Params params);
  [[nodiscard]] std::vector<TrainTestIndices> split(Index n_samples, const Eigen::Ref<const Vector>& y = Vector(),
                                                    const Eigen::Ref<const Vector>& groups = Vector()) const override;
  [[nodiscard]] Index get_n_splits() const override { return params_.n_splits; }
  [[nodiscard]] std::unique_ptr<CrossValidator> clone() const override { return std::make_unique<ShuffleSplit>(*this); }
  [[nodiscard]] std::string name() const override { return "ShuffleSplit"; }
  /// The parameters.
  [[nodiscard]] const Params& params() const noexcept { return params_; }

 private:
  Params params_;
};

/// Stratified random splits: per-class train and test counts by
/// scikit-learn's allocation (its `_approximate_mode`: each class's share of
/// n_train floored, the remaining samples given to the classes with the
/// largest fractional parts, ties broken at random; then the same for n_test
/// over the samples left), the members of each class drawn at random, and the
/// train and test sets each in random order. Classes are taken in increasing
/// label order. Needs y. Sizes as validate_shuffle_split with default test_size 0.1.
/// Throws: as ShuffleSplit; split() also throws ValueError when y is missing,
/// a class has a single member, or n_train or n_test is below the number of
/// classes.
/// Complexity: O((n_samples + n_classes^2) * n_splits) plus a sort.
class StratifiedShuffleSplit final : public CrossValidator {
 public:
  /// scikit-learn's parameters and defaults.
  struct Params {
    Index n_splits = 10;                                       ///< number of re-shuffles, >= 1
    std::optional<SplitSize> test_size = std::nullopt;         ///< unset: the rest, or 0.1 when train_size is unset too
    std::optional<SplitSize> train_size = std::nullopt;        ///< unset: the rest
    std::optional<std::uint64_t> random_state = std::nullopt;  ///< seed
  };
  /// With scikit-learn's defaults. (A default argument `Params params = {}`
  /// cannot use the member initializers of a nested struct before the class is complete.)
  StratifiedShuffleSplit() : StratifiedShuffleSplit(Params{}) {}
  /// With the given parameters; checks them.
  explicit StratifiedShuffleSplit(Params params);
  [[nodiscard]] std::vector<TrainTestIndices> split(Index n_samples, const Eigen::Ref<const Vector>& y = Vector(),
                                                    const Eigen::Ref<const Vector>& groups = Vector()) const override;
  [[nodiscard]] Index get_n_splits() const override { return params_.n_splits; }
  [[nodiscard]] std::unique_ptr<CrossValidator> clone() const override {
    return std::make_unique<StratifiedShuffleSplit>(*this);
  }
  [[nodiscard]] std::string name() const override { return "StratifiedShuffleSplit"; }
  /// The parameters.
  [[nodiscard]] const Params& params() const noexcept { return params_; }

 private:
  Params params_;
};

/// Time-series splits: test sets of test_size consecutive samples (default
/// n_samples / (n_splits + 1)) that end at the last sample, each training set
/// all samples before its test set less the last `gap` ones, and at most the
/// max_train_size latest of them (0 or unset: no limit, as in scikit-learn).
/// Throws (constructor): ValueError when n_splits < 2, test_size < 1, gap < 0
/// or max_train_size < 0. split() throws ValueError when n_splits + 1 >
/// n_samples or n_samples - gap - test_size * n_splits <= 0.
class TimeSeriesSplit final : public CrossValidator {
 public:
  /// scikit-learn's parameters and defaults.
  struct Params {
    Index n_splits = 5;                                  ///< number of splits, >= 2
    std::optional<Index> max_train_size = std::nullopt;  ///< most training samples per split
    std::optional<Index> test_size = std::nullopt;       ///< samples per test set
    Index gap = 0;                                       ///< samples dropped between train and test
  };
  /// With scikit-learn's defaults. (A default argument `Params params = {}`
  /// cannot use the member initializers of a nested struct before the class is complete.)
  TimeSeriesSplit() : TimeSeriesSplit(Params{}) {}
  /// With the given parameters; checks them.
  explicit TimeSeriesSplit(Params params);
  [[nodiscard]] std::vector<TrainTestIndices> split(Index n_samples, const Eigen::Ref<const Vector>& y = Vector(),
                                                    const Eigen::Ref<const Vector>& groups = Vector()) const override;
  [[nodiscard]] Index get_n_splits() const override { return params_.n_splits; }
  [[nodiscard]] std::unique_ptr<CrossValidator> clone() const override {
    return std::make_unique<TimeSeriesSplit>(*this);
  }
  [[nodiscard]] std::string name() const override { return "TimeSeriesSplit"; }
  /// The parameters.
  [[nodiscard]] const Params& params() const noexcept { return params_; }

 private:
  Params params_;
};

/// Leave-one-out: n_samples splits, split i testing on sample i alone.
/// split() throws ValueError when n_samples <= 1; get_n_splits() throws
/// ValueError (the count is n_samples: use get_n_splits_for).
/// Complexity: O(n_samples^2) for the output.
class LeaveOneOut final : public CrossValidator {
 public:
  LeaveOneOut() = default;
  [[nodiscard]] std::vector<TrainTestIndices> split(Index n_samples, const Eigen::Ref<const Vector>& y = Vector(),
                                                    const Eigen::Ref<const Vector>& groups = Vector()) const override;
  [[nodiscard]] Index get_n_splits() const override;
  [[nodiscard]] Index get_n_splits_for(Index n_samples) const override;
  [[nodiscard]] std::unique_ptr<CrossValidator> clone() const override { return std::make_unique<LeaveOneOut>(*this); }
  [[nodiscard]] std::string name() const override { return "LeaveOneOut"; }
};

/// Leave-p-out: every subset of p samples as a test set, in lexicographic
/// order (C(n_samples, p) splits: mind the count).
/// Throws (constructor): ValueError when p < 1. split() throws ValueError when
/// n_samples <= p or the number of splits overflows; get_n_splits() throws
/// ValueError (use get_n_splits_for).
class LeavePOut final : public CrossValidator {
 public:
  /// scikit-learn's parameter (no default).
  struct Params {
    Index p = 1;  ///< size of each test set, >= 1
  };
  explicit LeavePOut(Params params);
  [[nodiscard]] std::vector<TrainTestIndices> split(Index n_samples, const Eigen::Ref<const Vector>& y = Vector(),
                                                    const Eigen::Ref<const Vector>& groups = Vector()) const override;
  [[nodiscard]] Index get_n_splits() const override;
  [[nodiscard]] Index get_n_splits_for(Index n_samples) const override;
  [[nodiscard]] std::unique_ptr<CrossValidator> clone() const override { return std::make_unique<LeavePOut>(*this); }
  [[nodiscard]] std::string name() const override { return "LeavePOut"; }
  /// The parameters.
  [[nodiscard]] const Params& params() const noexcept { return params_; }

 private:
  Params params_;
};

/// Predefined split: sample i belongs to the test set of fold test_fold[i];
/// samples with test_fold -1 are in every training set. Folds in increasing
/// order of their label.
/// Throws (constructor): ValueError when test_fold holds a value that is not an
/// integer. split() throws ValueError when n_samples differs from test_fold's length.
class PredefinedSplit final : public CrossValidator {
 public:
  /// \param test_fold the fold of each sample (-1: never tested).
  explicit PredefinedSplit(const Eigen::Ref<const Vector>& test_fold);
  [[nodiscard]] std::vector<TrainTestIndices> split(Index n_samples, const Eigen::Ref<const Vector>& y = Vector(),
                                                    const Eigen::Ref<const Vector>& groups = Vector()) const override;
  [[nodiscard]] Index get_n_splits() const override { return static_cast<Index>(unique_folds_.size()); }
  [[nodiscard]] std::unique_ptr<CrossValidator> clone() const override {
    return std::make_unique<PredefinedSplit>(*this);
  }
  [[nodiscard]] std::string name() const override { return "PredefinedSplit"; }
  /// The fold of each sample, as given.
  [[nodiscard]] const Vector& test_fold() const noexcept { return test_fold_; }

 private:
  Vector test_fold_;
  std::vector<double> unique_folds_;
};

/// The splitter that an integer `cv` means (scikit-learn's `check_cv`):
/// StratifiedKFold(n_splits) when `classifier` and y holds integer labels
/// (binary or multiclass), otherwise KFold(n_splits); neither shuffles.
/// Throws: ValueError when n_splits < 2.
[[nodiscard]] std::unique_ptr<CrossValidator> check_cv(Index n_splits = 5, const Eigen::Ref<const Vector>& y = Vector(),
                                                       bool classifier = false);

/// Options of train_test_split, scikit-learn's names and defaults.
struct TrainTestSplitOptions {
  std::optional<SplitSize> test_size = std::nullopt;         ///< unset: the rest, or 0.25 when train_size is unset too
  std::optional<SplitSize> train_size = std::nullopt;        ///< unset: the rest
  std::optional<std::uint64_t> random_state = std::nullopt;  ///< seed of the shuffle
  bool shuffle = true;                                       ///< shuffle before splitting
  Vector stratify = Vector();                                ///< class labels to stratify by; empty: none
};

/// One train/test split of n_samples samples (scikit-learn's
/// `train_test_split` on indices). Without shuffling: the first n_train samples
/// train, the next n_test test. With shuffling: one ShuffleSplit split, or one
/// StratifiedShuffleSplit split when `stratify` is given. Sizes as
/// validate_shuffle_split with default test_size 0.25.
/// Throws: ValueError for the sizes validate_shuffle_split rejects, for stratify
/// with shuffle = false, for a stratify of the wrong length, and as
/// StratifiedShuffleSplit::split.
[[nodiscard]] TrainTestIndices train_test_split(Index n_samples, const TrainTestSplitOptions& options = {});

/// X and y split into training and test parts.
struct TrainTestData {
  Matrix X_train;  ///< rows of X in the training set, in split order
  Matrix X_test;   ///< rows of X in the test set
  Vector y_train;  ///< entries of y in the training set
  Vector y_test;   ///< entries of y in the test set
};

/// train_test_split(X.rows(), options) applied to the rows of X and entries of y.
/// Throws: ValueError when X and y have different lengths, and as above.
[[nodiscard]] TrainTestData train_test_split(const Eigen::Ref<const Matrix>& X, const Eigen::Ref<const Vector>& y,
                                             const TrainTestSplitOptions& options = {});

/// The rows of X named by `rows`, in that order (scikit-learn's `_safe_indexing`
/// on rows). Requires: every index in [0, X.rows()). Throws: ValueError otherwise.
[[nodiscard]] Matrix take_rows(const Eigen::Ref<const Matrix>& X, const std::vector<Index>& rows);

/// The entries of v named by `indices`, in that order. Throws: ValueError for an
/// index outside [0, v.size()).
[[nodiscard]] Vector take(const Eigen::Ref<const Vector>& v, const std::vector<Index>& indices);

}  // namespace scilearn::learn
