#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/optimize/linear_sum_assignment.hpp>
#include <utility>
#include <vector>

namespace scilearn::optimize {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr const char* kWhere = "linear_sum_assignment";

// A minimization problem with no more rows than columns, row-major, +inf for a
// forbidden pair: what the public function reduces every call to.
struct Problem {
  Index rows = 0;
  Index cols = 0;
  std::vector<double> c;  // rows x cols, row-major
  [[nodiscard]] const double* row(Index i) const { return c.data() + static_cast<std::size_t>(i * cols); }
};

// The shortest augmenting path method (Jonker and Volgenant 1987) for
// rectangular problems, as Crouse (2016, IEEE TAES 52(4)) describes it.
// Rows are assigned one at a time; for each new row a Dijkstra search over
// reduced costs c(i, j) - u(i) - v(j) (all >= 0 by the duals' invariant)
// finds the cheapest alternating path from that row to a free column, the
// duals are updated so that the reduced costs stay non-negative and vanish on
// the assigned pairs, and the path is flipped. Free columns keep v = 0 and
// the others v <= 0, so after row k the duals certify that the assignment of
// rows 0..k is optimal for them; the last one is optimal overall.
class ShortestAugmentingPath {
 public:
  explicit ShortestAugmentingPath(const Problem& p)
      : p_(p),
        u_(static_cast<std::size_t>(p.rows), 0.0),
        v_(static_cast<std::size_t>(p.cols), 0.0),
        col4row_(static_cast<std::size_t>(p.rows), -1),
        row4col_(static_cast<std::size_t>(p.cols), -1),
        dist_(static_cast<std::size_t>(p.cols)),
        pred_(static_cast<std::size_t>(p.cols)),
        scanned_row_(static_cast<std::size_t>(p.rows)),
        scanned_col_(static_cast<std::size_t>(p.cols)),
        todo_(static_cast<std::size_t>(p.cols)) {}

  // Assigns every row; throws ValueError when some row cannot be reached by
  // an augmenting path of finite cost (no complete finite assignment exists).
  void solve() {
    for (Index r = 0; r < p_.rows; ++r) augment(r);
  }

  [[nodiscard]] const std::vector<Index>& col4row() const { return col4row_; }
  [[nodiscard]] const std::vector<Index>& row4col() const { return row4col_; }

 private:
  static std::size_t at(Index k) { return static_cast<std::size_t>(k); }

  void augment(Index start) {
    std::fill(dist_.begin(), dist_.end(), kInf);
    std::fill(pred_.begin(), pred_.end(), Index{-1});
    std::fill(scanned_row_.begin(), scanned_row_.end(), false);
    std::fill(scanned_col_.begin(), scanned_col_.end(), false);
    // Columns not yet scanned, kept unordered: removal swaps with the last.
    for (Index j = 0; j < p_.cols; ++j) todo_[at(j)] = j;
    Index n_todo = p_.cols;

    double reached = 0;  // length of the shortest path found so far (Dijkstra's label)
    Index i = start;
    Index sink = -1;
    while (sink < 0) {
      scanned_row_[at(i)] = true;
      const double* ci = p_.row(i);
      const double base = reached - u_[at(i)];
      double lowest = kInf;
      Index pick = -1;  // position in todo_
      for (Index k = 0; k < n_todo; ++k) {
        const Index j = todo_[at(k)];
        const double d = base + ci[j] - v_[at(j)];
        if (d < dist_[at(j)]) {
          dist_[at(j)] = d;
          pred_[at(j)] = i;
        }
        // Ties go to a free column, which ends the search sooner.
        if (dist_[at(j)] < lowest ||
            (dist_[at(j)] == lowest && row4col_[at(j)] < 0 && pick >= 0 && row4col_[at(todo_[at(pick)])] >= 0)) {
          lowest = dist_[at(j)];
          pick = k;
        }
      }
      // Every remaining column is out of reach through finite entries.
      if (!(lowest < kInf)) {
        throw ValueError(cat(kWhere, ": cost matrix is infeasible (row ", start, " of the ", p_.rows, "x", p_.cols,
                             " problem cannot be assigned using finite entries)"));
      }
      reached = lowest;
      const Index j = todo_[at(pick)];
      todo_[at(pick)] = todo_[at(n_todo - 1)];
      --n_todo;
      scanned_col_[at(j)] = true;
      if (row4col_[at(j)] < 0) {
        sink = j;
      } else {
        i = row4col_[at(j)];
      }
    }

    // Dual update (Crouse 2016): keeps c - u - v >= 0 everywhere and
    // == 0 on the pairs of the new assignment.
    u_[at(start)] += reached;
    for (Index r = 0; r < p_.rows; ++r) {
      if (scanned_row_[at(r)] && r != start) u_[at(r)] += reached - dist_[at(col4row_[at(r)])];
    }
    for (Index j = 0; j < p_.cols; ++j) {
      if (scanned_col_[at(j)]) v_[at(j)] -= reached - dist_[at(j)];
    }

    // Flip the alternating path from the sink back to the start row.
    Index j = sink;
    for (;;) {
      const Index r = pred_[at(j)];
      row4col_[at(j)] = r;
      std::swap(col4row_[at(r)], j);
      if (r == start) break;
    }
  }

  const Problem& p_;
  std::vector<double> u_, v_;             // row and column duals
  std::vector<Index> col4row_, row4col_;  // the assignment, -1 where free
  std::vector<double> dist_;              // shortest path length to each column
  std::vector<Index> pred_;               // the row each column is reached from
  std::vector<bool> scanned_row_, scanned_col_;
  std::vector<Index> todo_;
};

[[noreturn]] void invalid_entry(Index i, Index j, double value) {
  throw ValueError(cat(kWhere, ": cost matrix contains invalid numeric entries: entry (", i, ", ", j, ") is ", value));
}

}  // namespace

LinearSumAssignmentResult linear_sum_assignment(const Eigen::Ref<const Matrix>& cost, bool maximize) {
  const Index n_rows = cost.rows();
  const Index n_cols = cost.cols();
  if (std::max(n_rows, n_cols) > Index{std::numeric_limits<int>::max()}) {
    throw ValueError(cat(kWhere, ": cost matrix is ", n_rows, "x", n_cols, ", larger than the ",
                         std::numeric_limits<int>::max(), " rows or columns an IndexVector can number"));
  }
  // SciPy rejects NaN and the infinity that would make a total unbounded
  // (-inf when minimizing, +inf when maximizing); the other infinity marks a
  // forbidden pair.
  const double unbounded = maximize ? kInf : -kInf;
  for (Index j = 0; j < n_cols; ++j) {
    for (Index i = 0; i < n_rows; ++i) {
      const double c = cost(i, j);
      if (std::isnan(c) || c == unbounded) invalid_entry(i, j, c);
    }
  }

  LinearSumAssignmentResult result;
  if (n_rows == 0 || n_cols == 0) return result;

  // The solver wants rows <= cols and a minimization: transpose a tall
  // matrix (its columns, contiguous in Eigen's layout, become rows) and negate
  // for maximize (which turns the forbidden -inf into +inf).
  const bool transposed = n_rows > n_cols;
  const double sign = maximize ? -1.0 : 1.0;
  Problem p;
  p.rows = transposed ? n_cols : n_rows;
  p.cols = transposed ? n_rows : n_cols;
  p.c.resize(static_cast<std::size_t>(p.rows * p.cols));
  for (Index j = 0; j < n_cols; ++j) {
    for (Index i = 0; i < n_rows; ++i) {
      const auto k = static_cast<std::size_t>(transposed ? j * n_rows + i : i * n_cols + j);
      p.c[k] = sign * cost(i, j);
    }
  }

  ShortestAugmentingPath solver(p);
  solver.solve();

  const Index n = p.rows;
  result.row_ind.resize(n);
  result.col_ind.resize(n);
  if (!transposed) {
    for (Index i = 0; i < n; ++i) {
      result.row_ind(i) = static_cast<int>(i);
      result.col_ind(i) = static_cast<int>(solver.col4row()[static_cast<std::size_t>(i)]);
    }
  } else {
    // The solver's columns are the caller's rows: list those assigned in order.
    Index k = 0;
    for (Index r = 0; r < n_rows; ++r) {
      const Index c = solver.row4col()[static_cast<std::size_t>(r)];
      if (c < 0) continue;
      result.row_ind(k) = static_cast<int>(r);
      result.col_ind(k) = static_cast<int>(c);
      ++k;
    }
  }
  return result;
}

}  // namespace scilearn::optimize
