// solve_ivp's driver (scipy.integrate._ivp.ivp): steps the chosen method to
// the end of t_span, locates events on each step's interpolant with brentq,
// and collects the output at the steps, at t_eval, or as an OdeSolution.

#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/integrate/solve_ivp.hpp>
#include <scilearn/optimize/root_scalar.hpp>
#include <vector>

#include "ode/ode_solution.hpp"
#include "ode/stepper.hpp"

namespace scilearn::integrate {
namespace {

constexpr double eps = std::numeric_limits<double>::epsilon();

// t_eval in the direction of integration, inside t_span (SciPy's checks).
void check_t_eval(const std::vector<double>& t_eval, double t0, double tf) {
  const double lo = std::min(t0, tf);
  const double hi = std::max(t0, tf);
  for (std::size_t i = 0; i < t_eval.size(); ++i) {
    if (!(t_eval[i] >= lo && t_eval[i] <= hi)) {
      throw ValueError(cat("solve_ivp: t_eval[", i, "] = ", t_eval[i], " is not within t_span [", lo, ", ", hi, "]"));
    }
    // SciPy checks the order only on a span of non-zero length.
    if (i > 0 && tf != t0 && (tf > t0 ? t_eval[i] <= t_eval[i - 1] : t_eval[i] >= t_eval[i - 1])) {
      throw ValueError(cat("solve_ivp: t_eval is not sorted in the direction of integration at index ", i));
    }
  }
}

// Which events changed sign over the step, in their directions (SciPy's
// find_active_events: a zero at either end counts).
std::vector<std::size_t> active_events(const std::vector<double>& g, const std::vector<double>& g_new,
                                       const std::vector<Event>& events) {
  std::vector<std::size_t> active;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const bool up = g[i] <= 0 && g_new[i] >= 0;
    const bool down = g[i] >= 0 && g_new[i] <= 0;
    const double d = events[i].direction;
    if ((up && d > 0) || (down && d < 0) || ((up || down) && d == 0)) active.push_back(i);
  }
  return active;
}

struct EventRoot {
  std::size_t event;
  double t;
};

// The zeros of the active events inside the step, by brentq with SciPy's
// tolerances (xtol = rtol = 4 eps); when some event reaches its count, the
// zeros up to the first such one in the direction of integration, and
// terminate = true.
std::vector<EventRoot> locate_events(const detail::StepInterpolant& sol, const std::vector<Event>& events,
                                     const std::vector<std::size_t>& active, const std::vector<int>& count,
                                     double t_old, double t, bool& terminate) {
  std::vector<EventRoot> roots;
  for (std::size_t e : active) {
    const auto& fun = events[e].fun;
    const auto r = optimize::brentq([&](double s) { return fun(s, sol(s)); }, t_old, t,
                                    {.xtol = 4 * eps, .rtol = 4 * eps});
    roots.push_back({e, r.root});
  }
  const auto reached = [&](const EventRoot& r) {
    return events[r.event].terminal > 0 && count[r.event] >= events[r.event].terminal;
  };
  terminate = std::any_of(roots.begin(), roots.end(), reached);
  if (terminate) {
    std::stable_sort(roots.begin(), roots.end(),
                     [&](const EventRoot& a, const EventRoot& b) { return t > t_old ? a.t < b.t : a.t > b.t; });
    roots.erase(std::find_if(roots.begin(), roots.end(), reached) + 1, roots.end());
  }
  return roots;
}

Matrix columns(const std::vector<Vector>& ys, Index n) {
  Matrix y(n, static_cast<Index>(ys.size()));
  for (std::size_t i = 0; i < ys.size(); ++i) y.col(static_cast<Index>(i)) = ys[i];
  return y;
}

Vector to_vector(const std::vector<double>& v) {
  return Eigen::Map<const Vector>(v.data(), static_cast<Index>(v.size()));
}

}  // namespace

OdeResult solve_ivp(const OdeFunction& fun, std::pair<double, double> t_span, const Eigen::Ref<const Vector>& y0,
                    const SolveIvpOptions& options) {
  const auto [t0, tf] = t_span;
  if (!std::isfinite(t0) || !std::isfinite(tf)) {
    throw ValueError(cat("solve_ivp: t_span must be finite, got (", t0, ", ", tf, ")"));
  }
  check_finite("solve_ivp", "y0", y0);
  if (!fun) throw ValueError("solve_ivp: fun is empty");
  for (std::size_t i = 0; i < options.events.size(); ++i) {
    if (!options.events[i].fun) throw ValueError(cat("solve_ivp: events[", i, "] has no function"));
    if (options.events[i].terminal < 0) {
      throw ValueError(cat("solve_ivp: events[", i, "].terminal must be >= 0, got ", options.events[i].terminal));
    }
  }
  check_t_eval(options.t_eval, t0, tf);
  const Index n = y0.size();
  const detail::StepperSettings settings = detail::make_settings("solve_ivp", options, t0, tf, n);

  detail::OdeRhs rhs(fun, n);
  const Vector y_start = y0;
  auto solver = detail::make_stepper(options.method, rhs, t0, y_start, tf, settings);
  const int direction = solver->direction();

  // t_eval, ascending for the search; i_eval is the next unused entry (from
  // the front when integrating forwards, from the back when backwards).
  std::vector<double> t_eval = options.t_eval;
  const bool use_t_eval = !options.t_eval.empty();
  if (direction < 0) std::reverse(t_eval.begin(), t_eval.end());
  std::size_t i_eval = direction > 0 ? 0 : t_eval.size();

  std::vector<double> ts;
  std::vector<Vector> ys;
  if (!use_t_eval) {
    ts.push_back(t0);
    ys.push_back(y_start);
  }
  std::vector<double> ti{t0};  // step boundaries for the OdeSolution
  std::vector<std::unique_ptr<detail::StepInterpolant>> interpolants;

  const auto& events = options.events;
  std::vector<int> event_count(events.size(), 0);
  std::vector<double> g(events.size());
  for (std::size_t i = 0; i < events.size(); ++i) g[i] = events[i].fun(t0, y_start);
  std::vector<std::vector<double>> t_events(events.size());
  std::vector<std::vector<Vector>> y_events(events.size());

  int status = 0;
  std::string message;
  bool running = true;
  while (running) {
    if (auto failure = solver->step()) {
      status = -1;
      message = cat(*failure, " (at t = ", solver->t(), ")");
      break;
    }
    running = solver->status() == detail::Stepper::Status::running;
    const double t_old = solver->t_old();
    double t = solver->t();
    Vector y = solver->y();
    std::unique_ptr<detail::StepInterpolant> sol;
    const auto step_interpolant = [&]() -> const detail::StepInterpolant& {
      if (!sol) sol = solver->dense_output();
      return *sol;
    };
    if (options.dense_output) step_interpolant();

    if (!events.empty()) {
      std::vector<double> g_new(events.size());
      for (std::size_t i = 0; i < events.size(); ++i) g_new[i] = events[i].fun(t, y);
      const auto active = active_events(g, g_new, events);
      if (!active.empty()) {
        for (std::size_t e : active) ++event_count[e];
        bool terminate = false;
        const auto roots = locate_events(step_interpolant(), events, active, event_count, t_old, t, terminate);
        for (const auto& r : roots) {
          t_events[r.event].push_back(r.t);
          y_events[r.event].push_back(step_interpolant()(r.t));
        }
        if (terminate) {
          status = 1;
          running = false;
          t = roots.back().t;
          y = step_interpolant()(t);
        }
      }
      g = std::move(g_new);
    }

    if (!use_t_eval) {
      // SciPy drops a repeated end point (a terminal event exactly at the
      // step's start) together with its interpolant.
      if (ts.size() > 1 && ts.back() == t && options.dense_output) {
        sol.reset();
      } else {
        ts.push_back(t);
        ys.push_back(y);
      }
    } else if (direction > 0) {
      const auto end = std::upper_bound(t_eval.begin() + static_cast<std::ptrdiff_t>(i_eval), t_eval.end(), t);
      const auto i_new = static_cast<std::size_t>(end - t_eval.begin());
      for (std::size_t i = i_eval; i < i_new; ++i) {
        ts.push_back(t_eval[i]);
        ys.push_back(step_interpolant()(t_eval[i]));
      }
      i_eval = i_new;
    } else {
      const auto begin = std::lower_bound(t_eval.begin(), t_eval.begin() + static_cast<std::ptrdiff_t>(i_eval), t);
      const auto i_new = static_cast<std::size_t>(begin - t_eval.begin());
      for (std::size_t i = i_eval; i > i_new; --i) {
        ts.push_back(t_eval[i - 1]);
        ys.push_back(step_interpolant()(t_eval[i - 1]));
      }
      i_eval = i_new;
    }
    if (options.dense_output && sol) {
      interpolants.push_back(std::move(sol));
      ti.push_back(t);
    }
  }

  OdeResult result;
  result.t = to_vector(ts);
  result.y = columns(ys, n);
  for (std::size_t i = 0; i < events.size(); ++i) {
    result.t_events.push_back(to_vector(t_events[i]));
    result.y_events.push_back(columns(y_events[i], n));
  }
  if (options.dense_output && !interpolants.empty()) {
    result.sol.emplace(std::make_shared<const OdeSolution::Impl>(n, to_vector(ti), std::move(interpolants),
                                                                 solver->alt_segment()));
  }
  result.nfev = rhs.nfev();
  result.njev = solver->njev();
  result.nlu = solver->nlu();
  result.status = status;
  if (status == 0) message = "The solver successfully reached the end of the integration interval.";
  if (status == 1) message = "A termination event occurred.";
  result.message = std::move(message);
  result.success = status >= 0;
  return result;
}

}  // namespace scilearn::integrate
