#pragma once
// Internal: LAPACK wrappers for the LU and Cholesky decompositions that
// lapack.hpp does not have (it factors square matrices only).

#include "lapack.hpp"

namespace scilearn::linalg::detail {

// LU with partial pivoting of a general m x n matrix (scipy.linalg.lu and
// lu_factor accept rectangular input): a = P L U, L m x min(m, n) unit lower
// trapezoidal, U min(m, n) x n upper trapezoidal; ipiv has min(m, n) entries.
template <class S>
lapack_index getrf_mn(lapack_index m, lapack_index n, S* a, lapack_index lda, lapack_index* ipiv) {
  constexpr int L = LAPACK_COL_MAJOR;
  SCILEARN_LAPACK_DISPATCH(S, LAPACKE_sgetrf_work(L, m, n, a, lda, ipiv), LAPACKE_dgetrf_work(L, m, n, a, lda, ipiv),
                           LAPACKE_cgetrf_work(L, m, n, a, lda, ipiv), LAPACKE_zgetrf_work(L, m, n, a, lda, ipiv))
}

}  // namespace scilearn::linalg::detail
