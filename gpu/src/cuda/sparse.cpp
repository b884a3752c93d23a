// The CUDA back end's sparse products: cuSPARSE's generic SpMV / SpMM, one
// handle per host thread, descriptors and buffers scoped to one call.
#include <cusparse.h>

#include <memory>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/gpu/memory.hpp>
#include <type_traits>

#include "sparse_backend.hpp"

namespace scilearn::gpu::detail {

namespace {

void check(cusparseStatus_t status, const char* call) {
  if (status != CUSPARSE_STATUS_SUCCESS)
    throw BackendError(cat("cuSPARSE ", call), static_cast<int>(status),
                       cat(call, " failed: ", cusparseGetErrorString(status)));
}

class Handle {
 public:
  Handle() { check(cusparseCreate(&handle_), "cusparseCreate"); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() { (void)cusparseDestroy(handle_); }
  cusparseHandle_t get() const { return handle_; }

 private:
  cusparseHandle_t handle_ = nullptr;
};

cusparseHandle_t handle() {
  thread_local Handle instance;
  return instance.get();
}

template <class T>
cudaDataType data_type() {
  return std::is_same_v<T, float> ? CUDA_R_32F : CUDA_R_64F;
}

// RAII for the descriptors.
struct SparseDescr {
  cusparseSpMatDescr_t d = nullptr;
  ~SparseDescr() { (void)cusparseDestroySpMat(d); }
};
struct VecDescr {
  cusparseDnVecDescr_t d = nullptr;
  ~VecDescr() { (void)cusparseDestroyDnVec(d); }
};
struct MatDescr {
  cusparseDnMatDescr_t d = nullptr;
  ~MatDescr() { (void)cusparseDestroyDnMat(d); }
};

template <class T>
void describe(SparseDescr& A, Index rows, Index cols, Index nnz, const std::int32_t* indptr,
              const std::int32_t* indices, const T* values) {
  // cuSPARSE's descriptors take non-const pointers; it does not write through them here.
  check(cusparseCreateCsr(&A.d, rows, cols, nnz, const_cast<std::int32_t*>(indptr), const_cast<std::int32_t*>(indices),
                          const_cast<T*>(values), CUSPARSE_INDEX_32I, CUSPARSE_INDEX_32I, CUSPARSE_INDEX_BASE_ZERO,
                          data_type<T>()),
        "cusparseCreateCsr");
}

}  // namespace

template <class T>
void cusparse_spmv(Index rows, Index cols, Index nnz, const std::int32_t* indptr, const std::int32_t* indices,
                   const T* values, T alpha, const T* x, T beta, T* y) {
  SparseDescr A;
  describe(A, rows, cols, nnz, indptr, indices, values);
  VecDescr vx, vy;
  check(cusparseCreateDnVec(&vx.d, cols, const_cast<T*>(x), data_type<T>()), "cusparseCreateDnVec");
  check(cusparseCreateDnVec(&vy.d, rows, y, data_type<T>()), "cusparseCreateDnVec");
  std::size_t bytes = 0;
  check(cusparseSpMV_bufferSize(handle(), CUSPARSE_OPERATION_NON_TRANSPOSE, &alpha, A.d, vx.d, &beta, vy.d,
                                data_type<T>(), CUSPARSE_SPMV_ALG_DEFAULT, &bytes),
        "cusparseSpMV_bufferSize");
  const std::shared_ptr<void> buffer = allocate(bytes > 0 ? bytes : 1);
  check(cusparseSpMV(handle(), CUSPARSE_OPERATION_NON_TRANSPOSE, &alpha, A.d, vx.d, &beta, vy.d, data_type<T>(),
                     CUSPARSE_SPMV_ALG_DEFAULT, buffer.get()),
        "cusparseSpMV");
}

template <class T>
void cusparse_spmm(Index rows, Index cols, Index nnz, const std::int32_t* indptr, const std::int32_t* indices,
                   const T* values, Index k, T alpha, const T* B, T beta, T* C) {
  SparseDescr A;
  describe(A, rows, cols, nnz, indptr, indices, values);
  MatDescr mb, mc;
  check(cusparseCreateDnMat(&mb.d, cols, k, cols > 0 ? cols : 1, const_cast<T*>(B), data_type<T>(), CUSPARSE_ORDER_COL),
        "cusparseCreateDnMat");
  check(cusparseCreateDnMat(&mc.d, rows, k, rows > 0 ? rows : 1, C, data_type<T>(), CUSPARSE_ORDER_COL),
        "cusparseCreateDnMat");
  std::size_t bytes = 0;
  check(cusparseSpMM_bufferSize(handle(), CUSPARSE_OPERATION_NON_TRANSPOSE, CUSPARSE_OPERATION_NON_TRANSPOSE, &alpha,
                                A.d, mb.d, &beta, mc.d, data_type<T>(), CUSPARSE_SPMM_ALG_DEFAULT, &bytes),
        "cusparseSpMM_bufferSize");
  const std::shared_ptr<void> buffer = allocate(bytes > 0 ? bytes : 1);
  check(cusparseSpMM(handle(), CUSPARSE_OPERATION_NON_TRANSPOSE, CUSPARSE_OPERATION_NON_TRANSPOSE, &alpha, A.d, mb.d,
                     &beta, mc.d, data_type<T>(), CUSPARSE_SPMM_ALG_DEFAULT, buffer.get()),
        "cusparseSpMM");
}

template void cusparse_spmv(Index, Index, Index, const std::int32_t*, const std::int32_t*, const float*, float,
                            const float*, float, float*);
template void cusparse_spmv(Index, Index, Index, const std::int32_t*, const std::int32_t*, const double*, double,
                            const double*, double, double*);
template void cusparse_spmm(Index, Index, Index, const std::int32_t*, const std::int32_t*, const float*, Index, float,
                            const float*, float, float*);
template void cusparse_spmm(Index, Index, Index, const std::int32_t*, const std::int32_t*, const double*, Index,
                            double, const double*, double, double*);

}  // namespace scilearn::gpu::detail
