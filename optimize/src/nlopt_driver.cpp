#include "nlopt_driver.hpp"

#include <nlopt.h>

#include <exception>
#include <memory>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>

namespace scilearn::optimize::detail {

namespace {

// What the C callbacks reach through their void*: the callables, the last
// constraint values and Jacobians (NLopt asks for equalities and
// inequalities separately at one x; the user's functions run once), and the
// first exception thrown.
struct Context {
  const NloptObjective& objective;
  const ConstraintSet& constraints;
  nlopt_opt opt = nullptr;
  std::exception_ptr error{};
  Vector values_x{}, eq{}, ineq{};
  Vector jacobians_x{};
  Matrix jeq{}, jineq{};

  void refresh(const Vector& x, bool need_jacobians) {
    if (values_x.size() == 0 || values_x != x) {
      constraints.values(x, eq, ineq);
      values_x = x;
    }
    if (need_jacobians && (jacobians_x.size() == 0 || jacobians_x != x)) {
      constraints.jacobians(x, jeq, jineq);
      jacobians_x = x;
    }
  }

  // Runs body, turning an exception into a forced stop.
  template <class Body>
  void guarded(Body body) {
    if (error) return;
    try {
      body();
    } catch (...) {
      error = std::current_exception();
      nlopt_force_stop(opt);
    }
  }
};

double objective_thunk(unsigned n, const double* x, double* gradient, void* data) {
  auto& c = *static_cast<Context*>(data);
  double f = std::numeric_limits<double>::quiet_NaN();
  c.guarded([&] {
    const Vector xv = Eigen::Map<const Vector>(x, n);
    if (gradient == nullptr) {
      f = c.objective(xv, nullptr);
      return;
    }
    Vector g(n);
    f = c.objective(xv, &g);
    Eigen::Map<Vector>(gradient, n) = g;
  });
  return f;
}

// NLopt's constraint Jacobians are row-major m x n; Eigen's default is column-major.
using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// NLopt wants h(x) = 0 and g(x) <= 0; ours are c_eq(x) = 0 and c_in(x) >= 0.
template <bool Equality>
void constraint_thunk(unsigned m, double* result, unsigned n, const double* x, double* gradient, void* data) {
  auto& c = *static_cast<Context*>(data);
  c.guarded([&] {
    c.refresh(Eigen::Map<const Vector>(x, n), gradient != nullptr);
    const double sign = Equality ? 1.0 : -1.0;
    Eigen::Map<Vector>(result, m) = sign * (Equality ? c.eq : c.ineq);
    if (gradient != nullptr) Eigen::Map<RowMajor>(gradient, m, n) = sign * (Equality ? c.jeq : c.jineq);
  });
}

void check(nlopt_result r, const char* what) {
  if (r < 0) throw BackendError("NLopt", static_cast<int>(r), cat("minimize: NLopt refused ", what));
}

}  // namespace

NloptOutcome run_nlopt(const NloptObjective& objective, const ConstraintSet& constraints, const Vector& x0,
                       const NloptSettings& settings) {
  const auto n = static_cast<unsigned>(x0.size());
  const nlopt_algorithm algorithm = settings.method == NloptMethod::slsqp ? NLOPT_LD_SLSQP : NLOPT_LN_COBYLA;
  std::unique_ptr<nlopt_opt_s, decltype(&nlopt_destroy)> opt(nlopt_create(algorithm, n), &nlopt_destroy);
  if (!opt) throw BackendError("NLopt", NLOPT_OUT_OF_MEMORY, "minimize: NLopt could not create an optimizer");
  Context context{objective, constraints, opt.get()};
  check(nlopt_set_min_objective(opt.get(), objective_thunk, &context), "the objective");
  if (settings.lb.size() > 0) check(nlopt_set_lower_bounds(opt.get(), settings.lb.data()), "the lower bounds");
  if (settings.ub.size() > 0) check(nlopt_set_upper_bounds(opt.get(), settings.ub.data()), "the upper bounds");
  if (constraints.n_eq() > 0) {
    const Vector tol = Vector::Constant(constraints.n_eq(), settings.constraint_tol);
    check(nlopt_add_equality_mconstraint(opt.get(), static_cast<unsigned>(constraints.n_eq()), constraint_thunk<true>,
                                         &context, tol.data()),
          "the equality constraints");
  }
  if (constraints.n_ineq() > 0) {
    const Vector tol = Vector::Constant(constraints.n_ineq(), settings.constraint_tol);
    check(nlopt_add_inequality_mconstraint(opt.get(), static_cast<unsigned>(constraints.n_ineq()),
                                           constraint_thunk<false>, &context, tol.data()),
          "the inequality constraints");
  }
  check(nlopt_set_ftol_abs(opt.get(), settings.ftol_abs), "ftol");
  check(nlopt_set_xtol_abs1(opt.get(), settings.xtol_abs), "xtol");
  check(nlopt_set_stopval(opt.get(), settings.stopval), "the target value");
  if (settings.maxeval > 0) check(nlopt_set_maxeval(opt.get(), settings.maxeval), "maxeval");
  if (settings.initial_step > 0) check(nlopt_set_initial_step1(opt.get(), settings.initial_step), "the initial step");

  NloptOutcome outcome{x0, 0, NloptEnd::converged};
  const nlopt_result code = nlopt_optimize(opt.get(), outcome.x.data(), &outcome.f);
  if (context.error) std::rethrow_exception(context.error);
  switch (code) {
    case NLOPT_STOPVAL_REACHED: outcome.end = NloptEnd::target_reached; break;
    case NLOPT_MAXEVAL_REACHED: outcome.end = NloptEnd::maxeval; break;
    case NLOPT_ROUNDOFF_LIMITED: outcome.end = NloptEnd::roundoff_limited; break;
    case NLOPT_FAILURE: outcome.end = NloptEnd::failure; break;
    default:
      if (code < 0) throw BackendError("NLopt", static_cast<int>(code), "minimize: NLopt failed");
      outcome.end = NloptEnd::converged;
  }
  return outcome;
}

}  // namespace scilearn::optimize::detail
