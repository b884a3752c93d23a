#pragma once
/// \file
/// scipy.optimize.milp: mixed-integer linear programming, with SciPy's
/// arguments, statuses and result fields, solved by COIN-OR Cbc (branch and
/// cut on Clp).
///
/// \code
///   // SciPy's example: max x1 subject to -x0 + x1 <= 1, 3 x0 + 2 x1 <= 12,
///   // 2 x0 + 3 x1 <= 12, x integer and >= 0.
///   const double inf = std::numeric_limits<double>::infinity();
///   auto r = scilearn::optimize::milp(Vector{{0.0, -1.0}},
///       {.integrality = IndexVector::Ones(2),
///        .constraints = {{Matrix{{-1, 1}, {3, 2}, {2, 3}}, Vector::Constant(3, -inf), Vector{{1.0, 12.0, 12.0}}}}});
///   // r.status == 0, r.fun == -2, r.x == (1, 2) or (2, 2)
/// \endcode

#include <limits>
#include <optional>
#include <scilearn/optimize/linprog.hpp>
#include <string>
#include <vector>

namespace scilearn::optimize {

/// Rows lb <= A x <= ub of a milp (SciPy's LinearConstraint; -inf / +inf for
/// a free side, lb == ub for an equality). A dense or sparse.
struct MilpConstraint {
  LpMatrix A{};
  Vector lb{};  ///< A.rows() entries, or one for every row
  Vector ub{};  ///< A.rows() entries, or one for every row
};

/// SciPy's milp arguments (integrality, bounds, constraints) and options
/// (disp, node_limit, presolve, time_limit, mip_rel_gap).
struct MilpOptions {
  /// 0 continuous, 1 integer per variable, one entry for all; not given: all
  /// continuous (SciPy's default). SciPy's 2 and 3 (semi-continuous,
  /// semi-integer) are not supported: ValueError.
  IndexVector integrality{};
  /// lb <= x <= ub, one entry for all; not given: 0 <= x < +inf (SciPy's default).
  std::optional<Bounds> bounds{};
  std::vector<MilpConstraint> constraints{};  ///< stacked, as SciPy stacks a sequence
  bool disp = false;                          ///< print Cbc's log to stdout
  int node_limit = 0;                         ///< branch-and-bound nodes; 0: no limit
  bool presolve = true;                       ///< Cbc's presolve and preprocessing
  double time_limit = std::numeric_limits<double>::infinity();  ///< seconds
  /// Stop when (fun - mip_dual_bound) / |fun| <= this. SciPy passes None,
  /// which leaves HiGHS's default 1e-4; so does ours.
  double mip_rel_gap = 1e-4;
};

/// What milp returns: SciPy's OptimizeResult for milp. x is empty and fun NaN
/// (SciPy: None) when no integer-feasible point was found.
struct MilpResult {
  Vector x{};
  double fun = std::numeric_limits<double>::quiet_NaN();
  /// 0 optimal (within mip_rel_gap), 1 node or time limit, 2 infeasible,
  /// 3 unbounded, 4 other (SciPy's numbering).
  int status = 4;
  bool success = false;
  std::string message{};
  /// |fun - mip_dual_bound| / |fun| (0 when both are 0), as HiGHS reports it.
  double mip_gap = std::numeric_limits<double>::quiet_NaN();
  int mip_node_count = 0;  ///< branch-and-bound nodes
  /// The best proven lower bound on the optimum.
  double mip_dual_bound = std::numeric_limits<double>::quiet_NaN();
};

/// Minimizes c^T x subject to the constraints, the bounds and integrality
/// (scipy.optimize.milp), by Cbc's branch and cut with its default cuts and
/// heuristics. Calls are serialized by a lock: Cbc's driver keeps static state.
/// Requires: c non-empty and finite; each constraint's A finite with
/// c.size() columns, lb / ub of size 1 or A.rows(), not NaN, lb <= ub;
/// bounds as in linprog; integrality entries 0 or 1; node_limit >= 0,
/// time_limit > 0, mip_rel_gap >= 0.
/// Ensures: status 0 with x feasible (to 1e-6) and integral where required;
/// infeasible or unbounded problems end with status 2 / 3 and success false,
/// never an exception. The inputs are not modified.
/// Throws: ValueError on bad input.
/// Complexity: NP-hard in general; branch and bound explores up to
/// node_limit nodes, each an LP.
[[nodiscard]] MilpResult milp(const Eigen::Ref<const Vector>& c, const MilpOptions& options = {});

}  // namespace scilearn::optimize
