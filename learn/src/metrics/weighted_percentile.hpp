#pragma once
// The weighted percentile of scikit-learn's metrics (sklearn.utils.stats.
// _weighted_percentile with average=True), shared by median_absolute_error
// and d2_absolute_error_score.

#include <scilearn/learn/validation.hpp>
#include <vector>

namespace scilearn::learn::detail {

/// The `percentile_rank` (0..100) weighted percentile of `values` (reordered
/// in place): sorted by value, the first one whose cumulative weight reaches
/// rank / 100 of the total; when it reaches it exactly (to machine epsilon),
/// the mean of that value and the next one of non-zero weight (Hyndman & Fan
/// 1996's averaging at a jump). Requires weights.size() == values.size(),
/// weights non-negative with a positive sum. Complexity: O(n log n).
double weighted_percentile(std::vector<double>& values, const VectorView& weights, double percentile_rank);

}  // namespace scilearn::learn::detail
