#include <scilearn/core/validation.hpp>
#include <scilearn/linalg/toeplitz.hpp>
#include <unsupported/Eigen/FFT>
#include <vector>

#include "lapack.hpp"

namespace scilearn::linalg::detail {
namespace {

// c and r are SciPy 1-D arrays: accept a column or a row (or any n x 1 / 1 x n).
template <class S>
void check_vector(const char* where, const char* name, const Eigen::Ref<const MatrixT<S>>& v) {
  if (v.rows() != 1 && v.cols() != 1 && v.size() != 0) {
    throw ValueError(cat(where, ": ", name, " is ", v.rows(), "x", v.cols(), ", expected a vector"));
  }
}

// Entry k of a vector stored as a column or a row.
template <class S>
S entry(const Eigen::Ref<const MatrixT<S>>& v, Index k) {
  return v.cols() == 1 ? v(k, 0) : v(0, k);
}

// The working precision of the Levinson recursion: double, as SciPy's
// `levinson` (which upcasts float32 and complex64 input).
template <class S>
using Wide = std::conditional_t<is_complex_v<S>, std::complex<double>, double>;

[[noreturn]] void throw_singular_minor(Index order) {
  throw LinAlgError(
      cat("solve_toeplitz: singular principal minor (the leading ", order, "x", order, " submatrix is singular)"));
}

// Levinson-Durbin recursion for T x = b, T(i, j) = t(i - j) with t(k) = c(k)
// for k >= 0 and r(-k) for k < 0; all columns of x at once (the recursion for
// g and h does not depend on b). The same operations in the same order as
// SciPy's levinson (scipy/linalg/_solve_toeplitz.pyx, after Alan Miller's
// toeplitz.f90), so the results agree to rounding and the same pivots are
// found exactly zero. With a(k) = t(k - (n - 1)) as SciPy's array.
template <class S>
void levinson(const std::vector<Wide<S>>& a, Eigen::Ref<MatrixT<S>> x_out) {
  using W = Wide<S>;
  const Index n = x_out.rows();
  const Index k = x_out.cols();
  const MatrixT<W> b = x_out.template cast<W>();
  MatrixT<W> x = MatrixT<W>::Zero(n, k);
  std::vector<W> g(static_cast<std::size_t>(n)), h(static_cast<std::size_t>(n));
  std::vector<W> x_num(static_cast<std::size_t>(k));
  auto at = [&](Index i) { return a[static_cast<std::size_t>(i)]; };
  auto gi = [&](Index i) -> W& { return g[static_cast<std::size_t>(i)]; };
  auto hi = [&](Index i) -> W& { return h[static_cast<std::size_t>(i)]; };

  if (at(n - 1) == W(0)) throw_singular_minor(1);
  for (Index col = 0; col < k; ++col) x(0, col) = b(0, col) / at(n - 1);
  if (n > 1) {
    gi(0) = at(n - 2) / at(n - 1);
    hi(0) = at(n) / at(n - 1);
  }
  for (Index m = 1; m < n; ++m) {
    W x_den = -at(n - 1);
    for (Index col = 0; col < k; ++col) x_num[static_cast<std::size_t>(col)] = -b(m, col);
    for (Index j = 0; j < m; ++j) {
      const W a_nmj = at(n + m - (j + 1));
      for (Index col = 0; col < k; ++col) x_num[static_cast<std::size_t>(col)] += a_nmj * x(j, col);
      x_den += a_nmj * gi(m - j - 1);
    }
    if (x_den == W(0)) throw_singular_minor(m + 1);
    for (Index col = 0; col < k; ++col) {
      x(m, col) = x_num[static_cast<std::size_t>(col)] / x_den;
      for (Index j = 0; j < m; ++j) x(j, col) -= x(m, col) * gi(m - j - 1);
    }
    if (m == n - 1) break;

    W g_num = -at(n - m - 2);
    W h_num = -at(n + m);
    W g_den = -at(n - 1);
    for (Index j = 0; j < m; ++j) {
      g_num += at(n + j - m - 1) * gi(j);
      h_num += at(n + m - j - 1) * hi(j);
      g_den += at(n + j - m - 1) * hi(m - j - 1);
    }
    if (g_den == W(0)) throw_singular_minor(m + 1);
    gi(m) = g_num / g_den;
    hi(m) = h_num / x_den;
    const W c1 = gi(m);
    const W c2 = hi(m);
    for (Index j = 0, kk = m - 1; j < (m + 1) / 2; ++j, --kk) {
      const W gj = gi(j), gk = gi(kk), hj = hi(j), hk = hi(kk);
      gi(j) = gj - c1 * hk;
      gi(kk) = gk - c1 * hj;
      hi(j) = hj - c2 * gk;
      hi(kk) = hk - c2 * gj;
    }
  }
  x_out = x.template cast<S>();
}

template <class S>
void solve_toeplitz_any(const Eigen::Ref<const MatrixT<S>>& c, const Eigen::Ref<const MatrixT<S>>* r,
                        Eigen::Ref<MatrixT<S>> x, const SolveToeplitzOptions& options) {
  constexpr const char* where = "solve_toeplitz";
  check_vector<S>(where, "c", c);
  if (r != nullptr) check_vector<S>(where, "r", *r);
  const Index n = c.size();
  const Index nr = r != nullptr ? r->size() : n;
  if (nr != n || x.rows() != n) {
    throw ValueError(cat(where, ": incompatible dimensions: c has ", n, " entries, r ", nr, " and b ", x.rows(),
                         " rows; expected all equal"));
  }
  if (options.check_finite) {
    check_finite(where, "c", c);
    if (r != nullptr) check_finite(where, "r", *r);
    check_finite(where, "b", x);
  }
  if (x.size() == 0) return;  // SciPy: empty b in, empty x out
  // SciPy's vals: r reversed without r(0), then c.
  std::vector<Wide<S>> a(static_cast<std::size_t>(2 * n - 1));
  for (Index i = 0; i < n; ++i) a[static_cast<std::size_t>(n - 1 + i)] = Wide<S>(entry<S>(c, i));
  for (Index i = 1; i < n; ++i) {
    const S ri = r != nullptr ? entry<S>(*r, i) : Eigen::numext::conj(entry<S>(c, i));
    a[static_cast<std::size_t>(n - 1 - i)] = Wide<S>(ri);
  }
  levinson<S>(a, x);
}

template <class S>
void solve_circulant_any(const Eigen::Ref<const MatrixT<S>>& c, Eigen::Ref<MatrixT<S>> x,
                         const SolveCirculantOptions& options) {
  constexpr const char* where = "solve_circulant";
  using R = real_t<S>;
  using C = std::complex<R>;
  check_vector<S>(where, "c", c);
  const Index n = c.size();
  if (x.rows() != n) {
    throw ValueError(
        cat(where, ": shapes of c (", n, " entries) and b (", x.rows(), "x", x.cols(), ") are incompatible"));
  }
  if (x.size() == 0) return;  // SciPy: empty b in, empty x out
  const auto un = static_cast<std::size_t>(n);
  Eigen::FFT<R> fft;  // a local object: its plan cache is not shared between threads
  std::vector<C> in(un), fc, fb, q(un), out;
  for (Index i = 0; i < n; ++i) in[static_cast<std::size_t>(i)] = C(entry<S>(c, i));
  fft.fwd(fc, in);
  // The eigenvalues of C are fft(c); those below numpy.linalg.matrix_rank's
  // threshold count as zero. SciPy takes float64's eps for every dtype; the
  // scalar's own eps is used here, as matrix_rank does (float32: a float64
  // threshold would be below the rounding error of the float FFT itself).
  R largest = 0;
  for (const C& v : fc) largest = std::max(largest, std::abs(v));
  const R tol =
      options.tol ? static_cast<R>(*options.tol) : largest * static_cast<R>(n) * std::numeric_limits<R>::epsilon();
  std::vector<bool> near_zero(un);
  bool singular = false;
  for (std::size_t i = 0; i < un; ++i) {
    near_zero[i] = std::abs(fc[i]) <= tol;
    singular = singular || near_zero[i];
  }
  if (singular && options.singular == CirculantSingular::raise) {
    throw LinAlgError(cat(where, ": near singular circulant matrix"));
  }
  for (Index col = 0; col < x.cols(); ++col) {
    for (Index i = 0; i < n; ++i) in[static_cast<std::size_t>(i)] = C(x(i, col));
    fft.fwd(fb, in);
    // lstsq: the pseudo-inverse of diag(fc) drops the (near) zero eigenvalues.
    for (std::size_t i = 0; i < un; ++i) q[i] = near_zero[i] ? C(0) : fb[i] / fc[i];
    fft.inv(out, q);
    for (Index i = 0; i < n; ++i) {
      const C v = out[static_cast<std::size_t>(i)];
      if constexpr (is_complex_v<S>) {
        x(i, col) = v;
      } else {
        x(i, col) = v.real();  // SciPy returns the real part for real c and b
      }
    }
  }
}

}  // namespace

void solve_toeplitz_in_place(const Eigen::Ref<const MatrixT<float>>& c, const Eigen::Ref<const MatrixT<float>>* r,
                             Eigen::Ref<MatrixT<float>> x, const SolveToeplitzOptions& options) {
  solve_toeplitz_any<float>(c, r, x, options);
}
void solve_toeplitz_in_place(const Eigen::Ref<const MatrixT<double>>& c, const Eigen::Ref<const MatrixT<double>>* r,
                             Eigen::Ref<MatrixT<double>> x, const SolveToeplitzOptions& options) {
  solve_toeplitz_any<double>(c, r, x, options);
}
void solve_toeplitz_in_place(const Eigen::Ref<const MatrixT<std::complex<float>>>& c,
                             const Eigen::Ref<const MatrixT<std::complex<float>>>* r,
                             Eigen::Ref<MatrixT<std::complex<float>>> x, const SolveToeplitzOptions& options) {
  solve_toeplitz_any<std::complex<float>>(c, r, x, options);
}
void solve_toeplitz_in_place(const Eigen::Ref<const MatrixT<std::complex<double>>>& c,
                             const Eigen::Ref<const MatrixT<std::complex<double>>>* r,
                             Eigen::Ref<MatrixT<std::complex<double>>> x, const SolveToeplitzOptions& options) {
  solve_toeplitz_any<std::complex<double>>(c, r, x, options);
}

void solve_circulant_in_place(const Eigen::Ref<const MatrixT<float>>& c, Eigen::Ref<MatrixT<float>> x,
                              const SolveCirculantOptions& options) {
  solve_circulant_any<float>(c, x, options);
}
void solve_circulant_in_place(const Eigen::Ref<const MatrixT<double>>& c, Eigen::Ref<MatrixT<double>> x,
                              const SolveCirculantOptions& options) {
  solve_circulant_any<double>(c, x, options);
}
void solve_circulant_in_place(const Eigen::Ref<const MatrixT<std::complex<float>>>& c,
                              Eigen::Ref<MatrixT<std::complex<float>>> x, const SolveCirculantOptions& options) {
  solve_circulant_any<std::complex<float>>(c, x, options);
}
void solve_circulant_in_place(const Eigen::Ref<const MatrixT<std::complex<double>>>& c,
                              Eigen::Ref<MatrixT<std::complex<double>>> x, const SolveCirculantOptions& options) {
  solve_circulant_any<std::complex<double>>(c, x, options);
}

}  // namespace scilearn::linalg::detail
