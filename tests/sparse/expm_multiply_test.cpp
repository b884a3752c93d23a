// expm_multiply against SciPy 1.17 (tests/reference/sparse_expm_multiply.py,
// which checks SciPy's values against scipy.linalg.expm): both truncate the
// Taylor series at 2^-53 of the sum, so they agree to rounding.
#include <boost/test/unit_test.hpp>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/sparse/expm_multiply.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "problems.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(expm_multiply_suite)

using namespace scilearn;
using namespace scilearn::sparse;

namespace {

Matrix rhs(Index n, Index k) {
  Matrix b(n, k);
  for (Index i = 0; i < n; ++i) {
    for (Index j = 0; j < k; ++j) b(i, j) = 1.0 + static_cast<double>((i + 3 * j) % 5);
  }
  return b;
}

}  // namespace

// The results have entries up to e^(||A|| / 2); the truncated series and the
// s products carry s m eps relative rounding: 1e-12 of the largest entry.
BOOST_AUTO_TEST_CASE(matches_scipy) {
  const auto rows = testing::read_manifest("sparse/expm_multiply/cases.csv");
  BOOST_TEST_REQUIRE(rows.size() == 6u);
  for (const auto& c : rows) {
    BOOST_TEST_CONTEXT(c[0]) {
      const int nx = std::stoi(c[2]);
      const double scale = std::stod(c[3]);
      const CsrMatrix a = scale * (c[1] == "poisson" ? testing::poisson2d(nx) : testing::convection_diffusion(nx));
      const Matrix b = rhs(a.rows(), std::stoi(c[4]));
      std::istringstream in(c[5]);
      std::vector<double> values;
      for (double v; in >> v;) values.push_back(v);
      BOOST_TEST_REQUIRE(values.size() == static_cast<std::size_t>(b.size()));
      const Eigen::Map<const Matrix> want(values.data(), b.rows(), b.cols());
      const Matrix got = expm_multiply(a, b);
      BOOST_TEST((got - want).cwiseAbs().maxCoeff() <= 1e-12 * want.cwiseAbs().maxCoeff());
      const Matrix from_csc = expm_multiply(CscMatrix(a), b, {.traceA = Matrix(a).trace()});
      BOOST_TEST((from_csc - want).cwiseAbs().maxCoeff() <= 1e-12 * want.cwiseAbs().maxCoeff());
    }
  }
}

BOOST_AUTO_TEST_CASE(closed_forms_and_bad_input) {
  constexpr double nan = std::numeric_limits<double>::quiet_NaN();
  // exp(c I) b = e^c b, and exp(0) b = b
  CsrMatrix scaled_identity(5, 5);
  scaled_identity.setIdentity();
  scaled_identity *= 0.75;
  const Vector b = Vector::LinSpaced(5, 1.0, 5.0);
  BOOST_TEST((expm_multiply(scaled_identity, b) - std::exp(0.75) * b).norm() <= 1e-15 * b.norm() * std::exp(0.75));
  BOOST_TEST((expm_multiply(CsrMatrix(5, 5), b) - b).norm() == 0.0);
  const CsrMatrix a = testing::poisson2d(3);
  BOOST_CHECK_THROW((void)expm_multiply(testing::rectangular(4, 3), Vector::Ones(4)), ValueError);
  BOOST_CHECK_THROW((void)expm_multiply(a, Vector::Ones(8)), ValueError);
  Vector bad = Vector::Ones(9);
  bad(1) = nan;
  BOOST_CHECK_THROW((void)expm_multiply(a, bad), ValueError);
  BOOST_CHECK_THROW((void)expm_multiply(a, Vector::Ones(9), {.traceA = nan}), ValueError);
  BOOST_TEST(expm_multiply(CsrMatrix(0, 0), Vector(0)).size() == 0);
}

BOOST_AUTO_TEST_SUITE_END()
