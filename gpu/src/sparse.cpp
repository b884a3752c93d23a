// CSR on the device: transfers, products, conjugate gradients. The CUDA build
// multiplies with cuSPARSE (sparse_backend.hpp); the host systems with one
// Thrust thread per entry of the product.
#include <thrust/count.h>
#include <thrust/fill.h>
#include <thrust/for_each.h>
#include <thrust/inner_product.h>
#include <thrust/iterator/counting_iterator.h>
#include <thrust/transform.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <scilearn/gpu/primitives.hpp>
#include <scilearn/gpu/sparse.hpp>

#include "sparse_backend.hpp"
#include "thrust_support.hpp"

namespace scilearn::gpu {

namespace {

// C(r, j) = alpha (A B)(r, j) + beta C(r, j); t = r + j * rows.
template <class T>
struct RowTimesMatrix {
  const std::int32_t* indptr;
  const std::int32_t* indices;
  const T* values;
  const T* B;
  Index rows;
  Index cols;
  T alpha;
  T beta;
  T* C;
  SCILEARN_HD void operator()(Index t) const {
    const Index r = t % rows, j = t / rows;
    T acc = 0;
    for (std::int32_t p = indptr[r]; p < indptr[r + 1]; ++p) acc += values[p] * B[indices[p] + j * cols];
    C[t] = beta == T(0) ? alpha * acc : alpha * acc + beta * C[t];
  }
};

// 1 / A(r, r), or 0 where the diagonal entry is missing or zero (refused after).
template <class T>
struct InverseDiagonal {
  const std::int32_t* indptr;
  const std::int32_t* indices;
  const T* values;
  SCILEARN_HD T operator()(Index r) const {
    for (std::int32_t p = indptr[r]; p < indptr[r + 1]; ++p)
      if (indices[p] == r && values[p] != T(0)) return T(1) / values[p];
    return T(0);
  }
};

template <class T>
struct IsZero {
  SCILEARN_HD bool operator()(T x) const { return x == T(0); }
};

// p = z + beta p.
template <class T>
struct Direction {
  T beta;
  SCILEARN_HD T operator()(T z, T p) const { return z + beta * p; }
};

template <class T>
T dot(const DeviceVector<T>& a, const DeviceVector<T>& b) {
  return thrust::inner_product(detail::device, a.data(), a.data() + a.size(), b.data(), T(0));
}

DeviceVector<std::int32_t> copy_indices(const int* data, Index n) {
  return DeviceVector<std::int32_t>::from_host(Eigen::Map<const Eigen::Matrix<std::int32_t, Eigen::Dynamic, 1>>(data, n));
}

// C (rows x k) <- alpha A B + beta C for checked shapes: cuSPARSE's SpMV (k = 1)
// or SpMM on CUDA, one thread per entry of C on the host systems. beta = 0
// ignores C (NaN included) on every back end; without entries, C = beta C.
template <class T>
void multiply(const DeviceCsrMatrix<T>& A, const T* B, Index k, T alpha, T beta, T* C) {
  const Index size = A.rows() * k;
  if (beta == T(0)) thrust::fill(detail::device, C, C + size, T(0));
  if (A.nnz() == 0) {
    thrust::transform(detail::device, C, C + size, C, detail::Scale<T>{beta});
    return;
  }
#if defined(SCILEARN_GPU_BACKEND_CUDA)
  if (k == 1)
    detail::cusparse_spmv(A.rows(), A.cols(), A.nnz(), A.indptr().data(), A.indices().data(), A.values().data(), alpha,
                          B, beta, C);
  else
    detail::cusparse_spmm(A.rows(), A.cols(), A.nnz(), A.indptr().data(), A.indices().data(), A.values().data(), k,
                          alpha, B, beta, C);
#else
  thrust::for_each(detail::device, thrust::counting_iterator<Index>(0), thrust::counting_iterator<Index>(size),
                   RowTimesMatrix<T>{A.indptr().data(), A.indices().data(), A.values().data(), B, A.rows(), A.cols(),
                                     alpha, beta, C});
#endif
}

}  // namespace

template <DeviceReal T>
DeviceCsrMatrix<T> DeviceCsrMatrix<T>::from_host(const Host& A) {
  Host compressed;
  const Host* source = &A;
  if (!A.isCompressed()) {
    compressed = A;
    compressed.makeCompressed();
    source = &compressed;
  }
  DeviceCsrMatrix M;
  M.rows_ = source->rows();
  M.cols_ = source->cols();
  M.indptr_ = copy_indices(source->outerIndexPtr(), source->rows() + 1);
  M.indices_ = copy_indices(source->innerIndexPtr(), source->nonZeros());
  M.values_ = DeviceVector<T>::from_host(
      Eigen::Map<const Eigen::Matrix<T, Eigen::Dynamic, 1>>(source->valuePtr(), source->nonZeros()));
  return M;
}

template <DeviceReal T>
typename DeviceCsrMatrix<T>::Host DeviceCsrMatrix<T>::to_host() const {
  if (indptr_.empty()) return Host(rows_, cols_);  // a default-constructed matrix
  const auto indptr = indptr_.to_host();
  const auto indices = indices_.to_host();
  const auto values = values_.to_host();
  // A Map over the three arrays is a valid compressed CSR matrix; copy it out.
  return Host(Eigen::Map<const Host>(rows_, cols_, values.size(), indptr.data(), indices.data(), values.data()));
}

template <DeviceReal T>
void spmv(T alpha, const DeviceCsrMatrix<T>& A, const DeviceVector<T>& x, T beta, DeviceVector<T>& y) {
  if (x.size() != A.cols() || y.size() != A.rows())
    throw ValueError(cat("gpu::spmv: A is ", A.rows(), "x", A.cols(), " so x needs ", A.cols(), " and y ", A.rows(),
                         " elements, got ", x.size(), " and ", y.size()));
  if (A.rows() == 0) return;
  detail::guarded("spmv", [&] { multiply(A, x.data(), 1, alpha, beta, y.data()); });
}

template <DeviceReal T>
void spmm(T alpha, const DeviceCsrMatrix<T>& A, const DeviceMatrix<T>& B, T beta, DeviceMatrix<T>& C) {
  if (B.rows() != A.cols() || C.rows() != A.rows() || C.cols() != B.cols())
    throw ValueError(cat("gpu::spmm: A is ", A.rows(), "x", A.cols(), " and B ", B.rows(), "x", B.cols(),
                         " so C must be ", A.rows(), "x", B.cols(), ", got ", C.rows(), "x", C.cols()));
  detail::check_int_sizes("spmm", A.rows(), A.cols(), B.cols());
  if (C.empty()) return;
  detail::guarded("spmm", [&] { multiply(A, B.data(), B.cols(), alpha, beta, C.data()); });
}

template <DeviceReal T>
CGResult<T> cg(const DeviceCsrMatrix<T>& A, const DeviceVector<T>& b, const CGOptions& options) {
  const Index n = A.rows();
  if (A.cols() != n || b.size() != n)
    throw ValueError(cat("gpu::cg: A must be square with b's size, got A ", A.rows(), "x", A.cols(), " and b of ",
                         b.size()));
  if (!(options.rtol >= 0) || !(options.atol >= 0) || options.maxiter < 0)
    throw ValueError(cat("gpu::cg: rtol, atol and maxiter must be non-negative, got ", options.rtol, ", ",
                         options.atol, ", ", options.maxiter));
  return detail::guarded("cg", [&] {
    if (thrust::count_if(detail::device, b.data(), b.data() + n, detail::NotFinite<T>{}) > 0)
      throw ValueError("gpu::cg: b contains NaN or infinite entries");
    DeviceVector<T> inverse_diagonal;
    if (options.jacobi) {
      inverse_diagonal = DeviceVector<T>(n);
      thrust::transform(detail::device, thrust::counting_iterator<Index>(0), thrust::counting_iterator<Index>(n),
                        inverse_diagonal.data(),
                        InverseDiagonal<T>{A.indptr().data(), A.indices().data(), A.values().data()});
      if (thrust::count_if(detail::device, inverse_diagonal.data(), inverse_diagonal.data() + n, IsZero<T>{}) > 0)
        throw ValueError("gpu::cg: the Jacobi preconditioner needs a diagonal without zeros");
    }
    CGResult<T> out{DeviceVector<T>(n)};
    const T b_norm = std::sqrt(dot(b, b));
    if (b_norm == T(0)) return out;  // x = 0 solves it exactly, as SciPy returns
    const T tolerance = std::max(static_cast<T>(options.atol), static_cast<T>(options.rtol) * b_norm);
    const Index maxiter = options.maxiter > 0 ? options.maxiter : 10 * n;
    DeviceVector<T> r = b.clone(), p, q(n);
    T rho_previous = 0;
    for (Index iteration = 0; iteration < maxiter; ++iteration) {
      out.residual_norm = std::sqrt(dot(r, r));
      if (out.residual_norm < tolerance) {
        out.iterations = iteration;
        return out;
      }
      const DeviceVector<T> z = options.jacobi ? map(BinaryOp::multiply, r, inverse_diagonal) : r.clone();
      const T rho = dot(r, z);
      if (iteration == 0) {
        p = z.clone();
      } else {
        thrust::transform(detail::device, z.data(), z.data() + n, p.data(), p.data(), Direction<T>{rho / rho_previous});
      }
      spmv(T(1), A, p, T(0), q);
      const T alpha = rho / dot(p, q);
      axpy(alpha, p, out.x);
      axpy(-alpha, q, r);
      rho_previous = rho;
    }
    out.info = static_cast<int>(std::min<Index>(maxiter, INT_MAX));
    out.iterations = maxiter;
    out.residual_norm = std::sqrt(dot(r, r));
    return out;
  });
}

template class DeviceCsrMatrix<float>;
template class DeviceCsrMatrix<double>;
#define SCILEARN_GPU_SPARSE(T)                                                                        \
  template void spmv(T, const DeviceCsrMatrix<T>&, const DeviceVector<T>&, T, DeviceVector<T>&);     \
  template void spmm(T, const DeviceCsrMatrix<T>&, const DeviceMatrix<T>&, T, DeviceMatrix<T>&);     \
  template CGResult<T> cg(const DeviceCsrMatrix<T>&, const DeviceVector<T>&, const CGOptions&);
SCILEARN_GPU_SPARSE(float)
SCILEARN_GPU_SPARSE(double)
#undef SCILEARN_GPU_SPARSE

}  // namespace scilearn::gpu
