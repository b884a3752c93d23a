#pragma once
/// \file
/// Reading a sparse matrix's entries and reducing it, as scipy.sparse's
/// find, eliminate_zeros, diagonal, sum, mean and scipy.sparse.linalg.norm.
/// Each takes CSR or CSC; inputs are never modified (SciPy's
/// eliminate_zeros works in place; ours returns the cleaned copy).
///
/// SciPy's `axis` is an int here: 0 reduces over rows (one value per
/// column), 1 over columns (one value per row), -2 and -1 as 0 and 1; the
/// overloads without `axis` are SciPy's axis=None and return a scalar.
///
///     auto [I, J, V] = sparse::find(a);            // row-major order, explicit zeros left out
///     Vector col_sums = sparse::sum(a, 0);         // a.sum(axis=0)
///     double fro = sparse::norm(a);                // norm(a), Frobenius
///     Vector row_max = sparse::norm(a, INFINITY, 1);   // norm(a, np.inf, axis=1)

#include <scilearn/core/types.hpp>
#include <scilearn/sparse/types.hpp>
#include <string_view>

namespace scilearn::sparse {

/// The non-zero entries of a matrix (scipy.sparse.find's (I, J, V)).
struct FindResult {
  IndexVector I;  ///< row indices
  IndexVector J;  ///< column indices
  Vector V;       ///< values
};

/// The non-zero entries of A, row by row with columns ascending (the order of
/// SciPy's find for CSR and CSC input alike), stored duplicates summed and
/// entries equal to zero (explicitly stored, or duplicates that cancel) left out.
/// Complexity: O(nnz + rows) for CSR; a CSC input is converted first (O(nnz + rows + cols)).
[[nodiscard]] FindResult find(const CsrMatrix& A);
/// \copydoc find(const CsrMatrix&)
[[nodiscard]] FindResult find(const CscMatrix& A);

/// A copy of A without its explicitly stored zeros (A.eliminate_zeros(),
/// which SciPy does in place). NaN entries are kept. Complexity: O(nnz + outer size).
[[nodiscard]] CsrMatrix eliminate_zeros(const CsrMatrix& A);
/// \copydoc eliminate_zeros(const CsrMatrix&)
[[nodiscard]] CscMatrix eliminate_zeros(const CscMatrix& A);

/// Diagonal k of A: the entries A(i, i + k) (A.diagonal(k)); k > 0 above the
/// main diagonal, k < 0 below. A k outside the matrix gives an empty vector,
/// as in SciPy. Complexity: O(d log(nnz per row)) for d diagonal entries.
[[nodiscard]] Vector diagonal(const CsrMatrix& A, Index k = 0);
/// \copydoc diagonal(const CsrMatrix&, Index)
[[nodiscard]] Vector diagonal(const CscMatrix& A, Index k = 0);

/// The sum of all entries (A.sum()); 0 for an empty matrix. Complexity: O(nnz).
[[nodiscard]] double sum(const CsrMatrix& A);
/// \copydoc sum(const CsrMatrix&)
[[nodiscard]] double sum(const CscMatrix& A);

/// Sums along an axis (A.sum(axis)): axis 0 gives the n column sums, axis 1
/// the m row sums (as a vector; SciPy's matrix returns 1 x n / m x 1).
/// Throws: ValueError for an axis outside [-2, 1]. Complexity: O(nnz + m + n).
[[nodiscard]] Vector sum(const CsrMatrix& A, int axis);
/// \copydoc sum(const CsrMatrix&, int)
[[nodiscard]] Vector sum(const CscMatrix& A, int axis);

/// The mean of all m n entries, implicit zeros included (A.mean()); computed
/// as SciPy does, as the sum of the entries each scaled by 1 / (m n).
/// Throws: ValueError for an empty matrix (SciPy: ZeroDivisionError).
/// Complexity: O(nnz).
[[nodiscard]] double mean(const CsrMatrix& A);
/// \copydoc mean(const CsrMatrix&)
[[nodiscard]] double mean(const CscMatrix& A);

/// Means along an axis (A.mean(axis)): axis 0 gives the n column means, axis
/// 1 the m row means.
/// Throws: ValueError for an axis outside [-2, 1], or a mean over zero entries
/// (axis 0 of a matrix with no rows, axis 1 with no columns).
/// Complexity: O(nnz + m + n).
[[nodiscard]] Vector mean(const CsrMatrix& A, int axis);
/// \copydoc mean(const CsrMatrix&, int)
[[nodiscard]] Vector mean(const CscMatrix& A, int axis);

/// The Frobenius norm sqrt(sum |a_ij|^2) (scipy.sparse.linalg.norm(A)).
/// Complexity: O(nnz).
[[nodiscard]] double norm(const CsrMatrix& A);
/// \copydoc norm(const CsrMatrix&)
[[nodiscard]] double norm(const CscMatrix& A);

/// A matrix norm named by a string (norm(A, ord)): "fro" (or "f").
/// Throws: ValueError for any other name ("nuc" needs an SVD, which SciPy's
/// sparse norm does not offer either). Complexity: O(nnz).
[[nodiscard]] double norm(const CsrMatrix& A, std::string_view ord);
/// \copydoc norm(const CsrMatrix&, std::string_view)
[[nodiscard]] double norm(const CscMatrix& A, std::string_view ord);

/// A matrix norm by order (norm(A, ord)): 1 the largest column sum of |a_ij|,
/// -1 the smallest, INFINITY the largest row sum, -INFINITY the smallest, 2 the
/// largest singular value (by svds with k = 1, as SciPy).
/// Throws: ValueError for ord -2 (not implemented in SciPy either), any other
/// order, or a norm over an empty set of rows or columns (as NumPy's max of an
/// empty array); LinAlgError if svds does not converge for ord 2.
/// Complexity: O(nnz + m + n); for ord 2, an ARPACK run of a few dozen
/// products with A and A^T.
[[nodiscard]] double norm(const CsrMatrix& A, double ord);
/// \copydoc norm(const CsrMatrix&, double)
[[nodiscard]] double norm(const CscMatrix& A, double ord);

/// Vector norms of the columns (axis 0) or rows (axis 1) of A, as
/// norm(A, ord, axis): ord 2 (SciPy's default) sqrt(sum x^2), 1 sum |x|,
/// INFINITY max |x| and -INFINITY min |x| (implicit zeros count), 0 the number
/// of non-zero entries, any other p (sum |x|^p)^(1/p) over the *stored*
/// entries, as SciPy's `abs(A).power(p)` (so for p < 0, implicit zeros are
/// skipped and a stored zero gives 0).
/// Throws: ValueError for an axis outside [-2, 1] or a NaN ord.
/// Complexity: O(nnz + m + n).
[[nodiscard]] Vector norm(const CsrMatrix& A, double ord, int axis);
/// \copydoc norm(const CsrMatrix&, double, int)
[[nodiscard]] Vector norm(const CscMatrix& A, double ord, int axis);

}  // namespace scilearn::sparse
