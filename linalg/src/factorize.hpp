#pragma once
// Internal: the checked factorizations that solve() and inv() share. Each
// factors its own copy of a (LAPACK works in place; the caller's a is never
// touched), turns an exactly singular or indefinite a into LinAlgError and a
// reciprocal condition estimate below the unit roundoff into SciPy's
// LinAlgWarning, naming the calling function in both.

#include <Eigen/LU>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/warnings.hpp>
#include <vector>

#include "lapack.hpp"

namespace scilearn::linalg::detail {

// SciPy's rule (scipy.linalg.solve / inv): warn, not fail, when rcond falls
// below the unit roundoff of the scalar type.
template <class S>
void warn_if_ill_conditioned(const char* where, real_t<S> rcond) {
  if (rcond < lamch_eps<S>()) {
    warn(WarningCategory::linalg,
         cat(where, ": ill-conditioned matrix (rcond=", rcond, "): result may not be accurate"));
  }
}

// Up to this order, general matrices are factored by Eigen's LU rather than
// LAPACK's. Same algorithm (partial pivoting with row interchanges, then the
// Hager-Higham 1-norm estimate that ?gecon also uses), but OpenBLAS's getrf /
// getrs / gecon carry a fixed cost per call (workspace allocation under a lock,
// parameter checks) that dominates small systems: with OpenBLAS 0.3.21, Eigen's
// LU was 2.7x faster at n = 4 and 1.5x at n = 100, and slower from n = 200 on,
// where LAPACK's blocked, threaded factorization wins.
// Not for std::complex<float>: Eigen 3.4.0's SSE kernel for it loads a
// complex<float> (4-byte aligned) as a double, which UBSan rightly reports as a
// misaligned load; LAPACK serves that type at every size.
constexpr Index kSmallGeneralOrder = 128;

template <class S>
constexpr bool use_eigen_lu(Index n) {
  return n <= kSmallGeneralOrder && !std::is_same_v<S, std::complex<float>>;
}

// Eigen's LU, with getrf's rule for singularity: an exactly zero pivot is a
// LinAlgError (Eigen itself keeps going). The caller checks the conditioning.
template <class S>
Eigen::PartialPivLU<MatrixT<S>> eigen_lu_nonsingular(const char* where, const Eigen::Ref<const MatrixT<S>>& a) {
  Eigen::PartialPivLU<MatrixT<S>> lu(a);
  const auto& u = lu.matrixLU();
  for (Index i = 0; i < u.rows(); ++i) {
    if (u(i, i) == S(0)) throw LinAlgError(cat(where, ": matrix is singular (U(", i, ", ", i, ") is exactly zero)"));
  }
  return lu;
}

// A factorization with LAPACK's 1-based pivot indices.
template <class S>
struct PivotedFactor {
  MatrixT<S> f;
  std::vector<lapack_index> ipiv;
};

// P a = L U by ?getrf.
template <class S>
PivotedFactor<S> lu_checked(const char* where, MatrixT<S> a) {
  const lapack_index n = to_lapack_index(where, a.rows());
  const real_t<S> anorm = lange_1(n, a.data(), n);
  std::vector<lapack_index> ipiv(static_cast<std::size_t>(n));
  const lapack_index info = getrf(n, a.data(), n, ipiv.data());
  check_argument_info("getrf", info);
  if (info > 0) {
    throw LinAlgError(cat(where, ": matrix is singular (U(", info - 1, ", ", info - 1, ") is exactly zero)"));
  }
  warn_if_ill_conditioned<S>(where, gecon_1(n, a.data(), n, anorm));
  return {std::move(a), std::move(ipiv)};
}

// a = L D L^T (hermitian: L D L^H) by Bunch-Kaufman, ?sytrf / ?hetrf, in place
// from the triangle uplo of the square a; ipiv is resized to LAPACK's n pivots.
// Returns the 1-norm of the symmetric / Hermitian a (for sycon) and sets *info
// to sytrf's: 0, or i + 1 when D(i, i) is exactly zero (the factor is still valid).
template <class S>
real_t<S> ldl_factor(const char* where, MatrixT<S>& a, std::vector<lapack_index>& ipiv, char uplo, bool hermitian,
                     lapack_index* info) {
  const lapack_index n = to_lapack_index(where, a.rows());
  ipiv.resize(static_cast<std::size_t>(n));
  *info = 0;
  if (n == 0) return 0;
  const real_t<S> anorm = lansy_1(uplo, n, a.data(), n, hermitian);
  *info = sytrf(uplo, n, a.data(), n, ipiv.data(), hermitian);
  check_argument_info(hermitian ? "hetrf" : "sytrf", *info);
  return anorm;
}

// The LinAlgError for ldl_factor's info > 0.
inline void check_ldl_nonsingular(const char* where, lapack_index info) {
  if (info > 0) {
    throw LinAlgError(cat(where, ": matrix is singular (D(", info - 1, ", ", info - 1, ") is exactly zero)"));
  }
}

// ldl_factor, with an exactly singular a a LinAlgError and an ill-conditioned one a warning.
template <class S>
PivotedFactor<S> ldl_checked(const char* where, MatrixT<S> a, char uplo, bool hermitian) {
  std::vector<lapack_index> ipiv;
  lapack_index info = 0;
  const real_t<S> anorm = ldl_factor(where, a, ipiv, uplo, hermitian, &info);
  check_ldl_nonsingular(where, info);
  const auto n = static_cast<lapack_index>(a.rows());
  warn_if_ill_conditioned<S>(where, sycon_1(uplo, n, a.data(), n, ipiv.data(), anorm, hermitian));
  return {std::move(a), std::move(ipiv)};
}

// a = U^H U (uplo 'U') or L L^H ('L') by ?potrf.
template <class S>
MatrixT<S> cholesky_checked(const char* where, MatrixT<S> a, char uplo) {
  const lapack_index n = to_lapack_index(where, a.rows());
  const real_t<S> anorm = lansy_1(uplo, n, a.data(), n, /*hermitian=*/true);
  const lapack_index info = potrf(uplo, n, a.data(), n);
  check_argument_info("potrf", info);
  if (info > 0) {
    throw LinAlgError(
        cat(where, ": matrix is not positive definite (the leading minor of order ", info, " is not positive)"));
  }
  warn_if_ill_conditioned<S>(where, pocon_1(uplo, n, a.data(), n, anorm));
  return a;
}

}  // namespace scilearn::linalg::detail
