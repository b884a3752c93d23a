// solve_ivp's driver and explicit methods: closed forms, SciPy's steps and
// counts (tests/reference/integrate_solve_ivp.py), events, t_eval, dense
// output, and the failures SciPy reports.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <map>
#include <numbers>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io/npy.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/integrate/solve_ivp.hpp>
#include <stdexcept>
#include <string>

#include "nonstiff_problems.hpp"
#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(solve_ivp_suite)

using namespace scilearn;
using namespace scilearn::integrate;

namespace {

const OdeMethod explicit_methods[] = {OdeMethod::rk23, OdeMethod::rk45, OdeMethod::dop853};

// y' = -0.5 y, y(0) = 2: y(t) = 2 exp(-t / 2).
Vector decay(double, const Vector& y) { return -0.5 * y; }

Vector lotka_volterra(double, const Vector& y) {
  return Vector{{1.5 * y(0) - y(0) * y(1), -3.0 * y(1) + y(0) * y(1)}};
}

Vector ball(double, const Vector& y) { return Vector{{y(1), -9.81}}; }

Vector oscillator(double, const Vector& y) { return Vector{{y(1), -y(0)}}; }

using testing::arenstorf;
using testing::arenstorf_period;
using testing::lorenz;
const Vector arenstorf_y0 = testing::arenstorf_y0();

// The order each explicit method is built to.
int order_of(OdeMethod m) { return m == OdeMethod::rk23 ? 3 : m == OdeMethod::rk45 ? 5 : 8; }

Matrix load(const std::string& name) {
  return io::load_npy<double>(testing::fixture_path("integrate/solve_ivp/" + name + ".npy"));
}

Vector load_vector(const std::string& name) {
  return io::load_npy_vector<double>(testing::fixture_path("integrate/solve_ivp/" + name + ".npy"));
}

// SciPy's nfev and status per case.
std::map<std::string, std::pair<long, int>> scipy_cases() {
  std::map<std::string, std::pair<long, int>> cases;
  for (const auto& row : testing::read_manifest("integrate/solve_ivp/cases.csv")) {
    cases[row[0]] = {std::stol(row[1]), std::stoi(row[2])};
  }
  return cases;
}

// Ours and SciPy's take the same steps with the same arithmetic up to the
// order of the sums in the stage combinations (NumPy's dot against Eigen's
// product), a few ulps per step that the error control does not amplify on
// these problems: 1e-9 relative to the solution's scale over hundreds of
// steps leaves room for that growth and none for a different step.
void expect_same(const Vector& t, const Matrix& y, const Vector& t_ref, const Matrix& y_ref) {
  BOOST_TEST_REQUIRE(t.size() == t_ref.size());
  BOOST_TEST_REQUIRE(y.rows() == y_ref.rows());
  BOOST_TEST_REQUIRE(y.cols() == y_ref.cols());
  const double t_scale = t_ref.cwiseAbs().maxCoeff();
  const double y_scale = y_ref.cwiseAbs().maxCoeff();
  BOOST_TEST((t - t_ref).cwiseAbs().maxCoeff() <= 1e-9 * t_scale);
  BOOST_TEST((y - y_ref).cwiseAbs().maxCoeff() <= 1e-9 * y_scale);
}

}  // namespace

// The global error of a method tuned to rtol stays within a small multiple of
// rtol on a smooth non-stiff problem (10 rtol: the local control does not
// bound the global error, and the problem is contractive).
BOOST_AUTO_TEST_CASE(explicit_methods_reach_closed_form_within_tolerance) {
  for (const OdeMethod m : explicit_methods) {
    BOOST_TEST_CONTEXT(to_string(m)) {
      const auto r = solve_ivp(decay, {0, 10}, Vector::Constant(1, 2.0), {.method = m, .rtol = 1e-8, .atol = 1e-12});
      BOOST_TEST_REQUIRE(r.success);
      BOOST_TEST(r.status == 0);
      BOOST_TEST(r.t(0) == 0.0);
      BOOST_TEST(r.t(r.t.size() - 1) == 10.0);
      for (Index i = 0; i < r.t.size(); ++i) {
        const double exact = 2 * std::exp(-r.t(i) / 2);
        BOOST_TEST(std::abs(r.y(0, i) - exact) <= 10 * 1e-8 * exact + 1e-11);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(explicit_methods_take_scipys_steps_with_scipys_counts) {
  const auto cases = scipy_cases();
  const Vector points{{0.0, 0.37, 1.0, 2.5, 7.77, 12.0, 15.0}};
  for (const OdeMethod m : explicit_methods) {
    const std::string name = std::string("lv_") + std::string(to_string(m));
    BOOST_TEST_CONTEXT(name) {
      const auto r = solve_ivp(lotka_volterra, {0, 15}, Vector{{10.0, 5.0}},
                               {.method = m, .dense_output = true, .rtol = 1e-6, .atol = 1e-9});
      BOOST_TEST_REQUIRE(r.success);
      expect_same(r.t, r.y, load_vector(name + "_t"), load(name + "_y"));
      BOOST_TEST(r.nfev == cases.at(name).first);
      BOOST_TEST(r.njev == 0);
      BOOST_TEST(r.nlu == 0);
      BOOST_TEST_REQUIRE(r.sol.has_value());
      const Matrix dense = (*r.sol)(points);
      const Matrix dense_ref = load(name + "_dense");
      BOOST_TEST((dense - dense_ref).cwiseAbs().maxCoeff() <= 1e-9 * dense_ref.cwiseAbs().maxCoeff());
      // The interpolant passes through the steps it joins.
      for (Index i = 0; i < r.t.size(); ++i) {
        BOOST_TEST(((*r.sol)(r.t(i)) - r.y.col(i)).cwiseAbs().maxCoeff() <= 1e-12 * r.y.cwiseAbs().maxCoeff());
      }
      BOOST_TEST(r.sol->ts() == r.t);
    }
  }
}

BOOST_AUTO_TEST_CASE(each_explicit_method_converges_at_its_order) {
  // Fixed steps (tolerances so loose that every step is accepted, and
  // first_step = max_step = h) on Lotka-Volterra to t = 1: halving h divides
  // the error by about 2^p. The step sizes keep the error well above the
  // reference's 1e-12; the observed order may exceed p before the asymptotic
  // regime (RK45: 5.9), hence the window [p - 0.3, p + 1].
  const Vector ref = load_vector("lv_ref_1");
  for (const OdeMethod m : explicit_methods) {
    BOOST_TEST_CONTEXT(to_string(m)) {
      const double h = m == OdeMethod::rk23 ? 1.0 / 64 : m == OdeMethod::rk45 ? 1.0 / 32 : 1.0 / 16;
      double error[2];
      for (int k = 0; k < 2; ++k) {
        const double step = h / (1 << k);
        const auto r = solve_ivp(lotka_volterra, {0, 1}, Vector{{10.0, 5.0}},
                                 {.method = m, .rtol = 1e3, .atol = 1e3, .max_step = step, .first_step = step});
        BOOST_TEST_REQUIRE(r.success);
        BOOST_TEST(r.t.size() == (1 << k) * static_cast<Index>(std::lround(1 / h)) + 1);
        error[k] = (r.y.col(r.y.cols() - 1) - ref).cwiseAbs().maxCoeff();
      }
      const double observed = std::log2(error[0] / error[1]);
      BOOST_TEST(observed >= order_of(m) - 0.3);
      BOOST_TEST(observed <= order_of(m) + 1.0);
    }
  }
}

BOOST_AUTO_TEST_CASE(lorenz_short_horizon_meets_the_tolerance) {
  // To t = 2 the Lorenz system is not yet chaotic enough to amplify the
  // local errors much: the global error stays within 20 rtol (SciPy's own
  // runs: at most 13 rtol, RK23) of the tight reference.
  const Vector ref = load_vector("lorenz_ref");
  for (const OdeMethod m : explicit_methods) {
    for (const double rtol : {1e-6, 1e-8, 1e-10}) {
      BOOST_TEST_CONTEXT(to_string(m) << " rtol " << rtol) {
        const auto r = solve_ivp(lorenz, {0, 2}, Vector::Ones(3), {.method = m, .rtol = rtol, .atol = rtol * 1e-3});
        BOOST_TEST_REQUIRE(r.success);
        const double error = (r.y.col(r.y.cols() - 1) - ref).cwiseAbs().maxCoeff() / ref.cwiseAbs().maxCoeff();
        BOOST_TEST(error <= 20 * rtol);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(arenstorf_orbit_closes_after_one_period) {
  // At rtol 1e-12 SciPy's RK45 and DOP853 return to the start within 9e-9
  // and 4e-9; the orbit passes close to the moon, where rounding differences
  // grow, so ours must close within 1e-7 and take SciPy's number of steps.
  const auto cases = scipy_cases();
  for (const OdeMethod m : {OdeMethod::rk45, OdeMethod::dop853}) {
    const std::string name = std::string("arenstorf_") + std::string(to_string(m));
    BOOST_TEST_CONTEXT(name) {
      const auto r = solve_ivp(arenstorf, {0, arenstorf_period}, arenstorf_y0,
                               {.method = m, .rtol = 1e-12, .atol = 1e-14});
      BOOST_TEST_REQUIRE(r.success);
      BOOST_TEST((r.y.col(r.y.cols() - 1) - arenstorf_y0).cwiseAbs().maxCoeff() <= 1e-7);
      BOOST_TEST(std::abs(r.nfev - cases.at(name).first) <= 0.01 * cases.at(name).first);
    }
  }
}

BOOST_AUTO_TEST_CASE(integrates_backwards_with_max_step_and_first_step) {
  const auto r = solve_ivp(decay, {10, 0}, Vector::Constant(1, 1.0),
                           {.method = OdeMethod::rk23, .max_step = 0.7, .first_step = 0.01});
  BOOST_TEST_REQUIRE(r.success);
  expect_same(r.t, r.y, load_vector("back_RK23_t"), load("back_RK23_y"));
  BOOST_TEST(r.nfev == scipy_cases().at("back_RK23").first);
  BOOST_TEST(r.t(1) == 10 - 0.01);
  for (Index i = 1; i < r.t.size(); ++i) BOOST_TEST(r.t(i - 1) - r.t(i) <= 0.7);
}

BOOST_AUTO_TEST_CASE(t_eval_selects_the_output_times_in_either_direction) {
  std::vector<double> forward;
  for (int i = 0; i <= 30; ++i) forward.push_back(0.5 * i);
  const auto r = solve_ivp(lotka_volterra, {0, 15}, Vector{{10.0, 5.0}}, {.t_eval = forward, .dense_output = true});
  BOOST_TEST_REQUIRE(r.success);
  expect_same(r.t, r.y, load_vector("teval_fwd_t"), load("teval_fwd_y"));
  BOOST_TEST(r.nfev == scipy_cases().at("teval_fwd").first);
  // With t_eval the OdeSolution still joins the solver's own steps.
  const Vector ts_ref = load_vector("teval_fwd_ts");
  BOOST_TEST_REQUIRE(r.sol->ts().size() == ts_ref.size());
  BOOST_TEST((r.sol->ts() - ts_ref).cwiseAbs().maxCoeff() <= 1e-9 * 15);

  const std::vector<double> backward(forward.rbegin(), forward.rend());
  const auto b = solve_ivp(lotka_volterra, {15, 0}, Vector{{3.0, 2.0}}, {.t_eval = backward});
  BOOST_TEST_REQUIRE(b.success);
  expect_same(b.t, b.y, load_vector("teval_back_t"), load("teval_back_y"));
  BOOST_TEST(b.nfev == scipy_cases().at("teval_back").first);
}

BOOST_AUTO_TEST_CASE(a_terminal_event_ends_the_run_at_its_zero) {
  // A ball thrown up at 10 m/s: apex at t = 10 / 9.81, back on the ground at
  // twice that. The event zeros are found to brentq's 4 eps on the
  // interpolant, whose error is at the tolerance of the run (rtol 1e-3, but
  // a quadratic is integrated exactly by RK45's formulas): 1e-12.
  const Event ground{.fun = [](double, const Vector& y) { return y(0); }, .terminal = 1, .direction = -1};
  const Event apex{.fun = [](double, const Vector& y) { return y(1); }};
  const auto r = solve_ivp(ball, {0, 10}, Vector{{0.0, 10.0}}, {.dense_output = true, .events = {ground, apex}});
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.success);
  BOOST_TEST(r.message == "A termination event occurred.");
  BOOST_TEST(r.nfev == scipy_cases().at("ball").first);
  expect_same(r.t, r.y, load_vector("ball_t"), load("ball_y"));
  BOOST_TEST_REQUIRE(r.t_events.size() == 2u);
  BOOST_TEST_REQUIRE(r.t_events[0].size() == 1);
  BOOST_TEST_REQUIRE(r.t_events[1].size() == 1);
  BOOST_TEST(std::abs(r.t_events[0](0) - 2 * 10 / 9.81) <= 1e-12);
  BOOST_TEST(std::abs(r.t_events[1](0) - 10 / 9.81) <= 1e-12);
  BOOST_TEST(std::abs(r.t_events[0](0) - load_vector("ball_ground_t")(0)) <= 1e-12);
  BOOST_TEST((r.y_events[0] - load("ball_ground_y")).cwiseAbs().maxCoeff() <= 1e-10);
  BOOST_TEST((r.y_events[1] - load("ball_apex_y")).cwiseAbs().maxCoeff() <= 1e-10);
  BOOST_TEST(r.t(r.t.size() - 1) == r.t_events[0](0));
  BOOST_TEST(r.sol->t_max() == r.t_events[0](0));
}

BOOST_AUTO_TEST_CASE(a_terminal_count_stops_at_the_kth_zero) {
  // y = sin t from t = 0.5: zeros at pi and 2 pi; terminal = 2 stops at 2 pi.
  // At rtol 1e-10 the zeros are within 1e-9 of the exact ones.
  const Event crossing{.fun = [](double, const Vector& y) { return y(0); }, .terminal = 2};
  const auto r = solve_ivp(oscillator, {0.5, 20}, Vector{{std::sin(0.5), std::cos(0.5)}},
                           {.method = OdeMethod::dop853, .events = {crossing}, .rtol = 1e-10, .atol = 1e-12});
  BOOST_TEST(r.status == 1);
  BOOST_TEST_REQUIRE(r.t_events[0].size() == 2);
  BOOST_TEST(std::abs(r.t_events[0](0) - std::numbers::pi) <= 1e-9);
  BOOST_TEST(std::abs(r.t_events[0](1) - 2 * std::numbers::pi) <= 1e-9);
  BOOST_TEST((r.t_events[0] - load_vector("osc_crossing_t")).cwiseAbs().maxCoeff() <= 1e-12);
  BOOST_TEST(r.nfev == scipy_cases().at("osc").first);
  BOOST_TEST(r.t(r.t.size() - 1) == r.t_events[0](1));
}

BOOST_AUTO_TEST_CASE(a_nan_right_hand_side_fails_with_a_message_instead_of_hanging) {
  // NaN from t = 1 on: every step past it is rejected until the step size is
  // below the spacing of the doubles near t, SciPy's failure.
  const auto nan_after_one = [](double t, const Vector& y) -> Vector {
    return t > 1 ? Vector::Constant(1, std::numeric_limits<double>::quiet_NaN()) : Vector(-y);
  };
  for (const OdeMethod m : explicit_methods) {
    BOOST_TEST_CONTEXT(to_string(m)) {
      const auto r = solve_ivp(nan_after_one, {0, 5}, Vector::Constant(1, 1.0), {.method = m});
      BOOST_TEST(r.status == -1);
      BOOST_TEST(!r.success);
      BOOST_TEST(r.message.find("Required step size is less than spacing between numbers.") == 0u);
      BOOST_TEST(r.t(r.t.size() - 1) <= 1.0);
      BOOST_TEST(r.nfev < 2000);
    }
  }
}

BOOST_AUTO_TEST_CASE(exceptions_from_user_functions_reach_the_caller) {
  const auto throws = [](double t, const Vector& y) -> Vector {
    if (t > 2) throw std::runtime_error("rhs failed");
    return -y;
  };
  BOOST_CHECK_THROW((void)solve_ivp(throws, {0, 5}, Vector::Constant(1, 1.0)), std::runtime_error);
  const Event bad{.fun = [](double t, const Vector&) -> double {
    if (t > 1) throw std::domain_error("event failed");
    return 1;
  }};
  BOOST_CHECK_THROW((void)solve_ivp(decay, {0, 5}, Vector::Constant(1, 1.0), {.events = {bad}}), std::domain_error);
}

BOOST_AUTO_TEST_CASE(bad_input_is_refused_with_a_value_error) {
  const Vector y0 = Vector::Constant(1, 1.0);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const auto msg = [&](auto&& call) { return testing::message_of<ValueError>(call); };
  BOOST_TEST(msg([&] { (void)solve_ivp(decay, {0, nan}, y0); }).find("t_span") != std::string::npos);
  BOOST_TEST(msg([&] { (void)solve_ivp(decay, {0, 1}, Vector::Constant(1, nan)); }).find("y0") != std::string::npos);
  BOOST_TEST(msg([&] { (void)solve_ivp(decay, {0, 1}, y0, {.atol = -1}); }).find("atol") != std::string::npos);
  BOOST_TEST(msg([&] { (void)solve_ivp(decay, {0, 1}, y0, {.atol_per_component = Vector::Ones(2)}); })
                 .find("atol_per_component has 2") != std::string::npos);
  BOOST_TEST(msg([&] { (void)solve_ivp(decay, {0, 1}, y0, {.max_step = 0}); }).find("max_step") != std::string::npos);
  BOOST_TEST(msg([&] { (void)solve_ivp(decay, {0, 1}, y0, {.first_step = 2.0}); }).find("exceeds") !=
             std::string::npos);
  BOOST_TEST(msg([&] { (void)solve_ivp(decay, {0, 1}, y0, {.t_eval = {0.5, 0.2}}); }).find("sorted") !=
             std::string::npos);
  BOOST_TEST(msg([&] { (void)solve_ivp(decay, {0, 1}, y0, {.t_eval = {1.5}}); }).find("within t_span") !=
             std::string::npos);
  BOOST_TEST(msg([&] {
               (void)solve_ivp([](double, const Vector&) { return Vector::Ones(3).eval(); }, {0, 1}, y0);
             }).find("fun returned 3 values") != std::string::npos);
  BOOST_TEST(msg([&] { (void)solve_ivp(decay, {0, 1}, y0, {.events = {Event{.fun = {}}}}); }).find("events[0]") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_tiny_rtol_is_raised_to_100_eps_with_a_warning) {
  int warnings = 0;
  const ScopedWarningHandler handler([&](const Warning&) { ++warnings; });
  const auto r = solve_ivp(decay, {0, 1}, Vector::Constant(1, 2.0), {.method = OdeMethod::dop853, .rtol = 1e-20});
  BOOST_TEST(r.success);
  BOOST_TEST(warnings == 1);
}

BOOST_AUTO_TEST_CASE(a_span_of_length_zero_and_an_empty_system_finish_at_once) {
  const auto r = solve_ivp(decay, {3, 3}, Vector::Constant(1, 2.0), {.dense_output = true});
  BOOST_TEST(r.success);
  BOOST_TEST(r.t.size() == 2);
  BOOST_TEST(r.y(0, 1) == 2.0);
  BOOST_TEST((*r.sol)(3.0)(0) == 2.0);
  const auto e = solve_ivp(decay, {0, 1}, Vector(0));
  BOOST_TEST(e.success);
  BOOST_TEST(e.y.rows() == 0);
  BOOST_TEST(e.t(e.t.size() - 1) == 1.0);
}

BOOST_AUTO_TEST_CASE(lsoda_min_step_is_a_floor_on_the_step) {
  // ODEPACK's hmin: steps are raised to it (a zero right-hand side is
  // integrated in steps of at least min_step, not from a 1e-6 first step),
  // and a step at it that fails the error test ends the run: Van der Pol's
  // fast jumps need steps far below 0.5.
  const auto zero = [](double, const Vector& y) -> Vector { return Vector::Zero(y.size()); };
  const auto r = solve_ivp(zero, {0, 1}, Vector::Ones(1), {.method = OdeMethod::lsoda, .min_step = 1e-3});
  BOOST_TEST_REQUIRE(r.success);
  for (Index i = 1; i + 1 < r.t.size(); ++i) BOOST_TEST(r.t(i) - r.t(i - 1) >= 1e-3);
  const auto vdp = [](double, const Vector& y) -> Vector {
    return Vector{{y(1), 1000 * (1 - y(0) * y(0)) * y(1) - y(0)}};
  };
  const auto f = solve_ivp(vdp, {0, 3000}, Vector{{2.0, 0.0}}, {.method = OdeMethod::lsoda, .min_step = 0.5});
  BOOST_TEST(f.status == -1);
  BOOST_TEST(f.message.find("The error test failed with the step size at min_step.") == 0u, f.message);
  // Other methods ignore it with a warning, as SciPy.
  int warnings = 0;
  const ScopedWarningHandler handler([&](const Warning&) { ++warnings; });
  const auto e = solve_ivp(decay, {0, 1}, Vector::Ones(1), {.method = OdeMethod::rk45, .min_step = 0.5});
  BOOST_TEST(e.success);
  BOOST_TEST(warnings == 1);
  BOOST_TEST(e.t(1) < 0.5);
}

BOOST_AUTO_TEST_CASE(t_eval_on_a_span_of_length_zero) {
  const auto r = solve_ivp(decay, {1, 1}, Vector::Ones(1), {.t_eval = {1.0, 1.0}});
  BOOST_TEST(r.success);
  BOOST_TEST(r.t.size() == 2);
  BOOST_TEST(r.y(0, 1) == 1.0);
}

BOOST_AUTO_TEST_SUITE_END()
