#include "linear_model/smooth_solvers.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <scilearn/core/format.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/optimize/minimize.hpp>
#include <string>

namespace scilearn::learn::detail {

namespace {
constexpr double kEps = std::numeric_limits<double>::epsilon();
}  // namespace

Index minimize_lbfgs(const optimize::ObjectiveWithGradient& fun, Vector& x, int max_iter, double tol,
                     std::string_view hint) {
  optimize::MinimizeOptions options;
  options.method = optimize::Method::lbfgsb;
  // SciPy stops after the first iteration when maxiter is 0; our 0 means "the default".
  options.maxiter = std::max(max_iter, 1);
  options.maxls = 50;
  options.gtol = tol;
  options.ftol = 64 * kEps;  // scikit-learn's choice: a little above rounding
  const optimize::OptimizeResult result = optimize::minimize(fun, x, options);
  x = result.x;
  const Index n_iter = std::min<Index>(result.nit, max_iter);
  if (result.status != 0) {
    std::string message = cat("lbfgs failed to converge after ", n_iter, " iteration(s) (status=", result.status,
                              "):\n", result.message, "\n");
    if (n_iter == max_iter)
      message += cat("\nIncrease the number of iterations to improve the convergence (max_iter=", max_iter, ").");
    message += hint;
    warn(WarningCategory::convergence, std::move(message));
  }
  return n_iter;
}

bool newton_line_search(const optimize::ObjectiveWithGradient& fun, const Vector& x_old, double value_old,
                        const Vector& grad_old, const Vector& step, double g_step, Vector& x, double& value,
                        Vector& grad) {
  const double beta = 0.5, sigma = 1.0 / 2048, tiny = 16 * kEps;
  double t = 1;
  double grad_old_l1 = -1;
  for (int i = 0; i < 21; ++i) {
    x = x_old + t * step;
    value = fun(x, grad);
    const double improvement = value - value_old;
    if (improvement <= t * sigma * g_step) return true;
    if (std::abs(improvement) <= std::abs(value_old * tiny)) {
      if (grad_old_l1 < 0) grad_old_l1 = grad_old.lpNorm<1>();
      if (grad.lpNorm<1>() < grad_old_l1) return true;
    }
    t *= beta;
  }
  return false;
}

void warn_ill_conditioned_hessian(Index iteration) {
  warn(WarningCategory::linalg,
       cat("The inner solver of NewtonCholeskySolver stumbled upon a singular or very ill-conditioned Hessian "
           "matrix at iteration ",
           iteration, ". It will now resort to lbfgs instead."));
}

void warn_line_search_failed(Index iteration) {
  warn(WarningCategory::convergence,
       cat("Line search of Newton solver NewtonCholeskySolver at iteration #", iteration,
           " did not converge after 21 line search refinement iterations. It will now resort to lbfgs instead."));
}

}  // namespace scilearn::learn::detail
