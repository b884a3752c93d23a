#pragma once
/// \file
/// Building sparse matrices, as scipy.sparse's construction functions: eye,
/// diags, kron, hstack, vstack, block_diag, tril, triu. All return CSR (SciPy
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

/// The block-diagonal matrix diag(A_1, A_2, ...) (scipy.sparse.block_diag);
/// no blocks give a 0 x 0 matrix.
[[nodiscard]] CsrMatrix block_diag(const std::vector<CsrMatrix>& blocks);

/// The entries of A on and below diagonal k (scipy.sparse.tril).
[[nodiscard]] CsrMatrix tril(const CsrMatrix& A, Index k = 0);

/// The entries of A on and above diagonal k (scipy.sparse.triu).
[[nodiscard]] CsrMatrix triu(const CsrMatrix& A, Index k = 0);

}  // namespace scilearn::sparse
