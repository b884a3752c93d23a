// Tests on contingency tables: the chi-squared test of independence and
// Fisher's exact test on 2 x 2 tables.

#include <algorithm>
#include <cmath>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/stats/contingency_tests.hpp>
#include <scilearn/stats/discrete_distributions.hpp>

#include "count_tests_support.hpp"
#include "special_values.hpp"
#include "summation.hpp"

namespace scilearn::stats {

using detail::kInf;
using detail::kNaN;

Matrix contingency::expected_freq(const Matrix& observed) {
  const Index rows = observed.rows(), cols = observed.cols();
  Vector row_sums(rows), col_sums(cols);
  for (Index i = 0; i < rows; ++i) {
    row_sums(i) = detail::compensated_sum(cols, [&](Index j) { return observed(i, j); });
  }
  for (Index j = 0; j < cols; ++j) {
    col_sums(j) = detail::compensated_sum(rows, [&](Index i) { return observed(i, j); });
  }
  const double total = detail::compensated_sum(rows, [&](Index i) { return row_sums(i); });
  Matrix expected(rows, cols);
  // The product of the margins first, then the division, as SciPy: for
  // integer counts the product is exact and each cell is correctly rounded.
  for (Index j = 0; j < cols; ++j) {
    for (Index i = 0; i < rows; ++i) expected(i, j) = row_sums(i) * col_sums(j) / total;
  }
  return expected;
}

Chi2ContingencyResult chi2_contingency(const Matrix& observed, bool correction, double lambda_) {
  const Index rows = observed.rows(), cols = observed.cols();
  if (observed.size() == 0) {
    throw ValueError(cat("chi2_contingency: no data; observed is ", rows, "x", cols));
  }
  if ((observed.array() < 0).any()) {
    throw ValueError("chi2_contingency: all values in observed must be non-negative");
  }
  Matrix expected = contingency::expected_freq(observed);
  for (Index i = 0; i < rows; ++i) {  // row-major: SciPy names the first zero in that order
    for (Index j = 0; j < cols; ++j) {
      if (expected(i, j) == 0) {
        throw ValueError(cat("chi2_contingency: the internally computed table of expected frequencies has a zero "
                             "element at (", i, ", ", j, "): a row or column of observed sums to 0"));
      }
    }
  }
  const Index dof = (rows - 1) * (cols - 1);
  // One row or column: observed == expected and nothing to test.
  if (dof == 0) return {0.0, 1.0, 0, std::move(expected)};
  Matrix counts = observed;
  if (dof == 1 && correction) {
    // Yates (1934): each count moves 0.5 toward its expected value, but never
    // past it (SciPy since gh-13875); a NaN difference leaves NaN.
    for (Index k = 0; k < counts.size(); ++k) {
      const double diff = expected(k) - observed(k);
      counts(k) += std::isnan(diff) ? kNaN : std::copysign(std::min(0.5, std::abs(diff)), diff);
    }
  }
  const PowerDivergenceResult r = detail::power_divergence_of(
      "chi2_contingency", counts.reshaped(), expected.reshaped(), static_cast<double>(dof), lambda_, true);
  return {r.statistic, r.pvalue, dof, std::move(expected)};
}

namespace {

void check_fisher_table(const Matrix& table) {
  if (table.rows() != 2 || table.cols() != 2) {
    throw ValueError(cat("fisher_exact: the table must be 2x2, got ", table.rows(), "x", table.cols(),
                         " (SciPy's resampling test of r x c tables is not available)"));
  }
  for (Index k = 0; k < 4; ++k) {
    const double v = table(k);
    if (v < 0) throw ValueError(cat("fisher_exact: all values in the table must be non-negative, got ", v));
    if (!std::isfinite(v) || v != std::floor(v)) {
      throw ValueError(cat("fisher_exact: the table must hold whole counts, got ", v));
    }
  }
}

// Fisher's two-sided p-value (Fisher 1935; the rule of R's fisher.test):
// P(X <= a) + P(tables on the mode's other side no more likely than the
// observed one). The relative slack 1e-14 (SciPy's) counts tables of equal
// probability that rounding made slightly more likely.
double fisher_two_sided(const Hypergeometric& h, double a, double n1, double n2, double n) {
  constexpr double slack = 1e-14;
  const double mode = std::floor((n + 1) * (n1 + 1) / (n1 + n2 + 2));
  const double p_observed = h.pmf(a), p_mode = h.pmf(mode);
  if (std::abs(p_observed - p_mode) / std::max(p_observed, p_mode) <= slack) return 1.0;
  const double threshold = p_observed * (1 + slack);
  const auto first = static_cast<Index>(mode), last = static_cast<Index>(n);
  if (a < mode) {
    const double lower = h.cdf(a);
    if (h.pmf(n) > threshold) return lower;
    // The pmf falls from the mode to n: the first x there below the threshold.
    const Index x = detail::first_true(first, last, [&](Index k) { return h.pmf(static_cast<double>(k)) < threshold; });
    return lower + h.sf(static_cast<double>(x - 1));
  }
  const double upper = h.sf(a - 1);
  if (h.pmf(0) > threshold) return upper;
  // The pmf rises from 0 to the mode: the first x there above the threshold.
  const Index x = detail::first_true(0, first, [&](Index k) { return h.pmf(static_cast<double>(k)) > threshold; });
  return upper + h.cdf(static_cast<double>(x - 1));
}

}  // namespace

FisherExactResult fisher_exact(const Matrix& table, Alternative alternative) {
  check_fisher_table(table);
  const double a = table(0, 0), b = table(0, 1), c = table(1, 0), d = table(1, 1);
  // A zero margin leaves a single table: nothing to test.
  if (a + b == 0 || c + d == 0 || a + c == 0 || b + d == 0) return {kNaN, 1.0};
  const double odds_ratio = c > 0 && b > 0 ? a * d / (c * b) : kInf;
  const double n1 = a + b, n2 = c + d, n = a + c;
  // a given the margins: successes among the n draws of the first column
  // from n1 + n2 objects of which the first row's n1 are successes.
  const Hypergeometric h = hypergeom(n1 + n2, n1, n);
  double p = kNaN;
  switch (alternative) {
    case Alternative::less: p = h.cdf(a); break;
    case Alternative::greater: p = h.sf(a - 1); break;
    case Alternative::two_sided: p = fisher_two_sided(h, a, n1, n2, n); break;
  }
  return {odds_ratio, std::min(1.0, p)};
}

}  // namespace scilearn::stats
