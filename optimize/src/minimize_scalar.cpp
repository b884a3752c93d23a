#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/optimize/minimize_scalar.hpp>
#include <utility>

#include "scalar_minimizers.hpp"

namespace scilearn::optimize {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kSuccess = 0;
constexpr int kMaxIter = 1;
constexpr int kNaNFound = 2;
constexpr int kNoBracket = 3;
constexpr const char* kNaNMessage = "NaN result encountered.";

std::string converged_message(double xtol) {
  return cat(
      "Optimization terminated successfully; the returned value satisfies the termination criteria (using xtol = ",
      xtol, ")");
}

// The three points the line searches start from: either bracket()'s or the
// caller's, checked as SciPy checks them.
BracketResult initial_bracket(const char* where, const ScalarFunction& f, const std::vector<double>& brack) {
  if (brack.empty()) return bracket(f);
  if (brack.size() == 2) return bracket(f, brack[0], brack[1]);
  if (brack.size() != 3) {
    throw ValueError(cat(where, ": bracketing interval must be a sequence of 2 or 3 points, got ", brack.size()));
  }
  double xa = brack[0], xb = brack[1], xc = brack[2];
  if (xa > xc) std::swap(xa, xc);
  if (!(xa < xb && xb < xc)) {
    throw ValueError(cat(where, ": bracketing values (xa, xb, xc) = (", xa, ", ", xb, ", ", xc,
                         ") do not fulfill this requirement: (xa < xb) and (xb < xc)"));
  }
  BracketResult r;
  r.xa = xa;
  r.xb = xb;
  r.xc = xc;
  r.fa = f(xa);
  r.fb = f(xb);
  r.fc = f(xc);
  r.funcalls = 3;
  if (!(r.fb < r.fa && r.fb < r.fc)) {
    throw ValueError(cat(where, ": bracketing values (xa, xb, xc) = (", xa, ", ", xb, ", ", xc,
                         ") do not fulfill this requirement: (f(xb) < f(xa)) and (f(xb) < f(xc)); f = (", r.fa, ", ",
                         r.fb, ", ", r.fc, ")"));
  }
  r.success = true;
  return r;
}

// What minimize_scalar returns when the bracket search failed (SciPy's
// _recover_from_bracket_error): the best of the three points, or NaN if any is NaN.
ScalarOptimizeResult from_failed_bracket(const BracketResult& b) {
  ScalarOptimizeResult r;
  const double xs[3] = {b.xa, b.xb, b.xc};
  const double fs[3] = {b.fa, b.fb, b.fc};
  bool nan = false;
  for (int i = 0; i < 3; ++i) nan = nan || std::isnan(xs[i]) || std::isnan(fs[i]);
  if (nan) {
    r.x = r.fun = kNaN;
  } else {
    const int best = static_cast<int>(std::min_element(fs, fs + 3) - fs);  // the first minimum, as argmin
    r.x = xs[best];
    r.fun = fs[best];
  }
  r.nit = 0;
  r.nfev = b.funcalls;
  r.success = false;
  r.status = kNoBracket;
  r.message = b.message;
  return r;
}

// Brent's bookkeeping (1973, ch. 5) after evaluating the trial point u, shared
// by brent and bounded: the bracket [a, b] keeps the best point x inside it,
// and x, w, v are the best, second best and previous second best points.
void keep_best_points(double u, double fu, double& a, double& b, double& x, double& w, double& v, double& fx,
                      double& fw, double& fv) {
  if (fu <= fx) {
    (u >= x ? a : b) = x;
    v = w;
    fv = fw;
    w = x;
    fw = fx;
    x = u;
    fx = fu;
    return;
  }
  (u < x ? a : b) = u;
  if (fu <= fw || w == x) {
    v = w;
    fv = fw;
    w = u;
    fw = fu;
  } else if (fu <= fv || v == x || v == w) {
    v = u;
    fv = fu;
  }
}

// Brent's minimizer (Brent 1973, ch. 5), in the form of SciPy's Brent class:
// parabolic interpolation through x (best), w (second best) and v (previous
// w) when the step it gives is inside the bracket and under half the step
// before last, a golden-section step into the larger part otherwise; every
// step at least tol1 = xtol |x| + 1e-11.
ScalarOptimizeResult brent_minimize(const ScalarFunction& f, const BracketResult& br, double xtol, int maxiter) {
  constexpr double kMinTol = 1.0e-11;
  constexpr double kCGold = 0.3819660;  // (3 - sqrt 5) / 2, as SciPy rounds it
  int funcalls = br.funcalls;
  double x = br.xb, w = br.xb, v = br.xb;
  double fx = br.fb, fw = br.fb, fv = br.fb;
  const bool increasing = br.xa < br.xc;
  double a = increasing ? br.xa : br.xc;
  double b = increasing ? br.xc : br.xa;
  double deltax = 0.0;
  double rat = 0.0;
  int iter = 0;
  while (iter < maxiter) {
    const double tol1 = xtol * std::abs(x) + kMinTol;
    const double tol2 = 2.0 * tol1;
    const double xmid = 0.5 * (a + b);
    if (std::abs(x - xmid) < (tol2 - 0.5 * (b - a))) break;
    if (std::abs(deltax) <= tol1) {
      deltax = x >= xmid ? a - x : b - x;
      rat = kCGold * deltax;
    } else {
      double tmp1 = (x - w) * (fx - fv);
      double tmp2 = (x - v) * (fx - fw);
      double p = (x - v) * tmp2 - (x - w) * tmp1;
      tmp2 = 2.0 * (tmp2 - tmp1);
      if (tmp2 > 0.0) p = -p;
      tmp2 = std::abs(tmp2);
      const double dx_temp = deltax;
      deltax = rat;
      if (p > tmp2 * (a - x) && p < tmp2 * (b - x) && std::abs(p) < std::abs(0.5 * tmp2 * dx_temp)) {
        rat = p * 1.0 / tmp2;
        const double u = x + rat;
        if ((u - a) < tol2 || (b - u) < tol2) rat = xmid - x >= 0 ? tol1 : -tol1;
      } else {
        deltax = x >= xmid ? a - x : b - x;
        rat = kCGold * deltax;
      }
    }
    const double u = std::abs(rat) < tol1 ? (rat >= 0 ? x + tol1 : x - tol1) : x + rat;
    const double fu = f(u);
    ++funcalls;
    keep_best_points(u, fu, a, b, x, w, v, fx, fw, fv);
    ++iter;
  }
  ScalarOptimizeResult r;
  r.x = x;
  r.fun = fx;
  r.nit = iter;
  r.nfev = funcalls;
  r.success = iter < maxiter && !(std::isnan(x) || std::isnan(fx));
  r.status = r.success ? kSuccess : (std::isnan(x) || std::isnan(fx) ? kNaNFound : kMaxIter);
  r.message = r.success               ? converged_message(xtol)
              : r.status == kNaNFound ? kNaNMessage
                                      : "Maximum number of iterations exceeded";
  return r;
}

// Golden-section search (Kiefer 1953) as SciPy's golden: the larger of the
// two sub-intervals of the bracket is probed first; stop when the bracket is
// below xtol (|x1| + |x2|).
ScalarOptimizeResult golden_minimize(const ScalarFunction& f, const BracketResult& br, double xtol, int maxiter) {
  constexpr double kR = 0.61803399;  // 2 / (1 + sqrt 5), as SciPy rounds it
  constexpr double kC = 1.0 - kR;
  int funcalls = br.funcalls;
  double x0 = br.xa, x3 = br.xc, x1, x2;
  if (std::abs(br.xc - br.xb) > std::abs(br.xb - br.xa)) {
    x1 = br.xb;
    x2 = br.xb + kC * (br.xc - br.xb);
  } else {
    x2 = br.xb;
    x1 = br.xb - kC * (br.xb - br.xa);
  }
  double f1 = f(x1);
  double f2 = f(x2);
  funcalls += 2;
  int nit = 0;
  for (int i = 0; i < maxiter; ++i) {
    if (std::abs(x3 - x0) <= xtol * (std::abs(x1) + std::abs(x2))) break;
    if (f2 < f1) {
      x0 = x1;
      x1 = x2;
      x2 = kR * x1 + kC * x3;
      f1 = f2;
      f2 = f(x2);
    } else {
      x3 = x2;
      x2 = x1;
      x1 = kR * x2 + kC * x0;
      f2 = f1;
      f1 = f(x1);
    }
    ++funcalls;
    ++nit;
  }
  ScalarOptimizeResult r;
  r.x = f1 < f2 ? x1 : x2;
  r.fun = f1 < f2 ? f1 : f2;
  r.nit = nit;
  r.nfev = funcalls;
  const bool nan = std::isnan(r.x) || std::isnan(r.fun);
  r.success = nit < maxiter && !nan;
  r.status = r.success ? kSuccess : (nan ? kNaNFound : kMaxIter);
  r.message = r.success ? converged_message(xtol) : nan ? kNaNMessage : "Maximum number of iterations exceeded";
  return r;
}

// numpy.sign(v) + (v == 0): the direction of v, +1 at zero, NaN for NaN.
double direction(double v) {
  if (std::isnan(v)) return v;
  return v < 0 ? -1.0 : 1.0;
}

// fminbound: Brent's minimizer on [x1, x2] (Brent 1973, ch. 5, procedure
// fmin) as SciPy's _minimize_scalar_bounded, started at the golden-section
// point; tolerance sqrt(eps) |x| + xatol / 3; maxfun bounds the evaluations.
ScalarOptimizeResult bounded_minimize(const ScalarFunction& f, double x1, double x2, double xatol, int maxfun) {
  const double sqrt_eps = std::sqrt(2.2e-16);  // SciPy's constant, not DBL_EPSILON
  const double golden_mean = 0.5 * (3.0 - std::sqrt(5.0));
  double a = x1, b = x2;
  double fulc = a + golden_mean * (b - a);
  double nfc = fulc, xf = fulc;
  double rat = 0.0, e = 0.0;
  double x = xf;
  double fx = f(x);
  int num = 1;
  double fu = std::numeric_limits<double>::infinity();
  double ffulc = fx, fnfc = fx;
  double xm = 0.5 * (a + b);
  double tol1 = sqrt_eps * std::abs(xf) + xatol / 3.0;
  double tol2 = 2.0 * tol1;
  int flag = kSuccess;
  while (std::abs(xf - xm) > (tol2 - 0.5 * (b - a))) {
    bool golden = true;
    if (std::abs(e) > tol1) {  // try a parabola through the three best points
      golden = false;
      double r = (xf - nfc) * (fx - ffulc);
      double q = (xf - fulc) * (fx - fnfc);
      double p = (xf - fulc) * q - (xf - nfc) * r;
      q = 2.0 * (q - r);
      if (q > 0.0) p = -p;
      q = std::abs(q);
      r = e;
      e = rat;
      if (std::abs(p) < std::abs(0.5 * q * r) && p > q * (a - xf) && p < q * (b - xf)) {
        rat = (p + 0.0) / q;
        x = xf + rat;
        if ((x - a) < tol2 || (b - x) < tol2) rat = tol1 * direction(xm - xf);
      } else {
        golden = true;
      }
    }
    if (golden) {
      e = xf >= xm ? a - xf : b - xf;
      rat = golden_mean * e;
    }
    x = xf + direction(rat) * std::max(std::abs(rat), tol1);
    fu = f(x);
    ++num;
    keep_best_points(x, fu, a, b, xf, nfc, fulc, fx, fnfc, ffulc);
    xm = 0.5 * (a + b);
    tol1 = sqrt_eps * std::abs(xf) + xatol / 3.0;
    tol2 = 2.0 * tol1;
    if (num >= maxfun) {
      flag = kMaxIter;
      break;
    }
  }
  if (std::isnan(xf) || std::isnan(fx) || std::isnan(fu)) flag = kNaNFound;
  ScalarOptimizeResult res;
  res.x = xf;
  res.fun = fx;
  res.nit = num;
  res.nfev = num;
  res.status = flag;
  res.success = flag == kSuccess;
  res.message = flag == kSuccess   ? "Solution found."
                : flag == kMaxIter ? "Maximum number of function calls reached."
                                   : kNaNMessage;
  return res;
}

const char* name_of(ScalarMinimizeMethod m) {
  switch (m) {
    case ScalarMinimizeMethod::brent: return "brent";
    case ScalarMinimizeMethod::golden: return "golden";
    case ScalarMinimizeMethod::bounded: return "bounded";
  }
  return "";
}

}  // namespace

BracketResult bracket(const ScalarFunction& f, double xa, double xb, double grow_limit, int maxiter) {
  constexpr const char* kWhere = "bracket";
  if (!std::isfinite(xa) || !std::isfinite(xb)) {
    throw ValueError(cat(kWhere, ": xa and xb must be finite, got ", xa, " and ", xb));
  }
  constexpr double kGold = 1.618034;  // (1 + sqrt 5) / 2, as SciPy rounds it
  constexpr double kVerySmall = 1e-21;
  BracketResult r;
  double fa = f(xa);
  double fb = f(xb);
  if (fa < fb) {  // go downhill: from xa through xb
    std::swap(xa, xb);
    std::swap(fa, fb);
  }
  double xc = xb + kGold * (xb - xa);
  double fc = f(xc);
  int funcalls = 3;
  int iter = 0;
  auto store = [&] {
    r.xa = xa;
    r.xb = xb;
    r.xc = xc;
    r.fa = fa;
    r.fb = fb;
    r.fc = fc;
    r.funcalls = funcalls;
  };
  while (fc < fb) {
    // The vertex of the parabola through the three points, and how far a
    // step may grow.
    const double tmp1 = (xb - xa) * (fb - fc);
    const double tmp2 = (xb - xc) * (fb - fa);
    const double val = tmp2 - tmp1;
    const double denom = std::abs(val) < kVerySmall ? 2.0 * kVerySmall : 2.0 * val;
    double w = xb - ((xb - xc) * tmp2 - (xb - xa) * tmp1) / denom;
    const double wlim = xb + grow_limit * (xc - xb);
    if (iter > maxiter) {
      store();
      r.success = false;
      r.message =
          "No valid bracket was found before the iteration limit was reached. Consider trying different initial "
          "points or increasing `maxiter`.";
      return r;
    }
    ++iter;
    double fw;
    if ((w - xc) * (xb - w) > 0.0) {  // the vertex is between xb and xc
      fw = f(w);
      ++funcalls;
      if (fw < fc) {
        xa = xb;
        xb = w;
        fa = fb;
        fb = fw;
        break;
      }
      if (fw > fb) {
        xc = w;
        fc = fw;
        break;
      }
      w = xc + kGold * (xc - xb);
      fw = f(w);
      ++funcalls;
    } else if ((w - wlim) * (wlim - xc) >= 0.0) {  // beyond the growth limit: clip
      w = wlim;
      fw = f(w);
      ++funcalls;
    } else if ((w - wlim) * (xc - w) > 0.0) {  // between xc and the limit
      fw = f(w);
      ++funcalls;
      if (fw < fc) {
        xb = xc;
        xc = w;
        w = xc + kGold * (xc - xb);
        fb = fc;
        fc = fw;
        fw = f(w);
        ++funcalls;
      }
    } else {  // the vertex points the wrong way: golden step
      w = xc + kGold * (xc - xb);
      fw = f(w);
      ++funcalls;
    }
    xa = xb;
    xb = xc;
    xc = w;
    fa = fb;
    fb = fc;
    fc = fw;
  }
  store();
  const bool lowest = (fb < fc && fb <= fa) || (fb < fa && fb <= fc);
  const bool ordered = (xa < xb && xb < xc) || (xc < xb && xb < xa);
  const bool finite = std::isfinite(xa) && std::isfinite(xb) && std::isfinite(xc);
  r.success = lowest && ordered && finite;
  if (!r.success) {
    r.message = "The algorithm terminated without finding a valid bracket. Consider trying different initial points.";
  }
  return r;
}

ScalarOptimizeResult minimize_scalar(const ScalarFunction& f, const MinimizeScalarOptions& options) {
  constexpr const char* kWhere = "minimize_scalar";
  const ScalarMinimizeMethod method =
      options.method.value_or(options.bounds ? ScalarMinimizeMethod::bounded : ScalarMinimizeMethod::brent);
  const char* name = name_of(method);
  if (options.maxiter && *options.maxiter < 0) {
    throw ValueError(cat(kWhere, ": maxiter must be >= 0, got ", *options.maxiter));
  }
  if (method == ScalarMinimizeMethod::bounded) {
    if (!options.bounds) throw ValueError(cat(kWhere, ": the `bounds` parameter is mandatory for method `bounded`"));
    const auto [lower, upper] = *options.bounds;
    if (!std::isfinite(lower) || !std::isfinite(upper)) {
      throw ValueError(cat(kWhere, ": optimization bounds must be finite scalars, got [", lower, ", ", upper, "]"));
    }
    if (lower > upper) {
      throw ValueError(cat(kWhere, ": the lower bound exceeds the upper bound, got [", lower, ", ", upper, "]"));
    }
    double xatol = 1e-5;
    if (options.xatol) {
      xatol = *options.xatol;
    } else if (options.tol) {
      warn(WarningCategory::runtime,
           "minimize_scalar: method 'bounded' does not support relative tolerance in x; defaulting to absolute "
           "tolerance.");
      xatol = *options.tol;
    }
    if (!(xatol >= 0)) throw ValueError(cat(kWhere, ": xatol must be >= 0, got ", xatol));
    return bounded_minimize(f, lower, upper, xatol, options.maxiter.value_or(500));
  }

  if (options.bounds) throw ValueError(cat(kWhere, ": use of `bounds` is incompatible with 'method=", name, "'"));
  const bool brent = method == ScalarMinimizeMethod::brent;
  const double xtol = options.tol.value_or(brent ? 1.48e-8 : 1.4901161193847656e-08);
  if (!(xtol >= 0)) throw ValueError(cat(kWhere, ": tolerance should be >= 0, got ", xtol));
  const int maxiter = options.maxiter.value_or(brent ? 500 : 5000);
  const BracketResult br = initial_bracket(kWhere, f, options.bracket);
  if (!br.success) return from_failed_bracket(br);
  return brent ? brent_minimize(f, br, xtol, maxiter) : golden_minimize(f, br, xtol, maxiter);
}

namespace detail {

ScalarOptimizeResult brent_from_unit_bracket(const ScalarFunction& f, double xtol, int maxiter) {
  const BracketResult br = bracket(f);
  return br.success ? brent_minimize(f, br, xtol, maxiter) : from_failed_bracket(br);
}

ScalarOptimizeResult bounded_scalar_minimize(const ScalarFunction& f, double lower, double upper, double xatol,
                                             int maxfun) {
  return bounded_minimize(f, lower, upper, xatol, maxfun);
}

}  // namespace detail
}  // namespace scilearn::optimize
