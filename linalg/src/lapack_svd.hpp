#pragma once
// Internal: LAPACK's singular value decompositions (?gesdd, ?gesvd) for the
// four scalar types, each with its workspace query done here, in the style of
// lapack.hpp. Both overwrite a; s receives the min(m, n) singular values in
// descending order, u (ldu rows) and vt (ldvt rows) the singular vectors that
// the job asks for.

#include <algorithm>
#include <vector>

#include "lapack.hpp"

namespace scilearn::linalg::detail {

// Divide and conquer. jobz: 'A' all of u (m x m) and vt (n x n), 'S' the
// leading min(m, n) of each, 'N' none (u and vt are not referenced).
// Complex ?gesdd's rwork has no query: its size is the documented minimum
// (LAPACK 3.7 and later), as is iwork's (8 min(m, n)).
template <class S>
lapack_index gesdd(char jobz, lapack_index m, lapack_index n, S* a, lapack_index lda, real_t<S>* s, S* u,
                   lapack_index ldu, S* vt, lapack_index ldvt) {
  constexpr int L = LAPACK_COL_MAJOR;
  using R = real_t<S>;
  const std::size_t mn = static_cast<std::size_t>(std::min(m, n));
  const std::size_t mx = static_cast<std::size_t>(std::max(m, n));
  std::vector<lapack_index> iwork(std::max<std::size_t>(1, 8 * mn));
  std::vector<R> rwork;
  if constexpr (is_complex_v<S>) {
    rwork.resize(std::max<std::size_t>(
        1, jobz == 'N' ? 7 * mn : std::max(5 * mn * mn + 5 * mn, 2 * mx * mn + 2 * mn * mn + mn)));
  }
  auto call = [&](S* work, lapack_index lwork) -> lapack_index {
    SCILEARN_LAPACK_DISPATCH(
        S, LAPACKE_sgesdd_work(L, jobz, m, n, a, lda, s, u, ldu, vt, ldvt, work, lwork, iwork.data()),
        LAPACKE_dgesdd_work(L, jobz, m, n, a, lda, s, u, ldu, vt, ldvt, work, lwork, iwork.data()),
        LAPACKE_cgesdd_work(L, jobz, m, n, a, lda, s, u, ldu, vt, ldvt, work, lwork, rwork.data(), iwork.data()),
        LAPACKE_zgesdd_work(L, jobz, m, n, a, lda, s, u, ldu, vt, ldvt, work, lwork, rwork.data(), iwork.data()))
  };
  return call_with_workspace<S>("gesdd", call);
}

// QR iteration (Golub-Kahan). job applies to both u and vt: 'A', 'S' or 'N'
// as gesdd's jobz.
template <class S>
lapack_index gesvd(char job, lapack_index m, lapack_index n, S* a, lapack_index lda, real_t<S>* s, S* u,
                   lapack_index ldu, S* vt, lapack_index ldvt) {
  constexpr int L = LAPACK_COL_MAJOR;
  using R = real_t<S>;
  std::vector<R> rwork(is_complex_v<S> ? 5 * static_cast<std::size_t>(std::max<lapack_index>(1, std::min(m, n))) : 0);
  auto call = [&](S* work, lapack_index lwork) -> lapack_index {
    SCILEARN_LAPACK_DISPATCH(
        S, LAPACKE_sgesvd_work(L, job, job, m, n, a, lda, s, u, ldu, vt, ldvt, work, lwork),
        LAPACKE_dgesvd_work(L, job, job, m, n, a, lda, s, u, ldu, vt, ldvt, work, lwork),
        LAPACKE_cgesvd_work(L, job, job, m, n, a, lda, s, u, ldu, vt, ldvt, work, lwork, rwork.data()),
        LAPACKE_zgesvd_work(L, job, job, m, n, a, lda, s, u, ldu, vt, ldvt, work, lwork, rwork.data()))
  };
  return call_with_workspace<S>("gesvd", call);
}

}  // namespace scilearn::linalg::detail
