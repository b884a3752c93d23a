// linalg::expm: Al-Mohy and Higham's scaling and squaring ("A new scaling and
// squaring algorithm for the matrix exponential", SIAM J. Matrix Anal. Appl.
// 31(3), 2009) with the choices of scipy.linalg.expm 1.17: the degree m and
// the number s of squarings come out as SciPy's for the same a (the same
// norms, thresholds and backward error bound), so results agree to rounding.
//
// Cost, degree 13 (any a of norm above ~2): the products a^2, a^4, a^6, one
// n x 2n product a^6 [w1 | z1] for the two degree-6 polynomials, u = a w,
// one LU solve, then s squarings; no product is formed twice and every
// buffer is reused (six n x n in all). Below order 400, SciPy also forms a^8
// and a^10 only for their norms; so do we (the degree depends on them).

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <scilearn/core/validation.hpp>
#include <scilearn/linalg/expm.hpp>
#include <utility>
#include <vector>

#include "expm_pade.hpp"
#include "lapack_expm.hpp"

namespace scilearn::linalg::detail {
namespace {

constexpr const char* kWhere = "expm";

// From this order on, ||a^8|| and ||a^10|| are estimated (LAPACK's ?lacn2)
// rather than formed: SciPy's break-even between a product and the estimator.
constexpr Index kEstimateOrder = 400;

// theta_m (Al-Mohy and Higham, Table 3.1, double precision) for m = 3, 5, 7,
// 9, 13: r_m(a) is exp(a) to the unit roundoff when eta_m(a) <= theta_m.
// SciPy uses these values for single precision too, and so do we.
constexpr std::array<double, 5> kTheta{1.495585217958292e-2, 2.539398330063230e-1, 9.504178996162932e-1,
                                       2.097847961257068e0, 4.25};

// u / |c_{2m+1}| in double precision (u = 2^-53, c_{2m+1} the leading
// coefficient of r_m's backward error series): the bound ell_m of the paper's
// section 5, which adds squarings when |a|'s powers decay slowly. The values
// are SciPy's; single precision's are 2^29 times larger (u = 2^-24).
constexpr std::array<double, 5> kEllCoeff{1.1191048088221578e-11, 1.1167770708198077e-06, 4.9826124310493469e-01,
                                          6.5662862500000000e+05, 1.2573361865339437e+19};

// More squarings than this scale any finite a to zero: 2^-s underflows.
constexpr int kMaxSquarings = 2200;

template <class S>
real_t<S> ell_coeff(int index) {
  const double scale = std::is_same_v<real_t<S>, float> ? 536870912.0 : 1.0;  // 2^29 for float
  return static_cast<real_t<S>>(kEllCoeff[static_cast<std::size_t>(index)] * scale);
}

// ceil(x), or 0 when x is not positive or not a number, capped at kMaxSquarings.
template <class R>
int ceil_count(R x) {
  if (!(x > 0)) return 0;
  return x >= static_cast<R>(kMaxSquarings) ? kMaxSquarings : static_cast<int>(std::ceil(x));
}

// Bandwidths of a: lower = largest i - j, upper = largest j - i over the
// nonzero entries (0 and 0: diagonal).
struct Bandwidth {
  Index lower = 0;
  Index upper = 0;
};

template <class S>
Bandwidth bandwidth(const Eigen::Ref<const MatrixT<S>>& a) {
  Bandwidth bw;
  for (Index j = 0; j < a.cols(); ++j) {
    for (Index i = 0; i < a.rows(); ++i) {
      if (a(i, j) != S(0)) {
        bw.lower = std::max(bw.lower, i - j);
        bw.upper = std::max(bw.upper, j - i);
      }
    }
  }
  return bw;
}

// The 1-norm (largest column sum) of an n x n matrix.
template <class S, class Derived>
real_t<S> norm1(const Eigen::MatrixBase<Derived>& m) {
  return m.cwiseAbs().colwise().sum().maxCoeff();
}

// || |a|^k ||_inf for growing k, as |a|^k 1 (products of |a| with a vector):
// the quantity SciPy's backward error bound uses (exact, no estimation).
template <class S>
class AbsPowerNorms {
 public:
  using R = real_t<S>;
  explicit AbsPowerNorms(const MatrixT<S>& a)
      : abs_(a.cwiseAbs()), v_(VectorT<R>::Ones(a.rows())), w_(a.rows()), norm_(next(1)) {}

  // || |a| ||_inf.
  [[nodiscard]] R norm() const { return norm_; }

  // Multiplies by |a| `times` more times; returns || |a|^k ||_inf for the new k.
  R next(int times) {
    for (int i = 0; i < times; ++i) {
      w_.noalias() = abs_ * v_;
      v_.swap(w_);
    }
    return v_.maxCoeff();
  }

  // Continues for a / 2^s, |a|^k 1 having been formed: |a| / 2^s, v / 2^(k s).
  void scale(int s, int k) {
    abs_ *= std::pow(R(2), R(-s));
    v_ *= std::pow(R(2), R(-k) * R(s));
    norm_ *= std::pow(R(2), R(-s));
  }

 private:
  MatrixT<R> abs_;
  VectorT<R> v_, w_;
  R norm_;
};

// ell_m: the extra squarings that keep the backward error below u, from
// || |a|^(2m+1) ||, ||a|| and u / |c_{2m+1}| (index into kEllCoeff).
template <class S>
int ell(real_t<S> abs_power_norm, real_t<S> norm, int index, int m) {
  if (!(abs_power_norm > 0)) return 0;  // |a| nilpotent: the series ends
  return ceil_count(std::log2(abs_power_norm / norm / ell_coeff<S>(index)) / real_t<S>(2 * m));
}

// LAPACK's estimate (?lacn2) of ||f g||_inf = ||(f g)^T||_1, applying f g as
// two products with a vector. SciPy estimates the infinity norms of a^8 and
// a^10 (its row-major a seen by column-major LAPACK); with f, g powers of a
// already formed, a^8 = a^4 a^4 and a^10 = a^4 a^6 cost two products a step
// rather than eight or ten.
template <class S>
real_t<S> estimate_inf_norm(const Eigen::Ref<const MatrixT<S>>& f, const Eigen::Ref<const MatrixT<S>>& g) {
  const Index n = f.rows();
  VectorT<S> v(n), x(n), y(n);
  std::vector<lapack_index> isgn(static_cast<std::size_t>(n));
  std::array<lapack_index, 3> isave{};
  real_t<S> est = 0;
  lapack_index kase = 0;
  for (;;) {
    lacn2(static_cast<lapack_index>(n), v.data(), x.data(), isgn.data(), &est, &kase, isave.data());
    if (kase == 0) return est;
    if (kase == 1) {  // x <- (f g)^T x
      y.noalias() = f.transpose() * x;
      x.noalias() = g.transpose() * y;
    } else {  // x <- ((f g)^T)^H x = conj(f g) x
      if constexpr (is_complex_v<S>) x = x.conjugate();
      y.noalias() = g * x;
      x.noalias() = f * y;
      if constexpr (is_complex_v<S>) x = x.conjugate();
    }
  }
}

// The powers of a that the approximant uses, in reused buffers: a2 and a4
// side by side in one n x 2n block (they become the degree-13 polynomials'
// constant parts in place), a6, and a8 (degree 9; below kEstimateOrder also
// the scratch for a^8 and a^10).
template <class S>
struct Powers {
  explicit Powers(const Eigen::Ref<const MatrixT<S>>& a_in)
      : a(a_in), a24(a.rows(), 2 * a.rows()), a6(a.rows(), a.rows()) {}
  auto a2() { return a24.leftCols(a.rows()); }
  auto a4() { return a24.rightCols(a.rows()); }
  MatrixT<S> a;
  MatrixT<S> a24;
  MatrixT<S> a6;
  MatrixT<S> a8;
};

struct Degree {
  int m = 13;
  int s = 0;
};

// SciPy's choice of m and s (Al-Mohy and Higham's Algorithm 5.1, SciPy's
// variant: eta from ||a^4||, ||a^6||, ||a^8||, ||a^10||, ell from |a|'s
// powers). Forms a^2, a^4, a^6 (and a^8 where needed); for m = 13 scales a
// and its powers by 2^-s, 4^-s, 16^-s, 64^-s.
template <class S>
Degree choose_degree(Powers<S>& p) {
  using R = real_t<S>;
  const Index n = p.a.rows();
  AbsPowerNorms<S> abs_powers(p.a);
  gemm<S>(p.a, p.a, S(0), p.a2());
  gemm<S>(p.a2(), p.a2(), S(0), p.a4());
  gemm<S>(p.a4(), p.a2(), S(0), p.a6);
  const R d4 = std::pow(norm1<S>(p.a4()), R(0.25));
  const R d6 = std::pow(norm1<S>(p.a6), R(1) / R(6));
  const R eta1 = std::max(d4, d6);
  const R norm = abs_powers.norm();

  // The bounds are evaluated in order whatever the outcome: each continues
  // the products of |a| with a vector (|a|^7, |a|^11, |a|^15, |a|^19).
  if (ell<S>(abs_powers.next(6), norm, 0, 3) == 0 && eta1 < R(kTheta[0])) return {3, 0};
  if (ell<S>(abs_powers.next(4), norm, 1, 5) == 0 && eta1 < R(kTheta[1])) return {5, 0};

  const bool exact = n < kEstimateOrder;
  R d8 = 0;
  if (exact) {
    p.a8.resize(n, n);
    gemm<S>(p.a4(), p.a4(), S(0), p.a8);
    d8 = std::pow(norm1<S>(p.a8), R(0.125));
  } else {
    d8 = std::pow(estimate_inf_norm<S>(p.a4(), p.a4()), R(0.125));
  }
  const R eta2 = std::max(d6, d8);
  if (ell<S>(abs_powers.next(4), norm, 2, 7) == 0 && eta2 < R(kTheta[2])) return {7, 0};
  if (ell<S>(abs_powers.next(4), norm, 3, 9) == 0 && eta2 < R(kTheta[3])) {
    if (!exact) {
      p.a8.resize(n, n);
      gemm<S>(p.a4(), p.a4(), S(0), p.a8);
    }
    return {9, 0};
  }

  R d10 = 0;
  if (exact) {
    gemm<S>(p.a6, p.a4(), S(0), p.a8);  // a^10, only for its norm
    d10 = std::pow(norm1<S>(p.a8), R(0.1));
  } else {
    d10 = std::pow(estimate_inf_norm<S>(p.a4(), p.a6), R(0.1));
  }
  const R eta4 = std::min(eta2, std::max(d8, d10));
  int s = ceil_count(std::log2(eta4 / R(kTheta[4])));
  if (s != 0) abs_powers.scale(s, 19);
  s = std::min(kMaxSquarings, s + ell<S>(abs_powers.next(8), abs_powers.norm(), 4, 13));
  if (s != 0) {
    p.a *= std::pow(R(2), R(-s));
    p.a2() *= std::pow(R(4), R(-s));
    p.a4() *= std::pow(R(16), R(-s));
    p.a6 *= std::pow(R(64), R(-s));
  }
  return {13, s};
}

// r = q^-1 p = I + 2 (V - U)^-1 U from u (U on entry, r on exit) and q
// (V - U on entry, destroyed).
template <class S>
void finish_pade(Eigen::Ref<MatrixT<S>> u, Eigen::Ref<MatrixT<S>> q) {
  const std::vector<lapack_index> ipiv = factor_denominator<S>(kWhere, q);
  solve_denominator<S>(q, ipiv, u);
  u *= real_t<S>(2);  // a real factor: Eigen's complex<float> constant packets load misaligned
  u.diagonal().array() += S(1);
}

// r_m(a) for m = 3, 5, 7, 9 (never scaled: s = 0). With k = (m - 1) / 2 and
// the powers a^2j: U = a (sum_j b_2j+1 a^2j), V = sum_j b_2j a^2j, both
// polynomials in one pass over the powers.
template <class S>
MatrixT<S> pade_low(Powers<S>& p, int m) {
  const std::span<const double> b = low_degree_pade(m);
  const Index n = p.a.rows();
  const int k = (m - 1) / 2;
  const std::array<const S*, 4> power{p.a2().data(), p.a4().data(), p.a6.data(), p.a8.data()};
  MatrixT<S> w(n, n);
  S* v = p.a2().data();  // V overwrites a^2, read first at each entry
  for (Index e = 0; e < n * n; ++e) {
    S odd(0), even(0);
    for (int j = k; j >= 1; --j) {
      const S pj = power[static_cast<std::size_t>(j - 1)][e];
      odd += S(b[static_cast<std::size_t>(2 * j + 1)]) * pj;
      even += S(b[static_cast<std::size_t>(2 * j)]) * pj;
    }
    w.data()[e] = odd;
    v[e] = even;
  }
  w.diagonal().array() += S(b[1]);
  p.a2().diagonal().array() += S(b[0]);
  MatrixT<S> r(n, n);
  gemm<S>(p.a, w, S(0), r);  // U
  p.a2() -= r;               // V - U
  finish_pade<S>(r, p.a2());
  return r;
}

// r_13(a): U = a (a^6 w1 + w2), V = a^6 z1 + z2 with w1 = b13 a^6 + b11 a^4 +
// b9 a^2, w2 = b7 a^6 + b5 a^4 + b3 a^2 + b1 I, z1 = b12 a^6 + b10 a^4 +
// b8 a^2, z2 = b6 a^6 + b4 a^4 + b2 a^2 + b0 I (Higham 2005, eq. 2.10).
// [w2 | z2] overwrite [a^2 | a^4]; a^6 [w1 | z1] is one n x 2n product.
template <class S>
MatrixT<S> pade13(Powers<S>& p) {
  const auto& b = kPade13;
  const Index n = p.a.rows();
  MatrixT<S> wz(n, 2 * n);
  S* a2 = p.a2().data();
  S* a4 = p.a4().data();
  const S* a6 = p.a6.data();
  S* w1 = wz.data();
  S* z1 = wz.data() + n * n;
  for (Index e = 0; e < n * n; ++e) {
    const S t2 = a2[e], t4 = a4[e], t6 = a6[e];
    w1[e] = S(b[13]) * t6 + S(b[11]) * t4 + S(b[9]) * t2;
    z1[e] = S(b[12]) * t6 + S(b[10]) * t4 + S(b[8]) * t2;
    a2[e] = S(b[7]) * t6 + S(b[5]) * t4 + S(b[3]) * t2;
    a4[e] = S(b[6]) * t6 + S(b[4]) * t4 + S(b[2]) * t2;
  }
  p.a2().diagonal().array() += S(b[1]);
  p.a4().diagonal().array() += S(b[0]);
  gemm<S>(p.a6, wz, S(1), p.a24);  // [a^6 w1 + w2 | V]
  auto u = wz.leftCols(n);
  gemm<S>(p.a, p.a2(), S(0), u);
  p.a4() -= u;  // V - U
  finish_pade<S>(u, p.a4());
  p.a6 = u;  // a^6 is free: r moves to a standalone n x n buffer
  return std::move(p.a6);
}

// Higham's formula (10.42) for exp's first off diagonal of a 2 x 2 triangular
// block, as SciPy's _exp_sinch: (e^y - e^x) / (y - x), e^x where y == x.
template <class S>
S exp_sinch(S x, S y) {
  return y == x ? std::exp(x) : (std::exp(y) - std::exp(x)) / (y - x);
}

// Code Fragment 2.1 of the paper: for triangular a, after each squaring the
// diagonal and first off diagonal of r^(2^(s-i)) are replaced by their exact
// values for a / 2^i, which keeps the squarings from amplifying their errors.
template <class S>
MatrixT<S> square_triangular(const Eigen::Ref<const MatrixT<S>>& a, MatrixT<S> x, int s, bool upper) {
  using R = real_t<S>;
  const Index n = a.rows();
  const int k = upper ? 1 : -1;
  const auto exact_diagonals = [&](MatrixT<S>& m, int i) {
    const R scale = std::pow(R(2), R(-i));
    for (Index j = 0; j < n; ++j) m(j, j) = std::exp(a(j, j) * scale);
    for (Index j = 0; j + 1 < n; ++j) {
      const S off = upper ? a(j, j + 1) : a(j + 1, j);
      const S value = exp_sinch(a(j, j) * scale, a(j + 1, j + 1) * scale) * (off * scale);
      m.diagonal(k)(j) = value;
    }
  };
  for (Index j = 0; j < n; ++j) x(j, j) = std::exp(a(j, j) * std::pow(R(2), R(-s)));
  MatrixT<S> y(n, n);
  for (int i = s - 1; i >= 0; --i) {
    if (upper) {
      y.noalias() = x.template triangularView<Eigen::Upper>() * x;
    } else {
      y.noalias() = x.template triangularView<Eigen::Lower>() * x;
    }
    x.swap(y);
    exact_diagonals(x, i);
  }
  return x;
}

template <class S>
MatrixT<S> expm_any(const Eigen::Ref<const MatrixT<S>>& a, const ExpmOptions& options) {
  check_square(kWhere, "a", a);
  if (options.check_finite) check_finite(kWhere, "a", a);
  const Index n = a.rows();
  (void)to_lapack_index(kWhere, n);
  const Bandwidth bw = bandwidth<S>(a);
  if (bw.lower == 0 && bw.upper == 0) {  // diagonal (also 1 x 1 and 0 x 0): entrywise
    MatrixT<S> r(n, n);
    std::fill(r.data(), r.data() + r.size(), S(0));
    for (Index j = 0; j < n; ++j) r(j, j) = std::exp(a(j, j));
    return r;
  }
  Powers<S> p(a);
  const Degree d = choose_degree<S>(p);
  MatrixT<S> x = d.m == 13 ? pade13<S>(p) : pade_low<S>(p, d.m);
  const bool triangular = bw.lower == 0 || bw.upper == 0;
  if (triangular) {
    const bool upper = bw.lower == 0;
    if (d.s != 0) x = square_triangular<S>(a, std::move(x), d.s, upper);
    // Exact zeros outside the triangle, as SciPy's triu / tril.
    if (upper) {
      x.template triangularView<Eigen::StrictlyLower>().setZero();
    } else {
      x.template triangularView<Eigen::StrictlyUpper>().setZero();
    }
    return x;
  }
  MatrixT<S>& y = p.a;  // free after the approximant: the squarings' second buffer
  for (int i = 0; i < d.s; ++i) {
    gemm<S>(x, x, S(0), y);
    x.swap(y);
  }
  return x;
}

}  // namespace

MatrixT<float> expm(const Eigen::Ref<const MatrixT<float>>& a, const ExpmOptions& options) {
  return expm_any<float>(a, options);
}
MatrixT<double> expm(const Eigen::Ref<const MatrixT<double>>& a, const ExpmOptions& options) {
  return expm_any<double>(a, options);
}
MatrixT<std::complex<float>> expm(const Eigen::Ref<const MatrixT<std::complex<float>>>& a, const ExpmOptions& options) {
  return expm_any<std::complex<float>>(a, options);
}
MatrixT<std::complex<double>> expm(const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
                                   const ExpmOptions& options) {
  return expm_any<std::complex<double>>(a, options);
}

}  // namespace scilearn::linalg::detail
