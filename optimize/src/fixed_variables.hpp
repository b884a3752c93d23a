#pragma once
// SciPy's removal of variables that the bounds fix (lb == ub) before lbfgsb
// or slsqp runs: their finite differences cannot step inside a zero-width
// box, so, when a derivative is taken by differences, minimize solves the
// problem in the free variables and puts the fixed ones back (the gradient's
// entries for them are NaN, as SciPy reports them). With every variable
// fixed there is nothing to solve: x = lb, one evaluation.
#include <optional>
#include <scilearn/optimize/minimize.hpp>
#include <vector>

namespace scilearn::optimize::detail {

class FixedVariables {
 public:
  FixedVariables(Vector x_fixed, std::vector<Index> free) : full_(std::move(x_fixed)), free_(std::move(free)) {}
  bool all_fixed() const { return free_.empty(); }
  /// The full x with these free values.
  Vector expand(const Vector& x_free) const;
  /// The same with `fill` in place of the fixed values.
  Vector expand(const Vector& x_free, double fill) const;
  /// The free entries of a full vector.
  Vector reduce(const Vector& full) const;
  /// The free columns of a matrix with a column per variable.
  Matrix reduce_columns(const Matrix& m) const;
  /// The point where every variable sits at its (fixed or not) lower bound.
  const Vector& lower() const { return full_; }

 private:
  Vector place(const Vector& x_free, Vector x) const;
  Vector full_;  // the fixed values in place, the lower bounds elsewhere
  std::vector<Index> free_;
};

/// What to remove for this run, if anything: lbfgsb or slsqp with some
/// lb == ub and a derivative by differences (the objective's when
/// !gradient_given; for slsqp a constraint's without jac), or all fixed.
std::optional<FixedVariables> variables_to_remove(const MinimizeOptions& options, const Vector& x0,
                                                  bool gradient_given);

/// The options of the problem in the free variables.
MinimizeOptions reduced_options(const MinimizeOptions& options, const FixedVariables& fixed);

/// A result in the free variables, with the fixed ones put back.
OptimizeResult expanded_result(OptimizeResult result, const FixedVariables& fixed);

/// SciPy's result when every variable is fixed, f the objective at lb.
OptimizeResult all_fixed_result(double f, const FixedVariables& fixed, const MinimizeOptions& options);

}  // namespace scilearn::optimize::detail
