#pragma once
// What the tests on counts share (private to the stats module): the power
// divergence of two frequency vectors, behind power_divergence, chisquare and
// chi2_contingency, and the bisection over integers that the exact tests use
// to find the far side's tail.

#include <scilearn/core/types.hpp>
#include <scilearn/stats/contingency_tests.hpp>
#include <string_view>

namespace scilearn::stats::detail {

// The power divergence of f_obs against f_exp (lambda_ as power_divergence)
// and the upper tail of chi2(df) at it, with `where` naming the caller in
// errors. Throws ValueError when the lengths differ and, with sum_check,
// when the sums disagree (SciPy's check).
PowerDivergenceResult power_divergence_of(std::string_view where, const Vector& f_obs, const Vector& f_exp,
                                          double df, double lambda_, bool sum_check);

// The first integer x in [lo, hi] with pred(x), for a predicate that is
// false and then true on [lo, hi]; hi + 1 when it is never true. Bisection:
// O(log(hi - lo)) calls.
template <class Pred>
Index first_true(Index lo, Index hi, Pred pred) {
  Index count = hi - lo + 1;
  while (count > 0) {
    const Index half = count / 2;
    if (pred(lo + half)) {
      count = half;
    } else {
      lo += half + 1;
      count -= half + 1;
    }
  }
  return lo;
}

}  // namespace scilearn::stats::detail
