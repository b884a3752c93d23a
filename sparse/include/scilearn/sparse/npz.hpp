#pragma once
/// \file
/// scipy.sparse's .npz files: save_npz / load_npz in SciPy's layout, so
/// matrices move between SciPy and C++ without a conversion step.
///
/// The file is a ZIP archive (what np.savez writes) of .npy arrays:
/// format.npy (the bytes b'csr', b'csc' or b'coo'), shape.npy (int64, (2,)),
/// data.npy, and indices.npy + indptr.npy (CSR / CSC) or row.npy + col.npy
/// (COO). SciPy compresses the members with DEFLATE by default (zlib does it
/// here); both compressed and stored members are read.
///
///     # Python                                        // C++
///     sp.save_npz("a.npz", a.tocsr())                 sparse::CsrMatrix a = sparse::load_npz("a.npz");
///     b = sp.load_npz("b.npz")                        sparse::save_npz("b.npz", b);
///
/// Every reader error is a scilearn::FormatError naming the file and the
/// problem: not a ZIP archive, truncated, a corrupted member (its CRC-32 is
/// checked), an unsupported compression or sparse format, a member that is
/// missing or of the wrong type or shape, indptr that does not start at 0,
/// decreases or disagrees with the shape, an index outside the shape, or
/// declared sizes the file cannot hold. A file is never trusted for an
/// allocation size: every size is checked against the bytes present (a
/// DEFLATE stream expands at most 1032-fold) before memory is reserved.

#include <filesystem>
#include <scilearn/sparse/types.hpp>

namespace scilearn::sparse {

/// Saves A as scipy.sparse.save_npz(file, A, compressed) does for a
/// csr_matrix / csc_matrix: members indices, indptr, format, shape, data (in
/// SciPy's order), values as float64, indices and indptr as int32 (int64 for
/// the 64-bit types), shape as int64. `compressed` DEFLATEs each member (zlib's
/// default level, as NumPy's savez_compressed); otherwise they are stored.
/// The archive has fixed timestamps, so the same matrix gives the same bytes.
/// Ensures: scipy.sparse.load_npz and load_npz<same type> return A exactly
///          (uncompressed-mode matrices are written compressed).
/// Throws: FormatError naming the file if it cannot be written.
/// Complexity: O(nnz + outer size); streams through a small buffer.
void save_npz(const std::filesystem::path& file, const CsrMatrix& A, bool compressed = true);
/// \copydoc save_npz(const std::filesystem::path&, const CsrMatrix&, bool)
void save_npz(const std::filesystem::path& file, const CscMatrix& A, bool compressed = true);
/// \copydoc save_npz(const std::filesystem::path&, const CsrMatrix&, bool)
void save_npz(const std::filesystem::path& file, const CsrMatrix64& A, bool compressed = true);
/// \copydoc save_npz(const std::filesystem::path&, const CsrMatrix&, bool)
void save_npz(const std::filesystem::path& file, const CscMatrix64& A, bool compressed = true);

/// Loads a matrix written by scipy.sparse.save_npz (or save_npz above) as
/// SparseT: CsrMatrix (the default), CscMatrix, CsrMatrix64 or CscMatrix64.
/// Reads formats csr, csc and coo (from row / col, or SciPy's n-d `coords`),
/// converting to SparseT's storage order as needed; data of dtype float64,
/// float32, int32 or int64 (converted to double), indices of int32 or int64.
/// A file whose indices are unsorted or repeat within a row (SciPy allows
/// that "non-canonical" form) is canonicalized: indices sorted, repeats
/// summed, which is the matrix SciPy's A.toarray() gives. Explicit zeros are
/// kept. SciPy's sparse-array flag (_is_array.npy) is ignored.
/// Throws: FormatError as the file comment lists, and for a shape or nnz that
///         SparseT's indices cannot hold or a result that would need more than
///         this machine's memory.
/// Complexity: O(file size + nnz + outer size); the archive and one member
/// at a time are held in memory.
template <class SparseT = CsrMatrix>
[[nodiscard]] SparseT load_npz(const std::filesystem::path& file);

extern template CsrMatrix load_npz<CsrMatrix>(const std::filesystem::path&);
extern template CscMatrix load_npz<CscMatrix>(const std::filesystem::path&);
extern template CsrMatrix64 load_npz<CsrMatrix64>(const std::filesystem::path&);
extern template CscMatrix64 load_npz<CscMatrix64>(const std::filesystem::path&);

}  // namespace scilearn::sparse
