#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/optimize/finite_differences.hpp>

BOOST_AUTO_TEST_SUITE(finite_differences)

using namespace scilearn;
using namespace scilearn::optimize;

namespace {

const double kEps = std::numeric_limits<double>::epsilon();

// f(x) = sum sin(x_i) + x_0 x_1^2, gradient and Hessian in closed form.
double f(const Vector& x) { return x.array().sin().sum() + x(0) * x(1) * x(1); }

Vector grad_f(const Vector& x) {
  Vector g = x.array().cos();
  g(0) += x(1) * x(1);
  g(1) += 2 * x(0) * x(1);
  return g;
}

// A bound on |second derivative| of f near x (for the truncation error of
// forward differences, h/2 max|f''|), generous by design.
double curvature(const Vector& x) { return 1 + 2 * (std::abs(x(0)) + std::abs(x(1)) + 1); }

const Vector kX0 = (Vector(3) << 0.7, -1.3, 2.0).finished();

}  // namespace

// Forward differences: error h/2 |f''| + 2 eps |f| / h with h ~ sqrt(eps) max(1, |x|),
// i.e. a few sqrt(eps) relative (Nocedal and Wright 2006, Sec. 8.1).
BOOST_AUTO_TEST_CASE(two_point_gradient_within_truncation_and_rounding_error) {
  const Vector g = approx_derivative(f, kX0);
  const double tol = 4 * std::sqrt(kEps) * curvature(kX0) * 2;
  BOOST_TEST((g - grad_f(kX0)).cwiseAbs().maxCoeff() <= tol);
}

// Central differences: error h^2/6 |f'''| + eps |f| / h with h ~ eps^(1/3), about eps^(2/3).
BOOST_AUTO_TEST_CASE(three_point_gradient_is_second_order) {
  const Vector g = approx_derivative(f, kX0, {.method = FiniteDifference::three_point});
  const double tol = 10 * std::pow(kEps, 2.0 / 3.0) * curvature(kX0) * 2;
  BOOST_TEST((g - grad_f(kX0)).cwiseAbs().maxCoeff() <= tol);
}

BOOST_AUTO_TEST_CASE(jacobian_of_a_vector_function) {
  const VectorFunction fun = [](const Vector& x) { return Vector((Vector(2) << x(0) * x(1), std::exp(x(2))).finished()); };
  const Matrix expected = (Matrix(2, 3) << kX0(1), kX0(0), 0, 0, 0, std::exp(kX0(2))).finished();
  const Matrix j3 = approx_derivative(fun, kX0, {.method = FiniteDifference::three_point});
  BOOST_TEST(j3.rows() == 2);
  BOOST_TEST(j3.cols() == 3);
  BOOST_TEST((j3 - expected).cwiseAbs().maxCoeff() <= 1e-9);
}

BOOST_AUTO_TEST_CASE(f0_given_saves_one_evaluation) {
  int calls = 0;
  const Objective counted = [&](const Vector& x) {
    ++calls;
    return f(x);
  };
  (void)approx_derivative(counted, kX0, {}, f(kX0));
  BOOST_TEST(calls == 3);
  calls = 0;
  (void)approx_derivative(counted, kX0);
  BOOST_TEST(calls == 4);
  calls = 0;
  (void)approx_derivative(counted, kX0, {.method = FiniteDifference::three_point});
  BOOST_TEST(calls == 7);  // f(x0), then two per component (all central here)
}

// No evaluation point may leave [lb, ub]: the step turns around at an upper
// bound (two_point) or becomes one-sided (three_point), and the result is
// still a good derivative.
BOOST_AUTO_TEST_CASE(steps_stay_inside_the_bounds) {
  const Vector lb = (Vector(3) << 0.0, -2.0, 2.0 - 1e-12).finished();
  const Vector ub = (Vector(3) << 0.7, -1.3, 2.0).finished();  // x0 on the upper bound of x_0 and x_1
  for (FiniteDifference method : {FiniteDifference::two_point, FiniteDifference::three_point}) {
    bool inside = true;
    const Objective watched = [&](const Vector& x) {
      inside = inside && (x.array() >= lb.array()).all() && (x.array() <= ub.array()).all();
      return f(x);
    };
    const Vector g = approx_derivative(watched, kX0, {.method = method, .lb = lb, .ub = ub});
    BOOST_TEST(inside);
    // Component 2 has a box of width 1e-12: the step is that width, and
    // the difference quotient then carries rounding error eps |f| / 1e-12.
    BOOST_TEST((g.head(2) - grad_f(kX0).head(2)).cwiseAbs().maxCoeff() <= 1e-5);
    BOOST_TEST(std::abs(g(2) - grad_f(kX0)(2)) <= 1e-2);
  }
}

BOOST_AUTO_TEST_CASE(absolute_step_is_used_as_given) {
  // f(x) = x^2 at 1 with step 0.5: (1.5^2 - 1) / 0.5 = 2.5 exactly.
  const Objective sq = [](const Vector& x) { return x(0) * x(0); };
  const Vector x = Vector::Ones(1);
  BOOST_TEST(approx_derivative(sq, x, {.abs_step = Vector::Constant(1, 0.5)})(0) == 2.5);
  BOOST_TEST(approx_fprime(sq, x, Vector::Constant(1, 0.5))(0) == 2.5);
  // A relative step of 0.25 at x = 2: h = 0.5, (2.5^2 - 4) / 0.5 = 4.5.
  BOOST_TEST(approx_derivative(sq, Vector::Constant(1, 2.0), {.rel_step = Vector::Constant(1, 0.25)})(0) == 4.5);
}

BOOST_AUTO_TEST_CASE(check_grad_tells_a_right_gradient_from_a_wrong_one) {
  BOOST_TEST(check_grad(f, grad_f, kX0) <= 1e-6);
  const Gradient wrong = [](const Vector& x) {
    Vector g = grad_f(x);
    g(2) += 1e-3;
    return g;
  };
  BOOST_TEST(check_grad(f, wrong, kX0) >= 9e-4);
}

BOOST_AUTO_TEST_CASE(bad_input_is_rejected) {
  Vector nan_x = kX0;
  nan_x(1) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)approx_derivative(f, nan_x), ValueError);
  BOOST_CHECK_THROW((void)approx_derivative(f, kX0, {.rel_step = Vector::Ones(2)}), ValueError);
  BOOST_CHECK_THROW((void)approx_derivative(f, kX0, {.lb = Vector::Constant(3, 1.0)}), ValueError);  // x0 below lb
  BOOST_CHECK_THROW((void)approx_fprime(f, kX0, Vector::Ones(2)), ValueError);
  const VectorFunction ragged = [](const Vector& x) { return Vector(Vector::Ones(x(0) > 0.7 ? 3 : 2)); };
  BOOST_CHECK_THROW((void)approx_derivative(ragged, kX0), ValueError);
  const Objective throws = [](const Vector&) -> double { throw std::runtime_error("user error"); };
  BOOST_CHECK_THROW((void)approx_derivative(throws, kX0), std::runtime_error);
}

BOOST_AUTO_TEST_SUITE_END()
