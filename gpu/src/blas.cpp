// gemm / gemv / syrk: shapes checked once, here, then the back end's BLAS
// (blas_backend.hpp); syrk's lower triangle mirrored on the device.
#include <thrust/for_each.h>
#include <thrust/iterator/counting_iterator.h>
#include <thrust/transform.h>

#include <scilearn/gpu/blas.hpp>

#include "blas_backend.hpp"
#include "thrust_support.hpp"

namespace scilearn::gpu {

namespace {

template <class T>
Index rows_of(const DeviceMatrix<T>& A, Op op) { return op == Op::none ? A.rows() : A.cols(); }
template <class T>
Index cols_of(const DeviceMatrix<T>& A, Op op) { return op == Op::none ? A.cols() : A.rows(); }

// C(j, i) = C(i, j) for i > j: the upper triangle from the lower.
template <class T>
struct MirrorLower {
  T* C;
  Index n;
  SCILEARN_HD void operator()(Index t) const {
    const Index i = t % n, j = t / n;
    if (i < j) C[i + j * n] = C[j + i * n];
  }
};

}  // namespace

template <DeviceReal T>
void gemm(Op op_a, Op op_b, T alpha, const DeviceMatrix<T>& A, const DeviceMatrix<T>& B, T beta, DeviceMatrix<T>& C) {
  const Index m = rows_of(A, op_a), k = cols_of(A, op_a), n = cols_of(B, op_b);
  if (rows_of(B, op_b) != k)
    throw ValueError(cat("gpu::gemm: op(A) is ", m, "x", k, " but op(B) is ", rows_of(B, op_b), "x", n));
  if (C.rows() != m || C.cols() != n)
    throw ValueError(cat("gpu::gemm: C must be ", m, "x", n, " for op(A) op(B), got ", C.rows(), "x", C.cols()));
  detail::check_int_sizes("gemm", m, n, k);
  if (m == 0 || n == 0) return;
  detail::guarded("gemm", [&] {
    detail::blas_gemm(op_a == Op::transpose, op_b == Op::transpose, m, n, k, alpha, A.data(), A.rows(), B.data(),
                      B.rows(), beta, C.data(), C.rows());
  });
}

template <DeviceReal T>
DeviceMatrix<T> matmul(const DeviceMatrix<T>& A, const DeviceMatrix<T>& B, Op op_a, Op op_b) {
  DeviceMatrix<T> C(rows_of(A, op_a), cols_of(B, op_b));
  gemm(op_a, op_b, T(1), A, B, T(0), C);
  return C;
}

template <DeviceReal T>
void gemv(Op op_a, T alpha, const DeviceMatrix<T>& A, const DeviceVector<T>& x, T beta, DeviceVector<T>& y) {
  const Index m = rows_of(A, op_a), n = cols_of(A, op_a);
  if (x.size() != n || y.size() != m)
    throw ValueError(cat("gpu::gemv: op(A) is ", m, "x", n, " so x needs ", n, " and y ", m, " elements, got ",
                         x.size(), " and ", y.size()));
  detail::check_int_sizes("gemv", A.rows(), A.cols());
  if (m == 0) return;
  if (n == 0) {  // the BLAS returns before scaling y when op(A) has no columns
    detail::guarded("gemv", [&] {
      thrust::transform(detail::device, y.data(), y.data() + m, y.data(), detail::Scale<T>{beta});
    });
    return;
  }
  detail::guarded("gemv", [&] {
    detail::blas_gemv(op_a == Op::transpose, A.rows(), A.cols(), alpha, A.data(), A.rows(), x.data(), beta, y.data());
  });
}

template <DeviceReal T>
void syrk(Op op_a, T alpha, const DeviceMatrix<T>& A, T beta, DeviceMatrix<T>& C) {
  const Index n = rows_of(A, op_a), k = cols_of(A, op_a);
  if (C.rows() != n || C.cols() != n)
    throw ValueError(cat("gpu::syrk: C must be ", n, "x", n, " for op(A) op(A)^T, got ", C.rows(), "x", C.cols()));
  detail::check_int_sizes("syrk", n, k, A.rows());
  if (n == 0) return;
  detail::guarded("syrk", [&] {
    detail::blas_syrk_lower(op_a == Op::transpose, n, k, alpha, A.data(), A.rows(), beta, C.data(), n);
    thrust::for_each(detail::device, thrust::counting_iterator<Index>(0), thrust::counting_iterator<Index>(n * n),
                     MirrorLower<T>{C.data(), n});
  });
}

#define SCILEARN_GPU_BLAS(T)                                                                               \
  template void gemm(Op, Op, T, const DeviceMatrix<T>&, const DeviceMatrix<T>&, T, DeviceMatrix<T>&);     \
  template DeviceMatrix<T> matmul(const DeviceMatrix<T>&, const DeviceMatrix<T>&, Op, Op);                \
  template void gemv(Op, T, const DeviceMatrix<T>&, const DeviceVector<T>&, T, DeviceVector<T>&);         \
  template void syrk(Op, T, const DeviceMatrix<T>&, T, DeviceMatrix<T>&);
SCILEARN_GPU_BLAS(float)
SCILEARN_GPU_BLAS(double)
#undef SCILEARN_GPU_BLAS

}  // namespace scilearn::gpu
