#pragma once
// The BLAS under gpu/blas.hpp, on raw column-major device pointers with valid
// shapes (blas.cpp checks them): cuBLAS in cuda/blas.cpp, the host BLAS in
// host/blas.cpp. Failures throw BackendError.

#include <scilearn/core/types.hpp>

namespace scilearn::gpu::detail {

// C (m x n) <- alpha op(A) op(B) + beta C, op(A) m x k; lda, ldb, ldc as in BLAS.
template <class T>
void blas_gemm(bool trans_a, bool trans_b, Index m, Index n, Index k, T alpha, const T* A, Index lda, const T* B,
               Index ldb, T beta, T* C, Index ldc);

// y <- alpha op(A) x + beta y, A m x n (as stored).
template <class T>
void blas_gemv(bool trans_a, Index m, Index n, T alpha, const T* A, Index lda, const T* x, T beta, T* y);

// Lower triangle of C (n x n) <- alpha op(A) op(A)^T + beta C, op(A) n x k.
template <class T>
void blas_syrk_lower(bool trans_a, Index n, Index k, T alpha, const T* A, Index lda, T beta, T* C, Index ldc);

}  // namespace scilearn::gpu::detail
