#pragma once
// Internal: what expm needs beyond lapack.hpp: BLAS ?gemm called directly, and
// LAPACK's reverse-communication 1-norm estimator (?lacn2, Higham's refinement
// of Hager's method) for the degree selection.

#include "lapack.hpp"

namespace scilearn::linalg::detail {

// c = a b + beta c by BLAS ?gemm (the Fortran symbols Eigen declares under
// EIGEN_USE_BLAS). Eigen's `c.noalias() = a * b` on a large product zero-fills
// c and then calls ?gemm with beta = 1: an extra write and read of c per
// product, which expm (one product per squaring) does without.
template <class S>
void gemm(const Eigen::Ref<const MatrixT<S>>& a, const Eigen::Ref<const MatrixT<S>>& b, S beta,
          Eigen::Ref<MatrixT<S>> c) {
  const int m = static_cast<int>(c.rows()), n = static_cast<int>(c.cols()), k = static_cast<int>(a.cols());
  const int lda = static_cast<int>(a.outerStride()), ldb = static_cast<int>(b.outerStride());
  const int ldc = static_cast<int>(c.outerStride());
  const S one(1);
  using R = real_t<S>;
  const auto* pa = reinterpret_cast<const R*>(a.data());
  const auto* pb = reinterpret_cast<const R*>(b.data());
  auto* pc = reinterpret_cast<R*>(c.data());
  const auto* palpha = reinterpret_cast<const R*>(&one);
  const auto* pbeta = reinterpret_cast<const R*>(&beta);
  if constexpr (std::is_same_v<S, float>) {
    sgemm_("N", "N", &m, &n, &k, palpha, pa, &lda, pb, &ldb, pbeta, pc, &ldc);
  } else if constexpr (std::is_same_v<S, double>) {
    dgemm_("N", "N", &m, &n, &k, palpha, pa, &lda, pb, &ldb, pbeta, pc, &ldc);
  } else if constexpr (std::is_same_v<S, std::complex<float>>) {
    cgemm_("N", "N", &m, &n, &k, palpha, pa, &lda, pb, &ldb, pbeta, pc, &ldc);
  } else {
    static_assert(std::is_same_v<S, std::complex<double>>);
    zgemm_("N", "N", &m, &n, &k, palpha, pa, &lda, pb, &ldb, pbeta, pc, &ldc);
  }
}

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
