// quad with a weight: QUADPACK's QAWO and QAWF (cos / sin), QAWS (the
// algebraic-logarithmic weights) and QAWC (Cauchy principal value) through GSL.

#include <cmath>
#include <memory>
#include <new>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>

#include "quad/gsl_quadpack.hpp"
#include "quad/quadpack_routines.hpp"

namespace scilearn::integrate::detail {
namespace {

struct QawoTableDeleter {
  void operator()(gsl_integration_qawo_table* t) const noexcept { gsl_integration_qawo_table_free(t); }
};
struct QawsTableDeleter {
  void operator()(gsl_integration_qaws_table* t) const noexcept { gsl_integration_qaws_table_free(t); }
};

template <class T, class D>
std::unique_ptr<T, D> owned(T* p) {
  if (!p) throw std::bad_alloc();
  return std::unique_ptr<T, D>(p);
}

using QawoTable = std::unique_ptr<gsl_integration_qawo_table, QawoTableDeleter>;

// cos(omega x) or sin(omega x) on [a, b] (QAWO) or [a, inf) (QAWF); (-inf, b]
// is [-b, inf) for f(-x) (cos) or -f(-x) (sin), as SciPy maps it.
QuadResult oscillatory(const Integrand& func, double a, double b, const QuadOptions& options) {
  const bool sine = options.weight == QuadWeight::sin;
  const double omega = options.wvar[0];
  if (!std::isfinite(omega)) throw ValueError(cat("quad: the weight's omega (wvar[0]) must be finite, got ", omega));
  if (options.maxp1 < 1) throw ValueError(cat("quad: maxp1 must be >= 1, got ", options.maxp1));
  const auto kind = sine ? GSL_INTEG_SINE : GSL_INTEG_COSINE;
  const auto levels = static_cast<std::size_t>(options.maxp1);
  const double epsabs = options.epsabs;
  if (std::isfinite(a) && std::isfinite(b)) {
    auto table = owned<gsl_integration_qawo_table, QawoTableDeleter>(
        gsl_integration_qawo_table_alloc(omega, b - a, kind, levels));
    const int limit = qags_family_limit(options.limit);
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
  // qawf sets the table's length to its cycle; 1 is a placeholder.
  auto table =
      owned<gsl_integration_qawo_table, QawoTableDeleter>(gsl_integration_qawo_table_alloc(omega, 1.0, kind, levels));
  Workspace cycles = make_workspace(options.limlst);
  const auto limlst = static_cast<std::size_t>(options.limlst);
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
