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

#include "support/fixtures.hpp"
#include "support/shared_data.hpp"

BOOST_AUTO_TEST_SUITE(nist_nonlinear)

using namespace scilearn;
using namespace scilearn::optimize;
namespace utf = boost::unit_test;

namespace {

struct Problem {
  Vector start1, start2, certified;
  Vector y;
  Matrix x;  // one row per observation, one column per predictor
};

Problem read_problem(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  std::vector<double> s1, s2, cert;
  std::size_t data_header = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::istringstream row(lines[i]);
    std::string name, eq;
    double a = 0, b = 0, c = 0;
    if (row >> name >> eq >> a >> b >> c && name.size() >= 2 && name[0] == 'b' && eq == "=") {
      s1.push_back(a);
      s2.push_back(b);
      cert.push_back(c);
    }
    if (lines[i].rfind("Data:", 0) == 0) data_header = i;
  }
  std::vector<std::vector<double>> rows;
  for (std::size_t i = data_header + 1; i < lines.size(); ++i) {
    std::istringstream row(lines[i]);
    std::vector<double> values;
    for (double v; row >> v;) values.push_back(v);
    if (!values.empty()) rows.push_back(values);
  }
  const auto vec = [](const std::vector<double>& v) {
    return Vector(Eigen::Map<const Vector>(v.data(), static_cast<Index>(v.size())));
  };
  Problem p{vec(s1), vec(s2), vec(cert), Vector(static_cast<Index>(rows.size())),
            Matrix(static_cast<Index>(rows.size()), static_cast<Index>(rows.at(0).size()) - 1)};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    p.y(static_cast<Index>(i)) = rows[i][0];
    for (std::size_t j = 1; j < rows[i].size(); ++j) p.x(static_cast<Index>(i), static_cast<Index>(j - 1)) = rows[i][j];
  }
  return p;
}

// NIST's model formulas, as written in the files' headers (column 0 of x is
// the predictor; Nelson has two and is fitted to log y).
using Formula = double (*)(const double* x, const Vector& b);

double gauss(const double* v, const Vector& b) {
  const double x = v[0];
  return b(0) * std::exp(-b(1) * x) + b(2) * std::exp(-(x - b(3)) * (x - b(3)) / (b(4) * b(4))) +
         b(5) * std::exp(-(x - b(6)) * (x - b(6)) / (b(7) * b(7)));
}
double lanczos(const double* v, const Vector& b) {
  const double x = v[0];
  return b(0) * std::exp(-b(1) * x) + b(2) * std::exp(-b(3) * x) + b(4) * std::exp(-b(5) * x);
}
double cubic_cubic(const double* v, const Vector& b) {
  const double x = v[0];
  return (b(0) + b(1) * x + b(2) * x * x + b(3) * x * x * x) / (1 + b(4) * x + b(5) * x * x + b(6) * x * x * x);
}
double chwirut(const double* v, const Vector& b) { return std::exp(-b(0) * v[0]) / (b(1) + b(2) * v[0]); }

const std::map<std::string, Formula> kModels = {
    {"Bennett5", [](const double* v, const Vector& b) { return b(0) * std::pow(b(1) + v[0], -1 / b(2)); }},
    {"BoxBOD", [](const double* v, const Vector& b) { return b(0) * (1 - std::exp(-b(1) * v[0])); }},
    {"Chwirut1", chwirut},
    {"Chwirut2", chwirut},
    {"DanWood", [](const double* v, const Vector& b) { return b(0) * std::pow(v[0], b(1)); }},
    {"ENSO",
     [](const double* v, const Vector& b) {
       const double w = 2 * std::numbers::pi * v[0];
       return b(0) + b(1) * std::cos(w / 12) + b(2) * std::sin(w / 12) + b(4) * std::cos(w / b(3)) +
              b(5) * std::sin(w / b(3)) + b(7) * std::cos(w / b(6)) + b(8) * std::sin(w / b(6));
     }},
    {"Eckerle4",
     [](const double* v, const Vector& b) {
       const double t = (v[0] - b(2)) / b(1);
       return (b(0) / b(1)) * std::exp(-0.5 * t * t);
     }},
    {"Gauss1", gauss},
    {"Gauss2", gauss},
    {"Gauss3", gauss},
    {"Hahn1", cubic_cubic},
    {"Kirby2",
     [](const double* v, const Vector& b) {
       const double x = v[0];
       return (b(0) + b(1) * x + b(2) * x * x) / (1 + b(3) * x + b(4) * x * x);
     }},
    {"Lanczos1", lanczos},
    {"Lanczos2", lanczos},
    {"Lanczos3", lanczos},
    {"MGH09",
     [](const double* v, const Vector& b) {
       const double x = v[0];
       return b(0) * (x * x + x * b(1)) / (x * x + x * b(2) + b(3));
     }},
    {"MGH10", [](const double* v, const Vector& b) { return b(0) * std::exp(b(1) / (v[0] + b(2))); }},
    {"MGH17",
     [](const double* v, const Vector& b) { return b(0) + b(1) * std::exp(-v[0] * b(3)) + b(2) * std::exp(-v[0] * b(4)); }},
    {"Misra1a", [](const double* v, const Vector& b) { return b(0) * (1 - std::exp(-b(1) * v[0])); }},
    {"Misra1b", [](const double* v, const Vector& b) { return b(0) * (1 - std::pow(1 + b(1) * v[0] / 2, -2)); }},
    {"Misra1c", [](const double* v, const Vector& b) { return b(0) * (1 - std::pow(1 + 2 * b(1) * v[0], -.5)); }},
    {"Misra1d", [](const double* v, const Vector& b) { return b(0) * b(1) * v[0] * std::pow(1 + b(1) * v[0], -1); }},
    {"Nelson", [](const double* v, const Vector& b) { return b(0) - b(1) * v[0] * std::exp(-b(2) * v[1]); }},
    {"Rat42", [](const double* v, const Vector& b) { return b(0) / (1 + std::exp(b(1) - b(2) * v[0])); }},
    {"Rat43",
     [](const double* v, const Vector& b) { return b(0) / std::pow(1 + std::exp(b(1) - b(2) * v[0]), 1 / b(3)); }},
    {"Roszman1",
     [](const double* v, const Vector& b) {
       return b(0) - b(1) * v[0] - std::atan(b(2) / (v[0] - b(3))) / std::numbers::pi;
     }},
    {"Thurber", cubic_cubic},
};

// The smallest number of correct significant digits over the parameters, capped at 15.
double lre(const Vector& estimate, const Vector& certified) {
  double worst = 15;
  for (Index i = 0; i < certified.size(); ++i) {
    const double err = std::abs(estimate(i) - certified(i)) / std::abs(certified(i));
    worst = std::min(worst, err == 0 ? 15.0 : -std::log10(err));
  }
  return std::max(worst, 0.0);
}

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
    const Vector y = name == "Nelson" ? Vector(p.y.array().log()) : p.y;
    const Formula fn = formula;  // clang 14 cannot capture structured bindings
    const Model model = [fn](const Matrix& x, const Vector& b) {
      Vector out(x.rows());
      for (Index i = 0; i < x.rows(); ++i) {
        const Eigen::RowVectorXd row = x.row(i);
        out(i) = fn(row.data(), b);
      }
      return out;
    };
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
