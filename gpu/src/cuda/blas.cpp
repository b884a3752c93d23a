// The CUDA back end's BLAS: cuBLAS, one handle per host thread (cuBLAS handles
// are not to be shared between threads that call concurrently), created on
// first use and destroyed with the thread.
#include <cublas_v2.h>

#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>

#include "blas_backend.hpp"

namespace scilearn::gpu::detail {

namespace {

void check(cublasStatus_t status, const char* call) {
  if (status != CUBLAS_STATUS_SUCCESS)
    throw BackendError(cat("cuBLAS ", call), static_cast<int>(status),
                       cat(call, " failed: ", cublasGetStatusName(status), ": ", cublasGetStatusString(status)));
}

class Handle {
 public:
  Handle() { check(cublasCreate(&handle_), "cublasCreate"); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() { (void)cublasDestroy(handle_); }
  cublasHandle_t get() const { return handle_; }

 private:
  cublasHandle_t handle_ = nullptr;
};

cublasHandle_t handle() {
  thread_local Handle instance;
  return instance.get();
}

cublasOperation_t op(bool trans) { return trans ? CUBLAS_OP_T : CUBLAS_OP_N; }
int ld(Index rows) { return static_cast<int>(rows > 1 ? rows : 1); }

// cuBLAS's names by element type.
cublasStatus_t gemm_call(cublasOperation_t ta, cublasOperation_t tb, int m, int n, int k, const float* alpha,
                         const float* A, int lda, const float* B, int ldb, const float* beta, float* C, int ldc) {
  return cublasSgemm(handle(), ta, tb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc);
}
cublasStatus_t gemm_call(cublasOperation_t ta, cublasOperation_t tb, int m, int n, int k, const double* alpha,
                         const double* A, int lda, const double* B, int ldb, const double* beta, double* C, int ldc) {
  return cublasDgemm(handle(), ta, tb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc);
}
cublasStatus_t gemv_call(cublasOperation_t t, int m, int n, const float* alpha, const float* A, int lda,
                         const float* x, const float* beta, float* y) {
  return cublasSgemv(handle(), t, m, n, alpha, A, lda, x, 1, beta, y, 1);
}
cublasStatus_t gemv_call(cublasOperation_t t, int m, int n, const double* alpha, const double* A, int lda,
                         const double* x, const double* beta, double* y) {
  return cublasDgemv(handle(), t, m, n, alpha, A, lda, x, 1, beta, y, 1);
}
cublasStatus_t syrk_call(cublasOperation_t t, int n, int k, const float* alpha, const float* A, int lda,
                         const float* beta, float* C, int ldc) {
  return cublasSsyrk(handle(), CUBLAS_FILL_MODE_LOWER, t, n, k, alpha, A, lda, beta, C, ldc);
}
cublasStatus_t syrk_call(cublasOperation_t t, int n, int k, const double* alpha, const double* A, int lda,
                         const double* beta, double* C, int ldc) {
  return cublasDsyrk(handle(), CUBLAS_FILL_MODE_LOWER, t, n, k, alpha, A, lda, beta, C, ldc);
}

}  // namespace

template <class T>
void blas_gemm(bool trans_a, bool trans_b, Index m, Index n, Index k, T alpha, const T* A, Index lda, const T* B,
               Index ldb, T beta, T* C, Index ldc) {
  check(gemm_call(op(trans_a), op(trans_b), static_cast<int>(m), static_cast<int>(n), static_cast<int>(k), &alpha, A,
                  ld(lda), B, ld(ldb), &beta, C, ld(ldc)),
        "gemm");
}

template <class T>
void blas_gemv(bool trans_a, Index m, Index n, T alpha, const T* A, Index lda, const T* x, T beta, T* y) {
  check(gemv_call(op(trans_a), static_cast<int>(m), static_cast<int>(n), &alpha, A, ld(lda), x, &beta, y), "gemv");
}

template <class T>
void blas_syrk_lower(bool trans_a, Index n, Index k, T alpha, const T* A, Index lda, T beta, T* C, Index ldc) {
  check(syrk_call(op(trans_a), static_cast<int>(n), static_cast<int>(k), &alpha, A, ld(lda), &beta, C, ld(ldc)),
        "syrk");
}

template void blas_gemm(bool, bool, Index, Index, Index, float, const float*, Index, const float*, Index, float,
                        float*, Index);
template void blas_gemm(bool, bool, Index, Index, Index, double, const double*, Index, const double*, Index,
                        double, double*, Index);
template void blas_gemv(bool, Index, Index, float, const float*, Index, const float*, float, float*);
template void blas_gemv(bool, Index, Index, double, const double*, Index, const double*, double, double*);
template void blas_syrk_lower(bool, Index, Index, float, const float*, Index, float, float*, Index);
template void blas_syrk_lower(bool, Index, Index, double, const double*, Index, double, double*, Index);

}  // namespace scilearn::gpu::detail
