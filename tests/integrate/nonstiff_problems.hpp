#pragma once
// Non-stiff test problems shared by the solve_ivp tests and benchmarks.

#include <cmath>
#include <scilearn/core/types.hpp>

namespace scilearn::testing {

// The Lorenz system with sigma 10, rho 28, beta 8/3.
inline Vector lorenz(double, const Vector& y) {
  return Vector{{10 * (y(1) - y(0)), y(0) * (28 - y(2)) - y(1), y(0) * y(1) - 8.0 / 3 * y(2)}};
}

// Arenstorf's orbit of the restricted three-body problem (Hairer, Norsett &
// Wanner 1993, Sec. II.0): periodic with period arenstorf_period from
// arenstorf_y0().
inline constexpr double arenstorf_period = 17.0652165601579625588917206249;

inline Vector arenstorf_y0() { return Vector{{0.994, 0.0, 0.0, -2.00158510637908252240537862224}}; }

inline Vector arenstorf(double, const Vector& y) {
  constexpr double mu = 0.012277471;
  constexpr double nu = 1 - mu;
  const double d1 = std::pow((y(0) + mu) * (y(0) + mu) + y(1) * y(1), 1.5);
  const double d2 = std::pow((y(0) - nu) * (y(0) - nu) + y(1) * y(1), 1.5);
  return Vector{{y(2), y(3), y(0) + 2 * y(3) - nu * (y(0) + mu) / d1 - mu * (y(0) - nu) / d2,
                 y(1) - 2 * y(2) - nu * y(1) / d1 - mu * y(1) / d2}};
}

}  // namespace scilearn::testing
