// The Anderson-Darling test with SciPy 1.17's fits and Stephens' critical values.

#include <scilearn/stats/normality_tests.hpp>

#include <algorithm>
#include <boost/math/tools/toms748_solve.hpp>
#include <cmath>
#include <cstdint>
#include <scilearn/core/errors.hpp>
#include <scilearn/stats/distributions.hpp>
#include <vector>

#include "test_support.hpp"

namespace scilearn::stats {

using detail::kNaN;

namespace {

// numpy.around(v, 3): v * 1000 rounded half to even, divided back.
double around3(double v) { return std::nearbyint(v * 1000) / 1000; }

// Stephens' asymptotic points A_alpha, divided by his finite-n correction.
Vector critical(std::initializer_list<double> a, double correction) {
  Vector c(static_cast<Index>(a.size()));
  Index i = 0;
  for (const double v : a) c(i++) = around3(v / correction);
  return c;
}

// The maximum likelihood fit of gumbel_r: the scale s solves
// mean(x) - sum x e^(-x/s) / sum e^(-x/s) = s (Evans, Hastings and Peacock
// 2000), bracketed from [1/2, 2] outwards as SciPy; then
// loc = -s log(mean e^(-x/s)). The weights are shifted by min(x) so that
// nothing overflows.
bool fit_gumbel_r(const std::vector<double>& x, double& loc, double& scale) {
  const double lo = *std::min_element(x.begin(), x.end());
  const double fn = static_cast<double>(x.size());
  double mean = 0;
  for (const double v : x) mean += v;
  mean /= fn;
  auto equation = [&](double s) {
    double num = 0, den = 0;
    for (const double v : x) {
      const double w = std::exp(-(v - lo) / s);
      num += v * w, den += w;
    }
    return mean - num / den - s;
  };
  double a = 0.5, b = 2.0;
  double fa = equation(a), fb = equation(b);
  for (int k = 0; k < 2000 && (fa > 0) == (fb > 0); ++k) {
    a /= 2, b *= 2;
    fa = equation(a), fb = equation(b);
    if (!std::isfinite(fa) || !std::isfinite(fb)) return false;
  }
  if ((fa > 0) == (fb > 0)) return false;
  std::uintmax_t iterations = 200;
  const auto root = boost::math::tools::toms748_solve(equation, a, b, fa, fb,
                                                      boost::math::tools::eps_tolerance<double>(50), iterations);
  scale = root.first + (root.second - root.first) / 2;
  double sum = 0;
  for (const double v : x) sum += std::exp(-(v - lo) / scale);
  loc = lo - scale * std::log(sum / fn);
  return std::isfinite(loc) && scale > 0;
}

// The maximum likelihood fit of the logistic distribution: with
// t_i = (x_i - a) / b, sum tanh(t_i / 2) = 0 and sum t_i tanh(t_i / 2) = n
// (SciPy's two equations, rewritten with (1 - e^t) / (1 + e^t) =
// -tanh(t / 2)), by Newton's method from the mean and the n - 1 standard
// deviation, halving steps that would make b non-positive.
bool fit_logistic(const std::vector<double>& x, double a, double b, double& loc, double& scale) {
  const double fn = static_cast<double>(x.size());
  for (int iteration = 0; iteration < 100; ++iteration) {
    double f1 = 0, f2 = -fn, j11 = 0, j12 = 0, j21 = 0, j22 = 0;
    for (const double v : x) {
      const double t = (v - a) / b, th = std::tanh(t / 2), sech2 = 1 - th * th;
      f1 += th;
      f2 += t * th;
      // d/da and d/db of the two sums (dt/da = -1/b, dt/db = -t/b).
      j11 -= sech2 / 2 / b;
      j12 -= sech2 / 2 * t / b;
      const double g = th + t * sech2 / 2;  // d(t tanh(t/2)) / dt
      j21 -= g / b;
      j22 -= g * t / b;
    }
    const double det = j11 * j22 - j12 * j21;
    if (!(std::abs(det) > 0) || !std::isfinite(det)) return false;
    double da = (f1 * j22 - f2 * j12) / det, db = (j11 * f2 - j21 * f1) / det;
    while (b - db <= 0) da /= 2, db /= 2;
    a -= da, b -= db;
    if (std::abs(da) <= 1e-15 * (std::abs(a) + b) && std::abs(db) <= 1e-15 * b) break;
  }
  loc = a, scale = b;
  return std::isfinite(a) && b > 0;
}

}  // namespace

AndersonResult anderson(const Vector& x, AndersonDist dist) {
  const Index n = x.size();
  if (n == 0) throw ValueError("anderson: the sample must not be empty");
  std::vector<double> y(x.data(), x.data() + n);
  std::sort(y.begin(), y.end());
  const double fn = static_cast<double>(n);
  double mean = 0;
  const double sd = std::sqrt(detail::centred_sum_of_squares(x, &mean) / (fn - 1));  // NaN for n = 1
  AndersonResult r{kNaN, Vector(), Vector(), kNaN, kNaN, kNaN};
  // log F(w) and log(1 - F(w)) at the standardized, sorted values
  // w = (y - loc) / scale, formed as SciPy forms them (a negative expon
  // scale gives negative w and A^2 = inf there, as in SciPy).
  std::vector<double> log_cdf(y.size()), log_sf(y.size());
  auto fill = [&](const ContinuousDistribution& standard, double loc, double scale) {
    for (std::size_t i = 0; i < y.size(); ++i) {
      const double w = (y[i] - loc) / scale;
      log_cdf[i] = standard.logcdf(w), log_sf[i] = standard.logsf(w);
    }
  };
  bool fitted = true;
  switch (dist) {
    case AndersonDist::norm:
      r.loc = mean, r.scale = sd;
      fill(stats::norm(), mean, sd);
      r.significance_level = (Vector(5) << 15, 10, 5, 2.5, 1).finished();
      r.critical_values = critical({0.561, 0.631, 0.752, 0.873, 1.035}, 1.0 + 0.75 / fn + 2.25 / fn / fn);
      break;
    case AndersonDist::expon:
      r.loc = 0, r.scale = mean;
      fill(stats::expon(), 0, mean);
      r.significance_level = (Vector(5) << 15, 10, 5, 2.5, 1).finished();
      r.critical_values = critical({0.916, 1.062, 1.321, 1.591, 1.959}, 1.0 + 0.6 / fn);
      break;
    case AndersonDist::logistic:
      fitted = sd > 0 && fit_logistic(y, mean, sd, r.loc, r.scale);
      if (fitted) fill(stats::logistic(), r.loc, r.scale);
      r.significance_level = (Vector(6) << 25, 10, 5, 2.5, 1, 0.5).finished();
      r.critical_values = critical({0.426, 0.563, 0.660, 0.769, 0.906, 1.010}, 1.0 + 0.25 / fn);
      break;
    case AndersonDist::gumbel_r:
    case AndersonDist::gumbel_l: {
      // gumbel_l is gumbel_r of -x with the location negated (SciPy's fit).
      const bool left = dist == AndersonDist::gumbel_l;
      std::vector<double> data = y;
      if (left) for (double& v : data) v = -v;
      fitted = sd > 0 && fit_gumbel_r(data, r.loc, r.scale);
      if (left) r.loc = -r.loc;
      if (fitted) {
        for (std::size_t i = 0; i < y.size(); ++i) {
          // gumbel_r: F(w) = exp(-exp(-w)); gumbel_l: F(w) = 1 - exp(-exp(w)).
          const double w = (y[i] - r.loc) / r.scale, e = std::exp(left ? w : -w);
          log_cdf[i] = left ? std::log(-std::expm1(-e)) : -e;
          log_sf[i] = left ? -e : std::log(-std::expm1(-e));
        }
      }
      r.significance_level = (Vector(5) << 25, 10, 5, 2.5, 1).finished();
      r.critical_values = critical({0.474, 0.637, 0.757, 0.877, 1.038}, 1.0 + 0.2 / std::sqrt(fn));
      break;
    }
  }
  if (!fitted) {
    r.loc = r.scale = kNaN;
    return r;
  }
  // A^2 = -n - sum is a small difference of two numbers of size n: the sum
  // is compensated.
  const double sum = detail::compensated_sum(n, [&](Index i) {
    return (2.0 * static_cast<double>(i) + 1) / fn *
           (log_cdf[static_cast<std::size_t>(i)] + log_sf[static_cast<std::size_t>(n - 1 - i)]);
  });
  r.statistic = -fn - sum;
  // numpy.interp(A2, critical, significance / 100): linear between the
  // points, the end values outside them.
  const Vector& c = r.critical_values;
  const Vector p = r.significance_level / 100;
  const Index k = c.size();
  if (std::isnan(r.statistic)) {
    r.pvalue = kNaN;
  } else if (r.statistic <= c(0)) {
    r.pvalue = p(0);
  } else if (r.statistic >= c(k - 1)) {
    r.pvalue = p(k - 1);
  } else {
    Index i = 0;
    while (r.statistic > c(i + 1)) ++i;
    r.pvalue = p(i) + (p(i + 1) - p(i)) * (r.statistic - c(i)) / (c(i + 1) - c(i));
  }
  return r;
}

}  // namespace scilearn::stats
