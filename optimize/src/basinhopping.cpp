// Basin-hopping (Wales and Doye 1997) as scipy.optimize.basinhopping runs it:
// random displacement with an adaptive step size (tuned towards a target
// acceptance rate every `interval` steps), local minimization, Metropolis
// acceptance, and a store of the lowest successful local minimum.
#include <scilearn/optimize/basinhopping.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/core/validation.hpp>

namespace scilearn::optimize {

namespace {

constexpr const char* kWhere = "basinhopping";

void validate(const Vector& x0, const BasinhoppingOptions& o) {
  check_non_empty(kWhere, "x0", x0);
  check_finite(kWhere, "x0", x0);
  if (o.niter < 0) throw ValueError(cat(kWhere, ": niter must be >= 0, got ", o.niter));
  if (!(o.T >= 0)) throw ValueError(cat(kWhere, ": T must be >= 0, got ", o.T));
  if (!(o.stepsize >= 0) || !std::isfinite(o.stepsize)) {
    throw ValueError(cat(kWhere, ": stepsize must be finite and >= 0, got ", o.stepsize));
  }
  if (o.interval < 1) throw ValueError(cat(kWhere, ": interval must be >= 1, got ", o.interval));
  if (o.niter_success < 0) throw ValueError(cat(kWhere, ": niter_success must be >= 0, got ", o.niter_success));
  if (!(o.target_accept_rate > 0 && o.target_accept_rate < 1)) {
    throw ValueError(cat(kWhere, ": target_accept_rate has to be in range (0, 1), got ", o.target_accept_rate));
  }
  if (!(o.stepwise_factor > 0 && o.stepwise_factor < 1)) {
    throw ValueError(cat(kWhere, ": stepwise_factor has to be in range (0, 1), got ", o.stepwise_factor));
  }
}

}  // namespace

BasinhoppingResult basinhopping(const Objective& func, const Vector& x0, const BasinhoppingOptions& options) {
  const BasinhoppingOptions& o = options;
  validate(x0, o);
  if (!func) throw ValueError(cat(kWhere, ": func is empty"));
  Generator rng = default_rng(o.seed);
  BasinhoppingResult res;

  const auto local = [&](const Vector& start) {
    OptimizeResult m = minimize(func, start, o.minimizer_kwargs);
    if (!m.success) ++res.minimization_failures;
    res.nfev += m.nfev;
    res.njev += m.njev;
    res.nhev += m.nhev;
    return m;
  };

  OptimizeResult current = local(x0);  // the incumbent: the last accepted minimum
  OptimizeResult lowest = current;
  double stepsize = o.stepsize;
  int nstep = 0, naccept = 0;  // the adaptive step's counters
  const double beta = o.T != 0 ? 1.0 / o.T : std::numeric_limits<double>::infinity();
  const int niter_success = o.niter_success > 0 ? o.niter_success : o.niter + 2;

  if (o.callback) (void)o.callback(lowest.x, lowest.fun, true);  // SciPy ignores this return value

  std::string message = "requested number of basinhopping iterations completed successfully";
  int count = 0, i = 0;
  Vector trial_x(x0.size());
  for (i = 0; i < o.niter; ++i) {
    // Take a step (adapting its size first every `interval` steps).
    ++nstep;
    if (nstep % o.interval == 0) {
      const double rate = static_cast<double>(naccept) / nstep;
      stepsize = rate > o.target_accept_rate ? stepsize / o.stepwise_factor : stepsize * o.stepwise_factor;
    }
    trial_x = current.x;
    if (o.take_step) {
      o.take_step(trial_x, stepsize);
    } else {
      for (Index j = 0; j < trial_x.size(); ++j) trial_x(j) += rng.uniform(-stepsize, stepsize);
    }
    OptimizeResult trial = local(trial_x);

    bool accept = true;
    bool forced = false;
    if (o.accept_test) {
      const AcceptDecision d = o.accept_test(trial.fun, trial.x, current.fun, current.x);
      if (d == AcceptDecision::force_accept) forced = true;
      if (d == AcceptDecision::reject) accept = false;
    }
    if (!forced) {
      // Metropolis; on a flat plane with T = 0, -(0) * inf is NaN and min(0, NaN) is 0: accept.
      const double prod = -(trial.fun - current.fun) * beta;
      const double w = std::exp(std::min(0.0, prod));
      const double u = rng.random();
      if (!(w >= u && (trial.success || !current.success))) accept = false;
    } else {
      accept = true;
    }
    if (accept) ++naccept;

    bool new_global_min = false;
    const double trial_fun = trial.fun;
    const Vector trial_min = trial.x;
    if (accept) {
      current = std::move(trial);
      if (current.success && (current.fun < lowest.fun || !lowest.success)) {
        lowest = current;
        new_global_min = true;
      }
    }
    if (o.callback && o.callback(trial_min, trial_fun, accept)) {
      // SciPy's message, its missing space included.
      message = "callback function requested stop early byreturning True";
      break;
    }
    ++count;
    if (new_global_min) {
      count = 0;
    } else if (count > niter_success) {
      message = "success condition satisfied";
      break;
    }
  }

  res.x = lowest.x;
  res.fun = lowest.fun;
  res.jac = lowest.jac;
  res.success = lowest.success;
  res.status = lowest.status;
  res.message = message;
  res.nit = i + 1;  // SciPy's count: the loop index plus one, also on a break and for niter = 0
  if (i == o.niter && o.niter > 0) res.nit = o.niter;
  res.lowest_optimization_result = std::move(lowest);
  return res;
}

}  // namespace scilearn::optimize
