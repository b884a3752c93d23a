#pragma once
// Internal: the inverse scaling and squaring machinery that logm (Al-Mohy and
// Higham 2012) and fractional_matrix_power (Higham and Lin 2011) share, as
// SciPy's _matfuncs_inv_ssq: repeated triangular square roots until t is near
// the identity, with the diagonal and first superdiagonal of t^(1/2^s) - I
// recomputed accurately. Everything here is in complex<double>: SciPy computes
// these two functions in double precision whatever the input, and its
// parameters (the theta tables) are double precision ones.

#include <array>
#include <cmath>
#include <complex>
#include <numbers>
#include <optional>

#include "matrix_functions_common.hpp"

namespace scilearn::linalg::detail::inverse_scaling {

using C = std::complex<double>;
using MatrixC = MatrixT<C>;

// theta[m] for m = 1..7: the largest ||x|| for which the degree-m
// approximant meets double precision (index 0 unused).
using Theta = std::array<double, 8>;

// The unwinding number of z, SciPy's _unwindk.
inline int unwind(C z) { return static_cast<int>(std::ceil((z.imag() - std::numbers::pi) / (2 * std::numbers::pi))); }

// a^(1/2^k) - 1 without cancellation (Al-Mohy 2012, Algorithm 2), SciPy's
// _briggs_helper_function.
inline C briggs(C a, int k) {
  if (k == 0) return a - 1.0;
  if (k == 1) return std::sqrt(a) - 1.0;
  int k_hat = k;
  if (std::arg(a) >= std::numbers::pi / 2) {
    a = std::sqrt(a);
    k_hat = k - 1;
  }
  const C z0 = a - 1.0;
  a = std::sqrt(a);
  C r = 1.0 + a;
  for (int j = 1; j < k_hat; ++j) {
    a = std::sqrt(a);
    r *= 1.0 + a;
  }
  return z0 / r;
}

// The (1, 2) entry of [[l1, t12], [0, l2]]^p (Higham and Lin 2011, eq. 5.6),
// SciPy's _fractional_power_superdiag_entry.
inline C fractional_power_superdiag(C l1, C l2, C t12, double p) {
  if (l1 == l2) return t12 * p * std::pow(l1, p - 1);
  if (std::abs(l2 - l1) > std::abs(l1 + l2) / 2) return t12 * (std::pow(l2, p) - std::pow(l1, p)) / (l2 - l1);
  const C z = (l2 - l1) / (l2 + l1);
  const C log_l1 = std::log(l1);
  const C log_l2 = std::log(l2);
  const C tmp_a = t12 * std::exp((p / 2) * (log_l2 + log_l1));
  const int u = unwind(log_l2 - log_l1);
  const C tmp_b = p * (std::atanh(z) + (u != 0 ? C(0, std::numbers::pi * u) : C(0)));
  return tmp_a * (2.0 * std::sinh(tmp_b) / (l2 - l1));
}

// The (1, 2) entry of log([[l1, t12], [0, l2]]) (Higham 2008, eq. 11.28),
// SciPy's _logm_superdiag_entry.
inline C logm_superdiag(C l1, C l2, C t12) {
  if (l1 == l2) return t12 / l1;
  if (std::abs(l2 - l1) > std::abs(l1 + l2) / 2) return t12 * (std::log(l2) - std::log(l1)) / (l2 - l1);
  const C z = (l2 - l1) / (l2 + l1);
  const int u = unwind(std::log(l2) - std::log(l1));
  return t12 * 2.0 * (std::atanh(z) + (u != 0 ? C(0, std::numbers::pi * u) : C(0))) / (l2 - l1);
}

// Whether the principal branch formulas apply: no eigenvalue on the closed
// negative real axis, as SciPy tests it.
inline bool has_principal_branch(const MatrixC& t0) {
  for (Index j = 0; j < t0.rows(); ++j) {
    if (!(t0(j, j).real() > 0 || t0(j, j).imag() != 0)) return false;
  }
  return true;
}

// ||(t - I)^p||_1. SciPy estimates it (onenormest, a randomized estimate that
// is exact for n <= 2 and a lower bound otherwise); the exact norm costs
// O(p n^3) of triangular products, below the algorithm's own cost, and makes
// the choice of s and m deterministic.
inline double onenorm_m1_power(const MatrixC& t, int p) {
  MatrixC m = t;
  m.diagonal().array() -= 1.0;
  MatrixC power = m;
  for (int k = 1; k < p; ++k) power = (m.triangularView<Eigen::Upper>() * power).eval();
  return power.cwiseAbs().colwise().sum().maxCoeff();
}

struct Scaled {
  MatrixC r;  // t0^(1/2^s) - I
  int s = 0;  // square roots taken
  int m = 0;  // the approximant's degree
};

// SciPy's _inverse_squaring_helper (Al-Mohy and Higham 2012, Algorithm 4.1
// lines 1-22 / Higham and Lin 2011, Algorithm 5.1): t0 upper triangular with
// a nonzero diagonal.
inline Scaled inverse_squaring(const MatrixC& t0, const Theta& theta) {
  const Index n = t0.rows();
  MatrixC t = t0;
  VectorT<C> diag = t0.diagonal();
  int s0 = 0;
  while (n > 0 && (diag.array() - 1.0).abs().maxCoeff() > theta[7]) {
    diag = diag.array().sqrt();
    ++s0;
  }
  for (int i = 0; i < s0; ++i) t = sqrtm_triu(t);
  int s = s0;
  int k = 0;
  double d3 = std::pow(onenorm_m1_power(t, 3), 1.0 / 3);
  const double a2 = std::max(std::pow(onenorm_m1_power(t, 2), 0.5), d3);
  std::optional<int> m;
  for (int i : {1, 2}) {
    if (a2 <= theta[i]) {
      m = i;
      break;
    }
  }
  while (!m) {
    if (s > s0) d3 = std::pow(onenorm_m1_power(t, 3), 1.0 / 3);
    const double d4 = std::pow(onenorm_m1_power(t, 4), 0.25);
    const double a3 = std::max(d3, d4);
    if (a3 <= theta[7]) {
      int j1 = 7;
      for (int i = 3; i <= 7; ++i) {
        if (a3 <= theta[i]) {
          j1 = i;
          break;
        }
      }
      if (j1 <= 6) {
        m = j1;
        break;
      }
      if (a3 / 2 <= theta[5] && k < 2) {
        ++k;
        t = sqrtm_triu(t);
        ++s;
        continue;
      }
    }
    const double d5 = std::pow(onenorm_m1_power(t, 5), 0.2);
    const double eta = std::min(a3, std::max(d4, d5));
    for (int i : {6, 7}) {
      if (eta <= theta[i]) {
        m = i;
        break;
      }
    }
    if (m) break;
    t = sqrtm_triu(t);
    ++s;
  }
  Scaled out{t, s, *m};
  out.r.diagonal().array() -= 1.0;
  if (has_principal_branch(t0)) {
    for (Index j = 0; j < n; ++j) out.r(j, j) = briggs(t0(j, j), s);
    const double p = std::exp2(-s);
    for (Index j = 0; j + 1 < n; ++j) {
      out.r(j, j + 1) = fractional_power_superdiag(t0(j, j), t0(j + 1, j + 1), t0(j, j + 1), p);
    }
  }
  return out;
}

}  // namespace scilearn::linalg::detail::inverse_scaling
