// ShuffleSplit, StratifiedShuffleSplit and train_test_split.

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <sstream>

#include "split_common.hpp"

namespace scilearn::learn {

namespace {

void check_n_splits_positive(std::string_view name, Index n_splits) {
  if (n_splits < 1) throw ValueError(cat(name, ": n_splits must be at least 1, got ", n_splits));
}

/// The first n_test entries of a random permutation test, the next n_train
/// train (scikit-learn's ShuffleSplit draw).
TrainTestIndices shuffle_draw(Index n_samples, Index n_train, Index n_test, Generator& rng) {
  const Eigen::VectorX<Index> permutation = rng.permutation(n_samples);
  TrainTestIndices split;
  split.test.assign(permutation.data(), permutation.data() + n_test);
  split.train.assign(permutation.data() + n_test, permutation.data() + n_test + n_train);
  return split;
}

}  // namespace

namespace detail {

std::vector<Index> approximate_mode(const std::vector<Index>& counts, Index n_draws, Generator& rng) {
  const std::size_t n_classes = counts.size();
  const auto total = static_cast<double>(std::accumulate(counts.begin(), counts.end(), Index{0}));
  // Each class's share of the draws, (count / total) * n_draws rounded as
  // NumPy rounds it, floored; the remainders decide who gets the rest.
  std::vector<Index> taken(n_classes);
  std::vector<double> remainder(n_classes);
  Index need = n_draws;
  for (std::size_t c = 0; c < n_classes; ++c) {
    const double continuous = static_cast<double>(counts[c]) / total * static_cast<double>(n_draws);
    const double floored = std::floor(continuous);
    taken[c] = static_cast<Index>(floored);
    remainder[c] = continuous - floored;
    need -= taken[c];
  }
  if (need <= 0) return taken;
  // Largest remainder first; among the classes that share the remainder at
  // which the draws run out, a random subset (a partial Fisher-Yates shuffle).
  std::vector<std::size_t> order(n_classes);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
  std::size_t begin = 0;
  while (need > 0 && begin < n_classes) {
    std::size_t end = begin + 1;
    while (end < n_classes && remainder[order[end]] == remainder[order[begin]]) ++end;
    const auto tied = static_cast<Index>(end - begin);
    const Index add_now = std::min(tied, need);
    for (Index k = 0; k < add_now; ++k) {
      const auto pick = static_cast<std::size_t>(rng.integers(k, tied));
      std::swap(order[begin + static_cast<std::size_t>(k)], order[begin + pick]);
      ++taken[order[begin + static_cast<std::size_t>(k)]];
    }
    need -= add_now;
    begin = end;
  }
  return taken;
}

StratifiedSampler::StratifiedSampler(std::string_view where, std::string_view name, const Eigen::Ref<const Vector>& y,
                                     Index n_samples, Index n_train, Index n_test)
    : n_train_(n_train), n_test_(n_test) {
  check_labels(where, name, y, n_samples);
  const EncodedLabels encoded = encode_labels(y);
  counts_ = encoded.counts;
  const auto n_classes = static_cast<Index>(counts_.size());
  std::ostringstream too_few;
  too_few.imbue(std::locale::classic());
  bool any_too_few = false;
  for (std::size_t c = 0; c < counts_.size(); ++c)
    if (counts_[c] < 2) {
      too_few << (any_too_few ? ", " : "") << encoded.values[c];
      any_too_few = true;
    }
  if (any_too_few)
    throw ValueError(cat(where, ": the least populated classes in ", name,
                         " have only 1 member, which is too few. The minimum "
                         "number of groups for any class cannot be less than 2. Classes with too few members are: [",
                         too_few.str(), "]"));
  if (n_train < n_classes)
    throw ValueError(cat(where, ": the train_size = ", n_train,
                         " should be greater or equal to the number of classes = ", n_classes));
  if (n_test < n_classes)
    throw ValueError(
        cat(where, ": the test_size = ", n_test, " should be greater or equal to the number of classes = ", n_classes));
  class_members_.resize(counts_.size());
  for (std::size_t c = 0; c < counts_.size(); ++c) class_members_[c].reserve(static_cast<std::size_t>(counts_[c]));
  for (std::size_t i = 0; i < encoded.code.size(); ++i)
    class_members_[static_cast<std::size_t>(encoded.code[i])].push_back(static_cast<Index>(i));
}

TrainTestIndices StratifiedSampler::draw(Generator& rng) const {
  const std::vector<Index> n_i = approximate_mode(counts_, n_train_, rng);
  std::vector<Index> remaining(counts_.size());
  for (std::size_t c = 0; c < counts_.size(); ++c) remaining[c] = counts_[c] - n_i[c];
  const std::vector<Index> t_i = approximate_mode(remaining, n_test_, rng);
  TrainTestIndices split;
  split.train.reserve(static_cast<std::size_t>(n_train_));
  split.test.reserve(static_cast<std::size_t>(n_test_));
  std::vector<Index> members;
  for (std::size_t c = 0; c < counts_.size(); ++c) {
    members = class_members_[c];
    // Only the first n_i + t_i places of the shuffle are used: a partial
    // Fisher-Yates draws them uniformly without permuting the rest.
    const auto size = static_cast<Index>(members.size());
    const Index used = n_i[c] + t_i[c];
    for (Index k = 0; k < used; ++k)
      std::swap(members[static_cast<std::size_t>(k)], members[static_cast<std::size_t>(rng.integers(k, size))]);
    split.train.insert(split.train.end(), members.begin(), members.begin() + n_i[c]);
    split.test.insert(split.test.end(), members.begin() + n_i[c], members.begin() + used);
  }
  rng.shuffle(split.train.begin(), split.train.end());
  rng.shuffle(split.test.begin(), split.test.end());
  return split;
}

}  // namespace detail

// ---------------------------------------------------------------- ShuffleSplit

ShuffleSplit::ShuffleSplit(Params params) : params_(params) {
  check_n_splits_positive("ShuffleSplit", params_.n_splits);
}

std::vector<TrainTestIndices> ShuffleSplit::split(Index n_samples, const Eigen::Ref<const Vector>& y,
                                                  const Eigen::Ref<const Vector>& groups) const {
  detail::check_lengths("ShuffleSplit.split", n_samples, y, groups);
  const auto [n_train, n_test] =
      validate_shuffle_split("ShuffleSplit.split", n_samples, params_.test_size, params_.train_size, 0.1);
  Generator rng = default_rng(params_.random_state);
  std::vector<TrainTestIndices> splits;
  splits.reserve(static_cast<std::size_t>(params_.n_splits));
  for (Index s = 0; s < params_.n_splits; ++s) splits.push_back(shuffle_draw(n_samples, n_train, n_test, rng));
  return splits;
}

// ---------------------------------------------------------------- StratifiedShuffleSplit

StratifiedShuffleSplit::StratifiedShuffleSplit(Params params) : params_(params) {
  check_n_splits_positive("StratifiedShuffleSplit", params_.n_splits);
}

std::vector<TrainTestIndices> StratifiedShuffleSplit::split(Index n_samples, const Eigen::Ref<const Vector>& y,
                                                            const Eigen::Ref<const Vector>& groups) const {
  detail::check_lengths("StratifiedShuffleSplit.split", n_samples, y, groups);
  constexpr std::string_view where = "StratifiedShuffleSplit.split";
  const auto [n_train, n_test] = validate_shuffle_split(where, n_samples, params_.test_size, params_.train_size, 0.1);
  const detail::StratifiedSampler sampler(where, "y", y, n_samples, n_train, n_test);
  Generator rng = default_rng(params_.random_state);
  std::vector<TrainTestIndices> splits;
  splits.reserve(static_cast<std::size_t>(params_.n_splits));
  for (Index s = 0; s < params_.n_splits; ++s) splits.push_back(sampler.draw(rng));
  return splits;
}

// ---------------------------------------------------------------- train_test_split

TrainTestIndices train_test_split(Index n_samples, const TrainTestSplitOptions& options) {
  constexpr std::string_view where = "train_test_split";
  const auto [n_train, n_test] = validate_shuffle_split(where, n_samples, options.test_size, options.train_size, 0.25);
  const bool stratified = options.stratify.size() > 0;
  if (!options.shuffle) {
    if (stratified)
      throw ValueError("train_test_split: stratified train/test split is not implemented for shuffle=false");
    TrainTestIndices split;
    split.train.resize(static_cast<std::size_t>(n_train));
    split.test.resize(static_cast<std::size_t>(n_test));
    std::iota(split.train.begin(), split.train.end(), Index{0});
    std::iota(split.test.begin(), split.test.end(), n_train);
    return split;
  }
  Generator rng = default_rng(options.random_state);
  if (stratified)
    return detail::StratifiedSampler(where, "stratify", options.stratify, n_samples, n_train, n_test).draw(rng);
  return shuffle_draw(n_samples, n_train, n_test, rng);
}

TrainTestData train_test_split(const Eigen::Ref<const Matrix>& X, const Eigen::Ref<const Vector>& y,
                               const TrainTestSplitOptions& options) {
  check_same_length("train_test_split", "X", X.rows(), "y", y.size());
  const TrainTestIndices split = train_test_split(X.rows(), options);
  return {take_rows(X, split.train), take_rows(X, split.test), take(y, split.train), take(y, split.test)};
}

}  // namespace scilearn::learn
