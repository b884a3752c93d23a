#pragma once
/// \file
/// The null distributions of the one-sample Kolmogorov-Smirnov statistics,
/// as scipy.stats' ksone, kstwo and kstwobign:
///
/// | SciPy | scilearn | class | the law of |
/// |---|---|---|---|
/// | `ksone(n)` | `stats::ksone(n)` | SmirnovDistribution | D_n^+ = sup (F_n - F), one-sided, n values |
/// | `kstwo(n)` | `stats::kstwo(n)` | KolmogorovSmirnovDistribution | D_n = sup abs(F_n - F), two-sided, n values |
/// | `kstwobign()` | `stats::kstwobign()` | KolmogorovDistribution | the limit of sqrt(n) D_n (Kolmogorov's distribution) |
///
/// F is the (continuous) cdf of the null hypothesis and F_n the empirical cdf
/// of n independent draws from it. The objects answer cdf, sf, ppf and isf
/// (kstwobign also pdf) in their standard form: SciPy's loc and scale are
/// not offered. Semantics as the distributions of distributions.hpp: a point
/// outside the support gives 0 or 1, a NaN point or a probability outside
/// [0, 1] NaN, an invalid n (< 1) NaN everywhere; nothing throws. The values
/// are immutable; share them freely.

#include <scilearn/core/types.hpp>

namespace scilearn::stats {

/// The exact distribution of the one-sided statistic D_n^+ (Smirnov 1944;
/// D_n^- has the same law), support [0, 1]. sf is the Birnbaum-Tingey (1951)
/// sum, every term a binomial probability evaluated in extended precision
/// (Boost.Math's ibeta_derivative): O(n) terms at most. For n > 10^6 the
/// tail approximation exp(-(6 n d + 1)^2 / (18 n)) is used, as SciPy.
class SmirnovDistribution {
 public:
  explicit SmirnovDistribution(Index n) : n_(n) {}
  [[nodiscard]] Index n() const noexcept { return n_; }
  /// P(D_n^+ <= d) and P(D_n^+ > d).
  [[nodiscard]] double cdf(double d) const;
  [[nodiscard]] double sf(double d) const;
  /// The d with cdf(d) = q, and with sf(d) = q (by bracketed root finding).
  [[nodiscard]] double ppf(double q) const;
  [[nodiscard]] double isf(double q) const;

 private:
  Index n_;
};

/// The exact distribution of the two-sided statistic D_n, support
/// [1 / (2n), 1], computed as Simard and L'Ecuyer (2011) prescribe and SciPy
/// does (and in the same regions):
/// - d <= 1 / n and d >= 1 - 1 / n: Ruben and Gambino's (1982) closed forms;
/// - d >= 1/2: sf = 2 P(D_n^+ >= d) (exact there);
/// - n <= 140: Durbin's (1968) matrix (in Marsaglia, Tsang and Wang's 2003
///   form) for n d^2 < 0.754693, Pomeranz's (1974) recursion for n d^2 < 4,
///   else sf = 2 P(D_n^+ >= d) (Miller's approximation, which neglects the
///   chance that D_n^+ and D_n^- both reach d: asymptotically a share
///   exp(-6 n d^2) of the sf, below 4e-11 there);
/// - n > 140: the cdf by Durbin's matrix when n <= 100000 and n d^1.5 < 1.4,
///   else by Pelz and Good's (1976) asymptotic series, 1 when n d^2 >= 18;
///   the sf as 1 - cdf for n d^2 < 2.2, 2 P(D_n^+ >= d) up to n d^2 < 370
///   (Miller's approximation again: a relative error of about
///   exp(-6 n d^2), 2e-6 at n d^2 = 2.2), 0 beyond.
/// So for n > 140 and 2.2 <= n d^2 < 18 cdf and sf come from different
/// approximations and do not sum to 1 exactly (3.8e-9 apart at n = 500,
/// d = 0.1), as in SciPy.
/// ppf and isf invert cdf / sf by bracketed root finding, in closed form
/// where Ruben and Gambino's formulas hold.
/// Complexity: Durbin O(k^3 log n) with k = 2 ceil(n d) - 1 (k < 120 where
/// used), Pomeranz O(n (n d)^2), the rest O(n) or O(1).
class KolmogorovSmirnovDistribution {
 public:
  explicit KolmogorovSmirnovDistribution(Index n) : n_(n) {}
  [[nodiscard]] Index n() const noexcept { return n_; }
  /// P(D_n <= d) and P(D_n > d).
  [[nodiscard]] double cdf(double d) const;
  [[nodiscard]] double sf(double d) const;
  /// The d with cdf(d) = q, and with sf(d) = q.
  [[nodiscard]] double ppf(double q) const;
  [[nodiscard]] double isf(double q) const;

 private:
  Index n_;
};

/// Kolmogorov's limiting distribution of sqrt(n) D_n, support [0, inf):
/// cdf(x) = 1 - 2 sum_{k>=1} (-1)^(k-1) exp(-2 k^2 x^2), summed in that form
/// for x > 0.82 (the sf keeps its relative accuracy into the far tail, down
/// to the smallest doubles) and as its Jacobi theta transform
/// sqrt(2 pi) / x sum_{k>=1} exp(-(2k-1)^2 pi^2 / (8 x^2)) below (where the
/// cdf is small). ppf / isf by bracketed root finding to full precision.
class KolmogorovDistribution {
 public:
  [[nodiscard]] double pdf(double x) const;
  [[nodiscard]] double cdf(double x) const;
  [[nodiscard]] double sf(double x) const;
  [[nodiscard]] double ppf(double q) const;
  [[nodiscard]] double isf(double q) const;
};

/// SciPy-named factories.
[[nodiscard]] inline SmirnovDistribution ksone(Index n) { return SmirnovDistribution(n); }
[[nodiscard]] inline KolmogorovSmirnovDistribution kstwo(Index n) { return KolmogorovSmirnovDistribution(n); }
[[nodiscard]] inline KolmogorovDistribution kstwobign() { return KolmogorovDistribution(); }

}  // namespace scilearn::stats
