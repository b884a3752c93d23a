#pragma once
/// \file
/// CooMatrix: scipy.sparse's coo_matrix, a shape and three parallel arrays of
/// (row, column, value) entries in any order, duplicates allowed. It is the
/// format to build in (append entries, then convert once) and the one
/// `find` and `.npz` COO files speak.
///
///     sparse::CooMatrix c{.shape = {3, 4}, .row = {0, 2, 0}, .col = {1, 3, 1}, .data = {1.0, 2.0, 0.5}};
///     sparse::CsrMatrix a = c.tocsr();     // a.coeff(0, 1) == 1.5: duplicates summed, as SciPy
///     sparse::CooMatrix back = sparse::tocoo(a);

#include <scilearn/core/types.hpp>
#include <scilearn/sparse/types.hpp>
#include <utility>
#include <vector>

namespace scilearn::sparse {

/// A sparse matrix in coordinate format (scipy.sparse.coo_matrix((data, (row,
/// col)), shape)). Entry k is (row[k], col[k], data[k]); entries may come in
/// any order and repeat (a repeated position means the sum, as in SciPy).
/// The members are plain data: fill them directly; tocsr / tocsc check them.
struct CooMatrix {
  std::pair<Index, Index> shape{0, 0};  ///< (rows, columns)
  std::vector<int> row{};               ///< row index of each entry
  std::vector<int> col{};               ///< column index of each entry
  std::vector<double> data{};           ///< value of each entry

  /// The number of stored entries, repeats counted (SciPy's nnz).
  [[nodiscard]] Index nnz() const noexcept { return static_cast<Index>(data.size()); }

  /// The same matrix in CSR (coo_matrix.tocsr): repeats summed (in entry
  /// order), column indices sorted in each row, explicit zeros kept (a sum
  /// that cancels stays stored, as in SciPy).
  /// Throws: ValueError when row, col and data differ in length, an index lies
  /// outside the shape, the shape is negative or past 32-bit indices, or there
  /// are more than 2^31 - 1 entries.
  /// Complexity: O(nnz + rows): a counting sort by row, then insertion sorts
  /// of the (short) rows, or for long rows (over 64 entries on average) a
  /// second counting sort; about 16 bytes of scratch per entry.
  [[nodiscard]] CsrMatrix tocsr() const;

  /// The same matrix in CSC (coo_matrix.tocsc); as tocsr, by columns.
  /// Throws: ValueError as tocsr. Complexity: O(nnz + cols).
  [[nodiscard]] CscMatrix tocsc() const;
};

/// The stored entries of A in coordinate format (csr_matrix.tocoo): in storage
/// order (row by row for CSR), explicit zeros included. Complexity: O(nnz + rows).
[[nodiscard]] CooMatrix tocoo(const CsrMatrix& A);

/// The stored entries of A in coordinate format (csc_matrix.tocoo): column by
/// column, explicit zeros included. Complexity: O(nnz + cols).
[[nodiscard]] CooMatrix tocoo(const CscMatrix& A);

}  // namespace scilearn::sparse
