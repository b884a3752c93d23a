#pragma once
// What the clustering metrics share with the pairwise distances.

#include <optional>
#include <scilearn/learn/metrics/pairwise.hpp>
#include <string_view>

namespace scilearn::learn::detail {

/// True when X and Y view the same memory with the same shape and stride:
/// scikit-learn's `Y is X`.
bool same_matrix(const MatrixView& X, const MatrixView& Y);

/// Non-empty, finite, the same feature count (Y is not checked again when it is X).
void check_pairwise_arrays(std::string_view where, const MatrixView& X, const MatrixView& Y);

/// Threads for n_jobs (none: OpenMP's default).
int threads(std::optional<int> n_jobs);

/// pairwise_distances after the checks; throws ValueError for an unknown metric.
Matrix distances(std::string_view where, const MatrixView& X, const MatrixView& Y,
                 const PairwiseDistancesOptions& options);

}  // namespace scilearn::learn::detail
