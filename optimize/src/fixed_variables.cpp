#include "fixed_variables.hpp"

#include <cmath>
#include <limits>
#include <scilearn/core/format.hpp>
#include <type_traits>

#include "constraint_set.hpp"

namespace scilearn::optimize::detail {

Vector FixedVariables::expand(const Vector& x_free) const { return place(x_free, full_); }

Vector FixedVariables::expand(const Vector& x_free, double fill) const {
  return place(x_free, Vector::Constant(full_.size(), fill));
}

Vector FixedVariables::place(const Vector& x_free, Vector x) const {
  for (std::size_t k = 0; k < free_.size(); ++k) x(free_[k]) = x_free(static_cast<Index>(k));
  return x;
}

Vector FixedVariables::reduce(const Vector& full) const {
  Vector out(static_cast<Index>(free_.size()));
  for (std::size_t k = 0; k < free_.size(); ++k) out(static_cast<Index>(k)) = full(free_[k]);
  return out;
}

Matrix FixedVariables::reduce_columns(const Matrix& m) const {
  Matrix out(m.rows(), static_cast<Index>(free_.size()));
  for (std::size_t k = 0; k < free_.size(); ++k) out.col(static_cast<Index>(k)) = m.col(free_[k]);
  return out;
}

std::optional<FixedVariables> variables_to_remove(const MinimizeOptions& options, const Vector& x0,
                                                  bool gradient_given) {
  if (!options.bounds || (options.method != Method::lbfgsb && options.method != Method::slsqp)) return std::nullopt;
  const Index n = x0.size();
  const auto expand = [n](const Vector& v) -> std::optional<Vector> {
    if (v.size() == 1) return Vector::Constant(n, v(0));
    if (v.size() == n) return v;
    return std::nullopt;  // empty (no bound) or malformed: minimize's checks speak
  };
  const auto lb = expand(options.bounds->lb), ub = expand(options.bounds->ub);
  if (!lb || !ub) return std::nullopt;
  std::vector<Index> free;
  bool any_fixed = false;
  for (Index i = 0; i < n; ++i) {
    if ((*lb)(i) == (*ub)(i)) {
      any_fixed = true;
    } else {
      free.push_back(i);
    }
  }
  if (!any_fixed) return std::nullopt;
  bool differences = !gradient_given;
  if (options.method == Method::slsqp) {
    for (const AnyConstraint& any : options.constraints) {
      std::visit(
          [&](const auto& c) {
            if constexpr (!std::is_same_v<std::decay_t<decltype(c)>, LinearConstraint>) differences |= !c.jac;
          },
          any);
    }
  }
  if (!free.empty() && !differences) return std::nullopt;
  return FixedVariables(*lb, std::move(free));
}

MinimizeOptions reduced_options(const MinimizeOptions& options, const FixedVariables& fixed) {
  MinimizeOptions o = options;
  const Index n = fixed.lower().size();
  const auto full = [n](const Vector& v) { return v.size() == 1 ? Vector(Vector::Constant(n, v(0))) : v; };
  o.bounds = Bounds{fixed.reduce(full(options.bounds->lb)), fixed.reduce(full(options.bounds->ub))};
  if (options.jac) o.jac = [&fixed, jac = options.jac](const Vector& x) { return fixed.reduce(jac(fixed.expand(x))); };
  if (options.callback) {
    o.callback = [&fixed, cb = options.callback](const OptimizeResult& r) {
      OptimizeResult full_r = r;
      full_r.x = fixed.expand(r.x);
      return cb(full_r);
    };
  }
  o.constraints.clear();
  for (const AnyConstraint& any : options.constraints) {
    std::visit(
        [&](const auto& c) {
          using C = std::decay_t<decltype(c)>;
          if constexpr (std::is_same_v<C, LinearConstraint>) {
            // A x = A_free x_free + A_fixed x_fixed: a constraint with its Jacobian.
            const Matrix a = c.A;
            o.constraints.push_back(NonlinearConstraint{
                [&fixed, a](const Vector& x) { return Vector(a * fixed.expand(x)); },
                c.lb.size() ? c.lb : Vector::Constant(1, -std::numeric_limits<double>::infinity()),
                c.ub.size() ? c.ub : Vector::Constant(1, std::numeric_limits<double>::infinity()),
                [reduced = a.cols() == n ? fixed.reduce_columns(a) : a](const Vector&) { return reduced; }});
          } else {
            C r = c;
            r.fun = [&fixed, f = c.fun](const Vector& x) { return f(fixed.expand(x)); };
            if (c.jac) r.jac = [&fixed, j = c.jac](const Vector& x) { return fixed.reduce_columns(j(fixed.expand(x))); };
            o.constraints.push_back(std::move(r));
          }
        },
        any);
  }
  return o;
}

OptimizeResult expanded_result(OptimizeResult result, const FixedVariables& fixed) {
  result.x = fixed.expand(result.x);
  if (result.jac.size() > 0) result.jac = fixed.expand(result.jac, std::numeric_limits<double>::quiet_NaN());
  result.hess_inv.resize(0, 0);  // unknown in the full space, as SciPy says
  return result;
}

OptimizeResult all_fixed_result(double f, const FixedVariables& fixed, const MinimizeOptions& options) {
  OptimizeResult r;
  r.x = fixed.lower();
  r.fun = f;
  r.nfev = 1;
  r.success = true;
  r.status = 0;
  r.message = "All independent variables were fixed by bounds.";
  if (!options.constraints.empty()) {
    r.message = "All independent variables were fixed by bounds at values that satisfy the constraints.";
    const ConstraintSet set(options.constraints, r.x, {}, "minimize");
    r.maxcv = set.violations(r.x).maxCoeff();
    if (r.maxcv > 0) {
      r.success = false;
      r.message = cat("All independent variables were fixed by bounds, but the independent variables do not satisfy "
                      "the constraints exactly. (Maximum violation: ",
                      r.maxcv, ").");
    }
  }
  return r;
}

}  // namespace scilearn::optimize::detail
