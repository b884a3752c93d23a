#pragma once
// Bounds as the optimizers check them (SciPy's standardize_bounds): lb and
// ub of n entries each.
#include <optional>
#include <scilearn/optimize/minimize.hpp>

namespace scilearn::optimize::detail {

/// b's lb and ub with one entry expanded to all n and a missing side (or no
/// b at all) as -inf / +inf. Throws ValueError (naming `where`) on a size
/// other than 0, 1 or n, on NaN, and on lb > ub (strict: lb >= ub).
Bounds expanded_bounds(const std::optional<Bounds>& b, Index n, const char* where, bool strict);

}  // namespace scilearn::optimize::detail
