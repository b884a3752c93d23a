#pragma once
/// \file
/// Constraints of minimize's slsqp and cobyla, in SciPy's three spellings:
/// the old dictionary form ({'type': 'eq' / 'ineq', 'fun', 'jac'}),
/// `LinearConstraint` and `NonlinearConstraint`.

#include <limits>
#include <scilearn/optimize/functions.hpp>
#include <variant>
#include <vector>

namespace scilearn::optimize {

/// Whether a Constraint asks fun(x) == 0 or fun(x) >= 0.
enum class ConstraintType {
  eq,    ///< every component of fun(x) is zero
  ineq,  ///< every component of fun(x) is non-negative
};

/// SciPy's dictionary constraint: fun(x) == 0 (eq) or fun(x) >= 0 (ineq),
/// componentwise. `jac` (rows: components of fun) is optional; empty:
/// forward differences with minimize's step `eps`.
struct Constraint {
  ConstraintType type = ConstraintType::ineq;
  VectorFunction fun{};
  JacobianFunction jac{};
};

/// lb <= A x <= ub (SciPy's LinearConstraint). A is m x n; lb and ub have m
/// entries or one for all; -inf / +inf leave a side free, lb == ub makes an
/// equality. Empty lb / ub: -inf / +inf, as SciPy defaults them.
struct LinearConstraint {
  Matrix A{};
  Vector lb{};
  Vector ub{};
};

/// lb <= fun(x) <= ub componentwise (SciPy's NonlinearConstraint); lb and
/// ub as for LinearConstraint, but required. `jac` as for Constraint.
struct NonlinearConstraint {
  VectorFunction fun{};
  Vector lb{};
  Vector ub{};
  JacobianFunction jac{};
};

/// Any of the three; minimize takes a list that mixes them freely.
using AnyConstraint = std::variant<Constraint, LinearConstraint, NonlinearConstraint>;

}  // namespace scilearn::optimize
