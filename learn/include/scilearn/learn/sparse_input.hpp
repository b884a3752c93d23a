#pragma once
/// \file
/// Sparse feature matrices for the estimators that accept them (linear models,
/// naive Bayes): the containers and the input checks, the counterparts of
/// scikit-learn's `check_array(accept_sparse=...)` on CSR / CSC input.
///
/// Samples are rows, as for dense X. An estimator that accepts sparse X has
/// `fit` / `predict` overloads for the storage its solver walks (coordinate
/// descent: CSC; row-wise solvers and predict: CSR); Eigen converts the other
/// order implicitly, once, at the call, as scikit-learn converts with `tocsc()`.

#include <Eigen/SparseCore>
#include <scilearn/core/types.hpp>
#include <string_view>

namespace scilearn::learn {

/// Compressed sparse row storage (scipy.sparse.csr_matrix): rows are contiguous.
using CsrMatrix = Eigen::SparseMatrix<double, Eigen::RowMajor>;
/// Compressed sparse column storage (scipy.sparse.csc_matrix): columns are contiguous.
using CscMatrix = Eigen::SparseMatrix<double, Eigen::ColMajor>;

/// Checks a sparse feature matrix: at least one sample and one feature and
/// every stored entry finite (explicitly stored zeros are allowed). Message
/// example: "Lasso.fit: X contains NaN or infinity (stored entry at row 3,
/// column 7)". Complexity: O(nnz).
void check_sparse_X(std::string_view where, const CscMatrix& X);
/// The same check for CSR storage.
void check_sparse_X(std::string_view where, const CsrMatrix& X);

}  // namespace scilearn::learn
