#pragma once
// The dense solvers under gpu/linalg.hpp, on raw column-major device pointers
// with valid, finite inputs (linalg.cpp checks them): cuSOLVER in
// cuda/solver.cpp, LAPACKE in host/solver.cpp. Each returns LAPACK's info (0:
// success; > 0: the numerical failure LAPACK describes) and throws
// BackendError on any other failure.

#include <cstdint>
#include <scilearn/core/types.hpp>

namespace scilearn::gpu::detail {

// Cholesky of the lower triangle of A (n x n) in place; then B <- A^-1 B.
template <class T>
int potrf_lower(Index n, T* A);
template <class T>
void potrs_lower(Index n, Index nrhs, const T* A, T* B);

// LU with partial pivoting of A (n x n) in place, pivots in ipiv (n, device);
// then B <- A^-1 B.
template <class T>
int getrf(Index n, T* A, std::int32_t* ipiv);
template <class T>
void getrs(Index n, Index nrhs, const T* A, const std::int32_t* ipiv, T* B);

// A (m x n) <- its QR factors (R above the diagonal, reflectors below), tau
// (min(m, n)); then A's first k = min(m, n) columns <- Q (m x k).
template <class T>
void geqrf(Index m, Index n, T* A, T* tau);
template <class T>
void orgqr(Index m, Index k, T* A, const T* tau);

// A (n x n, lower triangle) <- eigenvectors, w (n) <- eigenvalues ascending.
template <class T>
int syevd(Index n, T* A, T* w);

// For m >= n: A (m x n) is destroyed, s (n) descending, U (m x n), Vt (n x n).
template <class T>
int gesvd(Index m, Index n, T* A, T* s, T* U, T* Vt);

}  // namespace scilearn::gpu::detail
