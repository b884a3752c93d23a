#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io.hpp>
#include <scilearn/optimize/linprog.hpp>
#include <scilearn/optimize/milp.hpp>
#include <string>
#include <vector>

#include "support/fixtures.hpp"

using namespace scilearn;
namespace opt = scilearn::optimize;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// fun agrees to rtol 1e-9: both sides stop at a vertex (or integer point)
// whose objective they compute from x, accurate to the simplex's feasibility
// tolerance (1e-7 in both Clp and HiGHS) times the size of the duals; on
// these well-scaled problems both land on the exact vertex, so only rounding
// of c^T x separates them.
constexpr double kFunRtol = 1e-9;
// x and marginals, where unique: the same vertex, reached by different
// pivots, so rounding differs by a few ulps of the largest entry of A^-1 b.
constexpr double kXtol = 1e-8;

Matrix load(const std::string& name) {
  return io::load_npy<double>(testing::fixture_path("optimize/linprog/" + name + ".npy"));
}
Vector load_vector(const std::string& name) {
  const Matrix m = load(name);
  return Eigen::Map<const Vector>(m.data(), m.size());
}

struct Case {
  std::string name, kind;
  int status = 0;
  double fun = 0;
  bool x_unique = false, marginals_unique = false;
};

std::vector<Case> cases() {
  std::vector<Case> out;
  for (const auto& row : testing::read_manifest("optimize/linprog/cases.csv")) {
    BOOST_TEST_REQUIRE(row.size() == 7u);
    out.push_back({row[0], row[1], std::stoi(row[2]), std::stod(row[3]), row[4] == "1", row[5] == "1"});
  }
  return out;
}

IndexVector integrality_of(const std::string& name) { return load_vector(name + "_integrality").cast<int>(); }

opt::LinprogOptions linprog_problem(const std::string& name, bool sparse) {
  opt::LinprogOptions o;
  const Matrix a_ub = load(name + "_A_ub"), a_eq = load(name + "_A_eq");
  o.b_ub = load_vector(name + "_b_ub");
  o.b_eq = load_vector(name + "_b_eq");
  if (o.b_ub.size() > 0) o.A_ub = sparse ? opt::LpMatrix(SparseMatrix(a_ub.sparseView())) : opt::LpMatrix(a_ub);
  if (o.b_eq.size() > 0) o.A_eq = sparse ? opt::LpMatrix(SparseMatrix(a_eq.sparseView())) : opt::LpMatrix(a_eq);
  o.bounds = opt::Bounds{load_vector(name + "_lb"), load_vector(name + "_ub")};
  const IndexVector integ = integrality_of(name);
  if (integ.any()) o.integrality = integ;
  return o;
}

bool close(const Vector& a, const Vector& b, double tol) {
  return a.size() == b.size() && (a.size() == 0 || (a - b).cwiseAbs().maxCoeff() <= tol * (1 + b.cwiseAbs().maxCoeff()));
}

// Feasibility of x for A_ub x <= b_ub, A_eq x = b_eq, lb <= x <= ub.
void check_feasible(const opt::LinprogOptions& o, const Vector& x, double tol) {
  const Vector lb = o.bounds->lb, ub = o.bounds->ub;
  BOOST_TEST(((x - lb).array() >= -tol).all());
  BOOST_TEST(((ub - x).array() >= -tol).all());
  if (o.b_ub.size() > 0) BOOST_TEST(((o.b_ub - o.A_ub.csc() * x).array() >= -tol).all());
  if (o.b_eq.size() > 0) BOOST_TEST(((o.b_eq - o.A_eq.csc() * x).cwiseAbs().array() <= tol).all());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(linprog)

// Against SciPy's linprog (method 'highs', tests/reference/optimize_linprog.py),
// with the constraint matrices passed dense and again sparse: the same status,
// fun to kFunRtol, x where the script proved the optimum unique, and the
// marginals (SciPy's sign convention) where it proved them unique.
BOOST_AUTO_TEST_CASE(linprog_matches_scipy_dense_and_sparse) {
  int checked = 0;
  for (const Case& c : cases()) {
    if (c.kind != "linprog") continue;
    for (const bool sparse : {false, true}) {
      BOOST_TEST_CONTEXT(c.name << (sparse ? " (sparse)" : " (dense)")) {
        const opt::LinprogOptions o = linprog_problem(c.name, sparse);
        const Vector cost = load_vector(c.name + "_c");
        const opt::LinprogResult r = opt::linprog(cost, o);
        BOOST_TEST(r.status == c.status);
        BOOST_TEST(r.success == (c.status == 0));
        BOOST_TEST(!r.message.empty());
        if (c.status != 0) {
          BOOST_TEST(std::isnan(r.fun));
          BOOST_TEST(r.x.size() == 0);
          continue;
        }
        BOOST_TEST(r.message.rfind("Optimization terminated successfully.", 0) == 0);
        BOOST_TEST(std::abs(r.fun - c.fun) <= kFunRtol * (1 + std::abs(c.fun)));
        BOOST_TEST(std::abs(r.fun - cost.dot(r.x)) <= 1e-12 * (1 + std::abs(c.fun)));
        check_feasible(o, r.x, 1e-7);
        const Vector x_ref = load_vector(c.name + "_x");
        if (c.x_unique) BOOST_TEST(close(r.x, x_ref, kXtol));
        BOOST_TEST(r.slack.size() == o.b_ub.size());
        BOOST_TEST(r.con.size() == o.b_eq.size());
        BOOST_TEST(r.ineqlin.residual.size() == o.b_ub.size());
        if (!o.integrality.size()) {
          // Complementary slackness and dual feasibility in SciPy's signs.
          BOOST_TEST((r.ineqlin.marginals.array() <= 1e-9).all());
          BOOST_TEST((r.lower.marginals.array() >= 0).all());
          BOOST_TEST((r.upper.marginals.array() <= 0).all());
          BOOST_TEST(std::abs(r.ineqlin.marginals.dot(r.slack)) <= 1e-7);
          if (c.marginals_unique) {
            BOOST_TEST(close(r.ineqlin.marginals, load_vector(c.name + "_ineqlin"), kXtol));
            BOOST_TEST(close(r.eqlin.marginals, load_vector(c.name + "_eqlin"), kXtol));
            BOOST_TEST(close(r.lower.marginals, load_vector(c.name + "_lower"), kXtol));
            BOOST_TEST(close(r.upper.marginals, load_vector(c.name + "_upper"), kXtol));
          }
        } else {
          BOOST_TEST(((r.x.array() - r.x.array().round()).abs() <= 1e-6).all());
        }
        ++checked;
      }
    }
  }
  BOOST_TEST(checked == 2 * 12);
}

// The reduced costs and duals satisfy c = A^T y + lower + upper (stationarity
// of the Lagrangian) on every optimal case, unique multipliers or not.
BOOST_AUTO_TEST_CASE(linprog_marginals_satisfy_stationarity) {
  for (const Case& c : cases()) {
    if (c.kind != "linprog" || c.status != 0 || integrality_of(c.name).any()) continue;
    BOOST_TEST_CONTEXT(c.name) {
      const opt::LinprogOptions o = linprog_problem(c.name, true);
      const Vector cost = load_vector(c.name + "_c");
      const opt::LinprogResult r = opt::linprog(cost, o);
      Vector g = r.lower.marginals + r.upper.marginals;
      if (o.b_ub.size() > 0) g += o.A_ub.csc().transpose() * r.ineqlin.marginals;
      if (o.b_eq.size() > 0) g += o.A_eq.csc().transpose() * r.eqlin.marginals;
      BOOST_TEST(close(g, cost, 1e-9));
    }
  }
}

BOOST_AUTO_TEST_CASE(linprog_methods_and_presolve_agree) {
  const std::string name = "random_sparse_50x80";
  const Case ref = [&] {
    for (const Case& c : cases()) {
      if (c.name == name) return c;
    }
    throw std::runtime_error("no case " + name);
  }();
  for (const opt::LinprogMethod method :
       {opt::LinprogMethod::dual_simplex, opt::LinprogMethod::primal_simplex, opt::LinprogMethod::barrier}) {
    for (const bool presolve : {true, false}) {
      BOOST_TEST_CONTEXT("method " << static_cast<int>(method) << " presolve " << presolve) {
        opt::LinprogOptions o = linprog_problem(name, true);
        o.method = method;
        o.presolve = presolve;
        const opt::LinprogResult r = opt::linprog(load_vector(name + "_c"), o);
        BOOST_TEST(r.status == 0);
        BOOST_TEST(std::abs(r.fun - ref.fun) <= kFunRtol * (1 + std::abs(ref.fun)));
        BOOST_TEST(close(r.x, load_vector(name + "_x"), kXtol));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(linprog_scipy_doc_example) {
  const opt::LinprogResult r =
      opt::linprog(Vector{{-1.0, 4.0}}, {.A_ub = Matrix{{-3, 1}, {1, 2}},
                                         .b_ub = Vector{{6.0, 4.0}},
                                         .bounds = opt::Bounds{Vector{{-kInf, -3.0}}, Vector{{kInf}}}});
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.fun == -22.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(close(r.x, Vector{{10.0, -3.0}}, 1e-12));
  BOOST_TEST(close(r.ineqlin.marginals, Vector{{0.0, -1.0}}, 1e-12));
  BOOST_TEST(close(r.lower.marginals, Vector{{0.0, 6.0}}, 1e-12));
  BOOST_TEST(close(r.slack, Vector{{39.0, 0.0}}, 1e-12));
  BOOST_TEST(std::isinf(r.lower.residual(0)));
  BOOST_TEST(r.mip_node_count == 0);
}

BOOST_AUTO_TEST_CASE(linprog_default_bounds_are_nonnegative_and_no_rows_is_fine) {
  // min x0 - x1 with 0 <= x and x1 <= 2 from bounds only: SciPy's (0, None) default on x0.
  const opt::LinprogResult r = opt::linprog(Vector{{1.0, -1.0}}, {.bounds = opt::Bounds{Vector{{0.0}}, Vector{{5.0}}}});
  BOOST_TEST(r.status == 0);
  BOOST_TEST(close(r.x, Vector{{0.0, 5.0}}, 1e-14));
  BOOST_TEST(r.slack.size() == 0);
  BOOST_TEST(close(r.upper.marginals, Vector{{0.0, -1.0}}, 1e-14));
  const opt::LinprogResult unbounded = opt::linprog(Vector{{-1.0}});  // x >= 0 only
  BOOST_TEST(unbounded.status == 3);
  BOOST_TEST(unbounded.message.rfind("The problem is unbounded.", 0) == 0);
}

BOOST_AUTO_TEST_CASE(linprog_reports_the_iteration_limit) {
  const std::string name = "random_sparse_50x80";
  opt::LinprogOptions o = linprog_problem(name, true);
  o.maxiter = 2;
  o.presolve = false;
  const opt::LinprogResult r = opt::linprog(load_vector(name + "_c"), o);
  BOOST_TEST(r.status == 1);
  BOOST_TEST(!r.success);
  BOOST_TEST(r.message.rfind("Iteration limit reached.", 0) == 0);
  BOOST_TEST(r.nit <= 2);
}

BOOST_AUTO_TEST_CASE(linprog_rejects_bad_input_and_keeps_inputs) {
  const Vector c{{1.0, 2.0}};
  const Matrix a{{1, 1}};
  const Vector b{{1.0}};
  BOOST_CHECK_THROW((void)opt::linprog(Vector()), ValueError);
  BOOST_CHECK_THROW((void)opt::linprog(Vector{{1.0, std::nan("")}}), ValueError);
  BOOST_CHECK_THROW((void)opt::linprog(c, {.A_ub = Matrix{{1, 1, 1}}, .b_ub = b}), ValueError);  // 3 columns
  BOOST_CHECK_THROW((void)opt::linprog(c, {.A_ub = a, .b_ub = Vector{{1.0, 2.0}}}), ValueError);  // 2 rows of b
  BOOST_CHECK_THROW((void)opt::linprog(c, {.A_ub = a}), ValueError);                             // no b_ub
  BOOST_CHECK_THROW((void)opt::linprog(c, {.A_eq = Matrix{{1, std::nan("")}}, .b_eq = b}), ValueError);
  BOOST_CHECK_THROW((void)opt::linprog(c, {.A_ub = a, .b_ub = Vector{{std::nan("")}}}), ValueError);
  BOOST_CHECK_THROW((void)opt::linprog(c, {.bounds = opt::Bounds{Vector{{2.0}}, Vector{{1.0}}}}), ValueError);
  BOOST_CHECK_THROW((void)opt::linprog(c, {.bounds = opt::Bounds{Vector{{0.0, 0.0, 0.0}}, Vector{{1.0}}}}),
                    ValueError);
  BOOST_CHECK_THROW((void)opt::linprog(c, {.bounds = opt::Bounds{Vector{{kInf}}, Vector{{kInf}}}}), ValueError);
  BOOST_CHECK_THROW((void)opt::linprog(c, {.integrality = IndexVector{{2, 0}}}), ValueError);
  BOOST_CHECK_THROW((void)opt::linprog(c, {.maxiter = -1}), ValueError);
  BOOST_CHECK_THROW((void)opt::linprog(c, {.time_limit = 0}), ValueError);
  const SparseMatrix s = a.sparseView();
  const Vector c_copy = c, b_copy = b;
  const opt::LinprogResult r = opt::linprog(c, {.A_ub = -s, .b_ub = -b});  // x0 + x1 >= 1
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.fun == 1.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(c == c_copy);
  BOOST_TEST(b == b_copy);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(milp)

namespace {

opt::MilpOptions milp_problem(const std::string& name, bool sparse) {
  const Matrix a = load(name + "_A");
  opt::MilpOptions o;
  o.integrality = integrality_of(name);
  o.bounds = opt::Bounds{load_vector(name + "_lb"), load_vector(name + "_ub")};
  if (a.rows() > 0) {
    o.constraints.push_back({sparse ? opt::LpMatrix(SparseMatrix(a.sparseView())) : opt::LpMatrix(a),
                             load_vector(name + "_cl"), load_vector(name + "_cu")});
  }
  return o;
}

}  // namespace

// Against SciPy's milp (tests/reference/optimize_linprog.py): status, fun to
// kFunRtol (the optimum of an integer program is found exactly or not at
// all: the default mip_rel_gap 1e-4 is below the objective's granularity on
// every case), x where enumeration proved it unique, feasibility and
// integrality always. One exception, milp_unbounded: HiGHS's presolve cannot
// tell unbounded from infeasible there and SciPy reports status 4; Cbc
// proves the relaxation unbounded and we report 3, which SciPy documents
// for unbounded problems.
BOOST_AUTO_TEST_CASE(milp_matches_scipy) {
  int checked = 0;
  for (const Case& c : cases()) {
    if (c.kind != "milp") continue;
    for (const bool sparse : {false, true}) {
      BOOST_TEST_CONTEXT(c.name << (sparse ? " (sparse)" : " (dense)")) {
        const opt::MilpOptions o = milp_problem(c.name, sparse);
        const Vector cost = load_vector(c.name + "_c");
        const opt::MilpResult r = opt::milp(cost, o);
        const int expected = c.name == "milp_unbounded" ? 3 : c.status;
        BOOST_TEST(r.status == expected);
        BOOST_TEST(r.success == (expected == 0));
        if (expected != 0) {
          BOOST_TEST(std::isnan(r.fun));
          BOOST_TEST(r.x.size() == 0);
          continue;
        }
        BOOST_TEST(std::abs(r.fun - c.fun) <= kFunRtol * (1 + std::abs(c.fun)));
        BOOST_TEST(r.mip_gap <= 1e-4);
        BOOST_TEST(r.mip_dual_bound <= r.fun + 1e-9);
        BOOST_TEST(r.mip_node_count >= 0);
        const Vector lb = o.bounds->lb, ub = o.bounds->ub;
        BOOST_TEST(((r.x - lb).array() >= -1e-9).all());
        BOOST_TEST(((ub - r.x).array() >= -1e-9).all());
        for (const opt::MilpConstraint& con : o.constraints) {
          const Vector ax = con.A.csc() * r.x;
          BOOST_TEST(((ax - con.lb).array() >= -1e-6).all());
          BOOST_TEST(((con.ub - ax).array() >= -1e-6).all());
        }
        for (Index j = 0; j < r.x.size(); ++j) {
          if (o.integrality(j) == 1) BOOST_TEST(std::abs(r.x(j) - std::round(r.x(j))) <= 1e-6);
        }
        if (c.x_unique) BOOST_TEST(close(r.x, load_vector(c.name + "_x"), 1e-9));
        ++checked;
      }
    }
  }
  BOOST_TEST(checked == 2 * 4);
}

BOOST_AUTO_TEST_CASE(milp_scipy_doc_example) {
  const opt::MilpResult r =
      opt::milp(Vector{{0.0, -1.0}}, {.integrality = IndexVector::Ones(2),
                                      .constraints = {{Matrix{{-1, 1}, {3, 2}, {2, 3}}, Vector::Constant(3, -kInf),
                                                       Vector{{1.0, 12.0, 12.0}}}}});
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.success);
  BOOST_TEST(r.fun == -2.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(r.x(1) == 2.0, boost::test_tools::tolerance(1e-9));
  BOOST_TEST(r.message.rfind("Optimization terminated successfully.", 0) == 0);
  // Without integrality it is SciPy's LP relaxation: x = (1.8, 2.8).
  const opt::MilpResult lp = opt::milp(
      Vector{{0.0, -1.0}},
      {.constraints = {{Matrix{{-1, 1}, {3, 2}, {2, 3}}, Vector::Constant(1, -kInf), Vector{{1.0, 12.0, 12.0}}}}});
  BOOST_TEST(lp.status == 0);
  BOOST_TEST(close(lp.x, Vector{{1.8, 2.8}}, 1e-9));
}

BOOST_AUTO_TEST_CASE(milp_rejects_bad_input) {
  const Vector c{{1.0, 1.0}};
  BOOST_CHECK_THROW((void)opt::milp(Vector()), ValueError);
  BOOST_CHECK_THROW((void)opt::milp(Vector{{1.0, kInf}}), ValueError);
  BOOST_CHECK_THROW((void)opt::milp(c, {.integrality = IndexVector{{3}}}), ValueError);
  BOOST_CHECK_THROW((void)opt::milp(c, {.constraints = {{Matrix{{1, 1, 1}}, Vector{{0.0}}, Vector{{1.0}}}}}),
                    ValueError);
  BOOST_CHECK_THROW((void)opt::milp(c, {.constraints = {{Matrix{{1, 1}}, Vector{{2.0}}, Vector{{1.0}}}}}), ValueError);
  BOOST_CHECK_THROW((void)opt::milp(c, {.constraints = {{Matrix{{1, 1}}, Vector{{0.0, 0.0}}, Vector{{1.0}}}}}),
                    ValueError);
  BOOST_CHECK_THROW((void)opt::milp(c, {.node_limit = -1}), ValueError);
  BOOST_CHECK_THROW((void)opt::milp(c, {.mip_rel_gap = -1}), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
