#pragma once
/// \file
/// The sparse containers of scilearn::sparse: Eigen's compressed storage, as
/// scipy.sparse's csr_matrix / csc_matrix, and triplets for COO construction.
///
/// 32-bit indices by default (what SciPy uses below 2^31 non-zeros); the `64`
/// variants hold matrices past 2^31 non-zeros or dimensions. These are the
/// same types as scilearn::SparseMatrix / SparseMatrixCSR (core) and
/// learn::CscMatrix / CsrMatrix, so matrices pass between modules unconverted.
///
///     std::vector<sparse::Triplet> t{{0, 0, 4.0}, {1, 0, -1.0}, {0, 1, -1.0}, {1, 1, 4.0}};
///     sparse::CsrMatrix a(2, 2);
///     a.setFromTriplets(t.begin(), t.end());   // duplicates summed, as scipy's coo -> csr

#include <Eigen/SparseCore>
#include <cstdint>
#include <scilearn/core/types.hpp>

namespace scilearn::sparse {

/// Compressed sparse row storage with 32-bit indices (scipy.sparse.csr_matrix).
using CsrMatrix = Eigen::SparseMatrix<double, Eigen::RowMajor, int>;
/// Compressed sparse column storage with 32-bit indices (scipy.sparse.csc_matrix).
using CscMatrix = Eigen::SparseMatrix<double, Eigen::ColMajor, int>;
/// CSR with 64-bit indices, for more than 2^31 - 1 non-zeros.
using CsrMatrix64 = Eigen::SparseMatrix<double, Eigen::RowMajor, std::int64_t>;
/// CSC with 64-bit indices, for more than 2^31 - 1 non-zeros.
using CscMatrix64 = Eigen::SparseMatrix<double, Eigen::ColMajor, std::int64_t>;
/// One (row, column, value) entry of a COO matrix; build CSR / CSC with
/// `setFromTriplets` (duplicates are summed, as scipy's COO conversion does).
using Triplet = Eigen::Triplet<double, int>;
/// A COO entry with 64-bit indices, for CsrMatrix64 / CscMatrix64.
using Triplet64 = Eigen::Triplet<double, std::int64_t>;

/// A read-only vector argument (any contiguous column of doubles, no copy).
using VectorView = Eigen::Ref<const Vector>;
/// A writable vector argument of the right size (any contiguous column).
using VectorRef = Eigen::Ref<Vector>;

}  // namespace scilearn::sparse
