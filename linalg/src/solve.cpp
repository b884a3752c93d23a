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

template <class S>
void solve_general(MatrixT<S>& lu, Eigen::Ref<MatrixT<S>> x, bool transposed) {
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
void solve_symmetric(MatrixT<S>& f, Eigen::Ref<MatrixT<S>> x, char uplo, bool hermitian) {
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
void solve_positive_definite(MatrixT<S>& f, Eigen::Ref<MatrixT<S>> x, char uplo) {
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

  // LAPACK factors in place: work on a copy, so the caller's a is never touched.
  MatrixT<S> factor = a;
  const char uplo = options.lower ? 'L' : 'U';
  // a^T = a for sym (and for real her / pos), so `transposed` changes nothing
  // there. For complex Hermitian a, a^T = conj(a): a^T x = b  <=>  a conj(x) = conj(b).
  const bool conjugate =
      options.transposed && is_complex_v<S> && (options.assume_a == AssumeA::her || options.assume_a == AssumeA::pos);
  if (conjugate) x = x.conjugate();
  switch (options.assume_a) {
    case AssumeA::gen: solve_general(factor, x, options.transposed); break;
    case AssumeA::sym: solve_symmetric(factor, x, uplo, /*hermitian=*/false); break;
    case AssumeA::her: solve_symmetric(factor, x, uplo, /*hermitian=*/is_complex_v<S>); break;
    case AssumeA::pos: solve_positive_definite(factor, x, uplo); break;
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
