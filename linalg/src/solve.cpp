#include <Eigen/LU>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/linalg/solve.hpp>

#include "lapack.hpp"

namespace scilearn::linalg::detail {
namespace {

constexpr const char* kWhere = "solve";

// After the factorization: SciPy's rule (scipy.linalg.solve) is to warn, not
// fail, when the reciprocal condition estimate falls below the unit roundoff.
template <class S>
void warn_if_ill_conditioned(real_t<S> rcond) {
  if (rcond < lamch_eps<S>()) {
    warn(WarningCategory::linalg, cat("solve: ill-conditioned matrix (rcond=", rcond, "): result may not be accurate"));
  }
}

// Up to this order, gen systems are solved by Eigen's LU rather than LAPACK's.
// Same algorithm (partial pivoting with row interchanges, then the Hager-Higham
// 1-norm estimate that ?gecon also uses), but OpenBLAS's getrf / getrs / gecon
// carry a fixed cost per call (workspace allocation under a lock, parameter
// checks) that dominates small systems: with OpenBLAS 0.3.21, Eigen's LU was
// 2.7x faster at n = 4 and 1.5x at n = 100, and slower from n = 200 on, where
// LAPACK's blocked, threaded factorization wins.
// Not for std::complex<float>: Eigen 3.4.0's SSE kernel for it loads a
// complex<float> (4-byte aligned) as a double, which UBSan rightly reports as
// a misaligned load; LAPACK serves that type at every size.
constexpr Index kSmallGeneralOrder = 128;

template <class S>
constexpr bool use_eigen_lu(Index n) {
  return n <= kSmallGeneralOrder && !std::is_same_v<S, std::complex<float>>;
}

template <class S>
void solve_general_small(const Eigen::Ref<const MatrixT<S>>& a, Eigen::Ref<MatrixT<S>> x, bool transposed) {
  const Eigen::PartialPivLU<MatrixT<S>> lu(a);
  // getrf's rule: singular when a pivot is exactly zero (Eigen keeps going).
  const auto& u = lu.matrixLU();
  for (Index i = 0; i < u.rows(); ++i) {
    if (u(i, i) == S(0)) throw LinAlgError(cat("solve: matrix is singular (U(", i, ", ", i, ") is exactly zero)"));
  }
  const MatrixT<S> b = x;
  if (transposed) {
    x = lu.transpose().solve(b);
  } else {
    x = lu.solve(b);
  }
  warn_if_ill_conditioned<S>(lu.rcond());
}

// LAPACK factors in place, so each LAPACK path takes its own copy of a (by
// value): the caller's a is never touched.
template <class S>
void solve_general(MatrixT<S> lu, Eigen::Ref<MatrixT<S>> x, bool transposed) {
  const lapack_index n = to_lapack_index(kWhere, lu.rows());
  const lapack_index nrhs = to_lapack_index(kWhere, x.cols());
  const real_t<S> anorm = lange_1(n, lu.data(), n);
  std::vector<lapack_index> ipiv(static_cast<std::size_t>(n));
  const lapack_index info = getrf(n, lu.data(), n, ipiv.data());
  check_argument_info("getrf", info);
  if (info > 0) {
    throw LinAlgError(cat("solve: matrix is singular (U(", info - 1, ", ", info - 1, ") is exactly zero)"));
  }
  check_argument_info("getrs", getrs(transposed ? 'T' : 'N', n, nrhs, lu.data(), n, ipiv.data(), x.data(),
                                     to_lapack_index(kWhere, x.outerStride())));
  warn_if_ill_conditioned<S>(gecon_1(n, lu.data(), n, anorm));
}

template <class S>
void solve_symmetric(MatrixT<S> f, Eigen::Ref<MatrixT<S>> x, char uplo, bool hermitian) {
  const lapack_index n = to_lapack_index(kWhere, f.rows());
  const lapack_index nrhs = to_lapack_index(kWhere, x.cols());
  const real_t<S> anorm = lansy_1(uplo, n, f.data(), n, hermitian);
  std::vector<lapack_index> ipiv(static_cast<std::size_t>(n));
  const lapack_index info = sytrf(uplo, n, f.data(), n, ipiv.data(), hermitian);
  check_argument_info(hermitian ? "hetrf" : "sytrf", info);
  if (info > 0) {
    throw LinAlgError(cat("solve: matrix is singular (D(", info - 1, ", ", info - 1, ") is exactly zero)"));
  }
  check_argument_info(hermitian ? "hetrs" : "sytrs", sytrs(uplo, n, nrhs, f.data(), n, ipiv.data(), x.data(),
                                                           to_lapack_index(kWhere, x.outerStride()), hermitian));
  warn_if_ill_conditioned<S>(sycon_1(uplo, n, f.data(), n, ipiv.data(), anorm, hermitian));
}

template <class S>
void solve_positive_definite(MatrixT<S> f, Eigen::Ref<MatrixT<S>> x, char uplo) {
  const lapack_index n = to_lapack_index(kWhere, f.rows());
  const lapack_index nrhs = to_lapack_index(kWhere, x.cols());
  const real_t<S> anorm = lansy_1(uplo, n, f.data(), n, /*hermitian=*/true);
  const lapack_index info = potrf(uplo, n, f.data(), n);
  check_argument_info("potrf", info);
  if (info > 0) {
    throw LinAlgError(
        cat("solve: matrix is not positive definite (the leading minor of order ", info, " is not positive)"));
  }
  check_argument_info("potrs", potrs(uplo, n, nrhs, f.data(), n, x.data(), to_lapack_index(kWhere, x.outerStride())));
  warn_if_ill_conditioned<S>(pocon_1(uplo, n, f.data(), n, anorm));
}

template <class S>
void solve_any(const Eigen::Ref<const MatrixT<S>>& a, Eigen::Ref<MatrixT<S>> x, const SolveOptions& options) {
  check_square(kWhere, "a", a);
  if (x.rows() != a.rows()) {
    throw ValueError(cat("solve: a is ", a.rows(), "x", a.cols(), " but b has ", x.rows(), " rows"));
  }
  if (options.check_finite) {
    check_finite(kWhere, "a", a);
    check_finite(kWhere, "b", x);
  }
  if (a.size() == 0 || x.size() == 0) return;  // SciPy: empty in, empty out

  const char uplo = options.lower ? 'L' : 'U';
  // a^T = a for sym (and for real her / pos), so `transposed` changes nothing
  // there. For complex Hermitian a, a^T = conj(a): a^T x = b  <=>  a conj(x) = conj(b).
  const bool conjugate =
      options.transposed && is_complex_v<S> && (options.assume_a == AssumeA::her || options.assume_a == AssumeA::pos);
  if (conjugate) x = x.conjugate();
  switch (options.assume_a) {
    case AssumeA::gen:
      if (use_eigen_lu<S>(a.rows())) {
        solve_general_small<S>(a, x, options.transposed);
      } else {
        solve_general<S>(a, x, options.transposed);
      }
      break;
    case AssumeA::sym: solve_symmetric<S>(a, x, uplo, /*hermitian=*/false); break;
    case AssumeA::her: solve_symmetric<S>(a, x, uplo, /*hermitian=*/is_complex_v<S>); break;
    case AssumeA::pos: solve_positive_definite<S>(a, x, uplo); break;
    default: throw ValueError(cat("solve: unknown assume_a value ", static_cast<int>(options.assume_a)));
  }
  if (conjugate) x = x.conjugate();
}

}  // namespace

void solve_in_place(const Eigen::Ref<const MatrixT<float>>& a, Eigen::Ref<MatrixT<float>> x,
                    const SolveOptions& options) {
  solve_any<float>(a, x, options);
}
void solve_in_place(const Eigen::Ref<const MatrixT<double>>& a, Eigen::Ref<MatrixT<double>> x,
                    const SolveOptions& options) {
  solve_any<double>(a, x, options);
}
void solve_in_place(const Eigen::Ref<const MatrixT<std::complex<float>>>& a, Eigen::Ref<MatrixT<std::complex<float>>> x,
                    const SolveOptions& options) {
  solve_any<std::complex<float>>(a, x, options);
}
void solve_in_place(const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
                    Eigen::Ref<MatrixT<std::complex<double>>> x, const SolveOptions& options) {
  solve_any<std::complex<double>>(a, x, options);
}

}  // namespace scilearn::linalg::detail
