// quad_vec's rules: Gauss-Kronrod 21 and 15 (nodes and weights from
// Boost.Math) with QUADPACK's error estimate (Piessens et al. 1983, the
// scaled |K - G| of qk21 / qk15) in a vector norm, and the 3-point trapezoid
// rule, as scipy.integrate._quad_vec defines them.

#include "quad/quad_vec_rules.hpp"

#include <algorithm>
#include <boost/math/quadrature/gauss.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>
#include <cmath>
#include <limits>
#include <vector>

namespace scilearn::integrate::detail {
namespace {

// A Gauss-Kronrod pair on [-1, 1]: the Kronrod nodes from +1 down to -1, the
// Kronrod weights, and the Gauss weights at the same positions (0 at the
// nodes the Gauss rule does not use).
struct GaussKronrod {
  std::vector<double> x, kronrod, gauss;
};

// Boost lists the non-negative Kronrod nodes upwards from 0; the embedded
// Gauss rule uses every second one counted from the outermost but one.
template <unsigned Points>
GaussKronrod make_gauss_kronrod() {
  using K = boost::math::quadrature::gauss_kronrod<double, Points>;
  using G = boost::math::quadrature::gauss<double, Points / 2>;
  const auto& kx = K::abscissa();
  const auto& kw = K::weights();
  const auto& gw = G::weights();
  const std::size_t m = kx.size();
  const std::size_t parity = (m - 2) % 2;
  auto gauss_at = [&](std::size_t k) { return k % 2 == parity ? gw[(k - parity) / 2] : 0.0; };
  GaussKronrod rule;
  for (std::size_t k = m; k-- > 1;) {
    rule.x.push_back(kx[k]);
    rule.kronrod.push_back(kw[k]);
    rule.gauss.push_back(gauss_at(k));
  }
  rule.x.push_back(0.0);
  rule.kronrod.push_back(kw[0]);
  rule.gauss.push_back(gauss_at(0));
  for (std::size_t k = 1; k < m; ++k) {
    rule.x.push_back(-kx[k]);
    rule.kronrod.push_back(kw[k]);
    rule.gauss.push_back(gauss_at(k));
  }
  return rule;
}

const GaussKronrod& gauss_kronrod(QuadVecRule rule) {
  static const GaussKronrod gk21 = make_gauss_kronrod<21>();
  static const GaussKronrod gk15 = make_gauss_kronrod<15>();
  return rule == QuadVecRule::gk15 ? gk15 : gk21;
}

// Replaces the empty ("zero") values by zeros of the others' length; all
// stay empty when every value is.
void fill_zeros(std::vector<Vector>& values) {
  Index n = 0;
  for (const Vector& v : values) n = std::max(n, v.size());
  if (n == 0) return;
  for (Vector& v : values)
    if (v.size() == 0) v = Vector::Zero(n);
}

RuleEstimate gauss_kronrod_rule(const GaussKronrod& rule, const SampledIntegrand& f, double a, double b,
                                QuadVecNorm norm) {
  const double c = 0.5 * (a + b);
  const double h = 0.5 * (b - a);
  const std::size_t n = rule.x.size();
  std::vector<Vector> fv(n);
  for (std::size_t i = 0; i < n; ++i) fv[i] = f(c + h * rule.x[i]);
  fill_zeros(fv);
  RuleEstimate r;
  if (fv[0].size() == 0) return r;
  Vector s_k = Vector::Zero(fv[0].size());
  Vector s_k_abs = s_k, s_g = s_k, s_k_dabs = s_k;
  for (std::size_t i = 0; i < n; ++i) {
    s_k += rule.kronrod[i] * fv[i];
    s_k_abs += rule.kronrod[i] * fv[i].cwiseAbs();
    s_g += rule.gauss[i] * fv[i];
  }
  const Vector mean = s_k / 2.0;  // the average of f over [-1, 1]
  for (std::size_t i = 0; i < n; ++i) s_k_dabs += rule.kronrod[i] * (fv[i] - mean).cwiseAbs();
  // QUADPACK's estimate: |K - G| scaled by the integral of |f - mean|,
  // (200 |K - G| / dabs)^1.5, and never below 50 eps times the integral of |f|.
  double err = vec_norm((s_k - s_g) * h, norm);
  const double dabs = vec_norm(s_k_dabs * h, norm);
  if (dabs != 0 && err != 0) err = dabs * std::min(1.0, std::pow(200 * err / dabs, 1.5));
  const double eps = std::numeric_limits<double>::epsilon();
  r.rounding = vec_norm(50 * eps * h * s_k_abs, norm);
  if (r.rounding > std::numeric_limits<double>::min()) err = std::max(err, r.rounding);
  r.integral = h * s_k;
  r.error = err;
  return r;
}

RuleEstimate trapezoid_rule(const SampledIntegrand& f, double a, double b, QuadVecNorm norm) {
  std::vector<Vector> fv{f(a), f(b), f(0.5 * (a + b))};
  fill_zeros(fv);
  RuleEstimate r;
  if (fv[0].size() == 0) return r;
  const Vector& f1 = fv[0];
  const Vector& f2 = fv[1];
  const Vector& f3 = fv[2];
  const Vector s2 = 0.25 * (b - a) * (f1 + 2 * f3 + f2);
  // SciPy's rounding estimate: 2e-16 times the rule applied to |f|.
  r.rounding = 0.25 * std::abs(b - a) * (vec_norm(f1, norm) + 2 * vec_norm(f3, norm) + vec_norm(f2, norm)) * 2e-16;
  const Vector s1 = 0.5 * (b - a) * (f1 + f2);
  r.error = vec_norm(s1 - s2, norm) / 3;
  r.integral = s2;
  return r;
}

}  // namespace

double vec_norm(const Vector& v, QuadVecNorm norm) {
  if (v.size() == 0) return 0.0;
  return norm == QuadVecNorm::max ? v.cwiseAbs().maxCoeff() : v.norm();
}

void add_scaled(Vector& acc, double s, const Vector& v) {
  if (v.size() == 0) return;
  if (acc.size() == 0)
    acc = s * v;
  else
    acc += s * v;
}

RuleEstimate apply_rule(QuadVecRule rule, const SampledIntegrand& f, double a, double b, QuadVecNorm norm) {
  if (rule == QuadVecRule::trapezoid) return trapezoid_rule(f, a, b, norm);
  return gauss_kronrod_rule(gauss_kronrod(rule), f, a, b, norm);
}

}  // namespace scilearn::integrate::detail
