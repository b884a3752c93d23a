#include <boost/test/unit_test.hpp>
#include <cmath>
#include <iostream>
#include <scilearn/core/errors.hpp>
#include <scilearn/core/io.hpp>
#include <scilearn/stats/kde.hpp>
#include <sstream>
#include <string>

#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(kde)

using namespace scilearn;

namespace {

Matrix load(const std::string& name) { return io::load_npy<double>(testing::fixture_path("stats/kde/" + name + ".npy")); }

Vector split(const std::string& s) {
  std::vector<double> v;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ';');) v.push_back(std::stod(item));
  return Eigen::Map<Vector>(v.data(), static_cast<Index>(v.size()));
}

}  // namespace

// Against SciPy 1.17 (tests/reference/stats_kde.py): factor, neff and the
// kernel covariance to 1e-13 relative; the density to 1e-12 relative (sums of
// up to 200 exponentials in other orders) and its log to 1e-12 absolute, also
// at points 20 bandwidths out where the density underflows to 0 but the log
// is finite; integrate_box_1d to 1e-13.
BOOST_AUTO_TEST_CASE(gaussian_kde_matches_scipy) {
  const Matrix one = load("one"), two = load("two"), points1 = load("points1"), points2 = load("points2");
  const Vector weights = load("weights");
  int rows = 0;
  double worst = 0;
  for (const auto& c : testing::read_manifest("stats/kde/values.csv")) {
    BOOST_TEST_CONTEXT(c[0] << " " << c[1]) {
      const std::string label = c[0].substr(0, c[0].find(':')), bw = c[0].substr(c[0].find(':') + 1);
      const Matrix& data = label == "one" ? one : two;
      const Vector w = label == "two_w" ? weights : Vector();
      const stats::gaussian_kde kde =
          bw == "scott"       ? stats::gaussian_kde(data, stats::Bandwidth::scott, w)
          : bw == "silverman" ? stats::gaussian_kde(data, stats::Bandwidth::silverman, w)
                              : stats::gaussian_kde(data, std::stod(bw), w);
      const Matrix& points = label == "one" ? points1 : points2;
      Vector ours, ref = split(c[2]);
      double tol = 1e-13;
      bool absolute = false;
      if (c[1] == "factor") {
        ours = Vector::Constant(1, kde.factor());
      } else if (c[1] == "neff") {
        ours = Vector::Constant(1, kde.neff());
      } else if (c[1] == "covariance") {
        ours = kde.covariance().transpose().reshaped();  // SciPy's row-major ravel
      } else if (c[1] == "evaluate") {
        ours = kde.evaluate(points);
        tol = 1e-12;
      } else if (c[1] == "logpdf") {
        ours = kde.logpdf(points);
        tol = 1e-12;
        absolute = true;
      } else {
        ours = Vector::Constant(1, kde.integrate_box_1d(-1.5, 0.7));
      }
      BOOST_TEST_REQUIRE(ours.size() == ref.size());
      for (Index i = 0; i < ref.size(); ++i) {
        const double scale = absolute ? std::max(1.0, std::abs(ref(i))) : std::abs(ref(i));
        const double error = ref(i) == 0 ? std::abs(ours(i)) : std::abs(ours(i) - ref(i)) / scale;
        worst = std::max(worst, error);
        BOOST_TEST(error <= tol, ours(i) << " against " << ref(i));
      }
      ++rows;
    }
  }
  BOOST_TEST(rows == 48);
  std::cout << "gaussian_kde: " << rows << " quantities, largest relative difference " << worst << "\n";
}

// resample draws from the density: for a one-dimensional kde, the sample's
// mean equals the data's (weighted) mean and its variance the data variance
// plus the kernel's, within 5 standard errors; the same seed repeats.
BOOST_AUTO_TEST_CASE(resample_and_bad_input) {
  const Matrix one = load("one");
  const stats::gaussian_kde kde(one);
  const Matrix s = kde.resample(40000, std::uint64_t{3});
  BOOST_TEST(s.rows() == 1);
  const double data_mean = one.row(0).mean();
  const double data_var = (one.row(0).array() - data_mean).square().mean();
  const double var = data_var + kde.covariance()(0, 0);
  BOOST_TEST(std::abs(s.row(0).mean() - data_mean) < 5 * std::sqrt(var / 40000));
  const double sample_var = (s.row(0).array() - s.row(0).mean()).square().mean();
  BOOST_TEST(std::abs(sample_var - var) < 5 * var * std::sqrt(2.0 / 40000) * 2);
  BOOST_TEST((kde.resample(10, std::uint64_t{5}) == kde.resample(10, std::uint64_t{5})));
  BOOST_TEST(kde.resample().cols() == static_cast<Index>(kde.neff()));
  const Vector grid = Vector::LinSpaced(5, -2, 2);  // a Vector of points for one-dimensional data
  BOOST_TEST((kde.evaluate(grid) == kde.evaluate(Matrix(grid.transpose()))));
  BOOST_CHECK_THROW((void)stats::gaussian_kde(Matrix(2, 2)), ValueError);  // n <= d
  BOOST_CHECK_THROW((void)stats::gaussian_kde(one, -1.0), ValueError);
  BOOST_CHECK_THROW((void)stats::gaussian_kde(one, stats::Bandwidth::scott, Vector::Ones(3)), ValueError);
  BOOST_CHECK_THROW((void)kde.evaluate(Matrix::Zero(2, 3)), ValueError);
  const Matrix flat = (Matrix(2, 4) << 1, 2, 3, 4, 2, 4, 6, 8).finished();  // on a line
  BOOST_CHECK_THROW((void)stats::gaussian_kde(flat), ValueError);
  BOOST_CHECK_THROW((void)stats::gaussian_kde(load("two")).integrate_box_1d(0, 1), ValueError);
}

BOOST_AUTO_TEST_SUITE_END()
