#include <boost/math/tools/toms748_solve.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/optimize/finite_differences.hpp>
#include <scilearn/optimize/root_scalar.hpp>
#include <utility>

namespace scilearn::optimize {
namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();
constexpr const char* kConverged = "converged";
constexpr const char* kConvergenceError = "convergence error";

// Raised by Evaluations when f returns NaN; the public functions turn it into
// SciPy's ValueError (or, in root_scalar, into an unconverged result).
struct NanValue {
  double x;
};

// f with SciPy's bookkeeping: the calls made, the iterations begun, and the
// NaN check SciPy wraps around every bracketing solver's callable (gh-17622).
class Evaluations {
 public:
  explicit Evaluations(const ScalarFunction& f) : f_(f) {}
  double operator()(double x) {
    const double fx = f_(x);
    ++calls;
    if (std::isnan(fx)) throw NanValue{x};
    return fx;
  }
  int calls = 0;
  int iterations = 0;

 private:
  const ScalarFunction& f_;
};

struct Outcome {
  double root;
  bool converged;
};

// Brent's method (Brent 1973, ch. 4) in the formulation of SciPy's brentq.c /
// brenth.c, whose iterates we reproduce. The state: `cur` is the best
// estimate, `blk` the point whose value has the opposite sign (the "contrapoint"
// that keeps the root bracketed), `pre` the previous estimate. A step is the
// interpolated one when it is short enough compared with the step before last
// and with the bisection step, else a bisection; it is at least delta.
// `hyperbolic` selects brenth's extrapolation formula (Bus & Dekker 1975)
// instead of inverse quadratic interpolation.
Outcome brent_root(Evaluations& f, double x_pre, double x_cur, double f_pre, double f_cur, const BracketRootOptions& o,
                   bool hyperbolic) {
  double x_blk = 0, f_blk = 0, s_pre = 0, s_cur = 0;
  for (int i = 0; i < o.maxiter; ++i) {
    ++f.iterations;
    if (std::signbit(f_pre) != std::signbit(f_cur) && f_pre != 0 && f_cur != 0) {
      x_blk = x_pre;  // the previous point brackets the root with the current one
      f_blk = f_pre;
      s_pre = s_cur = x_cur - x_pre;
    }
    if (std::abs(f_blk) < std::abs(f_cur)) {  // keep the smaller |f| as the estimate
      x_pre = x_cur;
      x_cur = x_blk;
      x_blk = x_pre;
      f_pre = f_cur;
      f_cur = f_blk;
      f_blk = f_pre;
    }
    const double delta = (o.xtol + o.rtol * std::abs(x_cur)) / 2;  // half the tolerance
    const double s_bis = (x_blk - x_cur) / 2;
    if (f_cur == 0 || std::abs(s_bis) < delta) return {x_cur, true};

    bool bisect = true;
    if (std::abs(s_pre) > delta && std::abs(f_cur) < std::abs(f_pre)) {
      double s_try;
      if (x_pre == x_blk) {  // two points: secant
        s_try = -f_cur * (x_cur - x_pre) / (f_cur - f_pre);
      } else {  // three points
        const double d_pre = (f_pre - f_cur) / (x_pre - x_cur);
        const double d_blk = (f_blk - f_cur) / (x_blk - x_cur);
        s_try = hyperbolic ? -f_cur * (f_blk - f_pre) / (f_blk * d_pre - f_pre * d_blk)
                           : -f_cur * (f_blk * d_blk - f_pre * d_pre) / (d_blk * d_pre * (f_blk - f_pre));
      }
      // Brent's safeguard: accept a step under half the one before last and
      // inside three quarters of the bracket.
      if (2 * std::abs(s_try) < std::min(std::abs(s_pre), 3 * std::abs(s_bis) - delta)) {
        s_pre = s_cur;
        s_cur = s_try;
        bisect = false;
      }
    }
    if (bisect) s_pre = s_cur = s_bis;

    x_pre = x_cur;
    f_pre = f_cur;
    x_cur += std::abs(s_cur) > delta ? s_cur : (s_bis > 0 ? delta : -delta);
    f_cur = f(x_cur);
  }
  return {x_cur, false};
}

// Ridders' method (Ridders 1979): from the midpoint m, the exponential
// factor that makes f(a), f(m), f(b) collinear gives the update
// x = m + (m - a) sign(f(a) - f(b)) f(m) / sqrt(f(m)^2 - f(a) f(b)),
// kept a half-tolerance inside the bracket. SciPy's ridder.c semantics, its
// quirks included (the first tolerance uses min(|a|, |b|), later ones x
// without an absolute value), so the iterates match.
Outcome ridder_root(Evaluations& f, double xa, double xb, double fa, double fb, const BracketRootOptions& o) {
  auto sign = [](double v) { return v > 0 ? 1.0 : -1.0; };
  double tol = o.xtol + o.rtol * std::min(std::abs(xa), std::abs(xb));
  double xn = 0;
  for (int i = 0; i < o.maxiter; ++i) {
    ++f.iterations;
    const double dm = 0.5 * (xb - xa);
    const double xm = xa + dm;
    const double fm = f(xm);
    const double dn = sign(fb - fa) * dm * fm / std::sqrt(fm * fm - fa * fb);
    xn = xm - sign(dn) * std::min(std::abs(dn), std::abs(dm) - 0.5 * tol);
    const double fn = f(xn);
    if (std::signbit(fn) != std::signbit(fm)) {
      xa = xn;
      fa = fn;
      xb = xm;
      fb = fm;
    } else if (std::signbit(fn) != std::signbit(fa)) {
      xb = xn;
      fb = fn;
    } else {
      xa = xn;
      fa = fn;
    }
    tol = o.xtol + o.rtol * xn;
    if (fn == 0 || std::abs(xb - xa) < tol) return {xn, true};
  }
  return {xn, false};
}

// Bisection, halving from xa (SciPy's bisect.c: it stops when the half step is
// below xtol + rtol |midpoint| and returns the midpoint).
Outcome bisect_root(Evaluations& f, double xa, double xb, double fa, const BracketRootOptions& o) {
  double dm = xb - xa;
  for (int i = 0; i < o.maxiter; ++i) {
    ++f.iterations;
    dm *= 0.5;
    const double xm = xa + dm;
    const double fm = f(xm);
    if (std::signbit(fm) == std::signbit(fa)) xa = xm;
    if (fm == 0 || std::abs(dm) < o.xtol + o.rtol * std::abs(xm)) return {xm, true};
  }
  return {xa, false};
}

enum class Bracketing { brentq, brenth, ridder, bisect, toms748 };

const char* name_of(Bracketing m) {
  switch (m) {
    case Bracketing::brentq: return "brentq";
    case Bracketing::brenth: return "brenth";
    case Bracketing::ridder: return "ridder";
    case Bracketing::bisect: return "bisect";
    case Bracketing::toms748: return "toms748";
  }
  return "";
}

void validate_bracket(const char* where, double a, double b, const BracketRootOptions& o, bool toms) {
  if (!std::isfinite(a) || !std::isfinite(b)) {
    throw ValueError(cat(where, ": the bracket [a, b] must be finite, got [", a, ", ", b, "]"));
  }
  if (!(o.xtol > 0)) throw ValueError(cat(where, ": xtol too small (", o.xtol, " <= 0)"));
  const double min_rtol = toms ? kEps : 4 * kEps;  // SciPy: toms748 allows rtol down to eps
  if (!(o.rtol >= min_rtol)) throw ValueError(cat(where, ": rtol too small (", o.rtol, " < ", min_rtol, ")"));
  if (toms) {
    if (o.maxiter < 1) throw ValueError(cat(where, ": maxiter must be greater than 0, got ", o.maxiter));
    if (a >= b) throw ValueError(cat(where, ": a and b are not an interval [", a, ", ", b, "]"));
  } else if (o.maxiter < 0) {
    throw ValueError(cat(where, ": maxiter must be >= 0, got ", o.maxiter));
  }
}

// Algorithm 748 through Boost; SciPy's termination test on the bracket.
Outcome toms748_root(Evaluations& f, double a, double b, double fa, double fb, const BracketRootOptions& o) {
  const double xtol = o.xtol;
  const double rtol = o.rtol;
  auto close = [xtol, rtol](double lo, double hi) { return std::abs(lo - hi) <= xtol + rtol * std::abs(hi); };
  std::uintmax_t steps = static_cast<std::uintmax_t>(o.maxiter);
  auto g = [&f](double x) { return f(x); };
  const std::pair<double, double> ab = boost::math::tools::toms748_solve(g, a, b, fa, fb, close, steps);
  f.iterations = f.calls - 2;
  return {(ab.first + ab.second) / 2, close(ab.first, ab.second)};
}

// The bracketing solvers' common frame: validation, the end points, the sign
// check, the run, and the NaN / non-convergence outcomes. Throws NanValue
// (with the counts left in `f`) when f returned NaN.
RootResults run_bracketing(Bracketing method, Evaluations& f, double a, double b, const BracketRootOptions& o) {
  const char* where = name_of(method);
  const bool toms = method == Bracketing::toms748;
  validate_bracket(where, a, b, o, toms);
  RootResults r;
  r.method = where;
  // An end point is a root: no iteration was made. (SciPy's C solvers leave
  // their iteration count unset there and report whatever it held.)
  auto at_end = [&](double x) {
    r.root = x;
    r.iterations = 0;
    r.function_calls = f.calls;
    r.converged = true;
    r.flag = kConverged;
    return r;
  };
  // toms748 needs finite end values and stops at a root f(a) = 0 before
  // evaluating f(b), as SciPy's does.
  auto check_finite_value = [&](double x, double fx) {
    if (toms && !std::isfinite(fx)) throw ValueError(cat(where, ": invalid function value f(", x, ") = ", fx));
  };
  const double fa = f(a);
  check_finite_value(a, fa);
  if (toms && fa == 0) return at_end(a);
  const double fb = f(b);
  check_finite_value(b, fb);
  if (fa == 0) return at_end(a);
  if (fb == 0) return at_end(b);
  if (std::signbit(fa) == std::signbit(fb)) {
    throw ValueError(
        cat(where, ": f(a) and f(b) must have different signs, but f(", a, ") = ", fa, " and f(", b, ") = ", fb));
  }
  Outcome out{};
  switch (method) {
    case Bracketing::brentq: out = brent_root(f, a, b, fa, fb, o, false); break;
    case Bracketing::brenth: out = brent_root(f, a, b, fa, fb, o, true); break;
    case Bracketing::ridder: out = ridder_root(f, a, b, fa, fb, o); break;
    case Bracketing::bisect: out = bisect_root(f, a, b, fa, o); break;
    case Bracketing::toms748: out = toms748_root(f, a, b, fa, fb, o); break;
  }
  r.root = out.root;
  r.iterations = f.iterations;
  r.function_calls = f.calls;
  r.converged = out.converged;
  r.flag = out.converged ? kConverged : kConvergenceError;
  return r;
}

std::string nan_message(const char* where, double x) {
  return cat(where, ": the function value at x=", x, " is NaN; solver cannot continue");
}

// The free functions' frame: NaN is SciPy's ValueError, non-convergence a
// warning when disp is set.
RootResults bracketing(Bracketing method, const ScalarFunction& f, double a, double b, const BracketRootOptions& o) {
  Evaluations counted(f);
  RootResults r;
  try {
    r = run_bracketing(method, counted, a, b, o);
  } catch (const NanValue& nan) {
    throw ValueError(nan_message(name_of(method), nan.x));
  }
  if (!r.converged && o.disp) {
    warn(WarningCategory::convergence,
         cat(r.method, ": failed to converge after ", r.iterations, " iterations, value is ", r.root));
  }
  return r;
}

// numpy.isclose(a, b, rtol, atol): |a - b| <= atol + rtol |b|, equal
// infinities close, NaN close to nothing.
bool is_close(double a, double b, double rtol, double atol) {
  if (a == b) return true;
  if (!std::isfinite(a) || !std::isfinite(b)) return false;
  return std::abs(a - b) <= atol + rtol * std::abs(b);
}

// scipy.optimize.newton's scalar branch. A stop that SciPy raises on with
// disp=True warns (convergence) with disp; without disp, SciPy's own
// RuntimeWarnings (zero derivative, secant stalled) are kept.
RootResults newton_impl(const ScalarFunction& func, double x0, const NewtonOptions& o, const ScalarFunction& fprime,
                        bool disp) {
  constexpr const char* kWhere = "newton";
  if (!std::isfinite(x0)) throw ValueError(cat(kWhere, ": x0 must be finite, got ", x0));
  if (!(o.tol > 0)) throw ValueError(cat(kWhere, ": tol too small (", o.tol, " <= 0)"));
  if (o.maxiter < 1) throw ValueError(cat(kWhere, ": maxiter must be greater than 0, got ", o.maxiter));
  if (!(o.rtol >= 0)) throw ValueError(cat(kWhere, ": rtol must be >= 0, got ", o.rtol));

  RootResults r;
  auto finish = [&](double p, int iterations, bool converged, const std::string& why, bool runtime_warning) {
    r.root = p;
    r.iterations = iterations;
    r.converged = converged;
    r.flag = converged ? kConverged : kConvergenceError;
    if (!converged) {
      const std::string message = cat(r.method, ": ", why, why.empty() ? "" : " ", "Failed to converge after ",
                                      iterations, " iterations, value is ", p, ".");
      if (disp) {
        warn(WarningCategory::convergence, message);
      } else if (runtime_warning) {
        warn(WarningCategory::runtime, cat(r.method, ": ", why));
      }
    }
    return r;
  };

  double p0 = x0;
  double p = x0;
  if (fprime) {
    r.method = "newton";
    for (int itr = 0; itr < o.maxiter; ++itr) {
      const double fval = func(p0);
      ++r.function_calls;
      if (fval == 0) return finish(p0, itr, true, "", false);
      const double fder = fprime(p0);
      ++r.function_calls;
      if (fder == 0) return finish(p0, itr + 1, false, "Derivative was zero.", true);
      double step = fval / fder;
      if (o.fprime2) {
        const double fder2 = o.fprime2(p0);
        ++r.function_calls;
        r.method = "halley";
        // Halley's correction, only while it keeps the step's direction
        // (1 - adj > 0), i.e. close enough to the root.
        const double adj = step * fder2 / fder / 2;
        if (std::abs(adj) < 1) step /= 1.0 - adj;
      }
      p = p0 - step;
      if (is_close(p, p0, o.rtol, o.tol)) return finish(p, itr + 1, true, "", false);
      p0 = p;
    }
    return finish(p, o.maxiter, false, "", false);
  }

  r.method = "secant";
  double p1;
  if (o.x1) {
    if (!std::isfinite(*o.x1)) throw ValueError(cat(kWhere, ": x1 must be finite, got ", *o.x1));
    if (*o.x1 == x0) throw ValueError(cat(kWhere, ": x1 and x0 must be different, both are ", x0));
    p1 = *o.x1;
  } else {
    constexpr double kStep = 1e-4;
    p1 = x0 * (1 + kStep);
    p1 += p1 >= 0 ? kStep : -kStep;
  }
  double q0 = func(p0);
  ++r.function_calls;
  double q1 = func(p1);
  ++r.function_calls;
  if (std::abs(q1) < std::abs(q0)) {
    std::swap(p0, p1);
    std::swap(q0, q1);
  }
  for (int itr = 0; itr < o.maxiter; ++itr) {
    if (q1 == q0) {
      const bool moved = p1 != p0;
      return finish((p1 + p0) / 2.0, itr + 1, false, moved ? cat("Tolerance of ", p1 - p0, " reached.") : "", moved);
    }
    p = std::abs(q1) > std::abs(q0) ? (-q0 / q1 * p1 + p0) / (1 - q0 / q1) : (-q1 / q0 * p0 + p1) / (1 - q1 / q0);
    if (is_close(p, p1, o.rtol, o.tol)) return finish(p, itr + 1, true, "", false);
    p0 = p1;
    q0 = q1;
    p1 = p;
    q1 = func(p1);
    ++r.function_calls;
  }
  return finish(p, o.maxiter, false, "", false);
}

}  // namespace

RootResults brentq(const ScalarFunction& f, double a, double b, const BracketRootOptions& options) {
  return bracketing(Bracketing::brentq, f, a, b, options);
}

RootResults brenth(const ScalarFunction& f, double a, double b, const BracketRootOptions& options) {
  return bracketing(Bracketing::brenth, f, a, b, options);
}

RootResults ridder(const ScalarFunction& f, double a, double b, const BracketRootOptions& options) {
  return bracketing(Bracketing::ridder, f, a, b, options);
}

RootResults bisect(const ScalarFunction& f, double a, double b, const BracketRootOptions& options) {
  return bracketing(Bracketing::bisect, f, a, b, options);
}

RootResults toms748(const ScalarFunction& f, double a, double b, const BracketRootOptions& options) {
  return bracketing(Bracketing::toms748, f, a, b, options);
}

RootResults newton(const ScalarFunction& func, double x0, const NewtonOptions& options) {
  return newton_impl(func, x0, options, options.fprime, options.disp);
}

std::string_view to_string(RootScalarMethod method) noexcept {
  switch (method) {
    case RootScalarMethod::bisect: return "bisect";
    case RootScalarMethod::brentq: return "brentq";
    case RootScalarMethod::brenth: return "brenth";
    case RootScalarMethod::ridder: return "ridder";
    case RootScalarMethod::toms748: return "toms748";
    case RootScalarMethod::newton: return "newton";
    case RootScalarMethod::secant: return "secant";
    case RootScalarMethod::halley: return "halley";
  }
  return "";
}

RootResults root_scalar(const ScalarFunction& f, const RootScalarOptions& options) {
  constexpr const char* kWhere = "root_scalar";
  RootScalarMethod method;
  if (options.method) {
    method = *options.method;
  } else if (options.bracket) {
    method = RootScalarMethod::brentq;
  } else if (options.x0) {
    method = options.fprime ? (options.fprime2 ? RootScalarMethod::halley : RootScalarMethod::newton)
             : options.x1   ? RootScalarMethod::secant
                            : RootScalarMethod::newton;
  } else {
    throw ValueError(cat(kWhere, ": unable to select a solver as neither bracket nor starting point provided"));
  }

  const std::string_view name = to_string(method);
  switch (method) {
    case RootScalarMethod::bisect:
    case RootScalarMethod::brentq:
    case RootScalarMethod::brenth:
    case RootScalarMethod::ridder:
    case RootScalarMethod::toms748: {
      if (!options.bracket) throw ValueError(cat(kWhere, ": bracket needed for ", name));
      BracketRootOptions o;
      o.xtol = options.xtol.value_or(o.xtol);
      o.rtol = options.rtol.value_or(o.rtol);
      o.maxiter = options.maxiter.value_or(o.maxiter);
      o.disp = false;
      const Bracketing b = method == RootScalarMethod::bisect   ? Bracketing::bisect
                           : method == RootScalarMethod::brentq ? Bracketing::brentq
                           : method == RootScalarMethod::brenth ? Bracketing::brenth
                           : method == RootScalarMethod::ridder ? Bracketing::ridder
                                                                : Bracketing::toms748;
      Evaluations counted(f);
      try {
        return run_bracketing(b, counted, (*options.bracket)[0], (*options.bracket)[1], o);
      } catch (const NanValue& nan) {
        // SciPy's root_scalar returns (rather than raises) when f gave NaN.
        RootResults r;
        r.root = nan.x;
        r.iterations = counted.iterations;
        r.function_calls = counted.calls;
        r.converged = false;
        r.flag = nan_message(name_of(b), nan.x);
        r.method = name;
        return r;
      }
    }
    case RootScalarMethod::newton:
    case RootScalarMethod::secant:
    case RootScalarMethod::halley: {
      if (!options.x0) throw ValueError(cat(kWhere, ": x0 must be given for ", name));
      NewtonOptions o;
      o.tol = options.xtol.value_or(o.tol);
      o.rtol = options.rtol.value_or(o.rtol);
      o.maxiter = options.maxiter.value_or(o.maxiter);
      o.x1 = options.x1;
      ScalarFunction fprime;
      if (method == RootScalarMethod::halley) {
        if (!options.fprime) throw ValueError(cat(kWhere, ": fprime must be specified for halley"));
        if (!options.fprime2) throw ValueError(cat(kWhere, ": fprime2 must be specified for halley"));
        fprime = options.fprime;
        o.fprime2 = options.fprime2;
      } else if (method == RootScalarMethod::newton) {
        fprime = options.fprime;
        if (!fprime) {
          // SciPy: a forward difference (approx_derivative, '2-point').
          fprime = [&f](double x) {
            const Objective wrapped = [&f](const Vector& v) { return f(v(0)); };
            return approx_derivative(wrapped, Vector::Constant(1, x), {.method = FiniteDifference::two_point})(0);
          };
        }
      }
      RootResults r = newton_impl(f, *options.x0, o, fprime, false);
      return r;
    }
  }
  throw ValueError(cat(kWhere, ": unknown method"));
}

}  // namespace scilearn::optimize
