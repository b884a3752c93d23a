#include <boost/test/unit_test.hpp>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <map>
#include <scilearn/core/errors.hpp>
#include <scilearn/optimize/minimize.hpp>
#include <stdexcept>
#include <string>

#include "hs_constrained.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(minimize_constrained)

using namespace scilearn;
using namespace scilearn::optimize;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// One row of tests/data/optimize/constrained/results.csv.
struct Reference {
  double f_star, fun;
  int nfev, njev, nit, status;
};

std::map<std::pair<std::string, std::string>, Reference> read_references() {
  std::map<std::pair<std::string, std::string>, Reference> refs;
  for (const auto& c : testing::read_manifest("optimize/constrained/results.csv")) {
    BOOST_TEST_REQUIRE(c.size() == 10u);
    refs[{c[0], c[2]}] = {std::stod(c[3]), std::stod(c[4]), std::stoi(c[5]),
                          std::stoi(c[6]), std::stoi(c[7]), std::stoi(c[8])};
  }
  BOOST_TEST_REQUIRE(refs.size() == 39u);
  return refs;
}

Vector vec(std::initializer_list<double> v) { return testing::hs_constrained::vec(v); }

}  // namespace

// Every problem with slsqp and trust_constr (exact objective gradient,
// constraint Jacobians by differences) and cobyla (no derivatives): SciPy's
// outcome (trust_constr stops at maxiter on hs26, as SciPy's does), a
// feasible x, and f as close to the published minimum as SciPy gets (within
// 10 times its distance, or 1e-7 relative: the published values carry 8-10
// digits). Evaluations are printed beside SciPy's.
BOOST_AUTO_TEST_CASE(hock_schittkowski_problems) {
  const auto refs = read_references();
  std::cout << "HS constrained: problem method  nfev (SciPy)  njev (SciPy)  fun - f*\n";
  std::map<std::string, std::pair<int, int>> totals;  // method -> ours, SciPy's
  for (const auto& p : testing::hs_constrained::problems()) {
    for (const Method method : {Method::slsqp, Method::cobyla, Method::trust_constr}) {
      const bool slsqp = method == Method::slsqp, cobyla = method == Method::cobyla;
      const std::string name = slsqp ? "slsqp" : cobyla ? "cobyla" : "trust_constr";
      BOOST_TEST_CONTEXT(p.name << " " << name) {
        const Reference& ref = refs.at({p.name, name});
        MinimizeOptions o{.method = method, .bounds = p.bounds, .constraints = p.constraints};
        if (!cobyla) o.jac = p.grad;
        const OptimizeResult r = minimize(p.f, p.x0, o);
        const bool scipy_success = method == Method::trust_constr ? ref.status == 1 || ref.status == 2 : ref.status == 0;
        BOOST_TEST(r.success == scipy_success, r.message);
        BOOST_TEST(r.fun == p.f(r.x));
        const double tol = std::max(10 * std::abs(ref.fun - p.f_star), 1e-7 * (1 + std::abs(p.f_star)));
        BOOST_TEST(std::abs(r.fun - p.f_star) <= tol, "fun " << r.fun << ", SciPy's " << ref.fun);
        // slsqp stops at a total violation below ftol = 1e-6; cobyla's
        // success needs only catol = 2e-4, but it gets as close as slsqp;
        // trust_constr's barrier leaves x strictly inside.
        BOOST_TEST(r.maxcv <= 1e-6);
        if (method == Method::trust_constr && r.status != ref.status) {
          BOOST_TEST((r.status == 1 || r.status == 2), "status " << r.status << ", SciPy's " << ref.status);
        }
        if (p.bounds) {  // one-entry bounds apply to every component
          const auto& b = *p.bounds;
          for (Index i = 0; i < r.x.size(); ++i) {
            BOOST_TEST(r.x(i) >= b.lb(b.lb.size() == 1 ? 0 : i));
            BOOST_TEST(r.x(i) <= b.ub(b.ub.size() == 1 ? 0 : i));
          }
        }
        // NLopt's COBYLA is Powell's 1994 code; SciPy's PRIMA needs fewer values.
        // trust_constr's path is sensitive to rounding: with OpenBLAS's Zen
        // kernels hs12 takes 51 evaluations to SciPy's 16 (2x + 10 elsewhere).
        const Index factor = cobyla || method == Method::trust_constr ? 3 : 2;
        BOOST_TEST(r.nfev <= factor * ref.nfev + 10);
        if (slsqp) BOOST_TEST(r.njev <= 2 * ref.njev + 10);
        totals[name].first += r.nfev;
        totals[name].second += ref.nfev;
        std::cout << "  " << std::setw(5) << p.name << " " << std::setw(6) << name << " " << std::setw(5) << r.nfev
                  << " (" << std::setw(3) << ref.nfev << ") " << std::setw(5) << r.njev << " (" << std::setw(3)
                  << ref.njev << ")  " << r.fun - p.f_star << "\n";
      }
    }
  }
  for (const auto& [method, t] : totals) {
    std::cout << "  total nfev " << method << " " << t.first << " (SciPy " << t.second << ")\n";
  }
}

// The three spellings of one constraint set give one answer: HS35's
// x1 + x2 + 2 x3 <= 3 as a LinearConstraint, a NonlinearConstraint and a
// dictionary inequality (with its Jacobian), the bound x >= 0 as Bounds.
BOOST_AUTO_TEST_CASE(constraint_spellings_agree) {
  const auto p = testing::hs_constrained::problems()[8];
  BOOST_TEST_REQUIRE(p.name == "hs35");
  const Matrix a = (Matrix(1, 3) << 1.0, 1.0, 2.0).finished();
  int jac_calls = 0;
  const std::vector<std::vector<AnyConstraint>> spellings = {
      {LinearConstraint{a, vec({-kInf}), vec({3.0})}},
      {NonlinearConstraint{[&](const Vector& x) { return Vector(a * x); }, vec({-kInf}), vec({3.0}), {}}},
      {Constraint{ConstraintType::ineq, [&](const Vector& x) { return Vector(vec({3.0}) - a * x); },
                  [&](const Vector&) {
                    ++jac_calls;
                    return Matrix(-a);
                  }}},
  };
  for (const auto& constraints : spellings) {
    const OptimizeResult r =
        minimize(p.f, p.x0, {.method = Method::slsqp, .jac = p.grad, .bounds = p.bounds, .constraints = constraints});
    BOOST_TEST(r.success);
    BOOST_TEST((r.x - vec({4.0 / 3.0, 7.0 / 9.0, 4.0 / 9.0})).cwiseAbs().maxCoeff() < 1e-6);
  }
  BOOST_TEST(jac_calls > 0);  // the user's Jacobian replaced the differences
}

// SLSQP with an objective that returns its gradient, and without any
// gradient (differences, SciPy's default): same minimum.
BOOST_AUTO_TEST_CASE(slsqp_gradient_forms) {
  const auto p = testing::hs_constrained::problems()[11];
  BOOST_TEST_REQUIRE(p.name == "hs71");
  const ObjectiveWithGradient both = [&](const Vector& x, Vector& g) {
    g = p.grad(x);
    return p.f(x);
  };
  const MinimizeOptions o{.method = Method::slsqp, .bounds = p.bounds, .constraints = p.constraints};
  const OptimizeResult with = minimize(both, p.x0, o);
  const OptimizeResult without = minimize(p.f, p.x0, o);
  BOOST_TEST(with.success);
  BOOST_TEST(without.success);
  BOOST_TEST(std::abs(with.fun - 17.0140173) < 1e-6);
  BOOST_TEST(std::abs(without.fun - 17.0140173) < 1e-6);
  BOOST_TEST(without.nfev > without.njev * 4);  // each difference gradient costs n = 4 values
  BOOST_TEST((with.jac - p.grad(with.x)).norm() == 0.0);
}

// Limits, stops and failures end with SciPy's statuses, never a throw.
BOOST_AUTO_TEST_CASE(limits_and_failures) {
  const auto p = testing::hs_constrained::problems()[1];  // hs7
  MinimizeOptions o{.method = Method::slsqp, .jac = p.grad, .constraints = p.constraints, .maxiter = 2};
  OptimizeResult r = minimize(p.f, p.x0, o);
  BOOST_TEST(!r.success);
  BOOST_TEST(r.status == 9);
  BOOST_TEST(r.message == "Iteration limit reached");
  BOOST_TEST(r.nit == 2);

  o.maxiter = 0;
  int calls = 0;
  o.callback = [&](const OptimizeResult& it) {
    BOOST_TEST(it.nit == calls + 1);
    return ++calls == 3;
  };
  r = minimize(p.f, p.x0, o);
  BOOST_TEST(r.status == 99);
  BOOST_TEST(calls == 3);

  r = minimize(p.f, p.x0, {.method = Method::cobyla, .constraints = p.constraints, .maxiter = 10});
  BOOST_TEST(!r.success);
  BOOST_TEST(r.status == 3);
  BOOST_TEST(r.nfev == 10);

  // x >= 1 and x <= 0 cannot both hold.
  const std::vector<AnyConstraint> impossible = {
      LinearConstraint{Matrix::Ones(1, 2), vec({1.0}), vec({kInf})},
      LinearConstraint{Matrix::Ones(1, 2), vec({-kInf}), vec({0.0})},
  };
  const Objective sphere = [](const Vector& x) { return x.squaredNorm(); };
  r = minimize(sphere, vec({3.0, 3.0}), {.method = Method::slsqp, .constraints = impossible});
  BOOST_TEST(!r.success);
  BOOST_TEST((r.status == 4 || r.status == 8));  // NLopt reports Kraft's mode 4 as 4 or 8
  BOOST_TEST(r.maxcv > 0.4);
  r = minimize(sphere, vec({3.0, 3.0}), {.method = Method::cobyla, .constraints = impossible});
  BOOST_TEST(!r.success);
  BOOST_TEST(r.maxcv > 0.4);  // the best compromise violates by 1/2

  // More equalities than variables: Kraft's mode 2 before any iteration.
  const std::vector<AnyConstraint> three = {LinearConstraint{Matrix::Identity(3, 2), vec({1.0}), vec({1.0})}};
  r = minimize(sphere, vec({3.0, 3.0}), {.method = Method::slsqp, .constraints = three});
  BOOST_TEST(r.status == 2);
  BOOST_TEST(!r.success);
}

// f_target stops cobyla early with status 1 and success.
BOOST_AUTO_TEST_CASE(cobyla_target) {
  const Objective sphere = [](const Vector& x) { return x.squaredNorm(); };
  const OptimizeResult r = minimize(sphere, vec({3.0, 3.0}), {.method = Method::cobyla, .f_target = 1.0});
  BOOST_TEST(r.success);
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.fun <= 1.0);
}

BOOST_AUTO_TEST_CASE(bad_input_and_exceptions) {
  const Objective sphere = [](const Vector& x) { return x.squaredNorm(); };
  const Vector x0 = vec({1.0, 2.0});
  const std::vector<AnyConstraint> ok = {LinearConstraint{Matrix::Ones(1, 2), vec({1.0}), vec({kInf})}};
  BOOST_CHECK_THROW((void)minimize(sphere, x0, {.method = Method::bfgs, .constraints = ok}), ValueError);
  BOOST_CHECK_THROW((void)minimize(sphere, x0, {.method = Method::slsqp,
                                               .constraints = {LinearConstraint{Matrix::Ones(1, 3), {}, {}}}}),
                    ValueError);
  BOOST_CHECK_THROW((void)minimize(sphere, x0, {.method = Method::slsqp,
                                               .constraints = {LinearConstraint{Matrix::Ones(1, 2), vec({2.0}),
                                                                                vec({1.0})}}}),
                    ValueError);
  const VectorFunction g = [](const Vector& x) { return Vector(x); };
  BOOST_CHECK_THROW((void)minimize(sphere, x0, {.method = Method::cobyla,
                                               .constraints = {NonlinearConstraint{g, {}, vec({1.0}), {}}}}),
                    ValueError);
  BOOST_CHECK_THROW((void)minimize(sphere, x0, {.method = Method::slsqp,
                                               .constraints = {NonlinearConstraint{g, vec({0.0, 0.0, 0.0}),
                                                                                   vec({1.0}), {}}}}),
                    ValueError);
  // A Jacobian of the wrong shape is caught, not read out of range.
  const JacobianFunction wrong = [](const Vector&) { return Matrix(Matrix::Ones(1, 2)); };
  BOOST_CHECK_THROW((void)minimize(sphere, x0, {.method = Method::slsqp,
                                               .constraints = {Constraint{ConstraintType::ineq, g, wrong}}}),
                    ValueError);
  BOOST_CHECK_THROW((void)minimize(sphere, x0, {.method = Method::cobyla, .tol = 2.0}), ValueError);
  BOOST_CHECK_THROW((void)minimize(sphere, x0, {.method = Method::cobyla, .rhobeg = 0.0}), ValueError);

  // The user's exceptions cross NLopt's C code unchanged.
  int calls = 0;
  const VectorFunction throws_later = [&](const Vector& x) {
    if (++calls > 3) throw std::runtime_error("constraint failed");
    return Vector(x);
  };
  for (const Method m : {Method::slsqp, Method::cobyla}) {
    calls = 0;
    BOOST_CHECK_THROW((void)minimize(sphere, x0, {.method = m,
                                                 .constraints = {Constraint{ConstraintType::ineq, throws_later, {}}}}),
                      std::runtime_error);
  }
  const Objective bad = [](const Vector& x) -> double {
    if (x(0) < 0.5) throw std::out_of_range("objective failed");
    return x.squaredNorm();
  };
  BOOST_CHECK_THROW((void)minimize(bad, x0, {.method = Method::cobyla}), std::out_of_range);
}

// trust_constr without constraints (the SQP with an empty Jacobian), with
// the exact Hessian or products instead of BFGS, its limits, bad options and
// exceptions.
BOOST_AUTO_TEST_CASE(trust_constr_variants_and_limits) {
  const Objective rosen = [](const Vector& x) { return 100 * std::pow(x(1) - x(0) * x(0), 2) + std::pow(1 - x(0), 2); };
  const Gradient grad = [](const Vector& x) {
    return vec({-400 * x(0) * (x(1) - x(0) * x(0)) - 2 * (1 - x(0)), 200 * (x(1) - x(0) * x(0))});
  };
  const Hessian hess = [](const Vector& x) {
    Matrix h(2, 2);
    h << 1200 * x(0) * x(0) - 400 * x(1) + 2, -400 * x(0), -400 * x(0), 200;
    return h;
  };
  const Vector x0 = vec({-1.2, 1.0});
  const OptimizeResult quasi = minimize(rosen, x0, {.method = Method::trust_constr, .jac = grad});
  const OptimizeResult exact = minimize(rosen, x0, {.method = Method::trust_constr, .jac = grad, .hess = hess});
  const OptimizeResult products = minimize(
      rosen, x0,
      {.method = Method::trust_constr, .jac = grad,
       .hessp = [&](const Vector& x, const Vector& p) { return Vector(hess(x) * p); }});
  for (const OptimizeResult* r : {&quasi, &exact, &products}) {
    BOOST_TEST(r->success, r->message);
    BOOST_TEST((r->x - vec({1.0, 1.0})).norm() < 1e-6);
  }
  BOOST_TEST(exact.nhev > 0);
  BOOST_TEST(exact.nit == products.nit);  // the same Hessian, as a matrix or as products
  BOOST_TEST(quasi.nhev == 0);

  MinimizeOptions o{.method = Method::trust_constr, .jac = grad, .maxiter = 5};
  OptimizeResult r = minimize(rosen, x0, o);
  BOOST_TEST(r.status == 0);
  BOOST_TEST(!r.success);
  BOOST_TEST(r.nit == 5);
  o.maxiter = 0;
  o.callback = [](const OptimizeResult& it) { return it.nit == 3; };
  r = minimize(rosen, x0, o);
  BOOST_TEST(r.status == 99);
  BOOST_TEST(r.nit == 3);

  o.callback = {};
  o.initial_constr_penalty = 0;
  BOOST_CHECK_THROW((void)minimize(rosen, x0, o), ValueError);
  const VectorFunction failing = [](const Vector& x) -> Vector {
    if (x(0) > 0) throw std::runtime_error("constraint failed");
    return x;
  };
  BOOST_CHECK_THROW((void)minimize(rosen, x0, {.method = Method::trust_constr, .jac = grad,
                                              .constraints = {NonlinearConstraint{failing, vec({-10.0}),
                                                                                  vec({10.0}), {}}}}),
                    std::runtime_error);
}

BOOST_AUTO_TEST_SUITE_END()
