#pragma once
/// \file
/// scipy.stats' `nan_policy`: what a function does with NaN in its data.

namespace scilearn::stats {

/// SciPy's nan_policy. The functions that take it (the descriptive ones of
/// descriptive.hpp and order_statistics.hpp, the t tests, mannwhitneyu,
/// kruskal, spearmanr, kendalltau) default to propagate, as SciPy.
enum class NanPolicy {
  propagate,  ///< NaN in, NaN out
  raise,      ///< NaN in the data throws ValueError
  omit,       ///< NaN entries are dropped (for paired samples, the pairs with a NaN on either side)
};

}  // namespace scilearn::stats
