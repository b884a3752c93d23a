#pragma once
/// \file
/// scipy.optimize.lsq_linear: minimizes 0.5 ||A x - b||^2 subject to
/// lb <= x <= ub.

#include <scilearn/optimize/minimize.hpp>
#include <string>

namespace scilearn::optimize {

/// The algorithm (SciPy's `method`).
enum class LsqLinearMethod {
  trf,   ///< Trust Region Reflective adapted to linear problems (Branch, Coleman and Li 1999)
  bvls,  ///< Bounded-Variable Least Squares, an active-set method (Stark and Parker 1995)
};

/// Options of lsq_linear, with SciPy's names and defaults.
struct LsqLinearOptions {
  /// lb <= x <= ub (1 or n entries each, lb < ub); empty: unbounded.
  std::optional<Bounds> bounds{};
  LsqLinearMethod method = LsqLinearMethod::trf;
  /// trf: stop when the scaled gradient's largest entry, or the relative
  /// cost reduction of an iteration, is below tol; bvls: the same with the
  /// KKT optimality measure.
  double tol = 1e-10;
  /// Iteration limit; 0: SciPy's default, 100 (trf) or n (bvls, after its
  /// initial phase).
  int max_iter = 0;
};

/// SciPy's OptimizeResult of lsq_linear.
struct LsqLinearResult {
  Vector x{};
  double cost = 0;            ///< 0.5 ||A x - b||^2
  Vector fun{};               ///< the residuals A x - b
  double optimality = 0;      ///< first-order optimality (trf: scaled gradient; bvls: KKT measure)
  IndexVector active_mask{};  ///< -1 / 1 for variables at their lower / upper bound, else 0
  Vector unbounded_sol{};     ///< the unconstrained least-squares solution (lstsq)
  int nit = 0;                ///< iterations (0 when the unconstrained solution is feasible)
  /// SciPy's: -1 no progress, 0 max_iter, 1 tol on optimality, 2 tol on
  /// the cost change, 3 the unconstrained solution is optimal.
  int status = 0;
  std::string message{};
  bool success = false;  ///< status > 0
};

/// Solves min 0.5 ||A x - b||^2, lb <= x <= ub: the unconstrained
/// least-squares solution when it lies within the bounds, else trf or bvls
/// from it.
/// Requires: a m x n and b m-vector, finite, non-empty; bounds of 1 or n
/// entries with lb < ub; tol >= 0; max_iter >= 0.
/// Throws: ValueError on bad input.
/// Complexity: a pivoted QR or SVD of a, O(m n^2); then per iteration O(m n)
/// plus an n x n triangular solve (trf) or a least-squares solve on the free
/// columns, O(m n^2) (bvls).
[[nodiscard]] LsqLinearResult lsq_linear(const Matrix& a, const Vector& b, const LsqLinearOptions& options = {});

}  // namespace scilearn::optimize
