// Minimizes Rosenbrock's function three ways, as scipy.optimize.minimize
// would: BFGS with the gradient, BFGS with finite differences, Nelder-Mead.
#include <cstdio>
#include <scilearn/optimize.hpp>

using scilearn::Vector;
namespace opt = scilearn::optimize;

int main() {
  const auto rosen = [](const Vector& x) {
    double f = 0;
    for (Eigen::Index i = 0; i + 1 < x.size(); ++i) {
      f += 100 * (x(i + 1) - x(i) * x(i)) * (x(i + 1) - x(i) * x(i)) + (1 - x(i)) * (1 - x(i));
    }
    return f;
  };
  const auto rosen_grad = [](const Vector& x) {
    Vector g = Vector::Zero(x.size());
    for (Eigen::Index i = 0; i + 1 < x.size(); ++i) {
      const double t = x(i + 1) - x(i) * x(i);
      g(i) += -400 * x(i) * t - 2 * (1 - x(i));
      g(i + 1) += 200 * t;
    }
    return g;
  };
  const Vector x0 = (Vector(5) << 1.3, 0.7, 0.8, 1.9, 1.2).finished();

  const opt::OptimizeResult bfgs = opt::minimize(rosen, x0, {.method = opt::Method::bfgs, .jac = rosen_grad});
  const opt::OptimizeResult numeric = opt::minimize(rosen, x0);  // gradient by finite differences
  const opt::OptimizeResult simplex =
      opt::minimize(rosen, x0, {.method = opt::Method::nelder_mead, .xatol = 1e-8, .fatol = 1e-8});
  for (const auto* r : {&bfgs, &numeric, &simplex}) {
    std::printf("f = %.3g after %d iterations, %d evaluations: %s\n", r->fun, r->nit, r->nfev, r->message.c_str());
  }
  return bfgs.success && numeric.success && simplex.success ? 0 : 1;
}
