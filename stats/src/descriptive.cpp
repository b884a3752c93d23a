#include <scilearn/stats/descriptive.hpp>

#include <cmath>
#include <limits>
#include <scilearn/core/validation.hpp>

#include "nan_filter.hpp"
#include "summation.hpp"

namespace scilearn::stats {

using detail::compensated_sum;

double mean(const Vector& a) {
  check_non_empty("mean", "a", a);
  return compensated_sum(a.size(), [&](Index i) { return a(i); }) / static_cast<double>(a.size());
}

double var(const Vector& a, int ddof) {
  check_non_empty("var", "a", a);
  if (ddof < 0) throw ValueError(cat("var: ddof must be >= 0, got ", ddof));
  const Index n = a.size();
  if (n <= ddof) return std::numeric_limits<double>::quiet_NaN();
  const double m = mean(a);
  const double squares = compensated_sum(n, [&](Index i) { return (a(i) - m) * (a(i) - m); });
  const double deviations = compensated_sum(n, [&](Index i) { return a(i) - m; });
  return (squares - deviations * deviations / static_cast<double>(n)) / static_cast<double>(n - ddof);
}

double std_dev(const Vector& a, int ddof) { return std::sqrt(var(a, ddof)); }

namespace {

// The weights' sum, after checking them against the sample (np.average
// raises on a zero sum; negative weights make no sense for the variances).
double weight_sum(const char* where, const Vector& a, const Vector& weights) {
  check_non_empty(where, "a", a);
  if (weights.size() != a.size()) {
    throw ValueError(cat(where, ": weights have ", weights.size(), " entries, a ", a.size()));
  }
  check_finite(where, "weights", weights);
  if ((weights.array() < 0).any()) throw ValueError(cat(where, ": weights must be >= 0"));
  const double total = compensated_sum(weights.size(), [&](Index i) { return weights(i); });
  if (total == 0) throw ValueError(cat(where, ": the weights sum to zero"));
  return total;
}

}  // namespace

double mean(const Vector& a, const Vector& weights) {
  const double total = weight_sum("mean", a, weights);
  return compensated_sum(a.size(), [&](Index i) { return weights(i) * a(i); }) / total;
}

double var(const Vector& a, const Vector& weights, int ddof) {
  if (ddof < 0) throw ValueError(cat("var: ddof must be >= 0, got ", ddof));
  const double total = weight_sum("var", a, weights);
  if (total <= ddof) return std::numeric_limits<double>::quiet_NaN();
  const double m = compensated_sum(a.size(), [&](Index i) { return weights(i) * a(i); }) / total;
  // As the unweighted var: the squares corrected by the (weighted) sum of the
  // deviations, which is 0 up to the rounding of m.
  const double squares = compensated_sum(a.size(), [&](Index i) { return weights(i) * (a(i) - m) * (a(i) - m); });
  const double deviations = compensated_sum(a.size(), [&](Index i) { return weights(i) * (a(i) - m); });
  return (squares - deviations * deviations / total) / (total - ddof);
}

double std_dev(const Vector& a, const Vector& weights, int ddof) { return std::sqrt(var(a, weights, ddof)); }

double lag_autocorrelation(const Vector& a, Index lag) {
  check_non_empty("lag_autocorrelation", "a", a);
  const Index n = a.size();
  if (lag < 0 || lag >= n) throw ValueError(cat("lag_autocorrelation: lag must be in [0, ", n, "), got ", lag));
  const double m = mean(a);
  const double numerator = compensated_sum(n - lag, [&](Index i) { return (a(i) - m) * (a(i + lag) - m); });
  const double denominator = compensated_sum(n, [&](Index i) { return (a(i) - m) * (a(i) - m); });
  return numerator / denominator;
}

double gmean(const Vector& given, NanPolicy nan_policy) {
  const detail::NanFiltered sample("gmean", given, nan_policy);
  const Vector& a = sample.get();
  check_non_empty("gmean", "a", a);
  return std::exp(compensated_sum(a.size(), [&](Index i) { return std::log(a(i)); }) / static_cast<double>(a.size()));
}

double hmean(const Vector& given, NanPolicy nan_policy) {
  const detail::NanFiltered sample("hmean", given, nan_policy);
  const Vector& a = sample.get();
  check_non_empty("hmean", "a", a);
  if ((a.array() < 0).any()) return std::numeric_limits<double>::quiet_NaN();
  if ((a.array() == 0).any()) return 0.0;
  return static_cast<double>(a.size()) / compensated_sum(a.size(), [&](Index i) { return 1 / a(i); });
}

double pmean(const Vector& given, double p, NanPolicy nan_policy) {
  const detail::NanFiltered sample("pmean", given, nan_policy);
  const Vector& a = sample.get();
  check_non_empty("pmean", "a", a);
  if (!std::isfinite(p)) throw ValueError(cat("pmean: p must be finite, got ", p));
  if ((a.array() < 0).any()) return std::numeric_limits<double>::quiet_NaN();
  if (p == 0) return gmean(a);
  const double m =
      compensated_sum(a.size(), [&](Index i) { return std::pow(a(i), p); }) / static_cast<double>(a.size());
  return std::pow(m, 1 / p);
}

double gmean(const Vector& a, const Vector& weights) {
  const double total = weight_sum("gmean", a, weights);
  return std::exp(compensated_sum(a.size(), [&](Index i) { return weights(i) * std::log(a(i)); }) / total);
}

double hmean(const Vector& a, const Vector& weights) {
  const double total = weight_sum("hmean", a, weights);
  if ((a.array() < 0).any()) return std::numeric_limits<double>::quiet_NaN();
  if ((a.array() == 0).any()) return 0.0;
  return total / compensated_sum(a.size(), [&](Index i) { return weights(i) / a(i); });
}

double pmean(const Vector& a, double p, const Vector& weights) {
  const double total = weight_sum("pmean", a, weights);
  if (!std::isfinite(p)) throw ValueError(cat("pmean: p must be finite, got ", p));
  if ((a.array() < 0).any()) return std::numeric_limits<double>::quiet_NaN();
  if (p == 0) return gmean(a, weights);
  return std::pow(compensated_sum(a.size(), [&](Index i) { return weights(i) * std::pow(a(i), p); }) / total, 1 / p);
}

namespace {

// d^k for a small integer k >= 0, by multiplication (pow costs ten times more).
double integer_power(double d, int k) {
  double r = 1;
  for (int i = 0; i < k; ++i) r *= d;
  return r;
}

// The k-th central moment about m.
double central_moment(const Vector& a, double m, int k) {
  return compensated_sum(a.size(), [&](Index i) { return integer_power(a(i) - m, k); }) / static_cast<double>(a.size());
}

// The sums of (a - m)^k for k = 1 ... 4 in one pass: what var, skew and
// kurtosis need, for describe.
struct DeviationSums {
  double s1, s2, s3, s4;
};
DeviationSums deviation_sums(const Vector& a, double m) {
  detail::CompensatedSum s1, s2, s3, s4;
  for (Index i = 0; i < a.size(); ++i) {
    const double d = a(i) - m, d2 = d * d;
    s1.add(d);
    s2.add(d2);
    s3.add(d2 * d);
    s4.add(d2 * d2);
  }
  return {s1.value(), s2.value(), s3.value(), s4.value()};
}

// SciPy's test for values all equal to rounding: m2 <= (eps mean)^2.
bool degenerate(double m2, double m) {
  const double tiny = std::numeric_limits<double>::epsilon() * m;
  return m2 <= tiny * tiny;
}

// Skewness and kurtosis from the mean m and the central moments m2, m3, m4
// of n values.
double skew_of(double n, double m, double m2, double m3, bool bias) {
  if (degenerate(m2, m)) return std::numeric_limits<double>::quiet_NaN();
  const double g1 = m3 / std::pow(m2, 1.5);
  if (bias || n < 3) return g1;  // SciPy corrects only where n > 2
  return std::sqrt((n - 1) * n) / (n - 2) * g1;
}

double kurtosis_of(double n, double m, double m2, double m4, bool fisher, bool bias) {
  if (degenerate(m2, m)) return std::numeric_limits<double>::quiet_NaN();
  double g2 = m4 / (m2 * m2);
  if (!bias && n > 3) {  // SciPy corrects only where n > 3
    g2 = 1 / (n - 2) / (n - 3) * ((n * n - 1) * g2 - 3 * (n - 1) * (n - 1)) + 3;
  }
  return fisher ? g2 - 3 : g2;
}

}  // namespace

double moment(const Vector& given, int order, NanPolicy nan_policy) {
  const detail::NanFiltered sample("moment", given, nan_policy);
  const Vector& a = sample.get();
  check_non_empty("moment", "a", a);
  if (order < 0) throw ValueError(cat("moment: order must be >= 0, got ", order));
  if (order == 0) return 1.0;
  if (order == 1) return 0.0;
  return central_moment(a, mean(a), order);
}

double skew(const Vector& given, bool bias, NanPolicy nan_policy) {
  const detail::NanFiltered sample("skew", given, nan_policy);
  const Vector& a = sample.get();
  check_non_empty("skew", "a", a);
  const double m = mean(a);
  return skew_of(static_cast<double>(a.size()), m, central_moment(a, m, 2), central_moment(a, m, 3), bias);
}

double kurtosis(const Vector& given, bool fisher, bool bias, NanPolicy nan_policy) {
  const detail::NanFiltered sample("kurtosis", given, nan_policy);
  const Vector& a = sample.get();
  check_non_empty("kurtosis", "a", a);
  const double m = mean(a);
  return kurtosis_of(static_cast<double>(a.size()), m, central_moment(a, m, 2), central_moment(a, m, 4), fisher, bias);
}

// Two passes (the mean, then the deviation sums) instead of the seven the
// separate functions would take; the same formulas, so the same values to
// rounding.
DescribeResult describe(const Vector& given, int ddof, bool bias, NanPolicy nan_policy) {
  const detail::NanFiltered sample("describe", given, nan_policy);
  const Vector& a = sample.get();
  check_non_empty("describe", "a", a);
  if (ddof < 0) throw ValueError(cat("describe: ddof must be >= 0, got ", ddof));
  const double m = mean(a);
  const DeviationSums s = deviation_sums(a, m);
  const auto n = static_cast<double>(a.size());
  const double variance = a.size() > ddof ? (s.s2 - s.s1 * s.s1 / n) / (n - ddof) : std::numeric_limits<double>::quiet_NaN();
  return {a.size(), a.minCoeff(), a.maxCoeff(), m, variance, skew_of(n, m, s.s2 / n, s.s3 / n, bias),
          kurtosis_of(n, m, s.s2 / n, s.s4 / n, true, bias)};
}

double sem(const Vector& given, int ddof, NanPolicy nan_policy) {
  const detail::NanFiltered sample("sem", given, nan_policy);
  const Vector& a = sample.get();
  return std_dev(a, ddof) / std::sqrt(static_cast<double>(a.size()));
}

double variation(const Vector& given, int ddof, NanPolicy nan_policy) {
  const detail::NanFiltered sample("variation", given, nan_policy);
  const Vector& a = sample.get();
  return std_dev(a, ddof) / mean(a);
}

Vector zscore(const Vector& a, int ddof) { return (a.array() - mean(a)) / std_dev(a, ddof); }

double entropy(const Vector& pk, const Vector& qk, double base) {
  check_non_empty("entropy", "pk", pk);
  if (qk.size() != 0 && qk.size() != pk.size()) {
    throw ValueError(cat("entropy: qk has ", qk.size(), " entries, pk ", pk.size()));
  }
  if (base < 0) throw ValueError(cat("entropy: base must be > 0 (or 0 for e), got ", base));
  const Vector p = pk / pk.sum();
  const Vector q = qk.size() ? Vector(qk / qk.sum()) : Vector();
  // SciPy's entr / rel_entr: 0 log 0 = 0; p > 0 with q = 0 gives inf.
  const double sum = compensated_sum(p.size(), [&](Index i) {
    if (p(i) == 0) return 0.0;
    return q.size() ? p(i) * std::log(p(i) / q(i)) : -p(i) * std::log(p(i));
  });
  return base > 0 ? sum / std::log(base) : sum;
}

namespace {

// f applied to each sample (column or row) of a.
template <class F>
Vector along(const char* where, const Matrix& a, Axis axis, F f) {
  check_non_empty(where, "a", a);
  const bool columns = axis == Axis::columns;
  Vector out(columns ? a.cols() : a.rows());
  for (Index k = 0; k < out.size(); ++k) out(k) = f(columns ? Vector(a.col(k)) : Vector(a.row(k).transpose()));
  return out;
}

}  // namespace

Vector mean(const Matrix& a, Axis axis) {
  return along("mean", a, axis, [](const Vector& v) { return mean(v); });
}

Vector var(const Matrix& a, Axis axis, int ddof) {
  return along("var", a, axis, [ddof](const Vector& v) { return var(v, ddof); });
}

Vector std_dev(const Matrix& a, Axis axis, int ddof) { return var(a, axis, ddof).cwiseSqrt(); }

}  // namespace scilearn::stats
