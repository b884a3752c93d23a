#pragma once
/// \file
/// Dense factorizations and solvers on device matrices, with scipy.linalg's
/// names: solve (LU or Cholesky), qr, eigh, svd. cuSOLVER on the CUDA back end;
/// LAPACK (through LAPACKE) on OMP / CPP, where device memory is host memory.
///
/// Inputs are never modified (each routine factors a device copy). Like SciPy's
/// check_finite, NaN or Inf in an input is a ValueError; a singular matrix, a
/// matrix that is not positive definite, or a decomposition that did not
/// converge is a LinAlgError. Results agree with the host's LAPACK to rounding:
/// backward errors of a few n eps (the tests hold them to 30 n eps).

#include <scilearn/gpu/device_array.hpp>

namespace scilearn::gpu {

/// What solve may assume about a (scipy.linalg.solve's assume_a).
enum class AssumeA {
  gen,  ///< general: LU with partial pivoting (getrf / getrs)
  pos,  ///< symmetric positive definite: Cholesky (potrf / potrs); the lower triangle is read
};

/// X with a X = b, for b of one or more columns. Throws ValueError unless a is
/// square and b has a's number of rows, or on NaN / Inf; LinAlgError when a is
/// singular (gen) or not positive definite (pos). O(n^3 + n^2 m).
template <DeviceReal T>
[[nodiscard]] DeviceMatrix<T> solve(const DeviceMatrix<T>& a, const DeviceMatrix<T>& b, AssumeA assume_a = AssumeA::gen);

/// The economic QR decomposition a = Q R: Q is m x k with orthonormal columns,
/// R is k x n upper triangular, k = min(m, n) (scipy.linalg.qr(a,
/// mode="economic")). Throws ValueError on NaN / Inf. O(m n k).
template <DeviceReal T>
struct QR {
  DeviceMatrix<T> Q;
  DeviceMatrix<T> R;
};
template <DeviceReal T>
[[nodiscard]] QR<T> qr(const DeviceMatrix<T>& a);

/// Eigenvalues (ascending) and orthonormal eigenvectors (columns) of the
/// symmetric a, from its lower triangle (scipy.linalg.eigh). Throws ValueError
/// unless a is square, or on NaN / Inf; LinAlgError when the solver does not
/// converge. O(n^3).
template <DeviceReal T>
struct Eigh {
  DeviceVector<T> w;
  DeviceMatrix<T> v;
};
template <DeviceReal T>
[[nodiscard]] Eigh<T> eigh(const DeviceMatrix<T>& a);

/// The economic singular value decomposition a = U diag(s) Vh: U m x k, s
/// descending, Vh k x n, k = min(m, n) (scipy.linalg.svd(a,
/// full_matrices=False)). Singular vectors are unique up to sign (and within
/// repeated singular values). Throws ValueError on NaN / Inf; LinAlgError when
/// the solver does not converge. O(m n k).
template <DeviceReal T>
struct SVD {
  DeviceMatrix<T> U;
  DeviceVector<T> s;
  DeviceMatrix<T> Vh;
};
template <DeviceReal T>
[[nodiscard]] SVD<T> svd(const DeviceMatrix<T>& a);

}  // namespace scilearn::gpu
