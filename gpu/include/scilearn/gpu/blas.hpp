#pragma once
/// \file
/// Dense BLAS on device matrices: GEMM, GEMV, SYRK. cuBLAS on the CUDA back
/// end; the host BLAS (OpenBLAS) on OMP / CPP, where device memory is host
/// memory. Shapes are checked here, once; BLAS sees only valid calls.

#include <scilearn/gpu/device_array.hpp>

namespace scilearn::gpu {

/// Whether an operand is used as stored or transposed.
enum class Op { none, transpose };

/// C <- alpha op(A) op(B) + beta C. With beta = 0, C's old contents are ignored
/// (NaN in C does not propagate). Throws ValueError when op(A) is m x k, op(B)
/// is not k x n, or C is not m x n; BackendError when the BLAS fails.
/// O(m n k).
template <DeviceReal T>
void gemm(Op op_a, Op op_b, T alpha, const DeviceMatrix<T>& A, const DeviceMatrix<T>& B, T beta,
          DeviceMatrix<T>& C);

/// A new m x n matrix op(A) op(B).
template <DeviceReal T>
[[nodiscard]] DeviceMatrix<T> matmul(const DeviceMatrix<T>& A, const DeviceMatrix<T>& B, Op op_a = Op::none,
                                     Op op_b = Op::none);

/// y <- alpha op(A) x + beta y. Throws ValueError on mismatched sizes. O(m n).
template <DeviceReal T>
void gemv(Op op_a, T alpha, const DeviceMatrix<T>& A, const DeviceVector<T>& x, T beta, DeviceVector<T>& y);

/// C <- alpha op(A) op(A)^T + beta C, both triangles of the symmetric C
/// written (the BLAS computes the lower one; it is mirrored on the device).
/// op(A) = A (n x k, C n x n: the Gram matrix of A's rows) or A^T (A k x n:
/// the Gram matrix of A's columns, X^T X for samples in rows). Throws ValueError
/// when C is not n x n. O(n^2 k).
template <DeviceReal T>
void syrk(Op op_a, T alpha, const DeviceMatrix<T>& A, T beta, DeviceMatrix<T>& C);

}  // namespace scilearn::gpu
