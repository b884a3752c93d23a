#include <cmath>
#include <limits>
#include <scilearn/core/validation.hpp>
#include <scilearn/linalg/det.hpp>

#include "lapack.hpp"

namespace scilearn::linalg::detail {
namespace {

// The diagonal of U in P a = L U (LAPACK ?getrf on a copy) and whether P is an
// odd permutation. An exactly singular a is not an error here: its U has a zero
// on the diagonal, and the determinant is 0.
template <class S>
struct LuDiagonal {
  VectorT<S> u;
  bool odd;
};

template <class S>
LuDiagonal<S> lu_diagonal(const Eigen::Ref<const MatrixT<S>>& a, bool finite_only, const char* where) {
  check_square(where, "a", a);
  if (finite_only) check_finite(where, "a", a);
  MatrixT<S> lu = a;
  const lapack_index n = to_lapack_index(where, lu.rows());
  std::vector<lapack_index> ipiv(static_cast<std::size_t>(n));
  if (n > 0) check_argument_info("getrf", getrf(n, lu.data(), n, ipiv.data()));
  bool odd = false;
  for (lapack_index i = 0; i < n; ++i) odd ^= ipiv[static_cast<std::size_t>(i)] != i + 1;  // 1-based pivots
  return {lu.diagonal(), odd};
}

template <class S>
DetResult<S> det_any(const Eigen::Ref<const MatrixT<S>>& a, bool check_finite) {
  const LuDiagonal<S> d = lu_diagonal<S>(a, check_finite, "det");
  DetResult<S> det(d.odd ? -1.0 : 1.0);
  for (Index i = 0; i < d.u.size(); ++i) det *= static_cast<DetResult<S>>(d.u(i));
  return det;
}

template <class S>
SlogdetResult<S> slogdet_any(const Eigen::Ref<const MatrixT<S>>& a, bool check_finite) {
  using R = real_t<S>;
  const LuDiagonal<S> d = lu_diagonal<S>(a, check_finite, "slogdet");
  S sign(d.odd ? -1 : 1);
  R logabsdet = 0;
  for (Index i = 0; i < d.u.size(); ++i) {
    const R magnitude = std::abs(d.u(i));
    if (magnitude == R(0)) return {S(0), -std::numeric_limits<R>::infinity()};
    sign *= d.u(i) / magnitude;
    logabsdet += std::log(magnitude);
  }
  return {sign, logabsdet};
}

}  // namespace

SlogdetResult<float> slogdet_lu(const Eigen::Ref<const MatrixT<float>>& a, bool check_finite) {
  return slogdet_any<float>(a, check_finite);
}
SlogdetResult<double> slogdet_lu(const Eigen::Ref<const MatrixT<double>>& a, bool check_finite) {
  return slogdet_any<double>(a, check_finite);
}
SlogdetResult<std::complex<float>> slogdet_lu(const Eigen::Ref<const MatrixT<std::complex<float>>>& a,
                                              bool check_finite) {
  return slogdet_any<std::complex<float>>(a, check_finite);
}
SlogdetResult<std::complex<double>> slogdet_lu(const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
                                               bool check_finite) {
  return slogdet_any<std::complex<double>>(a, check_finite);
}
DetResult<float> det_lu(const Eigen::Ref<const MatrixT<float>>& a, bool check_finite) {
  return det_any<float>(a, check_finite);
}
DetResult<double> det_lu(const Eigen::Ref<const MatrixT<double>>& a, bool check_finite) {
  return det_any<double>(a, check_finite);
}
DetResult<std::complex<float>> det_lu(const Eigen::Ref<const MatrixT<std::complex<float>>>& a, bool check_finite) {
  return det_any<std::complex<float>>(a, check_finite);
}
DetResult<std::complex<double>> det_lu(const Eigen::Ref<const MatrixT<std::complex<double>>>& a, bool check_finite) {
  return det_any<std::complex<double>>(a, check_finite);
}

}  // namespace scilearn::linalg::detail
