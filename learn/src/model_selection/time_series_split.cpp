#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>

#include "split_common.hpp"

namespace scilearn::learn {

TimeSeriesSplit::TimeSeriesSplit(Params params) : params_(params) {
  detail::check_kfold_params("TimeSeriesSplit", params_.n_splits, false, false);
  if (params_.test_size && *params_.test_size < 1)
    throw ValueError(cat("TimeSeriesSplit: test_size must be at least 1, got ", *params_.test_size));
  if (params_.gap < 0) throw ValueError(cat("TimeSeriesSplit: gap must be non-negative, got ", params_.gap));
  if (params_.max_train_size && *params_.max_train_size < 0)
    throw ValueError(cat("TimeSeriesSplit: max_train_size must be non-negative, got ", *params_.max_train_size));
}

std::vector<TrainTestIndices> TimeSeriesSplit::split(Index n_samples, const Eigen::Ref<const Vector>& y,
                                                     const Eigen::Ref<const Vector>& groups) const {
  detail::check_lengths("TimeSeriesSplit.split", n_samples, y, groups);
  constexpr std::string_view where = "TimeSeriesSplit.split";
  detail::check_n_samples(where, n_samples);
  const Index n_splits = params_.n_splits, n_folds = n_splits + 1, gap = params_.gap;
  const Index test_size = params_.test_size.value_or(n_samples / n_folds);
  if (n_folds > n_samples)
    throw ValueError(
        cat(where, ": cannot have number of folds=", n_folds, " greater than the number of samples=", n_samples));
  if (n_samples - gap - test_size * n_splits <= 0)
    throw ValueError(cat(where, ": too many splits=", n_splits, " for number of samples=", n_samples,
                         " with test_size=", test_size, " and gap=", gap));
  // max_train_size = 0 means no limit, as in scikit-learn (which tests its truth).
  const Index max_train = params_.max_train_size.value_or(0);
  std::vector<TrainTestIndices> splits(static_cast<std::size_t>(n_splits));
  for (Index s = 0; s < n_splits; ++s) {
    const Index test_start = n_samples - (n_splits - s) * test_size;
    const Index train_end = test_start - gap;
    const Index train_start = (max_train > 0 && max_train < train_end) ? train_end - max_train : 0;
    TrainTestIndices& split = splits[static_cast<std::size_t>(s)];
    split.train.reserve(static_cast<std::size_t>(train_end - train_start));
    for (Index i = train_start; i < train_end; ++i) split.train.push_back(i);
    split.test.reserve(static_cast<std::size_t>(test_size));
    for (Index i = test_start; i < test_start + test_size; ++i) split.test.push_back(i);
  }
  return splits;
}

}  // namespace scilearn::learn
