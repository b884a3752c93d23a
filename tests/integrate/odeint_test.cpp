// odeint against SciPy's odeint and tight references
// (tests/reference/integrate_odeint.py), closed forms, and its failures.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <numbers>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io/npy.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/integrate/odeint.hpp>
#include <stdexcept>
#include <string>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(odeint_suite)

using namespace scilearn;
using namespace scilearn::integrate;

namespace {

Matrix load(const std::string& name) {
  return io::load_npy<double>(testing::fixture_path("integrate/odeint/" + name + ".npy"));
}

Vector pendulum(const Vector& y, double) { return Vector{{y(1), -0.25 * y(1) - 5.0 * std::sin(y(0))}}; }

Vector vdp100(const Vector& y, double) { return Vector{{y(1), 100.0 * (1 - y(0) * y(0)) * y(1) - y(0)}}; }

Vector decay(const Vector& y, double) { return -y; }

}  // namespace

// Both odeints run at rtol = atol = 1.49e-8 with different methods; SciPy's
// is 5e-7 from the reference, and ours must be as close: 2e-6.
BOOST_AUTO_TEST_CASE(damped_pendulum_matches_scipy_and_the_reference) {
  const Vector t = Vector::LinSpaced(101, 0, 10);
  const OdeintResult r = odeint(pendulum, Vector{{std::numbers::pi - 0.1, 0.0}}, t);
  BOOST_TEST_REQUIRE(r.success);
  BOOST_TEST(r.message == "Integration successful.");
  BOOST_TEST_REQUIRE(r.y.rows() == 101);
  BOOST_TEST_REQUIRE(r.y.cols() == 2);
  BOOST_TEST((r.y - load("pendulum_ref")).cwiseAbs().maxCoeff() <= 2e-6);
  BOOST_TEST((r.y - load("pendulum")).cwiseAbs().maxCoeff() <= 2e-6);
  BOOST_TEST(r.nst.size() == 100);
  for (Index i = 1; i < r.nst.size(); ++i) {
    BOOST_TEST(r.nst(i) >= r.nst(i - 1));
    BOOST_TEST(r.nfe(i) >= r.nfe(i - 1));
    BOOST_TEST(r.tcur(i) >= t(i + 1));
  }
  BOOST_TEST(r.nje(r.nje.size() - 1) == 0);  // not stiff: never left the explicit method
}

// Stiff: the solver switches to BDF (Jacobians evaluated). SciPy's odeint is
// 9e-6 from the reference on this limit cycle (the jumps' timing); ours
// within 1e-4 of both.
BOOST_AUTO_TEST_CASE(stiff_van_der_pol_switches_and_matches_the_reference) {
  const Vector t = Vector::LinSpaced(31, 0, 300);
  const OdeintResult r = odeint(vdp100, Vector{{2.0, 0.0}}, t, {.mxstep = 5000});
  BOOST_TEST_REQUIRE(r.success);
  BOOST_TEST((r.y - load("vdp100_ref")).cwiseAbs().maxCoeff() <= 1e-4);
  BOOST_TEST((r.y - load("vdp100")).cwiseAbs().maxCoeff() <= 1e-4);
  BOOST_TEST(r.nje(r.nje.size() - 1) > 0);
}

// y = exp(-(t - t0)) backwards and with repeated times; a user Jacobian
// gives the same answer. The error is well within 1e-6 (rtol 1.5e-8 on a
// contractive problem).
BOOST_AUTO_TEST_CASE(decreasing_and_repeated_times_and_a_jacobian) {
  const Vector t{{2.0, 2.0, 1.5, 1.0, 1.0, 0.0}};
  const OdeintJacobian jac = [](const Vector&, double) { return Matrix::Constant(1, 1, -1.0); };
  for (const bool with_jac : {false, true}) {
    const OdeintResult r = odeint(decay, Vector::Constant(1, 3.0), t, {.Dfun = with_jac ? jac : OdeintJacobian{}});
    BOOST_TEST_REQUIRE(r.success);
    for (Index i = 0; i < t.size(); ++i) BOOST_TEST(std::abs(r.y(i, 0) - 3 * std::exp(2 - t(i))) <= 1e-6 * 3 * std::exp(2.0));
    BOOST_TEST(r.y(1, 0) == 3.0);
    BOOST_TEST(r.y(3, 0) == r.y(4, 0));
  }
}

BOOST_AUTO_TEST_CASE(too_many_steps_stop_with_nan_rows_and_a_warning) {
  int warnings = 0;
  const ScopedWarningHandler handler([&](const Warning&) { ++warnings; });
  const OdeintResult r = odeint(pendulum, Vector{{1.0, 0.0}}, Vector{{0.0, 1.0, 100.0}}, {.mxstep = 20});
  BOOST_TEST(!r.success);
  BOOST_TEST(r.message.find("Excess work done") == 0u);
  BOOST_TEST(warnings == 1);
  BOOST_TEST(r.y.row(1).allFinite());
  BOOST_TEST(std::isnan(r.y(2, 0)));
}

BOOST_AUTO_TEST_CASE(bad_input_and_exceptions) {
  const Vector y0 = Vector::Constant(1, 1.0);
  const auto msg = [&](auto&& call) { return testing::message_of<ValueError>(call); };
  BOOST_TEST(msg([&] { (void)odeint(decay, y0, Vector{{0.0, 1.0, 0.5}}); }).find("monotone") != std::string::npos);
  BOOST_TEST(msg([&] { (void)odeint(decay, y0, Vector(0)); }).find("empty") != std::string::npos);
  BOOST_TEST(msg([&] { (void)odeint(decay, y0, Vector{{0.0, 1.0, 0.0}}); }).find("monotone") != std::string::npos);
  BOOST_TEST(msg([&] { (void)odeint(decay, Vector::Constant(1, NAN), Vector{{0.0, 1.0}}); }).find("y0") !=
             std::string::npos);
  BOOST_TEST(msg([&] { (void)odeint(decay, y0, Vector{{0.0, 1.0}}, {.hmax = -1}); }).find("hmax") != std::string::npos);
  const OdeintFunction throws = [](const Vector& y, double s) -> Vector {
    if (s > 0.5) throw std::runtime_error("func failed");
    return -y;
  };
  BOOST_CHECK_THROW((void)odeint(throws, y0, Vector{{0.0, 1.0}}), std::runtime_error);
}

BOOST_AUTO_TEST_SUITE_END()
