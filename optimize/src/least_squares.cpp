#include <cmath>
#include <limits>
#include <scilearn/core/validation.hpp>
#include <scilearn/optimize/finite_differences.hpp>
#include <scilearn/optimize/least_squares.hpp>

#include "bounds.hpp"
#include "minpack_lm.hpp"
#include "trf.hpp"

namespace scilearn::optimize {
namespace {

constexpr const char* kWhere = "least_squares";
constexpr double kEps = std::numeric_limits<double>::epsilon();

// SciPy's status for MINPACK's info 1-5 (FROM_MINPACK_TO_COMMON), and its messages.
int status_from_minpack(int info) {
  switch (info) {
    case 1: return 2;
    case 2: return 3;
    case 3: return 4;
    case 4: return 1;
    default: return 0;  // 5: max_nfev; 6-8 cannot happen with SciPy's tolerance check
  }
}

const char* status_message(int status) {
  switch (status) {
    case 0: return "The maximum number of function evaluations is exceeded.";
    case 1: return "`gtol` termination condition is satisfied.";
    case 2: return "`ftol` termination condition is satisfied.";
    case 3: return "`xtol` termination condition is satisfied.";
    default: return "Both `ftol` and `xtol` termination conditions are satisfied.";
  }
}

}  // namespace

LeastSquaresResult least_squares(const VectorFunction& fun, const Vector& x0, const LeastSquaresOptions& options) {
  check_non_empty(kWhere, "x0", x0);
  check_finite(kWhere, "x0", x0);
  const Index n = x0.size();
  for (const double tol : {options.ftol, options.xtol, options.gtol}) {
    if (!(tol >= 0)) throw ValueError(cat(kWhere, ": ftol, xtol and gtol must be >= 0"));
  }
  if (options.ftol < kEps && options.xtol < kEps && options.gtol < kEps) {
    throw ValueError(cat(kWhere, ": at least one of the tolerances must be higher than machine epsilon (", kEps, ")"));
  }
  if (options.max_nfev < 0) throw ValueError(cat(kWhere, ": max_nfev must be >= 0, got ", options.max_nfev));
  if (options.method != LeastSquaresMethod::lm && options.method != LeastSquaresMethod::trf &&
      options.method != LeastSquaresMethod::dogbox) {
    throw ValueError(cat(kWhere, ": unknown method ", static_cast<int>(options.method)));
  }
  const bool lm = options.method == LeastSquaresMethod::lm;
  // Bounds as SciPy checks them; trf starts strictly inside.
  constexpr double inf = std::numeric_limits<double>::infinity();
  const Bounds box = detail::expanded_bounds(options.bounds, n, kWhere, true);
  const Vector& lb = box.lb;
  const Vector& ub = box.ub;
  if ((x0.array() < lb.array()).any() || (x0.array() > ub.array()).any()) {
    throw ValueError(cat(kWhere, ": the initial guess is outside the bounds"));
  }
  const bool bounded = (lb.array() > -inf).any() || (ub.array() < inf).any();
  if (lm && bounded) throw ValueError(cat(kWhere, ": method lm does not support bounds; use trf or dogbox"));
  if (lm && options.loss != Loss::linear) throw ValueError(cat(kWhere, ": method lm supports only the linear loss"));
  if (!(options.f_scale > 0) || !std::isfinite(options.f_scale)) {
    throw ValueError(cat(kWhere, ": f_scale must be positive, got ", options.f_scale));
  }
  const detail::RobustLoss loss{options.loss, options.f_scale};
  // x_scale: SciPy's 'jac' (an empty vector here) for lm by default or on
  // request; otherwise the given scales, 1 for trf by default.
  Vector x_scale;
  if (options.x_scale.size() > 0) {
    if (options.x_scale_jac) throw ValueError(cat(kWhere, ": give x_scale or x_scale_jac, not both"));
    if (options.x_scale.size() != 1 && options.x_scale.size() != n) {
      throw ValueError(cat(kWhere, ": x_scale has ", options.x_scale.size(), " entries, expected 1 or ", n));
    }
    if (!(options.x_scale.array() > 0).all() || !options.x_scale.allFinite()) {
      throw ValueError(cat(kWhere, ": x_scale must be positive and finite"));
    }
    x_scale = options.x_scale.size() == 1 ? Vector::Constant(n, options.x_scale(0)) : options.x_scale;
  } else if (!lm && !options.x_scale_jac) {
    x_scale = Vector::Ones(n);
  }
  const int max_nfev = options.max_nfev > 0 ? options.max_nfev : static_cast<int>(100 * n);
  // The Jacobian is the user's or finite differences (approx_derivative,
  // 2-point, as SciPy's). Every evaluation of fun is counted; the last one is
  // remembered, so that the Jacobian at an accepted step reuses f there, as
  // SciPy's VectorFunction does.
  if (lm && options.jac_sparsity.size() > 0) throw ValueError(cat(kWhere, ": method lm does not support jac_sparsity"));
  const IndexVector sparsity_groups =
      options.jac_sparsity.size() > 0 ? group_columns(options.jac_sparsity) : IndexVector();
  if (options.jac_sparsity.size() > 0 && options.jac_sparsity.cols() != n) {
    throw ValueError(cat(kWhere, ": jac_sparsity has ", options.jac_sparsity.cols(), " columns, x0 has ", n));
  }
  int nfev = 0, njev = 0;
  Vector last_x, last_f;
  Index m = -1;
  const VectorFunction remembered = [&](const Vector& x) -> Vector {
    if (x.size() == last_x.size() && x == last_x) return last_f;
    ++nfev;
    last_f = fun(x);
    last_x = x;
    if (m < 0) m = last_f.size();
    if (last_f.size() != m) throw ValueError(cat(kWhere, ": fun returned ", last_f.size(), " values, earlier ", m));
    return last_f;
  };
  const JacobianFunction jac = [&](const Vector& x) -> Matrix {
    if (options.jac) {
      ++njev;
      Matrix j = options.jac(x);
      if (j.rows() != m || j.cols() != n) {
        throw ValueError(cat(kWhere, ": jac returned ", j.rows(), "x", j.cols(), ", expected ", m, "x", n));
      }
      return j;
    }
    const VectorFunction counted = [&](const Vector& y) {
      ++nfev;
      return fun(y);
    };
    FiniteDifferenceOptions steps;
    steps.sparsity = options.jac_sparsity;
    steps.groups = sparsity_groups;
    if (bounded) {
      steps.lb = lb;
      steps.ub = ub;
    }
    return approx_derivative(counted, x, steps, remembered(x));
  };
  LeastSquaresResult out;
  if (lm) {
    detail::MinpackSettings settings{
        .ftol = options.ftol, .xtol = options.xtol, .gtol = options.gtol, .maxfev = max_nfev};
    if (x_scale.size() > 0) settings.diag = x_scale.cwiseInverse();
    const detail::MinpackResult r = detail::minpack_lm(remembered, jac, x0, settings);
    out.x = r.x;
    out.fun = r.fvec;
    out.jac = jac(r.x);
    out.cost = 0.5 * r.fvec.squaredNorm();
    out.grad = out.jac.transpose() * r.fvec;
    out.optimality = out.grad.cwiseAbs().maxCoeff();
    out.status = status_from_minpack(r.info);
  } else {
    // trf starts strictly inside the bounds; dogbox may start on one.
    const bool dogbox = options.method == LeastSquaresMethod::dogbox;
    const Vector start = bounded && !dogbox ? detail::make_strictly_feasible(x0, lb, ub, 1e-10) : x0;
    (void)remembered(start);
    if (m < n) throw ValueError(cat(kWhere, ": fun returned ", m, " residuals for ", n, " variables (need m >= n)"));
    const detail::TrfOutcome r = dogbox    ? detail::dogbox(remembered, jac, start, lb, ub, options.ftol, options.xtol,
                                                            options.gtol, max_nfev, x_scale, loss)
                                 : bounded ? detail::trf_bounds(remembered, jac, start, lb, ub, options.ftol,
                                                                options.xtol, options.gtol, max_nfev, x_scale, loss)
                                           : detail::trf_no_bounds(remembered, jac, start, options.ftol, options.xtol,
                                                                   options.gtol, max_nfev, x_scale, loss);
    out.x = r.x;
    out.fun = r.f;
    out.jac = r.jac;
    out.cost = r.cost;
    out.grad = r.grad;
    out.optimality = r.optimality;
    out.status = r.status;
    out.active_mask = r.active_mask;
  }
  if (out.active_mask.size() == 0) out.active_mask = IndexVector::Zero(n);
  out.nfev = nfev;
  out.njev = njev;
  out.message = status_message(out.status);
  out.success = out.status > 0;
  return out;
}

}  // namespace scilearn::optimize
