#pragma once
/// \file
/// scipy.optimize.linear_sum_assignment: the linear sum assignment problem
/// (minimum- or maximum-weight matching in a bipartite graph), for square and
/// rectangular cost matrices.
///
///     Matrix cost{{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
///     auto [row_ind, col_ind] = scilearn::optimize::linear_sum_assignment(cost);
///     // row_ind == {0, 1, 2}, col_ind == {1, 0, 2}: total 1 + 2 + 2 = 5

#include <scilearn/core/types.hpp>

namespace scilearn::optimize {

/// An optimal assignment: worker row_ind(k) does job col_ind(k). SciPy returns
/// the pair (row_ind, col_ind); here the fields carry those names.
struct LinearSumAssignmentResult {
  IndexVector row_ind{};  ///< assigned rows, strictly ascending
  IndexVector col_ind{};  ///< the column assigned to each entry of row_ind
};

/// Solves the linear sum assignment problem: finds a matching of rows to
/// columns, each row and each column used at most once, with min(n_rows,
/// n_cols) pairs (the smaller dimension fully assigned), whose total cost
/// sum_k cost(row_ind(k), col_ind(k)) is minimal (maximal with maximize).
///
/// Algorithm: the shortest augmenting path method of Jonker and Volgenant
/// (1987) for rectangular matrices as described by Crouse (2016, "On
/// implementing 2D rectangular assignment algorithms", IEEE TAES 52(4),
/// a Dijkstra search for each augmenting path), the method SciPy uses.
///
/// \param cost      the cost matrix, n_rows x n_cols (any shape, empty included);
///                  not modified.
/// \param maximize  find the maximum-weight assignment instead.
/// Requires: no NaN entry; minimize: no -inf entry; maximize: no +inf entry.
///   +inf (-inf when maximizing) marks a forbidden pair.
/// Ensures: row_ind.size() == col_ind.size() == min(n_rows, n_cols); row_ind
///   strictly ascending; the col_ind entries distinct; every chosen pair finite;
///   the total is optimal among all such complete assignments. Under ties the
///   assignment returned is one of the optimal ones (not necessarily SciPy's).
///   An empty matrix (0 rows or 0 columns) gives two empty vectors.
/// Throws: ValueError ("cost matrix contains invalid numeric entries", naming
///   the first one) for NaN, -inf (minimize) or +inf (maximize), as SciPy;
///   ValueError "cost matrix is infeasible" when no complete assignment uses
///   only finite (allowed) entries; ValueError when a dimension exceeds the
///   range of IndexVector's int.
/// Complexity: O(n^2 m) time for an n x m matrix with n <= m (O(n^3) square),
///   O(n m) extra memory (one copy of cost, transposed when n_rows > n_cols).
///   Finite entries so large that reduced costs overflow to +inf are taken as
///   forbidden (as in SciPy).
[[nodiscard]] LinearSumAssignmentResult linear_sum_assignment(const Eigen::Ref<const Matrix>& cost,
                                                              bool maximize = false);

}  // namespace scilearn::optimize
