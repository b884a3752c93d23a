#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io/csv.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/optimize/minimize_scalar.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(minimize_scalar)

using namespace scilearn;
using namespace scilearn::optimize;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// The functions of tests/reference/optimize_scalar.py's minimize part, with
// the same operations in the same order.
double m(int func, double x) {
  switch (func) {
    case 1: return (x - 1.5) * (x - 1.5) - 0.8;
    case 2: return x * x * x * x - 3 * x * x + x;
    case 3: return std::cos(x);
    case 4: return std::exp(x) - 2 * x;
    case 5: return (x - 2) * x * (x + 2) * (x + 2);
    case 6: return x > 0 ? x * std::log(x) : kInf;
    case 7: return std::abs(x - 0.3);
    case 8: return std::sin(x) + std::sin(10 * x / 3);
    case 9: return -x * std::exp(-x);
    case 10: return x;
  }
  throw std::logic_error("no such test function");
}

int column(const io::CsvTable& t, const std::string& name) {
  for (std::size_t j = 0; j < t.columns.size(); ++j) {
    if (t.columns[j] == name) return static_cast<int>(j);
  }
  BOOST_FAIL("fixture column " << name << " missing");
  return -1;
}

io::CsvTable load(const std::string& name) {
  return io::load_csv(testing::fixture_path("optimize/scalar/" + name), {.header = true});
}

}  // namespace

// Brent, golden and bounded follow SciPy's iterations step for step, the
// bracket search included, so every case must take exactly SciPy's number of
// evaluations and iterations and end the same way; x must be within the
// method's own termination tolerance of SciPy's (it is the same double on
// every case measured). No difference in nfev is allowed.
BOOST_AUTO_TEST_CASE(brent_golden_bounded_match_scipy_evaluation_for_evaluation) {
  const io::CsvTable t = load("minimize.csv");
  auto c = [&](const std::string& name) { return column(t, name); };
  BOOST_TEST_REQUIRE(t.values.rows() >= 70);
  int compared = 0, identical = 0;
  for (Index i = 0; i < t.values.rows(); ++i) {
    auto v = [&](const std::string& name) { return t.values(i, c(name)); };
    const int func = static_cast<int>(v("func"));
    const int method = static_cast<int>(v("method"));
    const int nbracket = static_cast<int>(v("nbracket"));
    BOOST_TEST_CONTEXT("case " << v("case") << " func " << func << " method " << method << " nbracket " << nbracket) {
      MinimizeScalarOptions o;
      o.method = method == 0   ? ScalarMinimizeMethod::brent
                 : method == 1 ? ScalarMinimizeMethod::golden
                               : ScalarMinimizeMethod::bounded;
      const double given = v("tol");
      if (v("maxiter") >= 0) o.maxiter = static_cast<int>(v("maxiter"));
      if (method == 2) {
        o.bounds = std::array<double, 2>{v("lower"), v("upper")};
        if (given > 0) o.xatol = given;
      } else {
        if (given > 0) o.tol = given;
        const double b[3] = {v("b1"), v("b2"), v("b3")};
        o.bracket.assign(b, b + nbracket);
      }
      const ScalarOptimizeResult r = optimize::minimize_scalar([func](double x) { return m(func, x); }, o);
      if (v("nfev") < 0) {  // SciPy raised: the bracket search hit its iteration limit
        BOOST_TEST(!r.success);
        BOOST_TEST(r.status == 3);
        BOOST_TEST(r.message.find("iteration limit") != std::string::npos, r.message);
        continue;
      }
      BOOST_TEST(r.nfev == static_cast<int>(v("nfev")));
      BOOST_TEST(r.nit == static_cast<int>(v("nit")));
      BOOST_TEST(r.success == (v("success") == 1));
      const double x_ref = v("x");
      const double tol = method == 2   ? (given > 0 ? given : 1e-5)
                         : method == 0 ? (given > 0 ? given : 1.48e-8) * std::abs(x_ref) + 1e-11
                                       : 2 * (given > 0 ? given : 1.4901161193847656e-08) * std::abs(x_ref);
      BOOST_TEST(std::abs(r.x - x_ref) <= tol);
      BOOST_TEST(std::abs(r.fun - v("fun")) <= 1e-14 * std::max(1.0, std::abs(v("fun"))));
      ++compared;
      identical += r.x == x_ref;
    }
  }
  BOOST_TEST_MESSAGE("minimize_scalar: " << compared << " runs, " << identical
                                         << " minimizers bitwise equal to SciPy's");
  BOOST_TEST(compared >= 70);
}

BOOST_AUTO_TEST_CASE(bracket_matches_scipy) {
  const io::CsvTable t = load("bracket.csv");
  auto c = [&](const std::string& name) { return column(t, name); };
  BOOST_TEST_REQUIRE(t.values.rows() >= 15);
  for (Index i = 0; i < t.values.rows(); ++i) {
    auto v = [&](const std::string& name) { return t.values(i, c(name)); };
    const int func = static_cast<int>(v("func"));
    BOOST_TEST_CONTEXT("case " << v("case") << " func " << func) {
      const BracketResult b = bracket([func](double x) { return m(func, x); }, v("xa0"), v("xb0"));
      const int valid = static_cast<int>(v("valid"));
      BOOST_TEST(b.success == (valid == 1));
      BOOST_TEST(b.message.empty() == (valid == 1));
      if (valid == -1) continue;  // SciPy raised at the iteration limit and kept no points
      BOOST_TEST(b.funcalls == static_cast<int>(v("funcalls")));
      for (const auto& [got, name] :
           {std::pair{b.xa, "xa"}, {b.xb, "xb"}, {b.xc, "xc"}, {b.fa, "fa"}, {b.fb, "fb"}, {b.fc, "fc"}}) {
        BOOST_TEST(std::abs(got - v(name)) <= 1e-14 * std::max(1.0, std::abs(v(name))), name);
      }
      if (valid == 1) BOOST_TEST((b.fb < b.fa || b.fb < b.fc));
    }
  }
}

BOOST_AUTO_TEST_CASE(header_example_finds_scipys_minimum) {
  const ScalarOptimizeResult r = optimize::minimize_scalar([](double x) { return (x - 2) * x * (x + 2) * (x + 2); });
  BOOST_TEST(r.success);
  BOOST_TEST(r.status == 0);
  BOOST_TEST(std::abs(r.x - 1.28077640403) <= 1e-8);  // SciPy's documented result
}

BOOST_AUTO_TEST_CASE(method_defaults_to_bounded_with_bounds) {
  const ScalarFunction f = [](double x) { return (x - 1.5) * (x - 1.5); };
  const ScalarOptimizeResult r = optimize::minimize_scalar(f, {.bounds = {{-5.0, 0.0}}});
  BOOST_TEST(r.success);
  BOOST_TEST(r.message == "Solution found.");
  BOOST_TEST(std::abs(r.x) <= 1e-4);  // the minimum on [-5, 0] is the bound
}

BOOST_AUTO_TEST_CASE(misuse_is_a_value_error) {
  const ScalarFunction f = [](double x) { return x * x; };
  using M = ScalarMinimizeMethod;
  BOOST_CHECK_THROW((void)optimize::minimize_scalar(f, {.method = M::brent, .bounds = {{0.0, 1.0}}}), ValueError);
  BOOST_CHECK_THROW((void)optimize::minimize_scalar(f, {.method = M::golden, .bounds = {{0.0, 1.0}}}), ValueError);
  BOOST_CHECK_THROW((void)optimize::minimize_scalar(f, {.method = M::bounded}), ValueError);
  BOOST_CHECK_THROW((void)optimize::minimize_scalar(f, {.bounds = {{1.0, 0.0}}}), ValueError);
  BOOST_CHECK_THROW((void)optimize::minimize_scalar(f, {.bounds = {{0.0, kInf}}}), ValueError);
  BOOST_CHECK_THROW((void)optimize::minimize_scalar(f, {.bracket = {1.0}}), ValueError);
  BOOST_CHECK_THROW((void)optimize::minimize_scalar(f, {.bracket = {-1.0, 0.0, 1.0, 2.0}}), ValueError);
  BOOST_CHECK_THROW((void)optimize::minimize_scalar(f, {.bracket = {-1.0, 2.0, 1.0}}), ValueError);  // not ordered
  BOOST_CHECK_THROW((void)optimize::minimize_scalar(f, {.bracket = {0.5, 1.0, 2.0}}), ValueError);   // f(xb) not lowest
  BOOST_CHECK_NO_THROW((void)optimize::minimize_scalar(f, {.bracket = {1.0, 0.0, -1.0}}));  // either order, as SciPy
  BOOST_CHECK_THROW((void)optimize::minimize_scalar(f, {.tol = -1.0}), ValueError);
  BOOST_CHECK_THROW((void)optimize::minimize_scalar(f, {.maxiter = -1}), ValueError);
  BOOST_CHECK_THROW((void)bracket(f, kNaN, 1.0), ValueError);
}

BOOST_AUTO_TEST_CASE(an_exception_from_f_reaches_the_caller) {
  struct Boom : std::runtime_error {
    Boom() : std::runtime_error("boom") {}
  };
  int calls = 0;
  const ScalarFunction f = [&](double x) {
    if (++calls == 6) throw Boom();
    return (x - 1) * (x - 1);
  };
  using M = ScalarMinimizeMethod;
  for (const auto& o : {MinimizeScalarOptions{.method = M::brent}, MinimizeScalarOptions{.method = M::golden},
                        MinimizeScalarOptions{.bounds = {{0.0, 3.0}}}}) {
    calls = 0;
    BOOST_CHECK_THROW((void)optimize::minimize_scalar(f, o), Boom);
  }
}

BOOST_AUTO_TEST_CASE(nan_from_f_ends_unsuccessfully) {
  const ScalarFunction f = [](double) { return kNaN; };
  const ScalarOptimizeResult brent = optimize::minimize_scalar(f);
  BOOST_TEST(!brent.success);
  BOOST_TEST(brent.status == 3);  // no valid bracket among NaNs
  BOOST_TEST(std::isnan(brent.x));
  const ScalarOptimizeResult bounded = optimize::minimize_scalar(f, {.bounds = {{0.0, 1.0}}});
  BOOST_TEST(!bounded.success);
  BOOST_TEST(bounded.status == 2);
  BOOST_TEST(bounded.message == "NaN result encountered.");
}

BOOST_AUTO_TEST_CASE(iteration_limits_are_reported) {
  const ScalarFunction f = [](double x) { return std::sin(x) + std::sin(10 * x / 3); };
  const ScalarOptimizeResult r = optimize::minimize_scalar(f, {.bounds = {{2.7, 7.5}}, .maxiter = 5});
  BOOST_TEST(!r.success);
  BOOST_TEST(r.status == 1);
  BOOST_TEST(r.nfev == 5);
  BOOST_TEST(r.message == "Maximum number of function calls reached.");
  const ScalarOptimizeResult b =
      optimize::minimize_scalar(f, {.method = ScalarMinimizeMethod::brent, .bracket = {3.0, 4.0}, .maxiter = 2});
  BOOST_TEST(!b.success);
  BOOST_TEST(b.status == 1);
  BOOST_TEST(b.nit == 2);
}

// SciPy warns (RuntimeWarning) that bounded takes tol as an absolute tolerance.
BOOST_AUTO_TEST_CASE(tol_with_bounded_warns_and_is_used_as_xatol) {
  std::vector<Warning> warnings;
  ScopedWarningHandler keep([&](const Warning& w) { warnings.push_back(w); });
  const ScalarFunction f = [](double x) { return (x - 0.123456) * (x - 0.123456); };
  const ScalarOptimizeResult r = optimize::minimize_scalar(f, {.bounds = {{-1.0, 1.0}}, .tol = 1e-9});
  BOOST_TEST_REQUIRE(warnings.size() == 1u);
  BOOST_TEST((warnings[0].category == WarningCategory::runtime));
  BOOST_TEST(std::abs(r.x - 0.123456) <= 1e-8);
}

BOOST_AUTO_TEST_SUITE_END()
