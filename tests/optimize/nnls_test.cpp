#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io.hpp>
#include <scilearn/optimize/nnls.hpp>
#include <string>

#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(nnls)

using namespace scilearn;

namespace {

Matrix load(const std::string& name) { return io::load_npy<double>(testing::fixture_path("optimize/nnls/" + name + ".npy")); }

// The optimality (Karush-Kuhn-Tucker) conditions of min ||A x - b||, x >= 0,
// with w = A'(b - A x): x >= 0, w <= tol, and w = 0 where x > 0.
void check_kkt(const Matrix& a, const Vector& b, const Vector& x) {
  const Vector w = a.transpose() * (b - a * x);
  const double tol = 1e-10 * (1 + a.norm() * (b.norm() + a.norm() * x.norm()));
  BOOST_TEST((x.array() >= 0).all());
  for (Index j = 0; j < x.size(); ++j) {
    BOOST_TEST(w(j) <= tol);
    if (x(j) > 0) BOOST_TEST(std::abs(w(j)) <= tol);
  }
}

}  // namespace

// Against SciPy's nnls (tests/reference/optimize_nnls.py): the same x where
// it is unique (A of full column rank: the problem is strictly convex), the
// same residual norm everywhere, and the optimality conditions always.
BOOST_AUTO_TEST_CASE(nnls_matches_scipy) {
  int cases = 0;
  for (const auto& c : testing::read_manifest("optimize/nnls/cases.csv")) {
    BOOST_TEST_REQUIRE(c.size() == 6u);
    BOOST_TEST_CONTEXT(c[0]) {
      const Matrix a = load(c[0] + "_a");
      const Vector b = load(c[0] + "_b").col(0);
      const Vector x_ref = load(c[0] + "_x").col(0);
      const optimize::NnlsResult r = optimize::nnls(a, b);
      BOOST_TEST(r.converged);
      check_kkt(a, b, r.x);
      const double rnorm_ref = std::stod(c[3]);
      BOOST_TEST(std::abs(r.rnorm - rnorm_ref) <= 1e-10 * (1 + rnorm_ref));
      BOOST_TEST(std::abs(r.rnorm - (a * r.x - b).norm()) <= 1e-12 * (1 + rnorm_ref));
      const bool unique = std::stoi(c[5]) == a.cols();
      if (unique) BOOST_TEST((r.x - x_ref).cwiseAbs().maxCoeff() <= 1e-10 * (1 + x_ref.cwiseAbs().maxCoeff()));
      ++cases;
    }
  }
  BOOST_TEST(cases == 6);
}

BOOST_AUTO_TEST_CASE(nnls_of_a_feasible_system_is_exact) {
  const Matrix a{{1, 0}, {0, 2}, {1, 1}};
  const Vector x_true{{0.5, 0.0}};
  const optimize::NnlsResult r = optimize::nnls(a, a * x_true);
  BOOST_TEST((r.x - x_true).cwiseAbs().maxCoeff() <= 1e-14);
  BOOST_TEST(r.rnorm <= 1e-14);
  const optimize::NnlsResult negative = optimize::nnls(a, -(a * Vector{{1.0, 1.0}}));
  BOOST_TEST(negative.x.isZero());  // every gradient component negative: x = 0
}

BOOST_AUTO_TEST_CASE(nnls_reports_the_iteration_limit_and_rejects_bad_input) {
  const Matrix a = load("case3_100x30_a");
  const Vector b = load("case3_100x30_b").col(0);
  const optimize::NnlsResult r = optimize::nnls(a, b, 2);
  BOOST_TEST(!r.converged);
  BOOST_TEST(r.iterations == 2);
  BOOST_TEST((r.x.array() >= 0).all());
  BOOST_CHECK_THROW((void)optimize::nnls(a, Vector(b.head(10))), ValueError);
  Matrix bad = a;
  bad(0, 0) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)optimize::nnls(bad, b), ValueError);
  BOOST_CHECK_THROW((void)optimize::nnls(a, b, -1), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
