// scipy.integrate.newton_cotes: the weights and error coefficient of the
// closed Newton-Cotes rules.

#include <Eigen/LU>
#include <array>
#include <cmath>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/integrate/sample.hpp>
#include <vector>

namespace scilearn::integrate {
namespace {

// The exact rules on N + 1 equally spaced points, N = 1..14, as rationals:
// weight i = scale_num * numerators[i] / scale_den, error coefficient
// error_num / error_den (the values SciPy tabulates; e.g. Abramowitz & Stegun
// 25.4.13-25.4.20 for the first ones). Every integer is below 2^53, so the
// doubles are exact and the one rounding of each result is SciPy's.
struct ExactRule {
  double scale_num, scale_den;
  std::vector<double> numerators;
  double error_num, error_den;
};

const std::array<ExactRule, 14>& exact_rules() {
  static const std::array<ExactRule, 14> rules{{
      {1, 2, {1, 1}, -1, 12},
      {1, 3, {1, 4, 1}, -1, 90},
      {3, 8, {1, 3, 3, 1}, -3, 80},
      {2, 45, {7, 32, 12, 32, 7}, -8, 945},
      {5, 288, {19, 75, 50, 50, 75, 19}, -275, 12096},
      {1, 140, {41, 216, 27, 272, 27, 216, 41}, -9, 1400},
      {7, 17280, {751, 3577, 1323, 2989, 2989, 1323, 3577, 751}, -8183, 518400},
      {4, 14175, {989, 5888, -928, 10496, -4540, 10496, -928, 5888, 989}, -2368, 467775},
      {9, 89600, {2857, 15741, 1080, 19344, 5778, 5778, 19344, 1080, 15741, 2857}, -4671, 394240},
      {5,
       299376,
       {16067, 106300, -48525, 272400, -260550, 427368, -260550, 272400, -48525, 106300, 16067},
       -673175,
       163459296},
      {11,
       87091200,
       {2171465, 13486539, -3237113, 25226685, -9595542, 15493566, 15493566, -9595542, 25226685, -3237113, 13486539,
        2171465},
       -2224234463,
       237758976000},
      {1,
       5255250,
       {1364651, 9903168, -7587864, 35725120, -51491295, 87516288, -87797136, 87516288, -51491295, 35725120, -7587864,
        9903168, 1364651},
       -3012,
       875875},
      {13,
       402361344000,
       {8181904909, 56280729661, -31268252574, 156074417954, -151659573325, 206683437987, -43111992612, -43111992612,
        206683437987, -151659573325, 156074417954, -31268252574, 56280729661, 8181904909},
       -2639651053,
       344881152000},
      {7,
       2501928000,
       {90241897, 710986864, -770720657, 3501442784, -6625093363, 12630121616, -16802270373, 19534438464, -16802270373,
        12630121616, -6625093363, 3501442784, -770720657, 710986864, 90241897},
       -3740727473,
       1275983280000},
  }};
  return rules;
}

NewtonCotesResult exact_rule(int n) {
  const ExactRule& rule = exact_rules()[static_cast<std::size_t>(n - 1)];
  NewtonCotesResult result{Vector(n + 1), rule.error_num / rule.error_den};
  for (int i = 0; i <= n; ++i)
    result.an[i] = rule.scale_num * rule.numerators[static_cast<std::size_t>(i)] / rule.scale_den;
  return result;
}

// The weights from the moments: with t_i = 2 rn_i / N - 1 on [-1, 1], solve
// sum_i a_i t_i^k = integral of t^k over [-1, 1] (k = 0..N) through the
// inverse of the Vandermonde matrix C (C(k, i) = t_i^k), refined by two
// Newton-Schulz steps X <- 2 X - X C X, and scale to [0, N]. The error
// coefficient compares the rule on x^p with its exact integral, p = N + 2
// for an even N on equal spacing (one degree of exactness more), N + 1 else.
NewtonCotesResult moment_rule(const Vector& rn, bool equal) {
  const Index n = rn.size() - 1;
  const double big_n = static_cast<double>(n);
  const Vector yi = rn / big_n;
  const Vector ti = 2 * yi.array() - 1;
  Matrix c(n + 1, n + 1);
  for (Index k = 0; k <= n; ++k) {
    for (Index i = 0; i <= n; ++i) c(k, i) = std::pow(ti[i], static_cast<double>(k));
  }
  Matrix c_inv = c.inverse();
  for (int step = 0; step < 2; ++step) c_inv = 2 * c_inv - c_inv * c * c_inv;
  Vector an = Vector::Zero(n + 1);
  for (Index k = 0; k <= n; k += 2) an += c_inv.col(k) * (2.0 / static_cast<double>(k + 1));
  an *= big_n / 2.0;
  const bool even_rule = n % 2 == 0 && equal;
  const double power = even_rule ? big_n + 2 : big_n + 1;
  double bn = even_rule ? big_n / (big_n + 3.0) : big_n / (big_n + 2.0);
  bn -= yi.array().pow(power).matrix().dot(an);
  const double fac = std::exp(power * std::log(big_n) - std::lgamma(power + 1));
  return {an, bn * fac};
}

// The rule on 0, 1, ..., n: exact for the tabulated n, from the moments beyond.
NewtonCotesResult equal_rule(Index n) {
  if (n <= static_cast<Index>(exact_rules().size())) return exact_rule(static_cast<int>(n));
  Vector positions(n + 1);
  for (Index i = 0; i <= n; ++i) positions[i] = static_cast<double>(i);
  return moment_rule(positions, true);
}

}  // namespace

NewtonCotesResult newton_cotes(int rn) {
  if (rn < 1) throw ValueError(cat("newton_cotes: the rule needs N >= 1 intervals, got rn = ", rn));
  return equal_rule(rn);
}

NewtonCotesResult newton_cotes(const Vector& rn, bool equal) {
  const Index n = rn.size() - 1;
  if (n < 1) throw ValueError(cat("newton_cotes: rn needs at least 2 sample positions, got ", rn.size()));
  // As SciPy: positions 1 apart count as equal spacing (the tabulated rules
  // need not start at 0), but beyond the table they must still be 0, ..., N.
  bool unit_steps = true;
  for (Index i = 0; i < n; ++i) unit_steps = unit_steps && rn[i + 1] - rn[i] == 1;
  if (equal || (unit_steps && n <= static_cast<Index>(exact_rules().size()))) return equal_rule(n);
  if (rn[0] != 0 || rn[n] != static_cast<double>(n)) {
    throw ValueError(
        cat("newton_cotes: the sample positions must start at 0 and end at N = ", n, ", got ", rn[0], " and ", rn[n]));
  }
  return moment_rule(rn, unit_steps);
}

}  // namespace scilearn::integrate
