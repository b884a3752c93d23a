#pragma once
/// \file
/// SuiteSparse's fill-reducing orderings as permutations of their own: what
/// the direct solvers apply inside (Cholesky, splu, qr take them as options),
/// for users who factor, partition or reorder themselves.
///
///     std::vector<Index> p = sparse::amd(a);   // P A P^T, P taking row p[k] to row k, fills less

#include <scilearn/core/types.hpp>
#include <scilearn/sparse/types.hpp>
#include <vector>

namespace scilearn::sparse {

/// Approximate minimum degree ordering of the pattern of A + A^T (Amestoy,
/// Davis & Duff 1996; SuiteSparse's AMD), for Cholesky or LU with diagonal
/// pivots: row and column p[k] of A become row and column k. Values are not read.
/// Throws: ValueError for a non-square A; BackendError when AMD runs out of memory.
/// Complexity: about O(nnz(A)) in practice.
[[nodiscard]] std::vector<Index> amd(const CscMatrix& A);

/// Column approximate minimum degree ordering (Davis, Gilbert, Larimore & Ng
/// 2004; SuiteSparse's COLAMD) for LU with partial pivoting or QR of any-shape
/// A: column p[k] of A becomes column k, reducing the fill of A^T A's factor.
/// Values are not read.
/// Throws: ValueError when A's index arrays are too large for COLAMD's workspace;
/// BackendError when COLAMD fails.
/// Complexity: about O(nnz(A)) in practice.
[[nodiscard]] std::vector<Index> colamd(const CscMatrix& A);

}  // namespace scilearn::sparse
