#pragma once
// The methods behind minimize(). Each receives validated input and options
// whose method defaults (maxiter, tol) are already resolved.

#include <scilearn/optimize/minimize.hpp>

#include "scalar_objective.hpp"

namespace scilearn::optimize::detail {

// SciPy's _status_message texts, so that users can match on them.
inline constexpr const char* kMessageSuccess = "Optimization terminated successfully.";
inline constexpr const char* kMessageMaxfev = "Maximum number of function evaluations has been exceeded.";
inline constexpr const char* kMessageMaxiter = "Maximum number of iterations has been exceeded.";
inline constexpr const char* kMessagePrecisionLoss = "Desired error not necessarily achieved due to precision loss.";
inline constexpr const char* kMessageNan = "NaN result encountered.";

// The gradient norm of SciPy's vecnorm: max |g_i| for inf, min for -inf.
double vector_norm(const Vector& g, double order);

OptimizeResult minimize_bfgs(ScalarObjective& objective, const Vector& x0, const MinimizeOptions& options);
OptimizeResult minimize_cg(ScalarObjective& objective, const Vector& x0, const MinimizeOptions& options);
OptimizeResult minimize_nelder_mead(const Objective& fun, const Vector& x0, const MinimizeOptions& options);

}  // namespace scilearn::optimize::detail
