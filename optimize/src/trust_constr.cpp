// minimize(method = trust_constr): the driver of SciPy's trust-constr
// (minimize_trustregion_constr.py, tr_interior_point.py): the constraints
// gathered in canonical form (bounds as the last one), the barrier
// subproblems, the stopping rules and the result.
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>
#include <scilearn/core/validation.hpp>
#include <type_traits>

#include "minimize_methods.hpp"
#include "trust_constr.hpp"
#include "trust_constr_functions.hpp"

namespace scilearn::optimize::detail {

namespace {

using trust_constr::Block;
using trust_constr::Canonical;
using trust_constr::Objective;
constexpr double kInf = std::numeric_limits<double>::infinity();

// SciPy's TERMINATION_MESSAGES.
constexpr const char* kMessages[] = {
    "The maximum number of function evaluations is exceeded.",
    "`gtol` termination condition is satisfied.",
    "`xtol` termination condition is satisfied.",
    "`callback` raised `StopIteration`.",
    "Constraint violation exceeds 'gtol'",
};

}  // namespace

OptimizeResult minimize_trust_constr(ScalarObjective& scalar, const Vector& x0, const MinimizeOptions& options) {
  const Index n = x0.size();
  const double gtol = *options.gtol, xtol = *options.xtol, barrier_tol = options.barrier_tol;
  Objective objective(scalar, options, x0);
  // Constraint Jacobians by 2-point differences with SciPy's relative step.
  const FiniteDifferenceOptions fd{};
  Canonical canonical;
  for (const AnyConstraint& any : options.constraints) {
    std::visit(
        [&](const auto& c) {
          using C = std::decay_t<decltype(c)>;
          if constexpr (std::is_same_v<C, LinearConstraint>) {
            if (c.A.cols() != n || c.A.rows() == 0) {
              throw ValueError(cat("minimize: LinearConstraint A is ", c.A.rows(), " x ", c.A.cols(),
                                   ", expected m x ", n, " with m >= 1"));
            }
            check_finite("minimize", "LinearConstraint A", c.A);
            canonical.blocks.emplace_back(VectorFunction{}, JacobianFunction{}, c.A, c.lb, c.ub, x0, fd);
          } else if constexpr (std::is_same_v<C, NonlinearConstraint>) {
            if (!c.fun) throw ValueError("minimize: a constraint has no fun");
            if (c.lb.size() == 0 || c.ub.size() == 0) throw ValueError("minimize: NonlinearConstraint needs lb and ub");
            canonical.blocks.emplace_back(c.fun, c.jac, Matrix{}, c.lb, c.ub, x0, fd);
          } else {  // SciPy's old_constraint_to_new
            if (!c.fun) throw ValueError("minimize: a constraint has no fun");
            const bool eq = c.type == ConstraintType::eq;
            canonical.blocks.emplace_back(c.fun, c.jac, Matrix{}, Vector::Zero(1),
                                          eq ? Vector::Zero(1) : Vector::Constant(1, kInf), x0, fd);
          }
        },
        any);
  }
  if (options.bounds) {  // the last constraint, widened by one ulp as SciPy does
    Vector lb = options.bounds->lb, ub = options.bounds->ub;
    for (Index i = 0; i < n; ++i) {
      if (std::isfinite(lb(i))) lb(i) = std::nextafter(lb(i), -kInf);
      if (std::isfinite(ub(i))) ub(i) = std::nextafter(ub(i), kInf);
    }
    canonical.blocks.emplace_back(VectorFunction{}, JacobianFunction{}, Matrix::Identity(n, n), lb, ub, x0, fd);
  }
  const Index n_eq = canonical.n_eq(), n_ineq = canonical.n_ineq();
  auto [c_eq0, c_ineq0] = canonical.fun(x0);
  auto [j_eq0, j_ineq0] = canonical.jac(x0);

  // The state SciPy's stop test keeps, updated at every test (one per
  // iteration): the last accepted point, its optimality (the largest
  // entry of the Lagrangian's gradient) and violation.
  OptimizeResult state;
  state.x = x0;
  state.fun = objective.f();
  state.jac = objective.g();
  double optimality = kInf, radius_now = options.initial_trust_radius;
  int status = -1;
  const auto stop_test = [&](const Vector& x, bool last_failed, double radius, bool interior,
                             double barrier_parameter) {
    ++state.nit;
    if (!last_failed) {
      state.x = x;
      state.fun = objective.f();
      state.jac = objective.g();
      Vector lagrangian_grad = state.jac;
      state.maxcv = 0;
      for (const Block& b : canonical.blocks) {
        lagrangian_grad += b.jt_v();
        state.maxcv = std::max(state.maxcv, b.violation());
      }
      optimality = lagrangian_grad.cwiseAbs().maxCoeff();
    }
    radius_now = radius;
    if (options.callback && options.callback(state)) {
      status = 3;
    } else if (optimality < gtol && state.maxcv < gtol) {
      status = 1;
    } else if (radius < xtol && (!interior || barrier_parameter < barrier_tol)) {
      status = 2;
    } else if (state.nit >= options.maxiter) {
      status = 0;
    }
    return status >= 0;
  };

  if (n_ineq == 0) {
    const SqpProblem problem{
        .fun_and_constr =
            [&](const Vector& x) {
              const double f = objective.fun(x);
              return std::make_pair(f, canonical.fun(x).first);
            },
        .grad_and_jac =
            [&](const Vector& x) {
              const Vector g = objective.grad(x);
              return std::make_pair(g, canonical.jac(x).first);
            },
        .lagrangian_hess = [&](const Vector& x,
                               const Vector& v) { return canonical.lagrangian_hess(objective, x, v, Vector()); },
        .stop = [&](const Vector& x, bool last_failed, double, double, double radius, double,
                    const CgInfo&) { return stop_test(x, last_failed, radius, false, 0); },
    };
    (void)equality_constrained_sqp(problem, x0, objective.f(), objective.g(), c_eq0, j_eq0,
                                   options.initial_constr_penalty, options.initial_trust_radius, Vector(), Vector());
  } else {
    // The barrier problems of Byrd, Hribar and Nocedal (1999): minimize
    // f(x) - mu sum log s subject to c_eq(x) = 0, c_ineq(x) + s = 0, in the
    // variables z = (x, s), for mu decreasing by 0.2 each round.
    constexpr double kBoundaryParameter = 0.995, kBarrierDecay = 0.2, kTrustEnlargement = 5;
    double mu = options.initial_barrier_parameter, tolerance = options.initial_barrier_tolerance;
    double radius = options.initial_trust_radius;
    bool terminate = false;
    const auto barrier = [&](double f, const Vector& s) {
      double log_sum = 0;
      for (Index i = 0; i < s.size(); ++i) log_sum += s(i) > 0 ? std::log(s(i)) : -kInf;
      return f - mu * log_sum;
    };
    const auto constraints_of = [&](const Vector& c_eq, const Vector& c_ineq, const Vector& s) {
      Vector c(n_eq + n_ineq);
      c << c_eq, c_ineq + s;
      return c;
    };
    const auto gradient_of = [&](const Vector& g) {
      Vector out(n + n_ineq);
      out << g, Vector::Constant(n_ineq, -mu);
      return out;
    };
    const auto jacobian_of = [&](const Matrix& j_eq, const Matrix& j_ineq, const Vector& s) {
      Matrix j = Matrix::Zero(n_eq + n_ineq, n + n_ineq);
      j.topLeftCorner(n_eq, n) = j_eq;
      j.bottomLeftCorner(n_ineq, n) = j_ineq;
      j.bottomRightCorner(n_ineq, n_ineq).diagonal() = s;
      return j;
    };
    SqpProblem problem{
        .fun_and_constr =
            [&](const Vector& z) {
              const Vector s = z.tail(n_ineq);
              const double f = objective.fun(z.head(n));
              auto [c_eq, c_ineq] = canonical.fun(z.head(n));
              return std::make_pair(barrier(f, s), constraints_of(c_eq, c_ineq, s));
            },
        .grad_and_jac =
            [&](const Vector& z) {
              const Vector g = objective.grad(z.head(n));
              auto [j_eq, j_ineq] = canonical.jac(z.head(n));
              return std::make_pair(gradient_of(g), jacobian_of(j_eq, j_ineq, z.tail(n_ineq)));
            },
        .lagrangian_hess =
            [&](const Vector& z, const Vector& v) -> Operator {
              const Vector v_ineq = v.tail(n_ineq), s = z.tail(n_ineq);
              const Operator hx = canonical.lagrangian_hess(objective, z.head(n), v.head(n_eq), v_ineq);
              // S Hs S: the barrier's curvature, primal-dual where v > 0.
              const Vector shs = (v_ineq.array() > 0).select(v_ineq.cwiseProduct(s), Vector::Constant(n_ineq, mu));
              return [hx, shs, n](const Vector& p) {
                Vector out(p.size());
                out << hx(p.head(n)), shs.cwiseProduct(p.tail(shs.size()));
                return out;
              };
            },
        .stop =
            [&](const Vector& z, bool last_failed, double opt, double violation, double r, double,
                const CgInfo&) {
              if (stop_test(z.head(n), last_failed, r, true, mu)) {
                terminate = true;
                return true;
              }
              return (opt < tolerance && violation < tolerance) || r < xtol;
            },
        .scaling =
            [&](const Vector& z) {
              Vector d(n + n_ineq);
              d << Vector::Ones(n), z.tail(n_ineq);
              return d;
            },
    };
    Vector trust_lb(n + n_ineq);
    trust_lb << Vector::Constant(n, -kInf), Vector::Constant(n_ineq, -kBoundaryParameter);
    const Vector trust_ub = Vector::Constant(n + n_ineq, kInf);
    const Vector s0 = (-1.5 * c_ineq0).cwiseMax(1.0);
    Vector z(n + n_ineq);
    z << x0, s0;
    double f_sub = barrier(objective.f(), s0);
    Vector c_sub = constraints_of(c_eq0, c_ineq0, s0), g_sub = gradient_of(objective.g());
    Matrix j_sub = jacobian_of(j_eq0, j_ineq0, s0);
    while (true) {
      z = equality_constrained_sqp(problem, z, f_sub, g_sub, c_sub, j_sub, options.initial_constr_penalty, radius,
                                   trust_lb, trust_ub);
      if (terminate) break;
      radius = std::max(options.initial_trust_radius, kTrustEnlargement * radius_now);
      mu *= kBarrierDecay;
      tolerance *= kBarrierDecay;
      std::tie(f_sub, c_sub) = problem.fun_and_constr(z);
      std::tie(g_sub, j_sub) = problem.grad_and_jac(z);
    }
  }

  if ((status == 1 || status == 2) && state.maxcv > gtol) status = 4;
  OptimizeResult result = state;
  result.status = status;
  result.success = status == 1 || status == 2;
  result.message = kMessages[status];
  result.nfev = scalar.nfev();
  result.njev = scalar.ngev();
  result.nhev = objective.nhev();
  return result;
}

}  // namespace scilearn::optimize::detail
