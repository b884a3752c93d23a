#pragma once
// minimize(method = trust_constr): SciPy's trust-region method for
// constrained problems (scipy/optimize/_trustregion_constr): Byrd-Omojokun
// SQP for equality constraints (Lalee, Nocedal and Plantenga 1998) and, with
// inequalities, the barrier method of Byrd, Hribar and Nocedal (1999) whose
// subproblems that SQP solves. Written from SciPy's code and the papers.
#include <functional>
#include <scilearn/core/types.hpp>

namespace scilearn::optimize::detail {

/// A linear map given by its action (a Lagrangian Hessian, a projection).
using Operator = std::function<Vector(const Vector&)>;

/// The projections onto the null space and row space of an m x n Jacobian A
/// (rank m): Z x = x - A^T (A A^T)^-1 A x, LS x = (A A^T)^-1 A x (least-squares
/// multipliers), Y b = A^T (A A^T)^-1 b (the least-norm solution of A y = b).
/// By QR with column pivoting of A^T, or SVD when A is rank deficient.
struct Projections {
  Operator null_space, least_squares, row_space;
};
Projections projections(const Matrix& a);

/// How projected CG ended (SciPy's cg_info).
struct CgInfo {
  int niter = 0;
  int stop_cond = 0;
  bool hits_boundary = false;
};

/// What equality_constrained_sqp needs from its problem. The stop test gets
/// the iterate, whether the last step was rejected, the optimality and
/// violation measures, the trust radius, the penalty and the CG report.
struct SqpProblem {
  std::function<std::pair<double, Vector>(const Vector&)> fun_and_constr;
  std::function<std::pair<Vector, Matrix>(const Vector&)> grad_and_jac;
  std::function<Operator(const Vector& x, const Vector& v)> lagrangian_hess;
  std::function<bool(const Vector& x, bool last_failed, double optimality, double violation, double radius,
                     double penalty, const CgInfo& cg)>
      stop;
  std::function<Vector(const Vector& x)> scaling{};  // diagonal of the scaling; empty: identity
};

/// Minimizes f(x) subject to c(x) = 0 from x0 (f0, g0, c0, A0 its values);
/// returns the last iterate. trust_lb / trust_ub bound the steps (empty:
/// none).
Vector equality_constrained_sqp(const SqpProblem& problem, const Vector& x0, double f0, const Vector& g0,
                                const Vector& c0, const Matrix& a0, double initial_penalty,
                                double initial_trust_radius, const Vector& trust_lb, const Vector& trust_ub);

}  // namespace scilearn::optimize::detail
