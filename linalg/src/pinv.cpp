#include <scilearn/linalg/pinv.hpp>
#include <scilearn/linalg/svd.hpp>

#include "lapack.hpp"
#include "svd_threshold.hpp"

namespace scilearn::linalg::detail {
namespace {

template <class S>
void pinv_any(MatrixT<S>& a, PinvResult<S>& out, const PinvOptions& options) {
  using R = real_t<S>;
  constexpr const char* where = "pinv";
  const std::optional<R> atol = checked_tolerance<R>(where, "atol", options.atol, /*allow_negative=*/false);
  const std::optional<R> rtol = checked_tolerance<R>(where, "rtol", options.rtol, /*allow_negative=*/false);
  const Index m = a.rows();
  const Index n = a.cols();
  SvdResult<S> f;
  svd_in_place(where, a, f, {.full_matrices = false, .check_finite = options.check_finite});
  // SciPy: val = atol + s_max * rtol, each default applied on its own.
  const R cut = atol.value_or(R(0)) + largest_or_zero(f.s) * rtol.value_or(default_rtol<R>(m, n));
  const Index r = count_above(f.s, cut);
  // pinv = V_r diag(1 / s_r) U_r^H: SciPy's (u[:, :r] / s[:r] @ vh[:r]).conj().T.
  out.pinv.noalias() = f.vh.topRows(r).adjoint() *
                       (f.s.head(r).cwiseInverse().template cast<S>().asDiagonal() * f.u.leftCols(r).adjoint());
  out.rank = r;
}

template <class S>
Index matrix_rank_any(MatrixT<S>& a, const MatrixRankOptions& options) {
  using R = real_t<S>;
  constexpr const char* where = "matrix_rank";
  if (options.tol && options.rtol) throw ValueError("matrix_rank: tol and rtol can't be both set");
  const std::optional<R> tol = checked_tolerance<R>(where, "tol", options.tol, /*allow_negative=*/true);
  const std::optional<R> rtol = checked_tolerance<R>(where, "rtol", options.rtol, /*allow_negative=*/true);
  const Index m = a.rows();
  const Index n = a.cols();
  SvdResult<S> f;
  svd_in_place(where, a, f, {.compute_uv = false, .check_finite = options.check_finite});
  const R cut = tol ? *tol : largest_or_zero(f.s) * rtol.value_or(default_rtol<R>(m, n));
  return count_above(f.s, cut);
}

}  // namespace

void pinv_in_place(MatrixT<float>& a, PinvResult<float>& out, const PinvOptions& options) {
  pinv_any<float>(a, out, options);
}
void pinv_in_place(MatrixT<double>& a, PinvResult<double>& out, const PinvOptions& options) {
  pinv_any<double>(a, out, options);
}
void pinv_in_place(MatrixT<std::complex<float>>& a, PinvResult<std::complex<float>>& out, const PinvOptions& options) {
  pinv_any<std::complex<float>>(a, out, options);
}
void pinv_in_place(MatrixT<std::complex<double>>& a, PinvResult<std::complex<double>>& out,
                   const PinvOptions& options) {
  pinv_any<std::complex<double>>(a, out, options);
}

Index matrix_rank_in_place(MatrixT<float>& a, const MatrixRankOptions& options) {
  return matrix_rank_any<float>(a, options);
}
Index matrix_rank_in_place(MatrixT<double>& a, const MatrixRankOptions& options) {
  return matrix_rank_any<double>(a, options);
}
Index matrix_rank_in_place(MatrixT<std::complex<float>>& a, const MatrixRankOptions& options) {
  return matrix_rank_any<std::complex<float>>(a, options);
}
Index matrix_rank_in_place(MatrixT<std::complex<double>>& a, const MatrixRankOptions& options) {
  return matrix_rank_any<std::complex<double>>(a, options);
}

}  // namespace scilearn::linalg::detail
