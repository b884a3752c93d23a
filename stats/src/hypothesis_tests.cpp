#include <scilearn/stats/hypothesis_tests.hpp>

#include <algorithm>
#include <cmath>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/stats/order_statistics.hpp>

#include "nan_filter.hpp"
#include "sorting.hpp"
#include "test_support.hpp"

namespace scilearn::stats {

using detail::kNaN;

TtestResult ttest_1samp(const Vector& given, double popmean, Alternative alternative, NanPolicy nan_policy) {
  const detail::NanFiltered sample("ttest_1samp", given, nan_policy);
  const Vector& a = sample.get();
  const Index n = a.size();
  if (n < 2) {
    detail::warn_too_small("ttest_1samp");
    return {kNaN, kNaN, n == 0 ? kNaN : 0.0};
  }
  double m = 0;
  const double ss = detail::centred_sum_of_squares(a, &m);
  const double df = static_cast<double>(n - 1);
  const double t = (m - popmean) / std::sqrt(ss / df / static_cast<double>(n));
  return {t, detail::t_pvalue(t, df, alternative), df};
}

TtestResult ttest_ind(const Vector& given_a, const Vector& given_b, const TtestIndOptions& options) {
  const detail::NanFiltered sample_a("ttest_ind", given_a, options.nan_policy);
  const detail::NanFiltered sample_b("ttest_ind", given_b, options.nan_policy);
  const Vector &a = sample_a.get(), &b = sample_b.get();
  const Index na = a.size(), nb = b.size();
  if (na == 0 || nb == 0) {
    detail::warn_too_small("ttest_ind");
    return {kNaN, kNaN, kNaN};
  }
  double ma = 0, mb = 0;
  const double ssa = detail::centred_sum_of_squares(a, &ma), ssb = detail::centred_sum_of_squares(b, &mb);
  const double fa = static_cast<double>(na), fb = static_cast<double>(nb);
  double df = 0, denominator = 0;
  if (options.equal_var) {
    df = fa + fb - 2;
    denominator = std::sqrt((ssa + ssb) / df * (1 / fa + 1 / fb));
  } else {
    // Welch (1947); df by Satterthwaite (1946).
    const double va = ssa / (fa - 1) / fa, vb = ssb / (fb - 1) / fb;
    df = (va + vb) * (va + vb) / (va * va / (fa - 1) + vb * vb / (fb - 1));
    denominator = std::sqrt(va + vb);
  }
  const double t = (ma - mb) / denominator;
  return {t, detail::t_pvalue(t, df, options.alternative), df};
}

TtestResult ttest_rel(const Vector& given_a, const Vector& given_b, Alternative alternative, NanPolicy nan_policy) {
  check_same_length("ttest_rel", "a", given_a.size(), "b", given_b.size());
  const detail::PairedNanFiltered pairs("ttest_rel", given_a, given_b, nan_policy);
  const Vector &a = pairs.x(), &b = pairs.y();
  if (a.size() == 0) {
    detail::warn_too_small("ttest_rel");
    return {kNaN, kNaN, kNaN};
  }
  return ttest_1samp(a - b, 0.0, alternative);
}

FOnewayResult f_oneway(const std::vector<Vector>& samples) {
  const auto k = static_cast<Index>(samples.size());
  if (k < 2) throw ValueError(cat("f_oneway: at least two samples are required, got ", k));
  const FOnewayResult nan{kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN, kNaN};
  Index total = 0;
  bool all_single = true;
  for (const Vector& s : samples) {
    if (s.size() == 0) {
      detail::warn_too_small("f_oneway");
      return nan;
    }
    total += s.size();
    all_single = all_single && s.size() == 1;
  }
  if (all_single) {
    detail::warn_too_small("f_oneway");
    return nan;
  }
  // Everything is computed on the data less their mean: the subtraction is
  // exact for data with constant leading digits (Sterbenz), and the means of
  // the shifted data keep the digits that a mean near 1e12 would round away
  // (NIST's SmLs07-09: F from 3 to 4.4 correct digits, the most that their
  // values rounded to doubles allow).
  const double shift = detail::compensated_sum(k, [&](Index g) {
                         const Vector& s = samples[static_cast<std::size_t>(g)];
                         return detail::compensated_sum(s.size(), [&](Index i) { return s(i); });
                       }) /
                       static_cast<double>(total);
  std::vector<Vector> shifted;
  shifted.reserve(samples.size());
  for (const Vector& s : samples) shifted.push_back(s.array() - shift);
  // Group means and within sums of squares in two compensated passes each;
  // the grand mean as the weighted mean of the group means, corrected by the
  // deviations of all the data from it.
  Vector means(k), sizes(k);
  double ss_within = 0, within_compensation = 0;
  for (Index g = 0; g < k; ++g) {
    const Vector& s = shifted[static_cast<std::size_t>(g)];
    const double ss = detail::centred_sum_of_squares(s, &means(g));
    sizes(g) = static_cast<double>(s.size());
    const double t = ss_within + ss;
    within_compensation += (ss_within - t) + ss;  // both terms >= 0 and ss_within grows
    ss_within = t;
  }
  ss_within += within_compensation;
  const double n = static_cast<double>(total);
  double grand = detail::compensated_sum(k, [&](Index g) { return sizes(g) * means(g); }) / n;
  grand += detail::compensated_sum(k, [&](Index g) {
             const Vector& s = shifted[static_cast<std::size_t>(g)];
             return detail::compensated_sum(s.size(), [&](Index i) { return s(i) - grand; });
           }) /
           n;
  const double ss_between =
      detail::compensated_sum(k, [&](Index g) { return sizes(g) * (means(g) - grand) * (means(g) - grand); });
  const double df_between = static_cast<double>(k - 1), df_within = n - static_cast<double>(k);
  const double ms_between = ss_between / df_between, ms_within = ss_within / df_within;
  const double f = ms_between / ms_within;
  return {f, detail::f_sf(f, df_between, df_within), df_between, df_within, ss_between, ss_within, ms_between,
          ms_within};
}

namespace {

// P(U >= u) under the null for samples of sizes m and n without ties: the
// distribution by Mann and Whitney's (1947) recurrence, in probabilities,
//   p(i, j; u) = (i p(i - 1, j; u - j) + j p(i, j - 1; u)) / (i + j),
// (the largest of the m + n values belongs to the first sample, adding j to
// U, with probability i / (i + j)), all terms positive.
double mannwhitney_exact_sf(Index m, Index n, double u) {
  const Index a = std::min(m, n), b = std::max(m, n);  // U's law is symmetric in (m, n)
  // dist[i]: the law of U for sizes (i, j) as j runs from 0 to b.
  std::vector<std::vector<double>> dist(static_cast<std::size_t>(a + 1), std::vector<double>{1.0});
  for (Index j = 1; j <= b; ++j) {
    for (Index i = 1; i <= a; ++i) {
      const auto& fewer = dist[static_cast<std::size_t>(i - 1)];  // (i - 1, j), already updated
      std::vector<double>& cur = dist[static_cast<std::size_t>(i)];  // (i, j - 1)
      std::vector<double> next(static_cast<std::size_t>(i * j + 1), 0.0);
      const double wi = static_cast<double>(i) / static_cast<double>(i + j);
      const double wj = static_cast<double>(j) / static_cast<double>(i + j);
      for (std::size_t v = 0; v < cur.size(); ++v) next[v] += wj * cur[v];
      for (std::size_t v = 0; v < fewer.size(); ++v) next[v + static_cast<std::size_t>(j)] += wi * fewer[v];
      cur = std::move(next);
    }
  }
  const std::vector<double>& pmf = dist[static_cast<std::size_t>(a)];
  // SciPy takes the statistic as an integer (truncating a tied half).
  const auto k = static_cast<Index>(std::max(0.0, std::floor(u)));
  double sf = 0;
  for (auto v = static_cast<Index>(pmf.size()) - 1; v >= k; --v) sf += pmf[static_cast<std::size_t>(v)];
  return sf;
}

}  // namespace

MannwhitneyuResult mannwhitneyu(const Vector& given_x, const Vector& given_y, const MannwhitneyuOptions& options) {
  const detail::NanFiltered sample_x("mannwhitneyu", given_x, options.nan_policy);
  const detail::NanFiltered sample_y("mannwhitneyu", given_y, options.nan_policy);
  const Vector &x = sample_x.get(), &y = sample_y.get();
  const Index n1 = x.size(), n2 = y.size();
  if (n1 == 0 || n2 == 0) {
    detail::warn_too_small("mannwhitneyu");
    return {kNaN, kNaN};
  }
  Vector xy(n1 + n2);
  xy << x, y;
  if (xy.array().isNaN().any()) return {kNaN, kNaN};
  const auto [ranks, ties] = detail::rank_sample(xy);
  const double f1 = static_cast<double>(n1), f2 = static_cast<double>(n2);
  const double u1 = ranks.head(n1).sum() - f1 * (f1 + 1) / 2;  // half-integers: the sum is exact
  const double u2 = f1 * f2 - u1;
  // The upper tail of U1 (greater), of U2 (less: U's law is symmetric), or
  // of the larger one, doubled.
  const double u = options.alternative == Alternative::greater ? u1
                   : options.alternative == Alternative::less  ? u2
                                                               : std::max(u1, u2);
  const double factor = options.alternative == Alternative::two_sided ? 2.0 : 1.0;
  MannwhitneyuMethod method = options.method;
  if (method == MannwhitneyuMethod::automatic) {
    method = (n1 > 8 && n2 > 8) || !ties.empty() ? MannwhitneyuMethod::asymptotic : MannwhitneyuMethod::exact;
  }
  double p = 0;
  if (method == MannwhitneyuMethod::exact) {
    p = mannwhitney_exact_sf(n1, n2, u);
  } else {
    const double n = f1 + f2;
    double tie_term = 0;
    for (const double t : ties) tie_term += t * t * t - t;
    const double s = std::sqrt(f1 * f2 / 12 * ((n + 1) - tie_term / (n * (n - 1))));
    // The continuity correction moves toward the mean; p is always an upper
    // tail here, so it subtracts.
    const double z = (u - f1 * f2 / 2 - (options.use_continuity ? 0.5 : 0.0)) / s;
    p = detail::normal_pvalue(z, Alternative::greater);
  }
  return {u1, std::clamp(p * factor, 0.0, 1.0)};
}

}  // namespace scilearn::stats
