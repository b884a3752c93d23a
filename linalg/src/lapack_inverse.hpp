#pragma once
// Internal: LAPACK's inversions from a factorization (?getri, ?potri, ?sytri,
// ?hetri), in the style of lapack.hpp.

#include "lapack.hpp"

namespace scilearn::linalg::detail {

// Inverse from getrf's factors, with LAPACK's workspace query for the blocked code.
template <class S>
lapack_index getri(lapack_index n, S* a, lapack_index lda, const lapack_index* ipiv) {
  constexpr int L = LAPACK_COL_MAJOR;
  auto call = [&](S* work, lapack_index lwork) -> lapack_index {
    SCILEARN_LAPACK_DISPATCH(
        S, LAPACKE_sgetri_work(L, n, a, lda, ipiv, work, lwork), LAPACKE_dgetri_work(L, n, a, lda, ipiv, work, lwork),
        LAPACKE_cgetri_work(L, n, a, lda, ipiv, work, lwork), LAPACKE_zgetri_work(L, n, a, lda, ipiv, work, lwork))
  };
  return call_with_workspace<S>("getri", call);
}

// Inverse from potrf's factor; fills the triangle uplo only.
template <class S>
lapack_index potri(char uplo, lapack_index n, S* a, lapack_index lda) {
  constexpr int L = LAPACK_COL_MAJOR;
  SCILEARN_LAPACK_DISPATCH(S, LAPACKE_spotri_work(L, uplo, n, a, lda), LAPACKE_dpotri_work(L, uplo, n, a, lda),
                           LAPACKE_cpotri_work(L, uplo, n, a, lda), LAPACKE_zpotri_work(L, uplo, n, a, lda))
}

// Inverse from sytrf's (hermitian: hetrf's) factors; fills the triangle uplo only.
template <class S>
lapack_index sytri(char uplo, lapack_index n, S* a, lapack_index lda, const lapack_index* ipiv, bool hermitian) {
  constexpr int L = LAPACK_COL_MAJOR;
  std::vector<S> work(2 * static_cast<std::size_t>(n));  // n for real ?sytri and ?hetri, 2n for complex ?sytri
  if constexpr (std::is_same_v<S, std::complex<float>>) {
    return hermitian ? LAPACKE_chetri_work(L, uplo, n, a, lda, ipiv, work.data())
                     : LAPACKE_csytri_work(L, uplo, n, a, lda, ipiv, work.data());
  } else if constexpr (std::is_same_v<S, std::complex<double>>) {
    return hermitian ? LAPACKE_zhetri_work(L, uplo, n, a, lda, ipiv, work.data())
                     : LAPACKE_zsytri_work(L, uplo, n, a, lda, ipiv, work.data());
  } else {
    SCILEARN_LAPACK_DISPATCH(S, LAPACKE_ssytri_work(L, uplo, n, a, lda, ipiv, work.data()),
                             LAPACKE_dsytri_work(L, uplo, n, a, lda, ipiv, work.data()), 0, 0)
  }
}

}  // namespace scilearn::linalg::detail
