// The OMP / CPP back ends' dense solvers: LAPACK through LAPACKE on the arrays'
// memory, which is host memory there. SVD uses the divide-and-conquer driver
// (gesdd), SciPy's default; eigh the divide-and-conquer syevd, as cuSOLVER.
#include <lapacke.h>

#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>

#include "solver_backend.hpp"

namespace scilearn::gpu::detail {

namespace {

lapack_int ld(Index rows) { return static_cast<lapack_int>(rows > 1 ? rows : 1); }
lapack_int as_int(Index n) { return static_cast<lapack_int>(n); }

// info < 0 names a bad argument: a bug of ours, never the data's.
int checked(lapack_int info, const char* routine) {
  if (info < 0) throw BackendError(cat("LAPACK ", routine), static_cast<int>(info), cat(routine, ": argument ", -info, " is invalid"));
  return static_cast<int>(info);
}

lapack_int potrf(lapack_int n, float* A) { return LAPACKE_spotrf(LAPACK_COL_MAJOR, 'L', n, A, ld(n)); }
lapack_int potrf(lapack_int n, double* A) { return LAPACKE_dpotrf(LAPACK_COL_MAJOR, 'L', n, A, ld(n)); }
lapack_int potrs(lapack_int n, lapack_int r, const float* A, float* B) {
  return LAPACKE_spotrs(LAPACK_COL_MAJOR, 'L', n, r, A, ld(n), B, ld(n));
}
lapack_int potrs(lapack_int n, lapack_int r, const double* A, double* B) {
  return LAPACKE_dpotrs(LAPACK_COL_MAJOR, 'L', n, r, A, ld(n), B, ld(n));
}
lapack_int getrf_(lapack_int n, float* A, lapack_int* p) { return LAPACKE_sgetrf(LAPACK_COL_MAJOR, n, n, A, ld(n), p); }
lapack_int getrf_(lapack_int n, double* A, lapack_int* p) { return LAPACKE_dgetrf(LAPACK_COL_MAJOR, n, n, A, ld(n), p); }
lapack_int getrs_(lapack_int n, lapack_int r, const float* A, const lapack_int* p, float* B) {
  return LAPACKE_sgetrs(LAPACK_COL_MAJOR, 'N', n, r, A, ld(n), p, B, ld(n));
}
lapack_int getrs_(lapack_int n, lapack_int r, const double* A, const lapack_int* p, double* B) {
  return LAPACKE_dgetrs(LAPACK_COL_MAJOR, 'N', n, r, A, ld(n), p, B, ld(n));
}
lapack_int geqrf_(lapack_int m, lapack_int n, float* A, float* tau) {
  return LAPACKE_sgeqrf(LAPACK_COL_MAJOR, m, n, A, ld(m), tau);
}
lapack_int geqrf_(lapack_int m, lapack_int n, double* A, double* tau) {
  return LAPACKE_dgeqrf(LAPACK_COL_MAJOR, m, n, A, ld(m), tau);
}
lapack_int orgqr_(lapack_int m, lapack_int k, float* A, const float* tau) {
  return LAPACKE_sorgqr(LAPACK_COL_MAJOR, m, k, k, A, ld(m), tau);
}
lapack_int orgqr_(lapack_int m, lapack_int k, double* A, const double* tau) {
  return LAPACKE_dorgqr(LAPACK_COL_MAJOR, m, k, k, A, ld(m), tau);
}
lapack_int syevd_(lapack_int n, float* A, float* w) { return LAPACKE_ssyevd(LAPACK_COL_MAJOR, 'V', 'L', n, A, ld(n), w); }
lapack_int syevd_(lapack_int n, double* A, double* w) {
  return LAPACKE_dsyevd(LAPACK_COL_MAJOR, 'V', 'L', n, A, ld(n), w);
}
lapack_int gesdd_(lapack_int m, lapack_int n, float* A, float* s, float* U, float* Vt) {
  return LAPACKE_sgesdd(LAPACK_COL_MAJOR, 'S', m, n, A, ld(m), s, U, ld(m), Vt, ld(n));
}
lapack_int gesdd_(lapack_int m, lapack_int n, double* A, double* s, double* U, double* Vt) {
  return LAPACKE_dgesdd(LAPACK_COL_MAJOR, 'S', m, n, A, ld(m), s, U, ld(m), Vt, ld(n));
}

}  // namespace

// lapack_int is 32-bit (Debian's LAPACKE), the pivots' type on every back end.
static_assert(sizeof(lapack_int) == sizeof(std::int32_t));

template <class T>
int potrf_lower(Index n, T* A) { return checked(potrf(as_int(n), A), "potrf"); }
template <class T>
void potrs_lower(Index n, Index nrhs, const T* A, T* B) { checked(potrs(as_int(n), as_int(nrhs), A, B), "potrs"); }
template <class T>
int getrf(Index n, T* A, std::int32_t* ipiv) { return checked(getrf_(as_int(n), A, ipiv), "getrf"); }
template <class T>
void getrs(Index n, Index nrhs, const T* A, const std::int32_t* ipiv, T* B) {
  checked(getrs_(as_int(n), as_int(nrhs), A, ipiv, B), "getrs");
}
template <class T>
void geqrf(Index m, Index n, T* A, T* tau) { checked(geqrf_(as_int(m), as_int(n), A, tau), "geqrf"); }
template <class T>
void orgqr(Index m, Index k, T* A, const T* tau) { checked(orgqr_(as_int(m), as_int(k), A, tau), "orgqr"); }
template <class T>
int syevd(Index n, T* A, T* w) { return checked(syevd_(as_int(n), A, w), "syevd"); }
template <class T>
int gesvd(Index m, Index n, T* A, T* s, T* U, T* Vt) { return checked(gesdd_(as_int(m), as_int(n), A, s, U, Vt), "gesdd"); }

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
