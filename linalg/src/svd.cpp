#include <limits>
#include <scilearn/core/validation.hpp>
#include <scilearn/linalg/svd.hpp>

#include "jacobi_small.hpp"
#include "lapack_svd.hpp"

namespace scilearn::linalg::detail {
namespace {

// SciPy refuses u / vh whose element count overflows a 32-bit index, since
// LAPACK may address them with one: the same check, with SciPy's reasoning.
void check_factor_sizes(const char* where, Index m, Index n, bool full_matrices) {
  const Index max_mn = std::max(m, n);
  const Index min_mn = std::min(m, n);
  const Index elements = full_matrices ? max_mn * max_mn : max_mn * min_mn;
  if (elements > std::numeric_limits<lapack_index>::max()) {
    throw ValueError(cat(where, ": the singular vectors of a ", m, "x", n, " matrix would have ", elements,
                         " elements, beyond LAPACK's 32-bit index range"));
  }
}

template <class S>
void svd_any(const char* where, MatrixT<S>& a, SvdResult<S>& out, const SvdOptions& options) {
  if (options.lapack_driver != SvdDriver::gesdd && options.lapack_driver != SvdDriver::gesvd) {
    throw ValueError(cat(where, ": unknown lapack_driver value ", static_cast<int>(options.lapack_driver),
                         " (expected SvdDriver::gesdd or SvdDriver::gesvd)"));
  }
  if (options.check_finite) check_finite(where, "a", a);
  const Index m = a.rows();
  const Index n = a.cols();
  const Index k = std::min(m, n);
  out.s.resize(k);
  out.u.resize(0, 0);
  out.vh.resize(0, 0);
  if (k == 0) {  // SciPy 1.17: identities with full_matrices, else m x 0 and 0 x n
    if (options.compute_uv) {
      out.u = options.full_matrices ? MatrixT<S>::Identity(m, m) : MatrixT<S>(m, 0);
      out.vh = options.full_matrices ? MatrixT<S>::Identity(n, n) : MatrixT<S>(0, n);
    }
    return;
  }
  // gesdd (SciPy's default) on a small real square matrix: the one-sided Jacobi
  // method gives the same factors (up to rounding and signs) in a fraction of
  // the time (jacobi_small.hpp). gesvd, asked for by name, is always LAPACK's.
  if constexpr (!is_complex_v<S>) {
    if (options.lapack_driver == SvdDriver::gesdd && jacobi_svd<S>(a, options.compute_uv, out.s, out.u, out.vh)) return;
  }
  const lapack_index lm = to_lapack_index(where, m);
  const lapack_index ln = to_lapack_index(where, n);
  char job = 'N';
  if (options.compute_uv) {
    check_factor_sizes(where, m, n, options.full_matrices);
    job = options.full_matrices ? 'A' : 'S';
    out.u.resize(m, options.full_matrices ? m : k);
    out.vh.resize(options.full_matrices ? n : k, n);
  }
  // Without vectors LAPACK does not reference u and vt, but still wants
  // leading dimensions of at least 1.
  const auto ldu = static_cast<lapack_index>(std::max<Index>(1, out.u.rows()));
  const auto ldvt = static_cast<lapack_index>(std::max<Index>(1, out.vh.rows()));
  const bool dc = options.lapack_driver == SvdDriver::gesdd;
  const char* routine = dc ? "gesdd" : "gesvd";
  const lapack_index info = dc ? gesdd(job, lm, ln, a.data(), lm, out.s.data(), out.u.data(), ldu, out.vh.data(), ldvt)
                               : gesvd(job, lm, ln, a.data(), lm, out.s.data(), out.u.data(), ldu, out.vh.data(), ldvt);
  if (dc && info == -5) {
    // LAPACK 3.10+ ?gesdd scans a for NaN and rejects it as its argument 4,
    // which LAPACKE's numbering (matrix_layout first) reports as 5. SciPy
    // reports the same as a ValueError ("A has a NaN entry").
    throw ValueError(cat(where, ": a has a NaN entry (LAPACK gesdd rejected it)"));
  }
  check_argument_info(routine, info);
  if (info > 0) {
    throw LinAlgError(cat(where, ": SVD did not converge (LAPACK ", routine, " info = ", info, ")"));
  }
}

}  // namespace

void svd_in_place(const char* where, MatrixT<float>& a, SvdResult<float>& out, const SvdOptions& options) {
  svd_any<float>(where, a, out, options);
}
void svd_in_place(const char* where, MatrixT<double>& a, SvdResult<double>& out, const SvdOptions& options) {
  svd_any<double>(where, a, out, options);
}
void svd_in_place(const char* where, MatrixT<std::complex<float>>& a, SvdResult<std::complex<float>>& out,
                  const SvdOptions& options) {
  svd_any<std::complex<float>>(where, a, out, options);
}
void svd_in_place(const char* where, MatrixT<std::complex<double>>& a, SvdResult<std::complex<double>>& out,
                  const SvdOptions& options) {
  svd_any<std::complex<double>>(where, a, out, options);
}

}  // namespace scilearn::linalg::detail
