#pragma once
// The rules quad_vec applies to one subinterval (private to the module), with
// SciPy's error estimate (QUADPACK's, in the chosen norm) and rounding-error
// estimate. The integrand passed in may return an empty vector for "zero"
// (the variable maps of infinite ranges do, where 1/t^2 would overflow).

#include <functional>
#include <scilearn/core/types.hpp>
#include <scilearn/integrate/quad.hpp>

namespace scilearn::integrate::detail {

// f(x) as the rules see it: an empty vector stands for zero.
using SampledIntegrand = std::function<Vector(double x)>;

// A rule's result on [a, b]: the integral (empty: zero), the error estimate
// and the rounding-error estimate.
struct RuleEstimate {
  Vector integral{};
  double error = 0;
  double rounding = 0;
};

// The norm of quad_vec's error estimates (empty: 0).
[[nodiscard]] double vec_norm(const Vector& v, QuadVecNorm norm);

// acc += s v, where an empty vector is zero (either side).
void add_scaled(Vector& acc, double s, const Vector& v);

// The rule `rule` (gk21, gk15 or trapezoid) on [a, b] (b < a allowed).
[[nodiscard]] RuleEstimate apply_rule(QuadVecRule rule, const SampledIntegrand& f, double a, double b,
                                      QuadVecNorm norm);

}  // namespace scilearn::integrate::detail
