#include "split_common.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <numeric>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <utility>

namespace scilearn::learn {

namespace detail {

void check_n_samples(std::string_view where, Index n_samples) {
  if (n_samples < 0) throw ValueError(cat(where, ": n_samples must be non-negative, got ", n_samples));
}

void check_lengths(std::string_view where, Index n_samples, const Eigen::Ref<const Vector>& y,
                   const Eigen::Ref<const Vector>& groups) {
  check_n_samples(where, n_samples);
  if (y.size() != 0) check_same_length(where, "y", y.size(), "n_samples", n_samples);
  if (groups.size() != 0) check_same_length(where, "groups", groups.size(), "n_samples", n_samples);
}

void check_labels(std::string_view where, std::string_view name, const Eigen::Ref<const Vector>& labels,
                  Index n_samples) {
  if (labels.size() == 0) throw ValueError(cat(where, ": the '", name, "' parameter is required"));
  check_same_length(where, name, labels.size(), "n_samples", n_samples);
  check_finite(where, name, labels);
}

namespace {

// Integer labels over a range no wider than a few times the sample count (class
// labels, group ids): a lookup table encodes them in O(n + range), no sort.
bool encode_small_integers(const Eigen::Ref<const Vector>& labels, EncodedLabels& encoded) {
  const Index n = labels.size();
  if (n == 0) return true;
  const double low = labels.minCoeff(), high = labels.maxCoeff();
  if (!(high - low <= static_cast<double>(4 * n + 1024))) return false;
  const auto width = static_cast<std::size_t>(high - low) + 1;
  std::vector<Index> table(width, 0);
  for (Index i = 0; i < n; ++i) {
    const double offset = labels[i] - low;
    if (offset != std::floor(offset)) return false;
    ++table[static_cast<std::size_t>(offset)];
  }
  for (std::size_t v = 0; v < width; ++v) {
    if (table[v] == 0) continue;
    encoded.counts.push_back(table[v]);
    encoded.values.push_back(low + static_cast<double>(v));
    table[v] = static_cast<Index>(encoded.values.size()) - 1;  // now the code of value low + v
  }
  encoded.code.resize(static_cast<std::size_t>(n));
  for (Index i = 0; i < n; ++i)
    encoded.code[static_cast<std::size_t>(i)] = table[static_cast<std::size_t>(labels[i] - low)];
  return true;
}

}  // namespace

EncodedLabels encode_labels(const Eigen::Ref<const Vector>& labels) {
  EncodedLabels encoded;
  if (encode_small_integers(labels, encoded)) return encoded;
  encoded = EncodedLabels();
  // Otherwise sort a contiguous copy and binary-search each sample's label
  // (O(n log n); much faster than an indirect sort of the sample indices).
  encoded.values.assign(labels.data(), labels.data() + labels.size());
  std::sort(encoded.values.begin(), encoded.values.end());
  encoded.values.erase(std::unique(encoded.values.begin(), encoded.values.end()), encoded.values.end());
  encoded.code.resize(static_cast<std::size_t>(labels.size()));
  encoded.counts.assign(encoded.values.size(), 0);
  const auto first = encoded.values.begin(), last = encoded.values.end();
  for (Index i = 0; i < labels.size(); ++i) {
    const auto c = std::lower_bound(first, last, labels[i]) - first;
    encoded.code[static_cast<std::size_t>(i)] = c;
    ++encoded.counts[static_cast<std::size_t>(c)];
  }
  return encoded;
}

void append_fold_splits(const std::vector<Index>& fold_of, Index n_folds, std::vector<TrainTestIndices>& out) {
  const auto n = static_cast<Index>(fold_of.size());
  const std::size_t first = out.size();
  out.resize(first + static_cast<std::size_t>(n_folds));
  // The test sets in one pass (each in increasing order) ...
  std::vector<std::size_t> fold_size(static_cast<std::size_t>(n_folds), 0);
  for (const Index f : fold_of)
    if (f >= 0 && f < n_folds) ++fold_size[static_cast<std::size_t>(f)];
  for (Index f = 0; f < n_folds; ++f)
    out[first + static_cast<std::size_t>(f)].test.reserve(fold_size[static_cast<std::size_t>(f)]);
  for (Index i = 0; i < n; ++i) {
    const Index f = fold_of[static_cast<std::size_t>(i)];
    if (f >= 0 && f < n_folds) out[first + static_cast<std::size_t>(f)].test.push_back(i);
  }
  // ... then each training set as the runs between consecutive test indices,
  // filled without a test per sample (one long run per side for plain KFold).
  for (Index f = 0; f < n_folds; ++f) {
    TrainTestIndices& split = out[first + static_cast<std::size_t>(f)];
    split.train.resize(static_cast<std::size_t>(n) - split.test.size());
    Index* write = split.train.data();
    Index next = 0;
    for (const Index t : split.test) {
      for (Index i = next; i < t; ++i) *write++ = i;
      next = t + 1;
    }
    for (Index i = next; i < n; ++i) *write++ = i;
  }
}

void check_kfold_params(std::string_view name, Index n_splits, bool shuffle, bool has_random_state) {
  if (n_splits <= 1)
    throw ValueError(cat(name,
                         ": k-fold cross-validation requires at least one train/test split by setting n_splits=2 "
                         "or more, got n_splits=",
                         n_splits));
  if (!shuffle && has_random_state)
    throw ValueError(cat(name,
                         ": setting a random_state has no effect since shuffle is false; leave random_state "
                         "unset, or set shuffle=true"));
}

}  // namespace detail

namespace {

// As Python prints the value: a fraction in its shortest round-trip form with
// a decimal point (1.0, 0.1), a count as an integer.
std::string size_text(const SplitSize& size) {
  if (!size.is_fraction()) return cat(size.count());
  std::array<char, 32> buffer{};
  const auto end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), size.fraction()).ptr;
  std::string text(buffer.data(), end);
  if (text.find_first_of(".en") == std::string::npos) text += ".0";
  return text;
}

std::string size_text(const std::optional<SplitSize>& size) { return size ? size_text(*size) : std::string("None"); }

void check_size(std::string_view where, std::string_view name, const std::optional<SplitSize>& size, Index n_samples) {
  if (!size) return;
  const bool bad = size->is_fraction() ? !(size->fraction() > 0 && size->fraction() < 1)
                                       : (size->count() >= n_samples || size->count() <= 0);
  if (bad)
    throw ValueError(cat(where, ": ", name, "=", size_text(*size),
                         " should be either positive and smaller than the number of samples ", n_samples,
                         " or a float in the (0, 1) range"));
}

}  // namespace

ShuffleSplitSizes validate_shuffle_split(std::string_view where, Index n_samples,
                                         const std::optional<SplitSize>& test_size_in,
                                         const std::optional<SplitSize>& train_size, double default_test_size) {
  detail::check_n_samples(where, n_samples);
  std::optional<SplitSize> test_size = test_size_in;
  if (!test_size && !train_size) test_size = SplitSize(default_test_size);
  check_size(where, "test_size", test_size, n_samples);
  check_size(where, "train_size", train_size, n_samples);
  if (test_size && train_size && test_size->is_fraction() && train_size->is_fraction() &&
      train_size->fraction() + test_size->fraction() > 1)
    throw ValueError(cat(where,
                         ": the sum of test_size and train_size = ", train_size->fraction() + test_size->fraction(),
                         ", should be in the (0, 1) range. Reduce test_size and/or train_size."));
  // The products are rounded once in double before ceil / floor, as NumPy does
  // (0.1 * 70 = 7.000000000000001 gives 8 test samples, as in scikit-learn).
  const auto n = static_cast<double>(n_samples);
  Index n_test = 0, n_train = 0;
  if (test_size)
    n_test = test_size->is_fraction() ? static_cast<Index>(std::ceil(test_size->fraction() * n)) : test_size->count();
  if (train_size)
    n_train =
        train_size->is_fraction() ? static_cast<Index>(std::floor(train_size->fraction() * n)) : train_size->count();
  if (!train_size)
    n_train = n_samples - n_test;
  else if (!test_size)
    n_test = n_samples - n_train;
  if (n_train + n_test > n_samples)
    throw ValueError(cat(where, ": the sum of train_size and test_size = ", n_train + n_test,
                         ", should be smaller than the number of samples ", n_samples,
                         ". Reduce test_size and/or train_size."));
  if (n_train == 0)
    throw ValueError(cat(where, ": with n_samples=", n_samples, ", test_size=", size_text(test_size),
                         " and train_size=", size_text(train_size),
                         ", the resulting train set will be empty. Adjust any of the aforementioned parameters."));
  return {n_train, n_test};
}

Index CrossValidator::get_n_splits_for(Index /*n_samples*/) const { return get_n_splits(); }

Matrix take_rows(const Eigen::Ref<const Matrix>& X, const std::vector<Index>& rows) {
  Matrix out(static_cast<Index>(rows.size()), X.cols());
  for (const Index r : rows)
    if (r < 0 || r >= X.rows())
      throw ValueError(cat("take_rows: index ", r, " is out of bounds for X with ", X.rows(), " rows"));
  // Column by column: X is column-major, so each column is read with one
  // gather and written contiguously.
  for (Index j = 0; j < X.cols(); ++j) {
    const auto column = X.col(j);
    for (std::size_t k = 0; k < rows.size(); ++k) out(static_cast<Index>(k), j) = column[rows[k]];
  }
  return out;
}

Vector take(const Eigen::Ref<const Vector>& v, const std::vector<Index>& indices) {
  Vector out(static_cast<Index>(indices.size()));
  for (std::size_t k = 0; k < indices.size(); ++k) {
    const Index i = indices[k];
    if (i < 0 || i >= v.size())
      throw ValueError(cat("take: index ", i, " is out of bounds for a vector of size ", v.size()));
    out[static_cast<Index>(k)] = v[i];
  }
  return out;
}

}  // namespace scilearn::learn
