#pragma once
// The x where an increasing function reaches a target: the quantiles of the
// distributions without a closed-form or special-function inverse (skewnorm,
// vonmises). Private to the module.

#include <boost/math/tools/toms748_solve.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

#include "distribution_support.hpp"

namespace scilearn::stats::detail {

// The x in [low, high] with f(x) = target, for f increasing there: a bracket
// grown from guess by doubling steps (clamped to [low, high]), then Alefeld,
// Potra & Shi's TOMS 748 to one or two ulps. Where f(low) >= target (the
// target is below what f reaches) the answer is low, where f(high) <= target
// it is high.
template <class F>
double invert_increasing(F f, double target, double guess, double step, double low, double high) {
  auto g = [&](double x) { return f(x) - target; };
  double lo = std::clamp(guess, low, high), hi = lo;
  double g_lo = g(lo), g_hi = g_lo;
  if (g_lo == 0) return lo;
  if (g_lo > 0) {
    for (double s = step; g_lo > 0; s *= 2) {
      hi = lo;
      g_hi = g_lo;
      if (lo == low) return low;
      lo = std::max(low, lo - s);
      g_lo = g(lo);
    }
  } else {
    for (double s = step; g_hi < 0; s *= 2) {
      lo = hi;
      g_lo = g_hi;
      if (hi == high) return high;
      hi = std::min(high, hi + s);
      g_hi = g(hi);
    }
  }
  if (g_lo == 0) return lo;
  if (g_hi == 0) return hi;
  std::uintmax_t iterations = 200;
  const auto r = boost::math::tools::toms748_solve(g, lo, hi, g_lo, g_hi, boost::math::tools::eps_tolerance<double>(52),
                                                   iterations, Policy());
  return (r.first + r.second) / 2;
}

}  // namespace scilearn::stats::detail
