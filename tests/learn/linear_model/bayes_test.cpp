// BayesianRidge and ARDRegression against scikit-learn 1.9
// (tests/reference/learn_bayes_lars.py).
#include <Eigen/Cholesky>
#include <boost/test/unit_test.hpp>
#include <scilearn/core/random.hpp>
#include <scilearn/learn.hpp>

#include "learn/linear_model/bayes_lars_fixtures.hpp"
#include "support/expect.hpp"

BOOST_AUTO_TEST_SUITE(linear_model_bayes)

using namespace scilearn;
using namespace scilearn::learn;
using namespace scilearn::testing::bayes_lars;

namespace {

// The fixed-point iterations stop on the same iteration as scikit-learn's
// (checked), so the answers differ by rounding only; 1e-6 relative (the
// task's bound) leaves room for the different SVD and summation orders.
constexpr double tol = 1e-6;

template <class Model>
void check_common(const Model& model, const std::string& name, const Matrix& X_test) {
  BOOST_TEST_INFO(name);
  BOOST_TEST(model.n_iter() == static_cast<Index>(scalar(name + "_n_iter")));
  BOOST_TEST(relative_error(model.coef(), vector(name + "_coef")) <= tol);
  BOOST_TEST(std::abs(model.intercept() - scalar(name + "_intercept")) <=
             tol * std::max(1.0, std::abs(scalar(name + "_intercept"))));
  BOOST_TEST(relative_error(model.alpha(), scalar(name + "_alpha")) <= tol);
  BOOST_TEST(relative_error(model.sigma(), matrix(name + "_sigma")) <= tol);
  const auto [mean, std] = model.predict_with_std(X_test);
  BOOST_TEST(relative_error(mean, vector(name + "_mean")) <= tol);
  BOOST_TEST(relative_error(std, vector(name + "_std")) <= tol);
  BOOST_TEST((model.predict(X_test) == mean));
}

}  // namespace

BOOST_AUTO_TEST_CASE(bayesian_ridge_matches_scikit_learn_on_tall_data) {
  const Matrix X = matrix("X"), X_test = matrix("X_test");
  BayesianRidge model;
  model.fit(X, vector("y"));
  check_common(model, "br_default", X_test);
  BOOST_TEST(relative_error(model.lambda(), scalar("br_default_lambda")) <= tol);
  BOOST_TEST(model.scores().size() == 0);
}

BOOST_AUTO_TEST_CASE(bayesian_ridge_with_weights_and_scores_matches_scikit_learn) {
  const Matrix X = matrix("X"), X_test = matrix("X_test");
  BayesianRidge model({.tol = 1e-6, .compute_score = true});
  model.fit(X, vector("y"), vector("w"));
  check_common(model, "br_weighted_score", X_test);
  BOOST_TEST(relative_error(model.lambda(), scalar("br_weighted_score_lambda")) <= tol);
  BOOST_TEST(relative_error(model.scores(), vector("br_weighted_score_scores")) <= tol);
}

BOOST_AUTO_TEST_CASE(bayesian_ridge_on_wide_data_uses_the_full_svd) {
  const Matrix Xw = matrix("Xw");
  BayesianRidge model(
      {.max_iter = 50, .alpha_init = 1.0, .lambda_init = 1e-3, .compute_score = true, .fit_intercept = false});
  model.fit(Xw, vector("yw"));
  const Matrix X_test = Xw.topRows(5).array() + 0.5;
  check_common(model, "br_wide", X_test);
  BOOST_TEST(relative_error(model.lambda(), scalar("br_wide_lambda")) <= tol);
  BOOST_TEST(relative_error(model.scores(), vector("br_wide_scores")) <= tol);
  BOOST_TEST(model.intercept() == 0.0);
}

BOOST_AUTO_TEST_CASE(ard_matches_scikit_learn_on_tall_data) {
  ARDRegression model;
  model.fit(matrix("X"), vector("y"));
  check_common(model, "ard_default", matrix("X_test"));
  BOOST_TEST(relative_error(model.lambda(), vector("ard_default_lambda")) <= tol);
}

BOOST_AUTO_TEST_CASE(ard_on_wide_data_uses_woodbury_and_prunes) {
  const Matrix Xw = matrix("Xw");
  ARDRegression model({.compute_score = true, .threshold_lambda = 1e3, .fit_intercept = false});
  model.fit(Xw, vector("yw"));
  const Matrix X_test = Xw.topRows(5).array() + 0.5;
  check_common(model, "ard_wide", X_test);
  // Pruned precisions grow without bound: compare the kept ones closely.
  const Vector expected = vector("ard_wide_lambda");
  for (Index j = 0; j < expected.size(); ++j) {
    BOOST_TEST_INFO("lambda " << j);
    BOOST_TEST((model.lambda()(j) < 1e3) == (expected(j) < 1e3));
    if (expected(j) < 1e3) BOOST_TEST(relative_error(model.lambda()(j), expected(j)) <= tol);
  }
  BOOST_TEST(relative_error(model.scores(), vector("ard_wide_scores")) <= tol);
}

BOOST_AUTO_TEST_CASE(ard_on_diabetes_with_scores) {
  const Matrix Xd = matrix("Xd");
  ARDRegression model({.tol = 1e-5, .compute_score = true});
  model.fit(Xd, vector("yd"));
  check_common(model, "ard_diabetes", Matrix(Xd.topRows(5) * 0.5));
  BOOST_TEST(relative_error(model.lambda(), vector("ard_diabetes_lambda")) <= tol);
  BOOST_TEST(relative_error(model.scores(), vector("ard_diabetes_scores")) <= tol);
}

BOOST_AUTO_TEST_CASE(bayesian_ridge_is_the_ridge_posterior_at_its_alpha_and_lambda) {
  // Closed form: coef = (X'X + lambda / alpha I)^-1 X'y on the centered data,
  // sigma = (lambda I + alpha X'X)^-1, for several random problems.
  for (const std::uint64_t seed : {1u, 2u, 3u}) {
    Generator rng(seed);
    const Matrix X = rng.standard_normal(40, 5);
    const Vector y = X * Vector::LinSpaced(5, -1.0, 1.0) + 0.5 * rng.standard_normal(40);
    BayesianRidge model;
    model.fit(X, y);
    const Matrix Xc = X.rowwise() - X.colwise().mean();
    const Vector yc = y.array() - y.mean();
    Matrix A = Xc.transpose() * Xc;
    A.diagonal().array() += model.lambda() / model.alpha();
    const Vector coef = A.ldlt().solve(Xc.transpose() * yc);
    BOOST_TEST_INFO("seed " << seed);
    BOOST_TEST(relative_error(model.coef(), coef) <= 1e-12);
    Matrix precision = model.alpha() * (Xc.transpose() * Xc);
    precision.diagonal().array() += model.lambda();
    BOOST_TEST(relative_error(model.sigma() * precision, Matrix::Identity(5, 5)) <= 1e-12);
    BOOST_TEST(std::abs(model.intercept() - (y.mean() - X.colwise().mean().dot(model.coef()))) <= 1e-12);
  }
}

BOOST_AUTO_TEST_CASE(bad_parameters_are_rejected) {
  const Matrix X = matrix("X");
  const Vector y = vector("y");
  BOOST_CHECK_THROW(BayesianRidge({.max_iter = 0}).fit(X, y), ValueError);
  BOOST_CHECK_THROW(BayesianRidge({.tol = 0}).fit(X, y), ValueError);
  BOOST_CHECK_THROW(BayesianRidge({.alpha_1 = -1}).fit(X, y), ValueError);
  BOOST_CHECK_THROW(BayesianRidge({.alpha_init = -1.0}).fit(X, y), ValueError);
  BOOST_CHECK_THROW(ARDRegression({.lambda_2 = -1}).fit(X, y), ValueError);
  BOOST_CHECK_THROW(ARDRegression().fit(X, y, vector("w")), ValueError);
  BOOST_CHECK_THROW(ARDRegression().fit(X.topRows(1), y.head(1)), ValueError);
}

BOOST_AUTO_TEST_CASE(params_by_name_follow_scikit_learn) {
  BayesianRidge model;
  model.set_params(ParamMap{{"alpha_init", 0.5}, {"max_iter", std::int64_t{10}}});
  BOOST_TEST(model.params().alpha_init.value() == 0.5);
  BOOST_TEST(model.params().max_iter == 10);
  model.set_params(ParamMap{{"alpha_init", ParamValue()}});
  BOOST_TEST(!model.params().alpha_init.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
