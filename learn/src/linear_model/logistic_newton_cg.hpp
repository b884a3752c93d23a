#pragma once
// LogisticRegression's "newton-cg" solver (scikit-learn's _newton_cg).

#include <scilearn/learn/sparse_input.hpp>
#include <scilearn/learn/validation.hpp>

#include "linear_model/logistic_loss.hpp"

namespace scilearn::learn::detail {

// A truncated Newton method (Nocedal and Wright 2006, Alg. 7.1) as
// scikit-learn's _newton_cg runs it: at most max_iter iterations, stopping
// when the largest gradient entry is <= tol; each solves H p = -g by
// conjugate gradients on Hessian products (loss.hessp, at most 200 + 1 of
// them) to a residual 1-norm of min(1/2, sqrt(|g|_1)) |g|_1, then takes a
// Wolfe line search step (SciPy's line_search_wolfe1, scikit-learn's check
// for a change below rounding, line_search_wolfe2). Warns "Line Search
// failed" (WarningCategory::user) and stops when all three fail, and warns
// (WarningCategory::convergence) when it stops at max_iter. x is the start
// and receives the result; returns the iterations.
template <class XType>
Index solve_newton_cg(LogisticLoss<XType>& loss, Vector& x, int max_iter, double tol);

extern template Index solve_newton_cg(LogisticLoss<MatrixView>&, Vector&, int, double);
extern template Index solve_newton_cg(LogisticLoss<CsrMatrix>&, Vector&, int, double);

}  // namespace scilearn::learn::detail
