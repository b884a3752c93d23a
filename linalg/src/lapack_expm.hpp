#pragma once
// Internal: LAPACK's reverse-communication 1-norm estimator (?lacn2, Higham's
// refinement of Hager's method) for expm's degree selection, in the style of
// lapack.hpp.

#include "lapack.hpp"

namespace scilearn::linalg::detail {

// One step of ?lacn2. On the first call kase is 0; on return kase 1 asks for
// x <- B x, kase 2 for x <- B^H x, kase 0 means est holds the estimate of
// ||B||_1. v: n entries of workspace; isgn: n (real types only); isave: 3.
template <class S>
void lacn2(lapack_index n, S* v, S* x, lapack_index* isgn, real_t<S>* est, lapack_index* kase, lapack_index* isave) {
  if constexpr (std::is_same_v<S, float>) {
    LAPACKE_slacn2(n, v, x, isgn, est, kase, isave);
  } else if constexpr (std::is_same_v<S, double>) {
    LAPACKE_dlacn2(n, v, x, isgn, est, kase, isave);
  } else if constexpr (std::is_same_v<S, std::complex<float>>) {
    LAPACKE_clacn2(n, v, x, est, kase, isave);
  } else {
    static_assert(std::is_same_v<S, std::complex<double>>);
    LAPACKE_zlacn2(n, v, x, est, kase, isave);
  }
}

}  // namespace scilearn::linalg::detail
