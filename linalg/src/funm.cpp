// funm: a matrix function by the Schur-Parlett recurrence, as scipy.linalg.funm.

#include <scilearn/core/warnings.hpp>

#include "matrix_functions_common.hpp"

namespace scilearn::linalg::detail {
namespace {

constexpr const char* kWhere = "funm";

template <class S>
void compute(const MatrixT<S>& a, const FunmFunction<real_t<S>>& func, FunmResult<real_t<S>>& out,
             const FunmOptions& options) {
  using R = real_t<S>;
  using C = std::complex<R>;
  check_matrix_function_input(kWhere, a, options.check_finite);
  const Index n = a.rows();
  out.errest = 0;
  if (n == 0) {
    // SciPy 1.17 fails on an empty matrix (it reads t[0, 0]); an empty value is the natural answer.
    out.value.resize(0, 0);
    out.is_real = !is_complex_v<S>;
    return;
  }
  const TriangularForm<R> form = triangular_form(kWhere, a, /*skip_triangular=*/false);
  const MatrixT<C>& t = form.t;
  MatrixT<C> f = MatrixT<C>::Zero(n, n);
  for (Index i = 0; i < n; ++i) f(i, i) = func(t(i, i));
  // Parlett's recurrence (Golub and Van Loan, Algorithm 11.1.1), superdiagonal
  // by superdiagonal: f_ij (t_jj - t_ii) = t_ij (f_jj - f_ii)
  //   + sum_{i<k<j} (t_ik f_kj - f_ik t_kj); as SciPy, a zero t_jj - t_ii
  // leaves the right-hand side undivided.
  R minden = std::abs(t(0, 0));
  for (Index p = 1; p < n; ++p) {
    for (Index i = 0; i + p < n; ++i) {
      const Index j = i + p;
      C s = t(i, j) * (f(j, j) - f(i, i));
      const Index len = p - 1;
      if (len > 0) {
        s += t.row(i).segment(i + 1, len).transpose().cwiseProduct(f.col(j).segment(i + 1, len)).sum() -
             f.row(i).segment(i + 1, len).transpose().cwiseProduct(t.col(j).segment(i + 1, len)).sum();
      }
      const C den = t(j, j) - t(i, i);
      if (den != C(0)) s /= den;
      f(i, j) = s;
      minden = std::min(minden, std::abs(den));
    }
  }
  out.value = back_transform(f, form.z, form.has_z);
  // SciPy's _maybe_real tolerance for the result's precision.
  const double real_tol = std::is_same_v<R, float> ? 1e3 * std::numeric_limits<float>::epsilon()
                                                   : 1e6 * std::numeric_limits<double>::epsilon();
  maybe_real(out, !is_complex_v<S>, real_tol);
  // SciPy's error estimate. SciPy sets it to inf only when every entry is
  // non-finite (a product over the entries); any non-finite entry does here.
  const R tol = std::numeric_limits<R>::epsilon();
  if (minden == R(0)) minden = tol;
  const R strict_norm =
      t.template triangularView<Eigen::StrictlyUpper>().toDenseMatrix().cwiseAbs().colwise().sum().maxCoeff();
  out.errest = std::min(R(1), std::max(tol, (tol / minden) * strict_norm));
  if (!out.value.allFinite()) out.errest = std::numeric_limits<R>::infinity();
  if (options.disp && out.errest > 1000 * tol) {
    warn(WarningCategory::runtime, cat(kWhere, ": funm result may be inaccurate, approximate err = ", out.errest));
  }
}

}  // namespace

void funm(const MatrixT<float>& a, const FunmFunction<float>& func, FunmResult<float>& out,
          const FunmOptions& options) {
  compute(a, func, out, options);
}
void funm(const MatrixT<double>& a, const FunmFunction<double>& func, FunmResult<double>& out,
          const FunmOptions& options) {
  compute(a, func, out, options);
}
void funm(const MatrixT<std::complex<float>>& a, const FunmFunction<float>& func, FunmResult<float>& out,
          const FunmOptions& options) {
  compute(a, func, out, options);
}
void funm(const MatrixT<std::complex<double>>& a, const FunmFunction<double>& func, FunmResult<double>& out,
          const FunmOptions& options) {
  compute(a, func, out, options);
}

}  // namespace scilearn::linalg::detail
