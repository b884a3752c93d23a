#pragma once
/// \file
/// Derivatives by finite differences: scipy.optimize's `approx_derivative`
/// (SciPy keeps it in `scipy.optimize._numdiff`), `approx_fprime` and
/// `check_grad`. The minimizers use the same code when no gradient is given.

#include <optional>
#include <scilearn/optimize/functions.hpp>

namespace scilearn::optimize {

/// Finite-difference scheme (SciPy's `method` of approx_derivative).
enum class FiniteDifference {
  two_point,    ///< forward (backward near an upper bound) difference, error O(h)
  three_point,  ///< central difference, one-sided 3-point next to a bound, error O(h^2)
};

/// Options of approx_derivative, with SciPy's names and defaults.
struct FiniteDifferenceOptions {
  FiniteDifference method = FiniteDifference::two_point;
  /// Relative step per component (or one entry for all). Empty: the scheme's
  /// optimal step, sqrt(eps) for two_point and eps^(1/3) for three_point. The
  /// step taken is rel_step * sign(x0) * max(1, |x0|) (SciPy's rule).
  Vector rel_step{};
  /// Absolute step per component (or one entry for all); overrides rel_step.
  /// A step that vanishes when added to x0 falls back to the relative rule.
  Vector abs_step{};
  /// Bounds that no evaluation point may leave (empty: unbounded). Steps are
  /// turned around, shortened or made one-sided to respect them, as in SciPy.
  Vector lb{};
  Vector ub{};
  /// Vector functions only: the Jacobian's sparsity pattern (m x n, any
  /// nonzero marks an entry that may be nonzero; empty: dense). Columns with
  /// no row in common are perturbed together (Curtis, Powell and Reid 1974),
  /// one evaluation per group (two for three_point); entries outside the
  /// pattern come back as 0.
  SparseMatrix sparsity{};
  /// The groups for `sparsity` (group_columns(sparsity); empty: computed here).
  IndexVector groups{};
};

/// scipy.optimize._numdiff.group_columns: a group number for each column of
/// the pattern, columns of one group sharing no nonzero row, found greedily
/// in column order (SciPy takes a random order by default, so its grouping
/// can differ; any valid grouping gives the same derivative).
/// Complexity: O(nnz times the number of groups).
[[nodiscard]] IndexVector group_columns(const SparseMatrix& pattern);

/// The gradient of a scalar function at x0 by finite differences.
/// \param f0 fun(x0) when the caller already has it (saves one evaluation).
/// Requires: x0 finite and inside the bounds; step vectors of size 1 or n.
/// Throws: ValueError otherwise. Complexity: n (two_point) or 2n
/// (three_point) evaluations of fun.
[[nodiscard]] Vector approx_derivative(const Objective& fun, const Vector& x0,
                                       const FiniteDifferenceOptions& options = {},
                                       std::optional<double> f0 = std::nullopt);

/// The Jacobian (m x n, m = fun(x0).size()) of a vector function at x0 by
/// finite differences. \param f0 fun(x0) when the caller already has it.
/// Requires / Throws: as the gradient overload; also that every fun(x) has
/// the size of fun(x0), and a sparsity pattern (if any) of m x n with groups
/// of n entries. Complexity: n evaluations (2n for three_point), or one (two)
/// per column group with a sparsity pattern.
[[nodiscard]] Matrix approx_derivative(const VectorFunction& fun, const Vector& x0,
                                       const FiniteDifferenceOptions& options = {},
                                       const std::optional<Vector>& f0 = std::nullopt);

/// scipy.optimize.approx_fprime: forward differences with absolute step
/// `epsilon` (one value, or one per component). Throws ValueError on a
/// non-finite x0 or an epsilon of the wrong size.
[[nodiscard]] Vector approx_fprime(const Objective& fun, const Vector& xk, const Vector& epsilon);
/// approx_fprime with SciPy's default step sqrt(eps) = 1.49e-8.
[[nodiscard]] Vector approx_fprime(const Objective& fun, const Vector& xk);

/// scipy.optimize.check_grad (direction "all"): the 2-norm of
/// grad(x0) - approx_fprime(fun, x0, epsilon). Near zero (about
/// sqrt(eps) times the curvature) when grad is right.
[[nodiscard]] double check_grad(const Objective& fun, const Gradient& grad, const Vector& x0,
                                double epsilon = 1.4901161193847656e-08);

}  // namespace scilearn::optimize
