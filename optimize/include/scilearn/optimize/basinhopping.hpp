#pragma once
/// \file
/// scipy.optimize.basinhopping: global minimization by random jumps between
/// local minima (Wales and Doye 1997, "Global Optimization by Basin-Hopping
/// and the Lowest Energy Structures of Lennard-Jones Clusters"), with SciPy
/// 1.17's options, defaults, adaptive step size and result.
///
///     auto f = [](const scilearn::Vector& x) { return std::cos(14.5 * x(0) - 0.3) + (x(0) + 0.2) * x(0); };
///     auto r = scilearn::optimize::basinhopping(f, scilearn::Vector::Constant(1, 1.0), {.seed = 1});
///     // r.x(0) near -0.1951, r.fun near -1.0009 (SciPy's documentation example)
///
/// The random stream is scilearn's Generator, not NumPy's: a seed reproduces
/// our run exactly but not SciPy's.

#include <cstdint>
#include <functional>
#include <optional>
#include <scilearn/optimize/functions.hpp>
#include <scilearn/optimize/minimize.hpp>
#include <scilearn/optimize/result.hpp>

namespace scilearn::optimize {

/// What an accept test says about a step (SciPy: True, False, "force accept").
enum class AcceptDecision { reject, accept, force_accept };

/// SciPy's `accept_test(f_new=, x_new=, f_old=, x_old=)`: an extra test run
/// before the Metropolis test; `reject` rejects the step, `force_accept`
/// accepts it whatever the Metropolis test would say.
using AcceptTest =
    std::function<AcceptDecision(double f_new, const Vector& x_new, double f_old, const Vector& x_old)>;

/// SciPy's `take_step`: displaces x in place. `stepsize` is the current,
/// adapted step size (SciPy adapts a take_step's `stepsize` attribute).
using TakeStep = std::function<void(Vector& x, double stepsize)>;

/// SciPy's basinhopping `callback(x, f, accept)`: called with the first local
/// minimum (accept = true), then after each step with the step's local
/// minimum and whether it was accepted; returning true stops the run.
using BasinhoppingCallback = std::function<bool(const Vector& x, double f, bool accept)>;

/// Options of basinhopping: SciPy's names and defaults.
struct BasinhoppingOptions {
  int niter = 100;        ///< basin-hopping steps
  double T = 1.0;         ///< Metropolis temperature: a step up by df is accepted with probability exp(-df / T); 0: never
  double stepsize = 0.5;  ///< initial largest displacement of each coordinate (uniform in [-stepsize, stepsize))
  /// The local minimizer's options (SciPy's `minimizer_kwargs`); method bfgs
  /// by default. SciPy switches to L-BFGS-B when bounds are given: here set
  /// method = Method::lbfgsb yourself.
  MinimizeOptions minimizer_kwargs{};
  TakeStep take_step{};      ///< empty: uniform random displacement
  AcceptTest accept_test{};  ///< empty: the Metropolis test only
  BasinhoppingCallback callback{};
  /// Steps between step-size updates: the step is divided by stepwise_factor
  /// when more than target_accept_rate of the steps so far were accepted,
  /// multiplied by it otherwise.
  int interval = 50;
  /// Stop when the best minimum has not improved for this many steps; 0: niter + 2 (never).
  int niter_success = 0;
  std::optional<std::uint64_t> seed{};
  double target_accept_rate = 0.5;  ///< in (0, 1)
  double stepwise_factor = 0.9;     ///< in (0, 1)
};

/// What basinhopping returns: the lowest local minimum (x, fun, success as
/// its minimizer reported), nit, nfev / njev / nhev summed over all local
/// minimizations, and message (SciPy's).
struct BasinhoppingResult : OptimizeResult {
  OptimizeResult lowest_optimization_result{};  ///< the local minimization that found x
  int minimization_failures = 0;                ///< local minimizations that ended with success = false
};

/// Minimizes func from x0 by basin-hopping: niter times, displace the current
/// minimum randomly, minimize locally from there, and accept the new minimum
/// by the Metropolis criterion (and accept_test); keep the lowest minimum
/// whose local minimization succeeded.
/// Requires: x0 non-empty and finite; niter >= 0, T >= 0, stepsize >= 0,
/// interval >= 1, niter_success >= 0, target_accept_rate and stepwise_factor in
/// (0, 1); minimizer_kwargs valid for minimize.
/// Ensures: x, fun from the lowest successful local minimum (the first one
/// when none succeeded); success is that minimization's success; message
/// "requested number of basinhopping iterations completed successfully",
/// "success condition satisfied" (niter_success steps without improvement)
/// or "callback function requested stop early byreturning True" (SciPy's
/// text, its missing space included); nit counts steps as SciPy does (at
/// least 1).
/// Throws: ValueError on bad options; whatever minimize, func, the callback,
/// take_step or accept_test throws, unchanged.
/// Complexity: niter + 1 local minimizations.
[[nodiscard]] BasinhoppingResult basinhopping(const Objective& func, const Vector& x0,
                                              const BasinhoppingOptions& options = {});

}  // namespace scilearn::optimize
