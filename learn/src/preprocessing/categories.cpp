#include "categories.hpp"

#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>

#include "category_table.hpp"
#include "preprocessing_detail.hpp"

namespace scilearn::learn::detail {

void learn_categories(const MatrixView& X, std::vector<Vector>& categories, std::vector<std::vector<Index>>& counts) {
  const Index n = X.rows(), p = X.cols();
  categories.resize(static_cast<std::size_t>(p));
  counts.resize(static_cast<std::size_t>(p));
#pragma omp parallel for schedule(dynamic) if (n * p > 100000)
  for (Index j = 0; j < p; ++j)
    CategoryTable::unique_counts(X.col(j).data(), n, categories[static_cast<std::size_t>(j)],
                                 counts[static_cast<std::size_t>(j)]);
}

void group_infrequent(const std::vector<std::vector<Index>>& counts, Index n_samples,
                      const std::optional<double>& min_frequency, const std::optional<Index>& max_categories,
                      std::vector<std::vector<Index>>& infrequent_indices,
                      std::vector<std::vector<Index>>& default_to_infrequent) {
  infrequent_indices.clear();
  default_to_infrequent.clear();
  if (!min_frequency && !max_categories) return;
  infrequent_indices.resize(counts.size());
  default_to_infrequent.resize(counts.size());
  for (std::size_t j = 0; j < counts.size(); ++j) {
    infrequent_indices[j] = infrequent_positions(counts[j], n_samples, min_frequency, max_categories);
    default_to_infrequent[j] = infrequent_mapping(static_cast<Index>(counts[j].size()), infrequent_indices[j]);
  }
}

std::vector<Vector> infrequent_values(const std::vector<Vector>& categories,
                                      const std::vector<std::vector<Index>>& infrequent_indices) {
  std::vector<Vector> out;
  out.reserve(infrequent_indices.size());
  for (std::size_t j = 0; j < infrequent_indices.size(); ++j) {
    const auto& idx = infrequent_indices[j];
    Vector v(static_cast<Index>(idx.size()));
    for (std::size_t k = 0; k < idx.size(); ++k) v(static_cast<Index>(k)) = categories[j](idx[k]);
    out.push_back(std::move(v));
  }
  return out;
}

void throw_unknown_categories(const Vector& categories, const MatrixView& X, Index j) {
  const CategoryTable table(categories);
  std::vector<double> unseen;
  for (Index i = 0; i < X.rows(); ++i)
    if (table.find(X(i, j)) < 0) unseen.push_back(X(i, j));
  Vector distinct;
  std::vector<Index> ignored;
  CategoryTable::unique_counts(unseen.data(), static_cast<Index>(unseen.size()), distinct, ignored);
  throw ValueError(cat("Found unknown categories ",
                       python_list(std::vector<double>(distinct.data(), distinct.data() + distinct.size())),
                       " in column ", j, " during transform"));
}

}  // namespace scilearn::learn::detail
