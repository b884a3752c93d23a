#pragma once
// Neumaier's compensated summation (Neumaier 1974), which the stats module
// uses wherever a sum must keep its digits. Private to the module.

#include <cmath>
#include <scilearn/core/types.hpp>

namespace scilearn::stats::detail {

// sum term(0) ... term(n - 1), the rounding error of every addition kept and
// added back at the end (an infinite sum leaves no error to add back).
template <class Terms>
double compensated_sum(Index n, Terms term) {
  double sum = 0, compensation = 0;
  for (Index i = 0; i < n; ++i) {
    const double x = term(i);
    const double t = sum + x;
    compensation += std::abs(sum) >= std::abs(x) ? (sum - t) + x : (x - t) + sum;
    sum = t;
  }
  return std::isfinite(sum) ? sum + compensation : sum;
}

}  // namespace scilearn::stats::detail
