// LeaveOneOut, LeavePOut and PredefinedSplit.

#include <algorithm>
#include <cmath>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>

#include "split_common.hpp"

namespace scilearn::learn {

// ---------------------------------------------------------------- LeaveOneOut

std::vector<TrainTestIndices> LeaveOneOut::split(Index n_samples, const Eigen::Ref<const Vector>& y,
                                                 const Eigen::Ref<const Vector>& groups) const {
  detail::check_lengths("LeaveOneOut.split", n_samples, y, groups);
  if (n_samples <= 1) throw ValueError(cat("LeaveOneOut.split: cannot perform LeaveOneOut with n_samples=", n_samples));
  std::vector<TrainTestIndices> splits(static_cast<std::size_t>(n_samples));
  for (Index s = 0; s < n_samples; ++s) {
    TrainTestIndices& split = splits[static_cast<std::size_t>(s)];
    split.test.push_back(s);
    split.train.reserve(static_cast<std::size_t>(n_samples - 1));
    for (Index i = 0; i < n_samples; ++i)
      if (i != s) split.train.push_back(i);
  }
  return splits;
}

Index LeaveOneOut::get_n_splits() const {
  throw ValueError("LeaveOneOut.get_n_splits: the number of splits is n_samples; call get_n_splits_for(n_samples)");
}

Index LeaveOneOut::get_n_splits_for(Index n_samples) const {
  detail::check_n_samples("LeaveOneOut.get_n_splits_for", n_samples);
  return n_samples;
}

// ---------------------------------------------------------------- LeavePOut

LeavePOut::LeavePOut(Params params) : params_(params) {
  if (params_.p < 1) throw ValueError(cat("LeavePOut: p must be at least 1, got ", params_.p));
}

Index LeavePOut::get_n_splits() const {
  throw ValueError("LeavePOut.get_n_splits: the number of splits is C(n_samples, p); call get_n_splits_for(n_samples)");
}

Index LeavePOut::get_n_splits_for(Index n_samples) const {
  detail::check_n_samples("LeavePOut.get_n_splits_for", n_samples);
  const Index p = params_.p;
  if (n_samples < p) return 0;
  // C(n, k) = C(n, k - 1) * (n - k + 1) / k, exact at every step.
  const Index k_max = std::min(p, n_samples - p);
  Index count = 1;
  for (Index k = 1; k <= k_max; ++k) {
    Index product = 0;
    if (__builtin_mul_overflow(count, n_samples - k + 1, &product))
      throw ValueError(cat("LeavePOut: C(", n_samples, ", ", p, ") splits are too many to count"));
    count = product / k;
  }
  return count;
}

std::vector<TrainTestIndices> LeavePOut::split(Index n_samples, const Eigen::Ref<const Vector>& y,
                                               const Eigen::Ref<const Vector>& groups) const {
  detail::check_lengths("LeavePOut.split", n_samples, y, groups);
  const Index p = params_.p;
  if (n_samples <= p)
    throw ValueError(cat("LeavePOut.split: p=", p, " must be strictly less than the number of samples=", n_samples));
  const Index n_splits = get_n_splits_for(n_samples);
  std::vector<TrainTestIndices> splits;
  splits.reserve(static_cast<std::size_t>(n_splits));
  // The p-subsets in lexicographic order (itertools.combinations' order).
  std::vector<Index> chosen(static_cast<std::size_t>(p));
  for (Index k = 0; k < p; ++k) chosen[static_cast<std::size_t>(k)] = k;
  while (true) {
    TrainTestIndices split;
    split.test = chosen;
    split.train.reserve(static_cast<std::size_t>(n_samples - p));
    std::size_t next = 0;
    for (Index i = 0; i < n_samples; ++i) {
      if (next < chosen.size() && chosen[next] == i)
        ++next;
      else
        split.train.push_back(i);
    }
    splits.push_back(std::move(split));
    // Advance: the rightmost entry that can still grow, then the ones after it.
    Index k = p - 1;
    while (k >= 0 && chosen[static_cast<std::size_t>(k)] == n_samples - p + k) --k;
    if (k < 0) break;
    ++chosen[static_cast<std::size_t>(k)];
    for (Index j = k + 1; j < p; ++j) chosen[static_cast<std::size_t>(j)] = chosen[static_cast<std::size_t>(j - 1)] + 1;
  }
  return splits;
}

// ---------------------------------------------------------------- PredefinedSplit

PredefinedSplit::PredefinedSplit(const Eigen::Ref<const Vector>& test_fold) : test_fold_(test_fold) {
  check_finite("PredefinedSplit", "test_fold", test_fold_);
  for (Index i = 0; i < test_fold_.size(); ++i)
    if (test_fold_[i] != std::floor(test_fold_[i]))
      throw ValueError(cat("PredefinedSplit: test_fold must hold integers, but test_fold[", i, "] = ", test_fold_[i]));
  unique_folds_.assign(test_fold_.data(), test_fold_.data() + test_fold_.size());
  std::sort(unique_folds_.begin(), unique_folds_.end());
  unique_folds_.erase(std::unique(unique_folds_.begin(), unique_folds_.end()), unique_folds_.end());
  unique_folds_.erase(std::remove(unique_folds_.begin(), unique_folds_.end(), -1.0), unique_folds_.end());
}

std::vector<TrainTestIndices> PredefinedSplit::split(Index n_samples, const Eigen::Ref<const Vector>& y,
                                                     const Eigen::Ref<const Vector>& groups) const {
  detail::check_lengths("PredefinedSplit.split", n_samples, y, groups);
  check_same_length("PredefinedSplit.split", "test_fold", test_fold_.size(), "n_samples", n_samples);
  // Fold numbers in increasing label order; -1 (in no fold) maps to -1.
  std::vector<Index> fold_of(static_cast<std::size_t>(n_samples));
  for (Index i = 0; i < n_samples; ++i) {
    const auto it = std::lower_bound(unique_folds_.begin(), unique_folds_.end(), test_fold_[i]);
    fold_of[static_cast<std::size_t>(i)] =
        (it != unique_folds_.end() && *it == test_fold_[i]) ? it - unique_folds_.begin() : -1;
  }
  std::vector<TrainTestIndices> splits;
  detail::append_fold_splits(fold_of, static_cast<Index>(unique_folds_.size()), splits);
  return splits;
}

}  // namespace scilearn::learn
