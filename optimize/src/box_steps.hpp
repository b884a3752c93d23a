#pragma once
// What the bounded least-squares methods (trf with bounds, dogbox) share:
// steps to the box's boundary and one-dimensional quadratic models, as
// SciPy's _lsq/common.py defines them.
#include <optional>
#include <scilearn/core/types.hpp>
#include <utility>

namespace scilearn::optimize::detail {

// Coleman and Li's scaling vector v (distance to the bound the gradient
// points at, 1 when there is none) and its derivative sign dv.
void cl_scaling(const Vector& x, const Vector& g, const Vector& lb, const Vector& ub, Vector& v, Vector& dv);

bool in_bounds(const Vector& x, const Vector& lb, const Vector& ub);

// The largest t with lb <= x + t s <= ub, and which components reach a bound
// there (their sign: +1 up, -1 down).
std::pair<double, Vector> step_size_to_bound(const Vector& x, const Vector& s, const Vector& lb, const Vector& ub);

// 0.5 ||J s||^2 + 0.5 s' diag s + g's (diag empty: none).
double evaluate_quadratic(const Matrix& j, const Vector& g, const Vector& s, const Vector& diag);

// The quadratic along s0 + t s: a t^2 + b t + c.
struct Quadratic1d {
  double a, b, c;
};
Quadratic1d quadratic_1d(const Matrix& j, const Vector& g, const Vector& s, const Vector& diag,
                         const std::optional<Vector>& s0);

// Its minimum over [lo, hi]: (t, value).
std::pair<double, double> minimize_quadratic_1d(const Quadratic1d& q, double lo, double hi);

}  // namespace scilearn::optimize::detail
