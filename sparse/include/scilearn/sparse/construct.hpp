#pragma once
/// \file
/// Building sparse matrices, as scipy.sparse's construction functions: eye,
/// diags, kron, hstack, vstack, bmat, block_diag, tril, triu. All return CSR (SciPy
/// returns various formats; convert with `CscMatrix c = result;`). Inputs in
/// CSC convert implicitly. Explicitly stored zeros of input matrices are kept
/// (as SciPy's); diags stores only the non-zero values it is given.
///
///     // 2-D Poisson on an n x n grid: kron(I, T) + kron(T, I)
///     sparse::CsrMatrix t = sparse::diags({Vector::Constant(n - 1, -1.0), Vector::Constant(n, 2.0),
///                                          Vector::Constant(n - 1, -1.0)}, {-1, 0, 1});
///     sparse::CsrMatrix a = sparse::kron(sparse::eye(n), t) + sparse::kron(t, sparse::eye(n));

#include <optional>
#include <scilearn/core/types.hpp>
#include <scilearn/sparse/types.hpp>
#include <utility>
#include <vector>

namespace scilearn::sparse {

/// The m x n matrix with ones on diagonal k (k > 0 above the main one, k < 0 below);
/// n < 0 means n = m (scipy.sparse.eye(m, n, k)).
/// Throws: ValueError for m < 0. Complexity: O(min(m, n)).
[[nodiscard]] CsrMatrix eye(Index m, Index n = -1, Index k = 0);

/// The matrix with `diagonals[i]` on diagonal `offsets[i]` (scipy.sparse.diags).
/// Without a shape, it is square of size len(diagonals[0]) + |offsets[0]|. A
/// diagonal of length 1 is repeated along its whole diagonal; otherwise its
/// length must be that of the diagonal in the shape.
/// Throws: ValueError when the counts of diagonals and offsets differ, an offset
/// repeats or lies outside the shape, a length disagrees, or the shape is negative.
/// Complexity: O(total length).
[[nodiscard]] CsrMatrix diags(const std::vector<Vector>& diagonals, const std::vector<Index>& offsets,
                              std::optional<std::pair<Index, Index>> shape = std::nullopt);

/// The Kronecker product A ⊗ B: (p m) x (q n) for p x q A and m x n B
/// (scipy.sparse.kron). Complexity: O(nnz(A) nnz(B)).
[[nodiscard]] CsrMatrix kron(const CsrMatrix& A, const CsrMatrix& B);

/// [A_1, A_2, ...] side by side (scipy.sparse.hstack).
/// Throws: ValueError when the blocks' row counts differ or there are none.
[[nodiscard]] CsrMatrix hstack(const std::vector<CsrMatrix>& blocks);

/// [A_1; A_2; ...] stacked (scipy.sparse.vstack).
/// Throws: ValueError when the blocks' column counts differ or there are none.
[[nodiscard]] CsrMatrix vstack(const std::vector<CsrMatrix>& blocks);

/// The matrix assembled from a grid of blocks (scipy.sparse.bmat): blocks[i][j]
/// is placed at block row i, block column j; std::nullopt is an all-zero
/// block. Every block of block row i must have that row's height, every block
/// of block column j that column's width; an all-nullopt block row (column)
/// has height (width) 0, as in SciPy.
///
///     // [[A, B], [None, C]]
///     sparse::CsrMatrix k = sparse::bmat({{A, B}, {std::nullopt, C}});
///
/// Throws: ValueError for no block rows, block rows of different lengths, or
/// incompatible sizes, with SciPy's message ("blocks[1,:] has incompatible row
/// dimensions. Got blocks[1,2].shape[0] == 3, expected 2."), or a result past
/// 32-bit indices. Unlike SciPy, a block with 0 rows (columns) is checked
/// like any other rather than taking the size of the next one.
/// Complexity: O(total nnz + rows of the result x block columns).
[[nodiscard]] CsrMatrix bmat(const std::vector<std::vector<std::optional<CsrMatrix>>>& blocks);

/// The block-diagonal matrix diag(A_1, A_2, ...) (scipy.sparse.block_diag);
/// no blocks give a 0 x 0 matrix.
[[nodiscard]] CsrMatrix block_diag(const std::vector<CsrMatrix>& blocks);

/// The entries of A on and below diagonal k (scipy.sparse.tril).
[[nodiscard]] CsrMatrix tril(const CsrMatrix& A, Index k = 0);

/// The entries of A on and above diagonal k (scipy.sparse.triu).
[[nodiscard]] CsrMatrix triu(const CsrMatrix& A, Index k = 0);

}  // namespace scilearn::sparse
