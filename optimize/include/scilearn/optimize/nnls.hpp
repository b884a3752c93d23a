#pragma once
/// \file
/// scipy.optimize.nnls: least squares with nonnegative variables.

#include <scilearn/core/types.hpp>

namespace scilearn::optimize {

/// What nnls returns: SciPy's (x, rnorm), and whether the active-set
/// iteration finished (SciPy raises RuntimeError when it does not).
struct NnlsResult {
  Vector x{};          ///< argmin ||A x - b||_2 subject to x >= 0
  double rnorm = 0;    ///< ||A x - b||_2
  int iterations = 0;  ///< inner least-squares solves
  bool converged = false;
};

/// Solves min ||A x - b|| subject to x >= 0 by Lawson and Hanson's active-set
/// method ("Solving Least Squares Problems", 1974, ch. 23): variables enter
/// the passive set by largest gradient component, and an unconstrained least-
/// squares solve on the passive set (Householder QR) is stepped back to the
/// feasible region when it leaves it.
/// \param maxiter limit on the least-squares solves; 0: 3 n (SciPy's default).
/// Requires: a and b finite, b with a.rows() entries, maxiter >= 0.
/// Ensures: x >= 0; the Karush-Kuhn-Tucker conditions hold to a tolerance
/// of 10 eps ||A||_1 max(m, n) on the gradient A'(b - A x) when converged.
/// Throws: ValueError on bad input.
/// Complexity: O(k m n^2) for k solves, at most maxiter.
[[nodiscard]] NnlsResult nnls(const Eigen::Ref<const Matrix>& a, const Eigen::Ref<const Vector>& b, int maxiter = 0);

}  // namespace scilearn::optimize
