#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <numbers>
#include <optional>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io/npy.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/integrate/sample.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(sample)

using namespace scilearn;
namespace si = scilearn::integrate;

namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// The fixtures of tests/reference/integrate_sample.py: every array is a slice
// of pool.npy given by (offset, rows, cols) cells of a manifest row, 2-D
// arrays in row-major order.
class Pool {
 public:
  Pool() : pool_(io::load_npy_vector<double>(testing::fixture_path("integrate/sample/pool.npy"))) {}

  [[nodiscard]] Matrix matrix(const std::vector<std::string>& row, std::size_t first) const {
    const Index offset = std::stol(row[first]);
    const Index rows = std::stol(row[first + 1]);
    const Index cols = std::stol(row[first + 2]);
    BOOST_REQUIRE(offset + rows * cols <= pool_.size());
    return Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
        pool_.data() + offset, rows, cols);
  }
  [[nodiscard]] Vector vector(const std::vector<std::string>& row, std::size_t first) const {
    return matrix(row, first).reshaped();
  }

 private:
  Vector pool_;
};

// What a rule may differ from SciPy's result by: both evaluate the same
// formula, but NumPy sums pairwise and we sum in order, so each sum of n
// terms may differ by about n ulps of the sum of the terms' magnitudes (plus
// a few ulps for the products inside each term). The terms are bounded by
// max|width| * |y| times the rule's largest weight (Simpson's 4/3, the
// non-uniform Simpson and cumulative Simpson weights within a factor 3 for
// the widths the script draws): scale = 3 max|width| sum|y| + |initial|.
double scale_of(const Matrix& y, const Vector* x, double dx, std::optional<double> initial) {
  double width = std::abs(dx);
  if (x != nullptr && x->size() > 1) {
    width = (x->tail(x->size() - 1) - x->head(x->size() - 1)).cwiseAbs().maxCoeff();
  }
  return 3 * width * y.cwiseAbs().sum() + (initial ? std::abs(*initial) : 0.0);
}

struct RuleCall {
  std::string function;
  std::optional<Vector> x;
  double dx;
  std::optional<int> axis;  // none: the Vector overload
  std::optional<double> initial;
};

Matrix as_matrix(double value) { return Matrix::Constant(1, 1, value); }
Matrix as_matrix(const Vector& v) { return v; }

// One manifest row through our function.
Matrix run_vector(const RuleCall& c, const Vector& y) {
  const Vector* x = c.x ? &*c.x : nullptr;
  if (c.function == "trapezoid") return as_matrix(x ? si::trapezoid(y, *x) : si::trapezoid(y, c.dx));
  if (c.function == "simpson") return as_matrix(x ? si::simpson(y, *x) : si::simpson(y, c.dx));
  if (c.function == "romb") return as_matrix(si::romb(y, c.dx));
  if (c.function == "cumulative_trapezoid") {
    return as_matrix(x ? si::cumulative_trapezoid(y, *x, c.initial) : si::cumulative_trapezoid(y, c.dx, c.initial));
  }
  if (c.function == "cumulative_simpson") {
    return as_matrix(x ? si::cumulative_simpson(y, *x, c.initial) : si::cumulative_simpson(y, c.dx, c.initial));
  }
  throw std::logic_error("unknown function " + c.function);
}

Matrix run_matrix(const RuleCall& c, const Matrix& y) {
  const Vector* x = c.x ? &*c.x : nullptr;
  const int axis = *c.axis;
  if (c.function == "trapezoid") return x ? si::trapezoid(y, *x, axis) : si::trapezoid(y, c.dx, axis);
  if (c.function == "simpson") return x ? si::simpson(y, *x, axis) : si::simpson(y, c.dx, axis);
  if (c.function == "romb") return si::romb(y, c.dx, axis);
  if (c.function == "cumulative_trapezoid") {
    return x ? si::cumulative_trapezoid(y, *x, axis, c.initial) : si::cumulative_trapezoid(y, c.dx, axis, c.initial);
  }
  if (c.function == "cumulative_simpson") {
    return x ? si::cumulative_simpson(y, *x, axis, c.initial) : si::cumulative_simpson(y, c.dx, axis, c.initial);
  }
  throw std::logic_error("unknown function " + c.function);
}

// x^p at the points, and the exact integral of x^p over [lo, hi].
Vector powers(const Vector& x, int p) { return x.array().pow(p); }
double integral_of_power(double lo, double hi, int p) { return (std::pow(hi, p + 1) - std::pow(lo, p + 1)) / (p + 1); }

// Sample points 0 = x_0 < ... in (0, ~n/2], irregular but within a factor 3 of each other.
Vector irregular_points(Index n) {
  Vector x(n);
  x[0] = 0.0;
  for (Index i = 1; i < n; ++i) x[i] = x[i - 1] + 0.25 + 0.5 * std::abs(std::sin(1.7 * static_cast<double>(i)));
  return x;
}

}  // namespace

// ---------------------------------------------------------------- SciPy values

BOOST_AUTO_TEST_CASE(rules_match_scipy_on_vectors_and_matrices) {
  const Pool pool;
  int cases = 0;
  double worst = 0;  // the largest |ours - SciPy's| / (n eps scale) seen
  for (const auto& row : testing::read_manifest("integrate/sample/rules.csv")) {
    BOOST_TEST_CONTEXT("case " << row[0] << " " << row[1] << " spacing " << row[2] << " axis " << row[4]) {
      RuleCall c{row[1], std::nullopt, std::stod(row[3]), std::nullopt, std::nullopt};
      if (row[2] == "x") c.x = pool.vector(row, 9);
      if (row[4] != "v") c.axis = std::stoi(row[4]);
      if (row[5] != "none") c.initial = std::stod(row[5]);
      const Matrix y = pool.matrix(row, 6);
      const Matrix expected = pool.matrix(row, 12);
      const Matrix ours = c.axis ? run_matrix(c, y) : run_vector(c, y.reshaped());
      // A Vector result against SciPy's 1-D array, a Matrix against its 2-D one.
      BOOST_TEST_REQUIRE(ours.size() == expected.size());
      const Matrix reference = expected.reshaped(ours.rows(), ours.cols());
      const Index n = !c.axis ? y.size() : (*c.axis == 0 || *c.axis == -2 ? y.rows() : y.cols());
      const double unit =
          static_cast<double>(std::max<Index>(n, 1)) * kEps * scale_of(y, c.x ? &*c.x : nullptr, c.dx, c.initial);
      for (Index i = 0; i < ours.size(); ++i) {
        const double error = std::abs(ours.reshaped()[i] - reference.reshaped()[i]);
        worst = std::max(worst, unit > 0 ? error / unit : error);
        // 4 n ulps of the scale (see scale_of): NumPy's pairwise sums against our sequential ones.
        BOOST_TEST(error <= 4 * unit, "entry " << i << ": " << ours.reshaped()[i] << " vs SciPy's "
                                               << reference.reshaped()[i] << " (error " << error << ")");
      }
      ++cases;
    }
  }
  BOOST_TEST(cases == 512);
  BOOST_TEST_MESSAGE("sample rules: " << cases << " SciPy cases, worst error " << worst << " n eps scale");
}

BOOST_AUTO_TEST_CASE(newton_cotes_matches_scipy) {
  const Pool pool;
  int cases = 0;
  double worst = 0;  // the largest weight error / (cond eps max|an|) on the moment path
  for (const auto& row : testing::read_manifest("integrate/sample/newton_cotes.csv")) {
    BOOST_TEST_CONTEXT("case " << row[0] << " kind " << row[1] << " n " << row[2]) {
      const int n = std::stoi(row[2]);
      const si::NewtonCotesResult r =
          row[1] == "int" ? si::newton_cotes(n) : si::newton_cotes(pool.vector(row, 4), row[3] == "1");
      const Vector an = pool.vector(row, 7);
      const double b = pool.vector(row, 10)[0];
      BOOST_TEST_REQUIRE(r.an.size() == an.size());
      if (row[15] == "0") {
        // Tabulated rule: the same rational, rounded by the same operations: bitwise equal.
        BOOST_TEST((r.an == an));
        BOOST_TEST(r.B == b);
      } else {
        // From the inverted moment matrix: two correct inversions (LAPACK's and
        // Eigen's LU, each refined twice) agree to about cond(C) eps relative to
        // the largest weight; 16 allows for the refinement's products.
        const double cond = pool.vector(row, 13)[0];
        const double tolerance = 16 * cond * kEps * an.cwiseAbs().maxCoeff();
        BOOST_TEST((r.an - an).cwiseAbs().maxCoeff() <= tolerance);
        worst = std::max(worst, (r.an - an).cwiseAbs().maxCoeff() / (cond * kEps * an.cwiseAbs().maxCoeff()));
        // B is a difference of O(1) terms (the exact moment minus the rule's),
        // scaled by N^p / p!: the same relative bound on those terms.
        BOOST_TEST(std::abs(r.B - b) <= 16 * cond * kEps * (1 + std::abs(b)) * an.cwiseAbs().sum());
      }
      ++cases;
    }
  }
  BOOST_TEST(cases == 29);
  BOOST_TEST_MESSAGE("newton_cotes: " << cases << " SciPy cases, moment-path worst error " << worst
                                      << " cond eps max|an|");
}

// ---------------------------------------------------------------- closed forms

BOOST_AUTO_TEST_CASE(trapezoid_is_exact_for_linear_functions) {
  const Vector x = irregular_points(9);
  const Vector y = 2.0 - 3.0 * x.array();
  const double exact = 2.0 * x[8] - 1.5 * x[8] * x[8];
  // x in [0, 6], |y| <= 16: partial sums and the result below ~50, each of
  // the 8 steps rounded a few times: 64 ulps of 40.
  BOOST_TEST(std::abs(si::trapezoid(y, x) - exact) <= 64 * kEps * 40);
  const Vector reversed = x.reverse();
  BOOST_TEST(std::abs(si::trapezoid(Vector(y.reverse()), reversed) + exact) <= 64 * kEps * 40);
  const Vector cumulative = si::cumulative_trapezoid(y, x, 0.0);
  for (Index i = 0; i < x.size(); ++i) {
    BOOST_TEST(std::abs(cumulative[i] - (2.0 * x[i] - 1.5 * x[i] * x[i])) <= 64 * kEps * 40);
  }
}

BOOST_AUTO_TEST_CASE(trapezoid_of_fewer_than_two_samples_is_zero) {
  BOOST_TEST(si::trapezoid(Vector()) == 0.0);
  BOOST_TEST(si::trapezoid(Vector::Constant(1, 5.0)) == 0.0);
  BOOST_TEST(si::simpson(Vector::Constant(1, 5.0)) == 0.0);
  BOOST_TEST(si::cumulative_trapezoid(Vector::Constant(1, 5.0)).size() == 0);
  BOOST_TEST((si::cumulative_trapezoid(Vector::Constant(1, 5.0), 1.0, 0.0) == Vector::Zero(1)));
  BOOST_TEST((si::cumulative_simpson(Vector::Constant(1, 5.0), 1.0, 2.0) == Vector::Constant(1, 2.0)));
}

BOOST_AUTO_TEST_CASE(simpson_is_exact_for_cubics_on_an_odd_number_of_equal_intervals) {
  for (Index n : {3, 5, 9, 21}) {
    const double dx = 0.3;
    const Vector x = Vector::LinSpaced(n, 0.0, dx * static_cast<double>(n - 1));
    const Vector y = 1.0 + x.array() - 2.0 * x.array().square() + 0.5 * x.array().cube();
    const double b = x[n - 1];
    const double exact = b + b * b / 2 - 2.0 * b * b * b / 3 + 0.5 * b * b * b * b / 4;
    // Rounding only: ~n ulps of the integral of |y| (below 200 here).
    BOOST_TEST(std::abs(si::simpson(y, dx) - exact) <= 16 * static_cast<double>(n) * kEps * 200, "n " << n);
    BOOST_TEST(std::abs(si::simpson(y, x) - exact) <= 16 * static_cast<double>(n) * kEps * 200, "n " << n);
  }
}

BOOST_AUTO_TEST_CASE(simpson_is_exact_for_quadratics_on_any_spacing_and_count) {
  for (Index n : {2, 3, 4, 5, 6, 10, 11}) {
    const Vector x = irregular_points(n);
    for (int p = 0; p <= (n == 2 ? 1 : 2); ++p) {
      const double exact = integral_of_power(0, x[n - 1], p);
      // Rounding only: weights O(width), |y| <= x_max^2 < 40: ~n ulps of 40 x_max.
      const double tolerance = 64 * static_cast<double>(n) * kEps * 40 * x[n - 1];
      BOOST_TEST(std::abs(si::simpson(powers(x, p), x) - exact) <= tolerance, "n " << n << " p " << p);
    }
  }
}

BOOST_AUTO_TEST_CASE(cumulative_simpson_is_exact_for_quadratics) {
  const Vector x = irregular_points(12);
  const Vector y = 1.0 - x.array() + 0.75 * x.array().square();
  const Vector running = si::cumulative_simpson(y, x, 3.0);
  BOOST_TEST_REQUIRE(running.size() == 12);
  for (Index i = 0; i < 12; ++i) {
    const double exact = 3.0 + x[i] - x[i] * x[i] / 2 + 0.25 * x[i] * x[i] * x[i];
    // Rounding only: 12 terms of size up to ~40.
    BOOST_TEST(std::abs(running[i] - exact) <= 64 * 12 * kEps * 40, "i " << i);
  }
}

BOOST_AUTO_TEST_CASE(romb_with_k_steps_is_exact_to_degree_2k_plus_1) {
  for (int k = 0; k <= 5; ++k) {
    const Index n = (Index{1} << k) + 1;
    const double dx = 0.5 / static_cast<double>(n - 1);  // on [0.5, 1]
    const Vector x = Vector::LinSpaced(n, 0.5, 1.0);
    const int degree = 2 * k + 1;
    // Rounding only, values of size <= 1 over a length 0.5.
    BOOST_TEST(std::abs(si::romb(powers(x, degree), dx) - integral_of_power(0.5, 1.0, degree)) <= 64 * kEps, "k " << k);
  }
}

BOOST_AUTO_TEST_CASE(newton_cotes_weights_integrate_polynomials_and_b_is_the_error) {
  for (int n = 1; n <= 10; ++n) {
    const si::NewtonCotesResult r = si::newton_cotes(n);
    // p: the degree of the first monomial the rule does not integrate exactly.
    const int p = n % 2 == 0 ? n + 2 : n + 1;
    Vector nodes(n + 1);
    for (int i = 0; i <= n; ++i) nodes[i] = i;
    for (int q = 0; q <= p; ++q) {
      const double rule = r.an.dot(powers(nodes, q));
      const double exact = std::pow(static_cast<double>(n), q + 1) / (q + 1);
      // Weights of magnitude <= ~5 (n <= 10) on values up to n^q: a few ulps of sum |an| n^q.
      const double tolerance = 64 * kEps * r.an.cwiseAbs().sum() * std::pow(static_cast<double>(n), q);
      if (q < p) {
        BOOST_TEST(std::abs(rule - exact) <= tolerance, "n " << n << " q " << q);
      } else {
        // The error of x^p: B dx^(p+1) f^(p)(xi) with dx = 1 and f^(p) = p! (SciPy's convention).
        BOOST_TEST(std::abs((exact - rule) - r.B * std::tgamma(p + 1)) <= tolerance, "n " << n);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(newton_cotes_with_unequal_positions_integrates_to_degree_n) {
  Vector rn(5);
  rn << 0.0, 0.3, 1.1, 2.5, 4.0;
  const si::NewtonCotesResult r = si::newton_cotes(rn);
  for (int q = 0; q <= 4; ++q) {
    // The weights are O(1) on values up to 4^4: a few hundred ulps of 256.
    BOOST_TEST(std::abs(r.an.dot(powers(rn, q)) - std::pow(4.0, q + 1) / (q + 1)) <= 1024 * kEps * 256, "q " << q);
  }
}

BOOST_AUTO_TEST_CASE(matrix_overloads_integrate_each_row_or_column) {
  Matrix y(2, 3);
  y << 0, 1, 2, 3, 4, 5;
  // SciPy's own docstring example: trapezoid(a, axis=0) == [1.5, 2.5, 3.5], axis=1 == [2, 8].
  BOOST_TEST((si::trapezoid(y, 1.0, 0) == Vector((Vector(3) << 1.5, 2.5, 3.5).finished())));
  BOOST_TEST((si::trapezoid(y) == Vector((Vector(2) << 2.0, 8.0).finished())));
  BOOST_TEST((si::trapezoid(y, 1.0, -2) == si::trapezoid(y, 1.0, 0)));
  // A block and a Map take the Matrix overload without a copy's change in meaning.
  const Eigen::Map<const Matrix> mapped(y.data(), 2, 3);
  BOOST_TEST((si::simpson(mapped, 0.5, 1) == si::simpson(y, 0.5, 1)));
  BOOST_TEST((si::cumulative_simpson(y.leftCols(3), 1.0, 0, 1.0) == si::cumulative_simpson(y, 1.0, 0, 1.0)));
  // A column of y goes to the Vector overload.
  BOOST_TEST(si::trapezoid(y.col(1)) == si::trapezoid(y, 1.0, 0)[1]);
}

// ---------------------------------------------------------------- NaN and Inf

BOOST_AUTO_TEST_CASE(nan_samples_propagate_as_in_scipy) {
  Vector y = Vector::LinSpaced(7, 0, 1);
  y[3] = kNaN;
  BOOST_TEST(std::isnan(si::trapezoid(y)));
  BOOST_TEST(std::isnan(si::simpson(y)));
  BOOST_TEST(std::isnan(si::romb(Vector(y.head(5)))));
  const Vector running = si::cumulative_trapezoid(y);
  BOOST_TEST(!std::isnan(running[1]));  // before the NaN
  BOOST_TEST(std::isnan(running[2]));
  BOOST_TEST(std::isnan(running[5]));  // and every sum after it
  BOOST_TEST(std::isnan(si::cumulative_simpson(y)[5]));
  y[3] = kInf;
  BOOST_TEST(si::trapezoid(y) == kInf);
}

// ---------------------------------------------------------------- bad input

BOOST_AUTO_TEST_CASE(x_of_another_length_is_a_value_error) {
  const Vector y = Vector::Ones(5);
  const Vector x = Vector::LinSpaced(4, 0, 1);
  const std::string message = testing::message_of<ValueError>([&] { (void)si::trapezoid(y, x); });
  BOOST_TEST(message == "trapezoid: x has 4 entries but y has 5 samples along the axis");
  BOOST_CHECK_THROW((void)si::simpson(y, x), ValueError);
  BOOST_CHECK_THROW((void)si::cumulative_trapezoid(y, x), ValueError);
  BOOST_CHECK_THROW((void)si::cumulative_simpson(y, x), ValueError);
  BOOST_CHECK_THROW((void)si::cumulative_simpson(Vector(y.head(2)), x), ValueError);
  const Matrix m = Matrix::Ones(4, 5);
  BOOST_CHECK_THROW((void)si::trapezoid(m, x, 1), ValueError);
  BOOST_CHECK_NO_THROW((void)si::trapezoid(m, x, 0));
}

BOOST_AUTO_TEST_CASE(too_few_samples_is_a_value_error) {
  BOOST_TEST(testing::message_of<ValueError>([] { (void)si::simpson(Vector()); }) ==
             "simpson: at least one sample is required along the axis, y has none");
  BOOST_CHECK_THROW((void)si::cumulative_trapezoid(Vector()), ValueError);
  BOOST_CHECK_THROW((void)si::cumulative_simpson(Vector()), ValueError);
  BOOST_CHECK_THROW((void)si::simpson(Matrix(3, 0), 1.0, 1), ValueError);
}

BOOST_AUTO_TEST_CASE(romb_needs_two_to_the_k_plus_one_samples) {
  for (Index n : {0, 1, 4, 6, 7, 10}) {
    const std::string message = testing::message_of<ValueError>([&] { (void)si::romb(Vector::Ones(n)); });
    BOOST_TEST(message == "romb: the number of samples must be 2^k + 1 (2, 3, 5, 9, ...), got " + std::to_string(n));
  }
  BOOST_CHECK_THROW((void)si::romb(Matrix::Ones(5, 4), 1.0, 1), ValueError);
  BOOST_CHECK_NO_THROW((void)si::romb(Matrix::Ones(5, 4), 1.0, 0));
}

BOOST_AUTO_TEST_CASE(a_bad_axis_is_a_value_error) {
  const Matrix m = Matrix::Ones(3, 3);
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)si::trapezoid(m, 1.0, 2); }) ==
             "trapezoid: axis 2 is out of bounds for a 2-D y (valid: -2, -1, 0, 1)");
  BOOST_CHECK_THROW((void)si::simpson(m, 1.0, -3), ValueError);
  BOOST_CHECK_THROW((void)si::cumulative_trapezoid(m, 1.0, 5), ValueError);
  BOOST_CHECK_THROW((void)si::cumulative_simpson(m, 1.0, 2), ValueError);
  BOOST_CHECK_THROW((void)si::romb(m, 1.0, 2), ValueError);
}

BOOST_AUTO_TEST_CASE(cumulative_trapezoid_takes_only_a_zero_initial) {
  BOOST_CHECK_THROW((void)si::cumulative_trapezoid(Vector::Ones(3), 1.0, 1.0), ValueError);
  BOOST_CHECK_THROW((void)si::cumulative_trapezoid(Matrix::Ones(3, 3), 1.0, 0, kNaN), ValueError);
}

BOOST_AUTO_TEST_CASE(cumulative_simpson_needs_increasing_x_from_three_samples) {
  const Vector x = (Vector(3) << 0.0, 2.0, 1.0).finished();
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)si::cumulative_simpson(Vector::Ones(3), x); }) ==
             "cumulative_simpson: x must be strictly increasing, but x[2] = 1 follows x[1] = 2");
  // Below 3 samples SciPy uses the trapezoidal rule and takes any x.
  const Vector down = (Vector(2) << 0.0, -2.0).finished();
  BOOST_TEST(si::cumulative_simpson((Vector(2) << 1.0, 2.0).finished(), down)[0] == -3.0);
}

BOOST_AUTO_TEST_CASE(newton_cotes_rejects_bad_positions) {
  BOOST_CHECK_THROW((void)si::newton_cotes(0), ValueError);
  BOOST_CHECK_THROW((void)si::newton_cotes(Vector::Zero(1)), ValueError);
  const Vector rn = (Vector(3) << 0.0, 1.0, 3.0).finished();
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)si::newton_cotes(rn); }) ==
             "newton_cotes: the sample positions must start at 0 and end at N = 2, got 0 and 3");
  BOOST_CHECK_NO_THROW((void)si::newton_cotes(rn, true));  // equal: positions ignored
  // Positions 1 apart are equal spacing: the table for N <= 14 wherever they
  // start, beyond it they must still run 0..N (SciPy raises too).
  BOOST_TEST((si::newton_cotes(Vector::LinSpaced(4, 5.0, 8.0)).an == si::newton_cotes(3).an));
  BOOST_CHECK_THROW((void)si::newton_cotes(Vector::LinSpaced(17, 5.0, 21.0)), ValueError);
  BOOST_TEST((si::newton_cotes(Vector::LinSpaced(17, 0.0, 16.0)).an == si::newton_cotes(16).an));
}

// ---------------------------------------------------------------- qmc_quad

namespace {

// prod_j cos(x_j) over [0, 1]^3: sin(1)^3.
double cosines(const Vector& x) { return x.array().cos().prod(); }
const double kCosinesExact = std::pow(std::sin(1.0), 3);

}  // namespace

BOOST_AUTO_TEST_CASE(qmc_quad_finds_a_smooth_integral_within_its_standard_error) {
  const Vector a = Vector::Zero(3);
  const Vector b = Vector::Ones(3);
  for (auto engine : {si::QMCEngineType::halton, si::QMCEngineType::sobol, si::QMCEngineType::latin_hypercube}) {
    for (std::uint64_t seed = 1; seed <= 5; ++seed) {
      const si::QMCQuadResult r = si::qmc_quad(cosines, a, b, {.qrng = engine, .seed = seed});
      BOOST_TEST(r.standard_error > 0);
      // The estimates are independent and near-normal: 5 standard errors is a
      // 1-in-a-million miss for one run.
      BOOST_TEST(std::abs(r.integral - kCosinesExact) <= 5 * r.standard_error,
                 "engine " << static_cast<int>(engine) << " seed " << seed);
      // And small in absolute terms: plain Monte Carlo with these 8 x 1024
      // points would have a standard error of sd(f) / 90 ~ 2e-3 (sd(f) = 0.17);
      // QMC on a smooth integrand is far better, random points would miss 1e-3.
      BOOST_TEST(std::abs(r.integral - kCosinesExact) <= 1e-3);
    }
  }
}

BOOST_AUTO_TEST_CASE(qmc_quad_standard_error_shrinks_with_more_points) {
  const Vector a = Vector::Zero(3);
  const Vector b = Vector::Ones(3);
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    const auto few = si::qmc_quad(cosines, a, b, {.n_points = 256, .qrng = si::QMCEngineType::sobol, .seed = seed});
    const auto many = si::qmc_quad(cosines, a, b, {.n_points = 4096, .qrng = si::QMCEngineType::sobol, .seed = seed});
    // Plain Monte Carlo would shrink it 4 times for 16 times the points;
    // scrambled Sobol' on a smooth integrand does far better (about n^-1.5).
    BOOST_TEST(many.standard_error < few.standard_error / 4, "seed " << seed);
  }
}

BOOST_AUTO_TEST_CASE(qmc_quad_is_reproducible_and_reversed_limits_flip_the_sign) {
  const Vector a = (Vector(2) << -1.0, 0.5).finished();
  const Vector b = (Vector(2) << 2.0, 1.5).finished();
  const auto f = [](const Vector& x) { return std::exp(-x.squaredNorm()); };
  const auto r = si::qmc_quad(f, a, b, {.seed = 11});
  const auto again = si::qmc_quad(f, a, b, {.seed = 11});
  BOOST_TEST(r.integral == again.integral);
  BOOST_TEST(r.standard_error == again.standard_error);
  // One reversed coordinate: the same box and points, the opposite sign.
  const Vector a1 = (Vector(2) << 2.0, 0.5).finished();
  const Vector b1 = (Vector(2) << -1.0, 1.5).finished();
  const auto flipped = si::qmc_quad(f, a1, b1, {.seed = 11});
  BOOST_TEST(flipped.integral == -r.integral);
  BOOST_TEST(flipped.standard_error == r.standard_error);
  // Both reversed: the sign flips back.
  BOOST_TEST(si::qmc_quad(f, b, a, {.seed = 11}).integral == r.integral);
}

BOOST_AUTO_TEST_CASE(qmc_quad_in_logs_is_the_log_of_the_plain_result) {
  const Vector a = Vector::Zero(2);
  const Vector b = (Vector(2) << 1.0, 2.0).finished();
  const auto f = [](const Vector& x) { return 1.0 + x[0] * x[1]; };
  const auto log_f = [&](const Vector& x) { return std::log(f(x)); };
  const auto plain = si::qmc_quad(f, a, b, {.seed = 5});
  const auto logged = si::qmc_quad(log_f, a, b, {.seed = 5, .log = true});
  // The same points; sums of exp(log f) against sums of f: a few ulps per
  // term of the integral (~3), 1024 terms.
  BOOST_TEST(std::abs(logged.integral - std::log(plain.integral)) <= 1e-12);
  // The standard error is a difference of nearly equal estimates: relative
  // error about eps |I| / se (~1e-16 * 3 / 1e-6), absolute in its log.
  BOOST_TEST(std::abs(logged.standard_error - std::log(plain.standard_error)) <= 1e-7);
  BOOST_TEST(std::abs(plain.integral - 3.0) <= 5 * plain.standard_error);  // 2 + (1/2)(2) = 3
}

BOOST_AUTO_TEST_CASE(qmc_quad_unscrambled_first_estimate_uses_the_plain_sequence) {
  const Vector a = Vector::Zero(2);
  const Vector b = Vector::Ones(2);
  const auto sum = [](const Vector& x) { return x[0] + x[1]; };
  const auto one =
      si::qmc_quad(sum, a, b, {.n_estimates = 1, .n_points = 64, .qrng = si::QMCEngineType::sobol, .scramble = false});
  // The first 64 unscrambled Sobol' points are {i/64} in each coordinate: mean 63/128 each.
  BOOST_TEST(one.integral == 63.0 / 64);
  // The later estimates are scrambled (as SciPy's): independent, so a standard error.
  const auto r =
      si::qmc_quad(sum, a, b, {.n_points = 64, .qrng = si::QMCEngineType::sobol, .scramble = false, .seed = 2});
  BOOST_TEST(r.standard_error > 0);
  BOOST_TEST(std::abs(r.integral - 1.0) <= 5 * r.standard_error);
}

BOOST_AUTO_TEST_CASE(qmc_quad_on_unscrambled_points_matches_scipy) {
  // scipy's qmc_quad with n_estimates = 1 and an unscrambled Sobol' or Halton
  // engine integrates over exactly the points scilearn's engines give.
  const Pool pool;
  int cases = 0;
  double worst = 0;  // in ulps of the integral
  for (const auto& row : testing::read_manifest("integrate/sample/qmc_quad.csv")) {
    BOOST_TEST_CONTEXT("case " << row[0] << " engine " << row[1]) {
      const auto f = [](const Vector& x) { return std::exp(-x.squaredNorm()); };
      const si::QMCQuadResult r =
          si::qmc_quad(f, pool.vector(row, 3), pool.vector(row, 6),
                       {.n_estimates = 1,
                        .n_points = std::stoi(row[2]),
                        .qrng = row[1] == "sobol" ? si::QMCEngineType::sobol : si::QMCEngineType::halton,
                        .scramble = false});
      const double expected = std::stod(row[9]);
      // A sum of n_points values in (0, 1] times the cell, NumPy's pairwise
      // and SIMD exp against ours: n_points ulps of the result.
      BOOST_TEST(std::abs(r.integral - expected) <= std::stoi(row[2]) * kEps * std::abs(expected),
                 r.integral << " vs SciPy's " << expected);
      BOOST_TEST(std::isnan(r.standard_error));
      worst = std::max(worst, std::abs(r.integral - expected) / (kEps * std::abs(expected)));
      ++cases;
    }
  }
  BOOST_TEST(cases == 6);
  BOOST_TEST_MESSAGE("qmc_quad: " << cases << " SciPy cases, worst error " << worst << " ulps");
}

BOOST_AUTO_TEST_CASE(qmc_quad_calls_func_n_estimates_times_n_points_times_and_lets_it_throw) {
  int calls = 0;
  const auto counted = [&](const Vector&) {
    ++calls;
    return 1.0;
  };
  const auto r = si::qmc_quad(counted, Vector::Zero(1), Vector::Constant(1, 2.0), {.n_estimates = 3, .n_points = 8});
  BOOST_TEST(calls == 24);
  BOOST_TEST(r.integral == 2.0);  // 8 values of 1 times the cell 2/8: exact in binary
  const auto throws = [](const Vector&) -> double { throw std::runtime_error("integrand failed"); };
  BOOST_CHECK_THROW((void)si::qmc_quad(throws, Vector::Zero(1), Vector::Ones(1)), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(qmc_quad_with_one_estimate_has_a_nan_standard_error) {
  const auto r = si::qmc_quad(cosines, Vector::Zero(3), Vector::Ones(3), {.n_estimates = 1, .seed = 3});
  BOOST_TEST(std::isnan(r.standard_error));
  // Two plain Monte Carlo standard errors for 1024 points (0.17 / 32 ~ 5e-3);
  // one QMC estimate is far closer.
  BOOST_TEST(std::abs(r.integral - kCosinesExact) <= 1e-2);
}

BOOST_AUTO_TEST_CASE(qmc_quad_over_an_empty_box_is_zero_with_a_warning) {
  int warnings = 0;
  const ScopedWarningHandler handler{[&](const Warning& w) { warnings += w.category == WarningCategory::user; }};
  const Vector a = (Vector(2) << 0.0, 1.0).finished();
  const Vector b = (Vector(2) << 1.0, 1.0).finished();
  const auto r = si::qmc_quad(cosines, a, b);
  BOOST_TEST(r.integral == 0.0);
  BOOST_TEST(r.standard_error == 0.0);
  const auto logged = si::qmc_quad(cosines, a, b, {.log = true});
  BOOST_TEST(logged.integral == -kInf);
  BOOST_TEST(warnings == 2);
}

BOOST_AUTO_TEST_CASE(qmc_quad_rejects_bad_input) {
  const Vector one = Vector::Ones(1);
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)si::qmc_quad(cosines, one, Vector::Ones(2)); }) ==
             "qmc_quad: a has 1 entries but b has 2");
  BOOST_CHECK_THROW((void)si::qmc_quad(cosines, Vector(), Vector()), ValueError);
  BOOST_CHECK_THROW((void)si::qmc_quad(cosines, Vector::Zero(1), Vector::Constant(1, kInf)), ValueError);
  BOOST_CHECK_THROW((void)si::qmc_quad(cosines, Vector::Zero(1), Vector::Constant(1, kNaN)), ValueError);
  BOOST_CHECK_THROW((void)si::qmc_quad(cosines, Vector::Zero(1), one, {.n_estimates = 0}), ValueError);
  BOOST_CHECK_THROW((void)si::qmc_quad(cosines, Vector::Zero(1), one, {.n_points = 0}), ValueError);
  BOOST_CHECK_THROW((void)si::qmc_quad(cosines, one, Vector::Zero(1), {.log = true}), ValueError);
  BOOST_CHECK_THROW(
      (void)si::qmc_quad(cosines, Vector::Zero(4000), Vector::Ones(4000), {.qrng = si::QMCEngineType::sobol}),
      ValueError);  // beyond Sobol's 3667 dimensions
}

BOOST_AUTO_TEST_SUITE_END()
