#include "line_search.hpp"

#include "dcsrch.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/optimize/detail/wolfe_line_search.hpp>

namespace scilearn::optimize::detail {
namespace {

// phi(alpha) = f(xk + alpha pk) and its derivative, remembering the last
// gradient so that the accepted step can hand it back.
class LineFunction {
 public:
  LineFunction(ScalarObjective& objective, const Vector& xk, const Vector& pk)
      : objective_(objective), xk_(xk), pk_(pk) {}

  Vector point(double alpha) const { return xk_ + alpha * pk_; }
  double phi(double alpha) { return objective_.fun(point(alpha)); }
  double derphi(double alpha) {
    last_g_ = objective_.grad(point(alpha));
    last_g_alpha_ = alpha;
    return last_g_.dot(pk_);
  }
  std::optional<Vector> gradient_at(double alpha) const {
    if (last_g_alpha_ && *last_g_alpha_ == alpha) return last_g_;
    return std::nullopt;
  }

 private:
  ScalarObjective& objective_;
  const Vector& xk_;
  const Vector& pk_;
  Vector last_g_;
  std::optional<double> last_g_alpha_;
};

// The first trial step: the one that would repeat the last decrease along a
// quadratic model, at most 1 (Nocedal and Wright 2006, eq. 3.60, with SciPy's 1.01).
double first_step(double phi0, double old_phi0, double derphi0) {
  if (derphi0 == 0) return 1.0;
  const double alpha = std::min(1.0, 1.01 * 2 * (phi0 - old_phi0) / derphi0);
  return alpha < 0 ? 1.0 : alpha;
}

// MINPACK-2's driver of dcsrch as SciPy's line_search_wolfe1 runs it
// (xtol 1e-14, at most 100 calls, the first being the start). Returns the
// step and phi there on convergence, nullopt on a warning or error.
std::optional<std::pair<double, double>> more_thuente(LineFunction& line, double phi0, double derphi0, double stp,
                                                      double ftol, double gtol, double stpmin, double stpmax) {
  Dcsrch search(ftol, gtol, 1e-14, stpmin, stpmax);
  Dcsrch::Task task = search.start(stp, phi0, derphi0);
  double f = phi0;
  for (int call = 1; call < 100 && task == Dcsrch::Task::fg; ++call) {
    stp = search.step();
    if (!std::isfinite(stp)) return std::nullopt;
    f = line.phi(stp);
    task = search.iterate(f, line.derphi(stp));
  }
  if (task != Dcsrch::Task::convergence) return std::nullopt;
  return std::make_pair(stp, f);
}

// ---- Nocedal and Wright (2006), Algorithms 3.5 / 3.6, as SciPy's
// scalar_search_wolfe2 runs them.

// Minimizer of the cubic through (a, fa) with slope fpa, (b, fb), (c, fc).
std::optional<double> cubic_minimizer(double a, double fa, double fpa, double b, double fb, double c, double fc) {
  const double db = b - a;
  const double dc = c - a;
  const double denom = (db * dc) * (db * dc) * (db - dc);
  const double rb = fb - fa - fpa * db;
  const double rc = fc - fa - fpa * dc;
  const double A = (dc * dc * rb - db * db * rc) / denom;
  const double B = (-dc * dc * dc * rb + db * db * db * rc) / denom;
  const double radical = B * B - 3 * A * fpa;
  const double xmin = a + (-B + std::sqrt(radical)) / (3 * A);
  if (denom == 0 || radical < 0 || A == 0 || !std::isfinite(xmin)) return std::nullopt;
  return xmin;
}

// Minimizer of the quadratic through (a, fa) with slope fpa and (b, fb).
std::optional<double> quadratic_minimizer(double a, double fa, double fpa, double b, double fb) {
  const double db = b - a;
  const double B = (fb - fa - fpa * db) / (db * db);
  const double xmin = a - fpa / (2 * B);
  if (db == 0 || B == 0 || !std::isfinite(xmin)) return std::nullopt;
  return xmin;
}

using ScalarCondition = std::function<bool(double alpha, double phi)>;

struct ZoomState {
  double a_lo, a_hi, phi_lo, phi_hi, derphi_lo;
};

std::optional<std::pair<double, double>> zoom(LineFunction& line, ZoomState z, double phi0, double derphi0, double c1,
                                              double c2, const ScalarCondition& extra) {
  constexpr int max_iter = 10;
  constexpr double delta1 = 0.2;  // how far inside the interval the cubic step must land
  constexpr double delta2 = 0.1;  // the same for the quadratic step
  double phi_rec = phi0;
  double a_rec = 0;
  for (int i = 0; i <= max_iter; ++i) {
    const double dalpha = z.a_hi - z.a_lo;
    const double a = dalpha < 0 ? z.a_hi : z.a_lo;
    const double b = dalpha < 0 ? z.a_lo : z.a_hi;
    std::optional<double> a_j;
    if (i > 0) {
      const double cchk = delta1 * dalpha;
      a_j = cubic_minimizer(z.a_lo, z.phi_lo, z.derphi_lo, z.a_hi, z.phi_hi, a_rec, phi_rec);
      if (a_j && (*a_j > b - cchk || *a_j < a + cchk)) a_j.reset();
    }
    if (!a_j) {
      const double qchk = delta2 * dalpha;
      a_j = quadratic_minimizer(z.a_lo, z.phi_lo, z.derphi_lo, z.a_hi, z.phi_hi);
      if (!a_j || *a_j > b - qchk || *a_j < a + qchk) a_j = z.a_lo + 0.5 * dalpha;
    }
    const double phi_aj = line.phi(*a_j);
    if (phi_aj > phi0 + c1 * *a_j * derphi0 || phi_aj >= z.phi_lo) {
      phi_rec = z.phi_hi;
      a_rec = z.a_hi;
      z.a_hi = *a_j;
      z.phi_hi = phi_aj;
    } else {
      const double derphi_aj = line.derphi(*a_j);
      if (std::abs(derphi_aj) <= -c2 * derphi0 && extra(*a_j, phi_aj)) return std::make_pair(*a_j, phi_aj);
      if (derphi_aj * (z.a_hi - z.a_lo) >= 0) {
        phi_rec = z.phi_hi;
        a_rec = z.a_hi;
        z.a_hi = z.a_lo;
        z.phi_hi = z.phi_lo;
      } else {
        phi_rec = z.phi_lo;
        a_rec = z.a_lo;
      }
      z.a_lo = *a_j;
      z.phi_lo = phi_aj;
      z.derphi_lo = derphi_aj;
    }
  }
  return std::nullopt;
}

std::optional<std::pair<double, double>> zoom_search(LineFunction& line, double phi0, double old_phi0,
                                                     double derphi0, double c1, double c2, double amax,
                                                     const ScalarCondition& extra) {
  constexpr int max_iter = 10;
  double alpha0 = 0;
  double alpha1 = std::min(first_step(phi0, old_phi0, derphi0), amax);
  double phi_a1 = line.phi(alpha1);
  double phi_a0 = phi0;
  double derphi_a0 = derphi0;
  for (int i = 0; i < max_iter; ++i) {
    if (alpha1 == 0 || alpha0 > amax) return std::nullopt;
    if (phi_a1 > phi0 + c1 * alpha1 * derphi0 || (phi_a1 >= phi_a0 && i > 0)) {
      return zoom(line, {alpha0, alpha1, phi_a0, phi_a1, derphi_a0}, phi0, derphi0, c1, c2, extra);
    }
    const double derphi_a1 = line.derphi(alpha1);
    if (std::abs(derphi_a1) <= -c2 * derphi0 && extra(alpha1, phi_a1)) return std::make_pair(alpha1, phi_a1);
    if (derphi_a1 >= 0) {
      return zoom(line, {alpha1, alpha0, phi_a1, phi_a0, derphi_a1}, phi0, derphi0, c1, c2, extra);
    }
    alpha0 = alpha1;
    alpha1 = std::min(2 * alpha1, amax);
    phi_a0 = phi_a1;
    phi_a1 = line.phi(alpha1);
    derphi_a0 = derphi_a1;
  }
  // SciPy accepts the last step, with a warning, when the loop runs out.
  return std::make_pair(alpha1, phi_a1);
}

}  // namespace

std::optional<WolfeStep> line_search_wolfe12(ScalarObjective& objective, const Vector& xk, const Vector& pk,
                                             const Vector& gfk, double old_fval, double old_old_fval,
                                             const WolfeOptions& options) {
  LineFunction line(objective, xk, pk);
  const double derphi0 = gfk.dot(pk);
  const auto accepted = [&](double alpha, double f) -> std::optional<WolfeStep> {
    return WolfeStep{alpha, f, line.gradient_at(alpha)};
  };
  if (const auto step = more_thuente(line, old_fval, derphi0, first_step(old_fval, old_old_fval, derphi0),
                                     options.c1, options.c2, options.amin, options.amax)) {
    const auto [alpha, f] = *step;
    const std::optional<Vector> g = line.gradient_at(alpha);
    if (!options.extra_condition || options.extra_condition(alpha, line.point(alpha), f, *g)) return accepted(alpha, f);
  }
  const ScalarCondition extra = [&](double alpha, double phi) {
    if (!options.extra_condition) return true;
    if (!line.gradient_at(alpha)) (void)line.derphi(alpha);
    return options.extra_condition(alpha, line.point(alpha), phi, *line.gradient_at(alpha));
  };
  if (const auto step =
          zoom_search(line, old_fval, old_old_fval, derphi0, options.c1, options.c2, options.zoom_amax, extra)) {
    return accepted(step->first, step->second);
  }
  return std::nullopt;
}

namespace {

// The accepted step with the gradient there (evaluated once more only when
// the search did not already).
WolfeLineStep with_gradient(ScalarObjective& objective, const LineFunction& line, double alpha, double f) {
  std::optional<Vector> g = line.gradient_at(alpha);
  return {alpha, f, g ? std::move(*g) : objective.grad(line.point(alpha))};
}

}  // namespace

std::optional<WolfeLineStep> line_search_wolfe1(const ObjectiveWithGradient& fun, const Vector& xk, const Vector& pk,
                                                const Vector& gfk, double old_fval, double old_old_fval) {
  ScalarObjective objective(fun);
  LineFunction line(objective, xk, pk);
  const double derphi0 = gfk.dot(pk);
  // SciPy's defaults: c1 = 1e-4, c2 = 0.9, steps in [1e-8, 50].
  const auto step =
      more_thuente(line, old_fval, derphi0, first_step(old_fval, old_old_fval, derphi0), 1e-4, 0.9, 1e-8, 50);
  if (!step) return std::nullopt;
  return with_gradient(objective, line, step->first, step->second);
}

std::optional<WolfeLineStep> line_search_wolfe2(const ObjectiveWithGradient& fun, const Vector& xk, const Vector& pk,
                                                const Vector& gfk, double old_fval, double old_old_fval) {
  ScalarObjective objective(fun);
  LineFunction line(objective, xk, pk);
  const auto step = zoom_search(line, old_fval, old_old_fval, gfk.dot(pk), 1e-4, 0.9,
                                std::numeric_limits<double>::infinity(), [](double, double) { return true; });
  if (!step) return std::nullopt;
  return with_gradient(objective, line, step->first, step->second);
}

}  // namespace scilearn::optimize::detail
