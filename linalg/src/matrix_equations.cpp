#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/linalg/inv.hpp>
#include <scilearn/linalg/matrix_equations.hpp>
#include <scilearn/linalg/schur.hpp>
#include <scilearn/linalg/solve.hpp>

#include "lapack_schur.hpp"

namespace scilearn::linalg::detail {
namespace {

// The real (complex input: complex) Schur form of a, already validated;
// errors name `where`.
template <class S>
std::pair<MatrixT<S>, MatrixT<S>> schur_of(const char* where, MatrixT<S> a) {
  MatrixT<S> z;
  Index sdim = 0;
  schur_in_place(where, a, z, sdim, {.check_finite = false});
  return {std::move(a), std::move(z)};
}

// Solves r y + y op(s) = f in place (f becomes y) by ?trsyl, r and s in
// Schur form; returns ?trsyl's info after scaling y as SciPy does.
template <class S>
lapack_index trsyl_scaled(const char* where, char tranb, const MatrixT<S>& r, const MatrixT<S>& s, MatrixT<S>& f) {
  const lapack_index m = to_lapack_index(where, r.rows());
  const lapack_index n = to_lapack_index(where, s.rows());
  real_t<S> scale = 1;
  const lapack_index info = trsyl('N', tranb, 1, m, n, r.data(), m, s.data(), n, f.data(), m, &scale);
  check_argument_info("trsyl", info);
  // SciPy multiplies by scale (LAPACK's solution of the unscaled equation is
  // y / scale); scale is 1 unless y would overflow.
  f *= scale;
  return info;
}

template <class S>
MatrixT<S> sylvester(const MatrixT<S>& a, const MatrixT<S>& b, const MatrixT<S>& q) {
  constexpr const char* where = "solve_sylvester";
  // SciPy's schur calls check a, then b: finiteness, then squareness.
  check_finite(where, "a", a);
  check_square(where, "a", a);
  check_finite(where, "b", b);
  check_square(where, "b", b);
  if (q.rows() != a.rows() || q.cols() != b.rows()) {
    throw ValueError(cat(where, ": a is ", a.rows(), "x", a.cols(), " and b is ", b.rows(), "x", b.cols(), " but q is ",
                         q.rows(), "x", q.cols(), ", expected ", a.rows(), "x", b.rows()));
  }
  if (a.size() == 0 || b.size() == 0) return MatrixT<S>(q.rows(), q.cols());
  const auto [r, u] = schur_of<S>(where, a);
  const auto [s, v] = schur_of<S>(where, b.adjoint());
  MatrixT<S> y = u.adjoint() * q * v;
  // info = 1 (a and -b share an eigenvalue, problem perturbed): SciPy's
  // solve_sylvester neither raises nor warns.
  (void)trsyl_scaled(where, 'C', r, s, y);
  return u * y * v.adjoint();
}

template <class S>
void check_square_pair(const char* where, const MatrixT<S>& a, const MatrixT<S>& q) {
  check_finite(where, "a", a);
  check_finite(where, "q", q);
  check_square(where, "a", a);
  check_square(where, "q", q);
  if (a.rows() != q.rows()) {
    throw ValueError(cat(where, ": a is ", a.rows(), "x", a.cols(), " but q is ", q.rows(), "x", q.cols(),
                         ", expected the same shape"));
  }
}

template <class S>
MatrixT<S> continuous_lyapunov(const char* where, const MatrixT<S>& a, const MatrixT<S>& q) {
  check_square_pair(where, a, q);
  if (a.size() == 0) return MatrixT<S>(0, 0);
  const auto [r, u] = schur_of<S>(where, a);
  MatrixT<S> y = u.adjoint() * q * u;
  if (trsyl_scaled(where, is_complex_v<S> ? 'C' : 'T', r, r, y) == 1) {
    warn(WarningCategory::runtime,
         cat(where, ": a has an eigenvalue pair whose sum is very close to or exactly zero; the solution is obtained ",
             "by perturbing the coefficients"));
  }
  return u * y * u.adjoint();
}

// SciPy's 'direct': (I - a kron conj(a)) vec(x) = vec(q) with NumPy's
// row-major vec; column-major, the same system reads (I - conj(a) kron a).
template <class S>
MatrixT<S> discrete_direct(const MatrixT<S>& a, const MatrixT<S>& q) {
  const Index n = a.rows();
  // Scalar loops, not `block -= s * a`: Eigen 3.4.0's SSE code broadcasts a
  // std::complex<float> scalar with a misaligned 8-byte load (UBSan reports it).
  MatrixT<S> lhs = MatrixT<S>::Identity(n * n, n * n);
  for (Index j = 0; j < n; ++j)
    for (Index i = 0; i < n; ++i) {
      const S factor = Eigen::numext::conj(a(i, j));
      for (Index l = 0; l < n; ++l)
        for (Index k = 0; k < n; ++k) lhs(i * n + k, j * n + l) -= factor * a(k, l);
    }
  VectorT<S> x = Eigen::Map<const VectorT<S>>(q.data(), n * n);
  x = linalg::solve(lhs, x);
  return Eigen::Map<const MatrixT<S>>(x.data(), n, n);
}

// SciPy's 'bilinear': b = (a^H - I)(a^H + I)^-1, c = 2 (a + I)^-1 q (a^H + I)^-1,
// then the continuous equation b^H x + x b = -c.
template <class S>
MatrixT<S> discrete_bilinear(const MatrixT<S>& a, const MatrixT<S>& q) {
  const Index n = a.rows();
  const MatrixT<S> eye = MatrixT<S>::Identity(n, n);
  const MatrixT<S> ah = a.adjoint();
  const MatrixT<S> ahi_inv = linalg::inv(ah + eye);
  const MatrixT<S> b = (ah - eye) * ahi_inv;
  const MatrixT<S> half_c = linalg::inv(a + eye) * q * ahi_inv;
  const MatrixT<S> c = half_c + half_c;  // 2 (...) exactly, without a complex<float> broadcast (see discrete_direct)
  return continuous_lyapunov<S>("solve_discrete_lyapunov", b.adjoint(), -c);
}

template <class S>
MatrixT<S> discrete_lyapunov(const MatrixT<S>& a, const MatrixT<S>& q, const DiscreteLyapunovOptions& options) {
  constexpr const char* where = "solve_discrete_lyapunov";
  check_square_pair(where, a, q);
  if (a.size() == 0) return MatrixT<S>(0, 0);
  switch (options.method) {
    case DiscreteLyapunovMethod::automatic: return a.rows() >= 10 ? discrete_bilinear(a, q) : discrete_direct(a, q);
    case DiscreteLyapunovMethod::direct: return discrete_direct(a, q);
    case DiscreteLyapunovMethod::bilinear: return discrete_bilinear(a, q);
  }
  throw ValueError(cat(where, ": unknown method"));
}

}  // namespace

MatrixT<float> solve_sylvester(const MatrixT<float>& a, const MatrixT<float>& b, const MatrixT<float>& q) {
  return sylvester(a, b, q);
}
MatrixT<double> solve_sylvester(const MatrixT<double>& a, const MatrixT<double>& b, const MatrixT<double>& q) {
  return sylvester(a, b, q);
}
MatrixT<std::complex<float>> solve_sylvester(const MatrixT<std::complex<float>>& a,
                                             const MatrixT<std::complex<float>>& b,
                                             const MatrixT<std::complex<float>>& q) {
  return sylvester(a, b, q);
}
MatrixT<std::complex<double>> solve_sylvester(const MatrixT<std::complex<double>>& a,
                                              const MatrixT<std::complex<double>>& b,
                                              const MatrixT<std::complex<double>>& q) {
  return sylvester(a, b, q);
}

MatrixT<float> solve_continuous_lyapunov(const MatrixT<float>& a, const MatrixT<float>& q) {
  return continuous_lyapunov("solve_continuous_lyapunov", a, q);
}
MatrixT<double> solve_continuous_lyapunov(const MatrixT<double>& a, const MatrixT<double>& q) {
  return continuous_lyapunov("solve_continuous_lyapunov", a, q);
}
MatrixT<std::complex<float>> solve_continuous_lyapunov(const MatrixT<std::complex<float>>& a,
                                                       const MatrixT<std::complex<float>>& q) {
  return continuous_lyapunov("solve_continuous_lyapunov", a, q);
}
MatrixT<std::complex<double>> solve_continuous_lyapunov(const MatrixT<std::complex<double>>& a,
                                                        const MatrixT<std::complex<double>>& q) {
  return continuous_lyapunov("solve_continuous_lyapunov", a, q);
}

MatrixT<float> solve_discrete_lyapunov(const MatrixT<float>& a, const MatrixT<float>& q,
                                       const DiscreteLyapunovOptions& options) {
  return discrete_lyapunov(a, q, options);
}
MatrixT<double> solve_discrete_lyapunov(const MatrixT<double>& a, const MatrixT<double>& q,
                                        const DiscreteLyapunovOptions& options) {
  return discrete_lyapunov(a, q, options);
}
MatrixT<std::complex<float>> solve_discrete_lyapunov(const MatrixT<std::complex<float>>& a,
                                                     const MatrixT<std::complex<float>>& q,
                                                     const DiscreteLyapunovOptions& options) {
  return discrete_lyapunov(a, q, options);
}
MatrixT<std::complex<double>> solve_discrete_lyapunov(const MatrixT<std::complex<double>>& a,
                                                      const MatrixT<std::complex<double>>& q,
                                                      const DiscreteLyapunovOptions& options) {
  return discrete_lyapunov(a, q, options);
}

}  // namespace scilearn::linalg::detail
