#pragma once
// Adaptive Gauss-Kronrod quadrature (Boost.Math, 31 points) for the smooth,
// positive integrands of the distributions without closed-form tails
// (truncnorm's narrow intervals and moments, skewnorm's light tail and
// entropy, vonmises' tails and variance). Private to the module.

#include <boost/math/quadrature/gauss_kronrod.hpp>

namespace scilearn::stats::detail {

// integral_a^b f, either end possibly infinite (Boost maps the interval to a
// finite one). The tolerance applies to Boost's error estimate (QUADPACK's
// heuristic from |K31 - G15|), which for these integrands exceeds the actual
// error by orders of magnitude and has a rounding floor near 1e-13 relative:
// 1e-12 of it is met by the first rule or after a few subdivisions with the
// actual error near the rounding level (checked against 60-digit values in
// the tests), where a smaller tolerance would subdivide to the maximum depth
// in vain (a thousand times slower, no more accurate).
template <class F>
double integrate(F f, double a, double b) {
  return boost::math::quadrature::gauss_kronrod<double, 31>::integrate(f, a, b, 10, 1e-12);
}

}  // namespace scilearn::stats::detail
