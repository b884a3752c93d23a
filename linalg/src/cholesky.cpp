#include <scilearn/core/validation.hpp>
#include <scilearn/linalg/cholesky.hpp>

#include "lapack_decomp.hpp"

namespace scilearn::linalg::detail {
namespace {

template <class S>
Index factor(const char* where, MatrixT<S>& c, const CholeskyOptions& options, bool clean, real_t<S>* anorm) {
  check_square(where, "a", c);
  if (options.check_finite) check_finite(where, "a", c);
  const lapack_index n = to_lapack_index(where, c.rows());
  if (anorm != nullptr) *anorm = 0;
  if (n == 0) return 0;  // SciPy: an empty a has an empty factor
  const char uplo = options.lower ? 'L' : 'U';
  if (anorm != nullptr) *anorm = lansy_1(uplo, n, c.data(), n, /*hermitian=*/true);
  const lapack_index info = potrf(uplo, n, c.data(), n);
  check_argument_info("potrf", info);
  if (clean) {
    if (options.lower) {
      c.template triangularView<Eigen::StrictlyUpper>().setZero();
    } else {
      c.template triangularView<Eigen::StrictlyLower>().setZero();
    }
  }
  return info;
}

template <class S>
void solve_with(const char* where, const ChoFactor<S>& f, Eigen::Ref<MatrixT<S>> x, const ChoSolveOptions& options) {
  check_square(where, "c", f.c);
  const Index n = f.c.rows();
  if (x.rows() != n) throw ValueError(cat(where, ": c is ", n, "x", n, " but b has ", x.rows(), " rows"));
  if (options.check_finite) {
    check_finite(where, "c", f.c);
    check_finite(where, "b", x);
  }
  if (x.size() == 0) return;  // SciPy: empty b in, empty x out
  const lapack_index ln = to_lapack_index(where, n);
  check_argument_info("potrs", potrs(f.lower ? 'L' : 'U', ln, to_lapack_index(where, x.cols()), f.c.data(), ln,
                                     x.data(), to_lapack_index(where, x.outerStride())));
}

template <class S>
real_t<S> rcond_of(const ChoFactor<S>& f, real_t<S> anorm) {
  const lapack_index n = to_lapack_index("Cholesky::rcond", f.c.rows());
  if (n == 0) return 1;  // LAPACK's convention for an empty matrix
  return pocon_1(f.lower ? 'L' : 'U', n, f.c.data(), n, anorm);
}

}  // namespace

Index cholesky_in_place(const char* where, MatrixT<float>& c, const CholeskyOptions& options, bool clean,
                        float* anorm) {
  return factor(where, c, options, clean, anorm);
}
Index cholesky_in_place(const char* where, MatrixT<double>& c, const CholeskyOptions& options, bool clean,
                        double* anorm) {
  return factor(where, c, options, clean, anorm);
}
Index cholesky_in_place(const char* where, MatrixT<std::complex<float>>& c, const CholeskyOptions& options, bool clean,
                        float* anorm) {
  return factor(where, c, options, clean, anorm);
}
Index cholesky_in_place(const char* where, MatrixT<std::complex<double>>& c, const CholeskyOptions& options, bool clean,
                        double* anorm) {
  return factor(where, c, options, clean, anorm);
}

void check_positive_definite(const char* where, Index info) {
  // LAPACK ?potrf's info: the order of the first leading minor that is not
  // positive (SciPy: "k-th leading minor of the array is not positive definite").
  if (info > 0) throw LinAlgError(cat(where, ": the leading minor of order ", info, " is not positive definite"));
}

void cho_solve_in_place(const char* where, const ChoFactor<float>& f, Eigen::Ref<MatrixT<float>> x,
                        const ChoSolveOptions& options) {
  solve_with(where, f, x, options);
}
void cho_solve_in_place(const char* where, const ChoFactor<double>& f, Eigen::Ref<MatrixT<double>> x,
                        const ChoSolveOptions& options) {
  solve_with(where, f, x, options);
}
void cho_solve_in_place(const char* where, const ChoFactor<std::complex<float>>& f,
                        Eigen::Ref<MatrixT<std::complex<float>>> x, const ChoSolveOptions& options) {
  solve_with(where, f, x, options);
}
void cho_solve_in_place(const char* where, const ChoFactor<std::complex<double>>& f,
                        Eigen::Ref<MatrixT<std::complex<double>>> x, const ChoSolveOptions& options) {
  solve_with(where, f, x, options);
}

float cho_rcond(const ChoFactor<float>& f, float anorm) { return rcond_of(f, anorm); }
double cho_rcond(const ChoFactor<double>& f, double anorm) { return rcond_of(f, anorm); }
float cho_rcond(const ChoFactor<std::complex<float>>& f, float anorm) { return rcond_of(f, anorm); }
double cho_rcond(const ChoFactor<std::complex<double>>& f, double anorm) { return rcond_of(f, anorm); }

}  // namespace scilearn::linalg::detail
