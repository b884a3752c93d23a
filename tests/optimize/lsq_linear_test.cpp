#include <boost/test/unit_test.hpp>
#include <cmath>
#include <iostream>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io.hpp>
#include <scilearn/optimize/lsq_linear.hpp>
#include <sstream>
#include <string>

#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(lsq_linear)

using namespace scilearn;
using namespace scilearn::optimize;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

Matrix load(const std::string& name) {
  return io::load_npy<double>(testing::fixture_path("optimize/lsq_linear/" + name + ".npy"));
}

Vector split(const std::string& s) {
  std::vector<double> v;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ';');) v.push_back(std::stod(item));
  return Eigen::Map<Vector>(v.data(), static_cast<Index>(v.size()));
}

// The optimality conditions of min 0.5 ||A x - b||^2, lb <= x <= ub, with
// g = A'(A x - b): inside the bounds, g = 0 on free variables, g >= 0 at a
// lower bound and g <= 0 at an upper one (to tol relative to |A| |r|).
void check_kkt(const Matrix& a, const Vector& b, const Vector& lb, const Vector& ub, const Vector& x) {
  const Vector g = a.transpose() * (a * x - b);
  const double tol = 1e-7 * (1 + a.norm() * (a * x - b).norm());
  for (Index j = 0; j < x.size(); ++j) {
    BOOST_TEST(x(j) >= lb(j));
    BOOST_TEST(x(j) <= ub(j));
    const double room = 1e-7 * (1 + std::abs(x(j)));
    if (x(j) - lb(j) <= room) {
      BOOST_TEST(g(j) >= -tol);
    } else if (ub(j) - x(j) <= room) {
      BOOST_TEST(g(j) <= tol);
    } else {
      BOOST_TEST(std::abs(g(j)) <= tol);
    }
  }
}

}  // namespace

// Against SciPy's lsq_linear (tests/reference/optimize_lsq_linear.py), both
// methods: the same status and cost (1e-10 relative: both stop at tol 1e-10
// on the optimality measure or the cost change), the same x where it is
// unique (A of full column rank: strictly convex), the optimality conditions
// always, and iteration counts printed beside SciPy's (equal for bvls, an
// exact active-set method; trf's Givens rotations and SciPy's differ in the
// last bits, so its counts may differ by one or two).
BOOST_AUTO_TEST_CASE(lsq_linear_matches_scipy) {
  int rows = 0;
  for (const auto& c : testing::read_manifest("optimize/lsq_linear/cases.csv")) {
    BOOST_TEST_REQUIRE(c.size() == 9u);
    BOOST_TEST_CONTEXT(c[0] << " " << c[1]) {
      const Matrix a = load(c[0] + "_a");
      const Vector b = load(c[0] + "_b"), lb = load(c[0] + "_lb"), ub = load(c[0] + "_ub");
      const bool bvls = c[1] == "bvls";
      const LsqLinearResult r = optimize::lsq_linear(
          a, b, {.bounds = Bounds{lb, ub}, .method = bvls ? LsqLinearMethod::bvls : LsqLinearMethod::trf});
      const int status = std::stoi(c[2]), nit = std::stoi(c[3]), rank = std::stoi(c[7]);
      const double cost = std::stod(c[4]);
      std::cout << c[0] << " " << c[1] << ": status " << r.status << " (" << status << "), nit " << r.nit << " ("
                << nit << "), cost " << r.cost << " (" << cost << ")\n";
      BOOST_TEST(r.status == status);
      BOOST_TEST(r.success);
      BOOST_TEST(std::abs(r.cost - cost) <= 1e-10 * cost);
      BOOST_TEST(r.fun.isApprox(a * r.x - b));
      if (bvls) BOOST_TEST(r.nit == nit);
      if (!bvls) BOOST_TEST(std::abs(r.nit - nit) <= 2);
      if (rank == a.cols()) BOOST_TEST((r.x - split(c[8])).cwiseAbs().maxCoeff() <= 1e-6);
      check_kkt(a, b, lb, ub, r.x);
      BOOST_TEST(r.unbounded_sol.size() == a.cols());
      ++rows;
    }
  }
  BOOST_TEST(rows == 14);
}

BOOST_AUTO_TEST_CASE(lsq_linear_limits_and_bad_input) {
  const Matrix a = load("tall_big_a");
  const Vector b = load("tall_big_b"), lb = load("tall_big_lb"), ub = load("tall_big_ub");
  const Vector a_before = a.reshaped(), b_before = b;
  for (const LsqLinearMethod m : {LsqLinearMethod::trf, LsqLinearMethod::bvls}) {
    const LsqLinearResult r = optimize::lsq_linear(a, b, {.bounds = Bounds{lb, ub}, .method = m, .max_iter = 1});
    BOOST_TEST(r.status == 0);
    BOOST_TEST(!r.success);
    BOOST_TEST(r.message == "The maximum number of iterations is exceeded.");
    BOOST_TEST((r.x.array() >= lb.array() && r.x.array() <= ub.array()).all());
  }
  BOOST_TEST(Vector(a.reshaped()) == a_before);  // inputs untouched
  BOOST_TEST(b == b_before);
  BOOST_CHECK_THROW((void)optimize::lsq_linear(a, Vector(b.head(3))), ValueError);
  BOOST_CHECK_THROW((void)optimize::lsq_linear(a, b, {.bounds = Bounds{ub, lb}}), ValueError);
  BOOST_CHECK_THROW((void)optimize::lsq_linear(a, b, {.bounds = Bounds{Vector::Zero(3), Vector::Ones(3)}}), ValueError);
  BOOST_CHECK_THROW((void)optimize::lsq_linear(a, b, {.tol = -1.0}), ValueError);
  Matrix bad = a;
  bad(0, 0) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)optimize::lsq_linear(bad, b), ValueError);
  BOOST_CHECK_THROW((void)optimize::lsq_linear(Matrix(0, 3), Vector(0)), ValueError);
  // Unbounded: the least-squares solution, status 3.
  const LsqLinearResult free = optimize::lsq_linear(a, b);
  BOOST_TEST(free.status == 3);
  BOOST_TEST(free.nit == 0);
  BOOST_TEST((free.x - free.unbounded_sol).norm() == 0.0);
  const Vector one_sided_ub = Vector::Constant(a.cols(), kInf);
  const LsqLinearResult nonneg = optimize::lsq_linear(a, b, {.bounds = Bounds{Vector::Zero(1), one_sided_ub}});
  BOOST_TEST(nonneg.success);
  BOOST_TEST((nonneg.x.array() >= 0).all());
}

BOOST_AUTO_TEST_SUITE_END()
