#pragma once
// Internal: LAPACK's eigenvalue drivers for symmetric / Hermitian band
// matrices (?sbevd / ?hbevd, ?sbevx / ?hbevx; four scalar types) and for real
// symmetric tridiagonal matrices (?stemr, ?stebz + ?stein, ?sterf, ?stev,
// ?stevd; float and double only, as LAPACK). Workspaces are sized here.

#include <type_traits>

#include "lapack_eig.hpp"

namespace scilearn::linalg::detail {

// ---- band (ab: ldab x n, LAPACK's band storage, kd off-diagonals) --------

// All eigenvalues and (jobz 'V') eigenvectors, divide and conquer.
template <class S>
lapack_index sbevd(char jobz, char uplo, lapack_index n, lapack_index kd, S* ab, lapack_index ldab, real_t<S>* w, S* z,
                   lapack_index ldz) {
  constexpr int L = LAPACK_COL_MAJOR;
  using R = real_t<S>;
  auto call = [&](S* work, lapack_index lwork, R* rwork, lapack_index lrwork, lapack_index* iwork,
                  lapack_index liwork) -> lapack_index {
    (void)rwork;
    (void)lrwork;
    SCILEARN_LAPACK_DISPATCH(
        S, LAPACKE_ssbevd_work(L, jobz, uplo, n, kd, ab, ldab, w, z, ldz, work, lwork, iwork, liwork),
        LAPACKE_dsbevd_work(L, jobz, uplo, n, kd, ab, ldab, w, z, ldz, work, lwork, iwork, liwork),
        LAPACKE_chbevd_work(L, jobz, uplo, n, kd, ab, ldab, w, z, ldz, work, lwork, rwork, lrwork, iwork, liwork),
        LAPACKE_zhbevd_work(L, jobz, uplo, n, kd, ab, ldab, w, z, ldz, work, lwork, rwork, lrwork, iwork, liwork))
  };
  return call_with_workspaces<S>(is_complex_v<S> ? "hbevd" : "sbevd", call);
}

// Selected eigenvalues (range 'V': in (vl, vu]; 'I': il-th to iu-th,
// 1-based) by bisection and inverse iteration; *m receives their count.
// z: n x n (ldz >= n) with jobz 'V'; ifail: n entries.
template <class S>
lapack_index sbevx(char jobz, char range, char uplo, lapack_index n, lapack_index kd, S* ab, lapack_index ldab,
                   real_t<S> vl, real_t<S> vu, lapack_index il, lapack_index iu, real_t<S> abstol, lapack_index* m,
                   real_t<S>* w, S* z, lapack_index ldz, lapack_index* ifail) {
  constexpr int L = LAPACK_COL_MAJOR;
  const auto un = static_cast<std::size_t>(std::max<lapack_index>(1, n));
  // q (n x n) receives the orthogonal reduction to tridiagonal form with jobz 'V'.
  const lapack_index ldq = jobz == 'V' ? std::max<lapack_index>(1, n) : 1;
  std::vector<S> q(jobz == 'V' ? un * un : 1);
  std::vector<S> work(is_complex_v<S> ? un : 7 * un);
  std::vector<real_t<S>> rwork(is_complex_v<S> ? 7 * un : 0);
  std::vector<lapack_index> iwork(5 * un);
  SCILEARN_LAPACK_DISPATCH(S,
                           LAPACKE_ssbevx_work(L, jobz, range, uplo, n, kd, ab, ldab, q.data(), ldq, vl, vu, il, iu,
                                               abstol, m, w, z, ldz, work.data(), iwork.data(), ifail),
                           LAPACKE_dsbevx_work(L, jobz, range, uplo, n, kd, ab, ldab, q.data(), ldq, vl, vu, il, iu,
                                               abstol, m, w, z, ldz, work.data(), iwork.data(), ifail),
                           LAPACKE_chbevx_work(L, jobz, range, uplo, n, kd, ab, ldab, q.data(), ldq, vl, vu, il, iu,
                                               abstol, m, w, z, ldz, work.data(), rwork.data(), iwork.data(), ifail),
                           LAPACKE_zhbevx_work(L, jobz, range, uplo, n, kd, ab, ldab, q.data(), ldq, vl, vu, il, iu,
                                               abstol, m, w, z, ldz, work.data(), rwork.data(), iwork.data(), ifail))
}

// ---- real symmetric tridiagonal (d: n entries, e: n - 1, or n for stemr) --

#define SCILEARN_LAPACK_REAL(R, call_s, call_d) \
  if constexpr (std::is_same_v<R, float>) {     \
    return call_s;                              \
  } else {                                      \
    static_assert(std::is_same_v<R, double>);   \
    return call_d;                              \
  }

// MRRR: range as sbevx; e needs n entries (the last is workspace). z: n x n
// with jobz 'V'; isuppz: 2 n entries. tryrac: try for high relative accuracy,
// as SciPy and ?syevr.
template <class R>
lapack_index stemr(char jobz, char range, lapack_index n, R* d, R* e, R vl, R vu, lapack_index il, lapack_index iu,
                   lapack_index* m, R* w, R* z, lapack_index ldz, lapack_index* isuppz) {
  constexpr int L = LAPACK_COL_MAJOR;
  const lapack_index nzc = jobz == 'V' ? n : 0;
  lapack_logical tryrac = 1;
  auto call = [&](R* work, lapack_index lwork, R* rwork, lapack_index lrwork, lapack_index* iwork,
                  lapack_index liwork) -> lapack_index {
    (void)rwork;
    (void)lrwork;
    SCILEARN_LAPACK_REAL(R,
                         LAPACKE_sstemr_work(L, jobz, range, n, d, e, vl, vu, il, iu, m, w, z, ldz, nzc, isuppz,
                                             &tryrac, work, lwork, iwork, liwork),
                         LAPACKE_dstemr_work(L, jobz, range, n, d, e, vl, vu, il, iu, m, w, z, ldz, nzc, isuppz,
                                             &tryrac, work, lwork, iwork, liwork))
  };
  return call_with_workspaces<R>("stemr", call);
}

// Bisection: selected eigenvalues (range as sbevx) to absolute tolerance
// abstol (<= 0: eps ||T||_1), order 'E' (ascending) or 'B' (by split block,
// as ?stein needs). w, iblock, isplit: n entries.
template <class R>
lapack_index stebz(char range, char order, lapack_index n, R vl, R vu, lapack_index il, lapack_index iu, R abstol,
                   const R* d, const R* e, lapack_index* m, lapack_index* nsplit, R* w, lapack_index* iblock,
                   lapack_index* isplit) {
  const auto un = static_cast<std::size_t>(std::max<lapack_index>(1, n));
  std::vector<R> work(4 * un);
  std::vector<lapack_index> iwork(3 * un);
  SCILEARN_LAPACK_REAL(R,
                       LAPACKE_sstebz_work(range, order, n, vl, vu, il, iu, abstol, d, e, m, nsplit, w, iblock, isplit,
                                           work.data(), iwork.data()),
                       LAPACKE_dstebz_work(range, order, n, vl, vu, il, iu, abstol, d, e, m, nsplit, w, iblock, isplit,
                                           work.data(), iwork.data()))
}

// Inverse iteration: the m eigenvectors (z, n x m) of stebz's eigenvalues.
template <class R>
lapack_index stein(lapack_index n, const R* d, const R* e, lapack_index m, const R* w, const lapack_index* iblock,
                   const lapack_index* isplit, R* z, lapack_index ldz) {
  constexpr int L = LAPACK_COL_MAJOR;
  const auto un = static_cast<std::size_t>(std::max<lapack_index>(1, n));
  std::vector<R> work(5 * un);
  std::vector<lapack_index> iwork(un);
  std::vector<lapack_index> ifail(static_cast<std::size_t>(std::max<lapack_index>(1, m)));
  SCILEARN_LAPACK_REAL(
      R, LAPACKE_sstein_work(L, n, d, e, m, w, iblock, isplit, z, ldz, work.data(), iwork.data(), ifail.data()),
      LAPACKE_dstein_work(L, n, d, e, m, w, iblock, isplit, z, ldz, work.data(), iwork.data(), ifail.data()))
}

// All eigenvalues (into d, ascending) by the root-free QR algorithm.
template <class R>
lapack_index sterf(lapack_index n, R* d, R* e) {
  SCILEARN_LAPACK_REAL(R, LAPACKE_ssterf_work(n, d, e), LAPACKE_dsterf_work(n, d, e))
}

// All eigenvalues (into d) and (jobz 'V') eigenvectors (z, n x n) by QR.
template <class R>
lapack_index stev(char jobz, lapack_index n, R* d, R* e, R* z, lapack_index ldz) {
  constexpr int L = LAPACK_COL_MAJOR;
  std::vector<R> work(static_cast<std::size_t>(std::max<lapack_index>(1, 2 * n - 2)));
  SCILEARN_LAPACK_REAL(R, LAPACKE_sstev_work(L, jobz, n, d, e, z, ldz, work.data()),
                       LAPACKE_dstev_work(L, jobz, n, d, e, z, ldz, work.data()))
}

// As stev, by divide and conquer.
template <class R>
lapack_index stevd(char jobz, lapack_index n, R* d, R* e, R* z, lapack_index ldz) {
  constexpr int L = LAPACK_COL_MAJOR;
  auto call = [&](R* work, lapack_index lwork, R* rwork, lapack_index lrwork, lapack_index* iwork,
                  lapack_index liwork) -> lapack_index {
    (void)rwork;
    (void)lrwork;
    SCILEARN_LAPACK_REAL(R, LAPACKE_sstevd_work(L, jobz, n, d, e, z, ldz, work, lwork, iwork, liwork),
                         LAPACKE_dstevd_work(L, jobz, n, d, e, z, ldz, work, lwork, iwork, liwork))
  };
  return call_with_workspaces<R>("stevd", call);
}

#undef SCILEARN_LAPACK_REAL

}  // namespace scilearn::linalg::detail
