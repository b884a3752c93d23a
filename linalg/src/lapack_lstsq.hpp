#pragma once
// Internal: LAPACK's least-squares drivers (?gelsd, ?gelsy, ?gelss) for the
// four scalar types, each with its workspace query done here, so lstsq.cpp
// calls one function per driver. All three overwrite a and b; b must have
// max(m, n) rows (the solution, n rows, is returned in its top rows).

#include <algorithm>
#include <cmath>

#include "lapack.hpp"

namespace scilearn::linalg::detail {

// Minimum-norm solution by the divide-and-conquer SVD. s receives the
// min(m, n) singular values (descending), rank the effective rank. Sizes of
// work, rwork (complex only) and iwork all come from LAPACK's query.
template <class S>
lapack_index gelsd(lapack_index m, lapack_index n, lapack_index nrhs, S* a, lapack_index lda, S* b, lapack_index ldb,
                   real_t<S>* s, real_t<S> rcond, lapack_index* rank) {
  constexpr int L = LAPACK_COL_MAJOR;
  using R = real_t<S>;
  auto call = [&](S* work, lapack_index lwork, R* rwork, lapack_index* iwork) -> lapack_index {
    if constexpr (is_complex_v<S>) {
      if constexpr (std::is_same_v<S, std::complex<float>>) {
        return LAPACKE_cgelsd_work(L, m, n, nrhs, a, lda, b, ldb, s, rcond, rank, work, lwork, rwork, iwork);
      } else {
        return LAPACKE_zgelsd_work(L, m, n, nrhs, a, lda, b, ldb, s, rcond, rank, work, lwork, rwork, iwork);
      }
    } else {
      (void)rwork;
      if constexpr (std::is_same_v<S, float>) {
        return LAPACKE_sgelsd_work(L, m, n, nrhs, a, lda, b, ldb, s, rcond, rank, work, lwork, iwork);
      } else {
        return LAPACKE_dgelsd_work(L, m, n, nrhs, a, lda, b, ldb, s, rcond, rank, work, lwork, iwork);
      }
    }
  };
  S work_query{};
  R rwork_query{};
  lapack_index iwork_query = 0;
  check_argument_info("gelsd", call(&work_query, -1, &rwork_query, &iwork_query));
  const lapack_index lwork = queried_size(work_query);
  std::vector<S> work(static_cast<std::size_t>(lwork));
  std::vector<R> rwork(is_complex_v<S> ? static_cast<std::size_t>(queried_size(rwork_query)) : 0);
  std::vector<lapack_index> iwork(static_cast<std::size_t>(std::max<lapack_index>(1, iwork_query)));
  return call(work.data(), lwork, rwork.data(), iwork.data());
}

// Minimum-norm solution by the complete orthogonal factorization (QR with
// column pivoting). jpvt must hold n zeros on entry (every column free to move).
template <class S>
lapack_index gelsy(lapack_index m, lapack_index n, lapack_index nrhs, S* a, lapack_index lda, S* b, lapack_index ldb,
                   lapack_index* jpvt, real_t<S> rcond, lapack_index* rank) {
  constexpr int L = LAPACK_COL_MAJOR;
  using R = real_t<S>;
  std::vector<R> rwork(is_complex_v<S> ? 2 * static_cast<std::size_t>(n) : 0);
  auto call = [&](S* work, lapack_index lwork) -> lapack_index {
    SCILEARN_LAPACK_DISPATCH(
        S, LAPACKE_sgelsy_work(L, m, n, nrhs, a, lda, b, ldb, jpvt, rcond, rank, work, lwork),
        LAPACKE_dgelsy_work(L, m, n, nrhs, a, lda, b, ldb, jpvt, rcond, rank, work, lwork),
        LAPACKE_cgelsy_work(L, m, n, nrhs, a, lda, b, ldb, jpvt, rcond, rank, work, lwork, rwork.data()),
        LAPACKE_zgelsy_work(L, m, n, nrhs, a, lda, b, ldb, jpvt, rcond, rank, work, lwork, rwork.data()))
  };
  return call_with_workspace<S>("gelsy", call);
}

// Minimum-norm solution by the classical SVD (QR iteration). s and rank as gelsd.
template <class S>
lapack_index gelss(lapack_index m, lapack_index n, lapack_index nrhs, S* a, lapack_index lda, S* b, lapack_index ldb,
                   real_t<S>* s, real_t<S> rcond, lapack_index* rank) {
  constexpr int L = LAPACK_COL_MAJOR;
  using R = real_t<S>;
  std::vector<R> rwork(is_complex_v<S> ? 5 * static_cast<std::size_t>(std::max<lapack_index>(1, std::min(m, n))) : 0);
  auto call = [&](S* work, lapack_index lwork) -> lapack_index {
    SCILEARN_LAPACK_DISPATCH(
        S, LAPACKE_sgelss_work(L, m, n, nrhs, a, lda, b, ldb, s, rcond, rank, work, lwork),
        LAPACKE_dgelss_work(L, m, n, nrhs, a, lda, b, ldb, s, rcond, rank, work, lwork),
        LAPACKE_cgelss_work(L, m, n, nrhs, a, lda, b, ldb, s, rcond, rank, work, lwork, rwork.data()),
        LAPACKE_zgelss_work(L, m, n, nrhs, a, lda, b, ldb, s, rcond, rank, work, lwork, rwork.data()))
  };
  return call_with_workspace<S>("gelss", call);
}

}  // namespace scilearn::linalg::detail
