// multivariate_normal, multinomial and dirichlet against SciPy 1.17
// (tests/reference/stats_multivariate.py), closed forms and sample moments.

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <limits>
#include <numbers>
#include <scilearn/core/errors.hpp>
#include <scilearn/stats/multivariate.hpp>
#include <scilearn/stats/order_statistics.hpp>

#include "manifest_cases.hpp"

BOOST_AUTO_TEST_SUITE(multivariate)

using namespace scilearn;
namespace tt = boost::test_tools;

namespace {

using Case = testing::ManifestCase;
std::vector<Case> cases_of(const std::string& function) { return testing::manifest_cases("stats/multivariate", function); }

// Relative error, 0 for equal infinities.
double relative_error(double value, double reference) {
  if (value == reference) return 0;
  return std::abs(value - reference) / std::max(std::abs(reference), 1e-300);
}

// The case's x rows as points.
Matrix points(const Case& c) { return c.matrix("x"); }

stats::MultivariateNormal mvn_of(const Case& c, const std::string& prefix) {
  Case params = c;
  params.name = prefix;
  return stats::multivariate_normal(params.vector("mean"), params.matrix("cov"), c.options.count("allow_singular") && c.option("allow_singular") != 0);
}

}  // namespace

// logpdf: the same eigendecomposition formula as SciPy's, so 1e-12 relative
// (the eigensolvers differ; the Mahalanobis term of a point 40 away is large,
// which the relative measure absorbs); -inf exactly off a singular support.
BOOST_AUTO_TEST_CASE(mvn_logpdf_and_entropy_match_scipy) {
  double worst = 0;
  for (const Case& c : cases_of("mvn_logpdf")) {
    const stats::MultivariateNormal mvn = mvn_of(c, c.name);
    const Matrix x = points(c);
    BOOST_TEST_REQUIRE(static_cast<std::size_t>(x.rows()) == c.values.size());
    const Vector logpdf = mvn.logpdf(x), pdf = mvn.pdf(x);
    for (Index i = 0; i < x.rows(); ++i) {
      const double e = relative_error(logpdf(i), c.values[static_cast<std::size_t>(i)]);
      worst = std::max(worst, e);
      BOOST_TEST(e <= 1e-12, c.name << " row " << i << ": " << logpdf(i) << " against " << c.values[static_cast<std::size_t>(i)]);
      BOOST_TEST(pdf(i) == std::exp(logpdf(i)));
    }
  }
  for (const Case& c : cases_of("mvn_entropy")) {
    BOOST_TEST(mvn_of(c, c.name).entropy() == c.values[0], tt::tolerance(1e-13));
  }
  BOOST_TEST_MESSAGE("mvn logpdf: largest relative error " << worst);
}

// cdf: the references are SciPy's cdf at tolerance 1e-8; ours runs at its
// default tolerances (1e-5, 3.5 standard errors) and must land within them,
// and within 5e-6 when asked for 1e-6 (tighter runs take seconds in the
// unoptimized test builds).
BOOST_AUTO_TEST_CASE(mvn_cdf_matches_scipy) {
  for (const Case& c : cases_of("mvn_cdf")) {
    const std::string params = c.name.substr(0, c.name.size() - 4);  // drop "_cdf"
    const stats::MultivariateNormal mvn = mvn_of(c, params);
    const Matrix x = c.matrix("x"), low = c.matrix("low");
    for (Index i = 0; i < x.rows(); ++i) {
      const double reference = c.values[static_cast<std::size_t>(i)];
      const Vector upper = x.row(i).transpose(), lower = low.row(i).transpose();
      const double p = mvn.cdf(upper, {.lower_limit = lower});
      BOOST_TEST(std::abs(p - reference) <= 1e-5, c.name << " row " << i << ": " << p << " against " << reference);
      const double tight = mvn.cdf(upper, {.lower_limit = lower, .abseps = 1e-6, .releps = 1e-6});
      BOOST_TEST(std::abs(tight - reference) <= 5e-6, c.name << " row " << i << ": " << tight << " against " << reference);
    }
  }
}

// Orthant probabilities have closed forms: P(X <= 0, Y <= 0) = 1/4 +
// asin(rho) / (2 pi); in three dimensions 1/8 + (asin r12 + asin r13 +
// asin r23) / (4 pi).
BOOST_AUTO_TEST_CASE(mvn_cdf_of_orthants_has_closed_forms) {
  const double pi = std::numbers::pi;
  for (const double rho : {-0.9, -0.3, 0.0, 0.5, 0.99}) {
    const auto mvn = stats::multivariate_normal(Vector::Zero(2), Matrix{{1.0, rho}, {rho, 1.0}});
    BOOST_TEST(std::abs(mvn.cdf(Vector::Zero(2), {.abseps = 1e-6, .releps = 0}) - (0.25 + std::asin(rho) / (2 * pi))) <= 5e-6);
  }
  const Matrix r{{1.0, 0.6, -0.2}, {0.6, 1.0, 0.3}, {-0.2, 0.3, 1.0}};
  const auto mvn = stats::multivariate_normal(Vector::Zero(3), 4 * r);
  const double exact = 0.125 + (std::asin(0.6) + std::asin(-0.2) + std::asin(0.3)) / (4 * pi);
  BOOST_TEST(std::abs(mvn.cdf(Vector::Zero(3), {.abseps = 1e-6, .releps = 0}) - exact) <= 5e-6);
  // Independent coordinates: the product of the one-dimensional cdfs.
  const auto independent = stats::multivariate_normal(Vector{{1.0, -1.0, 0.0}}, Vector{{1.0, 4.0, 0.25}}.asDiagonal());
  const double product = 0.5 * std::erfc(-(0.5 - 1.0) / std::sqrt(2.0)) * 0.5 * std::erfc(-(0.0 + 1.0) / (2 * std::sqrt(2.0))) *
                         0.5 * std::erfc(-(0.3) / (0.5 * std::sqrt(2.0)));
  BOOST_TEST(std::abs(independent.cdf(Vector{{0.5, 0.0, 0.3}}, {.abseps = 1e-6, .releps = 0}) - product) <= 5e-6);
  // A singular cov (x2 = x1): P(X1 <= 0, X2 <= 1) = P(X1 <= 0) = 1/2.
  const auto degenerate = stats::multivariate_normal(Vector::Zero(2), Matrix::Ones(2, 2), true);
  BOOST_TEST(std::abs(degenerate.cdf(Vector{{0.0, 1.0}}) - 0.5) <= 1e-5);
}

BOOST_AUTO_TEST_CASE(mvn_rvs_have_the_mean_and_covariance) {
  const Vector mean{{1.0, -2.0, 0.5}};
  const Matrix cov{{2.0, 0.3, -0.4}, {0.3, 1.0, 0.2}, {-0.4, 0.2, 0.5}};
  const auto mvn = stats::multivariate_normal(mean, cov);
  const Index n = 200'000;
  const Matrix x = mvn.rvs(n, 11);
  const Vector m = x.colwise().mean();
  const Matrix centred = x.rowwise() - m.transpose();
  const Matrix c = centred.transpose() * centred / static_cast<double>(n - 1);
  // Standard errors: sqrt(cov_ii / n) < 0.0032 for the mean, about
  // sqrt((cov_ii cov_jj + cov_ij^2) / n) < 0.0071 for the covariance; 5 of them.
  BOOST_TEST((m - mean).cwiseAbs().maxCoeff() <= 0.016);
  BOOST_TEST((c - cov).cwiseAbs().maxCoeff() <= 0.036);
  BOOST_TEST((mvn.rvs(5, 3) == mvn.rvs(5, 3)));
}

BOOST_AUTO_TEST_CASE(mvn_bad_input) {
  BOOST_CHECK_THROW((void)stats::multivariate_normal(Vector::Zero(2), Matrix::Identity(3, 3)), ValueError);
  BOOST_CHECK_THROW((void)stats::multivariate_normal(Vector::Zero(2), Matrix{{1.0, 2.0}, {2.0, 1.0}}), ValueError);
  BOOST_CHECK_THROW((void)stats::multivariate_normal(Vector::Zero(2), Matrix::Ones(2, 2)), LinAlgError);
  BOOST_CHECK_THROW((void)stats::multivariate_normal(Vector{{0.0, std::nan("")}}, Matrix::Identity(2, 2)), ValueError);
  const auto mvn = stats::multivariate_normal(Vector::Zero(2), Matrix::Identity(2, 2));
  BOOST_CHECK_THROW((void)mvn.logpdf(Vector(Vector::Zero(3))), ValueError);
  BOOST_CHECK_THROW((void)mvn.cdf(Vector::Zero(2), {.abseps = -1}), ValueError);
  BOOST_CHECK_THROW((void)mvn.rvs(-1, 1), ValueError);
  BOOST_TEST(std::isnan(mvn.logpdf(Vector{{0.0, std::nan("")}})));
}

// multinomial: lgamma sums in another order than SciPy's: 1e-13 relative.
BOOST_AUTO_TEST_CASE(multinomial_matches_scipy) {
  for (const Case& c : cases_of("multinomial_logpmf")) {
    const auto dist = stats::multinomial(c.integer("n"), c.vector("p"));
    const Matrix x = points(c);
    for (Index i = 0; i < x.rows(); ++i) {
      const double reference = c.values[static_cast<std::size_t>(i)];
      const double value = dist.logpmf(Vector(x.row(i).transpose()));
      BOOST_TEST(relative_error(value, reference) <= 1e-13, c.name << " row " << i << ": " << value << " against " << reference);
    }
  }
  for (const Case& c : cases_of("multinomial_moments")) {
    const auto dist = stats::multinomial(c.integer("n"), c.vector("p"));
    const Index k = dist.p().size();
    const Vector mean = dist.mean();
    const Matrix cov = dist.cov();
    for (Index i = 0; i < k; ++i) {
      BOOST_TEST(mean(i) == c.values[static_cast<std::size_t>(i)], tt::tolerance(1e-14));
      for (Index j = 0; j < k; ++j) {
        BOOST_TEST(std::abs(cov(i, j) - c.values[static_cast<std::size_t>(k + i * k + j)]) <= 1e-13 * std::max(1.0, std::abs(cov(i, i))));
      }
    }
    BOOST_TEST(std::abs(dist.entropy() - c.values.back()) <= 1e-12 * std::max(1.0, std::abs(c.values.back())));
  }
}

BOOST_AUTO_TEST_CASE(multinomial_semantics) {
  const auto dist = stats::multinomial(4, Vector{{0.25, 0.75}});
  BOOST_TEST(dist.pmf(Vector{{1.0, 3.0}}) == 4 * 0.25 * 0.75 * 0.75 * 0.75, tt::tolerance(1e-14));
  BOOST_TEST(dist.pmf(Vector{{1.5, 2.5}}) == 0.0);
  BOOST_TEST(dist.pmf(Vector{{-1.0, 5.0}}) == 0.0);
  BOOST_TEST(std::isnan(stats::multinomial(-1, Vector{{0.5, 0.5}}).pmf(Vector{{0.0, 0.0}})));
  BOOST_TEST(std::isnan(stats::multinomial(3, Vector{{1.5, -0.5}}).entropy()));
  BOOST_CHECK_THROW((void)dist.pmf(Vector::Zero(3)), ValueError);
  // rvs: rows sum to n, and the category means are n p.
  const Matrix x = stats::multinomial(20, Vector{{0.1, 0.2, 0.7}}).rvs(20'000, 5);
  BOOST_TEST((x.rowwise().sum().array() == 20).all());
  const Vector m = x.colwise().mean();
  // Standard errors sqrt(n p (1 - p) / 20000) <= 0.015; 5 of them.
  BOOST_TEST(std::abs(m(0) - 2) <= 0.075);
  BOOST_TEST(std::abs(m(2) - 14) <= 0.075);
}

// dirichlet: 1e-13 relative (lgamma and digamma sums).
BOOST_AUTO_TEST_CASE(dirichlet_matches_scipy) {
  for (const Case& c : cases_of("dirichlet_logpdf")) {
    const auto dist = stats::dirichlet(c.vector("alpha"));
    const Matrix x = points(c);
    for (Index i = 0; i < x.rows(); ++i) {
      const double reference = c.values[static_cast<std::size_t>(i)];
      BOOST_TEST(relative_error(dist.logpdf(Vector(x.row(i).transpose())), reference) <= 1e-13);
      // The same point given by its first k - 1 coordinates (sum within 1e-9).
      BOOST_TEST(std::abs(dist.logpdf(Vector(x.row(i).head(x.cols() - 1).transpose())) - reference) <= 1e-6);
    }
  }
  for (const Case& c : cases_of("dirichlet_moments")) {
    const auto dist = stats::dirichlet(c.vector("alpha"));
    const Index k = dist.alpha().size();
    Vector ours(2 * k + k * k + 1);
    ours << dist.mean(), dist.var(), dist.cov().reshaped<Eigen::RowMajor>(), dist.entropy();
    for (Index i = 0; i < ours.size(); ++i) {
      BOOST_TEST(std::abs(ours(i) - c.values[static_cast<std::size_t>(i)]) <= 1e-13 * std::max(1.0, std::abs(ours(i))));
    }
  }
}

BOOST_AUTO_TEST_CASE(dirichlet_semantics) {
  BOOST_CHECK_THROW((void)stats::dirichlet(Vector{{1.0}}), ValueError);
  BOOST_CHECK_THROW((void)stats::dirichlet(Vector{{1.0, 0.0}}), ValueError);
  const auto dist = stats::dirichlet(Vector{{0.5, 2.0, 3.0}});
  BOOST_CHECK_THROW((void)dist.pdf(Vector{{0.5, 0.6, -0.1}}), ValueError);
  BOOST_CHECK_THROW((void)dist.pdf(Vector{{0.2, 0.2, 0.2}}), ValueError);
  BOOST_CHECK_THROW((void)dist.pdf(Vector{{0.0, 0.5, 0.5}}), ValueError);  // x = 0 where alpha < 1
  BOOST_CHECK_THROW((void)dist.pdf(Vector::Zero(5)), ValueError);
  // rvs: on the simplex, with the mean alpha / alpha_0.
  const Matrix x = dist.rvs(50'000, 9);
  BOOST_TEST(((x.rowwise().sum().array() - 1).abs() < 1e-14).all());
  const Vector m = x.colwise().mean();
  // Standard errors sqrt(var / 50000) < 0.0009; 5 of them.
  BOOST_TEST((m - dist.mean()).cwiseAbs().maxCoeff() <= 0.0045);
}

BOOST_AUTO_TEST_SUITE_END()
