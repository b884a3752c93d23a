#pragma once
// A list of AnyConstraint turned into what SQP-type solvers want: equalities
// c_eq(x) = 0 and inequalities c_in(x) >= 0 (SciPy's old convention), with
// their Jacobians. Two-sided rows lb <= c(x) <= ub become one equality
// (lb == ub) or up to two inequalities, as SciPy's old_constraint_to_new
// inverse does; rows free on both sides are dropped.
#include <scilearn/optimize/constraints.hpp>
#include <scilearn/optimize/finite_differences.hpp>
#include <vector>

namespace scilearn::optimize::detail {

class ConstraintSet {
 public:
  /// Validates `constraints` for an n-vector, evaluating each nonlinear one at
  /// x0 once to learn its size (as SciPy does). `finite_difference` serves the
  /// constraints that come without a Jacobian.
  /// Throws ValueError on a shape mismatch, NaN bounds or lb > ub.
  ConstraintSet(const std::vector<AnyConstraint>& constraints, const Vector& x0,
                FiniteDifferenceOptions finite_difference, const char* where);

  Index n_eq() const { return n_eq_; }
  Index n_ineq() const { return n_ineq_; }

  /// c_eq(x) and c_in(x) (sizes n_eq, n_ineq).
  void values(const Vector& x, Vector& eq, Vector& ineq) const;
  /// Their Jacobians, n_eq x n and n_ineq x n.
  void jacobians(const Vector& x, Matrix& eq, Matrix& ineq) const;
  /// The violation of each row at x: |c_eq| and max(0, -c_in), and a 0
  /// (so that maxCoeff and sum work) when there are no constraints.
  Vector violations(const Vector& x) const;

 private:
  // One user constraint: a vector function of x with rows mapped to ours.
  struct Row {
    Index source;  // component of the block's function
    double sign;   // +1: value - offset; -1: offset - value
    double offset;
  };
  struct Block {
    VectorFunction fun;
    JacobianFunction jac;  // empty: finite differences
    Index m;               // size of fun's value
    std::vector<Row> eq, ineq;
  };
  void add(VectorFunction fun, JacobianFunction jac, Vector lb, Vector ub, Index m, const char* where);

  std::vector<Block> blocks_;
  FiniteDifferenceOptions finite_difference_;
  Index n_ = 0, n_eq_ = 0, n_ineq_ = 0;
};

}  // namespace scilearn::optimize::detail
