#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/optimize/minimize.hpp>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

BOOST_AUTO_TEST_SUITE(minimize)

using namespace scilearn;
using namespace scilearn::optimize;

namespace {

// A convex quadratic with minimum 0 at (1, -2, 3): every method must find it.
const Vector kMin = (Vector(3) << 1.0, -2.0, 3.0).finished();
double quadratic(const Vector& x) { return (x - kMin).squaredNorm() + 0.5 * (x(0) - kMin(0)) * (x(1) - kMin(1)); }
Vector quadratic_grad(const Vector& x) {
  Vector g = 2 * (x - kMin);
  g(0) += 0.5 * (x(1) - kMin(1));
  g(1) += 0.5 * (x(0) - kMin(0));
  return g;
}
const Vector kX0 = Vector::Zero(3);
const double kNan = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

double rosen(const Vector& x) { return 100 * std::pow(x(1) - x(0) * x(0), 2) + std::pow(1 - x(0), 2); }
const Vector kRosenX0 = (Vector(2) << -1.2, 1.0).finished();

}  // namespace

BOOST_AUTO_TEST_CASE(every_method_finds_a_quadratic_minimum) {
  for (Method m : {Method::bfgs, Method::cg, Method::lbfgsb, Method::nelder_mead, Method::powell}) {
    const OptimizeResult r = optimize::minimize(quadratic, kX0, {.method = m});
    BOOST_TEST(r.success, r.message);
    if (m != Method::lbfgsb) BOOST_TEST(r.message == "Optimization terminated successfully.");
    // gtol 1e-5 on the gradient (eigenvalues of the Hessian in [1.5, 2.5]) or
    // xatol 1e-4 on the simplex.
    BOOST_TEST((r.x - kMin).cwiseAbs().maxCoeff() <= (m == Method::nelder_mead ? 1e-3 : 1e-5));
    BOOST_TEST(r.nfev > 0);
  }
}

BOOST_AUTO_TEST_CASE(finite_difference_gradient_counts_its_evaluations) {
  const OptimizeResult analytic = optimize::minimize(quadratic, kX0, {.jac = quadratic_grad});
  const OptimizeResult numeric = optimize::minimize(quadratic, kX0);
  BOOST_TEST(numeric.success);
  BOOST_TEST((numeric.x - kMin).cwiseAbs().maxCoeff() <= 1e-5);
  BOOST_TEST(analytic.njev == analytic.nfev);  // one value and one gradient per trial step here
  // Each 2-point gradient costs n = 3 more values (SciPy's count).
  BOOST_TEST(numeric.nfev == numeric.njev * 3 + numeric.njev);
  BOOST_TEST(analytic.hess_inv.rows() == 3);
  // BFGS's inverse Hessian approximates the true inverse after convergence.
  Matrix hess{{2, 0.5, 0}, {0.5, 2, 0}, {0, 0, 2}};
  BOOST_TEST((analytic.hess_inv * hess - Matrix::Identity(3, 3)).cwiseAbs().maxCoeff() <= 0.2);
}

// SciPy's minimize passes its `eps` to approx_derivative as an absolute step:
// x0 - 1.2 moves to -1.2 + 1.49e-8 (not away from zero, as the relative rule
// would), and lbfgsb's default step is 1e-8.
BOOST_AUTO_TEST_CASE(finite_difference_step_is_scipys_absolute_eps) {
  for (const auto& [method, step] : {std::pair{Method::bfgs, 1.4901161193847656e-08}, {Method::lbfgsb, 1e-8}}) {
    std::vector<double> first;
    const Objective logged = [&](const Vector& x) {
      if (first.size() < 2) first.push_back(x(0));
      return quadratic(x);
    };
    (void)optimize::minimize(logged, Vector::Constant(3, -1.2), {.method = method, .maxiter = 1});
    BOOST_TEST_REQUIRE(first.size() == 2u);
    BOOST_TEST(first[1] == -1.2 + step);
  }
  std::vector<double> seen;
  const Objective logged = [&](const Vector& x) {
    seen.push_back(x(0));
    return quadratic(x);
  };
  (void)optimize::minimize(logged, kX0, {.eps = 1e-3, .maxiter = 1});
  BOOST_TEST(seen.at(1) == 1e-3);
  BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, {.eps = 0.0}), ValueError);
}

// Newton-CG with the exact Hessian, Hessian-vector products, or forward
// differences of the gradient: a convex quadratic is solved to CG accuracy,
// Hessian calls are counted (one per iteration with hess, one per product
// with hessp, none with differences), and the gradient is required.
BOOST_AUTO_TEST_CASE(newton_cg_uses_hess_hessp_or_differences) {
  const Matrix h{{2, 0.5, 0}, {0.5, 2, 0}, {0, 0, 2}};
  const Hessian hess = [&](const Vector&) { return h; };
  const HessianVectorProduct hessp = [&](const Vector&, const Vector& p) { return Vector(h * p); };
  const OptimizeResult with_hess =
      optimize::minimize(quadratic, kX0, {.method = Method::newton_cg, .jac = quadratic_grad, .hess = hess});
  const OptimizeResult with_hessp =
      optimize::minimize(quadratic, kX0, {.method = Method::newton_cg, .jac = quadratic_grad, .hessp = hessp});
  const OptimizeResult with_fd = optimize::minimize(quadratic, kX0, {.method = Method::newton_cg, .jac = quadratic_grad});
  for (const OptimizeResult* r : {&with_hess, &with_hessp, &with_fd}) {
    BOOST_TEST(r->success, r->message);
    BOOST_TEST((r->x - kMin).cwiseAbs().maxCoeff() <= 1e-5);
  }
  BOOST_TEST(with_hess.nhev == with_hess.nit);
  BOOST_TEST(with_hessp.nhev >= with_hessp.nit);
  BOOST_TEST(with_fd.nhev == 0);
  BOOST_TEST(with_fd.njev > with_hess.njev);  // each difference costs gradients
  BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, {.method = Method::newton_cg}), ValueError);
  BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, {.method = Method::newton_cg, .jac = quadratic_grad,
                                                              .bounds = Bounds{Vector::Zero(3), Vector::Ones(3)}}),
                    ValueError);
  const ObjectiveWithGradient fg = [](const Vector& x, Vector& g) {
    g = quadratic_grad(x);
    return quadratic(x);
  };
  const OptimizeResult r = optimize::minimize(fg, kX0, {.method = Method::newton_cg});
  BOOST_TEST(r.success);
  BOOST_TEST((r.x - kMin).cwiseAbs().maxCoeff() <= 1e-5);
}

BOOST_AUTO_TEST_CASE(objective_with_gradient_is_called_once_per_point) {
  int calls = 0;
  const ObjectiveWithGradient fg = [&](const Vector& x, Vector& g) {
    ++calls;
    g = quadratic_grad(x);
    return quadratic(x);
  };
  const OptimizeResult r = optimize::minimize(fg, kX0, {.method = Method::bfgs});
  BOOST_TEST(r.success);
  BOOST_TEST(calls == r.nfev);
  BOOST_TEST((r.x - kMin).cwiseAbs().maxCoeff() <= 1e-5);
  BOOST_CHECK_THROW((void)optimize::minimize(fg, kX0, {.method = Method::nelder_mead}), ValueError);
  BOOST_CHECK_THROW((void)optimize::minimize(fg, kX0, {.jac = quadratic_grad}), ValueError);
}

BOOST_AUTO_TEST_CASE(callback_can_stop_the_run) {
  for (Method m : {Method::bfgs, Method::cg, Method::lbfgsb, Method::nelder_mead, Method::powell}) {
    int seen = 0;
    const OptimizeResult r = optimize::minimize(quadratic, kX0, {.method = m, .callback = [&](const OptimizeResult& it) {
                                                                  BOOST_TEST(it.x.size() == 3);
                                                                  return ++seen == 2;
                                                                }});
    BOOST_TEST(seen == 2);
    BOOST_TEST(!r.success);
    BOOST_TEST(r.status == 99);
  }
}

BOOST_AUTO_TEST_CASE(iteration_and_evaluation_limits_end_unsuccessfully) {
  const auto rosen = [](const Vector& x) { return 100 * std::pow(x(1) - x(0) * x(0), 2) + std::pow(1 - x(0), 2); };
  const Vector x0 = (Vector(2) << -1.2, 1.0).finished();
  const OptimizeResult b = optimize::minimize(rosen, x0, {.maxiter = 3});
  BOOST_TEST(!b.success);
  BOOST_TEST(b.status == 1);
  BOOST_TEST(b.nit == 3);
  const OptimizeResult l = optimize::minimize(rosen, x0, {.method = Method::lbfgsb, .maxiter = 3});
  BOOST_TEST(l.status == 1);
  BOOST_TEST(l.nit == 3);
  BOOST_TEST(l.message == "STOP: TOTAL NO. OF ITERATIONS REACHED LIMIT");
  const OptimizeResult nm = optimize::minimize(rosen, x0, {.method = Method::nelder_mead, .maxfev = 20});
  BOOST_TEST(nm.status == 1);
  BOOST_TEST(nm.nfev == 20);
  BOOST_TEST(nm.message == "Maximum number of function evaluations has been exceeded.");
}

BOOST_AUTO_TEST_CASE(nelder_mead_stays_inside_bounds) {
  bool inside = true;
  const Vector lb = Vector::Constant(3, -1.0);
  const Vector ub = (Vector(3) << 0.5, 0.0, 10.0).finished();  // the minimum lies outside: (0.5, -1, 3) inside
  const Objective watched = [&](const Vector& x) {
    inside = inside && (x.array() >= lb.array()).all() && (x.array() <= ub.array()).all();
    return quadratic(x);
  };
  const OptimizeResult r =
      optimize::minimize(watched, Vector::Constant(3, 5.0), {.method = Method::nelder_mead, .bounds = Bounds{lb, ub}});
  BOOST_TEST(inside);
  BOOST_TEST(r.x(0) == 0.5, r.x.transpose());
  BOOST_TEST(r.x(1) == -1.0);
  BOOST_TEST(std::abs(r.x(2) - 3.0) <= 1e-3);
}

// The minimum of the quadratic outside the box: L-BFGS-B stops on the box's
// face with the projected gradient zero, and with a finite-difference
// gradient never evaluates outside (SciPy's steps respect the bounds).
BOOST_AUTO_TEST_CASE(lbfgsb_respects_bounds_with_finite_differences) {
  const Vector lb = Vector::Constant(3, -1.0);
  const Vector ub = (Vector(3) << 0.5, 0.0, 10.0).finished();
  bool inside = true;
  const Objective watched = [&](const Vector& x) {
    inside = inside && (x.array() >= lb.array()).all() && (x.array() <= ub.array()).all();
    return quadratic(x);
  };
  const OptimizeResult r =
      optimize::minimize(watched, Vector::Constant(3, 5.0), {.method = Method::lbfgsb, .bounds = Bounds{lb, ub}});
  BOOST_TEST(inside);
  BOOST_TEST(r.success, r.message);
  BOOST_TEST(r.x(0) == 0.5);
  // Minimizing over x_1 in [-1, 0] with x_0 = 0.5: the free minimum -2 -
  // 0.25 (x_0 - 1) / 2 = -1.9375 lies below -1, so x_1 = -1; x_2 = 3.
  BOOST_TEST(r.x(1) == -1.0);
  BOOST_TEST(std::abs(r.x(2) - 3.0) <= 1e-5);
  BOOST_TEST(r.message.rfind("CONVERGENCE: ", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(nan_objective_ends_with_a_status_not_a_hang) {
  const auto nan_past_two = [](const Vector& x) { return x(0) > 2 ? kNan : (x(0) - 3) * (x(0) - 3); };
  const OptimizeResult r = optimize::minimize(nan_past_two, Vector::Zero(1), {.method = Method::bfgs});
  // SciPy 1.17 ends the same way: status 2 (the line search fails on NaN) at
  // x = 2038.77 with fun NaN.
  BOOST_TEST(!r.success);
  BOOST_TEST(r.status == 2);
  BOOST_TEST(std::isnan(r.fun));
  BOOST_TEST(std::abs(r.x(0) - 2038.77) <= 0.01);
  // L-BFGS-B keeps its last finite point; SciPy 1.17 also ends "ABNORMAL: "
  // at x = 1 after 76 evaluations.
  const OptimizeResult l = optimize::minimize(nan_past_two, Vector::Zero(1), {.method = Method::lbfgsb});
  BOOST_TEST(l.status == 2);
  BOOST_TEST(l.message == "ABNORMAL: ");
  BOOST_TEST(l.x(0) == 1.0);
  BOOST_TEST(l.nfev == 76);
}

BOOST_AUTO_TEST_CASE(user_exceptions_propagate) {
  const Objective throws = [](const Vector&) -> double { throw std::domain_error("outside the model"); };
  for (Method m : {Method::bfgs, Method::cg, Method::lbfgsb, Method::nelder_mead, Method::powell}) {
    BOOST_CHECK_THROW((void)optimize::minimize(throws, kX0, {.method = m}), std::domain_error);
  }
}

// SciPy 1.17's minimize(rosen, [-1.2, 1], method='Powell'): the same
// iterates, so the same counts; one line search costs about 25 values.
BOOST_AUTO_TEST_CASE(powell_follows_scipys_iterates_on_rosenbrock) {
  const OptimizeResult r = optimize::minimize(rosen, kRosenX0, {.method = Method::powell});
  BOOST_TEST(r.success, r.message);
  BOOST_TEST(r.message == "Optimization terminated successfully.");
  BOOST_TEST(r.nfev == 607);
  BOOST_TEST(r.nit == 23);
  BOOST_TEST((r.x.array() - 1).abs().maxCoeff() <= 1e-12);
  BOOST_TEST(r.njev == 0);
  BOOST_TEST(r.direc.rows() == 2);
  BOOST_TEST(r.direc.cols() == 2);
  // tol sets xtol and ftol.
  const OptimizeResult tight = optimize::minimize(rosen, kRosenX0, {.method = Method::powell, .tol = 1e-8});
  BOOST_TEST(tight.nfev == 792);
  BOOST_TEST(tight.nit == 23);
  // A caller's direction set; SciPy returns the final set with the last
  // extrapolated steps as its rows.
  const Matrix direc{{1, 1}, {1, -1}};
  const OptimizeResult d = optimize::minimize(rosen, kRosenX0, {.method = Method::powell, .direc = direc});
  BOOST_TEST(d.success);
  BOOST_TEST(d.nfev == 404);
  BOOST_TEST(d.nit == 15);
  BOOST_TEST(std::abs(d.direc(0, 0) - 0.0017436165706388033) <= 1e-6);
  BOOST_TEST(std::abs(d.direc(0, 1) - 0.0038480190652126073) <= 1e-6);
}

// maxfev alone lifts maxiter and the reverse; an evaluation limit reached
// inside a line search abandons it (SciPy's _MaxFuncCallError), so nfev never
// passes maxfev.
BOOST_AUTO_TEST_CASE(powell_limits_end_with_scipys_status_and_message) {
  int calls = 0;
  const Objective counted = [&](const Vector& x) {
    ++calls;
    return rosen(x);
  };
  const OptimizeResult f = optimize::minimize(counted, kRosenX0, {.method = Method::powell, .maxfev = 20});
  BOOST_TEST(!f.success);
  BOOST_TEST(f.status == 1);
  BOOST_TEST(f.message == "Maximum number of function evaluations has been exceeded.");
  BOOST_TEST(f.nfev == 20);
  BOOST_TEST(calls == 20);
  BOOST_TEST(f.nit == 1);
  BOOST_TEST(f.fun == rosen(f.x));
  BOOST_TEST(std::abs(f.x(0) + 0.9949574225239424) <= 1e-12);  // SciPy's x after the first line search
  const OptimizeResult i = optimize::minimize(rosen, kRosenX0, {.method = Method::powell, .maxiter = 2});
  BOOST_TEST(!i.success);
  BOOST_TEST(i.status == 2);
  BOOST_TEST(i.message == "Maximum number of iterations has been exceeded.");
  BOOST_TEST(i.nit == 2);
  BOOST_TEST(i.nfev == 44);
}

// Bounds, finite and half-infinite (the line search then runs on arctan of
// the step): every evaluation inside, SciPy's minimum on the box and SciPy's
// counts. The quadratic's minimum (1, -2, 3) lies outside both boxes.
BOOST_AUTO_TEST_CASE(powell_stays_inside_bounds_and_reaches_the_box_minimum) {
  struct Case {
    Vector lb, ub, x_min;
    int nfev;
  };
  const std::vector<Case> cases = {
      {Vector::Constant(3, -1.0), (Vector(3) << 0.5, 0.0, 10.0).finished(), (Vector(3) << 0.5, -1.0, 3.0).finished(),
       153},
      {(Vector(3) << -1.0, -kInf, -kInf).finished(), (Vector(3) << 0.5, 0.0, kInf).finished(),
       (Vector(3) << 0.5, -1.875, 3.0).finished(), 134},
  };
  const Vector x0 = (Vector(3) << 0.25, -0.5, 5.0).finished();
  for (const Case& c : cases) {
    bool inside = true;
    const Objective watched = [&](const Vector& x) {
      inside = inside && (x.array() >= c.lb.array()).all() && (x.array() <= c.ub.array()).all();
      return quadratic(x);
    };
    const OptimizeResult r = optimize::minimize(watched, x0, {.method = Method::powell, .bounds = Bounds{c.lb, c.ub}});
    BOOST_TEST(inside);
    BOOST_TEST(r.success, r.message);
    BOOST_TEST((r.x - c.x_min).cwiseAbs().maxCoeff() <= 1e-3, r.x.transpose());
    BOOST_TEST(r.nfev == c.nfev);
  }
}

// SciPy's OptimizeWarnings: an x0 outside the bounds (the run still ends
// inside them) and a rank-deficient direction set.
BOOST_AUTO_TEST_CASE(powell_warns_as_scipy_does) {
  std::vector<std::string> seen;
  ScopedWarningHandler record([&](const Warning& w) { seen.push_back(w.message); });
  const Vector lb = Vector::Constant(3, -1.0);
  const Vector ub = (Vector(3) << 0.5, 0.0, 10.0).finished();
  const OptimizeResult r =
      optimize::minimize(quadratic, Vector::Constant(3, 5.0), {.method = Method::powell, .bounds = Bounds{lb, ub}});
  BOOST_TEST_REQUIRE(seen.size() == 1u);
  BOOST_TEST(seen[0].find("Initial guess is not within the specified bounds") != std::string::npos);
  BOOST_TEST(r.success, r.message);
  BOOST_TEST(((r.x.array() >= lb.array()).all() && (r.x.array() <= ub.array()).all()));
  BOOST_TEST(r.nfev == 253);  // SciPy's count
  seen.clear();
  const Matrix direc{{1, 0, 0}, {2, 0, 0}, {0, 0, 1}};
  const OptimizeResult d = optimize::minimize(quadratic, kX0, {.method = Method::powell, .direc = direc});
  BOOST_TEST_REQUIRE(seen.size() == 1u);
  BOOST_TEST(seen[0].find("direc input is not full rank") != std::string::npos);
  BOOST_TEST(d.x(1) == 0.0);  // no direction moves x_1
  BOOST_TEST(d.nfev == 108);
  // Both, and no direction moves x_2 back into the box: status 4, SciPy's message.
  seen.clear();
  const Matrix flat{{1, 0, 0}, {0, 1, 0}, {1, 1, 0}};
  const OptimizeResult o = optimize::minimize(quadratic, (Vector(3) << 0.0, -0.5, 12.0).finished(),
                                              {.method = Method::powell, .bounds = Bounds{lb, ub}, .direc = flat});
  BOOST_TEST(seen.size() == 2u);
  BOOST_TEST(o.status == 4);
  BOOST_TEST(!o.success);
  BOOST_TEST(o.message == "The result is outside of the provided bounds.");
  BOOST_TEST(o.x(2) == 12.0);
  BOOST_TEST(o.nfev == 132);
}

// Powell's line search on a function that is NaN past x = 2 ends, as in
// SciPy 1.17, at x = NaN after 8 evaluations and 2 iterations, status 3.
BOOST_AUTO_TEST_CASE(powell_nan_objective_ends_with_a_status_not_a_hang) {
  const auto nan_past_two = [](const Vector& x) { return x(0) > 2 ? kNan : (x(0) - 3) * (x(0) - 3); };
  const OptimizeResult r = optimize::minimize(nan_past_two, Vector::Zero(1), {.method = Method::powell});
  BOOST_TEST(!r.success);
  BOOST_TEST(r.status == 3);
  BOOST_TEST(r.message == "NaN result encountered.");
  BOOST_TEST(std::isnan(r.fun));
  BOOST_TEST(r.nfev == 8);
  BOOST_TEST(r.nit == 2);
  const OptimizeResult all =
      optimize::minimize([](const Vector&) { return kNan; }, Vector::Zero(2), {.method = Method::powell});
  BOOST_TEST(all.status == 3);
  BOOST_TEST(all.nfev == 7);
  BOOST_TEST(all.nit == 1);
}

BOOST_AUTO_TEST_CASE(powell_bad_input_is_rejected) {
  const auto powell = [](MinimizeOptions o) {
    o.method = Method::powell;
    return o;
  };
  BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, powell({.direc = Matrix::Identity(2, 2)})), ValueError);
  BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, powell({.direc = Matrix::Identity(3, 2)})), ValueError);
  Matrix nan_direc = Matrix::Identity(3, 3);
  nan_direc(1, 2) = kNan;
  BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, powell({.direc = nan_direc})), ValueError);
  BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, powell({.xtol = -1})), ValueError);
  BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, powell({.ftol = -1})), ValueError);
  BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, powell({.tol = -1})), ValueError);
  BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, powell({.maxfev = -1})), ValueError);
  BOOST_CHECK_THROW(
      (void)optimize::minimize(quadratic, kX0, powell({.bounds = Bounds{Vector::Ones(3), Vector::Zero(3)}})),
      ValueError);  // lb > ub
  const ObjectiveWithGradient fg = [](const Vector& x, Vector& g) {
    g = quadratic_grad(x);
    return quadratic(x);
  };
  BOOST_CHECK_THROW((void)optimize::minimize(fg, kX0, powell({})), ValueError);
}

BOOST_AUTO_TEST_CASE(bad_input_is_rejected) {
  Vector nan_x0 = kX0;
  nan_x0(1) = kNan;
  BOOST_CHECK_THROW((void)optimize::minimize(quadratic, nan_x0), ValueError);
  BOOST_CHECK_THROW((void)optimize::minimize(quadratic, Vector()), ValueError);
  BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, {.bounds = Bounds{Vector::Zero(3), Vector::Ones(3)}}),
                    ValueError);  // bfgs cannot handle bounds
  BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, {.method = Method::nelder_mead,
                                                              .bounds = Bounds{Vector::Ones(3), Vector::Zero(3)}}),
                    ValueError);  // lb > ub
  BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, {.c1 = 0.95}), ValueError);
  BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, {.maxiter = -1}), ValueError);
  BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, {.method = Method::lbfgsb, .maxcor = 0}), ValueError);
  BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, {.method = Method::lbfgsb, .ftol = -1}), ValueError);
  BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, {.method = Method::lbfgsb,
                                                              .bounds = Bounds{Vector::Ones(2), Vector::Ones(2)}}),
                    ValueError);  // 2 bounds for 3 variables
  BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, {.hess_inv0 = -Matrix::Identity(3, 3)}), ValueError);
  BOOST_CHECK_THROW(
      (void)optimize::minimize(quadratic, kX0, {.method = Method::nelder_mead, .initial_simplex = Matrix::Zero(3, 3)}),
      ValueError);
  const Gradient short_grad = [](const Vector&) { return Vector(Vector::Zero(2)); };
  BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, {.jac = short_grad}), ValueError);
}

// The trust methods on the quadratic (Hessian [[2, 0.5, 0], [0.5, 2, 0],
// [0, 0, 2]]): the minimum is sqrt(14) away, so the radius doubles until the
// exact model's Newton step fits. Then the limits, the callback, bad input and
// user exceptions.
BOOST_AUTO_TEST_CASE(trust_methods_limits_and_bad_input) {
  const Hessian hess = [](const Vector&) {
    Matrix h = 2 * Matrix::Identity(3, 3);
    h(0, 1) = h(1, 0) = 0.5;
    return h;
  };
  const HessianVectorProduct hessp = [&](const Vector& x, const Vector& p) { return Vector(hess(x) * p); };
  for (const Method m : {Method::trust_ncg, Method::trust_exact}) {
    BOOST_TEST_CONTEXT(static_cast<int>(m)) {
      const MinimizeOptions o{.method = m, .jac = quadratic_grad, .hess = hess};
      const OptimizeResult r = optimize::minimize(quadratic, kX0, o);
      BOOST_TEST(r.success, r.message);
      BOOST_TEST((r.x - kMin).norm() < 1e-8);  // the model is exact: the last step lands on the minimum
      BOOST_TEST(r.nhev >= 1);
      MinimizeOptions limited = o;
      limited.maxiter = 1;
      const OptimizeResult l = optimize::minimize(quadratic, kX0, limited);
      BOOST_TEST(l.status == 1);
      BOOST_TEST(l.message == "Maximum number of iterations has been exceeded.");
      limited.maxiter = 0;
      limited.callback = [](const OptimizeResult&) { return true; };
      BOOST_TEST(optimize::minimize(quadratic, kX0, limited).status == 99);
      MinimizeOptions bad = o;
      bad.eta = 0.3;
      BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, bad), ValueError);
      bad = o;
      bad.initial_trust_radius = 2000;
      BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, bad), ValueError);
      bad = o;
      bad.bounds = Bounds{Vector::Zero(1), Vector::Ones(1)};
      BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, bad), ValueError);
      bad = o;
      bad.hess = [](const Vector&) { return Matrix(Matrix::Identity(2, 2)); };
      BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, bad), ValueError);
      bad = o;
      bad.hess = [](const Vector&) -> Matrix { throw std::domain_error("hess failed"); };
      BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, bad), std::domain_error);
      BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, {.method = m, .hess = hess}), ValueError);  // no jac
      BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, {.method = m, .jac = quadratic_grad}), ValueError);
    }
  }
  // trust_ncg runs on products alone; trust_exact needs the matrix.
  const OptimizeResult p = optimize::minimize(quadratic, kX0, {.method = Method::trust_ncg, .jac = quadratic_grad,
                                                               .hessp = hessp});
  BOOST_TEST(p.success);
  BOOST_TEST((p.x - kMin).norm() < 1e-8);
  BOOST_CHECK_THROW((void)optimize::minimize(quadratic, kX0, {.method = Method::trust_exact, .jac = quadratic_grad,
                                                              .hessp = hessp}),
                    ValueError);
}

// An indefinite Hessian (a saddle of x0^2 - x1^2 + x1^4 / 4 at 0): trust_exact
// and trust_ncg's negative-curvature branch leave it for a minimum (0, +-sqrt(2)).
BOOST_AUTO_TEST_CASE(trust_methods_leave_a_saddle) {
  const Objective f = [](const Vector& x) { return x(0) * x(0) - x(1) * x(1) + std::pow(x(1), 4) / 4; };
  const Gradient g = [](const Vector& x) { return Vector{{2 * x(0), -2 * x(1) + std::pow(x(1), 3)}}; };
  const Hessian h = [](const Vector& x) { return Matrix{{2.0, 0.0}, {0.0, -2.0 + 3 * x(1) * x(1)}}; };
  for (const Method m : {Method::trust_ncg, Method::trust_exact}) {
    const OptimizeResult r = optimize::minimize(f, Vector{{0.5, 1e-3}}, {.method = m, .jac = g, .hess = h});
    BOOST_TEST(r.success, r.message);
    BOOST_TEST(std::abs(std::abs(r.x(1)) - std::sqrt(2.0)) < 1e-6);
    BOOST_TEST(std::abs(r.fun + 1.0) < 1e-10);
  }
}

// A variable fixed by lb == ub with a gradient by differences (which cannot
// step inside a zero-width box): lbfgsb and slsqp solve in the free
// variables and report NaN for the fixed one's derivative, as SciPy does
// (SciPy: x = (0.75, 0.5), fun 2.6875, L-BFGS-B in 8 evaluations); with every
// variable fixed, x = lb after one evaluation.
BOOST_AUTO_TEST_CASE(variables_fixed_by_bounds_are_removed) {
  const Objective f = [](const Vector& x) { return std::pow(x(0) - 1, 2) + std::pow(x(1) - 2, 2) + x(0) * x(1); };
  const Bounds box{Vector{{-5.0, 0.5}}, Vector{{5.0, 0.5}}};
  for (const Method m : {Method::lbfgsb, Method::slsqp}) {
    const OptimizeResult r = optimize::minimize(f, Vector{{0.0, 0.5}}, {.method = m, .bounds = box});
    BOOST_TEST(r.success, r.message);
    BOOST_TEST(std::abs(r.x(0) - 0.75) < 1e-6);
    BOOST_TEST(r.x(1) == 0.5);
    BOOST_TEST(std::isnan(r.jac(1)));
    BOOST_TEST(std::abs(r.fun - 2.6875) < 1e-12);
    if (m == Method::lbfgsb) BOOST_TEST(r.nfev == 8);
  }
  const Bounds all{Vector{{0.25, 0.5}}, Vector{{0.25, 0.5}}};
  const OptimizeResult r = optimize::minimize(f, Vector{{0.0, 0.0}}, {.method = Method::lbfgsb, .bounds = all});
  BOOST_TEST(r.success);
  BOOST_TEST(r.nfev == 1);
  BOOST_TEST(r.x == (Vector{{0.25, 0.5}}));
  BOOST_TEST(r.message == "All independent variables were fixed by bounds.");
  const std::vector<AnyConstraint> violated = {LinearConstraint{Matrix::Ones(1, 2), Vector{{1.0}}, Vector{{kInf}}}};
  const OptimizeResult v =
      optimize::minimize(f, Vector{{0.0, 0.0}}, {.method = Method::slsqp, .bounds = all, .constraints = violated});
  BOOST_TEST(!v.success);
  BOOST_TEST(std::abs(v.maxcv - 0.25) < 1e-15);
}

BOOST_AUTO_TEST_SUITE_END()
