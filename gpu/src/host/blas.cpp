// The OMP / CPP back ends' BLAS: the host BLAS (OpenBLAS) on the arrays' memory,
// which is host memory there. Sizes fit in int (blas.cpp checks).
#include <Eigen/Core>  // with EIGEN_USE_BLAS, declares the Fortran BLAS (sgemm_, dgemm_, ...)

#include <algorithm>
#include <scilearn/core/types.hpp>

#include "blas_backend.hpp"

namespace scilearn::gpu::detail {

namespace {

void gemm_call(const char* ta, const char* tb, const int* m, const int* n, const int* k, const float* alpha,
               const float* A, const int* lda, const float* B, const int* ldb, const float* beta, float* C,
               const int* ldc) {
  sgemm_(ta, tb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc);
}
void gemm_call(const char* ta, const char* tb, const int* m, const int* n, const int* k, const double* alpha,
               const double* A, const int* lda, const double* B, const int* ldb, const double* beta, double* C,
               const int* ldc) {
  dgemm_(ta, tb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc);
}
void gemv_call(const char* t, const int* m, const int* n, const float* alpha, const float* A, const int* lda,
               const float* x, const int* incx, const float* beta, float* y, const int* incy) {
  sgemv_(t, m, n, alpha, A, lda, x, incx, beta, y, incy);
}
void gemv_call(const char* t, const int* m, const int* n, const double* alpha, const double* A, const int* lda,
               const double* x, const int* incx, const double* beta, double* y, const int* incy) {
  dgemv_(t, m, n, alpha, A, lda, x, incx, beta, y, incy);
}
void syrk_call(const char* uplo, const char* t, const int* n, const int* k, const float* alpha, const float* A,
               const int* lda, const float* beta, float* C, const int* ldc) {
  ssyrk_(uplo, t, n, k, alpha, A, lda, beta, C, ldc);
}
void syrk_call(const char* uplo, const char* t, const int* n, const int* k, const double* alpha, const double* A,
               const int* lda, const double* beta, double* C, const int* ldc) {
  dsyrk_(uplo, t, n, k, alpha, A, lda, beta, C, ldc);
}

int ld(Index rows) { return static_cast<int>(std::max<Index>(rows, 1)); }  // BLAS wants >= 1

}  // namespace

template <class T>
void blas_gemm(bool trans_a, bool trans_b, Index m, Index n, Index k, T alpha, const T* A, Index lda, const T* B,
               Index ldb, T beta, T* C, Index ldc) {
  const int im = static_cast<int>(m), in = static_cast<int>(n), ik = static_cast<int>(k);
  const int ilda = ld(lda), ildb = ld(ldb), ildc = ld(ldc);
  gemm_call(trans_a ? "T" : "N", trans_b ? "T" : "N", &im, &in, &ik, &alpha, A, &ilda, B, &ildb, &beta, C, &ildc);
}

template <class T>
void blas_gemv(bool trans_a, Index m, Index n, T alpha, const T* A, Index lda, const T* x, T beta, T* y) {
  const int im = static_cast<int>(m), in = static_cast<int>(n), ilda = ld(lda), one = 1;
  gemv_call(trans_a ? "T" : "N", &im, &in, &alpha, A, &ilda, x, &one, &beta, y, &one);
}

template <class T>
void blas_syrk_lower(bool trans_a, Index n, Index k, T alpha, const T* A, Index lda, T beta, T* C, Index ldc) {
  const int in = static_cast<int>(n), ik = static_cast<int>(k), ilda = ld(lda), ildc = ld(ldc);
  syrk_call("L", trans_a ? "T" : "N", &in, &ik, &alpha, A, &ilda, &beta, C, &ildc);
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
