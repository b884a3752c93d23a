#pragma once
// Internal: LAPACK ?gebal, the balancing that scipy.linalg.matrix_balance and
// the Riccati solvers use.

#include "lapack.hpp"

namespace scilearn::linalg::detail {

// ?gebal with job 'S' (scale only, no permutation) on a real square matrix:
// the diagonal scaling d (powers of the radix) for which d^-1 a d has rows and
// columns of balanced norms. a is not modified.
template <class R>
VectorT<R> gebal_scaling(const MatrixT<R>& a) {
  static_assert(std::is_same_v<R, float> || std::is_same_v<R, double>);
  MatrixT<R> work = a;
  const lapack_index n = to_lapack_index("gebal", a.rows());
  VectorT<R> scale(a.rows());
  lapack_index ilo = 0;
  lapack_index ihi = 0;
  constexpr int L = LAPACK_COL_MAJOR;
  lapack_index info = 0;
  if constexpr (std::is_same_v<R, float>) {
    info = LAPACKE_sgebal_work(L, 'S', n, work.data(), std::max<lapack_index>(1, n), &ilo, &ihi, scale.data());
  } else {
    info = LAPACKE_dgebal_work(L, 'S', n, work.data(), std::max<lapack_index>(1, n), &ilo, &ihi, scale.data());
  }
  check_argument_info("gebal", info);
  return scale;
}

}  // namespace scilearn::linalg::detail
