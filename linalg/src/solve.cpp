#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/linalg/solve.hpp>

#include "factorize.hpp"

namespace scilearn::linalg::detail {
namespace {

constexpr const char* kWhere = "solve";

template <class S>
void solve_general_small(const Eigen::Ref<const MatrixT<S>>& a, Eigen::Ref<MatrixT<S>> x, bool transposed) {
  const auto lu = eigen_lu_nonsingular<S>(kWhere, a);
  warn_if_ill_conditioned<S>(kWhere, lu.rcond());
  const MatrixT<S> b = x;
  if (transposed) {
    x = lu.transpose().solve(b);
  } else {
    x = lu.solve(b);
  }
}

template <class S>
void solve_general(const Eigen::Ref<const MatrixT<S>>& a, Eigen::Ref<MatrixT<S>> x, bool transposed) {
  const PivotedFactor<S> lu = lu_checked<S>(kWhere, a);
  const lapack_index n = to_lapack_index(kWhere, a.rows());
  check_argument_info("getrs", getrs(transposed ? 'T' : 'N', n, to_lapack_index(kWhere, x.cols()), lu.f.data(), n,
                                     lu.ipiv.data(), x.data(), to_lapack_index(kWhere, x.outerStride())));
}

template <class S>
void solve_symmetric(const Eigen::Ref<const MatrixT<S>>& a, Eigen::Ref<MatrixT<S>> x, char uplo, bool hermitian) {
  const PivotedFactor<S> ldl = ldl_checked<S>(kWhere, a, uplo, hermitian);
  const lapack_index n = to_lapack_index(kWhere, a.rows());
  check_argument_info(hermitian ? "hetrs" : "sytrs",
                      sytrs(uplo, n, to_lapack_index(kWhere, x.cols()), ldl.f.data(), n, ldl.ipiv.data(), x.data(),
                            to_lapack_index(kWhere, x.outerStride()), hermitian));
}

template <class S>
void solve_positive_definite(const Eigen::Ref<const MatrixT<S>>& a, Eigen::Ref<MatrixT<S>> x, char uplo) {
  const MatrixT<S> c = cholesky_checked<S>(kWhere, a, uplo);
  const lapack_index n = to_lapack_index(kWhere, a.rows());
  check_argument_info("potrs", potrs(uplo, n, to_lapack_index(kWhere, x.cols()), c.data(), n, x.data(),
                                     to_lapack_index(kWhere, x.outerStride())));
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
