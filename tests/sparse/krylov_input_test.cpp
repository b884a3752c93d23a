// Bad input to the Krylov solvers throws ValueError; numerical trouble
// (breakdown, an operator that returns NaN, iteration limits) returns a code.
#include <Eigen/Cholesky>
#include <boost/test/unit_test.hpp>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/sparse/krylov.hpp>

#include "problems.hpp"

BOOST_AUTO_TEST_SUITE(krylov_input)

using namespace scilearn;
using namespace scilearn::sparse;

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

// Calls every square solver with the same (bad) input, expecting ValueError.
template <class Make>
void all_throw(const LinearOperator& a, const Vector& b, Make make_options) {
  const auto o = make_options();
  BOOST_CHECK_THROW((void)cg(a, b, {.x0 = o.x0, .rtol = o.rtol, .atol = o.atol, .maxiter = o.maxiter, .M = o.M}),
                    ValueError);
  BOOST_CHECK_THROW((void)bicgstab(a, b, {.x0 = o.x0, .rtol = o.rtol, .atol = o.atol, .maxiter = o.maxiter, .M = o.M}),
                    ValueError);
  BOOST_CHECK_THROW((void)gmres(a, b, {.x0 = o.x0, .rtol = o.rtol, .atol = o.atol, .maxiter = o.maxiter, .M = o.M}),
                    ValueError);
}

}  // namespace

BOOST_AUTO_TEST_CASE(shape_mismatches_throw_value_error) {
  const CsrMatrix a = testing::poisson2d(4);
  const Vector b = testing::rhs(16);
  all_throw(a, Vector(testing::rhs(15)), [] { return KrylovOptions{}; });
  all_throw(a, b, [] { return KrylovOptions{.x0 = Vector::Zero(3)}; });
  all_throw(a, b, [] { return KrylovOptions{.M = LinearOperator(CsrMatrix(testing::poisson2d(3)))}; });
  CsrMatrix rect(16, 15);
  all_throw(rect, b, [] { return KrylovOptions{}; });
  BOOST_CHECK_THROW((void)minres(a, Vector(testing::rhs(15))), ValueError);
  BOOST_CHECK_THROW((void)minres(rect, b), ValueError);
}

BOOST_AUTO_TEST_CASE(non_finite_input_and_bad_tolerances_throw_value_error) {
  const CsrMatrix a = testing::poisson2d(4);
  Vector b = testing::rhs(16);
  b(3) = nan;
  all_throw(a, b, [] { return KrylovOptions{}; });
  BOOST_CHECK_THROW((void)minres(a, b), ValueError);
  b = testing::rhs(16);
  all_throw(a, b, [] {
    Vector x0 = Vector::Zero(16);
    x0(0) = std::numeric_limits<double>::infinity();
    return KrylovOptions{.x0 = x0};
  });
  all_throw(a, b, [] { return KrylovOptions{.rtol = -1e-5}; });
  all_throw(a, b, [] { return KrylovOptions{.atol = -1.0}; });
  all_throw(a, b, [] { return KrylovOptions{.rtol = nan}; });
  all_throw(a, b, [] { return KrylovOptions{.maxiter = -1}; });
  BOOST_CHECK_THROW((void)minres(a, b, {.rtol = -1.0}), ValueError);
  BOOST_CHECK_THROW((void)gmres(a, b, {.restart = 0}), ValueError);
}

BOOST_AUTO_TEST_CASE(zero_rhs_gives_zero_solution_at_once) {
  const CsrMatrix a = testing::poisson2d(4);
  const Vector b = Vector::Zero(16);
  for (const KrylovResult& r : {cg(a, b), bicgstab(a, b), gmres(a, b), minres(a, b)}) {
    BOOST_TEST(r.info == 0);
    BOOST_TEST(r.x.norm() == 0.0);
  }
}

BOOST_AUTO_TEST_CASE(nan_from_the_operator_is_a_breakdown_not_a_hang) {
  const LinearOperator broken(4, 4, [](const VectorView&, VectorRef y) { y.setConstant(nan); });
  const Vector b = Vector::Ones(4);
  BOOST_TEST(cg(broken, b).info < 0);
  BOOST_TEST(bicgstab(broken, b).info < 0);
  BOOST_TEST(gmres(broken, b).info < 0);
  BOOST_TEST(minres(broken, b).info < 0);
}

BOOST_AUTO_TEST_CASE(singular_operator_breaks_down_with_a_negative_info) {
  // A = 0: p^T A p = 0 at once for cg; r~^T A p = 0 for bicgstab.
  const LinearOperator zero(3, 3, [](const VectorView&, VectorRef y) { y.setZero(); });
  const Vector b = Vector::Ones(3);
  const KrylovResult c = cg(zero, b);
  BOOST_TEST(c.info == -10);
  BOOST_TEST(!c.success());
  BOOST_TEST(bicgstab(zero, b).info == -11);
  // gmres finds the Krylov space invariant (exact breakdown) but the residual
  // test fails: info = maxiter, as SciPy.
  BOOST_TEST(gmres(zero, b, {.maxiter = 4}).info == 4);
}

BOOST_AUTO_TEST_CASE(minres_rejects_an_indefinite_preconditioner_and_checks_symmetry) {
  const CsrMatrix a = testing::poisson2d(3);
  const Vector b = testing::rhs(9);
  const LinearOperator negative(9, 9, [](const VectorView& x, VectorRef y) { y = -x; });
  BOOST_CHECK_THROW((void)minres(a, b, {.M = negative}), ValueError);
  BOOST_CHECK_THROW((void)minres(testing::convection_diffusion(3), b, {.check = true}), ValueError);
  BOOST_TEST(minres(a, b, {.check = true}).info == 0);
}

BOOST_AUTO_TEST_CASE(exact_solution_is_found_for_a_small_spd_system) {
  const CsrMatrix a = testing::poisson2d(3);
  const Vector b = testing::rhs(9);
  const Vector x = Matrix(a).ldlt().solve(b);
  for (const KrylovResult& r : {cg(a, b, {.rtol = 1e-12}), bicgstab(a, b, {.rtol = 1e-12}),
                                gmres(a, b, {.rtol = 1e-12}), minres(a, b, {.rtol = 1e-12})}) {
    BOOST_TEST(r.info == 0);
    BOOST_TEST((r.x - x).norm() <= 1e-10 * x.norm());
  }
}

BOOST_AUTO_TEST_SUITE_END()
