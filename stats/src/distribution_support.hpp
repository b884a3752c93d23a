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

// log(p) given p and a way to compute its complement 1 - p directly: log(p)
// loses relative accuracy where p is close to 1, where the complement is small
// and log1p(-complement) is accurate.
template <class Complement>
double log_probability(double p, Complement complement) {
  return p > 0.5 ? std::log1p(-complement()) : std::log(p);
}

}  // namespace scilearn::stats::detail
