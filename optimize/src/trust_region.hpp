#pragma once
// The trust-region minimizers of minimize (trust_ncg, trust_exact), as SciPy
// runs them (scipy/optimize/_trustregion*.py): a quadratic model of f at the
// iterate, whose values, gradient and Hessian are taken when first asked
// for (so that evaluations are counted as SciPy counts them), and a solver of
// the subproblem min m(p) subject to |p| <= radius.
#include <optional>

#include "minimize_methods.hpp"

namespace scilearn::optimize::detail {

// f, its gradient and its Hessian (or Hessian-vector products), with the
// Hessian calls counted (nhev: Hessians or products, as SciPy counts them).
// The last Hessian stays valid while no other point is evaluated, as in
// SciPy's ScalarFunction (a zero step re-evaluates nothing).
struct TrustRegionFunctions {
  ScalarObjective& objective;
  const MinimizeOptions& options;
  int nhev = 0;
  Vector last_x{};     // the point of the latest evaluation of anything
  Vector hessian_x{};  // the point of `hessian`
  Matrix hessian{};
  void touch(const Vector& x) {
    if (last_x.size() == 0 || last_x != x) last_x = x;
  }
};

class QuadraticModel {
 public:
  // eager_hessian: evaluate the Hessian now (SciPy's trust-exact model does,
  // and its ScalarFunction does at x0).
  QuadraticModel(Vector x, TrustRegionFunctions& functions, bool eager_hessian);

  const Vector& x() const { return x_; }
  double fun();
  const Vector& jac();
  double jac_mag();
  const Matrix& hess();
  Vector hessp(const Vector& p);
  // The model's value m(p) = f + g.p + p.H.p / 2.
  double operator()(const Vector& p);

  // trust_exact's memory between solves at this iterate.
  double previous_radius = -1;
  double lambda_lb = 0;

 private:
  Vector x_;
  TrustRegionFunctions* functions_;
  std::optional<double> f_{}, g_mag_{};
  std::optional<Vector> g_{};
  std::optional<Matrix> h_{};
};

struct TrustRegionStep {
  Vector p;
  bool hits_boundary = false;
};

// The two roots t_a <= t_b of |z + t d| = radius.
std::pair<double, double> boundary_intersections(const Vector& z, const Vector& d, double radius);

// Steihaug's truncated conjugate gradients (Nocedal and Wright 2006, Alg. 7.2).
TrustRegionStep solve_steihaug(QuadraticModel& m, double radius);

// Moré and Sorensen's nearly exact solution (Conn, Gould and Toint 2000,
// Alg. 7.3.6), by Cholesky factorizations of H + lambda I. Returns nothing
// when no factorization succeeded within the iteration limit.
std::optional<TrustRegionStep> solve_exact(QuadraticModel& m, double radius, int maxiter);

}  // namespace scilearn::optimize::detail
