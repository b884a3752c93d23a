#pragma once
/// \file
/// Sparse matrices on the device: CSR storage, products with dense vectors and
/// matrices (cuSPARSE on the CUDA back end, a row-parallel Thrust loop on OMP /
/// CPP), and the conjugate gradient method with SciPy's semantics.

#include <Eigen/SparseCore>
#include <cstdint>
#include <scilearn/gpu/device_array.hpp>

namespace scilearn::gpu {

/// A rows x cols CSR matrix in device memory: row offsets (rows + 1), column
/// indices and values (nnz each), 32-bit indices as cuSPARSE's and Eigen's
/// default. Move-only, as the dense arrays.
template <DeviceReal T>
class DeviceCsrMatrix {
 public:
  /// The host twin (Eigen's CSR).
  using Host = Eigen::SparseMatrix<T, Eigen::RowMajor, int>;

  DeviceCsrMatrix() = default;

  /// A device copy of A (compressed first if it is not): three counted
  /// transfers. Complexity: O(rows + nnz).
  [[nodiscard]] static DeviceCsrMatrix from_host(const Host& A);

  /// The matrix on the host: three counted transfers.
  [[nodiscard]] Host to_host() const;

  /// Number of rows and of columns.
  [[nodiscard]] Index rows() const noexcept { return rows_; }
  [[nodiscard]] Index cols() const noexcept { return cols_; }
  /// Number of stored entries.
  [[nodiscard]] Index nnz() const noexcept { return values_.size(); }
  /// Row r's entries are [indptr[r], indptr[r + 1]) (rows + 1 offsets; empty
  /// for a default-constructed matrix).
  [[nodiscard]] const DeviceVector<std::int32_t>& indptr() const noexcept { return indptr_; }
  /// Column index of each stored entry, ascending within a row.
  [[nodiscard]] const DeviceVector<std::int32_t>& indices() const noexcept { return indices_; }
  /// Value of each stored entry.
  [[nodiscard]] const DeviceVector<T>& values() const noexcept { return values_; }

 private:
  Index rows_ = 0;
  Index cols_ = 0;
  DeviceVector<std::int32_t> indptr_;
  DeviceVector<std::int32_t> indices_;
  DeviceVector<T> values_;
};

/// y <- alpha A x + beta y (beta = 0 ignores y's contents). Throws ValueError
/// on mismatched sizes. O(nnz + rows).
template <DeviceReal T>
void spmv(T alpha, const DeviceCsrMatrix<T>& A, const DeviceVector<T>& x, T beta, DeviceVector<T>& y);

/// C <- alpha A B + beta C for a dense B (cols x k) and C (rows x k). Throws
/// ValueError on mismatched shapes. O(nnz k).
template <DeviceReal T>
void spmm(T alpha, const DeviceCsrMatrix<T>& A, const DeviceMatrix<T>& B, T beta, DeviceMatrix<T>& C);

/// Options of cg, with scipy.sparse.linalg.cg's names and defaults.
struct CGOptions {
  double rtol = 1e-5;
  double atol = 0.0;
  Index maxiter = 0;    ///< 0: 10 n, as SciPy
  bool jacobi = false;  ///< precondition with diag(A)^-1
};

/// The result of cg, as SciPy's (x, info) plus what its callback would count.
template <DeviceReal T>
struct CGResult {
  DeviceVector<T> x;
  int info = 0;          ///< 0: converged; > 0: maxiter reached without converging
  Index iterations = 0;  ///< iterations run
  T residual_norm = 0;   ///< ||b - A x|| as the recurrence tracks it
};

/// Solves A x = b for a symmetric positive definite A by the conjugate
/// gradient method (Hestenes & Stiefel 1952), from x = 0, stopping when
/// ||r|| < max(rtol ||b||, atol), step for step as SciPy 1.17's cg. Throws
/// ValueError unless A is square with b's size, rtol, atol >= 0, maxiter >= 0,
/// and (jacobi) the diagonal has no zero; NaN / Inf in b is a ValueError.
/// O(nnz) per iteration.
template <DeviceReal T>
[[nodiscard]] CGResult<T> cg(const DeviceCsrMatrix<T>& A, const DeviceVector<T>& b, const CGOptions& options = {});

}  // namespace scilearn::gpu
