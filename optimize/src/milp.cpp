// milp on COIN-OR Cbc through its C interface, whose Cbc_solve runs Cbc's
// standalone driver (CbcMain1): presolve, preprocessing, the default cut
// generators and heuristics, then branch and cut on Clp.

#include <Cbc_C_Interface.h>

#include <cmath>
#include <memory>
#include <mutex>
#include <scilearn/core/validation.hpp>
#include <scilearn/optimize/milp.hpp>
#include <string>

#include "lp_problem.hpp"

namespace scilearn::optimize {
namespace detail {

namespace {

struct CbcDeleter {
  void operator()(Cbc_Model* model) const noexcept { Cbc_deleteModel(model); }
};

// CbcMain1 keeps static state (its parameter table among it), so two solves
// must not run at once.
std::mutex& cbc_mutex() {
  static std::mutex m;
  return m;
}

std::string number(double v) { return cat(v); }

}  // namespace

MilpResult solve_milp(const LpArrays& p, bool disp, int node_limit, bool presolve, double time_limit,
                      double mip_rel_gap) {
  if (p.integer.empty()) {
    // No integer variable: Cbc's driver would stop after the root LP without
    // an "integer" solution, so solve the LP directly, as HiGHS does.
    const LpSolution lp = solve_lp(p, LinprogMethod::dual_simplex, 0, time_limit, presolve, disp);
    MilpResult r;
    r.status = lp.status;
    r.success = lp.status == 0;
    r.message = lp.message;
    if (lp.status == 0) {
      r.x = lp.x;
      r.fun = Eigen::Map<const Vector>(p.obj.data(), p.n).dot(r.x);
      r.mip_dual_bound = r.fun;
      r.mip_gap = 0;
    }
    return r;
  }
  const std::unique_ptr<Cbc_Model, CbcDeleter> model(Cbc_newModel());
  Cbc_Model* const cbc = model.get();
  Cbc_loadProblem(cbc, p.n, p.m, p.start.data(), p.index.data(), p.value.data(), p.col_lb.data(), p.col_ub.data(),
                  p.obj.data(), p.row_lb.data(), p.row_ub.data());
  for (int j = 0; j < p.n; ++j) {
    if (!p.integer.empty() && p.integer[static_cast<std::size_t>(j)]) Cbc_setInteger(cbc, j);
  }
  // Cbc_setParameter passes "-name value" to the driver, which reads its
  // arguments in order: the log levels first, so that nothing is printed
  // before they apply.
  Cbc_setLogLevel(cbc, disp ? 1 : 0);
  Cbc_setParameter(cbc, "log", disp ? "1" : "0");
  Cbc_setParameter(cbc, "slog", disp ? "1" : "0");
  Cbc_setParameter(cbc, "ratioGap", number(mip_rel_gap).c_str());
  if (std::isfinite(time_limit)) Cbc_setParameter(cbc, "seconds", number(time_limit).c_str());
  if (node_limit > 0) Cbc_setParameter(cbc, "maxNodes", cat(node_limit).c_str());
  if (!presolve) {
    Cbc_setParameter(cbc, "presolve", "off");
    Cbc_setParameter(cbc, "preprocess", "off");
  }
  {
    const std::lock_guard<std::mutex> lock(cbc_mutex());
    Cbc_solve(cbc);
  }
  MilpResult r;
  r.mip_node_count = Cbc_getNodeCount(cbc);
  const double* best = Cbc_bestSolution(cbc);
  if (best != nullptr) {
    r.x = Eigen::Map<const Vector>(best, p.n);
    r.fun = Eigen::Map<const Vector>(p.obj.data(), p.n).dot(r.x);
    r.mip_dual_bound = Cbc_getBestPossibleObjValue(cbc);
    // Cbc's bound can pass the incumbent by rounding when the tree is closed.
    if (Cbc_isProvenOptimal(cbc) && r.mip_dual_bound > r.fun) r.mip_dual_bound = r.fun;
    r.mip_gap = relative_gap(r.fun, r.mip_dual_bound);
  }
  const int cbc_status = Cbc_status(cbc);
  const int secondary = Cbc_secondaryStatus(cbc);
  const std::string detail = cat("(Cbc status ", cbc_status, ", secondary status ", secondary, ")");
  if (Cbc_isProvenOptimal(cbc) && best != nullptr) {
    r.status = 0;
    r.message = "Optimization terminated successfully. " + detail;
  } else if (Cbc_isContinuousUnbounded(cbc)) {
    r.status = 3;
    r.message = "The problem is unbounded. " + detail;
  } else if (Cbc_isProvenInfeasible(cbc)) {
    r.status = 2;
    r.message = "The problem is infeasible. " + detail;
  } else if (Cbc_isSecondsLimitReached(cbc)) {
    r.status = 1;
    r.message = "Time limit reached. " + detail;
  } else if (Cbc_isNodeLimitReached(cbc)) {
    r.status = 1;
    r.message = "Node limit reached. " + detail;
  } else {
    r.status = 4;
    r.message = "Numerical difficulties encountered. " + detail;
  }
  if (r.status == 2 || r.status == 3) {
    r.x = Vector();
    r.fun = r.mip_gap = r.mip_dual_bound = std::numeric_limits<double>::quiet_NaN();
  }
  r.success = r.status == 0;
  return r;
}

}  // namespace detail

MilpResult milp(const Eigen::Ref<const Vector>& c, const MilpOptions& options) {
  constexpr const char* kWhere = "milp";
  check_non_empty(kWhere, "c", c);
  check_finite(kWhere, "c", c);
  const Index n = c.size();
  detail::check_limits(kWhere, options.node_limit, "node_limit", options.time_limit, options.mip_rel_gap);
  Vector lb, ub;
  detail::expand_bounds(kWhere, options.bounds, n, lb, ub);
  std::vector<detail::RowBlock> blocks;
  for (std::size_t k = 0; k < options.constraints.size(); ++k) {
    const MilpConstraint& con = options.constraints[k];
    const std::string name = cat("constraints[", k, "]");
    const Index m = con.A.rows();
    detail::check_lp_matrix(kWhere, name + ".A", con.A, m, n);
    const auto expand = [&](const Vector& v, const char* side) {
      if (v.size() == 1) return Vector(Vector::Constant(m, v(0)));
      if (v.size() != m) {
        throw ValueError(cat(kWhere, ": ", name, ".", side, " has ", v.size(), " entries, expected 1 or ", m,
                             " (one per row of A)"));
      }
      return v;
    };
    detail::RowBlock block{&con.A.csc(), expand(con.lb, "lb"), expand(con.ub, "ub")};
    for (Index i = 0; i < m; ++i) {
      const double lo = block.lb(i), hi = block.ub(i);
      if (std::isnan(lo) || std::isnan(hi) || lo > hi) {
        throw ValueError(cat(kWhere, ": ", name, " row ", i, " has lb ", lo, " and ub ", hi,
                             ", expected lb <= ub and no NaN"));
      }
    }
    blocks.push_back(std::move(block));
  }
  detail::LpArrays p = detail::assemble(kWhere, c, blocks, lb, ub);
  p.integer = detail::expand_integrality(kWhere, options.integrality, n);
  return detail::solve_milp(p, options.disp, options.node_limit, options.presolve, options.time_limit,
                            options.mip_rel_gap);
}

}  // namespace scilearn::optimize
