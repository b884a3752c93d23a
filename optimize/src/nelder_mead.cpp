#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "limited_objective.hpp"
#include "minimize_methods.hpp"

namespace scilearn::optimize::detail {

// SciPy's _minimize_neldermead, operation for operation: the same initial
// simplex, coefficients (rho, chi, psi, sigma) = (1, 2, 1/2, 1/2), or Gao and
// Han's (2012) dimension-dependent ones when adaptive, the same order of
// reflection / expansion / contraction / shrink, and clipping to the bounds.
OptimizeResult minimize_nelder_mead(const Objective& fun, const Vector& x0_in, const MinimizeOptions& options) {
  const Index n = x0_in.size();
  const double dim = static_cast<double>(n);
  const double rho = 1;
  const double chi = options.adaptive ? 1 + 2 / dim : 2;
  const double psi = options.adaptive ? 0.75 - 1 / (2 * dim) : 0.5;
  const double sigma = options.adaptive ? 1 - 1 / dim : 0.5;
  const bool bounded = options.bounds.has_value();
  const Vector lb = bounded ? options.bounds->lb : Vector();
  const Vector ub = bounded ? options.bounds->ub : Vector();
  const auto clip = [&](const Vector& x) -> Vector { return bounded ? Vector(x.cwiseMax(lb).cwiseMin(ub)) : x; };

  const Vector x0 = clip(x0_in);
  Matrix sim(n + 1, n);  // one vertex per row, as SciPy's sim
  if (options.initial_simplex.size() > 0) {
    sim = options.initial_simplex;
  } else {
    constexpr double nonzdelt = 0.05;
    constexpr double zdelt = 0.00025;
    sim.row(0) = x0.transpose();
    for (Index k = 0; k < n; ++k) {
      Vector y = x0;
      y(k) = y(k) != 0 ? (1 + nonzdelt) * y(k) : zdelt;
      sim.row(k + 1) = y.transpose();
    }
  }
  if (bounded) {  // reflect vertices above ub back inside, then clip
    for (Index i = 0; i <= n; ++i) {
      for (Index j = 0; j < n; ++j) {
        if (sim(i, j) > ub(j)) sim(i, j) = 2 * ub(j) - sim(i, j);
      }
      sim.row(i) = clip(sim.row(i).transpose()).transpose();
    }
  }

  // SciPy's limits: both default to 200 n; one given alone lifts the other.
  constexpr double unlimited = std::numeric_limits<double>::infinity();
  double maxiter = options.maxiter > 0 ? options.maxiter : unlimited;
  double maxfev = options.maxfev > 0 ? options.maxfev : unlimited;
  if (options.maxiter <= 0 && options.maxfev <= 0) maxiter = maxfev = 200 * dim;

  LimitedObjective f(fun, maxfev);
  Vector fsim = Vector::Constant(n + 1, std::numeric_limits<double>::infinity());
  const auto sort_simplex = [&] {
    std::vector<Index> order(static_cast<std::size_t>(n + 1));
    std::iota(order.begin(), order.end(), Index{0});
    std::stable_sort(order.begin(), order.end(), [&](Index a, Index b) { return fsim(a) < fsim(b); });
    const Matrix sorted_sim = sim(order, Eigen::all);
    const Vector sorted_f = fsim(order);
    sim = sorted_sim;
    fsim = sorted_f;
  };
  for (Index k = 0; k <= n; ++k) {
    const auto value = f.try_call(sim.row(k).transpose());
    if (!value) break;
    fsim(k) = *value;
  }
  sort_simplex();

  int iterations = 1;
  while (!f.exhausted() && iterations < maxiter) {
    const double x_spread = (sim.bottomRows(n).rowwise() - sim.row(0)).cwiseAbs().maxCoeff();
    const double f_spread = (fsim.tail(n).array() - fsim(0)).abs().maxCoeff();
    if (x_spread <= options.xatol && f_spread <= options.fatol) break;

    [&] {  // one iteration; returns early when the evaluation limit is hit
      const Vector xbar = sim.topRows(n).colwise().sum().transpose() / dim;
      const Vector worst = sim.row(n).transpose();
      const Vector xr = clip((1 + rho) * xbar - rho * worst);
      const auto fxr = f.try_call(xr);
      if (!fxr) return;
      bool shrink = false;
      if (*fxr < fsim(0)) {
        const Vector xe = clip((1 + rho * chi) * xbar - rho * chi * worst);
        const auto fxe = f.try_call(xe);
        if (!fxe) return;
        if (*fxe < *fxr) {
          sim.row(n) = xe.transpose();
          fsim(n) = *fxe;
        } else {
          sim.row(n) = xr.transpose();
          fsim(n) = *fxr;
        }
      } else if (*fxr < fsim(n - 1)) {
        sim.row(n) = xr.transpose();
        fsim(n) = *fxr;
      } else if (*fxr < fsim(n)) {  // outside contraction
        const Vector xc = clip((1 + psi * rho) * xbar - psi * rho * worst);
        const auto fxc = f.try_call(xc);
        if (!fxc) return;
        if (*fxc <= *fxr) {
          sim.row(n) = xc.transpose();
          fsim(n) = *fxc;
        } else {
          shrink = true;
        }
      } else {  // inside contraction
        const Vector xcc = clip((1 - psi) * xbar + psi * worst);
        const auto fxcc = f.try_call(xcc);
        if (!fxcc) return;
        if (*fxcc < fsim(n)) {
          sim.row(n) = xcc.transpose();
          fsim(n) = *fxcc;
        } else {
          shrink = true;
        }
      }
      if (shrink) {
        for (Index j = 1; j <= n; ++j) {
          sim.row(j) = clip((sim.row(0) + sigma * (sim.row(j) - sim.row(0))).transpose()).transpose();
          const auto fj = f.try_call(sim.row(j).transpose());
          if (!fj) return;
          fsim(j) = *fj;
        }
      }
      ++iterations;
    }();
    sort_simplex();
    if (options.callback && options.callback(OptimizeResult{.x = sim.row(0).transpose(), .fun = fsim(0)})) break;
  }

  OptimizeResult result{.x = sim.row(0).transpose(), .fun = fsim.minCoeff(), .nit = iterations, .nfev = f.calls()};
  if (f.exhausted()) {
    result.status = 1;
    result.message = kMessageMaxfev;
  } else if (iterations >= maxiter) {
    result.status = 2;
    result.message = kMessageMaxiter;
  } else {
    result.message = kMessageSuccess;
  }
  result.success = result.status == 0;
  return result;
}

}  // namespace scilearn::optimize::detail
