#pragma once
// A square sparse matrix as SuiteSparse reads it: compressed columns with
// 32-bit indices. A CSR matrix is the CSC matrix of its transpose, so it is
// passed as is with `transposed` set, and the solvers solve with A^T.

#include <optional>
#include <scilearn/sparse/types.hpp>

namespace scilearn::sparse::detail {

struct CompressedView {
  int n = 0;
  const int* p = nullptr;     ///< column (or, transposed, row) pointers, n + 1
  const double* x = nullptr;  ///< values
  const int* i = nullptr;     ///< row (or, transposed, column) indices
  bool transposed = false;    ///< true: the arrays hold A^T (A was CSR)
};

/// Views a compressed CSC / CSR matrix; an uncompressed one (Eigen's insert
/// mode) is compressed into `storage` first.
template <class M>
CompressedView compressed_view(const M& a, std::optional<M>& storage) {
  const M* source = &a;
  if (!a.isCompressed()) {
    storage.emplace(a);
    storage->makeCompressed();
    source = &*storage;
  }
  return {static_cast<int>(source->outerSize()), source->outerIndexPtr(), source->valuePtr(), source->innerIndexPtr(),
          M::IsRowMajor};
}

/// The matrix for CHOLMOD, which factorizes fastest from an upper triangle
/// stored by columns. A CSR A reaches it as a lower triangle (its arrays are
/// A^T by columns), which CHOLMOD transposes itself at about a fifth of the
/// factorization's time (2-D Poisson, 10^6 unknowns: 3.7 s against 2.9 s):
/// so a CSR A is converted to CSC in `storage` first, in O(nnz).
template <class M>
CompressedView upper_by_columns(const M& a, std::optional<CscMatrix>& storage) {
  if constexpr (M::IsRowMajor) {
    storage.emplace(a);
    storage->makeCompressed();
    std::optional<CscMatrix> unused;
    return compressed_view(*storage, unused);
  } else {
    return compressed_view(a, storage);
  }
}

}  // namespace scilearn::sparse::detail
