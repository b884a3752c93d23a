// linprog on COIN-OR Clp (ClpSimplex), and on milp when some variable is
// integer, as SciPy hands such problems to HiGHS's MIP solver.

#include <ClpSimplex.hpp>
#include <ClpSolve.hpp>
#include <cmath>
#include <scilearn/core/validation.hpp>
#include <scilearn/optimize/linprog.hpp>
#include <scilearn/optimize/milp.hpp>
#include <string>

#include "lp_problem.hpp"

namespace scilearn::optimize {
namespace {

constexpr const char* kWhere = "linprog";

ClpSolve::SolveType solve_type(LinprogMethod method) {
  switch (method) {
    case LinprogMethod::primal_simplex:
      return ClpSolve::usePrimal;
    case LinprogMethod::barrier:
      return ClpSolve::useBarrier;
    case LinprogMethod::dual_simplex:
      break;
  }
  return ClpSolve::useDual;
}

// Clp's status (ClpModel::status): 0 optimal, 1 primal infeasible, 2 dual
// infeasible (unbounded), 3 stopped on iterations or time, 4 stopped on
// difficulties; mapped to SciPy's numbers and messages.
void set_status(detail::LpSolution& r, const ClpSimplex& model) {
  const int clp = model.status();
  const std::string detail = cat("(Clp status ", clp, ", secondary status ", model.secondaryStatus(), ")");
  switch (clp) {
    case 0:
      r.status = 0;
      r.message = "Optimization terminated successfully. " + detail;
      break;
    case 1:
      r.status = 2;
      r.message = "The problem is infeasible. " + detail;
      break;
    case 2:
      r.status = 3;
      r.message = "The problem is unbounded. " + detail;
      break;
    case 3:
      r.status = 1;
      r.message = (model.hitMaximumIterations() ? "Iteration limit reached. " : "Time limit reached. ") + detail;
      break;
    default:
      r.status = 4;
      r.message = "Numerical difficulties encountered. " + detail;
      break;
  }
}

}  // namespace

namespace detail {

LpSolution solve_lp(const LpArrays& p, LinprogMethod method, int maxiter, double time_limit, bool presolve,
                    bool disp) {
  ClpSimplex model;
  model.setLogLevel(disp ? 1 : 0);
  model.loadProblem(p.n, p.m, p.start.data(), p.index.data(), p.value.data(), p.col_lb.data(), p.col_ub.data(),
                    p.obj.data(), p.row_lb.data(), p.row_ub.data());
  if (maxiter > 0) model.setMaximumIterations(maxiter);
  if (std::isfinite(time_limit)) model.setMaximumWallSeconds(time_limit);
  ClpSolve how;
  how.setSolveType(solve_type(method));
  how.setPresolveType(presolve ? ClpSolve::presolveOn : ClpSolve::presolveOff);
  model.initialSolve(how);
  LpSolution out;
  set_status(out, model);
  out.nit = model.numberIterations();
  if (out.status == 0 || out.status == 1) {
    out.x = Eigen::Map<const Vector>(model.primalColumnSolution(), p.n);
    out.activity = Eigen::Map<const Vector>(model.primalRowSolution(), p.m);
    out.row_duals = Eigen::Map<const Vector>(model.dualRowSolution(), p.m);
    out.reduced_costs = Eigen::Map<const Vector>(model.dualColumnSolution(), p.n);
  }
  return out;
}

}  // namespace detail

LinprogResult linprog(const Eigen::Ref<const Vector>& c, const LinprogOptions& options) {
  check_non_empty(kWhere, "c", c);
  check_finite(kWhere, "c", c);
  const Index n = c.size();
  const Index m_ub = options.b_ub.size(), m_eq = options.b_eq.size();
  detail::check_lp_matrix(kWhere, "A_ub", options.A_ub, m_ub, n);
  detail::check_lp_matrix(kWhere, "A_eq", options.A_eq, m_eq, n);
  check_finite(kWhere, "b_ub", options.b_ub);
  check_finite(kWhere, "b_eq", options.b_eq);
  detail::check_limits(kWhere, options.maxiter, "maxiter", options.time_limit, options.mip_rel_gap);
  Vector lb, ub;
  detail::expand_bounds(kWhere, options.bounds, n, lb, ub);
  const SparseMatrix none(0, n);
  const std::vector<detail::RowBlock> blocks{
      {m_ub > 0 ? &options.A_ub.csc() : &none, Vector::Constant(m_ub, -std::numeric_limits<double>::infinity()),
       options.b_ub},
      {m_eq > 0 ? &options.A_eq.csc() : &none, options.b_eq, options.b_eq}};
  detail::LpArrays p = detail::assemble(kWhere, c, blocks, lb, ub);
  p.integer = detail::expand_integrality(kWhere, options.integrality, n);

  LinprogResult r;
  const auto fill_residuals = [&](const Vector& row_activity) {
    r.slack = options.b_ub - row_activity.head(m_ub);
    r.con = options.b_eq - row_activity.tail(m_eq);
    r.ineqlin.residual = r.slack;
    r.eqlin.residual = r.con;
    r.lower.residual = r.x - lb;
    r.upper.residual = ub - r.x;
  };
  const auto activity = [&](const Vector& x) {
    Vector ax(m_ub + m_eq);
    if (m_ub > 0) ax.head(m_ub) = options.A_ub.csc() * x;
    if (m_eq > 0) ax.tail(m_eq) = options.A_eq.csc() * x;
    return ax;
  };

  if (!p.integer.empty()) {
    const MilpResult mr =
        detail::solve_milp(p, options.disp, 0, options.presolve, options.time_limit, options.mip_rel_gap);
    r.x = mr.x;
    r.fun = mr.fun;
    r.status = mr.status;
    r.success = mr.success;
    r.message = mr.message;
    r.mip_node_count = mr.mip_node_count;
    r.mip_dual_bound = mr.mip_dual_bound;
    r.mip_gap = mr.mip_gap;
    if (r.x.size() == n) fill_residuals(activity(r.x));
    return r;
  }

  const detail::LpSolution sol =
      detail::solve_lp(p, options.method, options.maxiter, options.time_limit, options.presolve, options.disp);
  r.status = sol.status;
  r.success = sol.status == 0;
  r.message = sol.message;
  r.nit = sol.nit;
  if (sol.status != 0 && sol.status != 1) return r;
  r.x = sol.x;
  r.fun = c.dot(r.x);
  fill_residuals(sol.activity);
  // Clp's row duals y and reduced costs d = c - A^T y are derivatives of the
  // optimum with respect to the row bounds and the column bounds (for
  // minimization), SciPy's sign convention: d >= 0 belongs to the lower
  // bound, d <= 0 to the upper.
  r.ineqlin.marginals = sol.row_duals.head(m_ub);
  r.eqlin.marginals = sol.row_duals.tail(m_eq);
  r.lower.marginals = sol.reduced_costs.cwiseMax(0.0);
  r.upper.marginals = sol.reduced_costs.cwiseMin(0.0);
  return r;
}

}  // namespace scilearn::optimize
