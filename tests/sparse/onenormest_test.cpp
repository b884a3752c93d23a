// onenormest against SciPy's with t = 1 (deterministic: Hager's method from
// the ones vector; tests/reference/sparse_onenormest.py) and against the exact
// 1-norm (the largest column sum of |A|): the estimate is a lower bound
// attained by its v; on the regular matrices it is the norm itself.
#include <boost/test/unit_test.hpp>
#include <limits>
#include <string>
#include <scilearn/core/errors.hpp>
#include <scilearn/sparse/onenormest.hpp>

#include "problems.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(onenormest_suite)

using namespace scilearn;
using namespace scilearn::sparse;

namespace {

double exact_norm1(const CsrMatrix& a) { return Matrix(a).cwiseAbs().colwise().sum().maxCoeff(); }

/// A with column j scaled by 1 + (j * 7919 mod 101) / 10: one clear largest column.
CsrMatrix uneven(int nx) {
  CsrMatrix a = testing::convection_diffusion(nx);
  for (int r = 0; r < a.outerSize(); ++r) {
    for (CsrMatrix::InnerIterator it(a, r); it; ++it) it.valueRef() *= 1.0 + ((it.col() * 7919) % 101) / 10.0;
  }
  return a;
}

}  // namespace

CsrMatrix problem(const std::string& name) {
  if (name == "poisson_20") return testing::poisson2d(20);
  if (name == "scaled_15") return testing::scaled_poisson(15);
  if (name == "convdiff_12") return testing::convection_diffusion(12);
  return uneven(15);
}

// The estimate is a sum of absolute values, exact up to the rounding of n
// terms; 1e-13 relative allows for it.
BOOST_AUTO_TEST_CASE(matches_scipy_and_bounds_the_norm) {
  const auto rows = testing::read_manifest("sparse/onenormest/cases.csv");
  BOOST_TEST_REQUIRE(rows.size() == 4u);
  for (const auto& c : rows) {
    const CsrMatrix a = problem(c[0]);
    const double scipy_t1 = std::stod(c[1]);
    const double exact = std::stod(c[2]);
    BOOST_TEST(std::abs(exact_norm1(a) - exact) <= 1e-13 * exact);
    for (const int t : {1, 2, 4}) {
      BOOST_TEST_CONTEXT(c[0] << ", t " << t) {
        const OnenormEstimate e = onenormest(a, {.t = t});
        BOOST_TEST(e.est <= exact * (1 + 1e-13));
        if (t == 1) BOOST_TEST(std::abs(e.est - scipy_t1) <= 1e-13 * exact);
        if (c[0] != "uneven_15") BOOST_TEST(std::abs(e.est - exact) <= 1e-13 * exact);
        BOOST_TEST(e.v.sum() == 1.0);
        BOOST_TEST((e.w - a * e.v).norm() <= 1e-14 * exact);
        BOOST_TEST(std::abs(e.w.lpNorm<1>() - e.est) <= 1e-13 * exact);
        BOOST_TEST(e.nmults <= 2 * 5 + 1);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(small_matrices_are_exact_and_runs_reproducible) {
  const CsrMatrix a = testing::convection_diffusion(2);  // 4 x 4
  const OnenormEstimate e = onenormest(a, {.t = 4});
  BOOST_TEST(e.est == exact_norm1(a));
  BOOST_TEST(e.nmults == 1);
  const CsrMatrix b = uneven(10);
  const OnenormEstimate e1 = onenormest(b, {.t = 3, .seed = 5});
  const OnenormEstimate e2 = onenormest(b, {.t = 3, .seed = 5});
  BOOST_TEST(e1.est == e2.est);
  BOOST_TEST(e1.nmults == e2.nmults);
  BOOST_TEST(onenormest(CsrMatrix(0, 0)).est == 0.0);
  BOOST_TEST(onenormest(CsrMatrix(5, 5)).est == 0.0);  // the zero matrix
}

BOOST_AUTO_TEST_CASE(bad_input) {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  const CsrMatrix a = testing::poisson2d(4);
  BOOST_CHECK_THROW((void)onenormest(testing::rectangular(6, 5)), ValueError);
  BOOST_CHECK_THROW((void)onenormest(a, {.t = 0}), ValueError);
  BOOST_CHECK_THROW((void)onenormest(a, {.itmax = 1}), ValueError);
  const LinearOperator no_transpose(16, 16, [&](const VectorView& x, VectorRef y) { y = a * x; });
  BOOST_CHECK_THROW((void)onenormest(no_transpose), ValueError);
  CsrMatrix with_nan = a;
  with_nan.coeffRef(3, 3) = nan;
  BOOST_CHECK_THROW((void)onenormest(with_nan), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
