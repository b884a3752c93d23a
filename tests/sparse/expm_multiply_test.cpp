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
      const std::vector<double> values = testing::numbers(c[5]);
      BOOST_TEST_REQUIRE(values.size() == static_cast<std::size_t>(b.size()));
      const Eigen::Map<const Matrix> want(values.data(), b.rows(), b.cols());
      const Matrix got = expm_multiply(a, b);
      BOOST_TEST((got - want).cwiseAbs().maxCoeff() <= 1e-12 * want.cwiseAbs().maxCoeff());
      const Matrix from_csc = expm_multiply(CscMatrix(a), b, {.traceA = Matrix(a).trace()});
      BOOST_TEST((from_csc - want).cwiseAbs().maxCoeff() <= 1e-12 * want.cwiseAbs().maxCoeff());
    }
  }
}

// The time grid: each point is exp(t_k A) B to the tolerance of one call,
// so the same 1e-12 of the largest entry holds (SciPy's Algorithm 5.2 in each
// of its three branches, checked there against scipy.linalg.expm).
BOOST_AUTO_TEST_CASE(time_grid_matches_scipy) {
  const auto rows = testing::read_manifest("sparse/expm_multiply/grid.csv");
  BOOST_TEST_REQUIRE(rows.size() == 5u);
  for (const auto& c : rows) {
    BOOST_TEST_CONTEXT(c[0]) {
      const CsrMatrix a =
          std::stod(c[3]) * (c[1] == "poisson" ? testing::poisson2d(std::stoi(c[2]))
                                               : testing::convection_diffusion(std::stoi(c[2])));
      const Index k = std::stoi(c[4]);
      const Matrix b = rhs(a.rows(), k);
      const ExpmMultiplyGrid grid{.start = std::stod(c[5]), .stop = std::stod(c[6]), .num = std::stoi(c[7]),
                                  .endpoint = c[8] == "1"};
      const std::vector<double> values = testing::numbers(c[9]);
      BOOST_TEST_REQUIRE(values.size() == static_cast<std::size_t>(grid.num * b.size()));
      const std::vector<Matrix> got = expm_multiply(a, b, grid);
      BOOST_TEST_REQUIRE(got.size() == static_cast<std::size_t>(grid.num));
      for (int t = 0; t < grid.num; ++t) {
        const Eigen::Map<const Matrix> want(values.data() + t * b.size(), b.rows(), b.cols());
        BOOST_TEST((got[static_cast<std::size_t>(t)] - want).cwiseAbs().maxCoeff() <=
                   1e-12 * want.cwiseAbs().maxCoeff());
      }
      if (k == 1) {  // a vector B: row t of a num x n matrix
        const Matrix path = expm_multiply(CscMatrix(a), Vector(b.col(0)), grid);
        BOOST_TEST_REQUIRE(path.rows() == grid.num);
        for (int t = 0; t < grid.num; ++t) {
          const Eigen::Map<const Vector> want(values.data() + t * b.size(), b.rows());
          BOOST_TEST((path.row(t).transpose() - want).cwiseAbs().maxCoeff() <= 1e-12 * want.cwiseAbs().maxCoeff());
        }
      }
    }
  }
}

// Backwards in time (stop < start), where SciPy's Algorithm 5.2 takes a
// negative interval length into its parameter choice and goes wrong: each
// point equals a direct call exp(t_k A) b.
BOOST_AUTO_TEST_CASE(time_grid_runs_backwards) {
  const CsrMatrix a = -1.0 * testing::poisson2d(6);
  const Vector b = rhs(a.rows(), 1).col(0);
  const Matrix path = expm_multiply(a, b, {.start = 1.0, .stop = 0.0, .num = 5});
  for (int t = 0; t < 5; ++t) {
    const double time = 1.0 - 0.25 * t;
    const Vector direct = expm_multiply(CsrMatrix(time * a), b);
    BOOST_TEST((path.row(t).transpose() - direct).cwiseAbs().maxCoeff() <= 1e-12 * direct.cwiseAbs().maxCoeff());
  }
  BOOST_TEST((path.row(4).transpose() - b).cwiseAbs().maxCoeff() <= 1e-12 * b.cwiseAbs().maxCoeff());
}

BOOST_AUTO_TEST_CASE(time_grid_bad_input) {
  constexpr double inf = std::numeric_limits<double>::infinity();
  const CsrMatrix a = testing::poisson2d(3);
  const Vector b = Vector::Ones(9);
  BOOST_CHECK_THROW((void)expm_multiply(a, b, {.num = 1}), ValueError);
  BOOST_CHECK_THROW((void)expm_multiply(a, b, {.stop = inf}), ValueError);
  BOOST_CHECK_THROW((void)expm_multiply(a, Vector::Ones(8), {.num = 3}), ValueError);
  // endpoint false: t_k = k (stop - start) / num
  const Matrix open = expm_multiply(a, b, {.stop = 1.0, .num = 4, .endpoint = false});
  const Vector at_075 = expm_multiply(CsrMatrix(0.75 * a), b);
  BOOST_TEST((open.row(3).transpose() - at_075).cwiseAbs().maxCoeff() <= 1e-12 * at_075.cwiseAbs().maxCoeff());
  BOOST_TEST(expm_multiply(CsrMatrix(0, 0), Vector(0), {.num = 3}).rows() == 3);
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
