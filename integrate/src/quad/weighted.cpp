// quad with a weight: QUADPACK's QAWO and QAWF (cos / sin), QAWS (the
// algebraic-logarithmic weights) and QAWC (Cauchy principal value) through GSL.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <memory>
#include <new>
#include <numbers>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <vector>

#include "quad/gsl_quadpack.hpp"
#include "quad/quadpack_routines.hpp"

namespace scilearn::integrate::detail {
namespace {

struct QawsTableDeleter {
  void operator()(gsl_integration_qaws_table* t) const noexcept { gsl_integration_qaws_table_free(t); }
};

template <class T, class D>
std::unique_ptr<T, D> owned(T* p) {
  if (!p) throw std::bad_alloc();
  return std::unique_ptr<T, D>(p);
}

// GSL's table of Chebyshev moments for QAWO on subintervals of length
// `length` / 2^level, level < `levels` (QUADPACK's maxp1), built here rather
// than by gsl_integration_qawo_table_alloc, which computes the moments of all
// `levels` levels (the bulk of a quad call's time). GSL's rule (qc25f) reads a
// level's moments only where |omega| * half the subinterval's length >= 2 and
// takes the 15-point Kronrod rule otherwise, so only the first few levels need
// them: those GSL computes (gsl_integration_qawo_table_set, level by level from
// omega * length / 2^(level + 1), the same numbers as a full table); the other
// levels hold NaN, never read. `reach` bounds |x| over the points the
// subintervals' ends are computed from: a computed end is off by a few units
// in the last place of `reach` at most, a margin allowed for with a factor 2
// on top. A table whose length GSL's qawf then sets to the same length is not
// recomputed (gsl_integration_qawo_table_set_length returns at once).
class MomentTable {
 public:
  MomentTable(double omega, double length, gsl_integration_qawo_enum kind, int levels, double reach)
      : moments_(25 * static_cast<std::size_t>(levels), std::numeric_limits<double>::quiet_NaN()) {
    const double slack = 8 * std::numeric_limits<double>::epsilon() * reach;
    std::size_t used = 0;
    double width = length;
    // `!(... < 1)`: a NaN bound (omega = 0 on an infinite length) reads as needed.
    while (used < static_cast<std::size_t>(levels) && !(0.5 * std::abs(omega) * (width + slack) < 1)) {
      ++used;
      width *= 0.5;
    }
    table_.n = used;
    table_.chebmo = moments_.data();
    gsl_integration_qawo_table_set(&table_, omega, length, kind);
    table_.n = static_cast<std::size_t>(levels);
  }
  MomentTable(const MomentTable&) = delete;
  MomentTable& operator=(const MomentTable&) = delete;

  [[nodiscard]] gsl_integration_qawo_table* get() noexcept { return &table_; }

 private:
  std::vector<double> moments_;
  gsl_integration_qawo_table table_{};
};

// The levels of GSL's moment table: enough for every bisection `limit`
// subintervals allow, whatever maxp1 says. GSL stops with "table limit
// exceeded" when a bisection goes deeper than its table, where QUADPACK
// computes the moments of deeper levels as they come (maxp1 only bounds what
// it stores); a MomentTable computes only the levels its rule reads, so the
// larger table costs nothing.
int moment_levels(int maxp1, int limit) {
  return static_cast<int>(std::min<long>(std::max<long>(maxp1, limit + 1L), std::numeric_limits<int>::max()));
}

// cos(omega x) or sin(omega x) on [a, b] (QAWO) or [a, inf) (QAWF); (-inf, b]
// is [-b, inf) for f(-x) (cos) or -f(-x) (sin), as SciPy maps it.
QuadResult oscillatory(const Integrand& func, double a, double b, const QuadOptions& options) {
  const bool sine = options.weight == QuadWeight::sin;
  const double omega = options.wvar[0];
  if (!std::isfinite(omega)) throw ValueError(cat("quad: the weight's omega (wvar[0]) must be finite, got ", omega));
  if (options.maxp1 < 1) throw ValueError(cat("quad: maxp1 must be >= 1, got ", options.maxp1));
  const auto kind = sine ? GSL_INTEG_SINE : GSL_INTEG_COSINE;
  const double epsabs = options.epsabs;
  if (std::isfinite(a) && std::isfinite(b)) {
    // qawo integrates over [a, a + length].
    const double length = b - a;
    const int limit = qags_family_limit(options.limit);
    MomentTable table(omega, length, kind, moment_levels(options.maxp1, limit),
                      std::max(std::abs(a), std::abs(a + length)));
    return run_gsl_routine(func, limit, "qawo", [&](gsl_function* f, auto* w, double* value, double* abserr) {
      return gsl_integration_qawo(f, a, epsabs, options.epsrel, static_cast<std::size_t>(limit), w, table.get(), value,
                                  abserr);
    });
  }
  if (std::isinf(a) && std::isinf(b))
    throw ValueError(cat("quad: cannot integrate with the weight ", to_string(options.weight), " from -inf to inf"));
  if (options.limlst < 3) throw ValueError(cat("quad: limlst must be >= 3, got ", options.limlst));
  if (!(epsabs > 0))
    throw ValueError(cat("quad: cos / sin weights on an infinite range need epsabs > 0, got ", epsabs));
  const bool lower_infinite = std::isinf(a);
  const Integrand mirrored = [&func, sine](double x) { return sine ? -func(-x) : func(-x); };
  const double start = lower_infinite ? -b : a;
  // qawf integrates over the cycles [start + k cycle, start + (k + 1) cycle],
  // k < limlst, of the length it sets the table to, computed as it does.
  const double cycle = (2 * std::floor(std::abs(omega)) + 1) * std::numbers::pi / std::abs(omega);
  const auto limlst = static_cast<std::size_t>(options.limlst);
  MomentTable table(omega, cycle, kind, moment_levels(options.maxp1, options.limlst),
                    std::abs(start) + static_cast<double>(limlst + 1) * cycle);
  Workspace cycles = make_workspace(options.limlst);
  QuadResult r = run_gsl_routine(lower_infinite ? mirrored : func, options.limlst, "qawf",
                                 [&](gsl_function* f, auto* w, double* value, double* abserr) {
                                   return gsl_integration_qawf(f, start, epsabs, limlst, cycles.get(), w, table.get(),
                                                               value, abserr);
                                 });
  r.lst = static_cast<int>(cycles->size);
  r.rslst.assign(cycles->rlist, cycles->rlist + cycles->size);
  r.erlst.assign(cycles->elist, cycles->elist + cycles->size);
  return r;
}

// (x - a)^alpha (b - x)^beta log(x - a)^mu log(b - x)^nu (QAWS).
QuadResult algebraic(const Integrand& func, double a, double b, const QuadOptions& options) {
  const auto [alpha, beta] = options.wvar;
  if (!(alpha > -1 && beta > -1))
    throw ValueError(
        cat("quad: the alg weights need alpha > -1 and beta > -1 (wvar), got alpha = ", alpha, ", beta = ", beta));
  const int mu = options.weight == QuadWeight::alg_loga || options.weight == QuadWeight::alg_log ? 1 : 0;
  const int nu = options.weight == QuadWeight::alg_logb || options.weight == QuadWeight::alg_log ? 1 : 0;
  auto table =
      owned<gsl_integration_qaws_table, QawsTableDeleter>(gsl_integration_qaws_table_alloc(alpha, beta, mu, nu));
  return run_gsl_routine(func, options.limit, "qaws", [&](gsl_function* f, auto* w, double* value, double* abserr) {
    return gsl_integration_qaws(f, a, b, table.get(), options.epsabs, options.epsrel,
                                static_cast<std::size_t>(options.limit), w, value, abserr);
  });
}

// 1 / (x - c), principal value (QAWC).
QuadResult cauchy(const Integrand& func, double a, double b, const QuadOptions& options) {
  const double c = options.wvar[0];
  if (!std::isfinite(c) || c == a || c == b)
    throw ValueError(cat("quad: the cauchy weight's c (wvar[0]) must be finite and differ from the limits ", a, " and ",
                         b, ", got ", c));
  return run_gsl_routine(func, options.limit, "qawc", [&](gsl_function* f, auto* w, double* value, double* abserr) {
    return gsl_integration_qawc(f, a, b, c, options.epsabs, options.epsrel, static_cast<std::size_t>(options.limit), w,
                                value, abserr);
  });
}

}  // namespace

QuadResult integrate_weighted(const Integrand& func, double a, double b, const QuadOptions& options) {
  if (options.weight == QuadWeight::cos || options.weight == QuadWeight::sin) return oscillatory(func, a, b, options);
  if (!std::isfinite(a) || !std::isfinite(b))
    throw ValueError(cat("quad: cannot integrate with the weight ", to_string(options.weight),
                         " over an infinite range [", a, ", ", b, "]"));
  if (options.weight == QuadWeight::cauchy) return cauchy(func, a, b, options);
  return algebraic(func, a, b, options);
}

}  // namespace scilearn::integrate::detail
