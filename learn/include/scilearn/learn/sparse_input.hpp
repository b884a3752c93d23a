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
#include <scilearn/learn/validation.hpp>
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

/// What fit checks on sparse X (the counterpart of check_X_y plus
/// check_sample_weight): check_sparse_X, y with one finite entry per row, and
/// sample_weight as check_sample_weight (empty: no weights). Complexity: O(nnz + n).
void check_sparse_X_y(std::string_view where, const CscMatrix& X, const VectorView& y,
                      const VectorView& sample_weight = Vector());
/// The same checks for CSR storage.
void check_sparse_X_y(std::string_view where, const CsrMatrix& X, const VectorView& y,
                      const VectorView& sample_weight = Vector());

/// What predict-like methods check on sparse X: check_sparse_X (naming
/// "ESTIMATOR.METHOD") and the feature count of fit, with check_n_features's
/// message ("X has 3 features, but Lasso is expecting 4 features as input").
void check_sparse_predict(std::string_view estimator, std::string_view method, const CsrMatrix& X, Index n_features_in);

}  // namespace scilearn::learn
