// KFold, StratifiedKFold, GroupKFold and their repeated forms: each computes
// the fold of every sample, then append_fold_splits lists the splits.

#include <algorithm>
#include <cmath>
#include <numeric>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/warnings.hpp>

#include "split_common.hpp"

namespace scilearn::learn {

namespace {

void check_n_splits_vs_samples(std::string_view where, Index n_splits, Index n_samples) {
  detail::check_n_samples(where, n_samples);
  if (n_splits > n_samples)
    throw ValueError(cat(where, ": cannot have number of splits n_splits=", n_splits,
                         " greater than the number of samples: n_samples=", n_samples));
}

void check_repeats(std::string_view name, Index n_repeats) {
  if (n_repeats <= 0)
    throw ValueError(cat(name, ": number of repetitions must be greater than 0, got n_repeats=", n_repeats));
}

}  // namespace

namespace detail {

std::vector<Index> kfold_assignment(Index n_samples, Index n_splits, Generator* rng) {
  std::vector<Index> order(static_cast<std::size_t>(n_samples));
  std::iota(order.begin(), order.end(), Index{0});
  if (rng != nullptr) rng->shuffle(order.begin(), order.end());
  // Consecutive runs of the (shuffled) order; the first n % k folds one longer.
  std::vector<Index> fold_of(static_cast<std::size_t>(n_samples));
  const Index base = n_samples / n_splits, longer = n_samples % n_splits;
  std::size_t position = 0;
  for (Index f = 0; f < n_splits; ++f)
    for (Index k = 0; k < base + (f < longer ? 1 : 0); ++k) fold_of[static_cast<std::size_t>(order[position++])] = f;
  return fold_of;
}

std::vector<Index> stratified_kfold_assignment(std::string_view where, const Eigen::Ref<const Vector>& y,
                                               Index n_splits, Generator* rng, bool warn_small_class) {
  for (Index i = 0; i < y.size(); ++i)
    if (y[i] != std::floor(y[i]))
      throw ValueError(cat(where,
                           ": supported target types are binary and multiclass (integer labels), got continuous "
                           "values such as y[",
                           i, "] = ", y[i]));
  // Classes numbered by first appearance, as scikit-learn does.
  const EncodedLabels sorted = encode_labels(y);
  const auto n_classes = static_cast<Index>(sorted.values.size());
  std::vector<Index> first_seen(static_cast<std::size_t>(n_classes), -1);
  Index next_rank = 0;
  for (const Index c : sorted.code) {
    auto& rank = first_seen[static_cast<std::size_t>(c)];
    if (rank < 0) rank = next_rank++;
  }
  std::vector<Index> counts(static_cast<std::size_t>(n_classes));
  for (Index c = 0; c < n_classes; ++c)
    counts[static_cast<std::size_t>(first_seen[static_cast<std::size_t>(c)])] =
        sorted.counts[static_cast<std::size_t>(c)];
  const Index min_count = *std::min_element(counts.begin(), counts.end());
  const Index max_count = *std::max_element(counts.begin(), counts.end());
  if (n_splits > max_count)
    throw ValueError(
        cat(where, ": n_splits=", n_splits, " cannot be greater than the number of members in each class"));
  if (n_splits > min_count && warn_small_class)
    warn(WarningCategory::user, cat(where, ": the least populated class in y has only ", min_count,
                                    " members, which is less than n_splits=", n_splits));
  // Deal the class-sorted labels to the folds round robin: fold f receives,
  // from class c, the positions of c's block congruent to f modulo n_splits.
  std::vector<Index> allocation(static_cast<std::size_t>(n_splits * n_classes), 0);  // [c * n_splits + f]
  Index position = 0;
  for (Index c = 0; c < n_classes; ++c)
    for (Index k = 0; k < counts[static_cast<std::size_t>(c)]; ++k, ++position)
      ++allocation[static_cast<std::size_t>(c * n_splits + position % n_splits)];
  // Each class's members, in sample order, take its folds in blocks (shuffled
  // blocks when shuffling).
  std::vector<std::vector<Index>> folds_for_class(static_cast<std::size_t>(n_classes));
  for (Index c = 0; c < n_classes; ++c) {
    auto& folds = folds_for_class[static_cast<std::size_t>(c)];
    folds.reserve(static_cast<std::size_t>(counts[static_cast<std::size_t>(c)]));
    for (Index f = 0; f < n_splits; ++f)
      folds.insert(folds.end(), static_cast<std::size_t>(allocation[static_cast<std::size_t>(c * n_splits + f)]), f);
    if (rng != nullptr) rng->shuffle(folds.begin(), folds.end());
  }
  std::vector<Index> fold_of(static_cast<std::size_t>(y.size()));
  std::vector<std::size_t> next(static_cast<std::size_t>(n_classes), 0);
  for (Index i = 0; i < y.size(); ++i) {
    const auto c =
        static_cast<std::size_t>(first_seen[static_cast<std::size_t>(sorted.code[static_cast<std::size_t>(i)])]);
    fold_of[static_cast<std::size_t>(i)] = folds_for_class[c][next[c]++];
  }
  return fold_of;
}

}  // namespace detail

// ---------------------------------------------------------------- KFold

KFold::KFold(Params params) : params_(params) {
  detail::check_kfold_params("KFold", params_.n_splits, params_.shuffle, params_.random_state.has_value());
}

std::vector<TrainTestIndices> KFold::split(Index n_samples, const Eigen::Ref<const Vector>& y,
                                           const Eigen::Ref<const Vector>& groups) const {
  detail::check_lengths("KFold.split", n_samples, y, groups);
  check_n_splits_vs_samples("KFold.split", params_.n_splits, n_samples);
  std::vector<TrainTestIndices> splits;
  if (params_.shuffle) {
    Generator rng = default_rng(params_.random_state);
    detail::append_fold_splits(detail::kfold_assignment(n_samples, params_.n_splits, &rng), params_.n_splits, splits);
    return splits;
  }
  // Unshuffled folds are consecutive ranges: write them directly.
  const Index base = n_samples / params_.n_splits, longer = n_samples % params_.n_splits;
  splits.resize(static_cast<std::size_t>(params_.n_splits));
  Index start = 0;
  for (Index f = 0; f < params_.n_splits; ++f) {
    const Index stop = start + base + (f < longer ? 1 : 0);
    TrainTestIndices& split = splits[static_cast<std::size_t>(f)];
    split.test.resize(static_cast<std::size_t>(stop - start));
    std::iota(split.test.begin(), split.test.end(), start);
    split.train.resize(static_cast<std::size_t>(n_samples - (stop - start)));
    std::iota(split.train.begin(), split.train.begin() + start, Index{0});
    std::iota(split.train.begin() + start, split.train.end(), stop);
    start = stop;
  }
  return splits;
}

// ---------------------------------------------------------------- StratifiedKFold

StratifiedKFold::StratifiedKFold(Params params) : params_(params) {
  detail::check_kfold_params("StratifiedKFold", params_.n_splits, params_.shuffle, params_.random_state.has_value());
}

std::vector<TrainTestIndices> StratifiedKFold::split(Index n_samples, const Eigen::Ref<const Vector>& y,
                                                     const Eigen::Ref<const Vector>& groups) const {
  detail::check_lengths("StratifiedKFold.split", n_samples, y, groups);
  constexpr std::string_view where = "StratifiedKFold.split";
  detail::check_labels(where, "y", y, n_samples);
  check_n_splits_vs_samples(where, params_.n_splits, n_samples);
  std::optional<Generator> rng;
  if (params_.shuffle) rng = default_rng(params_.random_state);
  std::vector<TrainTestIndices> splits;
  detail::append_fold_splits(detail::stratified_kfold_assignment(where, y, params_.n_splits, rng ? &*rng : nullptr),
                             params_.n_splits, splits);
  return splits;
}

// ---------------------------------------------------------------- GroupKFold

GroupKFold::GroupKFold(Params params) : params_(params) {
  detail::check_kfold_params("GroupKFold", params_.n_splits, params_.shuffle, params_.random_state.has_value());
}

std::vector<TrainTestIndices> GroupKFold::split(Index n_samples, const Eigen::Ref<const Vector>& y,
                                                const Eigen::Ref<const Vector>& groups) const {
  detail::check_lengths("GroupKFold.split", n_samples, y, groups);
  constexpr std::string_view where = "GroupKFold.split";
  check_n_splits_vs_samples(where, params_.n_splits, n_samples);
  detail::check_labels(where, "groups", groups, n_samples);
  const detail::EncodedLabels encoded = detail::encode_labels(groups);
  const auto n_groups = static_cast<Index>(encoded.values.size());
  const Index n_splits = params_.n_splits;
  if (n_splits > n_groups)
    throw ValueError(cat(where, ": cannot have number of splits n_splits=", n_splits,
                         " greater than the number of groups: ", n_groups));
  std::vector<Index> fold_of_group(static_cast<std::size_t>(n_groups));
  if (params_.shuffle) {
    // The groups in random order, cut into n_splits consecutive runs whose
    // lengths differ by at most one (the longer ones first).
    Generator rng = default_rng(params_.random_state);
    const Eigen::VectorX<Index> order = rng.permutation(n_groups);
    const Index base = n_groups / n_splits, longer = n_groups % n_splits;
    Index position = 0;
    for (Index f = 0; f < n_splits; ++f)
      for (Index k = 0; k < base + (f < longer ? 1 : 0); ++k)
        fold_of_group[static_cast<std::size_t>(order[position++])] = f;
  } else {
    // Greedy balance: the largest group first (equal sizes: the larger label
    // first, as scikit-learn's reversed stable argsort gives), each into the
    // fold with the fewest samples so far (equal: the lowest-numbered fold).
    std::vector<Index> order(static_cast<std::size_t>(n_groups));
    std::iota(order.begin(), order.end(), Index{0});
    std::sort(order.begin(), order.end(), [&](Index a, Index b) {
      const Index ca = encoded.counts[static_cast<std::size_t>(a)], cb = encoded.counts[static_cast<std::size_t>(b)];
      return ca != cb ? ca > cb : a > b;
    });
    std::vector<Index> fold_weight(static_cast<std::size_t>(n_splits), 0);
    for (const Index g : order) {
      const auto lightest = std::min_element(fold_weight.begin(), fold_weight.end());
      *lightest += encoded.counts[static_cast<std::size_t>(g)];
      fold_of_group[static_cast<std::size_t>(g)] = lightest - fold_weight.begin();
    }
  }
  std::vector<Index> fold_of(static_cast<std::size_t>(n_samples));
  for (std::size_t i = 0; i < fold_of.size(); ++i)
    fold_of[i] = fold_of_group[static_cast<std::size_t>(encoded.code[i])];
  std::vector<TrainTestIndices> splits;
  detail::append_fold_splits(fold_of, n_splits, splits);
  return splits;
}

// ---------------------------------------------------------------- repeated

RepeatedKFold::RepeatedKFold(Params params) : params_(params) {
  check_repeats("RepeatedKFold", params_.n_repeats);
  detail::check_kfold_params("RepeatedKFold", params_.n_splits, true, false);
}

std::vector<TrainTestIndices> RepeatedKFold::split(Index n_samples, const Eigen::Ref<const Vector>& y,
                                                   const Eigen::Ref<const Vector>& groups) const {
  detail::check_lengths("RepeatedKFold.split", n_samples, y, groups);
  check_n_splits_vs_samples("RepeatedKFold.split", params_.n_splits, n_samples);
  // One stream for all repeats, as scikit-learn passes one RandomState to each.
  Generator rng = default_rng(params_.random_state);
  std::vector<TrainTestIndices> splits;
  splits.reserve(static_cast<std::size_t>(params_.n_splits * params_.n_repeats));
  for (Index r = 0; r < params_.n_repeats; ++r)
    detail::append_fold_splits(detail::kfold_assignment(n_samples, params_.n_splits, &rng), params_.n_splits, splits);
  return splits;
}

RepeatedStratifiedKFold::RepeatedStratifiedKFold(Params params) : params_(params) {
  check_repeats("RepeatedStratifiedKFold", params_.n_repeats);
  detail::check_kfold_params("RepeatedStratifiedKFold", params_.n_splits, true, false);
}

std::vector<TrainTestIndices> RepeatedStratifiedKFold::split(Index n_samples, const Eigen::Ref<const Vector>& y,
                                                             const Eigen::Ref<const Vector>& groups) const {
  detail::check_lengths("RepeatedStratifiedKFold.split", n_samples, y, groups);
  constexpr std::string_view where = "RepeatedStratifiedKFold.split";
  detail::check_labels(where, "y", y, n_samples);
  check_n_splits_vs_samples(where, params_.n_splits, n_samples);
  Generator rng = default_rng(params_.random_state);
  std::vector<TrainTestIndices> splits;
  splits.reserve(static_cast<std::size_t>(params_.n_splits * params_.n_repeats));
  for (Index r = 0; r < params_.n_repeats; ++r) {
    // Warns about a small class once, not once per repeat.
    detail::append_fold_splits(
        detail::stratified_kfold_assignment(where, y, params_.n_splits, &rng, /*warn_small_class=*/r == 0),
        params_.n_splits, splits);
  }
  return splits;
}

// ---------------------------------------------------------------- check_cv

std::unique_ptr<CrossValidator> check_cv(Index n_splits, const Eigen::Ref<const Vector>& y, bool classifier) {
  // scikit-learn's type_of_target: finite integer values are binary or multiclass.
  const bool class_labels = classifier && y.size() > 0 && y.allFinite() && (y.array() == y.array().floor()).all();
  if (class_labels) return std::make_unique<StratifiedKFold>(StratifiedKFold::Params{.n_splits = n_splits});
  return std::make_unique<KFold>(KFold::Params{.n_splits = n_splits});
}

}  // namespace scilearn::learn
