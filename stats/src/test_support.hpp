#pragma once
// What the hypothesis-test and correlation sources share: compensated sums,
// centred sums of squares, tie counts, tail probabilities of the reference
// distributions (Boost.Math, kept out of the public headers) and the
// too-small / constant-input warnings. Private to the stats module.

#include <scilearn/core/types.hpp>
#include <scilearn/stats/hypothesis_tests.hpp>

#include "special_values.hpp"
#include "summation.hpp"
#include <cmath>
#include <limits>
#include <vector>

namespace scilearn::stats::detail {


// The mean in two passes: the compensated mean, then corrected by the mean of
// the deviations from it (which the rounding of the first left non-zero).
double careful_mean(const Vector& a);

// sum (a_i - m)^2 about m = careful_mean(a) (returned in *mean when given).
double centred_sum_of_squares(const Vector& a, double* mean = nullptr);


// p-values of a statistic under Student's t (df > 0) or the standard
// normal, for the alternative: less = cdf, greater = sf, two_sided = 2 sf(|x|).
// NaN in, NaN out; infinite statistics give 0 / 1.
double t_pvalue(double t, double df, Alternative alternative);
double normal_pvalue(double z, Alternative alternative);

// Upper tails of chi2(df) and F(df1, df2) at x (NaN when df <= 0 or x NaN).
double chi2_sf(double x, double df);
double f_sf(double x, double df1, double df2);

// The regularized incomplete beta function I_x(a, b).
double ibeta(double a, double b, double x);

// SciPy's RuntimeWarnings.
void warn_too_small(const char* where);
void warn_constant(const char* where);

}  // namespace scilearn::stats::detail
