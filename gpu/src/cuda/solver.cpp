// The CUDA back end's dense solvers: cuSOLVER's dense (Dn) routines, one handle
// per host thread, workspaces from the device pool. cuSOLVER reports the
// numerical outcome (LAPACK's info) in device memory; it is read back here.
#include <cuda_runtime_api.h>
#include <cusolverDn.h>

#include <memory>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/gpu/memory.hpp>

#include "solver_backend.hpp"

namespace scilearn::gpu::detail {

namespace {

void check(cusolverStatus_t status, const char* call) {
  if (status != CUSOLVER_STATUS_SUCCESS)
    throw BackendError(cat("cuSOLVER ", call), static_cast<int>(status), cat(call, " failed with status ", static_cast<int>(status)));
}

class Handle {
 public:
  Handle() { check(cusolverDnCreate(&handle_), "cusolverDnCreate"); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  ~Handle() { (void)cusolverDnDestroy(handle_); }
  cusolverDnHandle_t get() const { return handle_; }

 private:
  cusolverDnHandle_t handle_ = nullptr;
};

cusolverDnHandle_t handle() {
  thread_local Handle instance;
  return instance.get();
}

int ld(Index rows) { return static_cast<int>(rows > 1 ? rows : 1); }
int as_int(Index n) { return static_cast<int>(n); }

// A device workspace of `count` elements of T, and a device int for info.
template <class T>
struct Scratch {
  std::shared_ptr<void> work;
  std::shared_ptr<void> info;
  explicit Scratch(int count) : work(allocate(sizeof(T) * static_cast<std::size_t>(count > 0 ? count : 1))), info(allocate(sizeof(int))) {}
  T* data() const { return static_cast<T*>(work.get()); }
  int* dev_info() const { return static_cast<int*>(info.get()); }
  int read_info() const {
    int value = 0;
    const cudaError_t status = cudaMemcpy(&value, dev_info(), sizeof(int), cudaMemcpyDeviceToHost);
    if (status != cudaSuccess)
      throw BackendError("CUDA cudaMemcpy", static_cast<int>(status), cat("reading cuSOLVER's info failed: ", cudaGetErrorString(status)));
    if (value < 0) throw BackendError("cuSOLVER", value, cat("cuSOLVER: argument ", -value, " is invalid"));
    return value;
  }
};

// cuSOLVER's names by element type.
cusolverStatus_t potrf_size(int n, float* A, int* lwork) {
  return cusolverDnSpotrf_bufferSize(handle(), CUBLAS_FILL_MODE_LOWER, n, A, ld(n), lwork);
}
cusolverStatus_t potrf_size(int n, double* A, int* lwork) {
  return cusolverDnDpotrf_bufferSize(handle(), CUBLAS_FILL_MODE_LOWER, n, A, ld(n), lwork);
}
cusolverStatus_t potrf_(int n, float* A, float* w, int lw, int* info) {
  return cusolverDnSpotrf(handle(), CUBLAS_FILL_MODE_LOWER, n, A, ld(n), w, lw, info);
}
cusolverStatus_t potrf_(int n, double* A, double* w, int lw, int* info) {
  return cusolverDnDpotrf(handle(), CUBLAS_FILL_MODE_LOWER, n, A, ld(n), w, lw, info);
}
cusolverStatus_t potrs_(int n, int r, const float* A, float* B, int* info) {
  return cusolverDnSpotrs(handle(), CUBLAS_FILL_MODE_LOWER, n, r, A, ld(n), B, ld(n), info);
}
cusolverStatus_t potrs_(int n, int r, const double* A, double* B, int* info) {
  return cusolverDnDpotrs(handle(), CUBLAS_FILL_MODE_LOWER, n, r, A, ld(n), B, ld(n), info);
}
cusolverStatus_t getrf_size(int n, float* A, int* lwork) { return cusolverDnSgetrf_bufferSize(handle(), n, n, A, ld(n), lwork); }
cusolverStatus_t getrf_size(int n, double* A, int* lwork) { return cusolverDnDgetrf_bufferSize(handle(), n, n, A, ld(n), lwork); }
cusolverStatus_t getrf_(int n, float* A, float* w, int* p, int* info) { return cusolverDnSgetrf(handle(), n, n, A, ld(n), w, p, info); }
cusolverStatus_t getrf_(int n, double* A, double* w, int* p, int* info) { return cusolverDnDgetrf(handle(), n, n, A, ld(n), w, p, info); }
cusolverStatus_t getrs_(int n, int r, const float* A, const int* p, float* B, int* info) {
  return cusolverDnSgetrs(handle(), CUBLAS_OP_N, n, r, A, ld(n), p, B, ld(n), info);
}
cusolverStatus_t getrs_(int n, int r, const double* A, const int* p, double* B, int* info) {
  return cusolverDnDgetrs(handle(), CUBLAS_OP_N, n, r, A, ld(n), p, B, ld(n), info);
}
cusolverStatus_t geqrf_size(int m, int n, float* A, int* lwork) { return cusolverDnSgeqrf_bufferSize(handle(), m, n, A, ld(m), lwork); }
cusolverStatus_t geqrf_size(int m, int n, double* A, int* lwork) { return cusolverDnDgeqrf_bufferSize(handle(), m, n, A, ld(m), lwork); }
cusolverStatus_t geqrf_(int m, int n, float* A, float* tau, float* w, int lw, int* info) {
  return cusolverDnSgeqrf(handle(), m, n, A, ld(m), tau, w, lw, info);
}
cusolverStatus_t geqrf_(int m, int n, double* A, double* tau, double* w, int lw, int* info) {
  return cusolverDnDgeqrf(handle(), m, n, A, ld(m), tau, w, lw, info);
}
cusolverStatus_t orgqr_size(int m, int k, const float* A, const float* tau, int* lwork) {
  return cusolverDnSorgqr_bufferSize(handle(), m, k, k, A, ld(m), tau, lwork);
}
cusolverStatus_t orgqr_size(int m, int k, const double* A, const double* tau, int* lwork) {
  return cusolverDnDorgqr_bufferSize(handle(), m, k, k, A, ld(m), tau, lwork);
}
cusolverStatus_t orgqr_(int m, int k, float* A, const float* tau, float* w, int lw, int* info) {
  return cusolverDnSorgqr(handle(), m, k, k, A, ld(m), tau, w, lw, info);
}
cusolverStatus_t orgqr_(int m, int k, double* A, const double* tau, double* w, int lw, int* info) {
  return cusolverDnDorgqr(handle(), m, k, k, A, ld(m), tau, w, lw, info);
}
cusolverStatus_t syevd_size(int n, const float* A, const float* w, int* lwork) {
  return cusolverDnSsyevd_bufferSize(handle(), CUSOLVER_EIG_MODE_VECTOR, CUBLAS_FILL_MODE_LOWER, n, A, ld(n), w, lwork);
}
cusolverStatus_t syevd_size(int n, const double* A, const double* w, int* lwork) {
  return cusolverDnDsyevd_bufferSize(handle(), CUSOLVER_EIG_MODE_VECTOR, CUBLAS_FILL_MODE_LOWER, n, A, ld(n), w, lwork);
}
cusolverStatus_t syevd_(int n, float* A, float* w, float* work, int lw, int* info) {
  return cusolverDnSsyevd(handle(), CUSOLVER_EIG_MODE_VECTOR, CUBLAS_FILL_MODE_LOWER, n, A, ld(n), w, work, lw, info);
}
cusolverStatus_t syevd_(int n, double* A, double* w, double* work, int lw, int* info) {
  return cusolverDnDsyevd(handle(), CUSOLVER_EIG_MODE_VECTOR, CUBLAS_FILL_MODE_LOWER, n, A, ld(n), w, work, lw, info);
}
cusolverStatus_t gesvd_size(int m, int n, float*, int* lwork) { return cusolverDnSgesvd_bufferSize(handle(), m, n, lwork); }
cusolverStatus_t gesvd_size(int m, int n, double*, int* lwork) { return cusolverDnDgesvd_bufferSize(handle(), m, n, lwork); }
cusolverStatus_t gesvd_(int m, int n, float* A, float* s, float* U, float* Vt, float* w, int lw, int* info) {
  return cusolverDnSgesvd(handle(), 'S', 'S', m, n, A, ld(m), s, U, ld(m), Vt, ld(n), w, lw, nullptr, info);
}
cusolverStatus_t gesvd_(int m, int n, double* A, double* s, double* U, double* Vt, double* w, int lw, int* info) {
  return cusolverDnDgesvd(handle(), 'S', 'S', m, n, A, ld(m), s, U, ld(m), Vt, ld(n), w, lw, nullptr, info);
}

}  // namespace

template <class T>
int potrf_lower(Index n, T* A) {
  int lwork = 0;
  check(potrf_size(as_int(n), A, &lwork), "potrf_bufferSize");
  const Scratch<T> s(lwork);
  check(potrf_(as_int(n), A, s.data(), lwork, s.dev_info()), "potrf");
  return s.read_info();
}

template <class T>
void potrs_lower(Index n, Index nrhs, const T* A, T* B) {
  const Scratch<T> s(0);
  check(potrs_(as_int(n), as_int(nrhs), A, B, s.dev_info()), "potrs");
  (void)s.read_info();
}

template <class T>
int getrf(Index n, T* A, std::int32_t* ipiv) {
  int lwork = 0;
  check(getrf_size(as_int(n), A, &lwork), "getrf_bufferSize");
  const Scratch<T> s(lwork);
  check(getrf_(as_int(n), A, s.data(), ipiv, s.dev_info()), "getrf");
  return s.read_info();
}

template <class T>
void getrs(Index n, Index nrhs, const T* A, const std::int32_t* ipiv, T* B) {
  const Scratch<T> s(0);
  check(getrs_(as_int(n), as_int(nrhs), A, ipiv, B, s.dev_info()), "getrs");
  (void)s.read_info();
}

template <class T>
void geqrf(Index m, Index n, T* A, T* tau) {
  int lwork = 0;
  check(geqrf_size(as_int(m), as_int(n), A, &lwork), "geqrf_bufferSize");
  const Scratch<T> s(lwork);
  check(geqrf_(as_int(m), as_int(n), A, tau, s.data(), lwork, s.dev_info()), "geqrf");
  (void)s.read_info();
}

template <class T>
void orgqr(Index m, Index k, T* A, const T* tau) {
  int lwork = 0;
  check(orgqr_size(as_int(m), as_int(k), A, tau, &lwork), "orgqr_bufferSize");
  const Scratch<T> s(lwork);
  check(orgqr_(as_int(m), as_int(k), A, tau, s.data(), lwork, s.dev_info()), "orgqr");
  (void)s.read_info();
}

template <class T>
int syevd(Index n, T* A, T* w) {
  int lwork = 0;
  check(syevd_size(as_int(n), A, w, &lwork), "syevd_bufferSize");
  const Scratch<T> s(lwork);
  check(syevd_(as_int(n), A, w, s.data(), lwork, s.dev_info()), "syevd");
  return s.read_info();
}

template <class T>
int gesvd(Index m, Index n, T* A, T* sv, T* U, T* Vt) {
  int lwork = 0;
  check(gesvd_size(as_int(m), as_int(n), A, &lwork), "gesvd_bufferSize");
  const Scratch<T> s(lwork);
  check(gesvd_(as_int(m), as_int(n), A, sv, U, Vt, s.data(), lwork, s.dev_info()), "gesvd");
  return s.read_info();
}

#define SCILEARN_GPU_SOLVERS(T)                                             \
  template int potrf_lower(Index, T*);                                      \
  template void potrs_lower(Index, Index, const T*, T*);                    \
  template int getrf(Index, T*, std::int32_t*);                             \
  template void getrs(Index, Index, const T*, const std::int32_t*, T*);     \
  template void geqrf(Index, Index, T*, T*);                                \
  template void orgqr(Index, Index, T*, const T*);                          \
  template int syevd(Index, T*, T*);                                        \
  template int gesvd(Index, Index, T*, T*, T*, T*);
SCILEARN_GPU_SOLVERS(float)
SCILEARN_GPU_SOLVERS(double)
#undef SCILEARN_GPU_SOLVERS

}  // namespace scilearn::gpu::detail
