#pragma once
// Internal: LAPACK wrappers for band and tridiagonal matrices (general: ?gbsv,
// ?gtsv; Hermitian positive definite: ?pbsv, ?ptsv, ?pbtrf, ?pbtrs), in the
// style of lapack.hpp. Band storage is LAPACK's (and SciPy's "matrix diagonal
// ordered form"): ab(ku + i - j, j) = a(i, j), column-major.

#include "lapack.hpp"

namespace scilearn::linalg::detail {

// LU with partial pivoting of a band matrix, then the solve. ab has
// 2 kl + ku + 1 rows: the first kl are workspace for the fill-in of the pivoting.
template <class S>
lapack_index gbsv(lapack_index n, lapack_index kl, lapack_index ku, lapack_index nrhs, S* ab, lapack_index ldab,
                  lapack_index* ipiv, S* b, lapack_index ldb) {
  constexpr int L = LAPACK_COL_MAJOR;
  SCILEARN_LAPACK_DISPATCH(S, LAPACKE_sgbsv_work(L, n, kl, ku, nrhs, ab, ldab, ipiv, b, ldb),
                           LAPACKE_dgbsv_work(L, n, kl, ku, nrhs, ab, ldab, ipiv, b, ldb),
                           LAPACKE_cgbsv_work(L, n, kl, ku, nrhs, ab, ldab, ipiv, b, ldb),
                           LAPACKE_zgbsv_work(L, n, kl, ku, nrhs, ab, ldab, ipiv, b, ldb))
}

// Gaussian elimination with partial pivoting of a general tridiagonal matrix:
// sub-diagonal dl (n - 1), diagonal d (n), super-diagonal du (n - 1), all overwritten.
template <class S>
lapack_index gtsv(lapack_index n, lapack_index nrhs, S* dl, S* d, S* du, S* b, lapack_index ldb) {
  constexpr int L = LAPACK_COL_MAJOR;
  SCILEARN_LAPACK_DISPATCH(
      S, LAPACKE_sgtsv_work(L, n, nrhs, dl, d, du, b, ldb), LAPACKE_dgtsv_work(L, n, nrhs, dl, d, du, b, ldb),
      LAPACKE_cgtsv_work(L, n, nrhs, dl, d, du, b, ldb), LAPACKE_zgtsv_work(L, n, nrhs, dl, d, du, b, ldb))
}

// Cholesky factorization and solve of a Hermitian positive definite band
// matrix with kd off-diagonals, stored in ab's uplo triangle (kd + 1 rows).
template <class S>
lapack_index pbsv(char uplo, lapack_index n, lapack_index kd, lapack_index nrhs, S* ab, lapack_index ldab, S* b,
                  lapack_index ldb) {
  constexpr int L = LAPACK_COL_MAJOR;
  SCILEARN_LAPACK_DISPATCH(S, LAPACKE_spbsv_work(L, uplo, n, kd, nrhs, ab, ldab, b, ldb),
                           LAPACKE_dpbsv_work(L, uplo, n, kd, nrhs, ab, ldab, b, ldb),
                           LAPACKE_cpbsv_work(L, uplo, n, kd, nrhs, ab, ldab, b, ldb),
                           LAPACKE_zpbsv_work(L, uplo, n, kd, nrhs, ab, ldab, b, ldb))
}

// L D L^H factorization and solve of a Hermitian positive definite
// tridiagonal matrix: real diagonal d (n), sub-diagonal e (n - 1), both overwritten.
template <class S>
lapack_index ptsv(lapack_index n, lapack_index nrhs, real_t<S>* d, S* e, S* b, lapack_index ldb) {
  constexpr int L = LAPACK_COL_MAJOR;
  SCILEARN_LAPACK_DISPATCH(S, LAPACKE_sptsv_work(L, n, nrhs, d, e, b, ldb),
                           LAPACKE_dptsv_work(L, n, nrhs, d, e, b, ldb), LAPACKE_cptsv_work(L, n, nrhs, d, e, b, ldb),
                           LAPACKE_zptsv_work(L, n, nrhs, d, e, b, ldb))
}

// Cholesky factorization of a Hermitian positive definite band matrix, in place.
template <class S>
lapack_index pbtrf(char uplo, lapack_index n, lapack_index kd, S* ab, lapack_index ldab) {
  constexpr int L = LAPACK_COL_MAJOR;
  SCILEARN_LAPACK_DISPATCH(S, LAPACKE_spbtrf_work(L, uplo, n, kd, ab, ldab),
                           LAPACKE_dpbtrf_work(L, uplo, n, kd, ab, ldab), LAPACKE_cpbtrf_work(L, uplo, n, kd, ab, ldab),
                           LAPACKE_zpbtrf_work(L, uplo, n, kd, ab, ldab))
}

// Solve from pbtrf's factor.
template <class S>
lapack_index pbtrs(char uplo, lapack_index n, lapack_index kd, lapack_index nrhs, const S* ab, lapack_index ldab, S* b,
                   lapack_index ldb) {
  constexpr int L = LAPACK_COL_MAJOR;
  SCILEARN_LAPACK_DISPATCH(S, LAPACKE_spbtrs_work(L, uplo, n, kd, nrhs, ab, ldab, b, ldb),
                           LAPACKE_dpbtrs_work(L, uplo, n, kd, nrhs, ab, ldab, b, ldb),
                           LAPACKE_cpbtrs_work(L, uplo, n, kd, nrhs, ab, ldab, b, ldb),
                           LAPACKE_zpbtrs_work(L, uplo, n, kd, nrhs, ab, ldab, b, ldb))
}

}  // namespace scilearn::linalg::detail
