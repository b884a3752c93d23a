#include "linear_model/logistic_newton_cg.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <scilearn/core/format.hpp>
#include <scilearn/core/parallel.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/optimize/detail/wolfe_line_search.hpp>

namespace scilearn::learn::detail {

namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();

// Conjugate gradients on H p = -g from p = 0, stopped when the residual's
// 1-norm is <= tol, after maxiter + 1 products, or where the curvature along
// the search direction is not clearly positive: below 16 eps |d|^2 (Royer,
// O'Neill and Wright 2019, capped CG) or negative. The Hessian is positive
// semi-definite, so a negative curvature is rounding; at the first step it
// gives scikit-learn's "steepest descent" step, later the iterate so far.
template <class XType>
Vector conjugate_gradient(LogisticLoss<XType>& loss, const Vector& g, int maxiter, double tol) {
  Vector p = Vector::Zero(g.size());
  Vector r = g;  // the residual H p + g
  Vector d = -r;
  Vector Hd(g.size());
  double rr = r.squaredNorm();
  double d_norm2 = rr;  // |d|^2, updated as |r|^2 + beta^2 |d_old|^2
  for (int i = 0; i <= maxiter; ++i) {
    if (r.lpNorm<1>() <= tol) break;
    loss.hessp(d, Hd);
    const double curvature = d.dot(Hd);
    if (curvature >= 0 && curvature <= 16 * kEps * d_norm2) break;
    if (curvature < 0) {
      if (i == 0) p += rr / curvature * d;
      break;
    }
    const double alpha = rr / curvature;
    p += alpha * d;
    r += alpha * Hd;
    const double rr_new = r.squaredNorm();
    const double beta = rr_new / rr;
    d = -r + beta * d;
    d_norm2 = rr_new + beta * beta * d_norm2;
    rr = rr_new;
  }
  return p;
}

}  // namespace

template <class XType>
Index solve_newton_cg(LogisticLoss<XType>& loss, Vector& x, int max_iter, double tol) {
  // Our blocks run on the BLAS pool's threads, each block's products on one BLAS thread.
  const BlasThreadLimit limit(1);
  const optimize::ObjectiveWithGradient fun = [&loss](const Vector& v, Vector& g) { return loss(v, g); };
  Vector grad(x.size());
  double value = fun(x, grad);
  // SciPy's "no previous value": the first trial step is 1.
  double previous_value = std::numeric_limits<double>::infinity();
  Index k = 0;
  while (k < max_iter) {
    if (grad.cwiseAbs().maxCoeff() <= tol) break;
    // The forcing term min(1/2, sqrt(|g|_1)) makes the convergence superlinear.
    const double g_l1 = grad.lpNorm<1>();
    loss.set_curvature(x);
    const Vector step = conjugate_gradient(loss, grad, 200, std::min(0.5, std::sqrt(g_l1)) * g_l1);
    std::optional<optimize::detail::WolfeLineStep> found =
        optimize::detail::line_search_wolfe1(fun, x, step, grad, value, previous_value);
    if (!found) {
      // scikit-learn's fallback (from its Newton-Cholesky line search): the
      // full step when it changes the objective by no more than rounding
      // (16 eps |f|) and shrinks the gradient's 1-norm.
      Vector g_new(x.size());
      const Vector x_new = x + step;
      const double f_new = fun(x_new, g_new);
      if (std::abs(f_new - value) <= std::abs(value * 16 * kEps) && g_new.lpNorm<1>() < g_l1)
        found = optimize::detail::WolfeLineStep{1.0, f_new, std::move(g_new)};
    }
    if (!found) found = optimize::detail::line_search_wolfe2(fun, x, step, grad, value, previous_value);
    if (!found) {
      warn(WarningCategory::user, "Line Search failed");
      break;
    }
    previous_value = value;
    value = found->f;
    x = Vector(x + found->alpha * step);  // as the line search formed the point of found->grad
    grad = std::move(found->grad);
    ++k;
  }
  if (k >= max_iter)
    warn(WarningCategory::convergence,
         cat("newton-cg failed to converge at loss = ", value, ". Increase the number of iterations."));
  return k;
}

template Index solve_newton_cg(LogisticLoss<MatrixView>&, Vector&, int, double);
template Index solve_newton_cg(LogisticLoss<CsrMatrix>&, Vector&, int, double);

}  // namespace scilearn::learn::detail
