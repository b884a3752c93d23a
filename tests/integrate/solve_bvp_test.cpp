#include <boost/test/unit_test.hpp>
#include <cmath>
#include <map>
#include <numbers>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io/npy.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/integrate/solve_bvp.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(solve_bvp_suite)

using namespace scilearn;
using namespace scilearn::integrate;

namespace {

// The problems of tests/reference/integrate_solve_bvp.py, in the parameter
// form (problems without parameters ignore p, as SciPy's wrapper does).
Matrix bratu_fun(const Vector&, const Matrix& y, const Vector&) {
  Matrix f(2, y.cols());
  f.row(0) = y.row(1);
  f.row(1) = -y.row(0).array().exp();
  return f;
}
Vector bratu_bc(const Vector& ya, const Vector& yb, const Vector&) { return Vector{{ya(0), yb(0)}}; }

Matrix sl_fun(const Vector&, const Matrix& y, const Vector& p) {
  Matrix f(2, y.cols());
  f.row(0) = y.row(1);
  f.row(1) = -p(0) * p(0) * y.row(0);
  return f;
}
Vector sl_bc(const Vector& ya, const Vector& yb, const Vector& p) { return Vector{{ya(0), yb(0), ya(1) - p(0)}}; }
BvpFunJacobian sl_fun_jac(const Vector& x, const Matrix& y, const Vector& p) {
  BvpFunJacobian jac;
  for (Index q = 0; q < x.size(); ++q) {
    jac.df_dy.push_back(Matrix{{0, 1}, {-p(0) * p(0), 0}});
    jac.df_dp.push_back(Matrix{{0}, {-2 * p(0) * y(0, q)}});
  }
  return jac;
}
BvpBcJacobian sl_bc_jac(const Vector&, const Vector&, const Vector&) {
  return {.dbc_dya = Matrix{{1, 0}, {0, 0}, {0, 1}},
          .dbc_dyb = Matrix{{0, 0}, {1, 0}, {0, 0}},
          .dbc_dp = Matrix{{0}, {0}, {-1}}};
}

Matrix emden_fun(const Vector&, const Matrix& y, const Vector&) {
  Matrix f(2, y.cols());
  f.row(0) = y.row(1);
  f.row(1) = -y.row(0).array().pow(5);
  return f;
}
Vector emden_bc(const Vector& ya, const Vector& yb, const Vector&) { return Vector{{ya(1), yb(0) - std::sqrt(0.75)}}; }
BvpFunJacobian emden_fun_jac(const Vector& x, const Matrix& y, const Vector&) {
  BvpFunJacobian jac;
  for (Index q = 0; q < x.size(); ++q) jac.df_dy.push_back(Matrix{{0, 1}, {-5 * std::pow(y(0, q), 4), 0}});
  return jac;
}
const Matrix kEmdenS{{0, 0}, {0, -2}};

Matrix exp_fun(const Vector&, const Matrix& y, const Vector&) {
  Matrix f(2, y.cols());
  f.row(0) = y.row(1);
  f.row(1) = y.row(0);
  return f;
}
Vector exp_bc(const Vector& ya, const Vector& yb, const Vector&) { return Vector{{ya(0) - 1, yb(0)}}; }

Matrix shock_fun(const Vector& x, const Matrix& y, const Vector&) {
  constexpr double eps = 1e-3;
  constexpr double pi = std::numbers::pi;
  Matrix f(2, y.cols());
  f.row(0) = y.row(1);
  for (Index q = 0; q < x.size(); ++q) {
    f(1, q) = -(x(q) * y(1, q) + eps * pi * pi * std::cos(pi * x(q)) + pi * x(q) * std::sin(pi * x(q))) / eps;
  }
  return f;
}
Vector shock_bc(const Vector& ya, const Vector& yb, const Vector&) { return Vector{{ya(0) + 2, yb(0)}}; }

Matrix undefined_fun(const Vector&, const Matrix& y, const Vector&) { return Matrix::Zero(y.rows(), y.cols()); }
Vector undefined_bc(const Vector& ya, const Vector& yb, const Vector&) { return Vector{{ya(0), yb(0) - 1}}; }

struct Case {
  BvpFunction fun;
  BvpBoundary bc;
  Vector x;
  Matrix y;
  Vector p;
  SolveBvpOptions options;
};

Matrix with_row0(Matrix y, const Vector& row) {
  y.row(0) = row.transpose();
  return y;
}

// The cases of integrate_solve_bvp.py (cases()), by name.
std::map<std::string, Case> cases() {
  const Vector x5 = Vector::LinSpaced(5, 0, 1);
  const Vector x10 = Vector::LinSpaced(10, 0, 1);
  const Matrix zeros = Matrix::Zero(2, 5);
  const Matrix sl_doc = with_row0(zeros, Vector{{0, 1, 0, -1, 0}});
  const Matrix sl_pi = with_row0(zeros, Vector{{0, 0.7, 1, 0.7, 0}});
  Matrix emden_y(2, 10);
  emden_y.row(0).setConstant(std::sqrt(0.75));
  emden_y.row(1).setConstant(1e-4);
  return {
      {"bratu_a", {bratu_fun, bratu_bc, x5, zeros, {}, {}}},
      {"bratu_b", {bratu_fun, bratu_bc, x5, Matrix(with_row0(zeros, Vector::Constant(5, 3.0))), {}, {}}},
      {"bratu_a_tol6", {bratu_fun, bratu_bc, x5, zeros, {}, {.tol = 1e-6}}},
      {"sturm_doc", {sl_fun, sl_bc, x5, sl_doc, Vector{{6.0}}, {}}},
      {"sturm_pi", {sl_fun, sl_bc, x5, sl_pi, Vector{{3.0}}, {}}},
      {"sturm_pi_jac", {sl_fun, sl_bc, x5, sl_pi, Vector{{3.0}}, {.fun_jac = sl_fun_jac, .bc_jac = sl_bc_jac}}},
      {"emden", {emden_fun, emden_bc, x10, emden_y, {}, {.S = kEmdenS}}},
      {"emden_jac", {emden_fun, emden_bc, x10, emden_y, {}, {.S = kEmdenS, .fun_jac = emden_fun_jac}}},
      {"exp", {exp_fun, exp_bc, x5, zeros, {}, {}}},
      {"exp_tol8", {exp_fun, exp_bc, x5, zeros, {}, {.tol = 1e-8}}},
      {"shock", {shock_fun, shock_bc, Vector::LinSpaced(5, -1, 1), zeros, {}, {}}},
      {"bc_tol_zero", {exp_fun, exp_bc, x5, zeros, {}, {.bc_tol = 0.0}}},
      {"max_nodes",
       {exp_fun, exp_bc, Vector::LinSpaced(2, 0, 1), Matrix::Zero(2, 2), {}, {.tol = 1e-5, .max_nodes = 5}}},
      {"singular", {undefined_fun, undefined_bc, x5, zeros, {}, {}}},
  };
}

BvpResult run(const Case& c) { return solve_bvp(c.fun, c.bc, c.x, c.y, c.p, c.options); }

Matrix fixture(const std::string& name) {
  return io::load_npy<double>(testing::fixture_path("integrate/solve_bvp/" + name + ".npy"));
}
Vector fixture_vector(const std::string& name) {
  return io::load_npy_vector<double>(testing::fixture_path("integrate/solve_bvp/" + name + ".npy"));
}

// max |a - b| / (1 + |b|), entry by entry.
double relative_error(const Matrix& a, const Matrix& b) {
  return ((a - b).array().abs() / (1 + b.array().abs())).maxCoeff();
}

}  // namespace

BOOST_AUTO_TEST_CASE(matches_scipy_on_every_reference_case) {
  const auto problems = cases();
  const auto rows = testing::read_manifest("integrate/solve_bvp/cases.csv");
  BOOST_TEST(rows.size() == problems.size());
  for (const auto& row : rows) {
    const std::string& name = row[0];
    BOOST_TEST_CONTEXT(name) {
      const BvpResult r = run(problems.at(name));
      // Same algorithm, same refinement decisions: the counts are exact.
      BOOST_TEST(r.status == std::stoi(row[1]));
      BOOST_TEST(r.success == (r.status == 0));
      BOOST_TEST(r.niter == std::stoi(row[2]));
      BOOST_TEST(r.x.size() == std::stol(row[3]));
      BOOST_TEST(r.p.size() == std::stol(row[4]));
      if (r.x.size() != std::stol(row[3])) continue;
      // The mesh is built from the same midpoints and thirds: equal to rounding.
      BOOST_TEST(relative_error(r.x, fixture_vector(name + "_x")) <= 1e-15);
      // SuperLU (SciPy) and Eigen's SparseLU round differently, and Newton
      // stops after the same few steps short of full convergence, so the
      // iterates agree to rounding amplified by the collocation system's
      // conditioning: 3e-13 at worst (sturm_doc's yp) relative to 1 + |y|;
      // 1e-11 leaves room for other compilers and BLAS, and any change in
      // the algorithm moves the results by far more (about tol = 1e-3).
      const double tol = 1e-11;
      BOOST_TEST(relative_error(r.y, fixture(name + "_y")) <= tol);
      BOOST_TEST(relative_error(r.yp, fixture(name + "_yp")) <= tol);
      if (r.p.size() > 0) BOOST_TEST(relative_error(r.p, fixture_vector(name + "_p")) <= tol);
      const Vector grid = Vector::LinSpaced(101, r.x(0), r.x(r.x.size() - 1));
      BOOST_TEST(relative_error(r.sol(grid), fixture(name + "_sol")) <= tol);
      BOOST_TEST(relative_error(r.sol(grid, 1), fixture(name + "_dsol")) <= tol);
      // The RMS residuals are differences of nearly equal quantities (the
      // spline's slope and f), so they lose digits: compared relative to
      // tol + rms, the scale on which the solver reads them; worst 1.8e-10
      // (bratu_b), 1e-8 leaves the same room as above.
      const Vector rms = fixture_vector(name + "_rms");
      BOOST_TEST(((r.rms_residuals - rms).array().abs() / (1e-3 + rms.array())).maxCoeff() <= 1e-8);
    }
  }
}

BOOST_AUTO_TEST_CASE(bratu_has_two_solutions_from_two_guesses) {
  const auto problems = cases();
  const BvpResult low = run(problems.at("bratu_a"));
  const BvpResult high = run(problems.at("bratu_b"));
  BOOST_TEST(low.success);
  BOOST_TEST(high.success);
  // The two solutions of y'' + e^y = 0, y(0) = y(1) = 0 peak at y(1/2) =
  // 0.1405392 and 4.0914672: the closed form y = 2 ln(cosh(t/4) /
  // cosh(t (x - 1/2) / 2)) with the two roots t of t = sqrt(2) cosh(t/4)
  // (1.5171646 and 10.938703). 1e-4 is a tenth of tol: the spline's error
  // here is about 5e-6 (SciPy's value differs from the truth by as much).
  BOOST_TEST(std::abs(low.sol(0.5)(0) - 0.1405392) < 1e-4);
  BOOST_TEST(std::abs(high.sol(0.5)(0) - 4.0914672) < 1e-4);
}

BOOST_AUTO_TEST_CASE(sturm_liouville_finds_the_eigenvalue) {
  const auto problems = cases();
  for (const std::string name : {"sturm_pi", "sturm_pi_jac"}) {
    const BvpResult r = run(problems.at(name));
    BOOST_TEST(r.success);
    // k = pi, y = sin(pi x); tol = 1e-3 on the residual gives k to about 1e-4
    // (SciPy's own test asks for rtol 1e-4).
    BOOST_TEST(std::abs(r.p(0) - std::numbers::pi) < 1e-4 * std::numbers::pi);
    const Vector grid = Vector::LinSpaced(101, 0, 1);
    BOOST_TEST(
        (r.sol(grid).row(0).transpose() - (std::numbers::pi * grid).array().sin().matrix()).cwiseAbs().maxCoeff() <
        1e-4);
  }
  const BvpResult doc = run(problems.at("sturm_doc"));
  BOOST_TEST(std::abs(doc.p(0) - 2 * std::numbers::pi) < 1e-4 * 2 * std::numbers::pi);
}

BOOST_AUTO_TEST_CASE(closed_form_solutions_within_a_few_tol) {
  const auto problems = cases();
  // y'' = y, y(0) = 1, y(1) = 0 and the Emden equation y'' + 2 y' / x = -y^5
  // (singular term S): errors against the closed forms within 1e-5, SciPy's
  // own test bound, which the 4th-order method meets with tol = 1e-3.
  const Vector grid = Vector::LinSpaced(101, 0, 1);
  const Eigen::ArrayXd exp_sol = ((-grid.array()).exp() - (grid.array() - 2).exp()) / (1 - std::exp(-2.0));
  const Eigen::ArrayXd emden_sol = (1 + grid.array().square() / 3).rsqrt();
  for (const auto& [name, expected] : std::vector<std::pair<std::string, Eigen::ArrayXd>>{
           {"exp", exp_sol}, {"emden", emden_sol}, {"emden_jac", emden_sol}}) {
    BOOST_TEST_CONTEXT(name) {
      const BvpResult r = run(problems.at(name));
      BOOST_TEST(r.success);
      BOOST_TEST((r.sol(grid).row(0).transpose().array() - expected).abs().maxCoeff() < 1e-5);
    }
  }
  // With tol = 1e-8 the error shrinks with it (a few times tol).
  const BvpResult tight = run(problems.at("exp_tol8"));
  BOOST_TEST((tight.sol(grid).row(0).transpose().array() - exp_sol).abs().maxCoeff() < 5e-8);
}

BOOST_AUTO_TEST_CASE(spline_reproduces_the_mesh_values_and_slopes) {
  const BvpResult r = run(cases().at("shock"));
  // The spline is built from (y, yp) at the nodes; only the last node is
  // evaluated from the previous piece, to rounding (SciPy's test: 1e-10).
  BOOST_TEST((r.sol(r.x) - r.y).cwiseAbs().maxCoeff() < 1e-10 * (1 + r.y.cwiseAbs().maxCoeff()));
  BOOST_TEST((r.sol(r.x, 1) - r.yp).cwiseAbs().maxCoeff() < 1e-10 * (1 + r.yp.cwiseAbs().maxCoeff()));
  BOOST_TEST((r.sol.x().array() == r.x.array()).all());
  BOOST_TEST((r.sol(r.x, 4).array() == 0).all());
  BOOST_TEST(std::isnan(r.sol(std::nan(""))(0)));
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)r.sol(0.5, -1); }).find("derivative order") !=
             std::string::npos);
  BOOST_TEST(testing::message_of<ValueError>([] {
               BvpSpline(Vector::LinSpaced(3, 0, 1), Matrix::Zero(2, 3), Matrix::Zero(2, 2));
             }).find("one column per node") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(limits_end_with_status_and_message) {
  const auto problems = cases();
  const BvpResult nodes = run(problems.at("max_nodes"));
  BOOST_TEST(nodes.status == 1);
  BOOST_TEST(!nodes.success);
  BOOST_TEST(nodes.message == "The maximum number of mesh nodes is exceeded.");
  const BvpResult singular = run(problems.at("singular"));
  BOOST_TEST(singular.status == 2);
  BOOST_TEST(singular.message == "A singular Jacobian encountered when solving the collocation system.");
  // An unreachable boundary tolerance: 10 iterations, then status 3.
  const BvpResult bc = run(problems.at("bc_tol_zero"));
  BOOST_TEST(bc.status == 3);
  BOOST_TEST(bc.niter == 10);
  BOOST_TEST(bc.message == "The solver was unable to satisfy boundary conditions tolerance on iteration 10.");
}

BOOST_AUTO_TEST_CASE(no_parameter_form_matches_the_parameter_form) {
  const Vector x = Vector::LinSpaced(5, 0, 1);
  const auto fun = [](const Vector& xs, const Matrix& y) { return bratu_fun(xs, y, Vector()); };
  const auto bc = [](const Vector& ya, const Vector& yb) { return bratu_bc(ya, yb, Vector()); };
  const BvpResult r = solve_bvp(fun, bc, x, Matrix::Zero(2, 5));
  const BvpResult with_p = solve_bvp(bratu_fun, bratu_bc, x, Matrix::Zero(2, 5), Vector());
  BOOST_TEST(r.p.size() == 0);
  BOOST_TEST((r.y.array() == with_p.y.array()).all());
  BOOST_TEST(r.niter == with_p.niter);
}

BOOST_AUTO_TEST_CASE(low_tol_warns_and_is_raised) {
  int warnings = 0;
  const ScopedWarningHandler handler([&warnings](const Warning& w) {
    ++warnings;
    BOOST_TEST(w.message.find("`tol` is too low") != std::string::npos);
  });
  Case c = cases().at("exp");
  c.options.tol = 1e-20;
  c.options.max_nodes = 20;
  const BvpResult r = run(c);
  BOOST_TEST(warnings == 1);
  BOOST_TEST(r.status == 1);  // 100 eps cannot be reached on 20 nodes
}

BOOST_AUTO_TEST_CASE(bad_input_throws_value_error) {
  const Case good = cases().at("sturm_pi");
  const auto message = [&](auto edit) {
    Case c = good;
    edit(c);
    return testing::message_of<ValueError>([&] { (void)run(c); });
  };
  BOOST_TEST(message([](Case& c) { c.x(2) = c.x(1); }).find("strictly increasing") != std::string::npos);
  BOOST_TEST(message([](Case& c) {
               c.x = Vector{{0.0}};
               c.y = Matrix::Zero(2, 1);
             }).find("at least 2 nodes") != std::string::npos);
  BOOST_TEST(message([](Case& c) { c.y = Matrix::Zero(2, 4); }).find("5 columns") != std::string::npos);
  BOOST_TEST(message([](Case& c) { c.y(0, 1) = std::nan(""); }).find("`y` must contain only finite values") != std::string::npos);
  BOOST_TEST(message([](Case& c) { c.x(1) = INFINITY; }).find("`x` must contain only finite values") != std::string::npos);
  BOOST_TEST(message([](Case& c) { c.p(0) = std::nan(""); }).find("`p` must contain only finite values") != std::string::npos);
  BOOST_TEST(message([](Case& c) { c.options.S = Matrix::Zero(3, 3); }).find("`S` is expected") != std::string::npos);
  BOOST_TEST(message([](Case& c) { c.options.tol = std::nan(""); }).find("`tol` must be finite") != std::string::npos);
  BOOST_TEST(message([](Case& c) { c.bc = bratu_bc; }).find("`bc` return is expected to have shape (3, 1)") !=
             std::string::npos);
  BOOST_TEST(message([](Case& c) {
               c.fun = [](const Vector&, const Matrix& y, const Vector&) { return Matrix(y.topRows(1)); };
             }).find("`fun` return") != std::string::npos);
  BOOST_TEST(message([](Case& c) {
               c.options.fun_jac = [](const Vector&, const Matrix&, const Vector&) { return BvpFunJacobian{}; };
             }).find("`fun_jac` must return") != std::string::npos);
  BOOST_TEST(message([](Case& c) {
               c.options.bc_jac = [](const Vector&, const Vector&, const Vector&) { return BvpBcJacobian{}; };
             }).find("`bc_jac` dbc_dya") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(user_exceptions_reach_the_caller) {
  Case c = cases().at("bratu_a");
  int calls = 0;
  c.fun = [&calls](const Vector& x, const Matrix& y, const Vector& p) -> Matrix {
    if (++calls == 4) throw std::runtime_error("fun failed");
    return bratu_fun(x, y, p);
  };
  BOOST_TEST(testing::message_of<std::runtime_error>([&] { (void)run(c); }) == "fun failed");
  c = cases().at("bratu_a");
  c.bc = [](const Vector&, const Vector&, const Vector&) -> Vector { throw std::domain_error("bc failed"); };
  BOOST_TEST(testing::message_of<std::domain_error>([&] { (void)run(c); }) == "bc failed");
}

BOOST_AUTO_TEST_SUITE_END()
