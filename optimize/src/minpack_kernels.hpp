#pragma once
// What MINPACK's solvers share (Moré, Garbow and Hillstrom 1980): the
// Euclidean norm that cannot overflow, and Householder QR with optional
// column pivoting, written as MINPACK computes them.

#include <scilearn/core/types.hpp>
#include <scilearn/optimize/functions.hpp>
#include <string_view>
#include <vector>

namespace scilearn::optimize::detail {

/// MINPACK's enorm of x(begin .. begin + n - 1): squares summed in three
/// ranges (tiny, intermediate, huge) so that nothing overflows or underflows.
double enorm(const Eigen::Ref<const Vector>& x, Index begin, Index n);
double enorm(const Eigen::Ref<const Vector>& x);

/// MINPACK's qrfac: Householder QR of a (m x n), with column pivoting on the
/// largest remaining norm when `pivot`. On return a's strict upper triangle
/// holds R off the diagonal, its lower part the Householder vectors (v_j in
/// rows j.., a(j, j) = v_j(0)); rdiag the diagonal of R; acnorm the original
/// column norms; ipvt the pivots (identity without pivoting).
void qrfac(Matrix& a, bool pivot, std::vector<Index>& ipvt, Vector& rdiag, Vector& acnorm);

/// The Jacobian at x (m x n, fvec = fun(x)): the user's `jac`, checked for
/// its shape and counted in njev, or forward differences with step
/// eps |x_j| (eps where x_j = 0), counted in nfev (MINPACK's fdjac1 / fdjac2).
Matrix jacobian_at(std::string_view where, const VectorFunction& fun, const JacobianFunction& jac, const Vector& x,
                   const Vector& fvec, double eps, int& nfev, int& njev);

/// Q' f for the Householder vectors that qrfac left in a (before R's
/// diagonal is written back over them): the first a.cols() entries.
Vector qt_times(const Matrix& a, const Vector& f);

/// The first iteration's scaling and step bound: diag from the Jacobian's
/// column norms (1 for a zero column) unless the caller gave it, xnorm =
/// ||diag x||, delta = factor xnorm (factor when that is 0).
void initial_step_bound(bool scale_from_jacobian, const Vector& acnorm, const Vector& x, double factor, Vector& diag,
                        double& xnorm, double& delta);

}  // namespace scilearn::optimize::detail
