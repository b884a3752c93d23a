// linalg::expm_frechet: Al-Mohy and Higham's Algorithm 6.4 ("Computing the
// Frechet derivative of the matrix exponential, with an application to
// condition number estimation", SIAM J. Matrix Anal. Appl. 30(4), 2009) as
// scipy.linalg.expm_frechet 1.17 runs it: the degree from ||a||_1 and the
// paper's Table 6.1, the derivatives of the Pade numerator and denominator
// by the product rule on the powers of a, then s squarings of the pair.

#include <algorithm>
#include <array>
#include <cmath>
#include <scilearn/core/validation.hpp>
#include <scilearn/linalg/expm.hpp>
#include <utility>
#include <vector>

#include "expm_pade.hpp"

namespace scilearn::linalg::detail {
namespace {

constexpr const char* kWhere = "expm_frechet";

// ell_m of Table 6.1 for m = 3, 5, 7, 9, 13: with ||a||_1 <= ell_m the degree
// m approximant of the pair has backward error below 2^-53.
constexpr std::array<int, 4> kLowDegrees{3, 5, 7, 9};
constexpr std::array<double, 4> kLowDegreeBound{1.08e-2, 2.00e-1, 7.83e-1, 1.78e0};
constexpr double kDegree13Bound = 4.74e0;

// U, V of the approximant and their derivatives Lu, Lv in the direction e.
template <class S>
struct PadePair {
  MatrixT<S> u, v, lu, lv;
};

// Degrees 3 to 9: the powers a^2j and their derivatives M_2j = L(a^2j, e)
// (M2 = a e + e a, then the product rule on a^4 = a^2 a^2, a^6 = a^2 a^4,
// a^8 = a^4 a^4), combined with the approximant's odd and even coefficients.
template <class S>
PadePair<S> low_degree(const MatrixT<S>& a, const MatrixT<S>& e, int m) {
  const std::span<const double> b = low_degree_pade(m);
  const int k = (m - 1) / 2;
  std::vector<MatrixT<S>> p, dp;
  p.emplace_back(a * a);
  dp.emplace_back(a * e + e * a);
  if (k >= 2) {
    p.emplace_back(p[0] * p[0]);
    dp.emplace_back(p[0] * dp[0] + dp[0] * p[0]);
  }
  if (k >= 3) {
    p.emplace_back(p[0] * p[1]);
    dp.emplace_back(p[1] * dp[0] + dp[1] * p[0]);
  }
  if (k >= 4) {
    p.emplace_back(p[1] * p[1]);
    dp.emplace_back(p[1] * dp[1] + dp[1] * p[1]);
  }
  // Real coefficients throughout: Eigen's packet of a std::complex<float>
  // constant is loaded as a double from a 4-byte aligned address.
  using R = real_t<S>;
  const auto coef = [&](int j) { return static_cast<R>(b[static_cast<std::size_t>(j)]); };
  MatrixT<S> odd = coef(3) * p[0];
  MatrixT<S> even = coef(2) * p[0];
  MatrixT<S> dodd = coef(3) * dp[0];
  MatrixT<S> deven = coef(2) * dp[0];
  for (int j = 2; j <= k; ++j) {
    const auto i = static_cast<std::size_t>(j - 1);
    odd += coef(2 * j + 1) * p[i];
    even += coef(2 * j) * p[i];
    dodd += coef(2 * j + 1) * dp[i];
    deven += coef(2 * j) * dp[i];
  }
  odd.diagonal().array() += S(coef(1));
  even.diagonal().array() += S(coef(0));
  PadePair<S> r;
  r.u.noalias() = a * odd;
  r.lu.noalias() = a * dodd;
  r.lu.noalias() += e * odd;
  r.v = std::move(even);
  r.lv = std::move(deven);
  return r;
}

// Degree 13 on the scaled a, e (Higham 2005, eq. 2.10, and its derivative):
// U = a w, w = a^6 w1 + w2; V = a^6 z1 + z2; Lu = a Lw + e w with
// Lw = a^6 Lw1 + M6 w1 + Lw2; Lv = a^6 Lz1 + M6 z1 + Lz2.
template <class S>
PadePair<S> degree13(const MatrixT<S>& a, const MatrixT<S>& e) {
  const auto& b = kPade13;
  const auto c = [&](int j) { return static_cast<real_t<S>>(b[static_cast<std::size_t>(j)]); };  // real: see low_degree
  const MatrixT<S> a2 = a * a;
  const MatrixT<S> m2 = a * e + e * a;
  const MatrixT<S> a4 = a2 * a2;
  const MatrixT<S> m4 = a2 * m2 + m2 * a2;
  const MatrixT<S> a6 = a2 * a4;
  const MatrixT<S> m6 = a4 * m2 + m4 * a2;
  const MatrixT<S> w1 = c(13) * a6 + c(11) * a4 + c(9) * a2;
  MatrixT<S> w2 = c(7) * a6 + c(5) * a4 + c(3) * a2;
  w2.diagonal().array() += S(c(1));
  const MatrixT<S> z1 = c(12) * a6 + c(10) * a4 + c(8) * a2;
  MatrixT<S> w = w2;
  w.noalias() += a6 * w1;
  PadePair<S> r;
  r.u.noalias() = a * w;
  r.v = c(6) * a6 + c(4) * a4 + c(2) * a2;
  r.v.diagonal().array() += S(c(0));
  r.v.noalias() += a6 * z1;
  MatrixT<S> lw = c(7) * m6 + c(5) * m4 + c(3) * m2;
  lw.noalias() += a6 * (c(13) * m6 + c(11) * m4 + c(9) * m2);
  lw.noalias() += m6 * w1;
  r.lu.noalias() = a * lw;
  r.lu.noalias() += e * w;
  r.lv = c(6) * m6 + c(4) * m4 + c(2) * m2;
  r.lv.noalias() += a6 * (c(12) * m6 + c(10) * m4 + c(8) * m2);
  r.lv.noalias() += m6 * z1;
  return r;
}

template <class S>
ExpmFrechet<S> scaling_pade_squaring(const Eigen::Ref<const MatrixT<S>>& a_in,
                                     const Eigen::Ref<const MatrixT<S>>& e_in) {
  using R = real_t<S>;
  MatrixT<S> a = a_in;
  MatrixT<S> e = e_in;
  const double norm = static_cast<double>(a.cwiseAbs().colwise().sum().maxCoeff());
  int s = 0;
  PadePair<S> pade;
  const auto low = std::find_if(kLowDegreeBound.begin(), kLowDegreeBound.end(), [&](double b) { return norm <= b; });
  if (low != kLowDegreeBound.end()) {
    pade = low_degree<S>(a, e, kLowDegrees[static_cast<std::size_t>(low - kLowDegreeBound.begin())]);
  } else {
    const double x = std::ceil(std::log2(norm / kDegree13Bound));
    s = x > 0 ? static_cast<int>(std::min(x, 2200.0)) : 0;  // more would scale any finite a to zero
    const R scale = std::pow(R(2), R(-s));
    a *= scale;
    e *= scale;
    pade = degree13<S>(a, e);
  }
  // Factor once, solve twice: R = q^-1 (U + V), L = q^-1 (Lu + Lv + (Lu - Lv) R).
  MatrixT<S> q = pade.v - pade.u;
  const std::vector<lapack_index> ipiv = factor_denominator<S>(kWhere, q);
  ExpmFrechet<S> out;
  out.expm = pade.u + pade.v;
  solve_denominator<S>(q, ipiv, out.expm);
  out.frechet = pade.lu + pade.lv;
  out.frechet.noalias() += (pade.lu - pade.lv) * out.expm;
  solve_denominator<S>(q, ipiv, out.frechet);
  MatrixT<S> next(a.rows(), a.cols());
  for (int k = 0; k < s; ++k) {  // L <- R L + L R, R <- R^2
    next.noalias() = out.expm * out.frechet;
    next.noalias() += out.frechet * out.expm;
    out.frechet.swap(next);
    next.noalias() = out.expm * out.expm;
    out.expm.swap(next);
  }
  return out;
}

// exp([[a, e], [0, a]]) = [[exp(a), L(a, e)], [0, exp(a)]] (Mathias 1996).
template <class S>
ExpmFrechet<S> block_enlarge(const Eigen::Ref<const MatrixT<S>>& a, const Eigen::Ref<const MatrixT<S>>& e) {
  const Index n = a.rows();
  MatrixT<S> big(2 * n, 2 * n);
  big.bottomLeftCorner(n, n) = a - a;  // zeros, without a complex<float> constant packet
  big.topLeftCorner(n, n) = a;
  big.topRightCorner(n, n) = e;
  big.bottomRightCorner(n, n) = a;
  const MatrixT<S> x = detail::expm(big, ExpmOptions{.check_finite = false});
  return {x.topLeftCorner(n, n), x.topRightCorner(n, n)};
}

template <class S>
ExpmFrechet<S> frechet_any(const Eigen::Ref<const MatrixT<S>>& a, const Eigen::Ref<const MatrixT<S>>& e,
                           const ExpmFrechetOptions& options) {
  check_square(kWhere, "a", a);
  check_square(kWhere, "e", e);
  if (a.rows() != e.rows()) {
    throw ValueError(cat(kWhere, ": a is ", a.rows(), "x", a.cols(), " but e is ", e.rows(), "x", e.cols(),
                         ", expected the same shape"));
  }
  if (options.check_finite) {
    check_finite(kWhere, "a", a);
    check_finite(kWhere, "e", e);
  }
  (void)to_lapack_index(kWhere, 2 * a.rows());
  ExpmFrechet<S> out;
  if (a.rows() == 0) {
    out.frechet.resize(0, 0);
  } else if (options.method == ExpmFrechetMethod::SPS) {
    out = scaling_pade_squaring<S>(a, e);
  } else {
    out = block_enlarge<S>(a, e);
  }
  if (!options.compute_expm) out.expm.resize(0, 0);
  return out;
}

}  // namespace

ExpmFrechet<float> expm_frechet(const Eigen::Ref<const MatrixT<float>>& a, const Eigen::Ref<const MatrixT<float>>& e,
                                const ExpmFrechetOptions& options) {
  return frechet_any<float>(a, e, options);
}
ExpmFrechet<double> expm_frechet(const Eigen::Ref<const MatrixT<double>>& a, const Eigen::Ref<const MatrixT<double>>& e,
                                 const ExpmFrechetOptions& options) {
  return frechet_any<double>(a, e, options);
}
ExpmFrechet<std::complex<float>> expm_frechet(const Eigen::Ref<const MatrixT<std::complex<float>>>& a,
                                              const Eigen::Ref<const MatrixT<std::complex<float>>>& e,
                                              const ExpmFrechetOptions& options) {
  return frechet_any<std::complex<float>>(a, e, options);
}
ExpmFrechet<std::complex<double>> expm_frechet(const Eigen::Ref<const MatrixT<std::complex<double>>>& a,
                                               const Eigen::Ref<const MatrixT<std::complex<double>>>& e,
                                               const ExpmFrechetOptions& options) {
  return frechet_any<std::complex<double>>(a, e, options);
}

}  // namespace scilearn::linalg::detail
