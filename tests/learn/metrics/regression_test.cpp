#include <boost/test/unit_test.hpp>
#include <cmath>
#include <functional>
#include <iostream>
#include <limits>
#include <map>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn/metrics/regression.hpp>
#include <sstream>
#include <string>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(metrics_regression)

using namespace scilearn;
using namespace scilearn::learn;

namespace {

Matrix load(const std::string& name) {
  return io::load_npy<double>(testing::fixture_path("learn/metrics_regression/" + name + ".npy"));
}

Vector split(const std::string& s) {
  std::vector<double> v;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ';');)
    v.push_back(item == "nan"    ? std::numeric_limits<double>::quiet_NaN()
                : item == "inf"  ? std::numeric_limits<double>::infinity()
                : item == "-inf" ? -std::numeric_limits<double>::infinity()
                                 : std::stod(item));
  return Eigen::Map<Vector>(v.data(), static_cast<Index>(v.size()));
}

Multioutput parse_multioutput(const std::string& s) {
  return s == "raw_values"          ? Multioutput::raw_values
         : s == "variance_weighted" ? Multioutput::variance_weighted
                                    : Multioutput::uniform_average;
}

// Silences the library's warnings (R^2 of one sample) for one test.
struct QuietWarnings {
  WarningHandler previous = set_warning_handler([](const Warning&) {});
  ~QuietWarnings() { set_warning_handler(previous); }
};

using Single = std::function<double(const Vector&, const Vector&, const Vector&, bool)>;
using Multi = std::function<Vector(const Matrix&, const Matrix&, Multioutput, const Vector&, bool)>;

}  // namespace

// Against scikit-learn 1.9.1 (tests/reference/learn_metrics_regression.py):
// 1e-13 relative (1e-15 absolute near 0): every value is a ratio of sums of
// at most 50 rounded terms, summed in another order than NumPy's pairwise
// sums. Non-finite values (force_finite=False on constant targets, fewer
// than two samples) must match exactly.
BOOST_AUTO_TEST_CASE(regression_metrics_match_scikit_learn) {
  QuietWarnings quiet;
  const std::map<std::string, Single> single = {
      {"mean_squared_error", [](auto& t, auto& p, auto& w, bool) { return mean_squared_error(t, p, w); }},
      {"root_mean_squared_error", [](auto& t, auto& p, auto& w, bool) { return root_mean_squared_error(t, p, w); }},
      {"mean_absolute_error", [](auto& t, auto& p, auto& w, bool) { return mean_absolute_error(t, p, w); }},
      {"median_absolute_error", [](auto& t, auto& p, auto& w, bool) { return median_absolute_error(t, p, w); }},
      {"r2_score", [](auto& t, auto& p, auto& w, bool ff) { return r2_score(t, p, w, ff); }},
      {"explained_variance_score",
       [](auto& t, auto& p, auto& w, bool ff) { return explained_variance_score(t, p, w, ff); }},
      {"mean_absolute_percentage_error",
       [](auto& t, auto& p, auto& w, bool) { return mean_absolute_percentage_error(t, p, w); }},
      {"mean_squared_log_error", [](auto& t, auto& p, auto& w, bool) { return mean_squared_log_error(t, p, w); }},
      {"d2_absolute_error_score", [](auto& t, auto& p, auto& w, bool) { return d2_absolute_error_score(t, p, w); }},
      {"max_error", [](auto& t, auto& p, auto&, bool) { return max_error(t, p); }},
      {"mean_poisson_deviance", [](auto& t, auto& p, auto& w, bool) { return mean_poisson_deviance(t, p, w); }},
      {"mean_gamma_deviance", [](auto& t, auto& p, auto& w, bool) { return mean_gamma_deviance(t, p, w); }},
  };
  const std::map<std::string, Multi> multi = {
      {"mean_squared_error", [](auto& t, auto& p, auto m, auto& w, bool) { return mean_squared_error(t, p, m, w); }},
      {"root_mean_squared_error",
       [](auto& t, auto& p, auto m, auto& w, bool) { return root_mean_squared_error(t, p, m, w); }},
      {"mean_absolute_error", [](auto& t, auto& p, auto m, auto& w, bool) { return mean_absolute_error(t, p, m, w); }},
      {"median_absolute_error",
       [](auto& t, auto& p, auto m, auto& w, bool) { return median_absolute_error(t, p, m, w); }},
      {"r2_score", [](auto& t, auto& p, auto m, auto& w, bool ff) { return r2_score(t, p, m, w, ff); }},
      {"explained_variance_score",
       [](auto& t, auto& p, auto m, auto& w, bool ff) { return explained_variance_score(t, p, m, w, ff); }},
      {"mean_absolute_percentage_error",
       [](auto& t, auto& p, auto m, auto& w, bool) { return mean_absolute_percentage_error(t, p, m, w); }},
      {"mean_squared_log_error",
       [](auto& t, auto& p, auto m, auto& w, bool) { return mean_squared_log_error(t, p, m, w); }},
      {"d2_absolute_error_score",
       [](auto& t, auto& p, auto m, auto& w, bool) { return d2_absolute_error_score(t, p, m, w); }},
  };
  int rows = 0;
  double worst = 0;
  for (const auto& c : testing::read_manifest("learn/metrics_regression/values.csv")) {
    BOOST_TEST_CONTEXT(c[0] << " " << c[1] << " " << c[2] << " weighted=" << c[3] << " " << c[4]) {
      const Matrix y_true = load(c[0] + "_y_true"), y_pred = load(c[0] + "_y_pred");
      const Vector w = c[3] == "1" ? Vector(load(c[0] + "_w")) : Vector();
      const bool force_finite = c[4] != "force_finite=0";
      const Vector ref = split(c[5]);
      Vector ours;
      if (c[1] == "mean_tweedie_deviance") {
        const double power = std::stod(c[4].substr(c[4].find('=') + 1));
        ours = Vector::Constant(1, mean_tweedie_deviance(y_true.col(0), y_pred.col(0), w, power));
      } else if (c[2] == "single") {
        ours = Vector::Constant(1, single.at(c[1])(y_true.col(0), y_pred.col(0), w, force_finite));
      } else {
        ours = multi.at(c[1])(y_true, y_pred, parse_multioutput(c[2]), w, force_finite);
      }
      BOOST_TEST_REQUIRE(ours.size() == ref.size());
      for (Index i = 0; i < ref.size(); ++i) {
        if (!std::isfinite(ref(i))) {
          BOOST_TEST((std::isnan(ref(i)) ? std::isnan(ours(i)) : ours(i) == ref(i)), ours(i) << " against " << ref(i));
          continue;
        }
        const double error = std::abs(ours(i) - ref(i)) / std::max(std::abs(ref(i)), 1e-2);
        worst = std::max(worst, error);
        BOOST_TEST(error <= 1e-13, ours(i) << " against " << ref(i));
      }
      ++rows;
    }
  }
  BOOST_TEST(rows == 381);
  std::cout << "regression metrics: " << rows << " values, largest relative difference " << worst << "\n";
}

BOOST_AUTO_TEST_CASE(r2_of_one_sample_is_nan_with_a_warning) {
  int warnings = 0;
  const WarningHandler previous = set_warning_handler([&](const Warning&) { ++warnings; });
  const double r2 = r2_score(Vector::Constant(1, 1.0), Vector::Constant(1, 2.0));
  set_warning_handler(previous);
  BOOST_TEST(std::isnan(r2));
  BOOST_TEST(warnings == 1);
}

BOOST_AUTO_TEST_CASE(perfect_predictions_score_one_and_lose_nothing) {
  const Vector y = Vector::LinSpaced(7, -3, 3);
  BOOST_TEST(r2_score(y, y) == 1.0);
  BOOST_TEST(explained_variance_score(y, y) == 1.0);
  BOOST_TEST(mean_squared_error(y, y) == 0.0);
  BOOST_TEST(max_error(y, y) == 0.0);
  BOOST_TEST(d2_absolute_error_score(y, y) == 1.0);
}

BOOST_AUTO_TEST_CASE(bad_input_throws_value_error_naming_the_function) {
  const Vector y = Vector::LinSpaced(5, 1, 5), short_y = Vector::Ones(4);
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)mean_squared_error(y, short_y); }) ==
             "mean_squared_error: y_true and y_pred have inconsistent lengths (5 and 4)");
  BOOST_CHECK_THROW((void)r2_score(y, y, Vector::Ones(3)), ValueError);
  BOOST_CHECK_THROW((void)mean_absolute_error(Vector(), Vector()), ValueError);
  Vector with_nan = y;
  with_nan(2) = std::numeric_limits<double>::quiet_NaN();
  BOOST_CHECK_THROW((void)mean_absolute_error(y, with_nan), ValueError);
  const Matrix Y = Matrix::Ones(5, 2), Y3 = Matrix::Ones(5, 3);
  BOOST_TEST(testing::message_of<ValueError>([&] { (void)mean_squared_error(Y, Y3, Multioutput::raw_values); }) ==
             "mean_squared_error: y_true and y_pred have different numbers of outputs (2 != 3)");
  BOOST_CHECK_THROW((void)mean_squared_error(Y, Y, Multioutput::variance_weighted), ValueError);
  // Domains of the deviances and the log error.
  const Vector negative = -y;
  BOOST_CHECK_THROW((void)mean_poisson_deviance(negative, y), ValueError);
  BOOST_CHECK_THROW((void)mean_poisson_deviance(y, negative), ValueError);
  BOOST_CHECK_THROW((void)mean_gamma_deviance(negative, y), ValueError);
  Vector with_zero = y;
  with_zero(0) = 0;
  BOOST_CHECK_THROW((void)mean_gamma_deviance(with_zero, y), ValueError);
  (void)mean_poisson_deviance(with_zero, y);  // y = 0 is in Poisson's domain
  BOOST_CHECK_THROW((void)mean_tweedie_deviance(y, y, Vector(), 0.5), ValueError);
  BOOST_CHECK_THROW((void)mean_tweedie_deviance(y, negative, Vector(), -1.0), ValueError);
  BOOST_CHECK_THROW((void)mean_squared_log_error(Vector::Constant(5, -1.0), y), ValueError);
  BOOST_CHECK_THROW((void)mean_squared_error(y, y, -Vector::Ones(5)), ValueError);
}

BOOST_AUTO_TEST_CASE(inputs_are_not_modified) {
  Vector y = Vector::LinSpaced(9, -2, 6), p = y.reverse(), w = Vector::LinSpaced(9, 0.5, 1.5);
  const Vector y0 = y, p0 = p, w0 = w;
  (void)median_absolute_error(y, p, w);
  (void)d2_absolute_error_score(y, p, w);
  BOOST_TEST((y == y0 && p == p0 && w == w0));
}

BOOST_AUTO_TEST_SUITE_END()
