#include <scilearn/core/validation.hpp>
#include <scilearn/linalg/procrustes.hpp>
#include <scilearn/linalg/svd.hpp>

#include "lapack.hpp"

namespace scilearn::linalg::detail {
namespace {

template <class S>
void procrustes_any(const Eigen::Ref<const MatrixT<S>>& a, const Eigen::Ref<const MatrixT<S>>& b, bool finite,
                    ProcrustesResult<S>& out) {
  constexpr const char* where = "orthogonal_procrustes";
  if (finite) {
    check_finite(where, "a", a);
    check_finite(where, "b", b);
  }
  if (a.rows() != b.rows() || a.cols() != b.cols()) {
    throw ValueError(
        cat(where, ": the shapes of a and b differ (", a.rows(), "x", a.cols(), " vs ", b.rows(), "x", b.cols(), ")"));
  }
  // SciPy: svd((b^T conj(a))^T) = svd(a^H b), full matrices.
  MatrixT<S> m = a.adjoint() * b;
  SvdResult<S> f;
  svd_in_place(where, m, f, {.check_finite = false});
  out.r.noalias() = f.u * f.vh;
  out.scale = f.s.sum();
}

}  // namespace

void orthogonal_procrustes(const Eigen::Ref<const MatrixT<float>>& a, const Eigen::Ref<const MatrixT<float>>& b,
                           bool check_finite, ProcrustesResult<float>& out) {
  procrustes_any<float>(a, b, check_finite, out);
}
void orthogonal_procrustes(const Eigen::Ref<const MatrixT<double>>& a, const Eigen::Ref<const MatrixT<double>>& b,
                           bool check_finite, ProcrustesResult<double>& out) {
  procrustes_any<double>(a, b, check_finite, out);
}
void orthogonal_procrustes(const Eigen::Ref<const MatrixT<std::complex<float>>>& a,
                           const Eigen::Ref<const MatrixT<std::complex<float>>>& b, bool check_finite,
                           ProcrustesResult<std::complex<float>>& out) {
  procrustes_any<std::complex<float>>(a, b, check_finite, out);
}
void orthogonal_procrustes(const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
                           const Eigen::Ref<const MatrixT<std::complex<double>>>& b, bool check_finite,
                           ProcrustesResult<std::complex<double>>& out) {
  procrustes_any<std::complex<double>>(a, b, check_finite, out);
}

}  // namespace scilearn::linalg::detail
