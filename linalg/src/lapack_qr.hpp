#pragma once
// Internal: LAPACK's orthogonal factorizations for qr(), rq() and linalg::QR:
// ?geqrf / ?geqp3 (a = Q R, without and with column pivoting), ?gerqf
// (a = R Q), the routines that form Q from the Householder reflectors
// (?orgqr / ?ungqr, ?orgrq / ?ungrq) and the one that applies it (?ormqr /
// ?unmqr). Each runs LAPACK's workspace query first (call_with_workspace).

#include "lapack.hpp"

namespace scilearn::linalg::detail {

// a = Q R for an m x n a: R in the upper triangle (trapezoid), the reflectors
// below it, their min(m, n) scalars in tau.
template <class S>
lapack_index geqrf(lapack_index m, lapack_index n, S* a, lapack_index lda, S* tau) {
  constexpr int L = LAPACK_COL_MAJOR;
  auto call = [&](S* work, lapack_index lwork) -> lapack_index {
    SCILEARN_LAPACK_DISPATCH(S, LAPACKE_sgeqrf_work(L, m, n, a, lda, tau, work, lwork),
                             LAPACKE_dgeqrf_work(L, m, n, a, lda, tau, work, lwork),
                             LAPACKE_cgeqrf_work(L, m, n, a, lda, tau, work, lwork),
                             LAPACKE_zgeqrf_work(L, m, n, a, lda, tau, work, lwork))
  };
  return call_with_workspace<S>("geqrf", call);
}

// a P = Q R with column pivoting (|R(i, i)| non-increasing). jpvt must hold n
// zeros on entry (every column free); on exit, column j of a P is column
// jpvt[j] - 1 of a (1-based, as LAPACK).
template <class S>
lapack_index geqp3(lapack_index m, lapack_index n, S* a, lapack_index lda, lapack_index* jpvt, S* tau) {
  constexpr int L = LAPACK_COL_MAJOR;
  std::vector<real_t<S>> rwork(is_complex_v<S> ? 2 * static_cast<std::size_t>(n) : 0);
  auto call = [&](S* work, lapack_index lwork) -> lapack_index {
    SCILEARN_LAPACK_DISPATCH(S, LAPACKE_sgeqp3_work(L, m, n, a, lda, jpvt, tau, work, lwork),
                             LAPACKE_dgeqp3_work(L, m, n, a, lda, jpvt, tau, work, lwork),
                             LAPACKE_cgeqp3_work(L, m, n, a, lda, jpvt, tau, work, lwork, rwork.data()),
                             LAPACKE_zgeqp3_work(L, m, n, a, lda, jpvt, tau, work, lwork, rwork.data()))
  };
  return call_with_workspace<S>("geqp3", call);
}

// Overwrites the m x n q (m >= n >= k), whose first k columns hold geqrf's
// reflectors, with the first n columns of Q = H(1) ... H(k).
template <class S>
lapack_index orgqr(lapack_index m, lapack_index n, lapack_index k, S* q, lapack_index ldq, const S* tau) {
  constexpr int L = LAPACK_COL_MAJOR;
  auto call = [&](S* work, lapack_index lwork) -> lapack_index {
    SCILEARN_LAPACK_DISPATCH(S, LAPACKE_sorgqr_work(L, m, n, k, q, ldq, tau, work, lwork),
                             LAPACKE_dorgqr_work(L, m, n, k, q, ldq, tau, work, lwork),
                             LAPACKE_cungqr_work(L, m, n, k, q, ldq, tau, work, lwork),
                             LAPACKE_zungqr_work(L, m, n, k, q, ldq, tau, work, lwork))
  };
  return call_with_workspace<S>(is_complex_v<S> ? "ungqr" : "orgqr", call);
}

// Replaces the rows x cols c by op(Q) c (side 'L') or c op(Q) (side 'R'),
// with op(Q) = Q, or Q^H (Q^T for real S) when adjoint; Q is the product of
// geqrf's k reflectors stored in a (lda rows: rows for 'L', cols for 'R').
template <class S>
lapack_index ormqr(char side, bool adjoint, lapack_index rows, lapack_index cols, lapack_index k, const S* a,
                   lapack_index lda, const S* tau, S* c, lapack_index ldc) {
  constexpr int L = LAPACK_COL_MAJOR;
  const char t = adjoint ? (is_complex_v<S> ? 'C' : 'T') : 'N';
  auto call = [&](S* work, lapack_index lwork) -> lapack_index {
    SCILEARN_LAPACK_DISPATCH(S, LAPACKE_sormqr_work(L, side, t, rows, cols, k, a, lda, tau, c, ldc, work, lwork),
                             LAPACKE_dormqr_work(L, side, t, rows, cols, k, a, lda, tau, c, ldc, work, lwork),
                             LAPACKE_cunmqr_work(L, side, t, rows, cols, k, a, lda, tau, c, ldc, work, lwork),
                             LAPACKE_zunmqr_work(L, side, t, rows, cols, k, a, lda, tau, c, ldc, work, lwork))
  };
  return call_with_workspace<S>(is_complex_v<S> ? "unmqr" : "ormqr", call);
}

// a = R Q for an m x n a: R in the last min(m, n) rows' upper part (see
// ?gerqf), the reflectors to its left, their scalars in tau.
template <class S>
lapack_index gerqf(lapack_index m, lapack_index n, S* a, lapack_index lda, S* tau) {
  constexpr int L = LAPACK_COL_MAJOR;
  auto call = [&](S* work, lapack_index lwork) -> lapack_index {
    SCILEARN_LAPACK_DISPATCH(S, LAPACKE_sgerqf_work(L, m, n, a, lda, tau, work, lwork),
                             LAPACKE_dgerqf_work(L, m, n, a, lda, tau, work, lwork),
                             LAPACKE_cgerqf_work(L, m, n, a, lda, tau, work, lwork),
                             LAPACKE_zgerqf_work(L, m, n, a, lda, tau, work, lwork))
  };
  return call_with_workspace<S>("gerqf", call);
}

// Overwrites the m x n q (n >= m >= k), whose last k rows hold gerqf's
// reflectors, with the last m rows of Q = H(1)^H ... H(k)^H.
template <class S>
lapack_index orgrq(lapack_index m, lapack_index n, lapack_index k, S* q, lapack_index ldq, const S* tau) {
  constexpr int L = LAPACK_COL_MAJOR;
  auto call = [&](S* work, lapack_index lwork) -> lapack_index {
    SCILEARN_LAPACK_DISPATCH(S, LAPACKE_sorgrq_work(L, m, n, k, q, ldq, tau, work, lwork),
                             LAPACKE_dorgrq_work(L, m, n, k, q, ldq, tau, work, lwork),
                             LAPACKE_cungrq_work(L, m, n, k, q, ldq, tau, work, lwork),
                             LAPACKE_zungrq_work(L, m, n, k, q, ldq, tau, work, lwork))
  };
  return call_with_workspace<S>(is_complex_v<S> ? "ungrq" : "orgrq", call);
}

}  // namespace scilearn::linalg::detail
