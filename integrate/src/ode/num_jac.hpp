#pragma once
// The finite-difference Jacobian of SciPy's stiff ODE methods (scipy's
// integrate._ivp.common.num_jac, dense case): forward differences whose
// per-column step factor adapts from one call to the next so that each
// difference stays well above its round-off (Salane 1986; Shampine &
// Reichelt 1997, Sec. 3.3).

#include <functional>
#include <scilearn/core/types.hpp>

namespace scilearn::integrate::detail {

// A right-hand side as num_jac calls it: f(t, y), of y's length.
using RhsCall = std::function<Vector(double t, const Vector& y)>;

// d fun / d y at (t, y), n x n, by forward differences. f is fun(t, y);
// threshold (length n, typically atol) is the smallest |y_j| the step of
// column j scales with. factor (length n) is the step factor of each column:
// pass an empty vector on the first call (it starts at sqrt(eps)); on return
// it holds the factor to pass next time. Calls fun n times, plus once more
// for each column whose difference was lost in round-off (that column is
// retried with a 10 times larger step).
[[nodiscard]] Matrix num_jac(const RhsCall& fun, double t, const Vector& y, const Vector& f, const Vector& threshold,
                             Vector& factor);

}  // namespace scilearn::integrate::detail
