// TheilSenRegressor against scikit-learn 1.9 where every subset is used
// (C(n, n_subsamples) <= max_subpopulation: no randomness on either side),
// tests/reference/learn_glm_robust.py.
#include <boost/test/unit_test.hpp>
#include <cmath>
#include <scilearn/core/io.hpp>
#include <scilearn/core/warnings.hpp>
#include <scilearn/learn.hpp>
#include <string>
#include <vector>

#include "support/expect.hpp"
#include "support/fixtures.hpp"

BOOST_AUTO_TEST_SUITE(theil_sen_regressor)

using namespace scilearn;
using namespace scilearn::learn;

namespace {

Matrix load(const std::string& name) {
  return io::load_npy<double>(testing::fixture_path("learn/glm_robust/" + name + ".npy"));
}
Vector load_vector(const std::string& name) {
  return io::load_npy_vector<double>(testing::fixture_path("learn/glm_robust/" + name + ".npy"));
}

}  // namespace

// The same subsets, least-squares solutions to rounding (their condition
// numbers are at most ~1e3 here) and the same Weiszfeld iterations from the
// same start: the spatial median agrees to far better than 1e-6, and the
// iteration count is the same.
BOOST_AUTO_TEST_CASE(exact_enumeration_matches_scikit_learn) {
  const auto rows = testing::read_manifest("learn/glm_robust/theil_sen_cases.csv");
  BOOST_REQUIRE(rows.size() == 6);
  double worst = 0;
  for (const auto& r : rows) {
    const Matrix X = load(r.at(1));
    const Vector y = load_vector(r.at(2));
    TheilSenRegressor::Params p{
        .fit_intercept = r.at(4) == "1", .max_iter = std::stoi(r.at(6)), .tol = std::stod(r.at(5)), .random_state = 0};
    if (!r.at(3).empty()) p.n_subsamples = std::stoll(r.at(3));
    TheilSenRegressor model(p);
    model.fit(X, y);
    Vector ours(X.cols() + 1), theirs(X.cols() + 1);
    ours << model.coef(), model.intercept();
    theirs << load_vector("ts_" + r.at(0) + "_coef"), std::stod(r.at(7));
    BOOST_TEST_INFO(r.at(0));
    worst = std::max(worst, (ours - theirs).cwiseAbs().maxCoeff() / std::max(1.0, theirs.cwiseAbs().maxCoeff()));
    BOOST_TEST((ours - theirs).cwiseAbs().maxCoeff() <= 1e-6 * std::max(1.0, theirs.cwiseAbs().maxCoeff()));
    BOOST_TEST(model.n_subpopulation() == std::stoll(r.at(8)));
    BOOST_TEST(std::abs(model.breakdown() - std::stod(r.at(9))) <= 1e-15);
    BOOST_TEST(model.n_iter() == std::stoll(r.at(10)));
  }
  BOOST_TEST_MESSAGE("TheilSenRegressor (all subsets): largest normwise error " << worst);
}

BOOST_AUTO_TEST_CASE(random_subsets_are_reproducible_and_robust) {
  // C(12, 3) = 220 > 50: random subsets.
  const Matrix X = load("Xt");
  const Vector y = load_vector("yt");
  TheilSenRegressor a({.max_subpopulation = 50, .random_state = 5}), b({.max_subpopulation = 50, .random_state = 5});
  a.fit(X, y);
  b.fit(X, y);
  BOOST_TEST(a.n_subpopulation() == 50);
  BOOST_TEST((a.coef() == b.coef()));
  // The two outliers barely move it: close to the true (2, -1, 0.5).
  BOOST_TEST(std::abs(a.coef()(0) - 2.0) <= 0.5);
  BOOST_TEST(std::abs(a.coef()(1) + 1.0) <= 0.5);
}

BOOST_AUTO_TEST_CASE(thread_count_does_not_change_the_result) {
  const Matrix X = load("Xt");
  const Vector y = load_vector("yt");
  TheilSenRegressor one({.n_subsamples = 5, .n_jobs = 1}), two({.n_subsamples = 5, .n_jobs = 2});
  one.fit(X, y);
  two.fit(X, y);
  BOOST_TEST((one.coef() == two.coef()));
  BOOST_TEST(one.intercept() == two.intercept());
}

BOOST_AUTO_TEST_CASE(bad_parameters_are_rejected) {
  const Matrix X = load("Xt");
  const Vector y = load_vector("yt");
  BOOST_CHECK_THROW(TheilSenRegressor({.n_subsamples = 13}).fit(X, y), ValueError);
  BOOST_CHECK_THROW(TheilSenRegressor({.n_subsamples = 2}).fit(X, y), ValueError);  // < n_features + 1
  BOOST_CHECK_THROW(TheilSenRegressor({.max_subpopulation = 0.5}).fit(X, y), ValueError);
  BOOST_CHECK_THROW(TheilSenRegressor({.tol = -1}).fit(X, y), ValueError);
  BOOST_CHECK_THROW(TheilSenRegressor().fit(X, y, Vector::Ones(y.size())), ValueError);
}

BOOST_AUTO_TEST_CASE(max_iter_reached_warns) {
  const Matrix X = load("Xt");
  const Vector y = load_vector("yt");
  int count = 0;
  const ScopedWarningHandler handler([&](const Warning& w) { count += w.category == WarningCategory::convergence; });
  TheilSenRegressor model({.max_iter = 2, .tol = 0});
  model.fit(X, y);
  BOOST_TEST(count == 1);
  BOOST_TEST(model.n_iter() == 1);
}

BOOST_AUTO_TEST_SUITE_END()
