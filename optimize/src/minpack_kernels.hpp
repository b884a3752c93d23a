#pragma once
// What MINPACK's solvers share (Moré, Garbow and Hillstrom 1980): the
// Euclidean norm that cannot overflow, and Householder QR with optional
// column pivoting, written as MINPACK computes them.

#include <scilearn/core/types.hpp>
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

}  // namespace scilearn::optimize::detail
