// The damped Newton method of solve_bvp on a fixed mesh: the affine-invariant
// criterion ||J^-1 r||^2 with an Armijo backtracking search (Ascher, Mattheij
// & Russell 1995), and BVP_SOLVER's reuse of the Jacobian after a full step.

#include <Eigen/SparseLU>

#include "bvp/bvp.hpp"

namespace scilearn::integrate::bvp {

namespace {

// SciPy's constants: at most 4 Jacobians and 8 iterations (Jacobian reuse
// included), Armijo constant 0.2, step halved at most 4 times.
constexpr int kMaxJacobians = 4;
constexpr int kMaxIterations = 8;
constexpr double kSigma = 0.2;
constexpr double kTau = 0.5;
constexpr int kTrials = 4;

Vector stack(const Collocation& col, const Vector& bc_res) {
  Vector res(col.col_res.size() + bc_res.size());
  res << col.col_res.reshaped(), bc_res;
  return res;
}

}  // namespace

NewtonResult solve_newton(const Problem& problem, const Mesh& mesh, Matrix y, Vector p, const std::optional<Matrix>& B,
                          double bvp_tol, double bc_tol) {
  const Index n = problem.n;
  const Index m = mesh.x.size();
  // The residual of the spline at the midpoints is 1.5 col_res / h; Newton
  // stops when it is 1.5 orders below the tolerance relative to 1 + |f|.
  const Vector tol_r = 2.0 / 3 * mesh.h * 5e-2 * bvp_tol;

  Collocation col = collocate(problem, mesh, y, p);
  Vector bc_res = problem.boundary(y.col(0), y.col(m - 1), p);
  Vector res = stack(col, bc_res);

  Eigen::SparseLU<Eigen::SparseMatrix<double>> lu;
  Vector step;
  double cost = 0;
  int njev = 0;
  bool recompute_jac = true;
  for (int iteration = 0; iteration < kMaxIterations; ++iteration) {
    if (recompute_jac) {
      const Eigen::SparseMatrix<double> jac = collocation_jacobian(problem, mesh, y, p, col, bc_res);
      ++njev;
      lu.analyzePattern(jac);
      lu.factorize(jac);
      if (lu.info() != Eigen::Success) return {std::move(y), std::move(p), true};
      step = lu.solve(res);
      cost = step.squaredNorm();
    }
    const auto y_step = step.head(m * n).reshaped(n, m);
    const auto p_step = step.tail(problem.k);
    double alpha = 1;
    Matrix y_new;
    Vector p_new, step_new;
    double cost_new = 0;
    for (int trial = 0; trial <= kTrials; ++trial) {
      y_new = y - alpha * y_step;
      if (B) y_new.col(0) = *B * y_new.col(0);
      p_new = p - alpha * p_step;
      col = collocate(problem, mesh, y_new, p_new);
      bc_res = problem.boundary(y_new.col(0), y_new.col(m - 1), p_new);
      res = stack(col, bc_res);
      step_new = lu.solve(res);
      cost_new = step_new.squaredNorm();
      if (cost_new < (1 - 2 * alpha * kSigma) * cost) break;
      if (trial < kTrials) alpha *= kTau;
    }
    y = std::move(y_new);
    p = std::move(p_new);
    if (njev == kMaxJacobians) break;
    const bool collocation_ok =
        (col.col_res.array().abs() < (tol_r.transpose().replicate(n, 1).array() * (1 + col.f_middle.array().abs())))
            .all();
    if (collocation_ok && (bc_res.array().abs() < bc_tol).all()) break;
    // After a full step, go on with the same Jacobian (BVP_SOLVER).
    recompute_jac = alpha != 1;
    if (!recompute_jac) {
      step = std::move(step_new);
      cost = cost_new;
    }
  }
  return {std::move(y), std::move(p), false};
}

}  // namespace scilearn::integrate::bvp
