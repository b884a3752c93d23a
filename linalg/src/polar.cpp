#include <scilearn/linalg/polar.hpp>
#include <scilearn/linalg/svd.hpp>

#include "lapack.hpp"

namespace scilearn::linalg::detail {
namespace {

template <class S>
void polar_any(MatrixT<S>& a, PolarSide side, PolarResult<S>& out) {
  if (side != PolarSide::right && side != PolarSide::left) {
    throw ValueError(
        cat("polar: unknown side value ", static_cast<int>(side), " (expected PolarSide::right or PolarSide::left)"));
  }
  SvdResult<S> f;
  svd_in_place("polar", a, f, {.full_matrices = false});
  out.u.noalias() = f.u * f.vh;
  const auto s = f.s.template cast<S>().asDiagonal();
  if (side == PolarSide::right) {
    out.p.noalias() = f.vh.adjoint() * (s * f.vh);  // a = u p
  } else {
    out.p.noalias() = f.u * (s * f.u.adjoint());  // a = p u
  }
}

}  // namespace

void polar_in_place(MatrixT<float>& a, PolarSide side, PolarResult<float>& out) { polar_any<float>(a, side, out); }
void polar_in_place(MatrixT<double>& a, PolarSide side, PolarResult<double>& out) { polar_any<double>(a, side, out); }
void polar_in_place(MatrixT<std::complex<float>>& a, PolarSide side, PolarResult<std::complex<float>>& out) {
  polar_any<std::complex<float>>(a, side, out);
}
void polar_in_place(MatrixT<std::complex<double>>& a, PolarSide side, PolarResult<std::complex<double>>& out) {
  polar_any<std::complex<double>>(a, side, out);
}

}  // namespace scilearn::linalg::detail
