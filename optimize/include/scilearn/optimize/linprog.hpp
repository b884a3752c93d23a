#pragma once
/// \file
/// scipy.optimize.linprog: linear programming, with SciPy's arguments,
/// statuses, messages and result fields (marginals included), solved by
/// COIN-OR Clp (simplex or barrier) and, with integrality, by Cbc (milp).
///
/// \code
///   // SciPy's example: min -x0 + 4 x1, -3 x0 + x1 <= 6, x0 + 2 x1 <= 4, x1 >= -3
///   const double inf = std::numeric_limits<double>::infinity();
///   auto r = scilearn::optimize::linprog(Vector{{-1.0, 4.0}},
///       {.A_ub = Matrix{{-3, 1}, {1, 2}}, .b_ub = Vector{{6.0, 4.0}},
///        .bounds = Bounds{Vector{{-inf, -3.0}}, Vector{{inf, inf}}}});
///   // r.status == 0, r.fun == -22, r.x == (10, -3), r.ineqlin.marginals == (0, -1)
/// \endcode

#include <limits>
#include <optional>
#include <scilearn/core/types.hpp>
#include <scilearn/optimize/minimize.hpp>
#include <string>

namespace scilearn::optimize {

/// A constraint matrix given dense (Matrix or any dense Eigen expression) or
/// sparse (SparseMatrix, SparseMatrixCSR), as SciPy accepts arrays and sparse
/// arrays alike. Kept as CSC; a dense matrix's exact zeros are dropped (its
/// NaN and Inf entries are kept, so that validation sees them). A default one
/// (0 x 0) means "no such constraints" (SciPy's None).
class LpMatrix {
 public:
  LpMatrix() = default;
  /// From a dense matrix or expression. Complexity: O(rows cols).
  template <class Derived>
  LpMatrix(const Eigen::MatrixBase<Derived>& a)  // NOLINT(google-explicit-constructor): SciPy takes either
      : LpMatrix(from_dense(Matrix(a))) {}
  /// From a sparse matrix (CSC or CSR) or sparse expression. Complexity: O(nnz).
  template <class Derived>
  LpMatrix(const Eigen::SparseMatrixBase<Derived>& a)  // NOLINT(google-explicit-constructor)
      : a_(a) {
    a_.makeCompressed();
  }
  /// The matrix, compressed CSC.
  [[nodiscard]] const SparseMatrix& csc() const noexcept { return a_; }
  [[nodiscard]] Index rows() const noexcept { return a_.rows(); }
  [[nodiscard]] Index cols() const noexcept { return a_.cols(); }

 private:
  static LpMatrix from_dense(const Matrix& a);
  SparseMatrix a_{};
};

/// The linear-programming algorithm. SciPy's default method is "highs"
/// (HiGHS's choice of dual simplex or interior point); we run COIN-OR Clp.
enum class LinprogMethod {
  dual_simplex,    ///< Clp's dual simplex (default; SciPy's 'highs-ds' is HiGHS's dual simplex)
  primal_simplex,  ///< Clp's primal simplex
  barrier,         ///< Clp's primal-dual interior point with crossover to a vertex (SciPy's 'highs-ipm')
};

/// The problem's optional parts and the solver's options: SciPy's linprog
/// arguments (A_ub, b_ub, A_eq, b_eq, bounds, integrality) and its HiGHS
/// options where Clp has them (maxiter, time_limit, presolve, disp).
struct LinprogOptions {
  LpMatrix A_ub{};  ///< inequality rows A_ub x <= b_ub (m_ub x n); default: none
  Vector b_ub{};    ///< m_ub entries
  LpMatrix A_eq{};  ///< equality rows A_eq x == b_eq (m_eq x n); default: none
  Vector b_eq{};    ///< m_eq entries
  /// lb <= x <= ub; one entry applies to every variable; -inf / +inf for a
  /// free side. Not given: SciPy's default 0 <= x < +inf.
  std::optional<Bounds> bounds{};
  /// 0 continuous, 1 integer, per variable (one entry applies to all); not
  /// given: all continuous. Any 1 makes the problem a MILP, solved by milp
  /// (as SciPy does), and the result carries mip_* fields but no marginals.
  IndexVector integrality{};
  LinprogMethod method = LinprogMethod::dual_simplex;
  int maxiter = 0;  ///< simplex iterations; 0: no limit (SciPy's HiGHS default is effectively none)
  double time_limit = std::numeric_limits<double>::infinity();  ///< wall-clock seconds
  bool presolve = true;  ///< Clp's (or Cbc's) presolve before solving
  bool disp = false;     ///< print the solver's log to stdout
  double mip_rel_gap = 1e-4;  ///< with integrality: as MilpOptions::mip_rel_gap
};

/// Residual and marginals of one group of constraints (SciPy's `res.ineqlin`,
/// `res.eqlin`, `res.lower`, `res.upper`).
struct LinprogMarginals {
  /// ineqlin: b_ub - A_ub x (the slack); eqlin: b_eq - A_eq x; lower: x - lb;
  /// upper: ub - x.
  Vector residual{};
  /// d fun / d (right-hand side or bound) (SciPy's sign convention, the
  /// opposite of "shadow prices" for <= rows): ineqlin <= 0, lower >= 0,
  /// upper <= 0, eqlin of either sign.
  Vector marginals{};
};

/// What linprog returns: SciPy's OptimizeResult for method 'highs'.
/// With status 2, 3 or 4 x, slack, con and the marginals are empty and fun
/// is NaN (SciPy: None); with status 1 x and fun are the last iterate.
struct LinprogResult {
  Vector x{};
  double fun = std::numeric_limits<double>::quiet_NaN();  ///< c^T x
  Vector slack{};  ///< b_ub - A_ub x
  Vector con{};    ///< b_eq - A_eq x
  LinprogMarginals ineqlin{};
  LinprogMarginals eqlin{};
  LinprogMarginals lower{};
  LinprogMarginals upper{};
  /// 0 optimal, 1 iteration or time limit, 2 infeasible, 3 unbounded,
  /// 4 numerical difficulties (SciPy's numbering).
  int status = 4;
  bool success = false;
  std::string message{};  ///< SciPy's message, then the back end's status in parentheses
  int nit = 0;            ///< simplex (or barrier) iterations
  // With integrality only (see MilpResult); SciPy reports 0, 0.0, 0.0 for an LP.
  int mip_node_count = 0;
  double mip_dual_bound = 0;
  double mip_gap = 0;
};

/// Minimizes c^T x subject to A_ub x <= b_ub, A_eq x == b_eq and
/// lb <= x <= ub (scipy.optimize.linprog), by Clp's dual simplex after its
/// presolve by default (options.method, options.presolve). With integrality,
/// solves the MILP by milp().
/// Requires: c non-empty and finite; A_ub, A_eq finite with c.size() columns
/// and as many rows as b_ub, b_eq (finite); bounds of size 1 or c.size(), not
/// NaN, lb <= ub, lb < +inf, ub > -inf; integrality of 0 / 1 entries, size 1
/// or c.size(); maxiter >= 0, time_limit > 0, mip_rel_gap >= 0.
/// Ensures: status 0 with x feasible to Clp's tolerance (1e-7) and optimal;
/// infeasible or unbounded problems end with status 2 / 3 and success false,
/// never an exception. The inputs are not modified.
/// Throws: ValueError on bad input.
/// Complexity: that of the simplex method: usually O(m + n) iterations, each
/// sparse in A; exponential in the worst case (Klee and Minty 1972).
[[nodiscard]] LinprogResult linprog(const Eigen::Ref<const Vector>& c, const LinprogOptions& options = {});

}  // namespace scilearn::optimize
