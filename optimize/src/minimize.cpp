#include <Eigen/Cholesky>
#include <cmath>
#include <limits>
#include <scilearn/core/validation.hpp>
#include <scilearn/optimize/minimize.hpp>

#include "bounds.hpp"
#include "fixed_variables.hpp"
#include "minimize_methods.hpp"

namespace scilearn::optimize {
namespace detail {

double vector_norm(const Vector& g, double order) {
  if (order == std::numeric_limits<double>::infinity()) return g.cwiseAbs().maxCoeff();
  if (order == -std::numeric_limits<double>::infinity()) return g.cwiseAbs().minCoeff();
  return std::pow(g.cwiseAbs().array().pow(order).sum(), 1.0 / order);
}

void finish_gradient_run(OptimizeResult& result, bool precision_loss, const MinimizeOptions& options,
                         double gnorm, const ScalarObjective& objective) {
  if (precision_loss) {
    result.status = 2;
    result.message = kMessagePrecisionLoss;
  } else if (result.nit >= options.maxiter) {
    result.status = 1;
    result.message = kMessageMaxiter;
  } else if (std::isnan(gnorm) || std::isnan(result.fun) || result.x.hasNaN()) {
    result.status = 3;
    result.message = kMessageNan;
  } else {
    result.status = 0;
    result.message = kMessageSuccess;
  }
  result.success = result.status == 0;
  result.nfev = objective.nfev();
  result.njev = objective.ngev();
}

namespace {

constexpr const char* kWhere = "minimize";

// Options with the method's defaults resolved and every value checked.
MinimizeOptions resolved(const MinimizeOptions& given, const Vector& x0) {
  const Index n = x0.size();
  MinimizeOptions o = given;
  if (o.maxiter < 0) throw ValueError(cat(kWhere, ": maxiter must be >= 0, got ", o.maxiter));
  if (o.maxfev < 0) throw ValueError(cat(kWhere, ": maxfev must be >= 0, got ", o.maxfev));
  if (o.tol) {
    if (!(*o.tol >= 0)) throw ValueError(cat(kWhere, ": tol must be >= 0, got ", *o.tol));
    o.gtol = *o.tol;  // SciPy maps tol onto each method's own tolerance
    o.xatol = o.fatol = *o.tol;
    if (o.method == Method::lbfgsb || o.method == Method::powell || o.method == Method::slsqp) o.ftol = *o.tol;
    if (o.method == Method::powell || o.method == Method::newton_cg || o.method == Method::trust_constr) o.xtol = *o.tol;
    if (o.method == Method::trust_constr) o.barrier_tol = *o.tol;
  }
  const bool trust = o.method == Method::trust_ncg || o.method == Method::trust_exact;
  if (!o.gtol) o.gtol = o.method == Method::trust_constr ? 1e-8 : trust ? 1e-4 : 1e-5;
  if (!(*o.gtol >= 0)) throw ValueError(cat(kWhere, ": gtol must be >= 0, got ", *o.gtol));
  if (!o.ftol) o.ftol = o.method == Method::powell ? 1e-4 : o.method == Method::slsqp ? 1e-6 : 2.2204460492503131e-09;
  if (!o.constraints.empty() && o.method != Method::slsqp && o.method != Method::cobyla &&
      o.method != Method::trust_constr) {
    throw ValueError(cat(kWhere, ": this method cannot handle constraints; use slsqp, cobyla or trust_constr"));
  }
  if (!o.xtol) o.xtol = o.method == Method::powell ? 1e-4 : o.method == Method::trust_constr ? 1e-8 : 1e-5;
  if (o.bounds) o.bounds = expanded_bounds(o.bounds, n, kWhere, false);
  if (o.eps && !(*o.eps > 0 && std::isfinite(*o.eps))) throw ValueError(cat(kWhere, ": eps must be > 0, got ", *o.eps));
  switch (o.method) {
    case Method::bfgs:
    case Method::cg: {
      if (o.bounds) {
        throw ValueError(cat(kWhere, ": method ", o.method == Method::bfgs ? "bfgs" : "cg",
                             " cannot handle bounds; use nelder_mead"));
      }
      const double c2 = o.c2.value_or(o.method == Method::bfgs ? 0.9 : 0.4);
      if (!(0 < o.c1 && o.c1 < c2 && c2 < 1)) {
        throw ValueError(cat(kWhere, ": the line search needs 0 < c1 < c2 < 1, got c1 = ", o.c1, ", c2 = ", c2));
      }
      if (std::isnan(o.norm)) throw ValueError(cat(kWhere, ": norm is NaN"));
      if (o.maxiter == 0) o.maxiter = static_cast<int>(200 * n);
      if (o.hess_inv0.size() > 0) {
        check_shape(kWhere, "hess_inv0", o.hess_inv0, n, n);
        check_finite(kWhere, "hess_inv0", o.hess_inv0);
        if (!o.hess_inv0.isApprox(o.hess_inv0.transpose()) || o.hess_inv0.llt().info() != Eigen::Success) {
          throw ValueError(cat(kWhere, ": hess_inv0 must be symmetric positive definite"));
        }
      }
      break;
    }
    case Method::newton_cg: {
      if (o.bounds) throw ValueError(cat(kWhere, ": method newton_cg cannot handle bounds; use lbfgsb"));
      if (!(*o.xtol >= 0)) throw ValueError(cat(kWhere, ": xtol must be >= 0, got ", *o.xtol));
      const double c2 = o.c2.value_or(0.9);
      if (!(0 < o.c1 && o.c1 < c2 && c2 < 1)) {
        throw ValueError(cat(kWhere, ": the line search needs 0 < c1 < c2 < 1, got c1 = ", o.c1, ", c2 = ", c2));
      }
      if (o.maxiter == 0) o.maxiter = static_cast<int>(200 * n);
      break;
    }
    case Method::lbfgsb:
      if (!(*o.ftol >= 0)) throw ValueError(cat(kWhere, ": ftol must be >= 0, got ", *o.ftol));
      if (o.maxcor < 1 || o.maxls < 1 || o.maxfun < 1) {
        throw ValueError(cat(kWhere, ": maxcor, maxls and maxfun must be >= 1, got ", o.maxcor, ", ", o.maxls,
                             " and ", o.maxfun));
      }
      if (o.maxiter == 0) o.maxiter = 15000;
      break;
    case Method::nelder_mead:
      if (!(o.xatol >= 0) || !(o.fatol >= 0)) {
        throw ValueError(cat(kWhere, ": xatol and fatol must be >= 0, got ", o.xatol, " and ", o.fatol));
      }
      if (o.initial_simplex.size() > 0) {
        check_shape(kWhere, "initial_simplex", o.initial_simplex, n + 1, n);
        check_finite(kWhere, "initial_simplex", o.initial_simplex);
      }
      break;
    case Method::powell:
      if (!(*o.xtol >= 0) || !(*o.ftol >= 0)) {
        throw ValueError(cat(kWhere, ": xtol and ftol must be >= 0, got ", *o.xtol, " and ", *o.ftol));
      }
      if (o.direc.size() > 0) {
        check_shape(kWhere, "direc", o.direc, n, n);
        check_finite(kWhere, "direc", o.direc);
      }
      break;
    case Method::trust_ncg:
    case Method::trust_exact:
      if (o.bounds) throw ValueError(cat(kWhere, ": the trust methods cannot handle bounds; use lbfgsb"));
      if (!(0 <= o.eta && o.eta < 0.25)) throw ValueError(cat(kWhere, ": eta must be in [0, 0.25), got ", o.eta));
      if (!(o.initial_trust_radius > 0 && o.initial_trust_radius < o.max_trust_radius &&
            std::isfinite(o.max_trust_radius))) {
        throw ValueError(cat(kWhere, ": the trust radii need 0 < initial_trust_radius < max_trust_radius < inf, got ",
                             o.initial_trust_radius, " and ", o.max_trust_radius));
      }
      if (o.subproblem_maxiter < 1) {
        throw ValueError(cat(kWhere, ": subproblem_maxiter must be >= 1, got ", o.subproblem_maxiter));
      }
      if (o.method == Method::trust_exact ? !o.hess : !o.hess && !o.hessp) {
        throw ValueError(cat(kWhere, o.method == Method::trust_exact ? ": trust_exact needs hess"
                                                                     : ": trust_ncg needs hess or hessp"));
      }
      if (o.maxiter == 0) o.maxiter = static_cast<int>(200 * n);
      break;
    case Method::trust_constr:
      if (!(*o.xtol >= 0) || !(o.barrier_tol >= 0)) {
        throw ValueError(cat(kWhere, ": xtol and barrier_tol must be >= 0, got ", *o.xtol, " and ", o.barrier_tol));
      }
      if (!(o.initial_trust_radius > 0) || !(o.initial_constr_penalty > 0) || !(o.initial_barrier_parameter > 0) ||
          !(o.initial_barrier_tolerance > 0)) {
        throw ValueError(cat(kWhere, ": trust_constr's initial radius, penalty, barrier parameter and tolerance must "
                                     "be > 0"));
      }
      if (o.maxiter == 0) o.maxiter = 1000;
      break;
    case Method::slsqp:
      if (!(*o.ftol >= 0)) throw ValueError(cat(kWhere, ": ftol must be >= 0, got ", *o.ftol));
      if (o.maxiter == 0) o.maxiter = 100;
      break;
    case Method::cobyla:
      if (!(o.rhobeg > 0 && std::isfinite(o.rhobeg))) throw ValueError(cat(kWhere, ": rhobeg must be > 0, got ", o.rhobeg));
      if (o.tol && !(*o.tol > 0 && *o.tol <= o.rhobeg)) {
        throw ValueError(cat(kWhere, ": cobyla needs 0 < tol <= rhobeg, got tol = ", *o.tol));
      }
      if (o.catol && !(*o.catol >= 0)) throw ValueError(cat(kWhere, ": catol must be >= 0, got ", *o.catol));
      if (std::isnan(o.f_target)) throw ValueError(cat(kWhere, ": f_target is NaN"));
      if (o.maxiter == 0) o.maxiter = 1000;
      break;
    default: throw ValueError(cat(kWhere, ": unknown method ", static_cast<int>(o.method)));
  }
  return o;
}

const char* method_name(Method m) {
  switch (m) {
    case Method::powell: return "powell";
    case Method::cobyla: return "cobyla";
    default: return "nelder_mead";
  }
}

template <class MakeObjective>
OptimizeResult run(const Objective* plain, MakeObjective make_objective, const Vector& x0,
                   const MinimizeOptions& given) {
  check_non_empty(kWhere, "x0", x0);
  check_finite(kWhere, "x0", x0);
  MinimizeOptions options = resolved(given, x0);
  bool stopped = false;
  if (given.callback) {  // records a stop request so that the status can say so
    options.callback = [&](const OptimizeResult& r) { return stopped = given.callback(r); };
  }
  const bool needs_jac = options.method == Method::newton_cg || options.method == Method::trust_ncg ||
                         options.method == Method::trust_exact;
  if (needs_jac && plain != nullptr && !options.jac) {
    throw ValueError(cat(kWhere, ": this method needs the gradient (jac, or an ObjectiveWithGradient), as in SciPy"));
  }
  OptimizeResult result;
  // Constraint Jacobians by the objective's finite-difference rule.
  const auto constraint_set = [&] {
    FiniteDifferenceOptions fd{.method = options.finite_diff,
                               .abs_step = Vector::Constant(1, options.eps.value_or(1.4901161193847656e-08))};
    if (options.bounds) {
      fd.lb = options.bounds->lb;
      fd.ub = options.bounds->ub;
    }
    return ConstraintSet(options.constraints, x0, fd, kWhere);
  };
  if (options.method == Method::nelder_mead || options.method == Method::powell ||
      options.method == Method::cobyla) {
    if (plain == nullptr) {
      throw ValueError(cat(kWhere, ": ", method_name(options.method),
                           " uses no gradient; pass an Objective, not an ObjectiveWithGradient"));
    }
    switch (options.method) {
      case Method::powell: result = minimize_powell(*plain, x0, options); break;
      case Method::cobyla: result = minimize_cobyla(*plain, x0, options, constraint_set()); break;
      default: result = minimize_nelder_mead(*plain, x0, options); break;
    }
  } else {
    ScalarObjective objective = make_objective(options);
    switch (options.method) {
      case Method::bfgs: result = minimize_bfgs(objective, x0, options); break;
      case Method::cg: result = minimize_cg(objective, x0, options); break;
      case Method::newton_cg: result = minimize_newton_cg(objective, x0, options); break;
      case Method::slsqp: result = minimize_slsqp(objective, x0, options, constraint_set()); break;
      case Method::trust_ncg:
      case Method::trust_exact: result = minimize_trust_region(objective, x0, options); break;
      case Method::trust_constr: result = minimize_trust_constr(objective, x0, options); break;
      default: result = minimize_lbfgsb(objective, x0, options); break;
    }
  }
  if (stopped) {  // SciPy's answer to a callback raising StopIteration
    result.success = false;
    result.status = 99;
    result.message = "The callback requested a stop.";
  }
  return result;
}

}  // namespace
}  // namespace detail

OptimizeResult minimize(const Objective& fun, const Vector& x0, const MinimizeOptions& options) {
  if (const auto fixed = detail::variables_to_remove(options, x0, static_cast<bool>(options.jac))) {
    if (fixed->all_fixed()) return detail::all_fixed_result(fun(fixed->lower()), *fixed, options);
    const Objective reduced = [&](const Vector& x) { return fun(fixed->expand(x)); };
    return detail::expanded_result(minimize(reduced, fixed->reduce(x0), detail::reduced_options(options, *fixed)),
                                   *fixed);
  }
  const auto make = [&](const MinimizeOptions& o) {
    // Finite-difference steps stay inside the bounds (SciPy passes them on).
    // SciPy passes its `eps` as an absolute step (abs_step), which overrides
    // the relative rule except where x0 + eps rounds back to x0.
    const double step = o.eps.value_or(o.method == Method::lbfgsb ? 1e-8 : 1.4901161193847656e-08);
    FiniteDifferenceOptions fd{.method = o.finite_diff, .abs_step = Vector::Constant(1, step)};
    // trust_constr takes SciPy's relative step unless eps is given.
    if (o.method == Method::trust_constr && !o.eps) fd.abs_step.resize(0);
    if (o.bounds) {
      fd.lb = o.bounds->lb;
      fd.ub = o.bounds->ub;
    }
    return detail::ScalarObjective(fun, o.jac, fd);
  };
  return detail::run(&fun, make, x0, options);
}

OptimizeResult minimize(const ObjectiveWithGradient& fun, const Vector& x0, const MinimizeOptions& options) {
  if (options.jac) {
    throw ValueError("minimize: fun returns its gradient, so options.jac must be empty");
  }
  if (const auto fixed = detail::variables_to_remove(options, x0, true)) {
    if (fixed->all_fixed()) {
      Vector g(x0.size());
      return detail::all_fixed_result(fun(fixed->lower(), g), *fixed, options);
    }
    const ObjectiveWithGradient reduced = [&](const Vector& x, Vector& g) {
      Vector full_g(x0.size());
      const double f = fun(fixed->expand(x), full_g);
      g = fixed->reduce(full_g);
      return f;
    };
    return detail::expanded_result(minimize(reduced, fixed->reduce(x0), detail::reduced_options(options, *fixed)),
                                   *fixed);
  }
  const auto make = [&](const MinimizeOptions&) { return detail::ScalarObjective(fun); };
  return detail::run(nullptr, make, x0, options);
}

}  // namespace scilearn::optimize
