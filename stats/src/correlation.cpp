#include <scilearn/stats/correlation.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/stats/order_statistics.hpp>
#include <vector>

#include "nan_filter.hpp"
#include "sorting.hpp"
#include "test_support.hpp"

namespace scilearn::stats {

using detail::kNaN;

namespace {

bool is_constant(const Vector& a) { return a.size() > 0 && (a.array() == a(0)).all(); }

bool has_nan(const Vector& a) { return a.array().isNaN().any(); }

// sqrt(a b) for a, b >= 0: one square root where the product neither
// overflows nor underflows, so that r of a sample with itself is exactly 1
// (sqrt(fl(a a)) == a in IEEE arithmetic).
double root_of_product(double a, double b) {
  const double product = a * b;
  if (std::isfinite(product) && product >= std::numeric_limits<double>::min()) return std::sqrt(product);
  return std::sqrt(a) * std::sqrt(b);
}

// Pearson's r of two samples of equal length n >= 2 that are not constant:
// centred on careful means, compensated sums, clamped to [-1, 1].
double correlation(const Vector& x, const Vector& y) {
  const double mx = detail::careful_mean(x), my = detail::careful_mean(y);
  const Index n = x.size();
  const double sxy = detail::compensated_sum(n, [&](Index i) { return (x(i) - mx) * (y(i) - my); });
  const double sxx = detail::compensated_sum(n, [&](Index i) { return (x(i) - mx) * (x(i) - mx); });
  const double syy = detail::compensated_sum(n, [&](Index i) { return (y(i) - my) * (y(i) - my); });
  return std::clamp(sxy / root_of_product(sxx, syy), -1.0, 1.0);
}

// The p-value of a correlation r of n >= 3 pairs through
// t = r sqrt(df / ((1 - r)(1 + r))) with df = n - 2 degrees of freedom
// (exact r = +-1 gives an infinite t).
double t_test_of_correlation(double r, Index n, Alternative alternative) {
  const double df = static_cast<double>(n - 2);
  const double t = r * std::sqrt(df / ((1 - r) * (1 + r)));
  return detail::t_pvalue(t, df, alternative);
}

}  // namespace

CorrelationResult pearsonr(const Vector& x, const Vector& y, Alternative alternative) {
  check_same_length("pearsonr", "x", x.size(), "y", y.size());
  const Index n = x.size();
  if (n < 2) throw ValueError(cat("pearsonr: x and y must have length at least 2, got ", n));
  if (is_constant(x) || is_constant(y)) {
    detail::warn_constant("pearsonr");
    return {kNaN, kNaN};
  }
  const double r = correlation(x, y);
  if (std::isnan(r)) return {kNaN, kNaN};
  if (n == 2) return {r > 0 ? 1.0 : -1.0, 1.0};
  // Under the null, (1 + r) / 2 ~ Beta(n/2 - 1, n/2 - 1); the tails are
  // taken at (1 -+ r) / 2, which are exact in floating point when |r| >= 1/2
  // (Sterbenz), so small p-values keep their relative precision.
  const double a = static_cast<double>(n) / 2 - 1;
  double p = 0;
  switch (alternative) {
    case Alternative::less: p = detail::ibeta(a, a, (1 + r) / 2); break;
    case Alternative::greater: p = detail::ibeta(a, a, (1 - r) / 2); break;
    case Alternative::two_sided: p = std::min(1.0, 2 * detail::ibeta(a, a, (1 - std::abs(r)) / 2)); break;
  }
  return {r, p};
}

CorrelationResult pointbiserialr(const Vector& x, const Vector& y) {
  check_same_length("pointbiserialr", "x", x.size(), "y", y.size());
  if (x.size() < 2) {
    detail::warn_too_small("pointbiserialr");
    return {kNaN, kNaN};
  }
  return pearsonr(x, y);
}

CorrelationResult spearmanr(const Vector& given_x, const Vector& given_y, Alternative alternative, NanPolicy nan_policy) {
  check_same_length("spearmanr", "x", given_x.size(), "y", given_y.size());
  const detail::PairedNanFiltered pairs("spearmanr", given_x, given_y, nan_policy);
  const Vector &x = pairs.x(), &y = pairs.y();
  const Index n = x.size();
  if (n < 2 || has_nan(x) || has_nan(y)) return {kNaN, kNaN};
  if (is_constant(x) || is_constant(y)) {
    detail::warn_constant("spearmanr");
    return {kNaN, kNaN};
  }
  const double rho = correlation(rankdata(x), rankdata(y));
  if (n == 2) return {rho, kNaN};
  return {rho, t_test_of_correlation(rho, n, alternative)};
}

namespace {

// Counts of a sample's groups of equal values: sum t(t - 1) / 2 (tied pairs),
// sum t(t - 1)(t - 2) and sum t(t - 1)(2t + 5), over group sizes t, as the
// variance of Kendall's statistic needs them (Kendall 1970, eq. 4.3).
struct TieCounts {
  double pairs = 0, v0 = 0, v1 = 0;
  void add(double t) {
    pairs += t * (t - 1) / 2;
    v0 += t * (t - 1) * (t - 2);
    v1 += t * (t - 1) * (2 * t + 5);
  }
};

// The sizes of the runs of equal keys in order.
template <class Equal>
TieCounts runs(const std::vector<Index>& order, Equal equal) {
  TieCounts counts;
  for (std::size_t start = 0; start < order.size();) {
    std::size_t end = start + 1;
    while (end < order.size() && equal(order[start], order[end])) ++end;
    counts.add(static_cast<double>(end - start));
    start = end;
  }
  return counts;
}

// P(C <= c) for C the number of inversions of a uniformly random
// permutation of n items (the null law of the concordant pairs when there
// are no ties), for 0 <= c <= n(n - 1)/4. With P_j the law for j items,
//   P_j(k) = (P_{j-1}(k) + P_{j-1}(k - 1) + ... + P_{j-1}(k - j + 1)) / j
// (the j-th item adds 0 ... j - 1 inversions); only k <= c is kept.
double inversions_cdf(Index n, std::int64_t c) {
  const auto size = static_cast<std::size_t>(c + 1);
  std::vector<double> p(size, 0.0), prefix(size + 1, 0.0);
  p[0] = 1.0;
  for (Index j = 2; j <= n; ++j) {
    for (std::size_t k = 0; k < size; ++k) prefix[k + 1] = prefix[k] + p[k];
    for (std::size_t k = 0; k < size; ++k) {
      const std::size_t low = k + 1 >= static_cast<std::size_t>(j) ? k + 1 - static_cast<std::size_t>(j) : 0;
      p[k] = (prefix[k + 1] - prefix[low]) / static_cast<double>(j);
    }
  }
  double cdf = 0;
  for (std::size_t k = size; k-- > 0;) cdf += p[k];  // smallest terms first
  return cdf;
}

// The exact p-value of `concordant` pairs among tot = n(n - 1)/2, no ties.
double kendall_exact_pvalue(Index n, std::int64_t concordant, std::int64_t tot, Alternative alternative) {
  // P(C <= k) for any k, through the symmetry C ~ tot - C when k > tot / 2.
  const auto cdf = [&](std::int64_t k) {
    if (k < 0) return 0.0;
    if (k >= tot) return 1.0;
    return 2 * k <= tot ? inversions_cdf(n, k) : 1.0 - inversions_cdf(n, tot - k - 1);
  };
  switch (alternative) {
    case Alternative::less: return cdf(concordant);
    case Alternative::greater: return cdf(tot - concordant);
    case Alternative::two_sided: return std::min(1.0, 2 * cdf(std::min(concordant, tot - concordant)));
  }
  return kNaN;
}

}  // namespace

CorrelationResult kendalltau(const Vector& given_x, const Vector& given_y, const KendalltauOptions& options) {
  check_same_length("kendalltau", "x", given_x.size(), "y", given_y.size());
  const detail::PairedNanFiltered pairs("kendalltau", given_x, given_y, options.nan_policy);
  const Vector &x = pairs.x(), &y = pairs.y();
  const Index n = x.size();
  if (n < 2) {
    detail::warn_too_small("kendalltau");
    return {kNaN, kNaN};
  }
  if (has_nan(x) || has_nan(y)) return {kNaN, kNaN};
  // Dense ranks of y (for the Fenwick tree), then the order by (x, y).
  std::vector<Index> order = detail::sort_sample(y).order;
  std::vector<Index> y_rank(static_cast<std::size_t>(n));
  std::size_t distinct_y = 0;
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (k == 0 || y(order[k]) != y(order[k - 1])) ++distinct_y;
    y_rank[static_cast<std::size_t>(order[k])] = static_cast<Index>(distinct_y);  // 1-based
  }
  const TieCounts y_ties = runs(order, [&](Index i, Index j) { return y(i) == y(j); });
  order = detail::sort_sample(x, order).order;  // by x, then y
  const TieCounts x_ties = runs(order, [&](Index i, Index j) { return x(i) == x(j); });
  const TieCounts joint_ties = runs(order, [&](Index i, Index j) { return x(i) == x(j) && y(i) == y(j); });

  // Discordant pairs: walking up x, a point is discordant with every earlier
  // point of strictly smaller x and strictly larger y. A Fenwick tree over
  // y's ranks counts them; a group of equal x is queried before it is added.
  std::vector<std::int64_t> tree(distinct_y + 1, 0);
  std::int64_t inserted = 0, discordant = 0;
  for (std::size_t start = 0; start < order.size();) {
    std::size_t end = start + 1;
    while (end < order.size() && x(order[end]) == x(order[start])) ++end;
    for (std::size_t k = start; k < end; ++k) {
      std::int64_t at_most = 0;  // earlier points with y rank <= this one's
      for (auto r = static_cast<std::size_t>(y_rank[static_cast<std::size_t>(order[k])]); r > 0; r -= r & (~r + 1)) at_most += tree[r];
      discordant += inserted - at_most;
    }
    for (std::size_t k = start; k < end; ++k) {
      for (auto r = static_cast<std::size_t>(y_rank[static_cast<std::size_t>(order[k])]); r <= distinct_y; r += r & (~r + 1)) ++tree[r];
    }
    inserted += static_cast<std::int64_t>(end - start);
    start = end;
  }

  const std::int64_t tot = static_cast<std::int64_t>(n) * (n - 1) / 2;
  const auto xtie = static_cast<std::int64_t>(x_ties.pairs), ytie = static_cast<std::int64_t>(y_ties.pairs);
  const auto ntie = static_cast<std::int64_t>(joint_ties.pairs);
  if (xtie == tot || ytie == tot) return {kNaN, kNaN};
  // tot = concordant + discordant + (pairs tied in x only) + (in y only) + (in both).
  const std::int64_t con_minus_dis = tot - xtie - ytie + ntie - 2 * discordant;
  const double tau = std::clamp(static_cast<double>(con_minus_dis) / std::sqrt(static_cast<double>(tot - xtie)) /
                                    std::sqrt(static_cast<double>(tot - ytie)),
                                -1.0, 1.0);

  const bool ties = xtie != 0 || ytie != 0;
  KendalltauMethod method = options.method;
  if (method == KendalltauMethod::exact && ties) throw ValueError("kendalltau: ties found, the exact method cannot be used");
  if (method == KendalltauMethod::automatic) {
    method = !ties && (n <= 33 || std::min(discordant, tot - discordant) <= 1) ? KendalltauMethod::exact
                                                                              : KendalltauMethod::asymptotic;
  }
  if (method == KendalltauMethod::exact) {
    return {tau, kendall_exact_pvalue(n, tot - discordant, tot, options.alternative)};
  }
  // The null variance of con_minus_dis with ties (Kendall 1970, eq. 4.3).
  const double fn = static_cast<double>(n), m = fn * (fn - 1);
  double variance = (m * (2 * fn + 5) - x_ties.v1 - y_ties.v1) / 18 +
                    2 * static_cast<double>(xtie) * static_cast<double>(ytie) / m;
  if (n > 2) variance += x_ties.v0 * y_ties.v0 / (9 * m * (fn - 2));
  return {tau, detail::normal_pvalue(static_cast<double>(con_minus_dis) / std::sqrt(variance), options.alternative)};
}

LinregressResult linregress(const Vector& x, const Vector& y, Alternative alternative) {
  check_same_length("linregress", "x", x.size(), "y", y.size());
  const Index n = x.size();
  if (n < 2) {
    detail::warn_too_small("linregress");
    return {kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
  }
  if (is_constant(x)) throw ValueError("linregress: cannot calculate a linear regression if all x values are identical");
  const double mx = detail::careful_mean(x), my = detail::careful_mean(y);
  const double sxy = detail::compensated_sum(n, [&](Index i) { return (x(i) - mx) * (y(i) - my); });
  const double sxx = detail::compensated_sum(n, [&](Index i) { return (x(i) - mx) * (x(i) - mx); });
  const double syy = detail::compensated_sum(n, [&](Index i) { return (y(i) - my) * (y(i) - my); });
  const double slope = sxy / sxx, intercept = my - slope * mx;
  const double r = syy == 0 ? 0.0 : std::clamp(sxy / root_of_product(sxx, syy), -1.0, 1.0);
  if (n == 2) return {slope, intercept, r, y(0) == y(1) ? 1.0 : 0.0, 0.0, 0.0};
  const double df = static_cast<double>(n - 2);
  const double slope_stderr = std::sqrt((1 - r) * (1 + r) * syy / sxx / df);
  const double intercept_stderr = slope_stderr * std::sqrt(sxx / static_cast<double>(n) + mx * mx);
  return {slope, intercept, r, t_test_of_correlation(r, n, alternative), slope_stderr, intercept_stderr};
}

}  // namespace scilearn::stats
