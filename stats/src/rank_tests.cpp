#include <scilearn/stats/rank_tests.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/stats/order_statistics.hpp>

#include "nan_filter.hpp"
#include "sorting.hpp"
#include "test_support.hpp"

namespace scilearn::stats {

using detail::kNaN;

namespace {

// The law of the signed-rank sum r+ of n untied ranks 1..n with independent
// fair signs: each rank k is in r+ with probability 1/2, so the pmf is the
// convolution of (1/2)(delta_0 + delta_k), built in probabilities (exact:
// halving is exact and the sums are of dyadic numbers with < 53 bits).
std::vector<double> signed_rank_pmf(Index n) {
  std::vector<double> pmf{1.0};
  for (Index k = 1; k <= n; ++k) {
    std::vector<double> next(pmf.size() + static_cast<std::size_t>(k), 0.0);
    for (std::size_t v = 0; v < pmf.size(); ++v) {
      next[v] += 0.5 * pmf[v];
      next[v + static_cast<std::size_t>(k)] += 0.5 * pmf[v];
    }
    pmf = std::move(next);
  }
  return pmf;
}

// P(r+ <= k) and P(r+ >= k), each summed from the nearer end (the other
// as one minus the complementary sum), as SciPy does.
double pmf_sum(const std::vector<double>& pmf, Index from, Index to) {
  double s = 0;
  for (Index v = std::max<Index>(from, 0); v <= std::min<Index>(to, static_cast<Index>(pmf.size()) - 1); ++v) {
    s += pmf[static_cast<std::size_t>(v)];
  }
  return s;
}
double signed_rank_cdf(const std::vector<double>& pmf, double mean, Index k) {
  const auto last = static_cast<Index>(pmf.size()) - 1;
  return static_cast<double>(k) <= mean ? pmf_sum(pmf, 0, k) : 1 - pmf_sum(pmf, k + 1, last);
}
double signed_rank_sf(const std::vector<double>& pmf, double mean, Index k) {
  const auto last = static_cast<Index>(pmf.size()) - 1;
  return static_cast<double>(k) <= mean ? pmf_sum(pmf, k, last) : 1 - pmf_sum(pmf, 0, k - 1);
}

double two_sided_or(Alternative alternative, double less, double greater) {
  switch (alternative) {
    case Alternative::less: return less;
    case Alternative::greater: return greater;
    case Alternative::two_sided: return std::clamp(2 * std::min(less, greater), 0.0, 1.0);
  }
  return kNaN;
}

// The exact permutation distribution of r+ over all sign changes of the
// non-zero differences (SciPy's permutation_test with every resample): the
// share of them with r+ <= / >= the observed one, with SciPy's relative
// tolerance of 100 eps for values that tie in exact arithmetic.
double sign_flip_pvalue(const std::vector<double>& ranks, double offset, double observed, Alternative alternative) {
  const auto n = ranks.size();
  const double gamma = std::abs(100 * std::numeric_limits<double>::epsilon() * observed);
  double at_most = 0, at_least = 0;
  const std::uint64_t total = std::uint64_t{1} << n;
  for (std::uint64_t mask = 0; mask < total; ++mask) {
    double r = offset;
    for (std::size_t i = 0; i < n; ++i) {
      if ((mask >> i) & 1U) r += ranks[i];
    }
    at_most += r <= observed + gamma ? 1 : 0;
    at_least += r >= observed - gamma ? 1 : 0;
  }
  const auto t = static_cast<double>(total);
  return two_sided_or(alternative, at_most / t, at_least / t);
}

}  // namespace

RankTestResult wilcoxon(const Vector& d, const WilcoxonOptions& options) {
  const Index n = d.size();
  if (n == 0) {
    detail::warn_too_small("wilcoxon");
    return {kNaN, kNaN};
  }
  if (d.array().isNaN().any()) return {kNaN, kNaN};
  const Index n_zero = (d.array() == 0).count();
  const bool drop_zeros = options.zero_method == WilcoxonZeroMethod::wilcox;
  // The ranked values: |d| without the zeros under 'wilcox'.
  Vector ranked(drop_zeros ? n - n_zero : n);
  std::vector<double> sign;  // +1, -1 or 0 for each ranked value
  for (Index i = 0, j = 0; i < n; ++i) {
    if (drop_zeros && d(i) == 0) continue;
    ranked(j++) = std::abs(d(i));
    sign.push_back(d(i) > 0 ? 1.0 : d(i) < 0 ? -1.0 : 0.0);
  }
  const detail::Ranking ranking = detail::rank_sample(ranked);
  const Vector& r = ranking.ranks;
  double r_plus = 0, r_minus = 0, r_zero = 0;
  std::vector<double> nonzero_ranks;
  for (Index j = 0; j < r.size(); ++j) {
    const double s = sign[static_cast<std::size_t>(j)];
    if (s > 0) r_plus += r(j);
    if (s < 0) r_minus += r(j);
    if (s == 0) r_zero += r(j);
    if (s != 0) nonzero_ranks.push_back(r(j));
  }
  if (options.zero_method == WilcoxonZeroMethod::zsplit) {
    r_plus += r_zero / 2;
    r_minus += r_zero / 2;
  }
  std::vector<double> ties = ranking.tie_sizes;
  // Pratt's zeros are ranked but leave the variance's tie term (they are
  // the smallest |d|, so their group comes first).
  if (options.zero_method == WilcoxonZeroMethod::pratt && n_zero > 1) ties.erase(ties.begin());
  WilcoxonMethod method = options.method;
  bool permutation = false;
  if (method == WilcoxonMethod::automatic) {
    if (n > 50) {
      method = WilcoxonMethod::asymptotic;
    } else if (ties.empty() && n_zero == 0) {
      method = WilcoxonMethod::exact;
    } else if (n <= 13) {
      permutation = true;
    } else {
      method = WilcoxonMethod::asymptotic;
    }
  }
  const double statistic = options.alternative == Alternative::two_sided ? std::min(r_plus, r_minus) : r_plus;
  const auto count = static_cast<double>(ranked.size());
  double p = kNaN;
  if (permutation) {
    const double offset = options.zero_method == WilcoxonZeroMethod::zsplit ? r_zero / 2 : 0.0;
    p = sign_flip_pvalue(nonzero_ranks, offset, r_plus, options.alternative);
  } else if (method == WilcoxonMethod::exact) {
    const std::vector<double> pmf = signed_rank_pmf(ranked.size());
    const double mean = count * (count + 1) / 4;
    const auto less = signed_rank_cdf(pmf, mean, static_cast<Index>(std::ceil(r_plus)));
    const auto greater = signed_rank_sf(pmf, mean, static_cast<Index>(std::floor(r_plus)));
    p = two_sided_or(options.alternative, less, greater);
  } else {
    double mean = count * (count + 1) * 0.25;
    double var = count * (count + 1) * (2 * count + 1);
    if (options.zero_method == WilcoxonZeroMethod::pratt) {
      const auto z0 = static_cast<double>(n_zero);
      mean -= z0 * (z0 + 1) * 0.25;
      var -= z0 * (z0 + 1) * (2 * z0 + 1);
    }
    double tie_term = 0;
    for (const double t : ties) tie_term += t * t * t - t;
    const double se = std::sqrt((var - tie_term / 2) / 24);
    double z = (r_plus - mean) / se;
    if (options.correction) {
      const double s = options.alternative == Alternative::greater ? 1.0
                       : options.alternative == Alternative::less  ? -1.0
                                                                   : static_cast<double>((z > 0) - (z < 0));
      z -= s * 0.5 / se;
    }
    p = detail::normal_pvalue(z, options.alternative);
  }
  return {statistic, p};
}

RankTestResult wilcoxon(const Vector& x, const Vector& y, const WilcoxonOptions& options) {
  check_same_length("wilcoxon", "x", x.size(), "y", y.size());
  return wilcoxon(Vector(x - y), options);
}

RankTestResult kruskal(const std::vector<Vector>& given, NanPolicy nan_policy) {
  std::vector<Vector> samples;
  for (const Vector& s : given) samples.push_back(detail::NanFiltered("kruskal", s, nan_policy).get());
  const auto k = static_cast<Index>(samples.size());
  if (k < 2) throw ValueError(cat("kruskal: at least two groups are required, got ", k));
  Index total = 0;
  for (const Vector& s : samples) {
    if (s.size() == 0) {
      detail::warn_too_small("kruskal");
      return {kNaN, kNaN};
    }
    total += s.size();
  }
  Vector all(total);
  for (Index g = 0, at = 0; g < k; ++g) {
    const Vector& s = samples[static_cast<std::size_t>(g)];
    all.segment(at, s.size()) = s;
    at += s.size();
  }
  if (all.array().isNaN().any()) return {kNaN, kNaN};
  const auto [ranks, tie_sizes] = detail::rank_sample(all);
  const auto n = static_cast<double>(total);
  double tie_term = 0;
  for (const double t : tie_sizes) tie_term += t * t * t - t;
  const double ties = 1 - tie_term / (n * n * n - n);
  // Rank sums are sums of half-integers: exact.
  double ssbn = 0;
  for (Index g = 0, at = 0; g < k; ++g) {
    const Index size = samples[static_cast<std::size_t>(g)].size();
    const double rank_sum = ranks.segment(at, size).sum();
    ssbn += rank_sum * rank_sum / static_cast<double>(size);
    at += size;
  }
  const double h = (12.0 / (n * (n + 1)) * ssbn - 3 * (n + 1)) / ties;
  return {h, detail::chi2_sf(h, static_cast<double>(k - 1))};
}

RankTestResult friedmanchisquare(const std::vector<Vector>& samples) {
  const auto k = static_cast<Index>(samples.size());
  if (k < 3) {
    throw ValueError(cat("friedmanchisquare: at least 3 sets of samples must be given, got ", k));
  }
  const Index n = samples[0].size();
  for (const Vector& s : samples) check_same_length("friedmanchisquare", "samples[0]", n, "each sample", s.size());
  if (n == 0) {
    detail::warn_too_small("friedmanchisquare");
    return {kNaN, kNaN};
  }
  Vector rank_sums = Vector::Zero(k);
  double tie_term = 0;
  Vector block(k);
  for (Index i = 0; i < n; ++i) {
    for (Index j = 0; j < k; ++j) block(j) = samples[static_cast<std::size_t>(j)](i);
    if (block.array().isNaN().any()) return {kNaN, kNaN};
    const detail::Ranking ranking = detail::rank_sample(block);
    rank_sums += ranking.ranks;
    for (const double t : ranking.tie_sizes) tie_term += t * (t * t - 1);
  }
  const auto fk = static_cast<double>(k), fn = static_cast<double>(n);
  const double c = 1 - tie_term / (fk * (fk * fk - 1) * fn);
  const double ssbn = rank_sums.squaredNorm();
  const double statistic = (12.0 / (fk * fn * (fk + 1)) * ssbn - 3 * fn * (fk + 1)) / c;
  return {statistic, detail::chi2_sf(statistic, fk - 1)};
}

}  // namespace scilearn::stats
