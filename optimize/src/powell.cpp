#include <Eigen/SVD>
#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/warnings.hpp>
#include <utility>

#include "limited_objective.hpp"
#include "minimize_methods.hpp"
#include "scalar_minimizers.hpp"

namespace scilearn::optimize::detail {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// SciPy's _line_for_search: the steps l with lb <= x + l d <= ub, taken over
// the components where d is non-zero, as [lmin, lmax]; (0, 0) when that set
// is empty (x outside the bounds and d cannot bring it back) or a NaN
// appears. With d = 0 (SciPy then fails on an empty reduction) it returns
// (-inf, inf), which makes the extrapolation step the unbounded one.
std::pair<double, double> line_for_search(const Vector& x, const Vector& d, const Vector& lb, const Vector& ub) {
  double lmin = -kInf, lmax = kInf;
  bool nan = false;
  for (Index i = 0; i < x.size(); ++i) {
    if (d(i) == 0) continue;
    const double low = (lb(i) - x(i)) / d(i);
    const double high = (ub(i) - x(i)) / d(i);
    // + 0.0 as in SciPy's sum of np.where terms: a -0.0 step becomes +0.0.
    const double lo = (d(i) > 0 ? low : high) + 0.0;
    const double hi = (d(i) > 0 ? high : low) + 0.0;
    nan = nan || std::isnan(lo) || std::isnan(hi);
    lmin = std::max(lmin, lo);
    lmax = std::min(lmax, hi);
  }
  if (nan || !(lmax >= lmin)) return {0.0, 0.0};
  return {lmin, lmax};
}

struct LineSearchResult {
  double fun;
  Vector x;     // p + step
  Vector step;  // alpha d
};

// SciPy's _linesearch_powell: minimizes f(p + alpha d) over alpha by Brent's
// method from the bracket search at 0, 1 (xtol = tol), or with bounds by
// fminbound on the interval that keeps p + alpha d inside them (xatol =
// tol / 100), after alpha = tan(t) when that interval is half-infinite.
LineSearchResult line_search(LimitedObjective& f, const Vector& p, const Vector& d, double tol, const Bounds* bounds,
                             double fval) {
  if ((d.array() == 0).all()) return {fval, p, d};
  const ScalarFunction along = [&](double alpha) { return f(Vector(p + alpha * d)); };
  const auto done = [&](double fun, double alpha) {
    Vector step = alpha * d;
    Vector x = p + step;
    return LineSearchResult{fun, std::move(x), std::move(step)};
  };
  if (bounds != nullptr) {
    const auto [lmin, lmax] = line_for_search(p, d, bounds->lb, bounds->ub);
    if (std::isfinite(lmin) && std::isfinite(lmax)) {
      const ScalarOptimizeResult r = bounded_scalar_minimize(along, lmin, lmax, tol / 100);
      return done(r.fun, r.x);
    }
    if (!(lmin == -kInf && lmax == kInf)) {
      const ScalarFunction through_tan = [&](double t) { return along(std::tan(t)); };
      const ScalarOptimizeResult r = bounded_scalar_minimize(through_tan, std::atan(lmin), std::atan(lmax), tol / 100);
      return done(r.fun, std::tan(r.x));
    }
  }
  const ScalarOptimizeResult r = brent_from_unit_bracket(along, tol);
  return done(r.fun, r.x);
}

// numpy.linalg.matrix_rank: singular values above s_max max(m, n) eps.
Index matrix_rank(const Matrix& a) {
  const Vector s = Eigen::JacobiSVD<Matrix>(a).singularValues();
  if (s.size() == 0) return 0;
  const double tol =
      s.maxCoeff() * static_cast<double>(std::max(a.rows(), a.cols())) * std::numeric_limits<double>::epsilon();
  return (s.array() > tol).count();
}

}  // namespace

// SciPy's _minimize_powell (Powell 1964, with the safeguards of Press et al.,
// Numerical Recipes, powell): each iteration minimizes along every direction
// in turn, then along the extrapolated direction x_new - x_old, which replaces
// the direction of largest decrease when Powell's test says the set stays
// conjugate. Stops when 2 (f_old - f_new) <= ftol (|f_old| + |f_new|) + 1e-20,
// at maxfev evaluations (abandoning a line search midway, as SciPy) or at
// maxiter iterations.
OptimizeResult minimize_powell(const Objective& fun, const Vector& x0, const MinimizeOptions& options) {
  const Index n = x0.size();
  double maxiter = options.maxiter > 0 ? options.maxiter : kInf;
  double maxfev = options.maxfev > 0 ? options.maxfev : kInf;
  if (options.maxiter <= 0 && options.maxfev <= 0) maxiter = maxfev = 1000.0 * static_cast<double>(n);

  Matrix direc = options.direc.size() > 0 ? options.direc : Matrix(Matrix::Identity(n, n));
  if (options.direc.size() > 0 && matrix_rank(direc) != n) {
    warn(WarningCategory::user, "minimize: direc input is not full rank, some parameters may not be optimized");
  }
  const Bounds* bounds = options.bounds ? &*options.bounds : nullptr;
  const auto outside = [&](const Vector& x) {
    return (x.array() < bounds->lb.array()).any() || (x.array() > bounds->ub.array()).any();
  };
  if (bounds != nullptr && outside(x0)) {
    warn(WarningCategory::user, "minimize: Initial guess is not within the specified bounds");
  }

  LimitedObjective f(fun, maxfev);
  const double tol = *options.xtol * 100;
  Vector x = x0;
  double fval = f(x);  // maxfev >= 1
  Vector x_old = x;
  int nit = 0;
  try {
    for (;;) {
      const double f_old = fval;
      Index biggest = 0;  // the direction of largest decrease, and that decrease
      double delta = 0.0;
      for (Index i = 0; i < n; ++i) {
        const double f_before = fval;
        LineSearchResult r = line_search(f, x, direc.row(i).transpose(), tol, bounds, fval);
        fval = r.fun;
        x = std::move(r.x);
        if (f_before - fval > delta) {
          delta = f_before - fval;
          biggest = i;
        }
      }
      ++nit;
      if (options.callback && options.callback(OptimizeResult{.x = x, .fun = fval})) break;
      const double bnd = *options.ftol * (std::abs(f_old) + std::abs(fval)) + 1e-20;
      if (2.0 * (f_old - fval) <= bnd) break;
      if (f.exhausted() || nit >= maxiter) break;
      if (std::isnan(f_old) && std::isnan(fval)) break;  // in a NaN region: bail out

      // The extrapolated point 2 x_new - x_old, shortened to stay in the bounds.
      const Vector d = x - x_old;
      x_old = x;
      const double lmax = bounds != nullptr ? line_for_search(x, d, bounds->lb, bounds->ub).second : 1.0;
      const double f_extrapolated = f(Vector(x + std::min(lmax, 1.0) * d));
      if (f_old > f_extrapolated) {
        double t = 2.0 * (f_old + f_extrapolated - 2.0 * fval);
        double temp = f_old - fval - delta;
        t *= temp * temp;
        temp = f_old - f_extrapolated;
        t -= delta * temp * temp;
        if (t < 0.0) {
          LineSearchResult r = line_search(f, x, d, tol, bounds, fval);
          fval = r.fun;
          x = std::move(r.x);
          if ((r.step.array() != 0).any()) {
            direc.row(biggest) = direc.row(n - 1);
            direc.row(n - 1) = r.step.transpose();
          }
        }
      }
    }
  } catch (const EvaluationLimitReached&) {
    // SciPy's _MaxFuncCallError: keep the last accepted x and fval.
  }

  OptimizeResult result;
  result.x = x;
  result.fun = fval;
  result.direc = std::move(direc);
  result.nit = nit;
  result.nfev = f.calls();
  // SciPy checks the bounds first, then the limits, then NaN.
  if (bounds != nullptr && outside(x)) {
    result.status = 4;
    result.message = kMessageOutOfBounds;
  } else if (f.exhausted()) {
    result.status = 1;
    result.message = kMessageMaxfev;
  } else if (nit >= maxiter) {
    result.status = 2;
    result.message = kMessageMaxiter;
  } else if (std::isnan(fval) || x.hasNaN()) {
    result.status = 3;
    result.message = kMessageNan;
  } else {
    result.status = 0;
    result.message = kMessageSuccess;
  }
  result.success = result.status == 0;
  return result;
}

}  // namespace scilearn::optimize::detail
