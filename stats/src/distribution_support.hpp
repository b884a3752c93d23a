#pragma once
// What the continuous and the discrete distributions share (private to the
// module): Boost.Math's error policy, the entry-by-entry Vector forms,
// uniforms for inversion sampling, the normal quantile, and the choice
// between log(p) and log1p(-complement).

#include <scilearn/core/random.hpp>
#include <scilearn/core/types.hpp>

#include <boost/math/policies/policy.hpp>
#include <boost/math/special_functions/erf.hpp>

#include <cmath>
#include <exception>
#include <limits>
#include <numbers>

#include "special_values.hpp"

namespace scilearn::stats::detail {

// SciPy's conventions: a parameter or argument outside the domain and a pole
// give NaN, overflow gives inf, underflow 0, a series that did not converge
// its best value; never an exception, and errno is left alone.
//
// Policy computes in double. Boost's default promotes double arguments to
// long double (x87 arithmetic), which made every function five to fifteen
// times slower without changing the results at our tolerances, except for
// the incomplete beta function and its inverse: in double, I_x(1/2, 1/2)
// near x = 1e-12 loses five digits and ibeta_inv's Newton iteration can
// raise (Boost 1.74 forgets the policy there). Those calls take
// ExtendedPolicy.
namespace bmp = boost::math::policies;
template <bool Promote>
using ErrorPolicy = bmp::policy<bmp::domain_error<bmp::ignore_error>, bmp::pole_error<bmp::ignore_error>,
                                bmp::overflow_error<bmp::ignore_error>, bmp::underflow_error<bmp::ignore_error>,
                                bmp::denorm_error<bmp::ignore_error>, bmp::evaluation_error<bmp::ignore_error>,
                                bmp::rounding_error<bmp::ignore_error>,
                                bmp::indeterminate_result_error<bmp::ignore_error>, bmp::promote_double<Promote>>;
using Policy = ErrorPolicy<false>;
using ExtendedPolicy = ErrorPolicy<true>;


// f applied to every entry of x, over OpenMP's threads (OMP_NUM_THREADS,
// all cores by default) from kParallelEntries entries on: each entry is
// computed alone, so the values do not depend on the thread count. An
// exception thrown for an entry must not leave the parallel region (that
// would terminate the program); the first one caught is rethrown after it.
inline constexpr Index kParallelEntries = 4096;
template <class F>
Vector map_entries(const Vector& x, F f) {
  const Index n = x.size();
  Vector out(n);
  std::exception_ptr error;
#pragma omp parallel for schedule(static, 1024) if (n >= kParallelEntries)
  for (Index i = 0; i < n; ++i) {
    try {
      out(i) = f(x(i));
    } catch (...) {
#pragma omp critical(scilearn_stats_map_entries)
      if (!error) error = std::current_exception();
    }
  }
  if (error) std::rethrow_exception(error);
  return out;
}

// x * log(y) with 0 * log(0) = 0 (SciPy's xlogy).
inline double xlogy(double x, double y) { return x == 0 && !std::isnan(y) ? 0.0 : x * std::log(y); }

// A uniform in the open interval (0, 1): (k + 1/2) / 2^52 for a random 52-bit
// k. k + 1/2 needs at most 53 bits, so the value is exact and lies in
// [2^-53, 1 - 2^-53]: inversion never sees 0 or 1.
inline double open_uniform(Generator& rng) noexcept { return (static_cast<double>(rng() >> 12) + 0.5) * 0x1.0p-52; }

// The standard normal's quantile, through erfc_inv of the smaller tail so that
// q near 0 keeps all its digits (and 1 - q is exact for q >= 1/2).
inline double ndtri(double q) {
  if (q < 0.5) return -std::numbers::sqrt2 * boost::math::erfc_inv(2 * q, Policy());
  return std::numbers::sqrt2 * boost::math::erfc_inv(2 * (1 - q), Policy());
}

inline constexpr double kLogSqrt2Pi = 0.91893853320467274178;  // log(sqrt(2 pi))

// The standard normal's cdf, as Cephes' ndtr: 0.5 erfc(-z / sqrt(2)) with
// the argument formed by one multiplication. The C library's erfc (within an
// ulp of the true value) is faster than Boost's.
inline double ndtr(double z) { return 0.5 * std::erfc(-z * std::numbers::sqrt2 / 2); }

// log(ndtr(z)), accurate everywhere. For z <= -37 ndtr underflows towards the
// subnormals; there the asymptotic expansion of Mills' ratio (Abramowitz &
// Stegun 26.2.12) gives log ndtr(z) = -z^2/2 - log(-z) - log sqrt(2 pi)
// + log(1 - 1/z^2 + 3/z^4 - 15/z^6 + ...), whose terms fall by (2k-1)/z^2
// < 0.015 each: twelve terms reach the rounding level.
inline double log_ndtr(double z) {
  if (z >= 0) return std::log1p(-ndtr(-z));
  if (z > -37) return std::log(ndtr(z));
  const double r = 1.0 / (z * z);
  double term = 1.0, sum = 1.0;
  for (int k = 1; k <= 12; ++k) {
    term *= -(2.0 * k - 1.0) * r;
    sum += term;
  }
  return -0.5 * z * z - std::log(-z) - kLogSqrt2Pi + std::log(sum);
}

// log(1 - exp(x)) for x <= 0, accurate on both sides of -log 2 (Maechler 2012).
inline double log1mexp(double x) { return x > -std::numbers::ln2 ? std::log(-std::expm1(x)) : std::log1p(-std::exp(x)); }

// log(1 - exp(-u)) for u > 0, given log u as well: where u is tiny (or has
// underflowed while log u has not), log u - u/2 from the series
// log((1 - e^-u) / u) = -u/2 + u^2/24 - ..., whose next term is below 1e-21.
inline double log1mexp_neg(double u, double log_u) { return u < 1e-10 ? log_u - u / 2 : log1mexp(-u); }

// log(p) given p and a way to compute its complement 1 - p directly: log(p)
// loses relative accuracy where p is close to 1, where the complement is small
// and log1p(-complement) is accurate.
template <class Complement>
double log_probability(double p, Complement complement) {
  return p > 0.5 ? std::log1p(-complement()) : std::log(p);
}

}  // namespace scilearn::stats::detail
