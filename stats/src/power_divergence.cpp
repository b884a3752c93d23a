// The Cressie-Read power divergence test (Cressie and Read 1984) and
// chisquare, its Pearson case.

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/stats/contingency_tests.hpp>
#include <scilearn/stats/hypothesis_tests.hpp>
#include <string>
#include <utility>

#include "count_tests_support.hpp"
#include "distribution_support.hpp"
#include "test_support.hpp"

namespace scilearn::stats {

using detail::kNaN;

namespace {

// Where o / e is near 1 its rounding costs eps absolutely, which the sum of
// terms of size |o - e| (their first-order parts cancel: sum(o - e) = 0)
// turns into a relative error of eps * sum(o) / statistic. From o - e
// (exact there, Sterbenz) the ratio less 1 keeps its digits.
bool near_one(double ratio) { return ratio > 0.5 && ratio < 2; }

// x log(x / y), with SciPy's xlogy convention that x = 0 gives 0 (unless
// x / y is NaN).
double x_log_ratio(double x, double y) {
  const double ratio = x / y;
  if (near_one(ratio)) return x * std::log1p((x - y) / y);
  return detail::xlogy(x, ratio);
}

// (o / e)^lambda - 1; away from 1 (zeros, infinities, negative counts) the
// plain power, whose special values are SciPy's.
double ratio_power_minus_one(double o, double e, double lambda_) {
  const double ratio = o / e;
  if (near_one(ratio)) return std::expm1(lambda_ * std::log1p((o - e) / e));
  return std::pow(ratio, lambda_) - 1;
}

// One cell's term of the statistic. lambda = 0 and -1 are the limits of the
// general form (the log-likelihood ratio and its modified form).
double divergence_term(double o, double e, double lambda_) {
  if (lambda_ == 1) return (o - e) * (o - e) / e;
  if (lambda_ == 0) return 2 * x_log_ratio(o, e);
  if (lambda_ == -1) return 2 * x_log_ratio(e, o);
  return o * ratio_power_minus_one(o, e, lambda_) / (0.5 * lambda_ * (lambda_ + 1));
}

// SciPy's chdtrc(df, x): NaN for a NaN, negative df or negative x (also a
// negative statistic from rounding, as SciPy); with df = 0 the law is the
// point mass at 0, with upper tail 0 beyond it and NaN at it (Cephes).
double chi2_upper_tail(double x, double df) {
  if (std::isnan(x) || std::isnan(df) || df < 0 || x < 0) return kNaN;
  if (df == 0) return x > 0 ? 0.0 : kNaN;
  return detail::chi2_sf(x, df);
}

double sum_of(const Vector& v) {
  return detail::compensated_sum(v.size(), [&](Index i) { return v(i); });
}

}  // namespace

namespace detail {

PowerDivergenceResult power_divergence_of(std::string_view where, const Vector& f_obs, const Vector& f_exp,
                                          double df, double lambda_, bool sum_check) {
  check_same_length(where, "f_obs", f_obs.size(), "f_exp", f_exp.size());
  if (sum_check) {
    const double obs_sum = sum_of(f_obs), exp_sum = sum_of(f_exp);
    const double rtol = std::sqrt(std::numeric_limits<double>::epsilon());
    // Written so that NaN sums pass, as SciPy's comparison lets them.
    if (std::abs(obs_sum - exp_sum) / std::min(obs_sum, exp_sum) > rtol) {
      throw ValueError(cat(where, ": the sum of the observed frequencies (", obs_sum,
                           ") must agree with the sum of the expected frequencies (", exp_sum,
                           ") to a relative tolerance of ", rtol));
    }
  }
  const double statistic =
      compensated_sum(f_obs.size(), [&](Index i) { return divergence_term(f_obs(i), f_exp(i), lambda_); });
  return {statistic, chi2_upper_tail(statistic, df)};
}

}  // namespace detail

double power_lambda_named(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, double>, 6> names{{
      {"pearson", power_lambda::pearson},
      {"log-likelihood", power_lambda::log_likelihood},
      {"freeman-tukey", power_lambda::freeman_tukey},
      {"mod-log-likelihood", power_lambda::mod_log_likelihood},
      {"neyman", power_lambda::neyman},
      {"cressie-read", power_lambda::cressie_read},
  }};
  for (const auto& [known, value] : names) {
    if (name == known) return value;
  }
  throw ValueError(cat("power_divergence: invalid string for lambda_: '", std::string(name),
                       "'; valid strings are 'pearson', 'log-likelihood', 'freeman-tukey', "
                       "'mod-log-likelihood', 'neyman', 'cressie-read'"));
}

PowerDivergenceResult power_divergence(const Vector& f_obs, int ddof, double lambda_) {
  // The mean of an empty f_obs is NaN, but there are no terms: statistic 0.
  const Vector f_exp = Vector::Constant(f_obs.size(), f_obs.size() == 0 ? kNaN : detail::careful_mean(f_obs));
  return detail::power_divergence_of("power_divergence", f_obs, f_exp,
                                     static_cast<double>(f_obs.size() - 1 - ddof), lambda_, false);
}

PowerDivergenceResult power_divergence(const Vector& f_obs, const Vector& f_exp, int ddof, double lambda_) {
  return detail::power_divergence_of("power_divergence", f_obs, f_exp,
                                     static_cast<double>(f_obs.size() - 1 - ddof), lambda_, true);
}

ChisquareResult chisquare(const Vector& f_obs, int ddof) { return power_divergence(f_obs, ddof); }

ChisquareResult chisquare(const Vector& f_obs, const Vector& f_exp, int ddof, bool sum_check) {
  return detail::power_divergence_of("chisquare", f_obs, f_exp, static_cast<double>(f_obs.size() - 1 - ddof),
                                     power_lambda::pearson, sum_check);
}

}  // namespace scilearn::stats
