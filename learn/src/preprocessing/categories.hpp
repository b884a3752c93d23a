#pragma once
// What OneHotEncoder and OrdinalEncoder share (private to the module): the
// categories and counts of each feature, the infrequent grouping of each
// feature, and the error for categories not seen in fit.

#include <cstddef>
#include <optional>
#include <scilearn/learn/validation.hpp>
#include <vector>

namespace scilearn::learn::detail {

// The distinct values of each column of X (sorted, NaN last) and their counts;
// parallel over columns for large X (each column independent, so the result
// does not depend on the thread count).
void learn_categories(const MatrixView& X, std::vector<Vector>& categories, std::vector<std::vector<Index>>& counts);

// The infrequent grouping of each feature from its category counts (see
// infrequent_positions / infrequent_mapping), into infrequent_indices and
// default_to_infrequent; both are left empty when min_frequency and
// max_categories are both unset (grouping off).
void group_infrequent(const std::vector<std::vector<Index>>& counts, Index n_samples,
                      const std::optional<double>& min_frequency, const std::optional<Index>& max_categories,
                      std::vector<std::vector<Index>>& infrequent_indices,
                      std::vector<std::vector<Index>>& default_to_infrequent);

// Whether feature j has infrequent categories (false when grouping is off).
inline bool has_infrequent(const std::vector<std::vector<Index>>& infrequent_indices, std::size_t j) {
  return !infrequent_indices.empty() && !infrequent_indices[j].empty();
}

// Per feature: the values of its infrequent categories (empty list when
// grouping is off).
std::vector<Vector> infrequent_values(const std::vector<Vector>& categories,
                                      const std::vector<std::vector<Index>>& infrequent_indices);

// ValueError naming the distinct values of column j of X that are not in
// `categories` (feature j's categories), as scikit-learn's transform does.
[[noreturn]] void throw_unknown_categories(const Vector& categories, const MatrixView& X, Index j);

}  // namespace scilearn::learn::detail
