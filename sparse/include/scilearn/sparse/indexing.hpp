#pragma once
/// \file
/// Row and column selection, as scipy.sparse's `A[rows, cols]`: Python
/// slices (start:stop:step, negative steps included) and lists of indices
/// (any order, repeats allowed, negative counting from the end).
///
///     using sparse::Slice;
///     sparse::CsrMatrix r = sparse::index(a, {3, 0, -1});                  // A[[3, 0, -1], :]
///     sparse::CsrMatrix c = sparse::index(a, sparse::all, {2, 2, 5});      // A[:, [2, 2, 5]]
///     sparse::CsrMatrix s = sparse::index(a, Slice{.start = 1, .stop = 9, .step = 2}, {0, 4});  // A[1:9:2][:, [0, 4]]
///     sparse::CsrMatrix v = sparse::index(a, Slice{.step = -1});           // A[::-1]
///
/// With two lists, the result is the submatrix of every listed row and every
/// listed column: NumPy's A[np.ix_(rows, cols)], not NumPy's pairing of
/// A[[0, 1], [2, 3]] into the two entries (0, 2) and (1, 3).

#include <initializer_list>
#include <optional>
#include <scilearn/core/types.hpp>
#include <scilearn/sparse/types.hpp>
#include <string_view>
#include <utility>
#include <vector>

namespace scilearn::sparse {

/// Python's slice start:stop:step. A part left out (std::nullopt) takes
/// Python's default; negative start / stop count from the end; out-of-range
/// bounds are clamped, never an error, as in Python.
struct Slice {
  std::optional<Index> start{};  ///< first index (default: 0, or the last for a negative step)
  std::optional<Index> stop{};   ///< one past the last index (default: the end, or before 0 for a negative step)
  Index step = 1;              ///< must not be 0
};

/// ":" — every row or every column, in order.
inline constexpr Slice all{};

/// Which rows (or columns) to take: a Slice or a list of indices. Converts
/// implicitly from Slice, `{i, j, ...}`, std::vector<Index>, IndexVector and
/// Eigen::VectorX<Index>.
class Indexer {
 public:
  Indexer(Slice s) : slice_(s) {}                                            // NOLINT: implicit by design
  Indexer(std::initializer_list<Index> indices) : indices_(indices) {}       // NOLINT
  Indexer(std::vector<Index> indices) : indices_(std::move(indices)) {}      // NOLINT
  Indexer(const IndexVector& indices) : indices_(indices.begin(), indices.end()) {}             // NOLINT
  Indexer(const Eigen::VectorX<Index>& indices) : indices_(indices.begin(), indices.end()) {}   // NOLINT

  /// The positions selected in a dimension of `size`, in order: negative
  /// indices counted from the end, a slice resolved as Python's
  /// slice.indices(size).
  /// Throws: ValueError (SciPy: IndexError) for an index outside [-size, size),
  /// naming `function` and `what` ("rows"); ValueError for a zero step.
  /// Complexity: O(number selected).
  [[nodiscard]] std::vector<Index> resolve(Index size, std::string_view function, std::string_view what) const;

 private:
  std::optional<Slice> slice_;
  std::vector<Index> indices_;
};

/// The rows `rows` and columns `cols` of A, in the order given (A[rows, cols];
/// see the file comment for two lists). Stored entries, explicit zeros
/// included, are copied; the result has sorted indices.
/// Throws: ValueError for an index out of range, a zero step, or a result past
/// 32-bit indices (repeated selections can multiply the stored entries).
/// Complexity: O(r + nnz of the selected rows) with all columns; with a column
/// selection, O(r + n + entries of the selected rows + output), plus sorting the
/// output rows when the columns are not in increasing order (r: rows selected).
[[nodiscard]] CsrMatrix index(const CsrMatrix& A, const Indexer& rows, const Indexer& cols = all);

/// A[rows, cols] for CSC: the same selection, fast for column selections
/// (the roles of rows and columns in the complexity above swap).
[[nodiscard]] CscMatrix index(const CscMatrix& A, const Indexer& rows, const Indexer& cols = all);

}  // namespace scilearn::sparse
