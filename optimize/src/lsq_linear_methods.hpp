#pragma once
// The two methods behind lsq_linear, from the unconstrained solution x_lsq
// (which lies outside the bounds); the driver fills unbounded_sol, message
// and success.
#include <scilearn/optimize/lsq_linear.hpp>

namespace scilearn::optimize::detail {

LsqLinearResult bvls(const Matrix& a, const Vector& b, const Vector& x_lsq, const Vector& lb, const Vector& ub,
                     double tol, int max_iter);

LsqLinearResult trf_linear(const Matrix& a, const Vector& b, const Vector& x_lsq, const Vector& lb, const Vector& ub,
                           double tol, int max_iter);

}  // namespace scilearn::optimize::detail
