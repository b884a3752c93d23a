// NIST StRD nonlinear regression (../shared/data/nist/nonlinear/*.dat, read
// in place): curve_fit (Levenberg-Marquardt, as SciPy's method 'lm') from both
// NIST starting points, every certified parameter compared by its log
// relative error (LRE: correct significant digits), next to SciPy's on the
// same runs (tests/reference/optimize_nist.py -> tests/data/optimize/nist/).
//
// Two settings: SciPy's default tolerances (ftol = xtol = 1.49e-8, which stop
// short of 6 digits on about half the problems, for SciPy and for us alike:
// the parameters are then only as accurate as the stopping test allows, and
// which side of 6 digits a run lands on is decided by rounding) and tight ones
// (ftol = xtol = 1e-15, maxfev = 10000), which the certified values, given to
// 11 digits, call for. The bar with tight tolerances: at least 6 digits
// wherever SciPy reaches 6; elsewhere (the test prints those runs: SciPy
// fails them too) within half a digit of SciPy's. With the defaults: within
// one digit of SciPy's, and 6 digits wherever SciPy gets 7.

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <numbers>
#include <scilearn/core/warnings.hpp>
#include <scilearn/optimize/curve_fit.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "nist_problems.hpp"
#include "support/fixtures.hpp"
#include "support/shared_data.hpp"

BOOST_AUTO_TEST_SUITE(nist_nonlinear)

using namespace scilearn;
using namespace scilearn::optimize;
using namespace scilearn::testing::nist;
namespace utf = boost::unit_test;

namespace {

struct ScipyRun {
  double lre;
  int nfev;
  bool success;
};

const testing::RequiresSharedData kNistNonlinear{"nist/nonlinear", "NIST StRD nonlinear", 27};

}  // namespace

BOOST_AUTO_TEST_CASE(curve_fit_reaches_six_digits_wherever_scipy_does, *utf::precondition(kNistNonlinear)) {
  std::map<std::string, ScipyRun> scipy;  // "problem start settings" -> SciPy's run
  for (const auto& c : testing::read_manifest("optimize/nist/scipy.csv")) {
    BOOST_TEST_REQUIRE(c.size() == 7u);
    scipy[c[0] + " " + c[1] + " " + c[2]] = {std::stod(c[3]), std::stoi(c[4]), c[6] == "1"};
  }
  BOOST_TEST_REQUIRE(scipy.size() == 108u);
  const ScopedWarningHandler quiet([](const Warning&) {});  // covariance warnings of failed fits
  int six_digits = 0, scipy_six_digits = 0, ours_nfev = 0, scipy_nfev = 0;
  std::cout << "problem   start settings  LRE (SciPy)    nfev (SciPy)\n";
  for (const auto& [name, formula] : kModels) {
    const Problem p = read_problem(*testing::shared_data_dir() / "nist" / "nonlinear" / (name + ".dat"));
    const Vector y = response(name, p);
    const Formula fn = formula;  // clang 14 cannot capture structured bindings
    const Model model = [fn](const Matrix& x, const Vector& b) { return predict(fn, x, b); };
    for (const auto& [start, p0] : {std::pair{"1", p.start1}, std::pair{"2", p.start2}}) {
      for (const std::string settings : {"default", "tight"}) {
        const std::string key = name + " " + start + " " + settings;
        BOOST_TEST_CONTEXT(key) {
          CurveFitOptions options{.p0 = p0};
          if (settings == "tight") {
            options.ftol = options.xtol = 1e-15;
            options.maxfev = 10000;
          }
          const CurveFitResult r = curve_fit(model, p.x, y, options);
          const ScipyRun& ref = scipy.at(key);
          const double digits = r.success ? lre(r.popt, p.certified) : 0.0;
          std::cout << std::left << std::setw(10) << name << std::setw(6) << start << std::setw(9) << settings
                    << std::fixed << std::setprecision(2) << std::setw(6) << digits << " (" << ref.lre << ")   "
                    << r.nfev << " (" << ref.nfev << ")" << (digits < 6 && ref.lre < 6 ? "   below 6 digits, SciPy too" : "")
                    << "\n";
          // Where SciPy converged to the certified values, so must we (a run
          // that SciPy ends "converged" far from them, MGH17 from start 1, is
          // a failure whichever way it ends).
          if (ref.success && ref.lre >= 6) BOOST_TEST(r.success, r.mesg);
          if (settings == "default") {
            BOOST_TEST(digits >= std::min(ref.lre - 1.0, 6.0));
          } else {
            if (ref.lre >= 6) {
              BOOST_TEST(digits >= 6.0);
            } else {
              BOOST_TEST(digits >= ref.lre - 0.5);
            }
            six_digits += digits >= 6;
            scipy_six_digits += ref.lre >= 6;
          }
          ours_nfev += r.nfev;
          scipy_nfev += ref.nfev;
        }
      }
    }
  }
  std::cout << "tight runs with >= 6 digits: " << six_digits << " (SciPy " << scipy_six_digits << ") of 54; nfev "
            << ours_nfev << " (SciPy " << scipy_nfev << ")\n";
  BOOST_TEST(six_digits >= scipy_six_digits);
}

BOOST_AUTO_TEST_SUITE_END()
