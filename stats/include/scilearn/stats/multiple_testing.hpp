#pragma once
/// \file
/// Adjusting p-values for multiple tests (scipy.stats.false_discovery_control).

#include <scilearn/core/types.hpp>

namespace scilearn::stats {

/// The false discovery rate procedure (SciPy's `method`).
enum class FdrMethod {
  bh,  ///< 'bh': Benjamini and Hochberg (1995), for independent or positively dependent tests
  by,  ///< 'by': Benjamini and Yekutieli (2001), for any dependence
};

/// Adjusted p-values controlling the false discovery rate
/// (scipy.stats.false_discovery_control): with p sorted ascending,
/// p_(i) m / i (times sum_{j <= m} 1/j for 'by'), made monotone from the
/// largest down and capped at 1; returned in the input's order.
/// Throws: ValueError when a p-value is outside [0, 1] or NaN.
/// Complexity: O(m log m).
[[nodiscard]] Vector false_discovery_control(const Vector& ps, FdrMethod method = FdrMethod::bh);

}  // namespace scilearn::stats
