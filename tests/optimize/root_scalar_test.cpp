#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <numbers>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io/csv.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/optimize/root_scalar.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(root_scalar)

using namespace scilearn;
using namespace scilearn::optimize;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
const double kMaxExpable = std::log(std::numeric_limits<double>::max());

// (2i - 5)^2 / (x - i^2)^power summed over i = 1..20, in the order of
// tests/reference/optimize_scalar.py.
double aps02_sum(double x, int power) {
  double s = 0.0;
  for (int i = 1; i <= 20; ++i) {
    const double d = x - i * i;
    double dp = 1.0;
    for (int k = 0; k < power; ++k) dp = dp * d;
    s = s + static_cast<double>((2 * i - 5) * (2 * i - 5)) / dp;
  }
  return s;
}

// The test functions of tests/reference/optimize_scalar.py (1-15: Alefeld,
// Potra & Shi 1995, as in SciPy's test-suite; 16: x - n), written with the
// same operations in the same order so that both sides compute the same
// doubles, and their first and second derivatives.
double aps(int func, double x, double n, double a) {
  switch (func) {
    case 1: return std::sin(x) - x / 2;
    case 2: return -2 * aps02_sum(x, 3);
    case 3: return n * x * std::exp(a * x);
    case 4: return std::pow(x, n) - a;
    case 5: return std::sin(x) - 1.0 / 2;
    case 6: return 2 * x * std::exp(-n) - 2 * std::exp(-n * x) + 1;
    case 7: {
      const double t = 1 - n * x;
      return (1 + (1 - n) * (1 - n)) * x - t * t;
    }
    case 8: return x * x - std::pow(1 - x, n);
    case 9: return (1 + std::pow(1 - n, 4)) * x - std::pow(1 - n * x, 4);
    case 10: return std::exp(-n * x) * (x - 1) + std::pow(x, n);
    case 11: return (n * x - 1) / ((n - 1) * x);
    case 12: return std::pow(x, 1.0 / n) - std::pow(n, 1.0 / n);
    case 13: {
      if (x == 0) return 0.0;
      const double y = 1 / (x * x);
      if (y > kMaxExpable) return 0.0;
      return x / std::exp(y);
    }
    case 14: return x <= 0 ? -n / 20.0 : n / 20.0 * (x / 1.5 + std::sin(x) - 1);
    case 15:
      if (x < 0) return -0.859;
      if (x > 2 * 1e-3 / (1 + n)) return std::numbers::e - 1.859;
      return std::exp((n + 1) * x / 2 * 1000) - 1.859;
    case 16: return x - n;
  }
  throw std::logic_error("no such test function");
}

double aps_fp(int func, double x, double n, double a) {
  switch (func) {
    case 1: return std::cos(x) - 1.0 / 2;
    case 2: return 6 * aps02_sum(x, 4);
    case 3: return n * (a * x + 1) * std::exp(a * x);
    case 4: return n * std::pow(x, n - 1);
    case 5: return std::cos(x);
    case 6: return 2 * std::exp(-n) + 2 * n * std::exp(-n * x);
    case 7: return (1 + (1 - n) * (1 - n)) + 2 * n * (1 - n * x);
    case 8: return 2 * x + n * std::pow(1 - x, n - 1);
    case 9: return (1 + std::pow(1 - n, 4)) + 4 * n * std::pow(1 - n * x, 3);
    case 10: return std::exp(-n * x) * (-n * (x - 1) + 1) + n * std::pow(x, n - 1);
    case 11: return 1 / (n - 1) / (x * x);
    case 12: return std::pow(x, (1.0 - n) / n) / n;
    case 13: {
      if (x == 0) return 0.0;
      const double y = 1 / (x * x);
      if (y > kMaxExpable) return 0.0;
      return (1 + 2 / (x * x)) / std::exp(y);
    }
    case 14: return x <= 0 ? 0.0 : n / 20.0 * (1.0 / 1.5 + std::cos(x));
    case 15:
      if (x < 0 || x > 2 * 1e-3 / (1 + n)) return 0.0;
      return std::exp((n + 1) * x / 2 * 1000) * (n + 1) / 2 * 1000;
    case 16: return 1.0;
  }
  throw std::logic_error("no such test function");
}

double aps_fpp(int func, double x, double n, double a) {
  switch (func) {
    case 1:
    case 5: return -std::sin(x);
    case 2: return 24 * aps02_sum(x, 5);
    case 3: return n * (a * (a * x + 1) + a) * std::exp(a * x);
    case 4: return n * (n - 1) * std::pow(x, n - 2);
    case 6: return -2 * n * n * std::exp(-n * x);
    case 7: return -2 * n * n;
    case 8: return 2 - n * (n - 1) * std::pow(1 - x, n - 2);
    case 9: return -12 * n * n * std::pow(1 - n * x, 2);
    case 10: return std::exp(-n * x) * (n * n * (x - 1) - 2 * n) + n * (n - 1) * std::pow(x, n - 2);
    case 11: return -2 / (n - 1) / (x * x * x);
    case 12: return std::pow(x, (1.0 - 2 * n) / n) * (1.0 / n) * (1.0 - n) / n;
    case 13: {
      if (x == 0) return 0.0;
      const double y = 1 / (x * x);
      if (y > kMaxExpable) return 0.0;
      return 2 * (2 - x * x) / (x * x * x * x * x) / std::exp(y);
    }
    case 14: return x <= 0 ? 0.0 : -n / 20.0 * std::sin(x);
    case 15:
      if (x < 0 || x > 2 * 1e-3 / (1 + n)) return 0.0;
      return std::exp((n + 1) * x / 2 * 1000) * (n + 1) / 2 * 1000 * (n + 1) / 2 * 1000;
    case 16: return 0.0;
  }
  throw std::logic_error("no such test function");
}

// One row of tests/data/optimize/scalar/roots.csv.
struct RootCase {
  int id, func;
  double p1, p2, a, b, x0;
  int method, maxiter;
  double root;
  int iterations, function_calls;
  bool converged, warned;
  int calls_k2;
};

std::vector<RootCase> read_root_cases() {
  const io::CsvTable t = io::load_csv(testing::fixture_path("optimize/scalar/roots.csv"), {.header = true});
  const std::vector<std::string> expected = {"case",      "func",   "p1",      "p2",   "a",          "b",
                                             "x0",        "method", "maxiter", "root", "iterations", "function_calls",
                                             "converged", "warned", "calls_k2"};
  BOOST_TEST_REQUIRE(t.columns == expected);
  std::vector<RootCase> cases;
  for (Index i = 0; i < t.values.rows(); ++i) {
    auto v = [&](int j) { return t.values(i, j); };
    auto n = [&](int j) { return static_cast<int>(t.values(i, j)); };
    cases.push_back(
        {n(0), n(1), v(2), v(3), v(4), v(5), v(6), n(7), n(8), v(9), n(10), n(11), v(12) == 1, v(13) == 1, n(14)});
  }
  BOOST_TEST_REQUIRE(cases.size() > 400u);
  return cases;
}

ScalarFunction f_of(const RootCase& c) {
  return [c](double x) { return aps(c.func, x, c.p1, c.p2); };
}

ScalarFunction fp_of(const RootCase& c) {
  return [c](double x) { return aps_fp(c.func, x, c.p1, c.p2); };
}

ScalarFunction fpp_of(const RootCase& c) {
  return [c](double x) { return aps_fpp(c.func, x, c.p1, c.p2); };
}

// Runs the case's method as the reference script ran SciPy's (disp=False).
RootResults run(const RootCase& c) {
  const ScalarFunction f = f_of(c);
  if (c.method <= 4) {
    BracketRootOptions o{.disp = false};
    if (c.maxiter >= 0) o.maxiter = c.maxiter;
    switch (c.method) {
      case 0: return bisect(f, c.a, c.b, o);
      case 1: return brentq(f, c.a, c.b, o);
      case 2: return brenth(f, c.a, c.b, o);
      case 3: return ridder(f, c.a, c.b, o);
      default: return toms748(f, c.a, c.b, o);
    }
  }
  if (c.method == 8) return optimize::root_scalar(f, {.method = RootScalarMethod::newton, .x0 = c.x0});
  NewtonOptions o{.disp = false};
  if (c.maxiter >= 0) o.maxiter = c.maxiter;
  if (c.method == 5 || c.method == 7) o.fprime = fp_of(c);
  if (c.method == 7) o.fprime2 = fpp_of(c);
  return newton(f, c.x0, o);
}

// The termination tolerance the method promises, at the reference root.
double tolerance(const RootCase& c) {
  if (c.method <= 4) return 2e-12 + 4 * std::numeric_limits<double>::epsilon() * std::abs(c.root);
  return 1.48e-8;  // newton's tol, rtol = 0
}

}  // namespace

// The methods written here follow SciPy's iterations step for step, so on
// every case (the APS problems, iteration limits, an end point that is a root)
// they must make exactly SciPy's number of calls and iterations, end the same
// way, and land on SciPy's root (the same double, checked here against the
// solver's own tolerance). No difference is allowed: none was measured.
BOOST_AUTO_TEST_CASE(brentq_brenth_ridder_bisect_match_scipy_call_for_call) {
  int compared = 0, identical = 0;
  for (const RootCase& c : read_root_cases()) {
    if (c.method > 3) continue;
    BOOST_TEST_CONTEXT("case " << c.id << " func " << c.func << " method " << c.method << " maxiter " << c.maxiter) {
      const RootResults r = run(c);
      BOOST_TEST(r.function_calls == c.function_calls);
      if (c.iterations == -1) {
        // An end point is the root: no iteration. SciPy's C solvers leave
        // their count unset there (the fixture marks it -1).
        BOOST_TEST(r.iterations == 0);
      } else {
        BOOST_TEST(r.iterations == c.iterations);
      }
      BOOST_TEST(r.converged == c.converged);
      BOOST_TEST(r.flag == (c.converged ? "converged" : "convergence error"));
      BOOST_TEST(std::abs(r.root - c.root) <= tolerance(c));
      ++compared;
      identical += r.root == c.root;
    }
  }
  BOOST_TEST_MESSAGE("bracketing: " << compared << " runs, " << identical << " roots bitwise equal to SciPy's");
  BOOST_TEST(compared >= 200);
}

// Newton, secant, Halley and root_scalar's finite-difference Newton: the
// same calls, iterations, outcome and warning as SciPy's newton (disp=False),
// also where Newton wanders off (APS 13 and 15 do not converge from x0) or
// stops at a zero derivative.
BOOST_AUTO_TEST_CASE(newton_secant_halley_match_scipy_call_for_call) {
  int compared = 0;
  for (const RootCase& c : read_root_cases()) {
    if (c.method < 5) continue;
    BOOST_TEST_CONTEXT("case " << c.id << " func " << c.func << " method " << c.method << " maxiter " << c.maxiter) {
      int runtime_warnings = 0, other_warnings = 0;
      ScopedWarningHandler count(
          [&](const Warning& w) { (w.category == WarningCategory::runtime ? runtime_warnings : other_warnings) += 1; });
      const RootResults r = run(c);
      BOOST_TEST(r.function_calls == c.function_calls);
      BOOST_TEST(r.iterations == c.iterations);
      BOOST_TEST(r.converged == c.converged);
      BOOST_TEST(runtime_warnings == (c.warned ? 1 : 0));
      BOOST_TEST(other_warnings == 0);
      if (c.converged) {
        BOOST_TEST(std::abs(r.root - c.root) <= tolerance(c));
      } else {
        // Same iterates, so the same last point, wherever it wandered.
        BOOST_TEST(std::abs(r.root - c.root) <= 1e-12 * std::max(1.0, std::abs(c.root)));
      }
      ++compared;
    }
  }
  BOOST_TEST(compared >= 200);
}

// toms748 is Boost's Algorithm 4.2 (SciPy's k=2), so only the root is
// compared with SciPy's default (k=1) run; the call counts are reported.
BOOST_AUTO_TEST_CASE(toms748_finds_scipys_root) {
  int compared = 0, same_as_k1 = 0, same_as_k2 = 0, fewer_than_k1 = 0, ours = 0, k1 = 0, k2 = 0;
  for (const RootCase& c : read_root_cases()) {
    if (c.method != 4) continue;
    BOOST_TEST_CONTEXT("case " << c.id << " func " << c.func) {
      const RootResults r = run(c);
      BOOST_TEST(r.converged);
      BOOST_TEST(r.method == "toms748");
      // APS 13 is exactly 0 on |x| < 0.038 (x / exp(1 / x^2) underflows):
      // any point there is a root, and the two algorithms stop at different ones.
      const bool exact_zero = aps(c.func, r.root, c.p1, c.p2) == 0;
      BOOST_TEST((exact_zero || std::abs(r.root - c.root) <= 2 * tolerance(c)));
      ++compared;
      same_as_k1 += r.function_calls == c.function_calls;
      same_as_k2 += r.function_calls == c.calls_k2;
      fewer_than_k1 += r.function_calls < c.function_calls;
      ours += r.function_calls;
      k1 += c.function_calls;
      k2 += c.calls_k2;
    }
  }
  BOOST_TEST_MESSAGE("toms748: " << compared << " runs; function_calls equal to SciPy k=1 in " << same_as_k1
                                 << ", to k=2 in " << same_as_k2 << ", fewer than k=1 in " << fewer_than_k1
                                 << "; calls in all: " << ours << " (SciPy k=1 " << k1 << ", k=2 " << k2 << ")");
  BOOST_TEST(compared >= 45);
}

BOOST_AUTO_TEST_CASE(brentq_example_from_the_header) {
  const RootResults r = brentq([](double x) { return x * x * x - 2; }, 0, 2);
  BOOST_TEST(r.converged);
  BOOST_TEST(std::abs(r.root - std::cbrt(2.0)) <= 2e-12);
  BOOST_TEST(r.method == "brentq");
  BOOST_TEST(r.flag == "converged");
  BOOST_TEST(r.function_calls == 9);  // SciPy 1.17.1: brentq(lambda x: x**3 - 2, 0, 2) makes 9 calls
}

BOOST_AUTO_TEST_CASE(same_sign_bracket_is_a_value_error) {
  const ScalarFunction f = [](double x) { return x * x + 1; };
  for (auto solver : {brentq, brenth, ridder, bisect, toms748}) {
    const std::string message = testing::message_of<ValueError>([&] { (void)solver(f, -1, 2, {}); });
    BOOST_TEST(message.find("f(a) and f(b) must have different signs") != std::string::npos, message);
    BOOST_TEST(message.find("f(-1) = 2") != std::string::npos, message);
  }
  BOOST_CHECK_THROW((void)optimize::root_scalar(f, {.bracket = {{-1.0, 2.0}}}), ValueError);
}

BOOST_AUTO_TEST_CASE(nan_or_infinite_bracket_is_a_value_error) {
  const ScalarFunction f = [](double x) { return x; };
  for (auto solver : {brentq, brenth, ridder, bisect, toms748}) {
    BOOST_CHECK_THROW((void)solver(f, kNaN, 1, {}), ValueError);
    BOOST_CHECK_THROW((void)solver(f, -1, kInf, {}), ValueError);
  }
  BOOST_CHECK_THROW((void)newton(f, kNaN), ValueError);
  BOOST_CHECK_THROW((void)optimize::root_scalar(f, {.bracket = {{kNaN, 1.0}}}), ValueError);
}

BOOST_AUTO_TEST_CASE(bad_options_are_value_errors) {
  const ScalarFunction f = [](double x) { return x - 0.5; };
  const double eps = std::numeric_limits<double>::epsilon();
  BOOST_CHECK_THROW((void)brentq(f, 0, 1, {.xtol = 0}), ValueError);
  BOOST_CHECK_THROW((void)brentq(f, 0, 1, {.rtol = 2 * eps}), ValueError);
  BOOST_CHECK_THROW((void)brentq(f, 0, 1, {.maxiter = -1}), ValueError);
  BOOST_CHECK_NO_THROW((void)toms748(f, 0, 1, {.rtol = eps}));  // toms748 allows rtol = eps, as SciPy
  BOOST_CHECK_THROW((void)toms748(f, 0, 1, {.rtol = eps / 2}), ValueError);
  BOOST_CHECK_THROW((void)toms748(f, 0, 1, {.maxiter = 0}), ValueError);
  BOOST_CHECK_THROW((void)toms748(f, 1, 0, {}), ValueError);  // SciPy: a and b are not an interval
  BOOST_CHECK_THROW((void)newton(f, 0, {.tol = 0}), ValueError);
  BOOST_CHECK_THROW((void)newton(f, 0, {.maxiter = 0}), ValueError);
  BOOST_CHECK_THROW((void)newton(f, 1, {.x1 = 1.0}), ValueError);
}

BOOST_AUTO_TEST_CASE(an_exception_from_f_reaches_the_caller) {
  struct Boom : std::runtime_error {
    Boom() : std::runtime_error("boom") {}
  };
  int calls = 0;
  const ScalarFunction f = [&](double x) {  // every method needs more than 4 calls on it
    if (++calls == 4) throw Boom();
    return std::exp(x) - 1.5;
  };
  for (auto solver : {brentq, brenth, ridder, bisect, toms748}) {
    calls = 0;
    BOOST_CHECK_THROW((void)solver(f, 0, 1, {}), Boom);
  }
  calls = 0;
  BOOST_CHECK_THROW((void)newton(f, 0.9), Boom);
  calls = 0;
  BOOST_CHECK_THROW((void)optimize::root_scalar(f, {.bracket = {{0.0, 1.0}}}), Boom);
}

// SciPy (since gh-17622) raises ValueError when f returns NaN in a bracketing
// solver, and root_scalar turns it into an unconverged result. Neither hangs.
BOOST_AUTO_TEST_CASE(nan_from_f_stops_the_bracketing_solvers) {
  int calls = 0;
  const ScalarFunction f = [&](double x) {
    ++calls;
    return x > 0.6 && x < 2.5 ? kNaN : x - 1;
  };
  for (auto solver : {brentq, brenth, ridder, bisect, toms748}) {
    const std::string message = testing::message_of<ValueError>([&] { (void)solver(f, 0, 3, {}); });
    BOOST_TEST(message.find("is NaN; solver cannot continue") != std::string::npos, message);
  }
  for (auto method : {RootScalarMethod::brentq, RootScalarMethod::brenth, RootScalarMethod::ridder,
                      RootScalarMethod::bisect, RootScalarMethod::toms748}) {
    calls = 0;
    const RootResults r = optimize::root_scalar(f, {.method = method, .bracket = {{0.0, 3.0}}});
    BOOST_TEST(!r.converged);
    BOOST_TEST(r.flag.find("NaN") != std::string::npos, r.flag);
    BOOST_TEST(std::isnan(f(r.root)));  // the point where NaN came
    BOOST_TEST(r.function_calls == calls - 1);
    BOOST_TEST(r.method == std::string(to_string(method)));
  }
  // newton: NaN is not an error (SciPy): the run ends unconverged.
  const RootResults r = newton([](double) { return kNaN; }, 1.0, {.fprime = [](double) { return 1.0; }, .disp = false});
  BOOST_TEST(!r.converged);
  BOOST_TEST(r.iterations == 50);
}

BOOST_AUTO_TEST_CASE(maxiter_reached_is_unconverged_and_warns_with_disp) {
  const ScalarFunction f = [](double x) { return std::sin(x) - x / 2; };
  std::vector<Warning> warnings;
  ScopedWarningHandler keep([&](const Warning& w) { warnings.push_back(w); });
  const RootResults r = brentq(f, std::numbers::pi / 2, std::numbers::pi, {.maxiter = 3});
  BOOST_TEST(!r.converged);
  BOOST_TEST(r.flag == "convergence error");
  BOOST_TEST(r.iterations == 3);
  BOOST_TEST_REQUIRE(warnings.size() == 1u);
  BOOST_TEST((warnings[0].category == WarningCategory::convergence));
  BOOST_TEST(warnings[0].message.find("brentq: failed to converge after 3 iterations") != std::string::npos,
             warnings[0].message);
  warnings.clear();
  (void)brentq(f, std::numbers::pi / 2, std::numbers::pi, {.maxiter = 3, .disp = false});
  BOOST_TEST(warnings.empty());
  // root_scalar never warns about it (SciPy passes disp=False).
  const RootResults s = optimize::root_scalar(f, {.bracket = {{std::numbers::pi / 2, std::numbers::pi}}, .maxiter = 3});
  BOOST_TEST(!s.converged);
  BOOST_TEST(warnings.empty());
}

// SciPy: "Derivative was zero." -- the current point, unconverged, one
// RuntimeWarning with disp=False (RuntimeError with disp=True, a convergence
// warning here).
BOOST_AUTO_TEST_CASE(newton_stops_at_a_zero_derivative) {
  const ScalarFunction f = [](double x) { return x * x - 1; };
  const ScalarFunction fp = [](double x) { return 2 * x; };
  std::vector<Warning> warnings;
  ScopedWarningHandler keep([&](const Warning& w) { warnings.push_back(w); });
  const RootResults r = newton(f, 0.0, {.fprime = fp, .disp = false});
  BOOST_TEST(!r.converged);
  BOOST_TEST(r.root == 0.0);
  BOOST_TEST(r.iterations == 1);
  BOOST_TEST(r.function_calls == 2);
  BOOST_TEST(r.flag == "convergence error");
  BOOST_TEST_REQUIRE(warnings.size() == 1u);
  BOOST_TEST((warnings[0].category == WarningCategory::runtime));
  BOOST_TEST(warnings[0].message.find("Derivative was zero") != std::string::npos);
  warnings.clear();
  (void)newton(f, 0.0, {.fprime = fp});
  BOOST_TEST_REQUIRE(warnings.size() == 1u);
  BOOST_TEST((warnings[0].category == WarningCategory::convergence));
}

// SciPy 1.17's choice: bracket -> brentq; x0 with fprime and fprime2 ->
// halley, with fprime -> newton, with x1 -> secant, alone -> newton with a
// finite-difference derivative.
BOOST_AUTO_TEST_CASE(root_scalar_chooses_the_method_as_scipy) {
  const ScalarFunction f = [](double x) { return x * x * x - 2; };
  const ScalarFunction fp = [](double x) { return 3 * x * x; };
  const ScalarFunction fpp = [](double x) { return 6 * x; };
  const RootResults by_bracket = optimize::root_scalar(f, {.bracket = {{0.0, 2.0}}});
  const RootResults direct = brentq(f, 0, 2);
  BOOST_TEST(by_bracket.method == "brentq");
  BOOST_TEST(by_bracket.root == direct.root);
  BOOST_TEST(by_bracket.function_calls == direct.function_calls);
  BOOST_TEST(optimize::root_scalar(f, {.x0 = 1.0, .fprime = fp, .fprime2 = fpp}).method == "halley");
  BOOST_TEST(optimize::root_scalar(f, {.x0 = 1.0, .fprime = fp}).method == "newton");
  BOOST_TEST(optimize::root_scalar(f, {.x0 = 1.0, .x1 = 2.0}).method == "secant");
  const RootResults fd = optimize::root_scalar(f, {.x0 = 1.0});
  BOOST_TEST(fd.method == "newton");
  BOOST_TEST(fd.converged);
  BOOST_TEST(std::abs(fd.root - std::cbrt(2.0)) <= 1.48e-8);
  // The bracket wins over x0, as in SciPy.
  BOOST_TEST(optimize::root_scalar(f, {.bracket = {{0.0, 2.0}}, .x0 = 1.0, .fprime = fp}).method == "brentq");
  // Tolerances reach the method.
  const RootResults loose =
      optimize::root_scalar(f, {.method = RootScalarMethod::bisect, .bracket = {{0.0, 2.0}}, .xtol = 1e-3});
  BOOST_TEST(std::abs(loose.root - std::cbrt(2.0)) <= 1e-3);
  BOOST_TEST(loose.iterations < 15);
}

BOOST_AUTO_TEST_CASE(root_scalar_rejects_missing_inputs) {
  const ScalarFunction f = [](double x) { return x - 1; };
  const ScalarFunction fp = [](double) { return 1.0; };
  BOOST_CHECK_THROW((void)optimize::root_scalar(f, {}), ValueError);
  BOOST_CHECK_THROW((void)optimize::root_scalar(f, {.method = RootScalarMethod::ridder, .x0 = 1.0}), ValueError);
  BOOST_CHECK_THROW((void)optimize::root_scalar(f, {.method = RootScalarMethod::newton, .bracket = {{0.0, 2.0}}}),
                    ValueError);
  BOOST_CHECK_THROW((void)optimize::root_scalar(f, {.method = RootScalarMethod::halley, .x0 = 1.0, .fprime = fp}),
                    ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
