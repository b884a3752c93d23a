#pragma once
// What linprog and milp share: validation of their inputs at the public
// boundary, and the stacked constraint rows in the column-major arrays that
// COIN-OR's loadProblem takes. Internal to optimize/src.

#include <optional>
#include <string>
#include <scilearn/optimize/linprog.hpp>
#include <scilearn/optimize/milp.hpp>
#include <string_view>
#include <vector>

namespace scilearn::optimize::detail {

/// A problem as Clp and Cbc load it: min obj^T x, row_lb <= A x <= row_ub,
/// col_lb <= x <= col_ub, A in CSC arrays; infinities as COIN_DBL_MAX.
struct LpArrays {
  int n = 0;
  int m = 0;
  std::vector<int> start;  // n + 1 column starts (CoinBigIndex is int in this build)
  std::vector<int> index;  // row of each nonzero
  std::vector<double> value;
  std::vector<double> obj, col_lb, col_ub, row_lb, row_ub;
  std::vector<char> integer;  // per column; empty when none is
};

/// Throws ValueError unless a has n columns and `rows` rows (a default
/// LpMatrix with rows == 0 is fine) and finite entries.
void check_lp_matrix(std::string_view where, std::string_view name, const LpMatrix& a, Index rows, Index n);

/// SciPy's bounds: nothing -> (0, +inf); one entry -> every variable.
/// Throws ValueError on a size other than 1 or n, NaN, lb > ub, lb == +inf or ub == -inf.
void expand_bounds(std::string_view where, const std::optional<Bounds>& bounds, Index n, Vector& lb, Vector& ub);

/// 0 / 1 per variable (one entry: all); empty when no variable is integer.
/// Throws ValueError on another value or size.
std::vector<char> expand_integrality(std::string_view where, const IndexVector& integrality, Index n);

/// Throws ValueError unless the option is >= 0 (time: > 0, not NaN).
void check_limits(std::string_view where, int iterations, std::string_view iterations_name,
                  double time_limit, double mip_rel_gap);

/// Rows lb <= a x <= ub (a already checked), one block of the stack.
struct RowBlock {
  const SparseMatrix* a;
  Vector lb;
  Vector ub;
};

/// The arrays of min c^T x over the blocks of rows, stacked in order.
LpArrays assemble(std::string_view where, const Eigen::Ref<const Vector>& c, const std::vector<RowBlock>& blocks, const Vector& lb,
                  const Vector& ub);

/// Solves an assembled MILP with Cbc (milp.cpp); shared by milp() and by
/// linprog() with integrality.
MilpResult solve_milp(const LpArrays& p, bool disp, int node_limit, bool presolve, double time_limit,
                      double mip_rel_gap);

/// How Clp ended on an LP: SciPy's status and message, and (for status 0
/// and 1) the primal and dual solution.
struct LpSolution {
  int status = 4;
  std::string message;
  int nit = 0;
  Vector x, activity, row_duals, reduced_costs;
};

/// Solves an assembled LP (its integer marks ignored) with Clp (linprog.cpp).
LpSolution solve_lp(const LpArrays& p, LinprogMethod method, int maxiter, double time_limit, bool presolve,
                    bool disp);

/// |fun - bound| / |fun|, 0 when equal (HiGHS's relative MIP gap).
double relative_gap(double fun, double bound);

}  // namespace scilearn::optimize::detail
