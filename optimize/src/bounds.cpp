#include "bounds.hpp"

#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/format.hpp>

namespace scilearn::optimize::detail {

Bounds expanded_bounds(const std::optional<Bounds>& b, Index n, const char* where, bool strict) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  if (!b) return {Vector::Constant(n, -inf), Vector::Constant(n, inf)};
  const auto expand = [&](const Vector& v, const char* name, double free) -> Vector {
    if (v.size() == 0) return Vector::Constant(n, free);
    if (v.size() == 1) return Vector::Constant(n, v(0));
    if (v.size() != n) throw ValueError(cat(where, ": bounds.", name, " has ", v.size(), " entries, expected 1 or ", n));
    return v;
  };
  Bounds out{expand(b->lb, "lb", -inf), expand(b->ub, "ub", inf)};
  if (out.lb.hasNaN() || out.ub.hasNaN()) throw ValueError(cat(where, ": bounds contain NaN"));
  for (Index i = 0; i < n; ++i) {
    if (strict ? out.lb(i) >= out.ub(i) : out.lb(i) > out.ub(i)) {
      throw ValueError(cat(where, ": bounds.lb(", i, ") = ", out.lb(i), strict ? " >= " : " > ", "bounds.ub(", i,
                           ") = ", out.ub(i), strict ? "; each lower bound must be strictly less than its upper bound"
                                                     : ""));
    }
  }
  return out;
}

}  // namespace scilearn::optimize::detail
