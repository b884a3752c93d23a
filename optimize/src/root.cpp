#include <cmath>
#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/optimize/root.hpp>

#include "minpack_hybrd.hpp"
#include "minpack_lm.hpp"
#include "nonlin_solve.hpp"

namespace scilearn::optimize {
namespace {

constexpr const char* kWhere = "root";

// fsolve's / root's messages for hybrd's info.
std::string hybrd_message(int info, double xtol, int maxfev) {
  switch (info) {
    case 1: return "The solution converged.";
    case 2: return cat("The number of calls to function has reached maxfev = ", maxfev, ".");
    case 3: return cat("xtol=", xtol, " is too small, no further improvement in the approximate solution is possible.");
    case 4:
      return "The iteration is not making good progress, as measured by the improvement from the last five Jacobian "
             "evaluations.";
    default:
      return "The iteration is not making good progress, as measured by the improvement from the last ten iterations.";
  }
}

void check_options(const Vector& x0, const RootOptions& o) {
  check_non_empty(kWhere, "x0", x0);
  check_finite(kWhere, "x0", x0);
  if (!(o.xtol >= 0) || !(o.ftol >= 0) || !(o.gtol >= 0)) {
    throw ValueError(cat(kWhere, ": xtol, ftol and gtol must be >= 0"));
  }
  if (o.maxfev < 0) throw ValueError(cat(kWhere, ": maxfev must be >= 0, got ", o.maxfev));
  if (!(o.factor > 0)) throw ValueError(cat(kWhere, ": factor must be > 0, got ", o.factor));
  if (o.diag.size() > 0) {
    if (o.diag.size() != x0.size()) {
      throw ValueError(cat(kWhere, ": diag has ", o.diag.size(), " entries, x0 has ", x0.size()));
    }
    if (!(o.diag.array() > 0).all()) throw ValueError(cat(kWhere, ": diag must be positive"));
  }
}

bool is_nonlin(RootMethod m) {
  return m == RootMethod::broyden1 || m == RootMethod::broyden2 || m == RootMethod::anderson;
}

const char* method_name(RootMethod m) {
  switch (m) {
    case RootMethod::broyden1: return "broyden1";
    case RootMethod::broyden2: return "broyden2";
    default: return "anderson";
  }
}

void check_nonlin_options(const NonlinOptions& o) {
  if (!(o.fatol >= 0) || !(o.ftol >= 0) || !(o.xatol >= 0) || !(o.xtol >= 0)) {
    throw ValueError(cat(kWhere, ": fatol, ftol, xatol and xtol must be >= 0, got ", o.fatol, ", ", o.ftol, ", ",
                         o.xatol, ", ", o.xtol));
  }
  if (o.maxiter < 0) throw ValueError(cat(kWhere, ": maxiter must be >= 0, got ", o.maxiter));
  if (o.nit < 0) throw ValueError(cat(kWhere, ": nit must be >= 0, got ", o.nit));
  if (o.alpha && (!std::isfinite(*o.alpha) || *o.alpha == 0)) {
    throw ValueError(cat(kWhere, ": alpha must be finite and non-zero, got ", *o.alpha));
  }
  if (o.max_rank != 0 && o.max_rank < 2) {
    throw ValueError(cat(kWhere, ": max_rank must be 0 (no limit) or >= 2, got ", o.max_rank));
  }
  if (o.to_retain < -1) throw ValueError(cat(kWhere, ": to_retain must be >= -1, got ", o.to_retain));
  if (o.M < 0) throw ValueError(cat(kWhere, ": M must be >= 0, got ", o.M));
  if (!(o.w0 >= 0)) throw ValueError(cat(kWhere, ": w0 must be >= 0, got ", o.w0));
}

// nonlin_solve's messages.
std::string nonlin_message(int status) {
  switch (status) {
    case 1: return "A solution was found at the specified tolerance.";
    case 2: return "The maximum number of iterations allowed has been reached.";
    default:
      return "Jacobian inversion yielded zero vector. This indicates a bug in the Jacobian approximation.";
  }
}

}  // namespace

RootResult root(const VectorFunction& fun, const Vector& x0, const RootOptions& options) {
  check_options(x0, options);
  const Index n = x0.size();
  RootResult out;
  if (options.method == RootMethod::hybr) {
    const detail::HybrdResult r = detail::minpack_hybrd(
        fun, options.jac, x0,
        {.xtol = options.xtol, .maxfev = options.maxfev, .epsfcn = options.epsfcn, .factor = options.factor,
         .diag = options.diag});
    const int maxfev = options.maxfev > 0 ? options.maxfev : static_cast<int>((options.jac ? 100 : 200) * (n + 1));
    out = {r.x, r.fvec, r.info == 1, r.info, hybrd_message(r.info, options.xtol, maxfev), r.nfev, r.njev, "hybr"};
  } else if (options.method == RootMethod::lm) {
    const detail::MinpackSettings settings{.ftol = options.ftol, .xtol = options.xtol, .gtol = options.gtol,
                                           .maxfev = options.maxfev, .epsfcn = options.epsfcn,
                                           .factor = options.factor, .diag = options.diag};
    const detail::MinpackResult r = detail::minpack_lm(fun, options.jac, x0, settings);
    const int maxfev = options.maxfev > 0 ? options.maxfev : static_cast<int>((options.jac ? 100 : 200) * (n + 1));
    out = {r.x, r.fvec, r.info >= 1 && r.info <= 4, r.info, detail::minpack_message(r.info, settings, maxfev),
           r.nfev, r.njev, "lm"};
  } else if (is_nonlin(options.method)) {
    check_nonlin_options(options.nonlin);
    const char* name = method_name(options.method);
    if (options.jac) warn(WarningCategory::runtime, cat("Method ", name, " does not use the jacobian (jac)."));
    const detail::NonlinResult r = detail::nonlin_solve(fun, x0, options.method, options.nonlin);
    out = {.x = r.x, .fun = r.fun, .success = r.status == 1, .status = r.status,
           .message = nonlin_message(r.status), .nfev = r.nfev, .njev = 0, .method = name, .nit = r.nit};
  } else {
    throw ValueError(cat(kWhere, ": unknown method ", static_cast<int>(options.method)));
  }
  return out;
}

Vector fsolve(const VectorFunction& fun, const Vector& x0, const RootOptions& options) {
  RootOptions hybr = options;
  hybr.method = RootMethod::hybr;
  const RootResult r = root(fun, x0, hybr);
  if (!r.success) warn(WarningCategory::runtime, "fsolve: " + r.message);  // SciPy's RuntimeWarning
  return r.x;
}

}  // namespace scilearn::optimize
