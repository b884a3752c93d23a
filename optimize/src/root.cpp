#include <scilearn/core/validation.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/optimize/root.hpp>

#include "minpack_hybrd.hpp"
#include "minpack_lm.hpp"

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
