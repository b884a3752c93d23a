// solve_continuous_are and solve_discrete_are, as SciPy's: the stabilizing
// solution spans the stable deflating subspace of an extended pencil of order
// 2m + n. The pencil is (optionally) balanced, deflated to order 2m by a QR of
// its last n columns, and reordered by ordqz so that the stable subspace comes
// first; x = u10 u00^-1 from that subspace's basis [u00; u10].
//
// References: Arnold & Laub, Generalized eigenproblem algorithms and software
// for algebraic Riccati equations, Proc. IEEE 72(12), 1984 (the extended
// pencils); Benner, Symplectic balancing of Hamiltonian matrices, SIAM J. Sci.
// Comput. 22(5), 2001 (the balancing).

#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/linalg/lu.hpp>
#include <scilearn/linalg/qr.hpp>
#include <scilearn/linalg/qz.hpp>
#include <scilearn/linalg/riccati.hpp>
#include <scilearn/linalg/svd.hpp>

#include "lapack_balance.hpp"

namespace scilearn::linalg::detail {
namespace {

template <class S>
using Mat = MatrixT<S>;

template <class S>
real_t<S> norm_1(const Mat<S>& a) {
  return a.cols() == 0 ? real_t<S>(0) : a.cwiseAbs().colwise().sum().maxCoeff();
}

// numpy.spacing(x) for x >= 0: the gap to the next representable number.
template <class R>
R spacing(R x) {
  return std::nextafter(x, std::numeric_limits<R>::infinity()) - x;
}

// SciPy's test: ||a - a^H||_1 <= 100 spacing(||a||_1).
template <class S>
void check_hermitian(const char* where, const char* name, const Mat<S>& a) {
  if (norm_1<S>(a - a.adjoint()) > 100 * spacing(norm_1<S>(a))) {
    throw ValueError(cat(where, ": ", name, " should be symmetric/hermitian"));
  }
}

// SciPy's test: the smallest singular value is zero or below eps ||a||_1.
template <class S>
void check_nonsingular(const char* where, const char* name, const Mat<S>& a) {
  if (a.rows() == 0) return;
  const real_t<S> smallest = svdvals(a, /*check_finite=*/false)(a.rows() - 1);
  if (smallest == 0 || smallest < std::numeric_limits<real_t<S>>::epsilon() * norm_1<S>(a)) {
    throw ValueError(cat(where, ": ", name, " is numerically singular"));
  }
}

template <class S>
void validate(const char* where, AreKind kind, const Mat<S>& a, const Mat<S>& b, const Mat<S>& q, const Mat<S>& r,
              const AreOptions<S>& options) {
  check_finite(where, "a", a);
  check_finite(where, "b", b);
  check_finite(where, "q", q);
  check_finite(where, "r", r);
  check_square(where, "a", a);
  check_square(where, "q", q);
  check_square(where, "r", r);
  const Index m = a.rows();
  const Index n = b.cols();
  check_shape(where, "b", b, m, -1);
  check_shape(where, "q", q, m, m);
  check_shape(where, "r", r, n, n);
  check_hermitian(where, "q", q);
  check_hermitian(where, "r", r);
  if (kind == AreKind::continuous) check_nonsingular(where, "r", r);
  if (options.e) {
    check_finite(where, "e", *options.e);
    check_shape(where, "e", *options.e, m, m);
    check_nonsingular(where, "e", *options.e);
  }
  if (options.s) {
    check_finite(where, "s", *options.s);
    check_shape(where, "s", *options.s, m, n);
  }
}

// The extended pencil (h, j) of order 2m + n (Arnold & Laub).
template <class S>
void build_pencil(AreKind kind, const Mat<S>& a, const Mat<S>& b, const Mat<S>& q, const Mat<S>& r,
                  const AreOptions<S>& options, Mat<S>& h, Mat<S>& j) {
  const Index m = a.rows();
  const Index n = b.cols();
  const Mat<S> e = options.e ? *options.e : Mat<S>::Identity(m, m);
  h.setZero(2 * m + n, 2 * m + n);
  j.setZero(2 * m + n, 2 * m + n);
  h.topLeftCorner(m, m) = a;
  h.topRightCorner(m, n) = b;
  h.block(m, 0, m, m) = -q;
  h.bottomRightCorner(n, n) = r;
  if (options.s) {
    h.block(m, 2 * m, m, n) = -*options.s;
    h.bottomLeftCorner(n, m) = options.s->adjoint();
  }
  j.topLeftCorner(m, m) = e;
  if (kind == AreKind::continuous) {
    h.block(m, m, m, m) = -a.adjoint();
    h.bottomRows(n).middleCols(m, m) = b.adjoint();
    j.block(m, m, m, m) = e.adjoint();
  } else {
    h.block(m, m, m, m) = e.adjoint();
    j.block(m, m, m, m) = a.adjoint();
    j.bottomRows(n).middleCols(m, m) = -b.adjoint();
  }
}

// Benner's symplectic balancing, as SciPy: ?gebal's scaling (no permutation)
// of |h| + |j| without its diagonal, turned into powers of 2 of the form
// diag(d, d^-1, d_r) that keep the pencil's structure. Scales h and j in place
// and returns the factors (empty when no scaling is needed).
template <class S>
VectorT<real_t<S>> balance(Index m, Mat<S>& h, Mat<S>& j) {
  using R = real_t<S>;
  MatrixT<R> magnitude = h.cwiseAbs() + j.cwiseAbs();
  magnitude.diagonal().setZero();
  VectorT<R> scale = gebal_scaling(magnitude);
  // numpy.allclose(scale, 1): nothing worth doing.
  if (((scale.array() - R(1)).abs() <= R(1e-8) + R(1e-5)).all()) return {};
  const VectorT<R> log_scale = scale.array().log2();
  for (Index i = 0; i < m; ++i) {
    // nearbyint rounds half to even, as NumPy's round.
    const R half_ratio = std::nearbyint((log_scale(m + i) - log_scale(i)) / 2);
    scale(i) = std::exp2(half_ratio);
    scale(m + i) = std::exp2(-half_ratio);
  }
  for (Index c = 0; c < h.cols(); ++c) {
    for (Index i = 0; i < h.rows(); ++i) {
      const R factor = scale(i) / scale(c);
      h(i, c) *= factor;
      j(i, c) *= factor;
    }
  }
  return scale;
}

template <class S>
void solve_are_impl(AreKind kind, const Mat<S>& a, const Mat<S>& b, const Mat<S>& q, const Mat<S>& r,
                    const AreOptions<S>& options, Mat<S>& x) {
  const char* where = kind == AreKind::continuous ? "solve_continuous_are" : "solve_discrete_are";
  validate(where, kind, a, b, q, r, options);
  const Index m = a.rows();
  const Index n = b.cols();
  if (m == 0) {
    x.resize(0, 0);
    return;
  }

  Mat<S> h;
  Mat<S> j;
  build_pencil(kind, a, b, q, r, options, h, j);
  const VectorT<real_t<S>> scale = options.balanced ? balance<S>(m, h, j) : VectorT<real_t<S>>();

  // Deflate to order 2m: the last 2m columns of q from a QR of h's last n
  // columns annihilate them. For the continuous pencil j's last n rows are
  // zero, so only its leading 2m x 2m block enters.
  const Mat<S> qh = qr(h.rightCols(n), {.check_finite = false}).q.rightCols(2 * m).adjoint();
  const Mat<S> hd = qh * h.leftCols(2 * m);
  const Mat<S> jd = kind == AreKind::continuous ? Mat<S>(qh.leftCols(2 * m) * j.topLeftCorner(2 * m, 2 * m))
                                                : Mat<S>(qh * j.leftCols(2 * m));

  const SortRegion stable = kind == AreKind::continuous ? SortRegion::lhp : SortRegion::iuc;
  Mat<S> u = ordqz(hd, jd, {.sort = stable, .check_finite = false}).z;
  if (options.e) {
    // x e u00 = u10: orthonormalize [e u00; u10]. With the (balanced) e of the
    // pencil actually solved: SciPy 1.17.1 uses the unbalanced e here, which
    // breaks its balanced generalized solutions.
    Mat<S> stacked(2 * m, m);
    stacked.topRows(m) = j.topLeftCorner(m, m) * u.topLeftCorner(m, m);
    stacked.bottomRows(m) = u.bottomLeftCorner(m, m);
    u = qr(stacked, {.check_finite = false}).q;
  }
  const Mat<S> u00 = u.topLeftCorner(m, m);
  const Mat<S> u10 = u.bottomLeftCorner(m, m);

  // x = u10 u00^-1, refused when u00's triangular factor is numerically
  // singular (SciPy: 1 / cond(U) < eps, the 2-norm condition number).
  LuFactor<S> factor{u00, {}};
  lu_factor_in_place(where, factor.lu, factor.piv, /*check_finite=*/false, nullptr);
  const VectorT<real_t<S>> sv =
      svdvals(Mat<S>(factor.lu.template triangularView<Eigen::Upper>()), /*check_finite=*/false);
  if (!(sv(m - 1) >= std::numeric_limits<real_t<S>>::epsilon() * sv(0)) || sv(0) == 0) {
    throw LinAlgError(cat(where, ": Failed to find a finite solution."));
  }
  x = lu_solve(factor, Mat<S>(u10.adjoint()), {.trans = Trans::C, .check_finite = false}).adjoint();
  if (scale.size() != 0) x = scale.head(m).asDiagonal() * x * scale.head(m).asDiagonal();

  // A stabilizing solution comes from a Lagrangian subspace: u00^H u10 is
  // Hermitian. A large deviation means eigenvalues on (or too near) the
  // boundary were split wrongly.
  const Mat<S> u_sym = u00.adjoint() * u10;
  const real_t<S> threshold = std::max(spacing(real_t<S>(1000)), real_t<S>(0.1) * norm_1<S>(u_sym));
  if (norm_1<S>(u_sym - u_sym.adjoint()) > threshold) {
    throw LinAlgError(kind == AreKind::continuous
                          ? cat(where,
                                ": The associated Hamiltonian pencil has eigenvalues too close to the "
                                "imaginary axis")
                          : cat(where,
                                ": The associated symplectic pencil has eigenvalues too close to the "
                                "unit circle"));
  }
  x = (x + x.adjoint()).eval() / real_t<S>(2);
}

}  // namespace

void solve_are(AreKind kind, const MatrixT<float>& a, const MatrixT<float>& b, const MatrixT<float>& q,
               const MatrixT<float>& r, const AreOptions<float>& options, MatrixT<float>& x) {
  solve_are_impl(kind, a, b, q, r, options, x);
}
void solve_are(AreKind kind, const MatrixT<double>& a, const MatrixT<double>& b, const MatrixT<double>& q,
               const MatrixT<double>& r, const AreOptions<double>& options, MatrixT<double>& x) {
  solve_are_impl(kind, a, b, q, r, options, x);
}
void solve_are(AreKind kind, const MatrixT<std::complex<float>>& a, const MatrixT<std::complex<float>>& b,
               const MatrixT<std::complex<float>>& q, const MatrixT<std::complex<float>>& r,
               const AreOptions<std::complex<float>>& options, MatrixT<std::complex<float>>& x) {
  solve_are_impl(kind, a, b, q, r, options, x);
}
void solve_are(AreKind kind, const MatrixT<std::complex<double>>& a, const MatrixT<std::complex<double>>& b,
               const MatrixT<std::complex<double>>& q, const MatrixT<std::complex<double>>& r,
               const AreOptions<std::complex<double>>& options, MatrixT<std::complex<double>>& x) {
  solve_are_impl(kind, a, b, q, r, options, x);
}

}  // namespace scilearn::linalg::detail
