#include <algorithm>
#include <cmath>
#include <scilearn/core/validation.hpp>
#include <scilearn/linalg/subspaces.hpp>

#include "lapack.hpp"
#include "svd_threshold.hpp"

namespace scilearn::linalg::detail {
namespace {

// How many singular values of an m x n matrix are kept under SciPy's orth /
// null_space rule: s_i > rcond * s_max, rcond defaulting to max(m, n) eps.
template <class R>
Index kept(const char* where, const VectorT<R>& s, Index m, Index n, std::optional<double> rcond) {
  const R r = checked_tolerance<R>(where, "rcond", rcond, /*allow_negative=*/true).value_or(default_rtol<R>(m, n));
  return count_above(s, largest_or_zero(s) * r);
}

template <class S>
MatrixT<S> orth_any(const char* where, MatrixT<S>& a, const OrthOptions& options) {
  const Index m = a.rows();
  const Index n = a.cols();
  SvdResult<S> f;
  svd_in_place(where, a, f, {.full_matrices = false});
  return f.u.leftCols(kept(where, f.s, m, n, options.rcond));
}

template <class S>
MatrixT<S> null_space_any(MatrixT<S>& a, const NullSpaceOptions& options) {
  constexpr const char* where = "null_space";
  const Index m = a.rows();
  const Index n = a.cols();
  SvdResult<S> f;
  svd_in_place(where, a, f, {.check_finite = options.check_finite, .lapack_driver = options.lapack_driver});
  const Index r = kept(where, f.s, m, n, options.rcond);
  return f.vh.bottomRows(n - r).adjoint();
}

template <class S>
VectorT<real_t<S>> subspace_angles_any(const Eigen::Ref<const MatrixT<S>>& a, const Eigen::Ref<const MatrixT<S>>& b) {
  using R = real_t<S>;
  constexpr const char* where = "subspace_angles";
  check_finite(where, "a", a);
  check_finite(where, "b", b);
  if (a.rows() != b.rows()) {
    throw ValueError(cat(where, ": a and b must have the same number of rows, but a is ", a.rows(), "x", a.cols(),
                         " and b is ", b.rows(), "x", b.cols()));
  }
  // 1. Orthonormal bases of the two column spaces.
  MatrixT<S> work = a;
  const MatrixT<S> qa = orth_any<S>(where, work, {});
  work = b;
  const MatrixT<S> qb = orth_any<S>(where, work, {});
  // 2. The cosines: the singular values of Q_a^H Q_b, descending.
  const MatrixT<S> qa_h_qb = qa.adjoint() * qb;
  const VectorT<R> sigma = svdvals(qa_h_qb, false);
  const Index k = sigma.size();
  // 3.-4. The sines: the singular values of the part of the smaller basis
  // outside the other space (descending: the largest angle first), only
  // needed when some angle is at most 45 degrees.
  const auto small = [&](Index i) { return sigma(i) * sigma(i) >= R(0.5); };  // cos^2 >= 1/2: angle <= 45 degrees
  VectorT<R> mu_arcsin;
  if ((sigma.array().square() >= R(0.5)).any()) {
    const MatrixT<S> rest =
        qa.cols() >= qb.cols() ? MatrixT<S>(qb - qa * qa_h_qb) : MatrixT<S>(qa - qb * qa_h_qb.adjoint());
    mu_arcsin = svdvals(rest, false).unaryExpr([](R x) { return std::asin(std::clamp(x, R(-1), R(1))); });
  }
  // 5. The angles, largest first: the i-th largest has the cosine
  // sigma(k - 1 - i). Knyazev and Argentati take the sine for the angles up
  // to 45 degrees (acos loses them near 0) and the cosine above (asin loses
  // them near 90). SciPy 1.17.1 tests sigma(i) instead of sigma(k - 1 - i),
  // i.e. picks the formula of the mirrored angle, and so can return 0 for an
  // angle of 1e-9 and pi / 2 for one of pi / 2 - 1e-9; this follows the paper.
  VectorT<R> theta(k);
  for (Index i = 0; i < k; ++i) {
    const Index j = k - 1 - i;
    theta(i) = small(j) ? mu_arcsin(i) : std::acos(std::clamp(sigma(j), R(-1), R(1)));
  }
  return theta;
}

}  // namespace

MatrixT<float> orth_in_place(MatrixT<float>& a, const OrthOptions& options) {
  return orth_any<float>("orth", a, options);
}
MatrixT<double> orth_in_place(MatrixT<double>& a, const OrthOptions& options) {
  return orth_any<double>("orth", a, options);
}
MatrixT<std::complex<float>> orth_in_place(MatrixT<std::complex<float>>& a, const OrthOptions& options) {
  return orth_any<std::complex<float>>("orth", a, options);
}
MatrixT<std::complex<double>> orth_in_place(MatrixT<std::complex<double>>& a, const OrthOptions& options) {
  return orth_any<std::complex<double>>("orth", a, options);
}

MatrixT<float> null_space_in_place(MatrixT<float>& a, const NullSpaceOptions& options) {
  return null_space_any<float>(a, options);
}
MatrixT<double> null_space_in_place(MatrixT<double>& a, const NullSpaceOptions& options) {
  return null_space_any<double>(a, options);
}
MatrixT<std::complex<float>> null_space_in_place(MatrixT<std::complex<float>>& a, const NullSpaceOptions& options) {
  return null_space_any<std::complex<float>>(a, options);
}
MatrixT<std::complex<double>> null_space_in_place(MatrixT<std::complex<double>>& a, const NullSpaceOptions& options) {
  return null_space_any<std::complex<double>>(a, options);
}

VectorT<float> subspace_angles(const Eigen::Ref<const MatrixT<float>>& a, const Eigen::Ref<const MatrixT<float>>& b) {
  return subspace_angles_any<float>(a, b);
}
VectorT<double> subspace_angles(const Eigen::Ref<const MatrixT<double>>& a,
                                const Eigen::Ref<const MatrixT<double>>& b) {
  return subspace_angles_any<double>(a, b);
}
VectorT<float> subspace_angles(const Eigen::Ref<const MatrixT<std::complex<float>>>& a,
                               const Eigen::Ref<const MatrixT<std::complex<float>>>& b) {
  return subspace_angles_any<std::complex<float>>(a, b);
}
VectorT<double> subspace_angles(const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
                                const Eigen::Ref<const MatrixT<std::complex<double>>>& b) {
  return subspace_angles_any<std::complex<double>>(a, b);
}

}  // namespace scilearn::linalg::detail
