#pragma once
// The QUADPACK routines behind quad (private to the module). Each takes a
// validated problem with a < b (quad has flipped reversed limits and handled
// a == b) and fills value, abserr, neval, the interval lists and ier; quad
// adds the message and the warning.

#include <scilearn/integrate/quad.hpp>

namespace scilearn::integrate::detail {

// No weight: QAGS (finite), QAGI (either limit infinite), QAGP (points).
[[nodiscard]] QuadResult integrate_unweighted(const Integrand& func, double a, double b, const QuadOptions& options);

// A weight: QAWO, QAWF, QAWS or QAWC.
[[nodiscard]] QuadResult integrate_weighted(const Integrand& func, double a, double b, const QuadOptions& options);

}  // namespace scilearn::integrate::detail
