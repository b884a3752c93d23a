#pragma once
// The finite-n laws of the one-sample Kolmogorov-Smirnov statistics, each by
// the method Simard and L'Ecuyer (2011) assign to a region of (n, d); the
// public classes (kolmogorov.cpp) choose between them. Private to the stats
// module. Callers pass n >= 1 and d strictly inside the region named.

#include <scilearn/core/types.hpp>

namespace scilearn::stats::detail {

// floor(n d) exactly (the product's rounding error recovered by fma), and
// the fractional part n d - floor(n d) in [0, 1) in *frac.
Index floor_of_product(Index n, double d, double* frac);

// log(n! / n^n) by Stirling's series with n log n taken out (no cancellation).
double log_factorial_over_power(Index n);

// P(D_n^+ < d) (want_cdf) or P(D_n^+ >= d) for 0 < d < 1: the
// Birnbaum-Tingey sum for the sf, the cdf as its complement except where a
// closed form gives it directly (d <= 1/n, and n > 10^6).
double smirnov(Index n, double d, bool want_cdf);

// P(D_n < d) by Durbin's matrix in Marsaglia, Tsang and Wang's (2003) form;
// 1 / (2n) < d < 1 and 2 ceil(n d) - 1 small (the matrix's order).
double kolmogorov_durbin_cdf(Index n, double d);

// P(D_n < d) by Pomeranz's (1974) recursion; O(n (n d)^2).
double kolmogorov_pomeranz_cdf(Index n, double d);

// Pelz and Good's (1976) four-term asymptotic series for P(D_n <= d).
double kolmogorov_pelz_good_cdf(Index n, double d);

}  // namespace scilearn::stats::detail
