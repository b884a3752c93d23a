#pragma once
// Internal: LAPACK's dense eigenvalue drivers for the four scalar types: the
// symmetric / Hermitian ones (?syev / ?heev and their evd / evr / evx
// variants, the generalized ?sygv / ?hegv, gvd, gvx) and the general ones
// (?geev, ?ggev). Workspace queries are done here, so the callers pass only
// the problem. Every routine overwrites a (and b); eigenvalue and vector
// outputs are caller-owned.

#include <algorithm>

#include "lapack.hpp"

namespace scilearn::linalg::detail {

// Runs a routine that takes the workspaces (work, lwork, rwork, lrwork,
// iwork, liwork), all sized by one LAPACK query (every length -1). rwork is
// only passed to complex routines; a real routine's call ignores it.
template <class S, class Call>
lapack_index call_with_workspaces(const char* routine, Call&& call) {
  using R = real_t<S>;
  S work_query{};
  R rwork_query{};
  lapack_index iwork_query = 0;
  check_argument_info(routine, call(&work_query, -1, &rwork_query, -1, &iwork_query, -1));
  const lapack_index lwork = queried_size(work_query);
  const lapack_index lrwork = queried_size(rwork_query);
  const lapack_index liwork = std::max<lapack_index>(1, iwork_query);
  std::vector<S> work(static_cast<std::size_t>(lwork));
  std::vector<R> rwork(is_complex_v<S> ? static_cast<std::size_t>(lrwork) : 0);
  std::vector<lapack_index> iwork(static_cast<std::size_t>(liwork));
  return call(work.data(), lwork, rwork.data(), lrwork, iwork.data(), liwork);
}

// LAPACK's RANGE argument of the subset drivers ('A' all, 'V' the eigenvalues
// in (vl, vu], 'I' the il-th to iu-th, 1-based) with its bounds.
struct LapackRange {
  char range = 'A';
  double vl = 0;
  double vu = 1;
  lapack_index il = 1;
  lapack_index iu = 1;
};

// ---- symmetric / Hermitian: standard problem -----------------------------

// All eigenvalues (w, ascending) and, with jobz 'V', the eigenvectors (in a)
// by the QR algorithm on the tridiagonal form.
template <class S>
lapack_index syev(char jobz, char uplo, lapack_index n, S* a, lapack_index lda, real_t<S>* w) {
  constexpr int L = LAPACK_COL_MAJOR;
  std::vector<real_t<S>> rwork(is_complex_v<S> ? static_cast<std::size_t>(std::max<lapack_index>(1, 3 * n - 2)) : 0);
  auto call = [&](S* work, lapack_index lwork) -> lapack_index {
    SCILEARN_LAPACK_DISPATCH(S, LAPACKE_ssyev_work(L, jobz, uplo, n, a, lda, w, work, lwork),
                             LAPACKE_dsyev_work(L, jobz, uplo, n, a, lda, w, work, lwork),
                             LAPACKE_cheev_work(L, jobz, uplo, n, a, lda, w, work, lwork, rwork.data()),
                             LAPACKE_zheev_work(L, jobz, uplo, n, a, lda, w, work, lwork, rwork.data()))
  };
  return call_with_workspace<S>(is_complex_v<S> ? "heev" : "syev", call);
}

// As syev, by divide and conquer on the tridiagonal form.
template <class S>
lapack_index syevd(char jobz, char uplo, lapack_index n, S* a, lapack_index lda, real_t<S>* w) {
  constexpr int L = LAPACK_COL_MAJOR;
  using R = real_t<S>;
  auto call = [&](S* work, lapack_index lwork, R* rwork, lapack_index lrwork, lapack_index* iwork,
                  lapack_index liwork) -> lapack_index {
    (void)rwork;
    (void)lrwork;
    SCILEARN_LAPACK_DISPATCH(
        S, LAPACKE_ssyevd_work(L, jobz, uplo, n, a, lda, w, work, lwork, iwork, liwork),
        LAPACKE_dsyevd_work(L, jobz, uplo, n, a, lda, w, work, lwork, iwork, liwork),
        LAPACKE_cheevd_work(L, jobz, uplo, n, a, lda, w, work, lwork, rwork, lrwork, iwork, liwork),
        LAPACKE_zheevd_work(L, jobz, uplo, n, a, lda, w, work, lwork, rwork, lrwork, iwork, liwork))
  };
  return call_with_workspaces<S>(is_complex_v<S> ? "heevd" : "syevd", call);
}

// Selected eigenvalues (range 'A' all, 'V' those in (vl, vu], 'I' the il-th
// to iu-th, 1-based) by the MRRR algorithm; *m receives their count, z
// (n x m, ldz >= n) the vectors with jobz 'V'. isuppz: 2 max(1, n) entries.
template <class S>
lapack_index syevr(char jobz, char range, char uplo, lapack_index n, S* a, lapack_index lda, real_t<S> vl, real_t<S> vu,
                   lapack_index il, lapack_index iu, real_t<S> abstol, lapack_index* m, real_t<S>* w, S* z,
                   lapack_index ldz, lapack_index* isuppz) {
  constexpr int L = LAPACK_COL_MAJOR;
  using R = real_t<S>;
  auto call = [&](S* work, lapack_index lwork, R* rwork, lapack_index lrwork, lapack_index* iwork,
                  lapack_index liwork) -> lapack_index {
    (void)rwork;
    (void)lrwork;
    SCILEARN_LAPACK_DISPATCH(S,
                             LAPACKE_ssyevr_work(L, jobz, range, uplo, n, a, lda, vl, vu, il, iu, abstol, m, w, z, ldz,
                                                 isuppz, work, lwork, iwork, liwork),
                             LAPACKE_dsyevr_work(L, jobz, range, uplo, n, a, lda, vl, vu, il, iu, abstol, m, w, z, ldz,
                                                 isuppz, work, lwork, iwork, liwork),
                             LAPACKE_cheevr_work(L, jobz, range, uplo, n, a, lda, vl, vu, il, iu, abstol, m, w, z, ldz,
                                                 isuppz, work, lwork, rwork, lrwork, iwork, liwork),
                             LAPACKE_zheevr_work(L, jobz, range, uplo, n, a, lda, vl, vu, il, iu, abstol, m, w, z, ldz,
                                                 isuppz, work, lwork, rwork, lrwork, iwork, liwork))
  };
  return call_with_workspaces<S>(is_complex_v<S> ? "heevr" : "syevr", call);
}

// Selected eigenvalues as syevr, by bisection and inverse iteration. ifail:
// n entries (the indices of vectors that failed to converge).
template <class S>
lapack_index syevx(char jobz, char range, char uplo, lapack_index n, S* a, lapack_index lda, real_t<S> vl, real_t<S> vu,
                   lapack_index il, lapack_index iu, real_t<S> abstol, lapack_index* m, real_t<S>* w, S* z,
                   lapack_index ldz, lapack_index* ifail) {
  constexpr int L = LAPACK_COL_MAJOR;
  const auto un = static_cast<std::size_t>(std::max<lapack_index>(1, n));
  std::vector<real_t<S>> rwork(is_complex_v<S> ? 7 * un : 0);
  std::vector<lapack_index> iwork(5 * un);
  auto call = [&](S* work, lapack_index lwork) -> lapack_index {
    SCILEARN_LAPACK_DISPATCH(S,
                             LAPACKE_ssyevx_work(L, jobz, range, uplo, n, a, lda, vl, vu, il, iu, abstol, m, w, z, ldz,
                                                 work, lwork, iwork.data(), ifail),
                             LAPACKE_dsyevx_work(L, jobz, range, uplo, n, a, lda, vl, vu, il, iu, abstol, m, w, z, ldz,
                                                 work, lwork, iwork.data(), ifail),
                             LAPACKE_cheevx_work(L, jobz, range, uplo, n, a, lda, vl, vu, il, iu, abstol, m, w, z, ldz,
                                                 work, lwork, rwork.data(), iwork.data(), ifail),
                             LAPACKE_zheevx_work(L, jobz, range, uplo, n, a, lda, vl, vu, il, iu, abstol, m, w, z, ldz,
                                                 work, lwork, rwork.data(), iwork.data(), ifail))
  };
  return call_with_workspace<S>(is_complex_v<S> ? "heevx" : "syevx", call);
}

// ---- symmetric / Hermitian: generalized problem (b positive definite) ------
// itype 1: a x = w b x; 2: a b x = w x; 3: b a x = w x. info > n: the
// leading minor of order info - n of b is not positive definite.

template <class S>
lapack_index sygv(lapack_index itype, char jobz, char uplo, lapack_index n, S* a, lapack_index lda, S* b,
                  lapack_index ldb, real_t<S>* w) {
  constexpr int L = LAPACK_COL_MAJOR;
  std::vector<real_t<S>> rwork(is_complex_v<S> ? static_cast<std::size_t>(std::max<lapack_index>(1, 3 * n - 2)) : 0);
  auto call = [&](S* work, lapack_index lwork) -> lapack_index {
    SCILEARN_LAPACK_DISPATCH(S, LAPACKE_ssygv_work(L, itype, jobz, uplo, n, a, lda, b, ldb, w, work, lwork),
                             LAPACKE_dsygv_work(L, itype, jobz, uplo, n, a, lda, b, ldb, w, work, lwork),
                             LAPACKE_chegv_work(L, itype, jobz, uplo, n, a, lda, b, ldb, w, work, lwork, rwork.data()),
                             LAPACKE_zhegv_work(L, itype, jobz, uplo, n, a, lda, b, ldb, w, work, lwork, rwork.data()))
  };
  return call_with_workspace<S>(is_complex_v<S> ? "hegv" : "sygv", call);
}

template <class S>
lapack_index sygvd(lapack_index itype, char jobz, char uplo, lapack_index n, S* a, lapack_index lda, S* b,
                   lapack_index ldb, real_t<S>* w) {
  constexpr int L = LAPACK_COL_MAJOR;
  using R = real_t<S>;
  auto call = [&](S* work, lapack_index lwork, R* rwork, lapack_index lrwork, lapack_index* iwork,
                  lapack_index liwork) -> lapack_index {
    (void)rwork;
    (void)lrwork;
    SCILEARN_LAPACK_DISPATCH(
        S, LAPACKE_ssygvd_work(L, itype, jobz, uplo, n, a, lda, b, ldb, w, work, lwork, iwork, liwork),
        LAPACKE_dsygvd_work(L, itype, jobz, uplo, n, a, lda, b, ldb, w, work, lwork, iwork, liwork),
        LAPACKE_chegvd_work(L, itype, jobz, uplo, n, a, lda, b, ldb, w, work, lwork, rwork, lrwork, iwork, liwork),
        LAPACKE_zhegvd_work(L, itype, jobz, uplo, n, a, lda, b, ldb, w, work, lwork, rwork, lrwork, iwork, liwork))
  };
  return call_with_workspaces<S>(is_complex_v<S> ? "hegvd" : "sygvd", call);
}

// Selected eigenvalues of the generalized problem; range, m, z and ifail as syevx.
template <class S>
lapack_index sygvx(lapack_index itype, char jobz, char range, char uplo, lapack_index n, S* a, lapack_index lda, S* b,
                   lapack_index ldb, real_t<S> vl, real_t<S> vu, lapack_index il, lapack_index iu, real_t<S> abstol,
                   lapack_index* m, real_t<S>* w, S* z, lapack_index ldz, lapack_index* ifail) {
  constexpr int L = LAPACK_COL_MAJOR;
  const auto un = static_cast<std::size_t>(std::max<lapack_index>(1, n));
  std::vector<real_t<S>> rwork(is_complex_v<S> ? 7 * un : 0);
  std::vector<lapack_index> iwork(5 * un);
  auto call = [&](S* work, lapack_index lwork) -> lapack_index {
    SCILEARN_LAPACK_DISPATCH(S,
                             LAPACKE_ssygvx_work(L, itype, jobz, range, uplo, n, a, lda, b, ldb, vl, vu, il, iu, abstol,
                                                 m, w, z, ldz, work, lwork, iwork.data(), ifail),
                             LAPACKE_dsygvx_work(L, itype, jobz, range, uplo, n, a, lda, b, ldb, vl, vu, il, iu, abstol,
                                                 m, w, z, ldz, work, lwork, iwork.data(), ifail),
                             LAPACKE_chegvx_work(L, itype, jobz, range, uplo, n, a, lda, b, ldb, vl, vu, il, iu, abstol,
                                                 m, w, z, ldz, work, lwork, rwork.data(), iwork.data(), ifail),
                             LAPACKE_zhegvx_work(L, itype, jobz, range, uplo, n, a, lda, b, ldb, vl, vu, il, iu, abstol,
                                                 m, w, z, ldz, work, lwork, rwork.data(), iwork.data(), ifail))
  };
  return call_with_workspace<S>(is_complex_v<S> ? "hegvx" : "sygvx", call);
}

// ---- general: standard and generalized problems --------------------------

// Eigenvalues and (jobvl / jobvr 'V') left / right eigenvectors of a general
// matrix. Real S: the eigenvalues are wr + i wi (w = wr), a complex
// conjugate pair in consecutive columns with the positive imaginary part
// first, its vectors packed as (re, im) in those two columns of vl / vr.
// Complex S: w receives the eigenvalues, wi is unused. Every vector has unit
// 2-norm and its largest component real.
template <class S>
lapack_index geev(char jobvl, char jobvr, lapack_index n, S* a, lapack_index lda, S* w, real_t<S>* wi, S* vl,
                  lapack_index ldvl, S* vr, lapack_index ldvr) {
  constexpr int L = LAPACK_COL_MAJOR;
  std::vector<real_t<S>> rwork(is_complex_v<S> ? 2 * static_cast<std::size_t>(std::max<lapack_index>(1, n)) : 0);
  auto call = [&](S* work, lapack_index lwork) -> lapack_index {
    SCILEARN_LAPACK_DISPATCH(
        S, LAPACKE_sgeev_work(L, jobvl, jobvr, n, a, lda, w, wi, vl, ldvl, vr, ldvr, work, lwork),
        LAPACKE_dgeev_work(L, jobvl, jobvr, n, a, lda, w, wi, vl, ldvl, vr, ldvr, work, lwork),
        LAPACKE_cgeev_work(L, jobvl, jobvr, n, a, lda, w, vl, ldvl, vr, ldvr, work, lwork, rwork.data()),
        LAPACKE_zgeev_work(L, jobvl, jobvr, n, a, lda, w, vl, ldvl, vr, ldvr, work, lwork, rwork.data()))
  };
  return call_with_workspace<S>("geev", call);
}

// The generalized problem a x = lambda b x, lambda = alpha / beta (alpha =
// alphar + i alphai for real S, packed as geev's; complex S: alphai unused).
// LAPACK scales each vector so that its largest component has |re| + |im| = 1.
template <class S>
lapack_index ggev(char jobvl, char jobvr, lapack_index n, S* a, lapack_index lda, S* b, lapack_index ldb, S* alpha,
                  real_t<S>* alphai, S* beta, S* vl, lapack_index ldvl, S* vr, lapack_index ldvr) {
  constexpr int L = LAPACK_COL_MAJOR;
  std::vector<real_t<S>> rwork(is_complex_v<S> ? 8 * static_cast<std::size_t>(std::max<lapack_index>(1, n)) : 0);
  auto call = [&](S* work, lapack_index lwork) -> lapack_index {
    SCILEARN_LAPACK_DISPATCH(
        S, LAPACKE_sggev_work(L, jobvl, jobvr, n, a, lda, b, ldb, alpha, alphai, beta, vl, ldvl, vr, ldvr, work, lwork),
        LAPACKE_dggev_work(L, jobvl, jobvr, n, a, lda, b, ldb, alpha, alphai, beta, vl, ldvl, vr, ldvr, work, lwork),
        LAPACKE_cggev_work(L, jobvl, jobvr, n, a, lda, b, ldb, alpha, beta, vl, ldvl, vr, ldvr, work, lwork,
                           rwork.data()),
        LAPACKE_zggev_work(L, jobvl, jobvr, n, a, lda, b, ldb, alpha, beta, vl, ldvl, vr, ldvr, work, lwork,
                           rwork.data()))
  };
  return call_with_workspace<S>("ggev", call);
}

}  // namespace scilearn::linalg::detail
