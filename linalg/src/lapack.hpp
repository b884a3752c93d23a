#pragma once
// Internal: type-generic wrappers over LAPACKE's *_work routines (column-major,
// no hidden NaN scans, caller-owned workspace where LAPACK needs it). One
// template per LAPACK routine, dispatching on the scalar to the s/d/c/z variant,
// so linalg's algorithms are written once for all four scalar types.
//
// Never included by public headers: LAPACK types stay out of the API.

#include <cmath>
#include <complex>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/types.hpp>
#include <type_traits>
#include <vector>

#define lapack_complex_float std::complex<float>
#define lapack_complex_double std::complex<double>
#include <lapacke.h>

namespace scilearn::linalg::detail {

using lapack_index = lapack_int;

template <class S>
using real_t = typename Eigen::NumTraits<S>::Real;

template <class S>
inline constexpr bool is_complex_v = Eigen::NumTraits<S>::IsComplex;

// LAPACK's eps, lamch('E'): the relative machine precision (unit roundoff),
// which SciPy compares rcond against before warning.
template <class S>
constexpr real_t<S> lamch_eps() {
  return std::numeric_limits<real_t<S>>::epsilon() / 2;
}

// LAPACK indexes with 32-bit ints; refuse sizes it cannot address.
inline lapack_index to_lapack_index(std::string_view where, Index n) {
  if (n > std::numeric_limits<lapack_index>::max()) {
    throw ValueError(cat(where, ": dimension ", n, " exceeds the 32-bit LAPACK index range"));
  }
  return static_cast<lapack_index>(n);
}

// Turns LAPACK's info < 0 (an argument LAPACK rejected) into a BackendError:
// it means a bug on our side, never bad user data, since inputs are validated.
inline void check_argument_info(const char* routine, lapack_index info) {
  if (info < 0) {
    throw BackendError(cat("LAPACK ", routine), info,
                       cat("LAPACK ", routine, " rejected argument ", -info, " (internal error)"));
  }
}

// Returns the call for S's LAPACK variant; usable by every linalg source
// (linalg/src/lapack_*.hpp add routines the same way).
#define SCILEARN_LAPACK_DISPATCH(S, call_s, call_d, call_c, call_z) \
  if constexpr (std::is_same_v<S, float>) {                         \
    return call_s;                                                  \
  } else if constexpr (std::is_same_v<S, double>) {                 \
    return call_d;                                                  \
  } else if constexpr (std::is_same_v<S, std::complex<float>>) {    \
    return call_c;                                                  \
  } else {                                                          \
    static_assert(std::is_same_v<S, std::complex<double>>);         \
    return call_z;                                                  \
  }

// A workspace size returned by a query in a floating-point slot. LAPACK rounds
// it up so that it survives the conversion; ceil guards older LAPACKs.
template <class S>
lapack_index queried_size(S value) {
  return std::max<lapack_index>(1, static_cast<lapack_index>(std::ceil(Eigen::numext::real(value))));
}

// Runs a routine that takes (work, lwork): LAPACK's workspace query first
// (lwork = -1), then the call with the workspace it asked for.
template <class S, class Call>
lapack_index call_with_workspace(const char* routine, Call&& call) {
  S query{};
  check_argument_info(routine, call(&query, -1));
  const lapack_index lwork = queried_size(query);
  std::vector<S> work(static_cast<std::size_t>(lwork));
  return call(work.data(), lwork);
}

// ---- norms -------------------------------------------------------------

// 1-norm (maximum column sum) of a general n x n matrix.
template <class S>
real_t<S> lange_1(lapack_index n, const S* a, lapack_index lda) {
  constexpr int L = LAPACK_COL_MAJOR;
  real_t<S>* no_work = nullptr;  // the 1-norm needs no workspace
  SCILEARN_LAPACK_DISPATCH(
      S, LAPACKE_slange_work(L, '1', n, n, a, lda, no_work), LAPACKE_dlange_work(L, '1', n, n, a, lda, no_work),
      LAPACKE_clange_work(L, '1', n, n, a, lda, no_work), LAPACKE_zlange_work(L, '1', n, n, a, lda, no_work))
}

// 1-norm of a symmetric (hermitian = false) or Hermitian matrix stored in one triangle.
template <class S>
real_t<S> lansy_1(char uplo, lapack_index n, const S* a, lapack_index lda, bool hermitian) {
  constexpr int L = LAPACK_COL_MAJOR;
  std::vector<real_t<S>> work(static_cast<std::size_t>(n));
  if constexpr (is_complex_v<S>) {
    if (hermitian) {
      if constexpr (std::is_same_v<S, std::complex<float>>) {
        return LAPACKE_clanhe_work(L, '1', uplo, n, a, lda, work.data());
      } else {
        return LAPACKE_zlanhe_work(L, '1', uplo, n, a, lda, work.data());
      }
    }
  }
  SCILEARN_LAPACK_DISPATCH(S, LAPACKE_slansy_work(L, '1', uplo, n, a, lda, work.data()),
                           LAPACKE_dlansy_work(L, '1', uplo, n, a, lda, work.data()),
                           LAPACKE_clansy_work(L, '1', uplo, n, a, lda, work.data()),
                           LAPACKE_zlansy_work(L, '1', uplo, n, a, lda, work.data()))
}

// ---- general: LU with partial pivoting ----------------------------------

template <class S>
lapack_index getrf(lapack_index n, S* a, lapack_index lda, lapack_index* ipiv) {
  constexpr int L = LAPACK_COL_MAJOR;
  SCILEARN_LAPACK_DISPATCH(S, LAPACKE_sgetrf_work(L, n, n, a, lda, ipiv), LAPACKE_dgetrf_work(L, n, n, a, lda, ipiv),
                           LAPACKE_cgetrf_work(L, n, n, a, lda, ipiv), LAPACKE_zgetrf_work(L, n, n, a, lda, ipiv))
}

template <class S>
lapack_index getrs(char trans, lapack_index n, lapack_index nrhs, const S* a, lapack_index lda,
                   const lapack_index* ipiv, S* b, lapack_index ldb) {
  constexpr int L = LAPACK_COL_MAJOR;
  SCILEARN_LAPACK_DISPATCH(S, LAPACKE_sgetrs_work(L, trans, n, nrhs, a, lda, ipiv, b, ldb),
                           LAPACKE_dgetrs_work(L, trans, n, nrhs, a, lda, ipiv, b, ldb),
                           LAPACKE_cgetrs_work(L, trans, n, nrhs, a, lda, ipiv, b, ldb),
                           LAPACKE_zgetrs_work(L, trans, n, nrhs, a, lda, ipiv, b, ldb))
}

// Reciprocal 1-norm condition number estimate from getrf's factors.
template <class S>
real_t<S> gecon_1(lapack_index n, const S* lu, lapack_index lda, real_t<S> anorm) {
  constexpr int L = LAPACK_COL_MAJOR;
  const auto un = static_cast<std::size_t>(n);
  real_t<S> rcond = 0;
  lapack_index info = 0;
  if constexpr (is_complex_v<S>) {
    std::vector<S> work(2 * un);
    std::vector<real_t<S>> rwork(2 * un);
    if constexpr (std::is_same_v<S, std::complex<float>>) {
      info = LAPACKE_cgecon_work(L, '1', n, lu, lda, anorm, &rcond, work.data(), rwork.data());
    } else {
      info = LAPACKE_zgecon_work(L, '1', n, lu, lda, anorm, &rcond, work.data(), rwork.data());
    }
  } else {
    std::vector<S> work(4 * un);
    std::vector<lapack_index> iwork(un);
    if constexpr (std::is_same_v<S, float>) {
      info = LAPACKE_sgecon_work(L, '1', n, lu, lda, anorm, &rcond, work.data(), iwork.data());
    } else {
      info = LAPACKE_dgecon_work(L, '1', n, lu, lda, anorm, &rcond, work.data(), iwork.data());
    }
  }
  check_argument_info("gecon", info);
  return rcond;
}

// ---- symmetric / Hermitian indefinite: Bunch-Kaufman ---------------------

// sytrf (hermitian = false) or hetrf (hermitian = true, complex only), with
// LAPACK's workspace query for the blocked algorithm.
template <class S>
lapack_index sytrf(char uplo, lapack_index n, S* a, lapack_index lda, lapack_index* ipiv, bool hermitian) {
  constexpr int L = LAPACK_COL_MAJOR;
  auto call = [&](S* work, lapack_index lwork) -> lapack_index {
    if constexpr (std::is_same_v<S, std::complex<float>>) {
      return hermitian ? LAPACKE_chetrf_work(L, uplo, n, a, lda, ipiv, work, lwork)
                       : LAPACKE_csytrf_work(L, uplo, n, a, lda, ipiv, work, lwork);
    } else if constexpr (std::is_same_v<S, std::complex<double>>) {
      return hermitian ? LAPACKE_zhetrf_work(L, uplo, n, a, lda, ipiv, work, lwork)
                       : LAPACKE_zsytrf_work(L, uplo, n, a, lda, ipiv, work, lwork);
    } else {
      SCILEARN_LAPACK_DISPATCH(S, LAPACKE_ssytrf_work(L, uplo, n, a, lda, ipiv, work, lwork),
                               LAPACKE_dsytrf_work(L, uplo, n, a, lda, ipiv, work, lwork), 0, 0)
    }
  };
  return call_with_workspace<S>(hermitian ? "hetrf" : "sytrf", call);
}

template <class S>
lapack_index sytrs(char uplo, lapack_index n, lapack_index nrhs, const S* a, lapack_index lda, const lapack_index* ipiv,
                   S* b, lapack_index ldb, bool hermitian) {
  constexpr int L = LAPACK_COL_MAJOR;
  if constexpr (std::is_same_v<S, std::complex<float>>) {
    return hermitian ? LAPACKE_chetrs_work(L, uplo, n, nrhs, a, lda, ipiv, b, ldb)
                     : LAPACKE_csytrs_work(L, uplo, n, nrhs, a, lda, ipiv, b, ldb);
  } else if constexpr (std::is_same_v<S, std::complex<double>>) {
    return hermitian ? LAPACKE_zhetrs_work(L, uplo, n, nrhs, a, lda, ipiv, b, ldb)
                     : LAPACKE_zsytrs_work(L, uplo, n, nrhs, a, lda, ipiv, b, ldb);
  } else {
    SCILEARN_LAPACK_DISPATCH(S, LAPACKE_ssytrs_work(L, uplo, n, nrhs, a, lda, ipiv, b, ldb),
                             LAPACKE_dsytrs_work(L, uplo, n, nrhs, a, lda, ipiv, b, ldb), 0, 0)
  }
}

template <class S>
real_t<S> sycon_1(char uplo, lapack_index n, const S* a, lapack_index lda, const lapack_index* ipiv, real_t<S> anorm,
                  bool hermitian) {
  constexpr int L = LAPACK_COL_MAJOR;
  const auto un = static_cast<std::size_t>(n);
  real_t<S> rcond = 0;
  lapack_index info = 0;
  std::vector<S> work(2 * un);
  if constexpr (std::is_same_v<S, std::complex<float>>) {
    info = hermitian ? LAPACKE_checon_work(L, uplo, n, a, lda, ipiv, anorm, &rcond, work.data())
                     : LAPACKE_csycon_work(L, uplo, n, a, lda, ipiv, anorm, &rcond, work.data());
  } else if constexpr (std::is_same_v<S, std::complex<double>>) {
    info = hermitian ? LAPACKE_zhecon_work(L, uplo, n, a, lda, ipiv, anorm, &rcond, work.data())
                     : LAPACKE_zsycon_work(L, uplo, n, a, lda, ipiv, anorm, &rcond, work.data());
  } else {
    std::vector<lapack_index> iwork(un);
    if constexpr (std::is_same_v<S, float>) {
      info = LAPACKE_ssycon_work(L, uplo, n, a, lda, ipiv, anorm, &rcond, work.data(), iwork.data());
    } else {
      info = LAPACKE_dsycon_work(L, uplo, n, a, lda, ipiv, anorm, &rcond, work.data(), iwork.data());
    }
  }
  check_argument_info("sycon", info);
  return rcond;
}

// ---- symmetric / Hermitian positive definite: Cholesky -------------------

template <class S>
lapack_index potrf(char uplo, lapack_index n, S* a, lapack_index lda) {
  constexpr int L = LAPACK_COL_MAJOR;
  SCILEARN_LAPACK_DISPATCH(S, LAPACKE_spotrf_work(L, uplo, n, a, lda), LAPACKE_dpotrf_work(L, uplo, n, a, lda),
                           LAPACKE_cpotrf_work(L, uplo, n, a, lda), LAPACKE_zpotrf_work(L, uplo, n, a, lda))
}

template <class S>
lapack_index potrs(char uplo, lapack_index n, lapack_index nrhs, const S* a, lapack_index lda, S* b, lapack_index ldb) {
  constexpr int L = LAPACK_COL_MAJOR;
  SCILEARN_LAPACK_DISPATCH(
      S, LAPACKE_spotrs_work(L, uplo, n, nrhs, a, lda, b, ldb), LAPACKE_dpotrs_work(L, uplo, n, nrhs, a, lda, b, ldb),
      LAPACKE_cpotrs_work(L, uplo, n, nrhs, a, lda, b, ldb), LAPACKE_zpotrs_work(L, uplo, n, nrhs, a, lda, b, ldb))
}

template <class S>
real_t<S> pocon_1(char uplo, lapack_index n, const S* a, lapack_index lda, real_t<S> anorm) {
  constexpr int L = LAPACK_COL_MAJOR;
  const auto un = static_cast<std::size_t>(n);
  real_t<S> rcond = 0;
  lapack_index info = 0;
  if constexpr (is_complex_v<S>) {
    std::vector<S> work(2 * un);
    std::vector<real_t<S>> rwork(un);
    if constexpr (std::is_same_v<S, std::complex<float>>) {
      info = LAPACKE_cpocon_work(L, uplo, n, a, lda, anorm, &rcond, work.data(), rwork.data());
    } else {
      info = LAPACKE_zpocon_work(L, uplo, n, a, lda, anorm, &rcond, work.data(), rwork.data());
    }
  } else {
    std::vector<S> work(3 * un);
    std::vector<lapack_index> iwork(un);
    if constexpr (std::is_same_v<S, float>) {
      info = LAPACKE_spocon_work(L, uplo, n, a, lda, anorm, &rcond, work.data(), iwork.data());
    } else {
      info = LAPACKE_dpocon_work(L, uplo, n, a, lda, anorm, &rcond, work.data(), iwork.data());
    }
  }
  check_argument_info("pocon", info);
  return rcond;
}

// ---- triangular ----------------------------------------------------------

template <class S>
lapack_index trtrs(char uplo, char trans, char diag, lapack_index n, lapack_index nrhs, const S* a, lapack_index lda,
                   S* b, lapack_index ldb) {
  constexpr int L = LAPACK_COL_MAJOR;
  SCILEARN_LAPACK_DISPATCH(S, LAPACKE_strtrs_work(L, uplo, trans, diag, n, nrhs, a, lda, b, ldb),
                           LAPACKE_dtrtrs_work(L, uplo, trans, diag, n, nrhs, a, lda, b, ldb),
                           LAPACKE_ctrtrs_work(L, uplo, trans, diag, n, nrhs, a, lda, b, ldb),
                           LAPACKE_ztrtrs_work(L, uplo, trans, diag, n, nrhs, a, lda, b, ldb))
}

}  // namespace scilearn::linalg::detail
